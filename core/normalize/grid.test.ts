import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeText } from '../analyze.ts';
import { extractHtmlString } from '../node/html.ts';

/** A 05表 whose 科目编码 is printed over three columns 类 | 款 | 项, one error in a 项. */
const SPLIT = [
  '2023年度一般公共预算财政拨款支出决算表',
  '公开05表',
  '单位：万元',
  '科目编码\t\t\t科目名称\t本年支出\t\t',
  '类\t款\t项\t\t小计\t基本支出\t项目支出',
  '\t\t\t合计\t30.00\t10.00\t20.00',
  '208\t\t\t社会保障和就业支出\t30.00\t10.00\t20.00',
  '\t01\t\t人力资源和社会保障管理事务\t30.00\t10.00\t20.00',
  '\t\t01\t行政运行\t10.00\t10.00\t',
  '\t\t02\t一般行政管理事务\t21.00\t\t21.00',
].join('\n');

const hierarchy = (checks: { rule: string; verdict: string; formula: string }[]) =>
  checks.filter((c) => c.rule === 'function-hierarchy' && c.verdict === 'discrepancy').map((c) => c.formula.replace(/^.*?: /, ''));

describe('科目编码 over three columns 类 | 款 | 项', () => {
  it('should compose each row’s code from the levels above it and check 款 = Σ项 on it (text)', () => {
    const r = analyzeText(SPLIT);
    expect(r.tables[0]?.rows.map((row) => row.code ?? '')).toEqual(['', '208', '20801', '2080101', '2080102']);
    expect(hierarchy(r.checks)).toEqual(['20801 人力资源和社会保障管理事务 = 2080101 行政运行 + 2080102 一般行政管理事务', '20801 人力资源和社会保障管理事务 = 2080101 行政运行 + 2080102 一般行政管理事务']);
  });

  it('should do the same from a page whose header spans the three columns', () => {
    const rows = SPLIT.split('\n').slice(5).map((l) => `<tr>${l.split('\t').map((c) => `<td>${c}</td>`).join('')}</tr>`);
    const html = `<html><body><p>2023年度一般公共预算财政拨款支出决算表</p><p>公开05表</p><p>单位：万元</p><table>
      <tr><td colspan="3">科目编码</td><td rowspan="2">科目名称</td><td colspan="3">本年支出</td></tr>
      <tr><td>类</td><td>款</td><td>项</td><td>小计</td><td>基本支出</td><td>项目支出</td></tr>
      ${rows.join('\n')}</table></body></html>`;
    const r = analyzeDocument(extractHtmlString(html, {}));
    expect(r.tables[0]?.rows.map((row) => row.code ?? '')).toEqual(['', '208', '20801', '2080101', '2080102']);
    expect(hierarchy(r.checks).length).toBe(2);
  });

  it('should read 类 款 项 from the row of column numbers, with every row’s digits in full or its own only', () => {
    const numbered = (own: boolean) =>
      [
        '2023年度一般公共预算财政拨款支出决算表',
        '公开05表',
        '单位：万元',
        '项 目\t\t\t\t本年支出\t\t',
        '功能分类科目编码\t\t\t科目名称\t小计\t基本支出\t项目支出',
        '类\t款\t项\t栏次\t1\t2\t3',
        '\t\t\t合计\t30.00\t10.00\t20.00',
        '208\t\t\t社会保障和就业支出\t30.00\t10.00\t20.00',
        `${own ? '' : '208'}\t01\t\t人力资源和社会保障管理事务\t30.00\t10.00\t20.00`,
        `${own ? '\t' : '208\t01'}\t01\t行政运行\t10.00\t10.00\t`,
        `${own ? '\t' : '208\t01'}\t02\t一般行政管理事务\t21.00\t\t21.00`,
      ].join('\n');
    for (const own of [false, true]) {
      const r = analyzeText(numbered(own));
      expect(r.tables[0]?.columns.map((c) => c.label), `own digits only: ${own}`).toEqual(['小计', '基本支出', '项目支出']);
      expect(r.tables[0]?.rows.map((row) => row.code ?? '')).toEqual(['', '208', '20801', '2080101', '2080102']);
      // the one error, and nothing read from the codes' digits
      expect(hierarchy(r.checks).length).toBe(2);
      expect(r.checks.filter((c) => c.rule === 'note-formula' && c.verdict === 'discrepancy')).toEqual([]);
    }
  });
});
