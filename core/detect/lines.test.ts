import { describe, expect, it } from 'vitest';
import { columnNumbersOf, introducesTable, isContinuationLine, isContinuedTitle, isEmptyStatement, isFormulaLine, isNumberedTableTitle, isPreambleLine, isProseLine, isTableNoLine, isTableTitle, isSectionBreak } from './lines.ts';
import { analyzeText } from '../analyze.ts';

// Detectors as a matrix: every positive example matches its own predicate, every negative none.
const titles = [
  '2023年度收入支出决算总表',
  '2023 年度财政拨款“三公”经费支出决算表',
  '2024 年一般公共预算支出表(分功能科目)',
  '2024年江汉区部门整体绩效目标申报表',
  '**2023年度支出决算表**',
  '年度绩效目标表',
];
const notTitles = [
  '- 一、收入支出决算总表',
  '一、收入支出决算总表',
  '公开01表',
  '预算 05 表',
  '本部门2023年度无政府性基金预算财政拨款收入支出，故此表为空表。',
  '详见附表：收入支出决算总表，单位为万元，请参阅。',
  '第二部分 2023年度部门决算表',
  '2. 2024 年项目支出（绩效目标）申报表',
];

describe('isTableTitle', () => {
  it.each(titles)('should accept %s', (t) => expect(isTableTitle(t)).toBe(true));
  it.each(notTitles)('should reject %s', (t) => expect(isTableTitle(t)).toBe(false));
});

describe('isNumberedTableTitle', () => {
  it.each(['一、收入支出决算总表', '1.2023年度收入决算表', '3、支出决算表', '（四）财政拨款收入支出决算总表', '附件1：2024 年收支预算总表', '附表2 收入预算总表', '表3-1 一般公共预算支出表'])(
    'should take %s for a numbered title',
    (t) => expect(isNumberedTableTitle(t)).toBe(true),
  );
  it.each(['2023年度收入支出决算总表', '一、收入支出决算总体情况说明', '1.本表为空表', '附件1', '- 一、收入支出决算总表', '2.本部门无政府性基金预算财政拨款收入支出'])(
    'should not take %s for one',
    (t) => expect(isNumberedTableTitle(t)).toBe(false),
  );
  it('should take a numbered title for a table only where a table follows it, not in a list of contents', () => {
    const contents = ['一、收入支出决算总表', '二、收入决算表', '三、支出决算表', '', '第三部分 情况说明'];
    expect(contents.map((_, i) => introducesTable(contents, i))).toEqual([false, false, false, false, false]);
    const table = ['一、收入支出决算总表', '', '公开01表', '部门：某某局', '单位：万元', '项目\t行次\t金额'];
    expect(introducesTable(table, 0)).toBe(true);
    expect(introducesTable(['附件10：2023年度整体绩效自评表', '', '填报日期：2024.05.21', '单位名称 某某局'], 0)).toBe(true);
  });
});

