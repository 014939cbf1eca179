import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

function results(header: string[], rows: string[][]) {
  const text = ['2023年度部门决算', '2023年度一般公共预算财政拨款支出决算表', '单位：万元', header.join('\t'), ...rows.map((r) => r.join('\t'))].join('\n');
  return analyzeText(text).checks.filter((c) => c.rule === 'execution-column');
}

describe('execution-column', () => {
  const header = ['科目编码', '科目名称', '年初预算数', '决算数', '决算数为年初预算数的%'];
  it('should check actual ÷ budget on every row and find a wrong share', () => {
    const r = results(header, [
      ['', '合计', '200.00', '190.00', '95.00'],
      ['208', '社会保障和就业支出', '200.00', '190.00', '95.00'],
      ['20801', '人力资源和社会保障管理事务', '120.00', '100.00', '83.33'],
      ['20805', '行政事业单位养老支出', '80.00', '90.00', '110.00'],
    ]);
    expect(r).toHaveLength(4);
    expect(r.filter((c) => c.verdict === 'ok')).toHaveLength(3);
    const wrong = r.find((c) => c.verdict === 'discrepancy');
    expect([wrong?.stated, wrong?.expected]).toEqual([110, 112.5]);
    expect(wrong?.unit).toBe('%');
    expect(wrong?.where.map((w) => w.column?.label)).toEqual(['决算数为年初预算数的%', '决算数', '年初预算数']);
  });

  it('should take 执行数 / 执行率 too, and leave a zero budget and a blank share alone', () => {
    const r = results(['项目', '预算数', '执行数', '执行率'], [
      ['培训费', '10.00', '8.00', '80.00'],
      ['会议费', '0.00', '2.00', '100.00'],
      ['差旅费', '5.00', '4.00', ''],
    ]);
    expect(r.map((c) => [c.stated, c.verdict])).toEqual([[80, 'ok']]);
  });
});
