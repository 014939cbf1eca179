import { readFileSync } from 'node:fs';
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

  it('should not take a table of one kind of cost or purchase for the whole spending (`机关运行经费支出决算表`, `政府采购支出决算表`)', () => {
    expect(identifyTemplate('机关运行经费支出决算表', 'final')?.id).toBeUndefined();
    expect(identifyTemplate('政府采购支出决算表', 'final')?.id).toBeUndefined();
    expect(identifyTemplate('专项资金支出决算表', 'final')?.id).toBeUndefined();
    expect(identifyTemplate('单位支出决算表', 'final')?.id).toBe('final-03');
    expect(identifyTemplate('财政拨款支出决算总表', 'final')?.id).toBeUndefined();
  });

  it('should not take the 三公 table of a fund (政府性基金, 国有资本经营) for the department’s 三公 table', () => {
    expect(identifyTemplate('政府性基金预算财政拨款“三公”经费支出决算表', 'final')?.id).toBeUndefined();
    expect(identifyTemplate('国有资本经营预算财政拨款“三公”经费支出决算表', 'final')?.id).toBeUndefined();
    expect(identifyTemplate('政府性基金预算“三公”经费支出表', 'budget')?.id).toBeUndefined();
    expect(identifyTemplate('一般公共预算财政拨款“三公”经费支出决算表', 'final')?.id).toBe('final-09');
    expect(identifyTemplate('政府性基金预算财政拨款收入支出决算表', 'final')?.id).toBe('final-07');
  });

  it('should read `收入决算总表` and `支出决算总表` as the 02 and 03 tables, not the 总表 of both sides', () => {
    expect(identifyTemplate('二、收入决算总表', 'final')?.id).toBe('final-02');
    expect(identifyTemplate('三、支出决算总表', 'final')?.id).toBe('final-03');
    expect(identifyTemplate('一、收入支出决算总表', 'final')?.id).toBe('final-01');
    expect(identifyTemplate('四、财政拨款收入支出决算总表', 'final')?.id).toBe('final-04');
  });

  it('should read the templates’ other wordings of the same table (总体情况表, 情况表, 预算财政拨款, 功能/经济分类)', () => {
    const cases: Array<[string, string]> = [
      ['2024年部门收支总体情况表', 'budget-summary'],
      ['2024年部门收入总体情况表', 'budget-income'],
      ['2024年部门支出总体情况表', 'budget-expense'],
      ['2024年财政拨款收支总体情况表', 'budget-fiscal'],
      ['2024年一般公共预算支出情况表', 'budget-gpb'],
      ['2024年一般公共预算财政拨款支出表', 'budget-gpb'],
      ['2024年一般公共预算财政拨款基本支出情况表', 'budget-basic'],
      ['2024年一般公共预算“三公”经费支出情况表', 'budget-three'],
      ['2024年政府性基金预算财政拨款支出表', 'budget-gf'],
      ['2024年部门政府性基金预算支出功能分类预算表', 'budget-gf'],
      ['2024年国有资本经营预算财政拨款支出表', 'budget-soe'],
      ['2024年部门一般公共预算基本支出部门预算经济分类预算表', 'budget-basic'],
    ];
    for (const [title, id] of cases) expect([title, identifyTemplate(title, 'budget')?.id]).toEqual([title, id]);
    // the standard 决算 names are unchanged, and a table of another subject stays unknown
    expect(identifyTemplate('2023年度政府性基金预算财政拨款收入支出决算表', 'final')?.id).toBe('final-07');
    expect(identifyTemplate('2023年度一般公共预算财政拨款支出决算表', 'final')?.id).toBe('final-05');
    expect(identifyTemplate('2024年国有资产占用情况表', 'budget')?.id).toBeUndefined();
  });

  it('should read the provincial titles of the 预算 tables (`政府性基金支出预算表`), and take no table of economic rows for one of function rows', () => {
    expect(identifyTemplate('2025年政府性基金支出预算表', 'budget')?.id).toBe('budget-gf');
    // Rows by economic class (501, 502 …): before, taken for the 一般公共预算支出表 (rows by function).
    expect(identifyTemplate('2025年一般公共预算财政拨款支出预算表（按政府预算经济分类）', 'budget')?.id).toBeUndefined();
    expect(identifyTemplate('2025年财政拨款支出预算表（部门经济分类科目）', 'budget')?.id).toBeUndefined();
    // 基本支出 by economic class is the 基本支出表, whatever the title adds.
    expect(identifyTemplate('2025年一般公共预算基本支出预算表（部门经济分类科目）', 'budget')?.id).toBe('budget-basic');
    expect(identifyTemplate('2024年一般公共预算基本支出表（按经济科目）', 'budget')?.id).toBe('budget-basic');
    expect(identifyTemplate('2024年一般公共预算支出表（按功能科目）', 'budget')?.id).toBe('budget-gpb');
  });

  it('should check a budget whose tables are titled 情况表 exactly as one with the standard titles', () => {
    const base = readFileSync(new URL('../../tests/samples/made-up-budget.txt', import.meta.url), 'utf8');
    const renamed = base
      .replace(/^(\d{4}年)收支预算总表$/m, '$1部门收支总体情况表')
      .replace(/^(\d{4}年)收入预算总表$/m, '$1部门收入总体情况表')
      .replace(/^(\d{4}年)支出预算总表$/m, '$1部门支出总体情况表')
      .replace(/^(\d{4}年)财政拨款收支预算总表$/m, '$1财政拨款收支总体情况表')
      .replace(/^(\d{4}年)一般公共预算支出表\(分功能科目\)$/m, '$1一般公共预算财政拨款支出情况表')
      .replace(/^(\d{4}年)一般公共预算基本支出表$/m, '$1一般公共预算财政拨款基本支出情况表')
      .replace(/^(\d{4}年)政府性基金预算支出表$/m, '$1政府性基金预算财政拨款支出情况表');
    expect(renamed).not.toBe(base);
    const [a, b] = [analyzeText(base), analyzeText(renamed)];
    expect(b.tables.map((t) => t.template)).toEqual(a.tables.map((t) => t.template));
    expect(b.summary).toEqual(a.summary);
  });
});
