import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

const table = (rows: string) => `2023 年度一般公共预算财政拨款支出决算表
公开 05 表
部门：测试局 金额单位：万元
项目 本年支出
功能分类
科目编码
科目名称 小计 基本支出 项目支出
类 款 项
栏次 1 2 3
${rows}
注：本表反映部门本年度一般公共预算财政拨款支出情况。
1 栏各行＝（2＋3）栏各行。
`;

describe('column solver', () => {
  it('should place single figures where the subtotals need them', () => {
    const report = analyzeText(
      table(`合计 100.00 40.00 60.00
208 社会保障和就业支出 100.00 40.00 60.00
20801 人力资源和社会保障管理事务 100.00 40.00 60.00
2080101 行政运行 40.00 40.00
2080102 一般行政管理事务 60.00 60.00`),
    );
    const t = report.tables[0];
    const row = (code: string) => t?.rows.find((r) => r.code === code)?.values;
    expect(row('2080101')).toEqual([40, 40, null]);
    expect(row('2080102')).toEqual([60, null, 60]);
    expect(report.summary.discrepancy).toBe(0);
    expect(report.checks.filter((c) => c.verdict === 'undecided' && c.rule !== 'table-coverage')).toEqual([]);
  });

  it('should leave figures undecided when several placements fit, and decide only the checks they do not change', () => {
    const report = analyzeText(table('合计 50.00 50.00\n208 社会保障和就业支出 50.00 50.00'));
    const t = report.tables[0];
    expect(t?.rows[0]?.undecided).toBe(true);
    expect(t?.rows[0]?.values[0]).toBe(50);
    // 小计 = 基本支出 + 项目支出 whichever the second figure is: decided, and said to be so.
    const formula = report.checks.filter((c) => c.rule === 'note-formula');
    expect(formula.map((c) => c.verdict)).toEqual(['ok', 'ok']);
    expect(formula.every((c) => /无论放在哪一栏/.test(c.message))).toBe(true);
    // where the figure in doubt goes is not shown as known: its cells carry no figure
    expect(formula[0]?.where.map((w) => w.value)).toEqual([50, null, null]);
    // 合计 = Σ类 in the 基本支出 column holds or fails with where each row's figure goes: undecided.
    const undecided = report.checks.filter((c) => c.verdict === 'undecided' && c.rule !== 'table-coverage');
    expect(undecided.map((c) => c.rule)).toEqual(['function-hierarchy', 'function-hierarchy']);
    expect(undecided.every((c) => c.reason && c.reason.length > 0)).toBe(true);
  });

  it('should place figures under a subtotal of many rows, where the sums of every placement are too many to list', () => {
    // 16 items of two figures each, no two sets of them adding up alike: 2^16 sums to list for the
    // 项目支出 column. Bounds alone decide it: the 款 prints 0.00 there, and any item placed there
    // would make it positive.
    const values = Array.from({ length: 16 }, (_, i) => (2 ** i / 10).toFixed(2));
    const items = values.map((v, i) => `20801${String(i + 1).padStart(2, '0')} 事务${'甲乙丙丁戊己庚辛壬癸子丑寅卯辰巳'[i]} ${v} ${v}`);
    const report = analyzeText(table(`合计 6553.50 6553.50 0.00
208 社会保障和就业支出 6553.50 6553.50 0.00
20801 人力资源和社会保障管理事务 6553.50 6553.50 0.00
${items.join('\n')}`));
    const rows = report.tables[0]?.rows ?? [];
    expect(rows.filter((r) => r.undecided).map((r) => r.code)).toEqual([]);
    expect(rows.find((r) => r.code === '2080116')?.values).toEqual([3276.8, 3276.8, null]);
    expect(report.checks.filter((c) => c.verdict !== 'ok' && c.rule !== 'table-coverage').map((c) => c.id)).toEqual([]);
  });

  it('should report a real discrepancy instead of bending the placement to hide it', () => {
    const report = analyzeText(
      table(`合计 100.00 40.00 60.00
208 社会保障和就业支出 100.00 40.00 60.00
20801 人力资源和社会保障管理事务 100.00 40.00 60.00
2080101 行政运行 40.00 40.00
2080102 一般行政管理事务 61.00 61.00`),
    );
    const bad = report.checks.filter((c) => c.verdict === 'discrepancy');
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.some((c) => c.where.some((w) => w.row?.code === '2080102'))).toBe(true);
  });
});
