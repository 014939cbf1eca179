/**
 * Bad input never crashes, never hangs, never passes silently: an empty file, binary data,
 * (how fast is a benchmark figure, `npm run bench`; here every case must simply end),
 * 10 MB of random Chinese text, every fixture cut at each 5 % step, a table with a column
 * missing, arbitrary strings (property-based, fast-check).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { analyzeText } from '../core/analyze.ts';
import { MAX_CHARS } from '../core/extract/text.ts';
import { AuditReport } from '../core/model/schemas.ts';
import { randomChineseText } from '../scripts/random-text.mjs';

const FIXTURES = ['hanyang-hr-2023-final', 'donghu-hrss-2023-final', 'jianghan-hr-2024-budget'];
const fixture = (n: string) => readFileSync(`tests/fixtures/${n}.txt`, 'utf8');

/**
 * A report that did not find tables must say what could not be checked: no table check
 * passes, and the missing tables are counted as could-not-check. (The text's own arithmetic,
 * checked without tables, may still pass.)
 */
function expectHonest(report: AuditReport): void {
  expect(AuditReport.safeParse(report).success).toBe(true);
  if (report.tables.length === 0) {
    const tableChecks = report.checks.filter((c) => c.where.some((w) => w.table));
    expect(tableChecks.filter((c) => c.verdict === 'ok')).toEqual([]);
    expect(report.summary.undecided).toBeGreaterThan(0);
  }
}

/** Deterministic pseudo-random numbers (mulberry32). */
describe('bad input', () => {
  it('should treat an empty document as unreadable, not as passed', () => {
    const report = analyzeText('');
    expectHonest(report);
    expect(report.checks.every((c) => c.verdict === 'undecided')).toBe(true);
  });

  it('should survive binary data', () => {
    const bytes = new Uint8Array(200_000).map((_, i) => (i * 2654435761) % 256);
    const value = analyzeText(new TextDecoder('latin1').decode(bytes));
    expectHonest(value);
  });

  // Its speed is a benchmark figure (`npm run bench`); here: it ends, with an honest report.
  it('should read 10 MB of random Chinese text to the end, reporting what it did not read', { timeout: 60_000 }, () => {
    const text = randomChineseText(10_000_000);
    const value = analyzeText(text);
    expectHonest(value);
    expect(value.summary.discrepancy).toBe(0);
    expect(value.issues.map((i) => i.code)).toContain('narrative-truncated');
    // Cut at 3,000,000 characters, at a line's end, and said so.
    const cut = value.issues.find((i) => i.code === 'input-truncated');
    expect(cut?.message).toMatch(/characters were read/);
    expect(Number(/first ([\d,]+)/.exec(cut?.message ?? '')?.[1]?.replace(/,/g, ''))).toBeLessThanOrEqual(MAX_CHARS);
  });

  it.each(FIXTURES)('should give a partial result for %s cut at every five-per-cent step', (name) => {
    const text = fixture(name);
    const full = analyzeText(text);
    for (let pct = 5; pct < 100; pct += 5) {
      const cut = text.slice(0, Math.floor((text.length * pct) / 100));
      const value = analyzeText(cut);
      expectHonest(value);
      expect(value.tables.length).toBeLessThanOrEqual(full.tables.length + 1);
    }
  });

  it('should not crash on a table with a column missing', () => {
    const text = fixture('donghu-hrss-2023-final')
      .split('\n')
      .map((l) => (l.includes('\t') ? l.split('\t').slice(0, -1).join('\t') : l))
      .join('\n');
    const report = analyzeText(text);
    expectHonest(report);
    expect(report.tables.length).toBeGreaterThan(5);
  });

  it('should never throw on arbitrary text (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 3000 }), (s) => {
        const value = analyzeText(s);
        expect(AuditReport.safeParse(value).success).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('should never throw on a fixture with random lines removed, duplicated or scrambled (property)', () => {
    const lines = fixture('hanyang-hr-2023-final').split('\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.integer({ min: 0, max: 3 }), fc.string({ maxLength: 12 })), { maxLength: 40 }),
        (edits) => {
          const copy = lines.slice();
          for (const [at, op, s] of edits) {
            if (op === 0) copy.splice(at, 1);
            else if (op === 1) copy.splice(at, 0, copy[at] ?? '');
            else if (op === 2) copy[at] = s;
            else copy[at] = (copy[at] ?? '').split('').reverse().join('');
          }
          const value = analyzeText(copy.join('\n'));
          expectHonest(value);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('should never throw on text laid out by position with random edits: lines cut, shifted, blanked, joined (property)', () => {
    const lines = readFileSync('tests/samples/laid-out/donghu-hrss-2023-final.txt', 'utf8').split('\n');
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(lines.length - 1), fc.integer({ min: 0, max: 3 }), fc.nat(40)), { maxLength: 40 }),
        (edits) => {
          const copy = lines.slice();
          for (const [at, op, n] of edits) {
            const l = copy[at] ?? '';
            if (op === 0) copy[at] = l.slice(0, n);
            else if (op === 1) copy[at] = ' '.repeat(n) + l;
            else if (op === 2) copy.splice(at, 0, '');
            else copy.splice(at, 2, `${l}${' '.repeat(n)}${copy[at + 1] ?? ''}`);
          }
          expectHonest(analyzeText(copy.join('\n')));
        },
      ),
      { numRuns: 40 },
    );
  });
});

