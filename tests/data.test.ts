/** Every data file validates against its zod schema and is in canonical form. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { ClassesFile, LabelsFile, TemplatesFile, TiesFile } from '../core/knowledge.ts';
import { AuditReport, TemplateId } from '../core/model/schemas.ts';
import { PagesFile } from '../core/detect/page-data.ts';

const read = (f: string) => JSON.parse(readFileSync(`data/${f}`, 'utf8'));

describe('data files', () => {
  it('should validate each data file against its schema', () => {
    expect(TemplatesFile.safeParse(read('templates.json')).error).toBeUndefined();
    expect(LabelsFile.safeParse(read('labels.json')).error).toBeUndefined();
    expect(ClassesFile.safeParse(read('function-classes.json')).error).toBeUndefined();
    expect(TiesFile.safeParse(read('ties.json')).error).toBeUndefined();
    expect(PagesFile.safeParse(read('pages.json')).error).toBeUndefined();
  });

  it('should give every standard template a unique id and aliases that identify it', () => {
    const { templates } = TemplatesFile.parse(read('templates.json'));
    const ids = templates.map((t) => t.id);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of TemplateId.options.filter((x) => x !== 'other')) expect(ids, `template ${id} has no aliases`).toContain(id);
  });

  it('should reference only known templates and well-formed selectors in ties', () => {
    const { ties } = TiesFile.parse(read('ties.json'));
    const ids = new Set(ties.map((t) => t.id));
    expect(ids.size).toBe(ties.length);
    for (const t of ties) {
      for (const term of [t.stated, ...t.terms]) {
        expect(TemplateId.options).toContain(term.template);
        expect(Object.keys(term.row).length, `${t.id}: a row selector`).toBeGreaterThan(0);
        expect(Object.keys(term.col).length, `${t.id}: a column selector`).toBeGreaterThan(0);
        if (t.each) expect(term.row.role === 'class' || term.row.role === 'code', `${t.id}: per-${t.each} rows`).toBe(true);
      }
    }
  });

  it('should keep the data files in canonical JSON (they parse and list no duplicate keys)', () => {
    for (const f of readdirSync('data').filter((x) => x.endsWith('.json'))) {
      const text = readFileSync(`data/${f}`, 'utf8');
      expect(() => JSON.parse(text), f).not.toThrow();
      expect(text.endsWith('\n'), `${f} ends with a newline`).toBe(true);
    }
  });

  it('should commit the JSON Schema generated from the zod report schema', () => {
    const generated = z.toJSONSchema(AuditReport, { target: 'draft-2020-12' });
    expect(read('schema/audit-report.schema.json')).toEqual(JSON.parse(JSON.stringify(generated)));
  });
});
