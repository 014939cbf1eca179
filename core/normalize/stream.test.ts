import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

// A 收入支出决算总表 as text laid out by position prints it (pdftotext -layout): each row's
// two sides on one line, the 栏次 label split over lines apart from its numbers `1 2`.
const LAID_OUT = [
  '                    2023  年度收入支出决算总表',
  '公开01表',
  '单位：万元',
  '                              收入                             支出',
  '                        行                               行',
  '            项目                                   项目',
  '                        次                               次',
  '                              金额                             金额',
  '              栏                                    栏',
  '                                   1                              2',
  '              次                                    次',
  '   一、一般公共预算财政拨款收入       1    1,788.75   一、一般公共服务支出      32',
  '   二、政府性基金预算财政拨款收入      2               八、社会保障和就业支出    39   1,788.75',
  '          本年收入合计                      27       1,788.75   本年支出合计                58   1,788.75',
  '          总计                              31       1,788.75   总计                        62   1,788.75',
  '',
  '注：本表反映部门本年度的总收支和年末结转结余情况。',
].join('\n');

describe('stream tables laid out by position', () => {
  it('should read a two-sided table whose 栏次 numbers stand apart from their label as one column per side', () => {
    const r = analyzeText(LAID_OUT);
    const t = r.tables[0];
    expect(t?.template).toBe('final-01');
    expect(t?.columns.map((c) => [c.key, c.lineNo])).toEqual([['i1', 1], ['e1', 2]]);
    const values = (label: string) => t?.rows.find((x) => x.label === label)?.values;
    expect(values('本年收入合计')).toEqual([1788.75, null]);
    expect(values('本年支出合计')).toEqual([null, 1788.75]);
    // the vertical 栏 / 次 printed after the numbers stays in the header
    expect(t?.rows[0]?.label).toBe('一、一般公共预算财政拨款收入');
    expect(r.summary.discrepancy).toBe(0);
    expect(r.summary.ok).toBeGreaterThan(0);
  });

  it('should keep a table with no figures whose emptiness is stated after its note', () => {
    const text = [
      '             2023  年度一般公共预算财政拨款基本支出决算明细表',
      '公开06表',
      '单位：万元',
      '        科目编码                科目名称      决算数',
      '             301   工资福利支出',
      '           30101   基本工资',
      '             302   商品和服务支出',
      '注：本表反映部门本年度一般公共预算财政拨款基本支出明细情况。',
      '本部门2023年度无一般公共预算财政拨款基本支出。',
    ].join('\n');
    const t = analyzeText(text).tables;
    expect(t.map((x) => [x.template, x.empty])).toEqual([['final-06', true]]);
  });

  it('should join labels wrapped above and below their figures in rows printed a line each with single spaces (pdfplumber)', () => {
    const text = [
      '2023年度收入决算表',
      '公开02表',
      '单位：万元',
      '本年收入合 财政拨款收 上级补助 事业 经营 附属部门上 其他',
      '科目编码 科目名称',
      '计 入 收入 收入 收入 缴收入 收入',
      '栏',
      '1 2 3 4 5 6 7',
      '次',
      '合计 1,300.00 1,300.00',
      '社会保障和就业支',
      '208 1,300.00 1,300.00',
      '出',
      '人力资源和社会保',
      '20801 1,000.00 1,000.00',
      '障管理事务',
      '2080102 一般行政管理事务 1,000.00 1,000.00',
      '20807 就业补助 300.00 300.00',
      '2080701 就业创业服务补贴 300.00 300.00',
      '注：本表反映部门本年度取得的各项收入情况。',
    ].join('\n');
    const r = analyzeText(text);
    expect(r.tables[0]?.rows.map((x) => [x.code ?? '', x.label])).toEqual([
      ['', '合计'],
      ['208', '社会保障和就业支出'],
      ['20801', '人力资源和社会保障管理事务'],
      ['2080102', '一般行政管理事务'],
      ['20807', '就业补助'],
      ['2080701', '就业创业服务补贴'],
    ]);
    expect(r.summary.discrepancy).toBe(0);
  });

  it('should place a two-level header read a line at a time where its figures add up (基本支出 over 小计 人员经费 公用经费)', () => {
    const text = [
      '2024 年一般公共预算支出表(分功能科目)',
      '单位：万元',
      '基本支出',
      '科目编码 科目名称 合计 项目支出',
      '小计 人员经费 公用经费',
      '合计 300.00 120.00 100.00 20.00 180.00',
      '208 社会保障和就业支出 300.00 120.00 100.00 20.00 180.00',
      '20801 人力资源和社会保障管理事务 300.00 120.00 100.00 20.00 180.00',
      '2080101 行政运行 120.00 120.00 100.00 20.00',
      '2080199 其他人力资源和社会保障管理事务支出 180.00 180.00',
    ].join('\n');
    const r = analyzeText(text);
    expect(r.tables[0]?.columns.map((c) => c.label)).toEqual(['合计', '小计', '人员经费', '公用经费', '项目支出']);
    expect(r.summary.discrepancy).toBe(0);
    expect(r.summary.ok).toBeGreaterThan(5);
  });
});


