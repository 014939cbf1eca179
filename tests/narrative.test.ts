/**
 * The narrative checks end to end: claims linked to the sentences and cells they were compared
 * with, text-only arithmetic, and claims that cannot be compared counted as could-not-check.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';
import type { AuditReport } from '../core/model/schemas.ts';

/** A check's expected figure to two places (null where there is none). */
const expected2 = (c: { expected: number | null }) => (c.expected === null ? null : Math.round(c.expected * 100) / 100);
/** The checks of one rule as [verdict, stated, expected to two places]. */
const judged = (r: AuditReport, rule: string) => r.checks.filter((c) => c.rule === rule).map((c) => [c.verdict, c.stated, expected2(c)]);
/** The made-up 预算 of tests/samples with sentences added under a heading of their own. */
const madeUpBudgetWith = (sentence: string) => analyzeText(`${readFileSync('tests/samples/made-up-budget.txt', 'utf8')}\n一、部门预算情况说明\n\n${sentence}\n`);

describe('narrative checks', () => {
  const name = 'hanyang-hr-2023-final';
  const text = readFileSync(`tests/fixtures/${name}.txt`, 'utf8');
  const lines = text.split('\n');
  const report = analyzeText(text, { name });

  it('should list every quoted claim with its position, and link it to the cells it was compared with', () => {
    const claims = new Map((report.claims ?? []).map((c) => [c.id, c]));
    const quoted = report.checks.flatMap((c) => c.where.filter((w) => w.claim).map((w) => ({ check: c, claim: w.claim as string })));
    expect(quoted.length).toBeGreaterThan(100);
    for (const { check, claim } of quoted) {
      const c = claims.get(claim);
      expect(c, claim).toBeDefined();
      expect(c?.checks).toContain(check.id);
      // The number as printed starts on the line the claim gives.
      const line = lines[(c?.source.line ?? 0) - 1] ?? '';
      // At the claim's offset in its line: a number may go on to the next line (`…手续 1` / `89 人`).
      const printed = (c?.text ?? '').replace(/\s+/g, '');
      expect(c?.lineOffset, claim).toBeTypeOf('number');
      expect(line[c?.lineOffset ?? -1], `${claim} on line ${c?.source.line}`).toBe(printed[0]);
    }
    // "this sentence ↔ these cells": a comparison with the tables quotes one and points at the other.
    const vsTable = report.checks.filter((c) => c.rule === 'narrative-table' && c.verdict !== 'undecided');
    expect(vsTable.length).toBeGreaterThan(10);
    for (const c of vsTable) {
      expect(c.where.some((w) => w.quote)).toBe(true);
      expect(c.where.some((w) => w.table)).toBe(true);
    }
  });

  it('should read a figure named without a scope as all funds when the scopes a text may leave unsaid agree', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const audit = (doc: string, sentence: string) => analyzeText(`${doc}\n一、概述\n${sentence}\n`).checks.filter((c) => c.rule === 'narrative-table');
    // all funds, 财政拨款 and 一般公共预算 all give 100.00 (政府性基金 is blank: never meant unsaid)
    expect(audit(base, '2024年收入预算100.00万元。').map((c) => c.verdict)).toEqual(['ok']);
    expect(audit(base, '2024年支出预算总计100.00万元。').map((c) => c.verdict)).toEqual(['ok']);
    expect(audit(base, '2024年收入预算101.00万元。').map((c) => c.verdict)).toEqual(['discrepancy']);
    // 事业收入 beside the 财政拨款: all funds and 财政拨款 differ, the text must say which
    const mixed = base
      .replace('一、一般公共预算拨款收入\t100.00', '一、一般公共预算拨款收入\t90.00')
      .replace('二、政府性基金预算拨款收入\t', '五、事业收入\t10.00')
      .replace('一、本年收入\t100.00', '一、本年收入\t90.00')
      .replace('（一）一般公共预算拨款\t100.00', '（一）一般公共预算拨款\t90.00');
    expect(mixed).not.toBe(base);
    expect(audit(mixed, '2024年收入预算100.00万元。').map((c) => c.verdict)).toEqual(['undecided']);
    // 政府性基金 beside 一般公共预算 within the 财政拨款: all funds and 财政拨款 agree, that is what is meant
    const funds = base.replace('（一）一般公共预算拨款\t100.00', '（一）一般公共预算拨款\t90.00').replace('（二）政府性基金预算拨款\t', '（二）政府性基金预算拨款\t10.00');
    expect(funds).not.toBe(base);
    expect(audit(funds, '2024年收入预算100.00万元。').map((c) => c.verdict)).toEqual(['ok']);
  });

  it('should find the whole of a share the text does not name: the list or sentence it breaks down, else the quantity its part belongs to', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const shares = (sentence: string) =>
      analyzeText(`${base}\n一、概述\n${sentence}\n`)
        .checks.filter((c) => c.rule === 'narrative-share')
        .map((c) => [c.verdict, expected2(c)]);
    expect(shares('社会保障和就业支出90.00万元，占90.00%。')).toEqual([['ok', 90]]);
    expect(shares('社会保障和就业支出90.00万元，占比92.00%。')).toEqual([['discrepancy', 90]]);
    expect(shares('工资福利支出33.00万元，占82.5%。')).toEqual([['ok', 82.5]]);
    // 占…总收入支出的: the 收支总计
    expect(shares('基本支出40.00万元，占财政拨款总收入支出的40.00%。')).toEqual([['ok', 40]]);
    expect(shares('收入预算100.00万元。其中：一般公共预算拨款收入100.00万元，占100%。')).toEqual([['ok', 100]]);
    expect(shares('收入预算合计100.00万元，其中：一般公共预算拨款收入100.00万元，占100%。')).toEqual([['ok', 100]]);
    // 占支出预算的: a share of the budget figure named, not an execution rate
    expect(shares('社会保障和就业支出90.00万元，占支出预算的91.00%。')).toEqual([['discrepancy', 90]]);
    // nothing to divide by: could not check, counted
    expect(shares('某专项经费3.00万元，占5%。')).toEqual([['undecided', null]]);
  });

  it('should read a 财政拨款 figure in the 一般公共预算 table when the department has no other appropriated funds', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const audit = (doc: string, sentence: string) => analyzeText(`${doc}\n一、概述\n${sentence}\n`).checks.filter((c) => c.rule === 'narrative-table').map((c) => [c.verdict, c.expected]);
    // the 预算's 三公 table is the 一般公共预算's; no 政府性基金 spending: 财政拨款 is the same money
    expect(audit(base, '2024年“三公”经费财政拨款预算2.00万元。')).toEqual([['ok', 2]]);
    expect(audit(base, '2024年“三公”经费财政拨款预算3.00万元。')).toEqual([['discrepancy', 2]]);
    // 政府性基金 spending beside it: the two differ, the 一般公共预算 figure is not the 财政拨款 one
    const withFund = base.replace('注：本单位无政府性基金预算相关支出', '\t合计\t5.00\t\t5.00\n229\t其他支出\t5.00\t\t5.00');
    expect(withFund).not.toBe(base);
    expect(audit(withFund, '2024年“三公”经费财政拨款预算2.00万元。').map(([v]) => v)).toEqual(['undecided']);
    // 部门收入: the department's own
    expect(audit(base, '2024年部门收入预算100.00万元。')).toEqual([['ok', 100]]);
  });

  it('should hold a 万元 figure of the text against a table in 元 within the text’s own precision, on the row’s total column', () => {
    const table = [
      '2023年度一般公共预算财政拨款支出决算表',
      '公开05表',
      '单位：元',
      '科目编码\t科目名称\t小计\t基本支出\t项目支出',
      '\t合计\t300,000\t100,000\t200,000',
      '208\t社会保障和就业支出\t300,000\t100,000\t200,000',
      '20801\t人力资源和社会保障管理事务\t300,000\t100,000\t200,000',
      '2080101\t行政运行\t100,000\t100,000\t',
      '2080102\t一般行政管理事务\t200,000\t\t200,000',
    ].join('\n');
    const audit = (figure: string) =>
      analyzeText(`${table}\n\n一、概述\n社会保障和就业支出${figure}万元。\n`)
        .checks.filter((c) => c.rule === 'narrative-table')
        .map((c) => [c.verdict, c.expected, c.tolerance]);
    // 30.01万元 is 300,100 ± 50 元: not the 300,000 of the row's 小计
    expect(audit('30.01')).toEqual([['discrepancy', 300000, 50.5]]);
    expect(audit('30.00')).toEqual([['ok', 300000, 50.5]]);
    expect(audit('30')).toEqual([['ok', 300000, 5000.5]]);
  });

  it('should divide an execution rate by the budget the tables print when the text gives none (三公 预算数)', () => {
    const doc = '2023年度财政拨款“三公”经费支出决算表\n公开09表\n单位：万元\n预算数\t\t\t\t\t\t决算数\t\t\t\t\t\n合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\t合计\t因公出国（境）费\t公务用车购置及运行费\t\t\t公务接待费\n\t\t小计\t公务用车购置费\t公务用车运行费\t\t\t\t小计\t公务用车购置费\t公务用车运行费\t\n5.00\t\t3.00\t\t3.00\t2.00\t4.00\t\t2.50\t\t2.50\t1.50\n\n一、“三公”经费支出决算情况说明\n2023年度“三公”经费财政拨款支出预算为5.00万元，支出决算为4.00万元，完成预算的80%。其中：公务用车运行费支出决算2.50万元，完成预算的83.3%；公务接待费支出决算1.50万元，完成预算的75%。\n';
    const rates = (text: string) =>
      analyzeText(text)
        .checks.filter((c) => c.rule === 'narrative-execution')
        .map((c) => [c.verdict, expected2(c)]);
    expect(rates(doc)).toEqual([['ok', 80], ['ok', 83.33], ['ok', 75]]);
    expect(rates(doc.replace('完成预算的75%', '完成预算的80%'))).toEqual([['ok', 80], ['ok', 83.33], ['discrepancy', 75]]);
    // no budget anywhere: could not check, counted; a bare 完成率 of a target is no budget's
    expect(rates('一、概述\n培训费实际支出3.00万元，执行率90%。')).toEqual([['undecided', null]]);
    expect(rates('一、概述\n业务学习与培训完成率100%。')).toEqual([]);
  });

  it('should check a growth rate that opens the sentence after its change, and count one with nothing to check it by', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const checks = (sentence: string) => analyzeText(`${base}\n一、概述\n${sentence}\n`).checks;
    const rate = checks('2024年支出预算100.00万元，比上年增加10.00万元。增长11.1%，主要原因是人员增加。').find((c) => c.id.endsWith('/rate'));
    expect([rate?.verdict, rate?.expected && Math.round(rate.expected * 100) / 100]).toEqual(['ok', 11.11]);
    const alone = checks('社会保障和就业支出90.00万元，增长12.5%。').filter((c) => c.rule === 'narrative-coverage');
    expect(alone.map((c) => [c.verdict, c.stated])).toEqual([['undecided', 12.5]]);
  });

  it('should name 元 written for 万元 as the likely cause when the figure itself is the table’s', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const table = (sentence: string) => analyzeText(`${base}\n一、概述\n${sentence}\n`).checks.filter((c) => c.rule === 'narrative-table');
    expect(table('基本支出40.00元。').map((c) => [c.verdict, c.cause?.kind])).toEqual([['discrepancy', 'unit']]);
    expect(table('基本支出41.00元。').map((c) => [c.verdict, c.cause?.kind])).toEqual([['discrepancy', undefined]]);
    expect(table('基本支出400,000元。').map((c) => c.verdict)).toEqual(['ok']);
  });

  it('should read the common ways of saying a fund has no spending (无…预算, 没有使用…安排的支出, 不涉及)', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const absence = (sentence: string) => analyzeText(`${base}\n一、概述\n${sentence}\n`).checks.filter((c) => c.rule === 'narrative-absence').map((c) => c.verdict);
    expect(absence('本部门2024年无政府性基金预算。')).toEqual(['ok']);
    expect(absence('本部门2024年没有使用政府性基金预算拨款安排的支出。')).toEqual(['ok']);
    expect(absence('本部门不涉及政府性基金预算拨款支出。')).toEqual(['ok']);
    expect(absence('本部门不涉及“三公”经费支出。')).toEqual(['discrepancy']);
  });

  it('should hold 政府采购 by category (货物, 工程, 服务) against the procurement table’s items of that code letter', () => {
    const base = readFileSync('tests/fixtures/jianghan-hr-2024-budget.txt', 'utf8');
    const audit = (sentence: string) =>
      analyzeText(`${base}\n一、概述\n${sentence}\n`)
        .checks.filter((c) => c.rule === 'narrative-table' && /品目代码/.test(c.message) && c.where.some((w) => w.quote?.includes(sentence.slice(0, 8))))
        .map((c) => [c.verdict, c.expected]);
    expect(audit('2024年政府采购预算中，货物类6.20万元。')).toEqual([['discrepancy', 6.02]]);
    expect(audit('2024年政府采购预算中，服务类525.18万元。')).toEqual([['ok', 525.18]]);
    // an item named by its 品目 (`[C21040000]物业管理服务`) or by its project
    const item = (sentence: string) =>
      analyzeText(`${base}\n一、概述\n${sentence}\n`)
        .checks.filter((c) => c.rule === 'narrative-table' && /政府采购表中“/.test(c.message) && c.where.some((w) => w.quote?.includes(sentence.slice(0, 8))))
        .map((c) => [c.verdict, c.expected]);
    expect(item('2024年政府采购预算中，物业管理服务费38.10万元。')).toEqual([['discrepancy', 36.1]]);
    expect(item('2024年政府采购预算中，主要为会计服务费4.08万元。')).toEqual([['ok', 4.08]]);
  });

  it('should hold a project named in the text against its row of the project table', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const audit = (sentence: string) =>
      analyzeText(`${base}\n一、概述\n${sentence}\n`).checks.filter((c) => c.rule === 'narrative-table' && /项目支出预算表/.test(c.message)).map((c) => [c.verdict, c.expected]);
    expect(audit('项目支出主要用于业务工作经费50.00万元。')).toEqual([['ok', 50]]);
    expect(audit('业务工作经费52.00万元。')).toEqual([['discrepancy', 50]]);
    // what a project buys, in a paragraph on 政府采购, is no figure of its budget
    expect(audit('2024年政府采购预算30.00万元，其中服务类30.00万元，为业务工作经费30.00万元。')).toEqual([]);
  });

  it('should not read a line laid out like a table row, outside any table, as a sentence (and say how many)', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const r = analyzeText(`${base}
一、概述
基本支出40.00万元。
   某局本级      业务工作经费      1      52.00      项      52.00
`);
    expect(r.claims?.map((c) => c.value)).toEqual([40]);
    expect(r.issues.map((i) => i.code)).toContain('stray-rows');
  });

  it('should take the department from a cover title only, never from a sentence that starts with a year', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    expect(analyzeText(`${base}\n一、概述\n2024年收入预算100.00万元。\n`).document.department ?? undefined).toBeUndefined();
    expect(analyzeText(`2024年某区某局部门预算\n\n${base}`).document.department).toBe('某区某局');
    expect(analyzeText(`某区某局2024年部门预算公开\n\n${base}`).document.department).toBe('某区某局');
  });

  it('should check the text against itself when there are no tables', () => {
    const r = analyzeText('一、收入支出决算总体情况说明\n\n2023 年度收、支总计 9,000.00 万元。与 2022 年度相比，收、支总计各增加 500.00 万元，增长 6.50%。');
    const rate = r.checks.find((c) => c.rule === 'narrative-change' && c.unit === '%');
    expect(rate?.verdict).toBe('discrepancy');
    expect(rate?.expected).toBeCloseTo((500 / 8500) * 100, 4);
    // The tables' checks are counted as could-not-check, not passed.
    expect(r.checks.filter((c) => !c.rule.startsWith('narrative') && c.verdict === 'undecided').length).toBeGreaterThan(0);
  });

  it('should read the grand total in the template’s other wordings (收入、支出决算总计; 收入支出总体与上年相比)', () => {
    const rates = (text: string) =>
      analyzeText(`一、收入支出决算总体情况说明\n\n${text}`)
        .checks.filter((c) => c.rule === 'narrative-change' && c.unit === '%')
        .map((c) => [c.verdict, c.stated, expected2(c)]);
    // 800 ÷ (8,800 − 800) = 10 %
    expect(rates('2023年度收入、支出决算总计各8,800.00万元。与2022年度相比，收、支总计各增加800.00万元，增长10.00%。')).toEqual([['ok', 10, 10]]);
    expect(rates('2023年度收入、支出决算总计8,800.00万元。与2022年度相比，收、支总计各增加800.00万元，增长11.00%。')).toEqual([['discrepancy', 11, 10]]);
    expect(rates('2023年度收入、支出决算总计8,800.00万元。收入支出总体与上年相比，增加800.00万元，增长10.00%。')).toEqual([['ok', 10, 10]]);
    // 收入总计 is the grand total (with the carry-over), not 本年收入合计: two figures, no contradiction.
    const r = analyzeText('一、收入支出决算总体情况说明\n\n2023年度收入总计8,800.00万元。\n\n二、收入决算情况说明\n\n2023年度本年收入合计8,700.00万元。');
    expect(r.checks.filter((c) => c.rule === 'narrative-repeat' && c.verdict === 'discrepancy')).toEqual([]);
    // A change and a rate without this year's figure: the reason says what is missing.
    const alone = analyzeText('一、收入支出决算总体情况说明\n\n收入支出总体与上年相比，增加800.00万元，增长10.00%。').checks.filter((c) => c.rule === 'narrative-coverage');
    expect(alone.map((c) => c.reason)).toEqual(['the change is given, but neither the text nor the tables give this year’s figure to set it against the rate']);
  });

  it('should take the whole of a share from the phrase its sentence opens with (`“三公”经费…支出决算中，…占 75%`)', () => {
    const r = analyzeText(
      [
        '七、财政拨款“三公”经费支出决算情况说明',
        '',
        '2023年度“三公”经费财政拨款支出预算为10.00万元，支出决算为8.00万元，完成预算的80.00%。',
        '2023年度“三公”经费财政拨款支出决算中，因公出国（境）费支出决算0.00万元，占0%；公务用车购置及运行维护费支出决算6.00万元，占70.00%；公务接待费支出决算2.00万元，占25.00%。',
      ].join('\n'),
    );
    const shares = r.checks.filter((c) => c.rule === 'narrative-share').map((c) => [c.verdict, c.stated, c.expected]);
    expect(shares).toEqual([
      ['ok', 0, 0],
      ['discrepancy', 70, 75],
      ['ok', 25, 25],
    ]);
  });

  it('should not add 基本支出 and 项目支出 up to 收支总计 when nothing says whether anything was carried over', () => {
    const sums = (text: string) =>
      analyzeText(`一、收入支出决算总体情况说明\n\n${text}`)
        .checks.filter((c) => c.rule === 'narrative-sum')
        .map((c) => [c.verdict, c.stated, c.expected]);
    expect(sums('2023年度收入、支出决算总计1,000.00万元。\n\n三、支出决算情况说明\n\n2023年度基本支出600.00万元。项目支出360.00万元。')).toEqual([]);
    // each said to be zero: the identity is used
    expect(sums('2023年度收入、支出决算总计1,000.00万元，上缴上级支出0.00万元，经营支出0.00万元，年末结转和结余0.00万元。\n\n三、支出决算情况说明\n\n2023年度基本支出600.00万元。项目支出360.00万元。')).toEqual([['discrepancy', 1000, 960]]);
  });

  it('should read a budget against last year’s outturn (`比2023年执行数增加…`) and a structure section’s shares against the quantity its heading names', () => {
    const r = analyzeText(
      [
        '某某局2024年部门预算',
        '五、一般公共预算当年拨款情况',
        '（一）一般公共预算当年拨款规模变化情况',
        '2024年一般公共预算当年拨款1,100.00万元，比2023年执行数减少100.00万元，下降8.33%。',
        '（二）一般公共预算当年拨款结构情况',
        '社会保障和就业支出1,000.00万元，占90.91%；卫生健康支出60.00万元，占5.45%；住房保障支出40.00万元，占3.46%。',
        '（三）一般公共预算当年拨款具体使用情况',
        '1.社会保障和就业（类）人力资源和社会保障管理事务（款）行政运行（项）2024年预算数为700.00万元，比2023年执行数增加20.00万元，增长2.94%。',
      ].join('\n\n'),
    );
    const pick = (rule: string) => judged(r, rule);
    expect(pick('narrative-change')).toEqual([
      ['ok', 8.33, 8.33],
      ['ok', 2.94, 2.94],
    ]);
    expect(pick('narrative-share')).toEqual([
      ['ok', 90.91, 90.91],
      ['ok', 5.45, 5.45],
      ['discrepancy', 3.46, 3.64],
    ]);
  });

  it('should name 元 digits written with 万元 when one of the department’s own figures exceeds its whole budget tenfold', () => {
    const units = (sentence: string) =>
      analyzeText(`一、收入支出决算总体情况说明\n\n2023年度收入、支出决算总计1,000.00万元。\n\n十、机关运行经费支出说明\n\n${sentence}`)
        .checks.filter((c) => c.rule === 'narrative-unit')
        .map((c) => [c.stated, c.expected, c.cause?.kind]);
    expect(units('2023年度本部门机关运行经费支出600,000.00万元，比2022年度减少5.00万元。')).toEqual([[600000, 60, 'unit']]);
    expect(units('2023年度本部门机关运行经费支出60.00万元，比2022年度减少5.00万元。')).toEqual([]);
    // A figure that is not one of the department's own (money it administers) may be larger.
    expect(units('全区全年发放社会保险待遇120,000.00万元。')).toEqual([]);
  });

  it('should not compare two projects’ forms run on as text (a PDF’s text) as one quantity', () => {
    // The Jianghan budget with every table's cells joined by spaces, as a PDF's text gives them:
    // each project's 申报表 then runs on as lines of text naming the same items (`年初预算安排`,
    // `中期收回`, `1-7月预算执行`) with its own figures. No repeat finding of its own may appear.
    const text = readFileSync('tests/fixtures/jianghan-hr-2024-budget.txt', 'utf8');
    const flat = text
      .split('\n')
      .map((l) => (l.includes('\t') ? l.split('\t').filter((c) => c.trim() !== '').join(' ') : l))
      .join('\n');
    const repeats = (r: AuditReport) => r.checks.filter((c) => c.rule === 'narrative-repeat' && c.verdict === 'discrepancy').map((c) => `${c.stated}/${c.expected}`);
    const tabbed = new Set(repeats(analyzeText(text)));
    expect(repeats(analyzeText(flat)).filter((x) => !tabbed.has(x))).toEqual([]);
  });

  it('should not compare a figure of a flattened table row, or a target listed after a target, with the result stated elsewhere', () => {
    const repeats = (first: string) =>
      analyzeText(`十三、绩效情况说明\n\n${first}\n\n十四、其他\n\n全年失业人员再就业人数6319人。`).checks.filter((c) => c.rule === 'narrative-repeat' && c.verdict === 'discrepancy');
    // target and result printed side by side, the header lost
    expect(repeats('产出指标 失业人员再就业人数(5分) 1400人 6319人 就业困难人员就业人数(5分) 200人 1208人')).toEqual([]);
    expect(repeats('年度工作目标：城镇新增就业目标38000人，失业人员再就业人数3700人，扶持创业1550人。')).toEqual([]);
    // the same figure stated twice with two values is still reported
    expect(repeats('全年实现失业人员再就业人数5319人。').map((c) => [c.stated as number, c.expected as number].sort((a, b) => a - b))).toEqual([[5319, 6319]]);
  });

  it('should read `…支出决算数为 880 万元，比年初预算数 800 万元增加 80 万元，增长 10%，完成年初预算的 110%`', () => {
    const r = analyzeText('五、一般公共预算财政拨款支出决算情况说明\n\n一般公共预算财政拨款支出决算数为880.00万元，比年初预算数800.00万元增加80.00万元，增长10.00%，完成年初预算的105.00%。');
    const got = r.checks
      .filter((c) => c.rule === 'narrative-change' || c.rule === 'narrative-execution')
      .map((c) => [c.rule, c.verdict, c.stated, expected2(c)]);
    expect(got).toEqual([
      ['narrative-change', 'ok', 80, 80],
      ['narrative-change', 'ok', 10, 10],
      ['narrative-execution', 'discrepancy', 105, 110],
    ]);
  });

  it('should read `完成年初预算 800 万元的 110%` as the execution rate of the budget just named', () => {
    const rate = (pct: string) =>
      analyzeText(`五、一般公共预算财政拨款支出决算情况说明\n\n一般公共预算财政拨款支出决算为880.00万元，完成年初预算800.00万元的${pct}。`)
        .checks.filter((c) => c.rule === 'narrative-execution')
        .map((c) => [c.verdict, c.stated, expected2(c)]);
    expect(rate('110%')).toEqual([['ok', 110, 110]]);
    expect(rate('101%')).toEqual([['discrepancy', 101, 110]]);
  });

  it('should check a change against the budget (`较预算减少…，降低…%`) by the budget, not by last year', () => {
    const change = (tail: string, head = '全年预算为20.00万元，支出决算为13.52万元，') =>
      analyzeText(`九、财政拨款“三公”经费支出决算情况说明\n\n2023年度“三公”经费财政拨款支出${head}${tail}`)
        .checks.filter((c) => c.rule === 'narrative-change')
        .map((c) => [c.id.split('/').pop(), c.verdict, c.stated, expected2(c)]);
    expect(change('较预算减少6.48万元，降低32.4%。')).toEqual([
      ['difference', 'ok', -6.48, -6.48],
      ['rate', 'ok', 32.4, 32.4],
    ]);
    // Before, the rate was taken over the budget plus the change (as if the budget were this year's figure): 24.47 %.
    expect(change('较预算减少6.48万元，降低30.4%。')).toEqual([
      ['difference', 'ok', -6.48, -6.48],
      ['rate', 'discrepancy', 30.4, 32.4],
    ]);
    expect(change('比年初预算减少5.48万元，下降27.4%。', '年初预算为20.00万元，支出决算为13.52万元，')[0]).toEqual(['difference', 'discrepancy', -5.48, -6.48]);
    // No budget printed: its base is the actual less the change.
    expect(change('与年初预算相比增加3.52万元，增长17.6%。', '决算为23.52万元，')).toEqual([['rate', 'ok', 17.6, 17.6]]);
  });

  it('should not take the budget of the 三公 in all for an item listed under it (`其中：公务接待费…完成预算的…%`)', () => {
    const r = analyzeText(
      '2023年度部门决算\n\n九、财政拨款“三公”经费支出决算情况说明\n\n2023年度“三公”经费财政拨款支出预算为20.00万元，支出决算为13.52万元，完成预算的67.6%，其中：公务用车购置及运行维护费支出决算为10.02万元，完成预算的83.5%；公务接待费支出决算为3.50万元，完成预算的43.75%。',
    );
    const rates = judged(r, 'narrative-execution');
    // Before: 10.02 ÷ 20.00 = 50.10 % and 3.50 ÷ 20.00 = 17.50 %, two false errors.
    expect(rates).toEqual([
      ['ok', 67.6, 67.6],
      ['undecided', 83.5, null],
      ['undecided', 43.75, null],
    ]);
  });

  it('should count an execution rate over a budget the tables leave empty as could-not-check, not drop it', () => {
    // The Donghu 决算 spent nothing on 三公: its 三公 table is empty.
    const r = analyzeText(readFileSync('tests/fixtures/donghu-hrss-2023-final.txt', 'utf8').replace(
      /^(九、财政拨款“三公”经费支出决算情况说明)$/m,
      '$1\n\n2023年度公务接待费支出决算为3.50万元，完成预算的43.75%。',
    ));
    const about = r.checks.filter((c) => c.rule === 'narrative-execution' && c.where.some((w) => /43\.75%/.test(w.quote ?? '')));
    expect(about.map((c) => [c.verdict, c.reason])).toEqual([['undecided', 'the tables hold no budget for it, so there is no rate']]);
  });

  it('should not take 基本支出 for the whole of 项目支出 when 项目支出 follows the items of 基本支出 (`其中：…；项目支出…，占…%`)', () => {
    const r = analyzeText(
      '某某局2024年部门预算\n\n五、一般公共预算支出安排情况\n\n（一）一般公共预算拨款规模变化情况\n\n2024年一般公共预算拨款500.00万元。\n\n（二）一般公共预算拨款结构情况\n\n基本支出100.00万元，占20.0%，其中：人员经费80.00万元，公用经费20.00万元；项目支出400.00万元，占80.0%。',
    );
    const shares = judged(r, 'narrative-share');
    // Before: 400.00 ÷ 100.00 = 400 %, a false error.
    expect(shares).toEqual([
      ['ok', 20, 20],
      ['ok', 80, 80],
    ]);
  });

  it('should hold `…支出为零` against the tables as `无…支出` is', () => {
    // The Hanyang 决算 prints 10.50 of 国有资本经营预算 spending.
    const r = analyzeText(text.replace(/^(八、国有资本经营预算财政拨款支出决算情况说明)$/m, '$1\n\n本部门2023年度国有资本经营预算财政拨款支出决算数为零。'));
    const said = r.checks.filter((c) => c.rule === 'narrative-absence' && c.where.some((w) => /决算数为零/.test(w.quote ?? '')));
    expect(said.map((c) => [c.verdict, c.expected])).toEqual([['discrepancy', 10.5]]);
  });

  it('should count an execution rate stated with no figure beside it as could-not-check', () => {
    const r = analyzeText('五、一般公共预算财政拨款支出决算情况说明\n\n2023年度一般公共预算财政拨款支出决算数为年初预算数的84.73%。');
    expect(r.checks.filter((c) => c.rule === 'narrative-execution').map((c) => [c.verdict, c.stated, c.reason])).toEqual([
      ['undecided', 84.73, 'its sentence gives neither the actual figure nor the budget'],
    ]);
  });

  it.each(['支出总预算', '支出预算总额', '总支出', '全部支出', '当年支出'])('should find the whole of a share named `%s` in the tables', (whole) => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const total = analyzeText(base).tables.find((t) => t.template === 'budget-expense');
    const cols = total?.columns ?? [];
    const totalRow = total?.rows.find((r) => /合计/.test(r.label));
    const all = totalRow?.values[cols.findIndex((c) => /合计/.test(c.label))] ?? NaN;
    const basic = totalRow?.values[cols.findIndex((c) => /基本支出/.test(c.label))] ?? NaN;
    expect(all).toBeGreaterThan(basic);
    const pct = ((basic / all) * 100).toFixed(2);
    const r = analyzeText(`${base}\n\n三、支出预算情况说明\n\n基本支出${basic.toFixed(2)}万元，占${whole}的${pct}%。\n`);
    const share = r.checks.filter((c) => c.rule === 'narrative-share');
    expect(share.map((c) => [c.verdict, c.stated])).toEqual([['ok', Number(pct)]]);
  });

  it('should take a classification row named before a colon (`…（款）…（项）：年初预算…`) as the subject of the figures after it', () => {
    const r = analyzeText(readFileSync('tests/fixtures/donghu-hrss-2023-final.txt', 'utf8').replace(
      /^(二、收入决算情况说明)$/m,
      '$1\n\n社会保障和就业支出（类）就业补助（款）职业培训补贴（项）：年初预算100万元，决算数114.37万元，预算执行率114.37%。',
    ));
    const about = (rule: string) => r.checks.filter((c) => c.rule === rule && c.where.some((w) => /决算数114\.37万元/.test(w.quote ?? '')));
    expect(about('narrative-table').map((c) => [c.verdict, c.where.find((w) => w.table)?.row?.code])).toEqual([['ok', '2080702']]);
    expect(about('narrative-execution').map((c) => c.verdict)).toEqual(['ok']);
  });

  it('should not run a figure’s caption (`图 1：…`) into the sentence after it', () => {
    const r = analyzeText('一、收入支出决算总体情况说明\n\n图 1：收、支决算总计变动情况\n\n本年收入合计880.00万元，本年支出合计880.00万元。');
    const subjects = (r.claims ?? []).map((c) => c.subject);
    expect(subjects).toEqual(['本年收入合计', '本年支出合计']);
  });

  it('should read `按功能分类：…。按支出性质：…` as breakdowns of the paragraph’s total', () => {
    const r = analyzeText(
      '某某局2024年部门预算\n\n二、支出预算情况\n\n2024年本部门支出预算1,200.00万元，比上年增加100.00万元，增长9.09%。按功能分类：社会保障和就业支出1,000.00万元，占83.33%；卫生健康支出200.00万元，占16.67%。按支出性质：基本支出800.00万元，占66.67%；项目支出400.00万元，占33.33%。',
    );
    const shares = judged(r, 'narrative-share');
    expect(shares).toEqual([
      ['ok', 83.33, 83.33],
      ['ok', 16.67, 16.67],
      ['ok', 66.67, 66.67],
      ['ok', 33.33, 33.33],
    ]);
  });

  it('should check the growth of a count as of an amount (`1.2万人次，比上年增加0.2万人次，增长20%`)', () => {
    const rates = (sentence: string) =>
      analyzeText(`十三、绩效情况说明\n\n${sentence}`)
        .checks.filter((c) => c.rule === 'narrative-change')
        .map((c) => [c.verdict, c.stated]);
    expect(rates('全年开展职业技能培训1.2万人次，比上年增加0.2万人次，增长20%。')).toEqual([['ok', 20]]);
    expect(rates('全年开展职业技能培训12000人次，比上年增加2000人次，增长25%。')).toEqual([['discrepancy', 25]]);
  });

  it('should add up a list opened by a figure named again (`本年支出合计中，基本支出…；项目支出…`)', () => {
    const sums = (second: string) =>
      analyzeText(`三、支出决算情况说明\n\n2023年度支出总计1,000.00万元，其中：本年支出合计960.00万元，年末结转和结余40.00万元。${second}`)
        .checks.filter((c) => c.rule === 'narrative-sum' && c.stated === 960)
        .map((c) => [c.verdict, c.expected]);
    expect(sums('本年支出合计中，基本支出600.00万元，占62.50%；项目支出360.00万元，占37.50%。')).toEqual([['ok', 960]]);
    expect(sums('本年支出合计中，基本支出600.00万元，占62.50%；项目支出350.00万元，占36.46%。')).toEqual([['discrepancy', 950]]);
  });

  it('should count one figure stated alike in two sections as a consistency that passed, not as unchecked', () => {
    const r = analyzeText('某某局2023年度部门决算\n\n七、“三公”经费支出情况\n\n2023年度公务接待费支出2.00万元。\n\n十三、绩效情况\n\n全年公务接待费支出2.00万元，主要用于接待上级检查。');
    expect(r.checks.filter((c) => c.rule === 'narrative-repeat').map((c) => [c.verdict, c.stated, c.where.length])).toEqual([['ok', 2, 2]]);
    expect(r.checks.filter((c) => c.rule === 'narrative-coverage' && c.stated === 2)).toEqual([]);
  });

  it('should compare one figure stated in 元 and in 万元 in 万元, with no float residue', () => {
    const r = analyzeText('某某局2023年度部门决算\n\n七、“三公”经费支出情况\n\n2023年度公务接待费支出66,898,200.00元。\n\n十三、绩效情况\n\n全年公务接待费支出5,275.56万元，主要用于接待上级检查。');
    expect(r.checks.filter((c) => c.rule === 'narrative-repeat').map((c) => [c.verdict, c.stated, c.expected, c.unit])).toEqual([['discrepancy', 5275.56, 6689.82, '万元']]);
  });

  it('should write a figure converted from 元 without the zeros the conversion adds (9,788.75万元, not 9,788.750000万元)', () => {
    const r = analyzeText(readFileSync('tests/fixtures/donghu-hrss-2023-final.txt', 'utf8').replace(
      /^(五、一般公共预算财政拨款支出决算情况说明)$/m,
      '$1\n\n2023年度一般公共预算财政拨款支出97,887,500.00元。',
    ));
    const c = r.checks.find((x) => x.rule === 'narrative-table' && x.where.some((w) => /97,887,500\.00元/.test(w.quote ?? '')));
    expect(c?.verdict).toBe('ok');
    expect(c?.message).toContain('正文“一般公共预算财政拨款支出” 9,788.75万元；');
    expect(c?.message).not.toMatch(/\.\d{2}0+万元/);
  });

  it('should take a figure followed by （含）以上 as a threshold, not an amount to check', () => {
    const r = analyzeText('十二、国有资产占用情况说明\n\n单价50万元（含）以上通用设备0台（套），单价100万元（不含）以上专用设备1台（套）。');
    expect(r.checks.filter((c) => c.rule === 'narrative-coverage')).toEqual([]);
  });

  it('should count a figure it cannot identify as could-not-check, with the reason', () => {
    const r = analyzeText('十、其他\n\n2023 年度某某专项工作经费 12.34 万元，用于日常运转。');
    const c = r.checks.find((x) => x.rule === 'narrative-coverage');
    expect(c?.verdict).toBe('undecided');
    expect(c?.reason).toMatch(/identified|compare/);
    expect(c?.where[0]?.quote).toContain('12.34');
  });

  it('should hold last year\'s figure, derived from a change, against a table printing that year', () => {
    const form = (prior: string, heading = '2023年') =>
      [
        '2024年部门整体绩效目标申报表',
        '单位：万元',
        '总体资金情况\t\t当年金额\t占比\t近两年收支金额\t',
        `\t\t\t\t2022年\t${heading}`,
        `收入构成\t财政拨款\t900.00\t100%\t800.00\t${prior}`,
        `\t合计\t900.00\t100%\t800.00\t${prior}`,
      ].join('\n');
    const text = (prior: string, heading?: string) => `某局2024年部门预算\n\n一、收支预算总体情况\n\n2024年收支总预算900.00万元，比2023年预算减少100.00万元。\n\n${form(prior, heading)}`;
    const prior = (t: string) => analyzeText(t).checks.find((c) => c.id.endsWith('/prior-year'));
    const ok = prior(text('1,000.00'));
    expect([ok?.verdict, ok?.stated, ok?.expected]).toEqual(['ok', 1000, 1000]);
    expect(ok?.where.some((w) => w.quote) && ok?.where.some((w) => w.column?.label === '2023年')).toBe(true);
    // The column says 预算, as the text does: a different figure is a discrepancy.
    const wrong = prior(text('1,050.00', '2023年预算数'));
    expect([wrong?.verdict, wrong?.stated, wrong?.expected]).toEqual(['discrepancy', 1000, 1050]);
    // The column does not say which figure of 2023 it holds: could not decide.
    expect(prior(text('1,050.00'))?.verdict).toBe('undecided');
    // The column holds the actual, the text speaks of the budget: not compared.
    expect(prior(text('1,050.00', '2023年决算数'))).toBeUndefined();
  });

  it('should read a 项 by the single item the 名词解释 says it holds, and not by one of several', () => {
    const doc = (items: string) =>
      [
        '某局2023年度部门决算',
        '2023年度一般公共预算财政拨款支出决算表',
        '公开05表',
        '单位：万元',
        ['科目编码', '科目名称', '小计', '基本支出', '项目支出'].join('\t'),
        ['', '合计', '50.00', '20.00', '30.00'].join('\t'),
        ['208', '社会保障和就业支出', '50.00', '20.00', '30.00'].join('\t'),
        ['20801', '人力资源和社会保障管理事务', '50.00', '20.00', '30.00'].join('\t'),
        ['2080101', '行政运行', '20.00', '20.00', ''].join('\t'),
        ['2080102', '一般行政管理事务', '30.00', '', '30.00'].join('\t'),
        '',
        '一、名词解释',
        `1.社会保障和就业支出(类)人力资源和社会保障管理事务(款)一般行政管理事务(项)明细如下：${items}；`,
        '二、项目绩效情况',
        '劳务派遣服务经费预算 32.00 万元，实际支出 32.00 万元，执行率 100.00%。',
      ].join('\n');
    const compared = (items: string) => analyzeText(doc(items)).checks.filter((c) => c.rule === 'narrative-table' && c.verdict !== 'undecided' && c.stated === 32);
    const one = compared('劳务派遣服务经费');
    expect(one.map((c) => [c.verdict, c.expected])).toEqual([['discrepancy', 30]]);
    expect(compared('劳务派遣服务经费、其他工作经费')).toEqual([]);
  });

  it('should report a growth rate over a zero base as undefined', () => {
    const r = analyzeText('一、收入支出决算总体情况说明\n\n2023 年度培训费 3.00 万元，比 2022 年增加 3.00 万元，增长 100%。');
    const c = r.checks.find((x) => x.rule === 'narrative-change' && x.messageKey === 'narr.zero-base');
    expect(c?.verdict).toBe('discrepancy');
    expect(c?.cause?.kind).toBe('zero-base');
  });

  it('should read `增长幅度为 8.27%` as a growth rate, not as a figure named 增长幅度', () => {
    const r = analyzeText('一、收入支出决算总体情况说明\n\n2023 年度收入总计 100.00 万元，比上年增加 10.00 万元，增长幅度为 11.11%。\n\n二、支出决算情况说明\n\n2023 年度支出总计 100.00 万元，比上年增加 20.00 万元，增长幅度为 25.00%。');
    expect(r.checks.filter((c) => c.rule === 'narrative-change').map((c) => [c.verdict, c.stated])).toEqual([
      ['ok', 11.11],
      ['ok', 25],
    ]);
    // Before: two values of one "增长幅度".
    expect(r.checks.filter((c) => c.rule === 'narrative-repeat' && c.verdict === 'discrepancy')).toEqual([]);
  });

  it('should not hold a part named after 其中 (`项目支出…，其中：一般公共预算本年拨款…`) against the whole of that name', () => {
    const r = analyzeText(
      '某某局2024年部门预算\n\n一、一般公共预算拨款情况\n\n2024年一般公共预算拨款500.00万元。\n\n二、项目支出情况\n\n2024年项目支出400.00万元，其中：一般公共预算本年拨款400.00万元。',
    );
    expect(r.checks.filter((c) => c.rule === 'narrative-repeat' && c.verdict === 'discrepancy').map((c) => c.message)).toEqual([]);
  });

  it.each([
    ['基本支出100.00万元（占20.0%）；项目支出400.00万元（占80.0%）。', 'in brackets'],
    ['基本支出100.00万元，所占比重为20.0%；项目支出400.00万元，占比为80.0%。', '所占比重为 / 占比为'],
  ])('should check a share written `%s` (%s)', (items) => {
    const r = analyzeText(`某某局2024年部门预算\n\n三、支出预算情况\n\n2024年支出预算500.00万元。其中：${items}`);
    // Before: no check at all (in brackets), or a whole named “重” (所占比重为).
    expect(r.checks.filter((c) => c.rule === 'narrative-share').map((c) => [c.verdict, c.stated, c.expected])).toEqual([
      ['ok', 20, 20],
      ['ok', 80, 80],
    ]);
  });

  it.each([
    ['与上年相比减少10.00万元，降低9.09%', 'ok'],
    ['同上年相比减少10.00万元，下降9.09%', 'ok'],
    ['与2022年相比减少10.00万元，下降9.50%', 'discrepancy'],
  ])('should read `%s` as a change on last year and check its rate', (change, verdict) => {
    const r = analyzeText(`2023年度部门决算\n\n二、财政拨款收入决算情况\n\n2023年度，本单位财政拨款收入总计100.00万元，${change}。`);
    // Before: the change was read with no base year, so the rate could not be checked.
    expect(r.checks.filter((c) => c.rule === 'narrative-change').map((c) => c.verdict)).toEqual([verdict]);
  });

  it('should name a rate by its figure, not by the comparison before it (`…1033万元，与上年下降7.6%`)', () => {
    const r = analyzeText('一、“三公”经费支出情况\n\n公务接待费决算10.00万元，与上年下降7.6%。');
    const coverage = r.checks.filter((c) => c.rule === 'narrative-coverage' && c.stated === -7.6);
    expect(coverage.map((c) => c.message)).toHaveLength(1);
    expect(coverage[0]?.message).toContain('公务接待费');
    expect(coverage[0]?.message).not.toContain('与上年');
  });

  it('should keep a title line before a blank line out of the sentence after it', () => {
    const r = analyzeText('2023年度部门决算\n\n本单位财政拨款收入总计100.00万元，比上年减少10.00万元，降低9.09%。');
    const subjects = (r.claims ?? []).map((c) => c.subject);
    expect(subjects.length).toBeGreaterThan(0);
    // Before: `部门决算` and the sentence were one paragraph, the subject `决算财政拨款收入总计`.
    for (const s of subjects) expect(s).not.toMatch(/^决算/);
  });

  it('should not take the first line of a numbered sentence that ends in a comma for a heading', () => {
    // A PDF's line break after `元,`: the rate on the next line is still this item's.
    const r = analyzeText('三、支出预算情况说明\n(一)教育支出类科目 850.00 元,\n同比减少 50.00 元,下降 5.56 %。\n(二)卫生健康支出类科目 100.00 元,同比增加 10.00 元,增长 11.11 %。');
    expect(r.checks.filter((c) => c.rule === 'narrative-change').map((c) => [c.verdict, c.stated])).toEqual([
      ['ok', 5.56],
      ['ok', 11.11],
    ]);
  });

  it('should find the whole a share names (`占支出总预算的`) among the figures the text gives, in its scope', () => {
    const r = analyzeText(
      '三、支出预算情况说明\n\n2025年本年支出预算1000.00万元，其中：基本支出预算900.00万元，占支出总预算的90.00%；项目支出预算100.00万元，占支出总预算的10.00%。\n\n四、一般公共预算支出情况说明\n\n2025年一般公共预算支出800.00万元。',
    );
    // Before: `no figure was found for 支出总预算`.
    expect(r.checks.filter((c) => c.rule === 'narrative-share').map((c) => [c.verdict, c.stated, expected2(c)])).toEqual([
      ['ok', 90, 90],
      ['ok', 10, 10],
    ]);
    // The 一般公共预算 total is not the whole of an all-funds share.
    const gpbOnly = analyzeText('四、一般公共预算支出情况说明\n\n2025年一般公共预算支出1000.00万元，其中：基本支出900.00万元，占支出总预算的90.00%。');
    expect(gpbOnly.checks.filter((c) => c.rule === 'narrative-share').map((c) => c.verdict)).toEqual(['undecided']);
  });

  it('should check an item’s change named like its figure sentences later (`其中：因公出国(境)费同口径比2018年减少…`)', () => {
    const r = analyzeText(
      '三、“三公”经费预算情况\n\n2019年，“三公”经费预算为100万元。其中，因公出国(境)费10万元，公务接待费90万元。同口径比2018年减少20万元，下降16.7%。其中：因公出国(境)费同口径比2018年减少2万元，下降16.7%。公务接待费同口径比2018年减少18万元，下降16.7%。',
    );
    // Before: the rates were the paragraph's (三公经费), of 2018, and could not be checked.
    const checked = r.checks.filter((c) => c.rule === 'narrative-change' && c.verdict === 'ok').map((c) => c.message);
    expect(checked).toHaveLength(2);
    expect(checked[0]).toContain('因公出国费');
    expect(checked[1]).toContain('公务接待费');
    // `同口径` is how it is compared, not what; 2018 is the year compared with, not the figures'.
    const claims = r.claims ?? [];
    expect(claims.length).toBeGreaterThan(4);
    for (const c of claims) {
      expect(c.subject).not.toContain('同口径');
      expect(c.year, `${c.text} ${c.subject}`).not.toBe(2018);
    }
  });

  it('should add up the amounts listed after a change in the total’s own sentence (`…减少221万元，下降10.1%；其中：…`)', () => {
    const sum = (items: string) =>
      analyzeText(`三、“三公”经费预算情况\n\n2025年“三公”经费预算总额为100万元，较2024年的120万元减少20万元，下降16.7%；其中：${items}`)
        .checks.filter((c) => c.rule === 'narrative-sum')
        .map((c) => [c.verdict, c.stated, c.expected]);
    // Before: the list was headed by the change (20), its items amounts and changes mixed, and not added up.
    expect(sum('因公出国(境)经费10万元，较上年持平；公务接待费30万元，较上年减少5万元，下降14.3%；公务用车购置及运行维护费60万元，较上年减少15万元，下降20%。')).toEqual([['ok', 100, 100]]);
    expect(sum('因公出国(境)经费10万元，较上年持平；公务接待费30万元，较上年减少5万元，下降14.3%；公务用车购置及运行维护费70万元，较上年减少15万元，下降17.6%。')).toEqual([['discrepancy', 100, 110]]);
  });

  it('should name a figure by the term a bracket defines and add up the items listed after `分项情况是：`', () => {
    const r = analyzeText(
      '三、“三公”经费决算情况\n\n2018年各单位因公出国(境)经费、公务接待费、公车购置费,公车运行费(“三公”经费)决算总额100万元,比上年下降1.8%。分项情况是:因公出国(境)经费决算10万元;公务接待费决算30万元;公务用车购置及运行费决算70万元。',
    );
    // Before: the total was named 公车运行费决算 and the items were not added up.
    expect(r.checks.filter((c) => c.rule === 'narrative-sum').map((c) => [c.verdict, c.stated, c.expected, c.message.includes('三公经费')])).toEqual([['discrepancy', 100, 110, true]]);
  });

  it.each([
    ['完成年初预算的103.32%', 'ok'],
    ['完成年初预算103.32%', 'ok'],
    ['完成年初预算100%', 'discrepancy'],
  ])('should check an execution rate written `%s`', (rate, verdict) => {
    const r = analyzeText(`2017年度部门决算\n\n三、一般公共预算财政拨款支出决算情况\n\n本单位一般公共预算财政拨款支出年初预算1685.82万元，支出决算1741.75万元，${rate}。`);
    // Before: without 的 the rate was a bare percentage, neither checked nor counted.
    expect(r.checks.filter((c) => c.rule === 'narrative-execution').map((c) => c.verdict)).toEqual([verdict]);
  });

  it.each([
    ['完成年初预算100%，决算数大于预算数55.93万元', 'discrepancy', 103.32],
    ['完成年初预算的103.32%，比年初预算增加55.93万元', 'ok', 103.32],
    ['完成年初预算的96.89%，决算数小于预算数55.93万元', 'ok', 96.89],
  ])('should check an execution rate against the budget its sentence’s difference gives (`%s`)', (rest, verdict, expected) => {
    const r = analyzeText(`2017年度部门决算\n\n三、一般公共预算财政拨款支出决算情况\n\n本单位一般公共预算财政拨款支出决算1741.75万元，${rest}。`);
    // Before: could not check (no budget printed); `大于预算数` was not read at all.
    expect(r.checks.filter((c) => c.rule === 'narrative-execution').map((c) => [c.verdict, expected2(c)])).toEqual([[verdict, expected]]);
  });

  it.each([
    ['2024年项目支出60.00万元，其中：工资福利支出10.00万元，商品和服务支出50.00万元。', 'a list under 项目支出'],
    ['工资福利支出10.00万元，占项目支出预算16.67%。', 'a share of 项目支出'],
  ])('should not hold an economic class of 项目支出 against the basic-expenditure table (%s)', (sentence) => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const r = analyzeText(`${base}\n一、项目支出情况\n\n${sentence}\n`);
    // Before: 10.00 was compared with 301 工资福利支出 of the 基本支出 table (33.00): an error.
    expect(r.checks.filter((c) => c.rule === 'narrative-table' && c.stated === 10)).toEqual([]);
    expect(r.checks.filter((c) => c.severity === 'error' && c.rule.startsWith('narrative'))).toEqual([]);
  });

  it('should not take one class named under two wholes for one figure stated twice', () => {
    const r = analyzeText(
      '五、一般公共预算支出情况说明\n\n1. 基本支出预算 300.00 元，其中：\n工资福利支出预算 200.00 元，占基本支出预算66.67%。\n商品和服务支出预算 100.00 元，占基本支出预算33.33%。\n2. 项目支出 100.00 元，其中：\n工资福利支出 20.00 元，占项目支出预算 20.00%。\n商品和服务支出 80.00 元，占项目支出预算 80.00%。',
    );
    // Before: 工资福利支出 200.00 and 20.00 were one figure with two values (an error).
    expect(r.checks.filter((c) => c.rule === 'narrative-repeat' && c.verdict === 'discrepancy').map((c) => c.message)).toEqual([]);
  });

  it('should hold shares of a whole the text does not state to one value of it', () => {
    const doc = (project: string) =>
      analyzeText(`五、一般公共预算支出情况说明\n\n1. 基本支出预算 800.00 万元，占一般公共预算支出的80.00%。\n2. 项目支出 200.00 万元，占一般公共预算支出的 ${project}%。`);
    const shares = (r: AuditReport) => r.checks.filter((c) => c.rule === 'narrative-share').map((c) => [c.verdict, c.severity, c.stated, expected2(c)]);
    // 800 ÷ 80 % and 200 ÷ 25 % imply 1000 and 800: not one whole (before: two could-not-checks).
    expect(shares(doc('25.00'))).toEqual([
      ['undecided', 'info', 80, null],
      ['discrepancy', 'warning', 25, 20],
    ]);
    expect(shares(doc('20.00')).map((x) => x[0])).toEqual(['undecided', 'undecided']);
    // Under two headings the same words may name two wholes: not compared.
    const apart = analyzeText('一、收入预算情况\n\n基本支出预算 800.00 万元，占一般公共预算支出的80.00%。\n\n二、支出预算情况\n\n项目支出 200.00 万元，占一般公共预算支出的 25.00%。');
    expect(shares(apart).map((x) => x[0])).toEqual(['undecided', 'undecided']);
  });

  it('should pair shares printed together with the figures printed together before them (`分别为A和B，占…的x%和y%`)', () => {
    const shares = (text: string) => analyzeText(`一、政府采购情况\n\n${text}`).checks.filter((c) => c.rule === 'narrative-share').map((c) => [c.verdict, c.stated, expected2(c)]);
    // Before: 8.1% was held against the second figure (91.94%), an error; 91.9% was not read.
    expect(shares('2019年政府采购规模为1000.0亿元。中央单位、地方单位政府采购规模分别为81.0亿元和919.0亿元,占政府采购规模的8.1%和91.9%。')).toEqual([
      ['ok', 8.1, 8.1],
      ['ok', 91.9, 91.9],
    ]);
    // Two shares and no two figures before them: could not check, never paired at random.
    expect(shares('2019年政府采购规模为1000.0亿元,占财政支出和GDP的比重分别为10.0%和3.3%。').map((x) => x[0])).toEqual(['undecided', 'undecided']);
  });

  it('should not hold shares of a relative whole (`占同类产品采购规模的`) to one value of it', () => {
    const r = analyzeText('一、政府采购情况\n\n采购节能产品633.7亿元，占同类产品采购规模的90%，采购环保产品718.7亿元，占同类产品采购规模的88%。');
    expect(r.checks.filter((c) => c.rule === 'narrative-share').map((c) => c.verdict)).toEqual(['undecided', 'undecided']);
  });

  it('should find the whole `政府采购预算` stated as `政府采购预算 17000 元`', () => {
    const r = analyzeText('(二)政府采购预算安排情况说明。\n\n2023 年政府采购预算 17000 元。其中:货物类采购 10000 元,占政府采购预算 58.8%;服务类采购 7000 元,占政府采购预算 41.2%。');
    expect(r.checks.filter((c) => c.rule === 'narrative-share').map((c) => [c.verdict, expected2(c)])).toEqual([
      ['ok', 58.82],
      ['ok', 41.18],
    ]);
  });

  it('should give the names before `分别为` to the figures after it, in order', () => {
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
    const vsTables = (sentence: string) =>
      analyzeText(`${base}\n一、支出预算情况\n\n${sentence}\n`)
        .checks.filter((c) => c.rule === 'narrative-table' || c.rule === 'narrative-coverage')
        .map((c) => [c.rule, c.verdict, c.stated]);
    // Before: 40.00 was named 项目支出 (the name before it in its clause) and held against 60.00: an error.
    expect(vsTables('2024年基本支出、项目支出分别为40.00万元、60.00万元。')).toEqual([
      ['narrative-table', 'ok', 40],
      ['narrative-table', 'ok', 60],
    ]);
    expect(vsTables('2024年基本支出和项目支出分别为41.00万元和60.00万元。')).toEqual([
      ['narrative-table', 'discrepancy', 41],
      ['narrative-table', 'ok', 60],
    ]);
    // Three names, two figures: which goes with which is not known, so neither is named.
    expect(vsTables('2024年基本支出、项目支出和其他支出分别为40.00万元、60.00万元。')).toEqual([
      ['narrative-coverage', 'undecided', 40],
      ['narrative-coverage', 'undecided', 60],
    ]);
    // 及 inside a name (购置及运行维护费) does not split it.
    const three = analyzeText('七、财政拨款“三公”经费支出决算情况说明\n\n2023年度“三公”经费财政拨款支出决算为12.00万元，其中因公出国（境）费、公务用车购置及运行维护费、公务接待费分别为0万元、8.00万元、4.00万元。');
    expect(three.checks.filter((c) => c.rule === 'narrative-sum').map((c) => [c.verdict, c.stated, c.expected])).toEqual([['ok', 12, 12]]);
    expect((three.claims ?? []).map((c) => c.subject)).toContain('公务用车购置及运行维护费');
  });

  it.each([
    ['2024年“三公”经费预算数较上年减少0.50万元，下降20%。', 'ok', 20],
    ['2024年“三公”经费预算数较上年减少0.50万元，下降25%。', 'discrepancy', 20],
    ['2024年基本支出较上年增加5.00万元，增长14.29%。', 'ok', 14.29],
    // The grand total said as `收入支出总体` (100.00 in the 收支总表): before, no name and could not check.
    ['收入支出总体与上年相比，增加20.00万元，增长25.00%。', 'ok', 25],
    ['收支总体与上年相比，增加20.00万元，增长20.00%。', 'discrepancy', 25],
  ])('should check `%s` against this year’s figure in the tables', (sentence, verdict, expected) => {
    const r = madeUpBudgetWith(sentence);
    const rates = r.checks.filter((c) => c.rule === 'narrative-change');
    // Before: could not check (neither year's figure in the text).
    expect(rates.map((c) => [c.verdict, expected2(c)])).toEqual([[verdict, expected]]);
    expect(rates[0]?.where.some((w) => w.table && !w.quote)).toBe(true);
  });

  it('should end a paragraph at a chart’s caption line (`图 1：…变动情况`), not read it into the sentence after it', () => {
    // Before: `图1：收、支决算总计变动情况收入支出总体与上年相比…` named nothing the rate could be checked on.
    const r = madeUpBudgetWith('图 1：收、支预算总计变动情况\n收入支出总体与上年相比，增加20.00万元，增长20.00%。');
    expect(judged(r, 'narrative-change')).toEqual([['discrepancy', 20, 25]]);
  });

  it.each([
    ['2080799其他就业补助支出11.00万元。', 'narrative-table', 11, 10],
    ['208社会保障和就业支出91.00万元。', 'narrative-table', 91, 90],
    ['2024年支出预算100.00万元，其中：基本支出40.00万元，占一般公共预算拨款的45.00%。', 'narrative-share', 45, 40],
  ])('should check `%s` (a code printed against its name; a whole named by its scope alone)', (sentence, rule, stated, expected) => {
    // Before: could not check (the name with its code matched no row; `一般公共预算拨款` named no figure).
    expect(judged(madeUpBudgetWith(sentence), rule).map(([v, s, e]) => [v, s, Math.round((e as number) * 100) / 100])).toContainEqual(['discrepancy', stated, expected]);
  });

  it('should not take the tables’ figure for a change against a year other than last year', () => {
    const r = madeUpBudgetWith('2024年“三公”经费预算较2022年减少0.50万元，下降20%。');
    expect(r.checks.filter((c) => c.rule === 'narrative-change')).toEqual([]);
  });

  it.each([
    '2024年因公出国（境）费、公务接待费、公务用车购置及运行费合计2.00万元。',
    '2024年公务接待费、公务用车购置及运行费共2.00万元。',
    '2024年基本支出和项目支出共计100.00万元。',
    '2024年办公费、公务接待费等支出5.00万元。',
    '2024年卫生健康支出、住房保障支出两项合计10.00万元。',
  ])('should take a figure said of several names together (`%s`) for their sum, not for the last of them', (sentence) => {
    const r = madeUpBudgetWith(sentence);
    // Before: held against the last name's row (公务用车购置及运行费 1.00, 基本支出 40.00, …): an error.
    expect(r.checks.filter((c) => c.rule.startsWith('narrative') && c.verdict === 'discrepancy').map((c) => c.message)).toEqual([]);
    expect(r.checks.filter((c) => c.rule === 'narrative-coverage').map((c) => c.verdict)).toEqual(['undecided']);
  });

  it('should keep 和 inside a name (`社会保障和就业支出合计`) and add up `A…，B…，合计…`', () => {
    const audit = (sentence: string) => madeUpBudgetWith(sentence).checks.filter((c) => c.rule.startsWith('narrative') && c.rule !== 'narrative-coverage');
    expect(audit('2024年社会保障和就业支出合计90.00万元。').map((c) => [c.rule, c.verdict])).toEqual([['narrative-table', 'ok']]);
    // Before: 合计 100.00 carried the name 项目支出 and was held against its 60.00 (an error).
    expect(audit('2024年基本支出40.00万元，项目支出60.00万元，合计100.00万元。').map((c) => [c.rule, c.verdict, c.stated])).toEqual([
      ['narrative-table', 'ok', 40],
      ['narrative-table', 'ok', 60],
      ['narrative-sum', 'ok', 100],
    ]);
    // Named by its word, not by its own digits.
    expect(audit('2024年基本支出40.00万元，项目支出60.00万元，合计100.00万元。').find((c) => c.rule === 'narrative-sum')?.message).toContain('“合计” 100.00万元');
    expect(audit('2024年基本支出40.00万元，项目支出60.00万元，合计110.00万元。').map((c) => [c.rule, c.verdict, c.stated])).toEqual([
      ['narrative-table', 'ok', 40],
      ['narrative-table', 'ok', 60],
      ['narrative-sum', 'discrepancy', 110],
    ]);
  });

  it.each([
    ['基本支出40.00万元，上年为35.00万元，增长14.29%。', 'ok'],
    ['基本支出40.00万元，上年为35.00万元，增长15.00%。', 'discrepancy'],
    ['一般公共预算支出100.00万元，较上年预算数110.00万元下降9.09%。', 'ok'],
  ])('should read `上年为…` as last year’s figure and check a rate stated with both years and no change (`%s`)', (sentence, verdict) => {
    const r = madeUpBudgetWith(sentence);
    // Before: `上年为35.00万元` was this year's 基本支出 (an error against 40.00); the rate could not be checked.
    expect(r.checks.filter((c) => c.rule === 'narrative-table' && c.verdict === 'discrepancy')).toEqual([]);
    expect(r.checks.filter((c) => c.rule === 'narrative-change').map((c) => c.verdict)).toEqual([verdict]);
  });

  it('should not take a 决算 table’s actual figure for the budget of an execution rate', () => {
    const anchor = '2023年度收入合计9,788.75万元';
    const fixture = readFileSync('tests/fixtures/donghu-hrss-2023-final.txt', 'utf8');
    expect(fixture.split(anchor)).toHaveLength(2);
    const text = fixture.replace(anchor, `2023年度一般公共预算财政拨款支出决算数为9,788.75万元，完成年初预算的84.73%。\n\n${anchor}`);
    const r = analyzeText(text);
    const rate = r.checks.filter((c) => c.rule === 'narrative-execution' && c.stated === 84.73);
    // Before: 9,788.75 ÷ the 05表's 小计 9,788.75 (the actual, not a budget) = 100 %: a false error.
    expect(rate.map((c) => c.verdict)).toEqual(['undecided']);
  });

  it.each([
    ['2024年本部门项目支出中，业务工作经费、就业补助资金分别安排50.00万元、10.00万元。', '分别安排'],
    ['2024年基本支出、项目支出分别增加5.00万元、4.00万元。', '分别增加: changes, not amounts'],
  ])('should read `%s` as a series after 分别 (%s)', (sentence) => {
    const r = madeUpBudgetWith(sentence);
    // Before: the first figure took the last name, the second was an amount: errors against the tables.
    expect(r.checks.filter((c) => c.rule.startsWith('narrative') && c.verdict === 'discrepancy').map((c) => c.message)).toEqual([]);
  });

  it('should not warn of `下降 0%` where both years are zero', () => {
    const r = analyzeText('一、收入支出决算总体情况说明\n\n2023 年度机关运行经费支出 0 万元，比上年减少 0 万元，下降 0%。');
    expect(r.checks.filter((x) => x.rule === 'narrative-change').map((c) => [c.verdict, c.severity, c.reason])).toEqual([['undecided', 'info', 'both figures are zero, so there is no rate']]);
  });
});

