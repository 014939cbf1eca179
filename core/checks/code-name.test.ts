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

describe('code-name across tables', () => {
  /** A 决算's 03表 and 05表, each listing the function rows given. */
  const twoTables = (expense: [string, string][], general: [string, string][]) =>
    [
      '某某局2024年度部门决算',
      ...['2024年度支出决算表', '公开03表', '单位：万元', '科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出'],
      ...expense.map(([code, name]) => `${code}\t${name}\t10.00\t10.00\t`),
      '',
      ...['2024年度一般公共预算财政拨款支出决算表', '公开05表', '单位：万元', '科目编码\t科目名称\t合计\t基本支出\t项目支出'],
      ...general.map(([code, name]) => `${code}\t${name}\t10.00\t10.00\t`),
    ].join('\n');
  const named = (text: string) => analyzeText(text).checks.filter((c) => c.rule === 'code-name' && c.id === 'code-name/2080506').map((c) => [c.verdict, c.severity, c.messageKey]);

  it('should leave out of the comparison a name two wrapped names read interleaved, and compare the rest', () => {
    // As a real 决算's PDF text gives 2080506 in its 05表: 机关事业单位职业年金缴… threaded with …险缴费支出.
    expect(named(twoTables([['2080506', '机关事业单位职业年金缴费支出']], [['2080506', '险机缴关费事支业出单位职业年金缴']]))).toEqual([['ok', 'info', 'code-name.garbled']]);
    // a name of its own, or one word more, is compared as before
    expect(named(twoTables([['2080506', '机关事业单位职业年金缴费支出']], [['2080506', '机关事业单位基本养老保险缴费支出']]))).toEqual([['discrepancy', 'warning', 'code-name.differs']]);
    expect(named(twoTables([['2080506', '机关事业单位职业年金缴费支出']], [['2080506', '机关事业单位工作人员职业年金缴费支出']]))).toEqual([['discrepancy', 'warning', 'code-name.differs']]);
  });
});
