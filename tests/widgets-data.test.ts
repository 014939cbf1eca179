/** The widgets' data side (no DOM): levels, others, amounts, descriptions, CSV; the compiled specs are current. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../core/model/dataset.ts';
import { allRows, budgetRows, compareItems, describe as describeLevel, flaggedCodes, formatAmount, levelItems, toCsv } from '../widgets/internal/data.ts';
import { compileSpecs } from '../scripts/compile-specs.mjs';

const load = (f: string) => JSON.parse(readFileSync(`data/datasets/${f}.json`, 'utf8')) as Dataset;
const hanyang = load('hanyang-hr-2023-final');
const jianghan = load('jianghan-hr-2024-budget');

describe('widget data', () => {
  it('should list a level largest first, small items grouped so the level still adds up', () => {
    const top = levelItems(hanyang, [], 'zh');
    expect(top.map((i) => i.code)).toEqual(['208', 'others']);
    expect(top.find((i) => i.code === 'others')?.grouped).toEqual(['210', '221', '223', '213']);
    expect(top.reduce((a, i) => a + i.value, 0)).toBeCloseTo(9452.17, 2);
    expect(top.reduce((a, i) => a + i.share, 0)).toBeCloseTo(1, 9);
    const under = levelItems(hanyang, ['208'], 'en');
    expect(under.every((i) => i.code.startsWith('208') || i.code === 'others')).toBe(true);
  });

  it('should flag the rows a discrepancy involves and their ancestors', () => {
    expect([...flaggedCodes(hanyang)]).toContain('2080704');
    expect(levelItems(hanyang, [], 'zh').find((i) => i.code === '208')?.flagged).toBe(true);
    expect(levelItems(hanyang, ['208'], 'zh').find((i) => i.code === '20807')?.flagged).toBe(true);
  });

  it('should flag no row for information (items the text leaves unexplained)', () => {
    const info = hanyang.audit.findings.filter((f) => f.severity === 'info' && f.verdict === 'discrepancy' && f.codes.length > 0);
    expect(info.map((f) => f.rule)).toContain('narrative-explained');
    expect(flaggedCodes(hanyang).has('2210201')).toBe(false);
    expect(levelItems(hanyang, [], 'zh').find((i) => i.code === 'others')?.flagged).toBe(false);
  });

  it('should write amounts as Chinese readers read them, and in English', () => {
    expect(formatAmount(9452.17, '万元', 'zh')).toBe('9,452.17 万元');
    expect(formatAmount(123456.7, '万元', 'zh')).toBe('12.35 亿元');
    expect(formatAmount(9452.17, '万元', 'en')).toBe('¥94.52 m');
    expect(formatAmount(123456.7, '万元', 'en')).toBe('¥1.23 bn');
    expect(formatAmount(5000, '元', 'zh')).toBe('0.50 万元');
  });

  it('should describe what is shown in a sentence', () => {
    expect(describeLevel(jianghan, [], levelItems(jianghan, [], 'zh'), 'zh')).toBe(
      '武汉市江汉区人力资源局2024年预算按功能分类的支出共 6,689.82 万元，分为 3 项；最大的是社会保障和就业支出 6,394.99 万元（95.6%）、住房保障支出 173.69 万元（2.6%）、卫生健康支出 121.14 万元（1.8%）。',
    );
  });

  it('should compare two datasets by 类, union of both', () => {
    const rows = compareItems(hanyang, jianghan, []);
    expect(rows.map((r) => r.code).sort()).toEqual(['208', '210', '213', '221', '223']);
    expect(rows.find((r) => r.code === '213')).toMatchObject({ a: 3, b: 0 });
  });

  it('should give one 决算\'s budget and actual as stated, largest first, flagged where a discrepancy involves the row', () => {
    const rows = budgetRows(hanyang);
    expect(rows[0]).toMatchObject({ code: '2080704', a: 7556.11, b: 6759.97, flagged: true });
    expect(rows.length).toBe(hanyang.budgetVsFinal.filter((p) => p.actual !== null).length);
    expect(budgetRows(jianghan)).toEqual([]);
  });

  it('should compare datasets printed in different units in 万元', () => {
    const inYuan: Dataset = { ...jianghan, document: { ...jianghan.document, unit: '元' }, functions: jianghan.functions.map((n) => ({ ...n, total: n.total * 10_000 })) };
    const same = compareItems(hanyang, jianghan, []);
    const mixed = compareItems(hanyang, inYuan, []);
    for (const r of same) expect(mixed.find((m) => m.code === r.code)?.b).toBeCloseTo(r.b, 6);
  });

  it('should write CSV that spreadsheets read as data', () => {
    expect(toCsv([['a', '=cmd'], [1, 'x,"y"']])).toBe('\ufeffa,\'=cmd\n1,"x,""y"""');
    expect(allRows(jianghan)[0]).toEqual(['code', 'name', 'level', 'total', 'basic', 'project', 'unit']);
    expect(allRows(jianghan).length).toBeGreaterThan(10);
  });

  it('should commit the Vega compiled from the Vega-Lite specs, and the dataset schema module', () => {
    for (const [file, text] of Object.entries(compileSpecs(false))) expect(readFileSync(file, 'utf8'), file).toBe(text);
  });
});
