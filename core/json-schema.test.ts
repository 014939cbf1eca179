import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeText } from './analyze.ts';
import { AuditReport } from './model/schemas.ts';
import { type JsonSchema, schemaError } from './json-schema.ts';

const schema = JSON.parse(readFileSync('data/schema/audit-report.schema.json', 'utf8')) as JsonSchema;
const report = JSON.parse(JSON.stringify(analyzeText(readFileSync('tests/fixtures/donghu-hrss-2023-final.txt', 'utf8')))) as Record<string, unknown>;

describe('JSON Schema checker', () => {
  it('should accept the reports the engine writes', () => {
    for (const f of ['hanyang-hr-2023-final', 'donghu-hrss-2023-final', 'jianghan-hr-2024-budget']) {
      const r = JSON.parse(JSON.stringify(analyzeText(readFileSync(`tests/fixtures/${f}.txt`, 'utf8'))));
      expect(schemaError(schema, r), f).toBeUndefined();
    }
  });

  it('should say where a report breaks its schema', () => {
    const copy = () => JSON.parse(JSON.stringify(report)) as Record<string, any>;
    const a = copy();
    a.checks[2].verdict = 'fine';
    expect(schemaError(schema, a)).toMatch(/^\$\.checks\[2\]\.verdict: not one of/);
    const b = copy();
    delete b.summary;
    expect(schemaError(schema, b)).toBe('$.summary: missing');
    const c = copy();
    c.extra = 1;
    expect(schemaError(schema, c)).toBe('$.extra: not allowed');
    const d = copy();
    d.checks[0].where[0].value = 'ten';
    expect(schemaError(schema, d)).toMatch(/^\$\.checks\[0\]\.where\[0\]\.value: expected number or null, got string/);
    const e = copy();
    e.schemaVersion = 2;
    expect(schemaError(schema, e)).toBe('$.schemaVersion: expected 1');
    expect(schemaError(schema, null)).toMatch(/expected object/);
  });

  it('should agree with zod on reports changed at random', () => {
    // Paths into the report where a change is made: a field of a check, of a where entry, of the summary.
    const spots = [
      (r: any, v: unknown) => (r.checks[0].stated = v),
      (r: any, v: unknown) => (r.checks[1].severity = v),
      (r: any, v: unknown) => (r.checks[0].where[0].sign = v),
      (r: any, v: unknown) => (r.summary.checks = v),
      (r: any, v: unknown) => (r.document.year = v),
      (r: any, v: unknown) => (r.tables[0].rows[0].values = v),
      (r: any, v: unknown) => (r.claims[0].kind = v),
      (r: any, v: unknown) => (r.lang = v),
    ];
    const values = fc.oneof(fc.integer(), fc.double(), fc.string(), fc.constant(null), fc.boolean(), fc.constant(1), fc.constant(-1), fc.constant('zh'), fc.constant('error'), fc.constant('amount'), fc.array(fc.oneof(fc.integer(), fc.constant(null)), { maxLength: 3 }));
    fc.assert(
      fc.property(fc.integer({ min: 0, max: spots.length - 1 }), values, (k, v) => {
        const r = JSON.parse(JSON.stringify(report));
        (spots[k] as (r: any, v: unknown) => void)(r, v);
        expect(schemaError(schema, r) === undefined).toBe(AuditReport.safeParse(r).success);
      }),
      { numRuns: 300 },
    );
  });
});
