import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

/** A 预算 table as tab-separated text: header, then rows of code, name and figures. */
function table(header: string[], rows: string[][], title = '2024年一般公共预算支出表'): string {
  return ['2024年部门预算', title, '单位：万元', header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
}

function results(text: string) {
  return analyzeText(text).checks.filter((c) => c.rule === 'change-column');
}

const HEADER = ['科目编码', '科目名称', '2023年预算数', '2024年预算数', '增减额', '增减%'];

describe('change-column', () => {
  it('should check the change and its rate on every row, years told by the headers', () => {
    const r = results(
      table(HEADER, [
        ['', '合计', '1,000.00', '1,100.00', '100.00', '10.00'],
        ['208', '社会保障和就业支出', '1,000.00', '1,100.00', '100.00', '10.00'],
        ['20801', '人力资源和社会保障管理事务', '600.00', '700.00', '100.00', '16.67'],
        ['20805', '行政事业单位养老支出', '400.00', '400.00', '0.00', '0.00'],
      ]),
    );
    expect(r).toHaveLength(8);
    expect(r.every((c) => c.verdict === 'ok')).toBe(true);
    const rate = r.find((c) => c.id.endsWith('/c4') && c.stated === 16.67);
    expect(rate?.unit).toBe('%');
    expect(rate?.formula).toContain('([2024年预算数] − [2023年预算数]) ÷ [2023年预算数]');
  });

  it('should find a wrong change and a wrong rate, and take a rate off by its last digit for rounding', () => {
    const r = results(
      table(HEADER, [
        ['', '合计', '1,000.00', '1,100.00', '100.00', '10.00'],
        ['208', '社会保障和就业支出', '1,000.00', '1,100.00', '100.00', '10.00'],
        ['20801', '人力资源和社会保障管理事务', '600.00', '700.00', '110.00', '18.67'],
        ['20805', '行政事业单位养老支出', '400.00', '400.00', '-10.00', '0.01'],
      ]),
    );
    const wrong = r.filter((c) => c.verdict === 'discrepancy').map((c) => [c.stated, c.expected]);
    expect(wrong).toEqual(expect.arrayContaining([[110, 100], [18.67, 16.6667], [-10, 0]]));
    expect(r.find((c) => c.stated === 0.01)?.verdict).toBe('rounding');
  });

  it('should tell the years by 上年 / 本年 and take the total of a year split into parts', () => {
    const r = results(
      table(
        ['科目编码', '科目名称', '上年预算数', '本年预算数', '本年预算数', '本年预算数', '比上年增减', '增减幅度（%）'],
        [['', '', '', '合计', '基本支出', '项目支出', '', ''], ['', '合计', '500.00', '560.00', '300.00', '260.00', '60.00', '12.00'], ['208', '社会保障和就业支出', '500.00', '560.00', '300.00', '260.00', '60.00', '12.00']],
      ),
    );
    expect(r.length).toBeGreaterThanOrEqual(4);
    expect(r.every((c) => c.verdict === 'ok')).toBe(true);
    expect(r.some((c) => c.where.some((w) => w.column?.label === '合计'))).toBe(true);
  });

  it('should pair each item of a year split by item with the same item of the other year (三公)', () => {
    const items = ['合计', '因公出国（境）费', '公务用车购置及运行费', '公务接待费'];
    const text = [
      '2024年部门预算',
      '2024年“三公”经费支出预算表',
      '单位：万元',
      ['项目', '2023年预算数', '', '', '', '2024年预算数', '', '', '', '增减', '', '', ''].join('\t'),
      ['', ...items, ...items, ...items].join('\t'),
      ['金额', '20.00', '5.00', '10.00', '5.00', '18.00', '4.00', '10.00', '4.00', '-2.00', '-1.00', '0.00', '-2.00'].join('\t'),
    ].join('\n');
    const r = results(text);
    expect(r).toHaveLength(4);
    const wrong = r.filter((c) => c.verdict === 'discrepancy');
    expect(wrong.map((c) => [c.stated, c.expected])).toEqual([[-2, -1]]);
    expect(wrong[0]?.formula).toContain('[增减 公务接待费] = [2024年预算数 公务接待费] − [2023年预算数 公务接待费]');
  });

  it('should read a 减少 column as last year − this year', () => {
    const r = results(table(['科目编码', '科目名称', '上年预算数', '本年预算数', '比上年减少'], [['208', '社会保障和就业支出', '500.00', '450.00', '50.00']]));
    expect(r.map((c) => [c.stated, c.expected, c.verdict])).toEqual([[50, 50, 'ok']]);
  });

  it('should leave alone what it cannot pair, rates on a zero base, and counts', () => {
    // two candidates for this year and none is the total: ambiguous
    expect(results(table(['科目编码', '科目名称', '上年预算数', '本年基本支出', '本年项目支出', '增减额'], [['208', '社会保障和就业支出', '500.00', '300.00', '260.00', '60.00']]))).toHaveLength(0);
    // a new item: no rate on a zero base
    const r = results(table(HEADER, [['208', '社会保障和就业支出', '0.00', '100.00', '100.00', '100.00']]));
    expect(r.filter((c) => c.unit === '%')).toHaveLength(0);
    // a count that changed is not a rate
    expect(results(table(['项目', '2023年人数', '2024年人数', '人数增减'], [['在职人员', '30', '32', '2']])).filter((c) => c.unit === '%')).toHaveLength(0);
  });
});