describe('line predicates', () => {
  it('should recognise what a new page prints above the rest of a table', () => {
    for (const t of ['续表', '续上表', '（续）', '(续表)', '续表2', ' 续表： ', '接上表']) expect([t, isContinuationLine(t)]).toEqual([t, true]);
    for (const t of ['续表说明', '继续推进就业工作', '2023年度收入决算表']) expect([t, isContinuationLine(t)]).toEqual([t, false]);
    for (const t of ['2023年度收入决算表（续）', '2023年度收入决算表(续表)', '2023年度收入决算表 续表1']) expect([t, isContinuedTitle(t)]).toEqual([t, true]);
    for (const t of ['2023年度收入决算表', '续表', '手续费支出表']) expect([t, isContinuedTitle(t)]).toEqual([t, false]);
  });
  it('should recognise table numbers', () => {
    for (const t of ['公开01表', '公开 01 表', '预算 10 表', '附表1']) expect(isTableNoLine(t)).toBe(true);
    for (const t of ['2023年度收入决算表', '表格说明']) expect(isTableNoLine(t)).toBe(false);
  });
  it('should recognise preamble lines', () => {
    for (const t of ['部门：某局 金额单位：万元', '单位：万元', '单位:万元', '元', '（单位：元）', '填报日期：2024年5月22日']) expect(isPreambleLine(t)).toBe(true);
    for (const t of ['项目支出 8320.58 万元', '注：本表反映部门本年度各项支出情况。']) expect(isPreambleLine(t)).toBe(false);
  });
  it('should recognise printed formulas in both widths', () => {
    expect(isFormulaLine('27 行＝（1＋2＋3＋4＋5＋6+7+8）行；31 行＝（27＋28＋29）行；')).toBe(true);
    expect(isFormulaLine('1栏各行=（2+3+4+5+6+7）栏各行。')).toBe(true);
    expect(isFormulaLine('6栏各行 = (1+2-3) 栏各行')).toBe(true);
    expect(isFormulaLine('注：本表反映部门本年度取得的各项收入情况。')).toBe(false);
  });
  it('should recognise empty-table statements', () => {
    for (const t of ['此表为空表无数据。', '注：本单位无政府性基金预算相关支出', '本部门2023年度无国有资本经营预算财政拨款支出。']) expect(isEmptyStatement(t)).toBe(true);
    expect(isEmptyStatement('本部门2023年度收入合计9,452.17万元。')).toBe(false);
  });
  it('should read column-numbering lines', () => {
    expect(columnNumbersOf('栏次 1 2 3 4 5 6 7')).toEqual([[1, 2, 3, 4, 5, 6, 7]]);
    expect(columnNumbersOf('栏次 1 栏次 2 3 4 5')).toEqual([[1], [2, 3, 4, 5]]);
    expect(columnNumbersOf('1 2 3 4 5 6 7 8 9 10 11 12')?.[0]).toHaveLength(12);
    expect(columnNumbersOf('27 行')).toBeUndefined();
    expect(columnNumbersOf('3 5')).toBeUndefined();
  });
});

describe('isProseLine', () => {
  it('should take a sentence for prose, and a table row printed on one line (figures with commas) for none', () => {
    expect(isProseLine('主要原因是本年度就业补助资金增加，社会保险经费相应增加1,203.44万元。')).toBe(true);
    expect(isProseLine('部门决算由纳入独立核算的部门本级决算组成，无下属预算部门。')).toBe(true);
    // text laid out by position (pdftotext -layout): both sides of a 收支总表 row on one line
    expect(isProseLine('           一、一般公共预算财政拨款收入       1    9,788.75   一、一般公共服务支出      32')).toBe(false);
    expect(isProseLine('八、社会保障和就业支出 39 12,345,678.90 二十一、国有资本经营预算支出 52')).toBe(false);
  });
});

describe('isSectionBreak', () => {
  it('should end a table at the text’s parts and statement headings, not at a header or a row', () => {
    for (const t of ['第三部分 部门预算表', '附件2 绩效目标表', '其他相关情况说明', '一、2026年“三公”经费预算情况说明', '2026年部门预算编制说明']) expect(isSectionBreak(t), t).toBe(true);
    for (const t of ['测算依据及说明', '项目 支出预算', '一、财政拨款收入 1,845,000', '三、2026年机关运行经费4.2万元情况说明', '附件']) expect(isSectionBreak(t), t).toBe(false);
  });

  it('should leave a table’s body where the text’s statements start', () => {
    const r = analyzeText(`2026年部门一般公共预算支出功能分类预算表
单位：万元
功能分类科目编码 功能分类科目名称 合计 基本支出 项目支出
201 一般公共服务支出 10.00 10.00 0.00
合计 10.00 10.00 0.00
其他相关情况说明
一、2026年“三公”经费预算情况说明
2026年“三公”经费预算数为0.46万元，比2025年预算增加27万元。其中：
（一）因公出国（境）费0万元，与2025年预算持平。
`);
    expect(r.tables[0]?.rows.map((x) => x.code ?? x.label)).toEqual(['201', '合计']);
  });
});
