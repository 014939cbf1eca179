import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';

// A 部门预算 in a second template, tables in 元 and narrative in 万元 (tests/samples/README.md).
const TEXT = readFileSync('tests/samples/made-up-budget-yuan.txt', 'utf8');

const flagged = (r: ReturnType<typeof analyzeText>) => r.checks.filter((c) => c.verdict === 'discrepancy' || c.verdict === 'undecided');

describe('a budget in the 元 template', () => {
  const report = analyzeText(TEXT);

  it('should recognise every table with its template and unit', () => {
    expect(report.tables.map((t) => [t.template, t.unit])).toEqual([
      ['budget-summary', '元'],
      ['budget-income', '元'],
      ['budget-expense', '元'],
      ['budget-fiscal', '元'],
      ['budget-gpb', '元'],
      ['budget-basic', '元'],
      ['budget-gf', '元'],
      ['budget-soe', '元'],
      ['budget-three', '万元'],
    ]);
  });

  it('should find nothing wrong and leave nothing undecided in a document that adds up', () => {
    expect(flagged(report).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(report.summary.checks).toBeGreaterThan(200);
  });

  it('should read 财政拨款收入 as the sum of its fund rows and stand it for them in 本年收入合计', () => {
    const formulas = report.checks.filter((c) => c.rule === 'summary-balance').map((c) => c.formula);
    expect(formulas).toContain('部门财务收支预算总表: 一、财政拨款收入 = 1、一般公共预算资金 + 2、政府性基金 + 3、国有资本经营预算');
    expect(formulas).toContain('部门财务收支预算总表: 本年收入合计 = 一、财政拨款收入 + 二、事业收入 + 三、事业单位经营收入 + 四、其他收入');
    // the fund rows (`一般公共预算资金`) tie to the 财政拨款收支总表's
    expect(report.checks.some((c) => c.rule === 'cross-table' && c.verdict === 'ok' && /一般公共预算资金 = .*财政拨款收支预算总表/.test(c.formula ?? ''))).toBe(true);
  });

  it('should judge a narrative 万元 figure that is the table 元 rounded half-up as matching, not as rounding', () => {
    const c = report.checks.find((x) => x.rule === 'narrative-table' && /社会保障和就业支出/.test(x.formula ?? ''));
    expect([c?.verdict, c?.stated, c?.expected]).toEqual(['ok', 668500, 668450]);
  });

  it('should compare 事业收入 listed after 财政拨款收入 with all funds, not with 财政拨款', () => {
    const c = report.checks.find((x) => x.rule === 'narrative-table' && /^事业收入/.test(x.formula ?? ''));
    expect([c?.verdict, c?.expected]).toEqual(['ok', 200000]);
    expect((report.claims ?? []).filter((x) => x.subject === '事业收入').map((x) => x.scope)).toEqual(['all', 'all']);
  });

  it('should report a changed 元 cell against the identities it breaks', () => {
    const broken = analyzeText(TEXT.replace(/^(二、事业收入\t)200,000/m, '$1210,000'));
    const ids = flagged(broken).map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('summary-balance/t1/income-total/'))).toHaveLength(1);
    expect(ids).toContain('narrative-table/p5@80');
  });

  it('should report a narrative figure off by more than its rounding', () => {
    const broken = analyzeText(TEXT.replace('社会保障和就业支出66.85万元', '社会保障和就业支出66.95万元'));
    const c = broken.checks.find((x) => x.rule === 'narrative-table' && /社会保障和就业支出/.test(x.formula ?? ''));
    expect([c?.verdict, c?.stated, c?.expected]).toEqual(['discrepancy', 669500, 668450]);
  });

  it('should name 元 and 万元 confused as the cause when the text and a table differ 10,000-fold', () => {
    // The 三公 table's 万元 figures (7.00, 6.00 …) labelled 元: too small to tell by the other
    // tables, but the text states them in 万元.
    const text = TEXT.replace(/(“三公”经费和机关运行经费预算表\n[^\n]*单位：)万元/, '$1元');
    expect(text).not.toBe(TEXT);
    const bad = analyzeText(text).checks.filter((c) => c.verdict === 'discrepancy');
    expect(bad.filter((c) => c.rule === 'narrative-table').length).toBeGreaterThanOrEqual(3);
    for (const c of bad) expect(c.cause?.kind, c.id).toBe('unit');
  });
});