describe('stream tables in drawing order (one cell a line)', () => {
  // A made-up 公开08表 as plain pdftotext prints it: the title's year apart, header words and the
  // 栏次 numbers a line each, interleaved.
  const DRAWN = [
    '年度国有资本经营预算财政拨款支出决算表',
    '',
    '2023',
    '公开08表',
    '部门：测试局',
    '单位：万元',
    '本年支出',
    '项目',
    '合计',
    '',
    '基本支出',
    '',
    '栏',
    '次',
    '',
    '项目支出',
    '',
    '1',
    '',
    '2',
    '',
    '3',
    '',
    '合计',
    '',
    '5.00',
    '',
    '2.00',
    '',
    '3.00',
    '',
    '注：本表反映部门本年度国有资本经营预算财政拨款支出情况。',
  ].join('\n');

  it('should read 栏次 printed one number a line as the header, not as a row of figures', () => {
    const r = analyzeText(DRAWN);
    const t = r.tables[0];
    expect(t?.template).toBe('final-08');
    expect(t?.rows.map((row) => [row.label, ...row.values])).toEqual([['合计', 5, 2, 3]]);
    expect(r.checks.filter((c) => c.verdict === 'discrepancy')).toEqual([]);
  });
});

describe('a two-sided table as PDF text without 行次', () => {
  // The first line ends in a name without figures; names without figures on both sides of a line.
  const TEXT = [
    '2025 年度收入支出决算总表',
    '单位：万元',
    '收入 支出',
    '项目 决算数 项目 决算数',
    '一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出',
    '二、政府性基金预算财政拨款收入 二、外交支出',
    '三、国有资本经营预算财政拨款收入 三、国防支出',
    '七、文化旅游体育与传媒支出 100.00',
    '本年收入合计 100.00 本年支出合计 100.00',
    '使用非财政拨款结余 结余分配',
    '年初结转和结余 5.00 年末结转和结余 5.00',
    '总计 105.00 总计 105.00',
    '注：本表反映部门本年度的总收支和年末结转结余情况。',
  ].join('\n');

  it('should read the first line as a row, and each name without figures as its own blank row', () => {
    const r = analyzeText(TEXT);
    const t = r.tables[0];
    expect(t?.rows.map((x) => [x.label, x.values])).toEqual([
      ['一、一般公共预算财政拨款收入', [100, null]],
      ['一、一般公共服务支出', [null, null]],
      ['二、政府性基金预算财政拨款收入', [null, null]],
      ['二、外交支出', [null, null]],
      ['三、国有资本经营预算财政拨款收入', [null, null]],
      ['三、国防支出', [null, null]],
      ['七、文化旅游体育与传媒支出', [null, 100]],
      ['本年收入合计', [100, null]],
      ['本年支出合计', [null, 100]],
      ['使用非财政拨款结余', [null, null]],
      ['结余分配', [null, null]],
      ['年初结转和结余', [5, null]],
      ['年末结转和结余', [null, 5]],
      ['总计', [105, null]],
      ['总计', [null, 105]],
    ]);
    expect(r.summary.discrepancy).toBe(0);
  });
});

describe('a 财政拨款收支总表 as PDF text, names wrapped around the other side’s line', () => {
  // The expense name around the income row's line, and an income name around an expense row's.
  const TEXT = [
    '2026年部门财政拨款收支预算总表',
    '编制部门：示例区建设局 单位：元',
    '财政拨款收入 财政拨款支出',
    '项目 预算数 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算',
    '一、社会保障和就业',
    '一、一般公共预算 500,000.00 160,000.00 160,000.00 0.00 0.00',
    '支出',
    '二、政府性基金预算 200,000.00 二、卫生健康支出 40,000.00 40,000.00 0.00 0.00',
    '三、国有资本经营预',
    '三、城乡社区支出 480,000.00 280,000.00 200,000.00 0.00',
    '算',
    '四、资源勘探工业信',
    '20,000.00 20,000.00 0.00 0.00',
    '息等支出',
    '收入总计 700,000.00 支出总计 700,000.00 500,000.00 200,000.00',
  ].join('\n');

  it('should give each side its name and figures', () => {
    const r = analyzeText(TEXT);
    const t = r.tables[0];
    const row = (label: string) => t?.rows.find((x) => x.label === label)?.values;
    expect(row('一、社会保障和就业支出')).toEqual([null, 160000, 160000, 0, 0]);
    expect(row('一、一般公共预算')).toEqual([500000, null, null, null, null]);
    expect(row('四、资源勘探工业信息等支出')).toEqual([null, 20000, 20000, 0, 0]);
    expect(r.summary.discrepancy).toBe(0);
  });
});