describe('figures the text does not name', () => {
  it('are called figures in the could-not-check list, never named by their own digits or a range’s other end', () => {
    for (const name of ['donghu-hrss-2023-final', 'hanyang-hr-2023-final', 'jianghan-hr-2024-budget']) {
      const report = analyzeText(readFileSync(`tests/fixtures/${name}.txt`, 'utf8'), { name });
      const coverage = report.checks.filter((c) => c.rule === 'narrative-coverage');
      expect(coverage.length).toBeGreaterThan(0);
      for (const c of coverage) expect(c.message, `${name} ${c.id}`).not.toMatch(/正文“[\s\d.,，—–~～-]*(?:[万亿]?元)?”|\d\s*[-—～~]”/);
    }
  });
});

describe('carry-overs of a 预算', () => {
  /** The Jianghan 预算 with sentences added after its income paragraph. */
  const jianghanWith = (...sentences: string[]) => {
    const lines = readFileSync('tests/fixtures/jianghan-hr-2024-budget.txt', 'utf8').split('\n');
    const at = lines.findIndex((l) => l.startsWith('2024年收入预算')) + 1;
    return analyzeText([...lines.slice(0, at), ...sentences.flatMap((s) => ['', s]), ...lines.slice(at)].join('\n'));
  };
  const added = (r: AuditReport) => r.checks.filter((c) => c.rule === 'narrative-table' && /结转/.test(c.message)).map((c) => [c.verdict, c.stated, c.expected]);

  it('should check 上年结转 and 年终结转结余 against the 收支总表, not in the scope of the source named before them', () => {
    // Before: neither was a quantity of the 预算's tables (could not check).
    expect(added(jianghanWith('2024年收入预算6689.82万元，其中：一般公共预算拨款收入6689.82万元，政府性基金预算拨款收入0万元，上年结转0万元。', '2024年年终结转结余0万元。'))).toEqual([
      ['ok', 0, 0],
      ['ok', 0, 0],
    ]);
    expect(added(jianghanWith('2024年年终结转结余3万元。'))).toEqual([['discrepancy', 3, 0]]);
  });

  it('should not hold an item to the scope of the one before it where the item has no figure of that scope', () => {
    // The made-up 预算 with a 上年结转 row, its text under a heading that names no scope.
    const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8').replace(/^(收 入 总 计)/m, '上年结转\t\t年终结转结余\t\n$1');
    const r = analyzeText(`${base}\n一、部门预算情况说明\n\n2024年部门收入预算100.00万元，其中：一般公共预算拨款收入100.00万元，政府性基金预算拨款收入0万元，上年结转0万元。\n`);
    // Before: 上年结转 took 政府性基金's scope from the item before it, where the tables have none (could not check).
    expect(added(r)).toEqual([['ok', 0, 0]]);
  });
});

