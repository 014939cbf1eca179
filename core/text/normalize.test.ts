import { describe, expect, it } from 'vitest';
import { arabicYears, compact, labelKey, stripOrdinal, toHalfWidth } from './normalize.ts';
import { formatAmount, parseNumber, roundTo } from './numbers.ts';

describe('normalize', () => {
  it('should fold full-width forms, dashes and spaces', () => {
    expect(toHalfWidth('＝（１＋２）')).toBe('=(1+2)');
    expect(toHalfWidth('－2.55')).toBe('-2.55');
    expect(compact('人力资源和社会保 障管理事务')).toBe('人力资源和社会保障管理事务');
    expect(compact('单位：万元\u3000')).toBe('单位:万元');
  });
  it('should strip enumeration prefixes', () => {
    expect(stripOrdinal('八、社会保障和就业支出')).toBe('社会保障和就业支出');
    expect(stripOrdinal('（十七）住房保障支出')).toBe('住房保障支出');
    expect(stripOrdinal('廿一、其他支出')).toBe('其他支出');
    expect(stripOrdinal('1. 财政拨款收入')).toBe('财政拨款收入');
    expect(labelKey('因公出国（境）费')).toBe('因公出国境费');
  });
});

describe('numbers', () => {
  it('should read amounts as printed, keeping their decimals', () => {
    expect(parseNumber('9,452.17')).toEqual({ value: 9452.17, decimals: 2, percent: false });
    expect(parseNumber('40.5')).toEqual({ value: 40.5, decimals: 1, percent: false });
    expect(parseNumber('１，１３１．５８')).toEqual({ value: 1131.58, decimals: 2, percent: false });
    expect(parseNumber('−2.55')?.value).toBe(-2.55);
    expect(parseNumber('100.00 %')).toEqual({ value: 100, decimals: 2, percent: true });
    expect(parseNumber('（20801）')).toBeUndefined();
    expect(parseNumber('—')).toBeUndefined();
    expect(parseNumber('1,23,4')).toBeUndefined();
  });
  it('should round half away from zero despite binary artefacts', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(18.5534, 0)).toBe(19);
    expect(roundTo(-2.345, 2)).toBe(-2.35);
    expect(formatAmount(9452.17)).toBe('9,452.17');
    expect(formatAmount(-1234567.891, 2)).toBe('-1,234,567.89');
  });
});

describe('arabicYears', () => {
  it.each([
    ['二〇二三年度部门决算', '2023年度部门决算'],
    ['二○二四年', '2024年'],
    ['二零二二 年', '2022 年'],
    ['一九九八年', '1998年'],
    ['二〇二三', '二〇二三'],
    ['二十三年', '二十三年'],
    ['第二〇二条年', '第二〇二条年'],
  ])('%s → %s (one character for one)', (text, expected) => {
    expect(arabicYears(text)).toBe(expected);
    expect(arabicYears(text).length).toBe(text.length);
  });
});
