import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

const groupTotals = (text: string) => analyzeText(text).checks.filter((c) => c.rule === 'group-total');

// A 三公 table in rows (预算数, 决算数 columns), numbered at three levels, counts below it.
const THREE_IN_ROWS = `财政拨款“三公”经费情况表
单位：万元
项目\t预算数\t决算数
一、“三公”经费支出\t—\t—
（一）支出合计\t12.00\t10.50
1．因公出国（境）费\t0.00\t0.00
2．公务用车购置及运行维护费\t8.00\t7.20
（1）公务用车购置费\t0.00\t0.00
（2）公务用车运行维护费\t8.00\t7.20
3．公务接待费\t4.00\t3.30
（1）国内接待费\t4.00\t3.30
（2）国（境）外接待费\t0.00\t0.00
（二）相关统计数\t—\t—
1．公务用车保有量（辆）\t—\t3
`;

describe('group-total', () => {
  it('should sum a numbered total’s items at one level, not the heading above it nor the items’ own parts', () => {
    const r = groupTotals(THREE_IN_ROWS);
    expect(r.map((c) => [c.verdict, c.stated, c.expected])).toEqual([
      ['ok', 12, 12],
      ['ok', 10.5, 10.5],
    ]);
    expect(r[0]?.where.filter((w) => w.role === 'operand').map((w) => w.row?.label)).toEqual([
      '1．因公出国（境）费',
      '2．公务用车购置及运行维护费',
      '3．公务接待费',
    ]);
  });

  it('should still find an item left out of the total', () => {
    const r = groupTotals(THREE_IN_ROWS.replace('（一）支出合计\t12.00', '（一）支出合计\t8.00'));
    expect(r.map((c) => [c.verdict, c.stated, c.expected])).toEqual([
      ['discrepancy', 8, 12],
      ['ok', 10.5, 10.5],
    ]);
  });

  it('should sum the rows of a group above its 合计 (收入构成)', () => {
    const r = groupTotals(`收入构成表\n单位：万元\n项目\t金额\n财政拨款\t80.00\n单位资金\t20.00\n合计\t100.00\n`);
    expect(r.map((c) => [c.verdict, c.expected])).toEqual([['ok', 100]]);
  });
});