describe('figures said of two things at once', () => {
  // `收、支总计各是 X,Y 万元`: two figures, a comma between them, the unit after the second — 收入总计 and
  // 支出总计 in turn; `各下降a%、b%` continues the names; `各增加 N 万元` (one figure) is said of both.
  const text = (s: string) => `2022年度部门决算\n\n一、收入支出决算总体情况说明\n${s}\n`;

  it('should read each figure as its own item, and check each change with its own total', () => {
    const r = analyzeText(text('2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降23.51%、38.28%。'));
    expect((r.claims ?? []).map((c) => [c.text.replace(/万元$/, ''), c.subject, c.kind])).toEqual([
      ['4125.49', '收入总计', 'amount'],
      ['4143.91', '支出总计', 'amount'],
      ['1267.86', '收入总计', 'change'],
      ['2570.97', '支出总计', 'change'],
      ['23.51%', '收入总计', 'rate'],
      ['38.28%', '支出总计', 'rate'],
    ]);
    expect(judged(r, 'narrative-change')).toEqual([
      ['ok', 23.51, 23.51],
      ['rounding', 38.28, 38.29],
    ]);
    // a rate that is the other total's is found out
    const swapped = analyzeText(text('2022年度收、支总计各是4125.49,4143.91万元。与2021年相比,收、支总计各减少1267.86,2570.97万元,各下降38.28%、23.51%。'));
    expect(judged(swapped, 'narrative-change').map((x) => x[0])).toEqual(['discrepancy', 'discrepancy']);
  });

  it('should read one figure said of both (`各增加`) as before', () => {
    const r = analyzeText(text('2022年度收、支总计9,788.75万元。与2021年度相比，收、支总计各增加648.86万元，增长7.1%。'));
    expect(judged(r, 'narrative-change')).toEqual([['ok', 7.1, 7.1]]);
  });
});

