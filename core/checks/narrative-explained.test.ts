import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

/** A 决算 with a 公开05表 of the given 项 rows and the given 具体情况 section. */
function doc(section: string[], heading = '（三）一般公共预算财政拨款支出决算具体情况'): string {
  return [
    '某某局2023年度部门决算',
    '',
    '三、一般公共预算财政拨款支出决算情况说明',
    '',
    heading,
    '',
    ...section.flatMap((s) => [s, '']),
    '（四）一般公共预算财政拨款基本支出决算情况说明',
    '',
    '2023年度一般公共预算财政拨款基本支出100.00万元。',
    '',
    '2023年度一般公共预算财政拨款支出决算表',
    '公开05表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '\t合计\t130.00\t100.00\t30.00',
    '208\t社会保障和就业支出\t130.00\t100.00\t30.00',
    '20801\t人力资源和社会保障管理事务\t130.00\t100.00\t30.00',
    '2080101\t行政运行\t100.00\t100.00\t',
    '2080102\t一般行政管理事务\t30.00\t\t30.00',
    '2080199\t其他人力资源和社会保障管理事务支出\t0.00\t\t',
  ].join('\n');
}

const explained = (text: string) => analyzeText(text).checks.filter((c) => c.rule === 'narrative-explained');

describe('narrative-explained', () => {
  it('should pass a section that names every 项 with money, names wrapped across lines included', () => {
    const r = explained(
      doc([
        '1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）。年初预算为100.00万元，支出决算为100.00万元。',
        '2.社会保障和就业支出（类）人力资源和社会保障管理事务（款）一般行政管',
        '理事务（项）。年初预算为30.00万元，支出决算为30.00万元。',
      ]),
    );
    expect(r.map((c) => [c.verdict, c.messageKey])).toEqual([['ok', 'narr.explained-ok']]);
  });

  it('should report the 项 with money the section leaves out, not the ones without money', () => {
    const r = explained(doc(['1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）。年初预算为100.00万元，支出决算为100.00万元。']));
    expect(r.map((c) => [c.verdict, c.severity, c.where.filter((w) => w.row).map((w) => w.row?.code)])).toEqual([['discrepancy', 'info', ['2080102']]]);
  });

  it('should not take a mention after the section for an explanation', () => {
    const text = doc(['1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）。']).replace(
      '2023年度一般公共预算财政拨款基本支出100.00万元。',
      '2023年度一般公共预算财政拨款基本支出100.00万元，一般行政管理事务无基本支出。',
    );
    expect(explained(text).map((c) => c.verdict)).toEqual(['discrepancy']);
  });

  it('should know a 项 by its name in another table when the PDF text garbled it in the 05表', () => {
    // Two wrapped names read interleaved, as a real 决算's text gives them (`险机缴关费事支业出单位职业年金缴`).
    const garbled = doc([
      '1.社会保障和就业支出（类）人力资源和社会保障管理事务（款）行政运行（项）。年初预算为100.00万元，支出决算为100.00万元。',
      '2.社会保障和就业支出（类）人力资源和社会保障管理事务（款）一般行政管理事务（项）。年初预算为30.00万元，支出决算为30.00万元。',
    ]).replace('2080102\t一般行政管理事务\t30.00', '2080102\t务一般行政管理事\t30.00');
    const expense = ['2023年度支出决算表', '公开03表', '单位：万元', '科目编码\t科目名称\t本年支出合计\t基本支出\t项目支出', '2080102\t一般行政管理事务\t30.00\t\t30.00'].join('\n');
    expect(explained(garbled).map((c) => c.verdict)).toEqual(['discrepancy']);
    expect(explained(`${garbled}\n\n${expense}`).map((c) => c.verdict)).toEqual(['ok']);
  });

  it('should say nothing when the section is not there', () => {
    expect(explained(doc(['1.社会保障和就业支出…'], '（三）其他情况'))).toEqual([]);
  });
});
