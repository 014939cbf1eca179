import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';
import { carryOverCause, likelyCause, neighbourCause } from './causes.ts';

/** A 决算 function table (公开05表) as tab-separated text. */
function table(rows: string[][]): string {
  return ['2023年度某局部门决算', '2023年度一般公共预算财政拨款支出决算表', '公开05表', '单位：万元', ['科目编码', '科目名称', '小计', '基本支出', '项目支出'].join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
}

describe('likely causes', () => {
  it('should recognise 元 for 万元, swapped digits, one wrong digit and an item left out', () => {
    const op = [{ value: 12.5, label: '2080102 一般行政管理事务' }];
    expect(likelyCause({ stated: 1234500, expected: 123.45, verdict: 'discrepancy', decimals: 2 }, op, 'zh')?.kind).toBe('unit');
    expect(likelyCause({ stated: 123.54, expected: 123.45, verdict: 'discrepancy', decimals: 2 }, op, 'zh')?.kind).toBe('transposed');
    expect(likelyCause({ stated: 193.45, expected: 123.45, verdict: 'discrepancy', decimals: 2 }, op, 'zh')?.kind).toBe('digit');
    expect(likelyCause({ stated: 110.95, expected: 123.45, verdict: 'discrepancy', decimals: 2 }, op, 'zh')?.kind).toBe('item-missing');
  });

  it('should name a carry-over equal to the difference, and a figure copied from beside it', () => {
    expect(carryOverCause([{ value: 35.2, label: '年初结转和结余' }], -35.2, 0.005, 'en')?.message).toContain('年初结转和结余');
    expect(carryOverCause([{ value: 35.2, label: '年初结转和结余' }], -35.3, 0.005, 'en')).toBeUndefined();
    const beside = [{ value: 40, label: '20801 人力资源和社会保障管理事务' }];
    expect(neighbourCause(beside, 40, 55, 0.005, 2, 'zh')?.kind).toBe('neighbour');
    expect(neighbourCause(beside, 41, 55, 0.005, 2, 'zh')).toBeUndefined();
  });

  it('should report a 类 total copied from the 合计 row above it as copied, and not when the neighbour is one of its items', () => {
    const rows = (class208: string) => [
      ['', '合计', '80.00', '45.00', '35.00'],
      ['208', '社会保障和就业支出', class208, '35.00', '35.00'],
      ['20801', '人力资源和社会保障管理事务', '40.00', '25.00', '15.00'],
      ['2080101', '行政运行', '40.00', '25.00', '15.00'],
      ['20805', '行政事业单位养老支出', '30.00', '10.00', '20.00'],
      ['2080505', '机关事业单位基本养老保险缴费支出', '30.00', '10.00', '20.00'],
      ['210', '卫生健康支出', '10.00', '10.00', ''],
      ['21011', '行政事业单位医疗', '10.00', '10.00', ''],
      ['2101101', '行政单位医疗', '10.00', '10.00', ''],
    ];
    const find = (class208: string) => analyzeText(table(rows(class208))).checks.find((c) => c.rule === 'function-hierarchy' && c.verdict === 'discrepancy' && c.stated === Number(class208) && c.expected === 70);
    const copied = find('80.00');
    expect(copied?.cause?.kind).toBe('neighbour');
    expect(copied?.cause?.message).toContain('合计');
    // 40 = the 款 below, which is one of the items: not called "copied" (an item left out, a digit)
    const item = find('40.00');
    expect(item?.cause?.kind).toBeDefined();
    expect(item?.cause?.kind).not.toBe('neighbour');
  });

  it('should name a carry-over when a total counts it and the figure it is tied to does not', () => {
    // Donghu 决算 with a 年初结转和结余 of 123.45 that 公开02表's 合计 counts in (9,788.75 + 123.45).
    const text = readFileSync('tests/fixtures/donghu-hrss-2023-final.txt', 'utf8')
      .replace('年初结转和结余\t29\t\t年末结转和结余', '年初结转和结余\t29\t123.45\t年末结转和结余')
      .replace('\t\t\t合计\t9,788.75\t9,788.75', '\t\t\t合计\t9,912.20\t9,788.75');
    const r = analyzeText(text);
    const tie = r.checks.find((c) => c.verdict === 'discrepancy' && (c.stated === 9912.2 || c.expected === 9912.2) && c.cause?.kind === 'carry-over');
    expect(tie?.cause?.message).toContain('年初结转和结余');
  });
});

describe('causes from the other findings', () => {
  const doc = [
    '某某局2024年部门预算',
    '2024年一般公共预算支出表',
    '单位：万元',
    '科目编码\t科目名称\t合计\t基本支出\t项目支出',
    '208\t社会保障和就业支出\t950.00\t700.00\t250.00',
    '20801\t人力资源和社会保障管理事务\t950.00\t700.00\t250.00',
    '2080101\t行政运行\t710.00\t700.00\t',
    '2080109\t社会保险经办机构\t250.00\t\t250.00',
    '\t合计\t950.00\t700.00\t250.00',
  ].join('\n');

  it('should say a total is off only because one of its items is, and not call a class equal to its only section a copy', () => {
    const found = analyzeText(doc).checks.filter((c) => c.verdict === 'discrepancy');
    const row = found.find((c) => c.stated === 710);
    const total = found.find((c) => c.stated === 950 && c.expected === 960);
    expect(row?.cause?.kind).toBe('digit');
    expect(total?.cause?.kind).toBe('propagated');
    expect(total?.cause?.message).toContain('2080101');
  });
});
