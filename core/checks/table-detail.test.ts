import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';
import { basicTable, gpbTable } from '../../tests/support/tables.ts';

const detail = (text: string) => analyzeText(text).checks.filter((c) => c.rule === 'table-detail');

describe('table-detail', () => {
  it('should pass a function table listed down to the 项', () => {
    const r = detail(
      gpbTable([
        ['208', '社会保障和就业支出', '30.00'],
        ['20801', '人力资源和社会保障管理事务', '30.00'],
        ['2080101', '行政运行', '20.00'],
        ['2080199', '其他人力资源和社会保障管理事务支出', '10.00'],
      ]),
    );
    expect(r.map((c) => [c.verdict, c.messageKey])).toEqual([['ok', 'table.detail-ok']]);
  });

  it('should report each 款 with money that lists no 项, and a 类 that lists no 款', () => {
    const r = detail(
      gpbTable([
        ['208', '社会保障和就业支出', '30.00'],
        ['20801', '人力资源和社会保障管理事务', '20.00'],
        ['2080101', '行政运行', '20.00'],
        ['20805', '行政事业单位养老支出', '10.00'],
        ['221', '住房保障支出', '5.00'],
      ]),
    );
    expect(r.map((c) => [c.verdict, c.severity, c.messageKey])).toEqual([['discrepancy', 'warning', 'table.detail-short']]);
    expect(r[0]?.where.map((w) => w.row?.code)).toEqual(['20805', '221']);
  });

  it('should leave a line of zeros alone: nothing to break down', () => {
    const r = detail(
      gpbTable([
        ['208', '社会保障和就业支出', '20.00'],
        ['20801', '人力资源和社会保障管理事务', '20.00'],
        ['2080101', '行政运行', '20.00'],
        ['20805', '行政事业单位养老支出', '0.00'],
      ]),
    );
    expect(r.map((c) => c.verdict)).toEqual(['ok']);
  });

  it('should report basic expenditure given by economic class only', () => {
    const r = detail(
      basicTable([
        ['301', '工资福利支出', '60.00'],
        ['30101', '基本工资', '60.00'],
        ['302', '商品和服务支出', '10.00'],
      ]),
    );
    expect(r.map((c) => [c.verdict, c.where.map((w) => w.row?.code)])).toEqual([['discrepancy', ['302']]]);
    expect(r[0]?.message).toContain('款级');
  });

  it('should leave a project table alone: each project names its 科目 at its own level', () => {
    const text = gpbTable([['20801', '人力资源和社会保障管理事务', '30.00']], '2024年项目支出预算表');
    expect(analyzeText(text).tables[0]?.template).toBe('budget-projects');
    expect(detail(text)).toEqual([]);
  });

  it('should leave tables outside the templates alone', () => {
    const text = gpbTable(
      [
        ['208', '社会保障和就业支出', '30.00'],
        ['20805', '行政事业单位养老支出', '30.00'],
      ],
      '支出结构情况表',
    );
    expect(detail(text)).toEqual([]);
  });
});

describe('table-detail across tables', () => {
  it('should not report a 款 whose 项 another table of the document lists (lines lost in reading)', () => {
    const t05 = gpbTable([
      ['208', '社会保障和就业支出', '30.00'],
      ['20801', '人力资源和社会保障管理事务', '30.00'],
      ['2080101', '行政运行', '30.00'],
    ]);
    const t03 = [
      '',
      '2024年支出预算总表',
      '单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '\t合计\t30.00\t30.00\t',
      '208\t社会保障和就业支出\t30.00\t30.00\t',
      '20801\t人力资源和社会保障管理事务\t30.00\t30.00\t',
    ].join('\n');
    expect(detail(`${t05}\n${t03}`).map((c) => c.verdict)).toEqual(['ok', 'ok']);
  });
});

describe('unit codes under any header', () => {
  it('should read 201 over 201001 as a department and its unit, whatever the code column is called', () => {
    const text = [
      '某局2024年部门预算',
      '',
      '2024年一般公共预算支出表(分单位)',
      '单位：万元',
      '科目编码\t科目名称\t合计\t基本支出\t项目支出',
      '\t合计\t30.00\t20.00\t10.00',
      '201\t某局\t30.00\t20.00\t10.00',
      '201001\t某局本级\t30.00\t20.00\t10.00',
    ].join('\n');
    const report = analyzeText(text);
    expect(report.tables[0]?.rows.map((r) => r.code)).toEqual([undefined, '201', '201001']);
    // 201 read as the 类 一般公共服务支出 would be a 类 with money and no 款
    expect(detail(text)).toEqual([]);
  });
});