describe('the words comparing an actual with its budget', () => {
  const final = (...sentences: string[]) => analyzeText(['2024年度某某局部门决算', '一、一般公共预算财政拨款支出决算情况说明', ...sentences].join('\n'));
  const compared = (r: AuditReport) => r.checks.filter((c) => c.rule === 'narrative-comparison').map((c) => [c.verdict, c.stated, c.expected]);

  it('should check 大于 / 小于 / 等于 against the budget and the actual just given', () => {
    const r = final(
      '1、行政运行（项）。年初预算为51.98万元，支出决算为55.00万元，完成年初预算的105.81%。决算数大于预算数的主要原因是人员增加。',
      '2、一般行政管理事务（项）。年初预算为30.00万元，支出决算为29.79万元。决算数小于预算数的主要原因是厉行节约。',
      '3、群众体育（项）。年初预算为20.00万元，支出决算为20.00万元。决算数等于预算数。',
      // copied from another item: the figures fall short of the budget
      '4、专项普查活动（项）。年初预算为76.33万元，支出决算为39.99万元。决算数大于预算数的主要原因：普查工作量增加。',
    );
    expect(compared(r)).toEqual([
      ['ok', 55, 51.98],
      ['ok', 29.79, 30],
      ['ok', 20, 20],
      ['discrepancy', 39.99, 76.33],
    ]);
    const wrong = r.checks.find((c) => c.rule === 'narrative-comparison' && c.verdict === 'discrepancy');
    expect(wrong?.severity).toBe('warning');
    expect(wrong?.message).toContain('专项普查活动');
    expect(wrong?.where.map((w) => w.role)).toEqual(['stated', 'operand', 'operand']);
  });

  it('should say figures printed equal under 大于 may differ below what is printed, and read 持平 as 等于', () => {
    const r = final(
      '1、行政运行（项）。年初预算为10.00万元，支出决算为10.00万元。决算数大于预算数的主要原因是人员增加。',
      '2、群众体育（项）。年初预算为20.00万元，支出决算为20.01万元。决算数与预算数持平。',
      '3、科普活动（项）。年初预算为10.00万元，支出决算为12.00万元。决算数与预算数持平。',
    );
    expect(compared(r)).toEqual([
      ['rounding', 10, 10],
      ['rounding', 20.01, 20],
      ['discrepancy', 12, 10],
    ]);
  });

  it('should compare the item the words name, not an item listed after its figures', () => {
    const r = final('“三公”经费财政拨款支出预算为14.00万元，支出决算为10.00万元，其中：公务接待费支出决算为1.20万元。“三公”经费支出决算数小于预算数的主要原因是厉行节约。');
    expect(compared(r)).toEqual([['ok', 10, 14]]);
  });

  it('should leave words followed by their own figure to the execution check, and words with no figures before them alone', () => {
    const r = final('一般公共预算财政拨款支出1741.75万元，完成年初预算100%，决算数大于预算数55.93万元。', '决算数大于预算数的主要原因是政策调整。');
    expect(compared(r)).toEqual([]);
  });
});