describe('header words printed among a row’s figures', () => {
  // PDF text that put the lowest header line's words (`合计 基本支出 项目支出`) on the 合计 row's line,
  // the row's other figures lost: that row is undecided, not a row of blanks.
  const TEXT = [
    '政府性基金预算财政拨款收入支出决算表',
    '单位：万元',
    '项目',
    '年初结转和 年末结转和',
    '本年收入 本年支出',
    '功能分类',
    '结余 结余',
    '科目名称',
    '科目编码',
    '合计 105.00 合计 基本支出 项目支出',
    '221 住房保障支出 105.00 105.00 105.00',
    '22198 超长期特别国债安排的支出 105.00 105.00 105.00',
    '2219899 其他住房保障支出 105.00 105.00 105.00',
  ].join('\n');

  it('should leave that row undecided, and no check on it false', () => {
    const r = analyzeText(TEXT);
    const t = r.tables[0];
    expect(t?.rows.map((x) => x.code ?? x.label)).toEqual(['合计', '221', '22198', '2219899']);
    expect(t?.rows[0]?.undecided).toBe(true);
    expect(r.summary.discrepancy).toBe(0);
    expect(r.checks.some((c) => c.verdict === 'undecided' && c.where.some((w) => w.row?.label === '合计'))).toBe(true);
  });
});

describe('a 总表 printed a cell a line', () => {
  // A row's zero on its own line, then the next row's name: `收入总计` is a row, not the end of `四、其他收入`.
  const TEXT = [
    '2026年部门财务收支预算总表',
    '编制部门：示例区建设局',
    '单位：元',
    '本年收入',
    '本年支出',
    '项目',
    '预算数',
    '项目',
    '预算数',
    '一、财政拨款收入',
    '100.00 一、社会保障和就业支出',
    '100.00 ',
    '四、其他收入',
    '0.00 ',
    '收入总计',
    '100.00 ',
    '支出总计',
    '100.00 ',
  ].join('\n');

  it('should read each name with its own figure', () => {
    const t = analyzeText(TEXT).tables[0];
    expect(t?.rows.map((x) => [x.label, x.values])).toEqual([
      ['一、财政拨款收入', [100, null]],
      ['一、社会保障和就业支出', [null, 100]],
      ['四、其他收入', [0, null]],
      ['收入总计', [100, null]],
      ['支出总计', [null, 100]],
    ]);
  });
});

describe('a 总表 row without figures beside one with them', () => {
  it('should keep a whole row name of two words (`本年支出合计`) a row, not header words', () => {
    const t = analyzeText(['2025 年度收入支出决算总表', '单位：万元', '收入 支出', '项目 决算数 项目 决算数', '一、一般公共预算财政拨款收入 100.00 一、一般公共服务支出', '本年收入合计 100.00 本年支出合计', '总计 100.00 总计'].join('\n')).tables[0];
    expect(t?.rows.filter((x) => /合计/.test(x.label)).map((x) => [x.label, x.values, !!x.undecided])).toEqual([
      ['本年收入合计', [100, null], false],
      ['本年支出合计', [null, null], false],
    ]);
  });
});

describe('where a stream table ends', () => {
  // Text without tabs (a PDF's text, cells joined by spaces): the next table's number sits between
  // the last row of one table and the next title.
  const TWO = [
    '2024 年一般公共预算“三公”经费支出表',
    '单位：万元',
    '合计 因公出国（境）费 公务用车购置及运行维护费 公务接待费',
    '小计 公务用车购置费 公务用车运行维护费',
    '9.00 0.00 6.00 0.00 6.00 3.00',
    '',
    '预算 09 表',
    '',
    '2024 年政府性基金预算支出表',
    '单位：万元',
    '科目编码 科目名称 合计',
    '注：本单位无政府性基金预算相关支出',
  ].join('\n');

  it('should end a table at the next table’s number, not read `预算 09 表` as a row of it', () => {
    const r = analyzeText(TWO);
    expect(r.tables.map((t) => [t.template, t.rows.length])).toEqual([
      ['budget-three', 1],
      ['budget-gf', 0],
    ]);
    expect(r.tables[1]?.tableNo).toBe('预算09表');
    expect(r.checks.filter((c) => c.rule === 'column-total' && c.verdict !== 'ok')).toEqual([]);
  });
});
