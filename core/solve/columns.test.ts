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

  it('should leave figures undecided when several placements fit, and say so', () => {
    const report = analyzeText(table('合计 50.00 50.00'));
    const t = report.tables[0];
    expect(t?.rows[0]?.undecided).toBe(true);
    expect(t?.rows[0]?.values[0]).toBe(50);
    const undecided = report.checks.filter((c) => c.verdict === 'undecided' && c.rule !== 'table-coverage');
    expect(undecided.length).toBeGreaterThan(0);
    expect(undecided.every((c) => c.reason && c.reason.length > 0)).toBe(true);
    expect(report.checks.some((c) => c.verdict === 'ok' && c.rule === 'note-formula')).toBe(false);
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
