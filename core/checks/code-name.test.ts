import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';
import { basicTable } from '../../tests/support/tables.ts';

/** The 合计 sums the 款 (5-digit rows). */
const basic = (rows: [string, string, string][]) => basicTable(rows, 5);

const codeName = (text: string) => analyzeText(text).checks.filter((c) => c.rule === 'code-name' && c.verdict !== 'ok');

describe('code-name against the economic classification', () => {
  it('should report an economic item printed with the name of another item', () => {
    const f = codeName(
      basic([
        ['301', '工资福利支出', '60.00'],
        ['30101', '基本工资', '40.00'],
        ['30110', '住房公积金', '20.00'],
      ]),
    );
    expect(f.map((c) => [c.verdict, c.severity, c.messageKey, c.formula])).toEqual([['discrepancy', 'warning', 'code-name.other-item', '30110 住房公积金 ≠ 30110 职工基本医疗保险缴费']]);
    expect(f[0]?.where[0]?.row).toEqual({ code: '30110', label: '住房公积金' });
  });

  it('should accept the names as printed in the tables: brackets of either width, a label cut by its wrap, a name the data does not list', () => {
    const text = basic([
          ['302', '商品和服务支出', '10.00'],
          ['30212', '因公出国(境)费用', '4.00'],
          ['30213', '维修（护）费', '6.00'],
          ['303', '对个人和家庭的补助', '12.00'],
          ['30399', '其他对个人和家庭的', '2.00'],
          ['30302', '退休费', '10.00'],
      ['31299', '其他对企业补助', '1.00'],
    ]);
    expect(analyzeText(text).tables.flatMap((t) => t.rows.map((r) => r.code))).toEqual(expect.arrayContaining(['30212', '30213', '30399', '31299']));
    expect(codeName(text)).toEqual([]);
  });
});
