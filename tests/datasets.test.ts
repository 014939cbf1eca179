/** Datasets: the committed ones are what `export` writes; they fit their schema (zod and JSON Schema). */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { exportDataset } from '../core/dataset.ts';
import { extractText } from '../core/extract/text.ts';
import { Dataset, type FunctionNode } from '../core/model/dataset.ts';
import { type JsonSchema, schemaError } from '../core/json-schema.ts';

const schema = JSON.parse(readFileSync('data/schema/dataset.schema.json', 'utf8')) as JsonSchema;
const fixtures = readdirSync('tests/fixtures').filter((f) => f.endsWith('.txt'));

describe('datasets', () => {
  it('should commit the JSON Schema generated from the zod dataset schema', () => {
    expect(schema).toEqual(JSON.parse(JSON.stringify(z.toJSONSchema(Dataset, { target: 'draft-2020-12' }))));
  });

  for (const f of fixtures) {
    it(`${f}: data/datasets holds what export writes, and it fits its schema`, () => {
      const now = exportDataset(extractText(readFileSync(`tests/fixtures/${f}`, 'utf8'), { name: f }));
      const committed = JSON.parse(readFileSync(`data/datasets/${f.replace(/\.txt$/, '.json')}`, 'utf8'));
      expect(JSON.parse(JSON.stringify(now))).toEqual(committed);
      expect(Dataset.safeParse(committed).success).toBe(true);
      expect(schemaError(schema, committed)).toBeUndefined();
    });
  }

  it('should build the function tree from codes, each level summing to its parent where the document does', () => {
    const d = JSON.parse(readFileSync('data/datasets/hanyang-hr-2023-final.json', 'utf8')) as Dataset;
    expect(d.functionsFrom).toMatch(/公开03表/);
    const total = d.functions.reduce((a, c) => a + c.total, 0);
    expect(total).toBeCloseTo(9452.17, 2);
    const walk = (n: FunctionNode) => {
      expect(n.code.length).toBe(n.level === 'class' ? 3 : n.level === 'section' ? 5 : 7);
      if (n.children.length) expect(n.children.reduce((a, c) => a + c.total, 0)).toBeCloseTo(n.total, 1);
      n.children.forEach(walk);
    };
    d.functions.forEach(walk);
    expect(d.mix).toEqual({ basic: 1131.59, project: 8320.58, personnel: 1086.95, public: 44.64 });
    expect(d.audit.findings.length).toBe(d.audit.summary.checks - d.audit.summary.ok);
  });

  it('should pair the 年初预算 a 决算 text states with the actual beside it, on the budget the stated rate was computed on', () => {
    const d = JSON.parse(readFileSync('data/datasets/hanyang-hr-2023-final.json', 'utf8')) as Dataset;
    expect(d.budgetVsFinal.map((p) => p.code)).toEqual(['2080101', '2080102', '2080104', '2080704', '2080799', '2081199', '2130599']);
    expect(d.budgetVsFinal.find((p) => p.code === '2080101')).toEqual({ code: '2080101', name: '行政运行', scope: 'gpb', budget: 639.75, adjusted: null, actual: 639.57, rate: 99.97 });
    // the text gives 1818.22 and then "年初预算实际为 7556.11"; 89.46 % is 6759.97 ÷ 7556.11
    expect(d.budgetVsFinal.find((p) => p.code === '2080704')).toMatchObject({ budget: 7556.11, actual: 6759.97, rate: 89.46 });
    for (const p of d.budgetVsFinal) if (p.actual !== null && p.rate !== null) expect(Math.abs((p.actual / p.budget) * 100 - p.rate)).toBeLessThan(0.05);
    const budget = JSON.parse(readFileSync('data/datasets/jianghan-hr-2024-budget.json', 'utf8')) as Dataset;
    expect(budget.budgetVsFinal).toEqual([]);
  });

  it('should be refused by the JSON Schema checker when broken, with where', () => {
    const d = JSON.parse(readFileSync('data/datasets/jianghan-hr-2024-budget.json', 'utf8'));
    d.functions[0].children[0].code = 'x';
    expect(schemaError(schema, d)).toMatch(/^\$\.functions\[0\]\.children\[0\]\.code: does not match/);
  });
});
