import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';
import { identifyTemplate } from './identify.ts';

const SUMMARY = ['单位：万元', '收入\t\t支出\t', '项目\t预算数\t项目\t预算数', '一、一般公共预算拨款收入\t100.00\t一、社会保障和就业支出\t100.00', '本年收入合计\t100.00\t本年支出合计\t100.00', '收入总计\t100.00\t支出总计\t100.00'].join('\n');

describe('document kind', () => {
  it('should take the kind from the tables’ templates when no title says 预算 or 决算 (the national titles `部门收支总表`)', () => {
    const r = analyzeText(`2024年部门收支总表\n${SUMMARY}\n`);
    expect(r.tables.map((t) => t.template)).toEqual(['budget-summary']);
    expect(r.document.kind).toBe('budget');
  });

  it('should leave the kind unknown when neither the titles nor the tables say it', () => {
    expect(analyzeText(`某表\n${SUMMARY}\n`).document.kind).toBe('unknown');
  });
});

describe('template of a title', () => {
  it('should not take a table of one part of the spending for the whole (`项目支出决算表` is no 支出决算表)', () => {
    expect(identifyTemplate('2023年度部门支出决算表', 'final')?.id).toBe('final-03');
    expect(identifyTemplate('项目支出决算表', 'final')?.id).toBeUndefined();
    expect(identifyTemplate('一般公共预算财政拨款基本支出决算明细表', 'final')?.id).toBe('final-06');
  });
});