describe('the count of domestic receptions', () => {
  const final = (...sentences: string[]) => analyzeText(['2024年度某某局部门决算', '七、财政拨款“三公”经费支出决算情况说明', ...sentences].join('\n'));
  const said = (r: AuditReport) => r.checks.filter((c) => c.rule === 'narrative-reception').map((c) => [c.verdict, c.severity]);

  it('should ask a 决算 that states its 公务接待费 for the domestic batches and people, foreign guests aside', () => {
    expect(said(final('3.公务接待费支出1.20万元。国内公务接待6批次、45人次，共计支出1.20万元。'))).toEqual([['ok', 'none']]);
    // as a real 决算 writes it: only the foreign guests counted
    expect(said(final('3、公务接待费支出 0 万元。其中：国内公务接待支出 0.00 万（含外宾接待支出 0.00 万元）。其中：接待外宾 0 批次、0 人次。'))).toEqual([['discrepancy', 'info']]);
    expect(said(final('3.公务接待费支出决算为 0.40 万元，完成预算的 18.96%。'))).toEqual([['discrepancy', 'info']]);
  });

  it('should ask nothing of a text that says there was no reception, that states no cost, or of a 预算', () => {
    expect(said(final('公务接待费支出决算 0 万元，主要原因是无公务接待开支。'))).toEqual([]);
    expect(said(final('公务接待费：指单位按规定开支的各类公务接待（含外宾接待）费用。'))).toEqual([]);
    expect(said(analyzeText('某某局2024年部门预算\n公务接待费预算1.00万元。'))).toEqual([]);
  });
});
