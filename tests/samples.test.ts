import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeText } from '../core/analyze.ts';
import { extractHtmlString } from '../core/node/html.ts';
import { textAsPage } from '../scripts/text-page.mjs';

// A 部门预算 in a second template, tables in 元 and narrative in 万元 (tests/samples/README.md).
const TEXT = readFileSync('tests/samples/made-up-budget-yuan.txt', 'utf8');

/** Rows joined by spaces, empty cells gone: the tables as PDF text prints them. */
const flattened = (text: string) => text.split('\n').map((l) => (l.includes('\t') ? l.split('\t').filter((c) => c.trim() !== '').join(' ') : l)).join('\n');

const flagged = (r: ReturnType<typeof analyzeText>) => r.checks.filter((c) => c.verdict === 'discrepancy' || c.verdict === 'undecided');

describe('a budget in the 元 template', () => {
  const report = analyzeText(TEXT);

  it('should recognise every table with its template and unit', () => {
    expect(report.tables.map((t) => [t.template, t.unit])).toEqual([
      ['budget-summary', '元'],
      ['budget-income', '元'],
      ['budget-expense', '元'],
      ['budget-fiscal', '元'],
      ['budget-gpb', '元'],
      ['budget-basic', '元'],
      ['budget-gf', '元'],
      ['budget-soe', '元'],
      ['budget-three', '万元'],
    ]);
  });

  it('should find nothing wrong and leave nothing undecided in a document that adds up', () => {
    expect(flagged(report).map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    expect(report.summary.checks).toBeGreaterThan(200);
  });

  it('should read 财政拨款收入 as the sum of its fund rows and stand it for them in 本年收入合计', () => {
    const formulas = report.checks.filter((c) => c.rule === 'summary-balance').map((c) => c.formula);
    expect(formulas).toContain('部门财务收支预算总表: 一、财政拨款收入 = 1、一般公共预算资金 + 2、政府性基金 + 3、国有资本经营预算');
    expect(formulas).toContain('部门财务收支预算总表: 本年收入合计 = 一、财政拨款收入 + 二、事业收入 + 三、事业单位经营收入 + 四、其他收入');
    // the fund rows (`一般公共预算资金`) tie to the 财政拨款收支总表's
    expect(report.checks.some((c) => c.rule === 'cross-table' && c.verdict === 'ok' && /一般公共预算资金 = .*财政拨款收支预算总表/.test(c.formula ?? ''))).toBe(true);
  });

  it('should judge a narrative 万元 figure that is the table 元 rounded half-up as matching, not as rounding', () => {
    const c = report.checks.find((x) => x.rule === 'narrative-table' && /社会保障和就业支出/.test(x.formula ?? ''));
    expect([c?.verdict, c?.stated, c?.expected]).toEqual(['ok', 668500, 668450]);
  });

  it('should compare 事业收入 listed after 财政拨款收入 with all funds, not with 财政拨款', () => {
    const c = report.checks.find((x) => x.rule === 'narrative-table' && /^事业收入/.test(x.formula ?? ''));
    expect([c?.verdict, c?.expected]).toEqual(['ok', 200000]);
    expect((report.claims ?? []).filter((x) => x.subject === '事业收入').map((x) => x.scope)).toEqual(['all', 'all']);
  });

  it('should report a changed 元 cell against the identities it breaks', () => {
    const broken = analyzeText(TEXT.replace(/^(二、事业收入\t)200,000/m, '$1210,000'));
    const ids = flagged(broken).map((c) => c.id);
    expect(ids.filter((id) => id.startsWith('summary-balance/t1/income-total/'))).toHaveLength(1);
    expect(ids).toContain('narrative-table/p5@80');
  });

  it('should report a narrative figure off by more than its rounding', () => {
    const broken = analyzeText(TEXT.replace('社会保障和就业支出66.85万元', '社会保障和就业支出66.95万元'));
    const c = broken.checks.find((x) => x.rule === 'narrative-table' && /社会保障和就业支出/.test(x.formula ?? ''));
    expect([c?.verdict, c?.stated, c?.expected]).toEqual(['discrepancy', 669500, 668450]);
  });

  it('should name 元 and 万元 confused as the cause when the text and a table differ 10,000-fold', () => {
    // The 三公 table's 万元 figures (7.00, 6.00 …) labelled 元: too small to tell by the other
    // tables, but the text states them in 万元.
    const text = TEXT.replace(/(“三公”经费和机关运行经费预算表\n[^\n]*单位：)万元/, '$1元');
    expect(text).not.toBe(TEXT);
    const bad = analyzeText(text).checks.filter((c) => c.verdict === 'discrepancy');
    expect(bad.filter((c) => c.rule === 'narrative-table').length).toBeGreaterThanOrEqual(3);
    for (const c of bad) expect(c.cause?.kind, c.id).toBe('unit');
  });
});


// A 部门决算 in the nine-table layout with every kind of spending filled in (tests/samples/README.md).
describe('a final account with every table filled in', () => {
  const FINAL = readFileSync('tests/samples/made-up-final.txt', 'utf8');
  const report = analyzeText(FINAL);
  /** The sample with sentences added after the line holding `after`. */
  const withText = (after: string, ...sentences: string[]) => {
    const lines = FINAL.split('\n');
    const at = lines.findIndex((l) => l.includes(after)) + 1;
    return analyzeText([...lines.slice(0, at), ...sentences.flatMap((s) => ['', s]), ...lines.slice(at)].join('\n'));
  };

  it('should compare 一般公共预算财政拨款支出 with the 04表’s column of it where the 05表 is missing', () => {
    const without = FINAL.replace(/2024年度一般公共预算财政拨款支出决算表\n[\s\S]*?(?=2024年度一般公共预算财政拨款基本支出决算明细表)/, '');
    expect(without).not.toBe(FINAL);
    const said = analyzeText(without).checks.filter((c) => c.rule === 'narrative-table' && c.message.includes('正文“一般公共预算财政拨款支出”') && c.stated === 775.4);
    // Before: could-not-check (no table gave it for 一般公共预算).
    const table = (c: (typeof said)[number]) => c.where.find((w) => w.role === 'operand');
    expect(said.map((c) => [c.verdict, table(c)?.tableNo, table(c)?.row?.label, table(c)?.column?.label])).toEqual([['ok', '公开04表', '本年支出合计', '一般公共预算财政拨款']]);
  });

  it('should recognise the nine tables', () => {
    expect(report.tables.map((t) => t.template)).toEqual(['final-01', 'final-02', 'final-03', 'final-04', 'final-05', 'final-06', 'final-07', 'final-08', 'final-09']);
  });

  it('should find nothing wrong in a document that adds up, and check its narrative against the tables', () => {
    expect(report.checks.filter((c) => c.verdict === 'discrepancy' || c.verdict === 'rounding').map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    // The one figure left: domestic reception, a part of 公务接待费 that no table prints.
    expect(flagged(report).map((c) => c.where.find((w) => w.quote)?.quote)).toEqual(['国内公务接待6批次、45人次，共计支出1.20万元，主要用于上级部门检查指导工作。']);
    const ok = (rule: string) => report.checks.filter((c) => c.rule === rule && c.verdict === 'ok').length;
    for (const rule of ['narrative-table', 'narrative-share', 'narrative-change', 'narrative-execution', 'narrative-sum']) expect(ok(rule), rule).toBeGreaterThan(3);
  });

  it('should check the carry-over of 政府性基金 against the 07表 and the year-start carry-over against the 01表', () => {
    // Before: no table figure for 年末结转和结余 in the 政府性基金 scope, and no quantity 年初结转和结余 (could not check).
    const fund = report.checks.find((c) => c.rule === 'narrative-table' && /年末结转和结余/.test(c.message));
    expect([fund?.verdict, fund?.where.find((w) => w.table)?.table]).toEqual(['ok', report.tables.find((t) => t.template === 'final-07')?.id]);
    const r = withText('一、收入支出决算总体情况说明', '2024年度收入总计809.90万元，其中：本年收入合计805.90万元，使用非财政拨款结余0.00万元，年初结转和结余4.00万元。');
    const carry = r.checks.find((c) => c.rule === 'narrative-table' && /年初结转和结余/.test(c.message));
    // `非财政拨款` is not 财政拨款: before, the 04表's 年初财政拨款结转和结余 (3.00), an error.
    expect([carry?.verdict, carry?.expected]).toEqual(['ok', 4]);
  });

  // The 国有资本经营 table in the layout some templates print it in: 07's columns, 收入 and 结转 too.
  const SOE_WITH_INCOME = [
    '2024年度国有资本经营预算财政拨款收入支出决算表',
    '单位：万元',
    '项 目\t\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
    '功能分类 科目编码\t\t科目名称\t\t\t小计\t基本支出\t项目支出',
    '类\t款\t项\t栏次\t1\t2\t3\t4\t5\t6',
    '\t\t合计\t\t10.50\t10.50\t\t10.50\t',
    '223\t\t国有资本经营预算支出\t\t10.50\t10.50\t\t10.50\t',
    '22301\t\t解决历史遗留问题及改革成本支出\t\t10.50\t10.50\t\t10.50\t',
    '2230105\t\t国有企业退休人员社会化管理补助支出\t\t10.50\t10.50\t\t10.50\t',
    '',
    '注：本表反映部门本年度国有资本经营预算财政拨款收入、支出及结转和结余情况。',
    '6栏各行 = (1+2-3) 栏各行；3栏各行 = (4+5) 栏各行。',
    '',
  ].join('\n\n');
  const withSoeIncome = FINAL.replace(/2024年度国有资本经营预算财政拨款支出决算表[\s\S]*?(?=\n2024年度财政拨款“三公”)/, SOE_WITH_INCOME);

  it('should take the 本年支出 of a 国有资本经营 table printed with 收入 and 结转 columns, not its first column', () => {
    expect(withSoeIncome).not.toBe(FINAL);
    for (const text of [withSoeIncome, flattened(withSoeIncome)]) {
      const r = analyzeText(text);
      // Before: the ties and 类 sums took its first column (年初结转和结余) for the 08表's total: five false errors.
      expect(r.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.id)).toEqual([]);
      const ties = r.checks.filter((c) => c.rule === 'cross-table' && /final-04-08-(?:total|income)$/.test(c.id));
      expect(ties.map((c) => [c.id.split('/').pop(), c.verdict, c.stated])).toEqual([['final-04-08-total', 'ok', 10.5], ['final-04-08-income', 'ok', 10.5]]);
      // Flattened, its columns are the layout's six in order (the header's words come out of order).
      expect(r.tables.find((t) => t.template === 'final-08')?.columns.map((c) => c.label)).toEqual(['年初结转和结余', '本年收入', '小计', '基本支出', '项目支出', '年末结转和结余']);
    }
  });

  it('should read the 06表’s three groups laid out side by side (`pdftotext -layout`) as its one column', () => {
    // Cells apart by runs of spaces, as text laid out by position prints them.
    const laidOut = FINAL.split('\n').map((l) => (l.includes('\t') ? l.split('\t').map((c) => c.padEnd(14, ' ')).join('  ').trimEnd() : l)).join('\n');
    const r = analyzeText(laidOut);
    // Before: three columns 决算数, the 公用经费合计 and the 302 class in the second, read as blank
    // where the ties look (the first): three false errors.
    expect(r.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.id)).toEqual([]);
    expect(r.tables.find((t) => t.template === 'final-06')?.columns.map((c) => c.label)).toEqual(['决算数']);
    expect(r.checks.find((c) => c.id === 'cross-table/final-05-06-basic')?.verdict).toBe('ok');
  });

  it('should place nothing but a zero where placements differ only in where a zero goes', () => {
    // The 02表 printing 0.00 under 其他收入 where there is none, its other empty cells lost.
    const lines = FINAL.split('\n');
    const from = lines.findIndex((l) => l === '公开02表');
    const to = lines.findIndex((l, k) => k > from && l.startsWith('注：'));
    const zeros = lines.map((l, k) => (k > from && k < to && /^\d{3,7}\t/.test(l) && l.endsWith('\t') ? `${l}0.00` : l));
    const r = analyzeText(flattened(zeros.join('\n')));
    expect(zeros.join('\n')).not.toBe(FINAL);
    // Before: `500.00 500.00 0.00` in seven columns left five columns of each such row undecided (76 checks).
    expect(r.checks.filter((c) => c.verdict === 'undecided' && /公开02表/.test(c.message)).map((c) => c.id)).toEqual([]);
    expect(r.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.id)).toEqual([]);
  });

  it('should read the tables under the titles other provinces print (`收入支出决算表`, `一般公共预算财政拨款收入支出决算表` with carry-overs)', () => {
    const gpb = [
      '2024年度一般公共预算财政拨款收入支出决算表',
      '单位：万元',
      '项 目\t\t年初结转和结余\t本年收入\t本年支出\t\t\t年末结转和结余',
      '科目编码\t科目名称\t\t\t小计\t基本支出\t项目支出\t',
      '栏次\t\t1\t2\t3\t4\t5\t6',
      '\t合计\t3.00\t775.40\t775.40\t654.90\t120.50\t3.00',
      '208\t社会保障和就业支出\t3.00\t704.67\t704.67\t584.17\t120.50\t3.00',
      '20801\t人力资源和社会保障管理事务\t3.00\t620.50\t620.50\t500.00\t120.50\t3.00',
      '2080101\t行政运行\t\t500.00\t500.00\t500.00\t\t',
      '2080102\t一般行政管理事务\t3.00\t120.50\t120.50\t\t120.50\t3.00',
      '20805\t行政事业单位养老支出\t\t84.17\t84.17\t84.17\t\t',
      '2080505\t机关事业单位基本养老保险缴费支出\t\t60.12\t60.12\t60.12\t\t',
      '2080506\t机关事业单位职业年金缴费支出\t\t24.05\t24.05\t24.05\t\t',
      '210\t卫生健康支出\t\t30.33\t30.33\t30.33\t\t',
      '21011\t行政事业单位医疗\t\t30.33\t30.33\t30.33\t\t',
      '2101101\t行政单位医疗\t\t30.33\t30.33\t30.33\t\t',
      '221\t住房保障支出\t\t40.40\t40.40\t40.40\t\t',
      '22102\t住房改革支出\t\t40.40\t40.40\t40.40\t\t',
      '2210201\t住房公积金\t\t40.40\t40.40\t40.40\t\t',
      '',
      '注：本表反映部门本年度一般公共预算财政拨款收入、支出及结转和结余情况。',
      '6栏各行 = (1+2-3) 栏各行；3栏各行 = (4+5) 栏各行。',
      '',
    ].join('\n\n');
    const renamed = FINAL.replace('2024年度收入支出决算总表', '2024年度收入支出决算表')
      .replace('2024年度财政拨款收入支出决算总表', '2024年度财政拨款收入支出决算表')
      .replace(/2024年度一般公共预算财政拨款支出决算表[\s\S]*?(?=\n2024年度一般公共预算财政拨款基本支出决算明细表)/, gpb);
    expect(renamed).not.toBe(FINAL);
    for (const text of [renamed, flattened(renamed)]) {
      const r = analyzeText(text);
      // Before: three tables taken for the 支出决算表 (`收入支出决算表` contains its title) and the 05表's
      // first column (年初结转和结余) for its spending.
      expect(r.tables.map((t) => t.template)).toEqual(report.tables.map((t) => t.template));
      expect(r.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.id)).toEqual([]);
      expect(r.checks.find((c) => c.id === 'cross-table/final-03-05-code/2080102')?.expected).toBe(120.5);
    }
    // A row's figure in the text is its spending, never the carry-over printed beside it (before: 3.00 "matched" 年初结转和结余).
    const said = analyzeText(renamed.replace('（三）一般公共预算财政拨款支出决算具体情况', '（三）一般公共预算财政拨款支出决算具体情况\n\n2024年度一般公共预算财政拨款支出中，一般行政管理事务（项）支出3.00万元。'));
    expect(said.checks.filter((c) => c.rule === 'narrative-table' && /一般行政管理事务/.test(c.message)).map((c) => [c.verdict, c.stated])).toEqual([['discrepancy', 3], ['ok', 120.5]]);
  });

  it('should read the wordings of other templates: `从采购类型来看，` opening a list, a figure renamed by its scope alone', () => {
    const rule = (r: ReturnType<typeof analyzeText>, id: string) => r.checks.filter((c) => c.rule === id && c.where.some((w) => w.quote)).map((c) => [c.verdict, c.stated, c.expected]);
    // Before: no list (the three items could not be checked).
    const list = (service: string) => withText('十一、政府采购支出说明', `2024年度政府采购支出总额30.00万元，从采购类型来看，政府采购货物支出10.00万元、政府采购工程支出0万元、政府采购服务支出${service}万元。`);
    expect(rule(list('20.00'), 'narrative-sum')).toContainEqual(['ok', 30, 30]);
    expect(rule(list('21.00'), 'narrative-sum')).toContainEqual(['discrepancy', 30, 31]);
    // Before: `一般公共预算财政拨款增加…` named only the scope: its rate could not be checked.
    const rate = (printed: string) => withText('（一）一般公共预算财政拨款支出决算总体情况', `2024年度一般公共预算财政拨款支出775.40万元，占本年支出合计的96.22%，与2023年相比，一般公共预算财政拨款增加35.40万元，增长${printed}%。`);
    const rates = (r: ReturnType<typeof analyzeText>, printed: number) => rule(r, 'narrative-change').filter((x) => x[1] === printed).map(([v, p, e]) => [v, p, Math.round((e as number) * 100) / 100]);
    expect(rates(rate('4.78'), 4.78)).toEqual([['ok', 4.78, 4.78]]);
    expect(rates(rate('4.87'), 4.87)).toEqual([['discrepancy', 4.87, 4.78]]);
  });

  it('should read a 三公 table printed with its items as rows as the standard one', () => {
    const vertical = [
      '2024年度财政拨款“三公”经费支出决算表',
      '公开09表',
      '单位：万元',
      '项目\t预算数\t决算数',
      '因公出国（境）费\t0.00\t0.00',
      '公务用车购置及运行维护费\t12.00\t8.80',
      '其中：公务用车购置费\t0.00\t0.00',
      '公务用车运行维护费\t12.00\t8.80',
      '公务接待费\t2.00\t1.20',
      '合计\t14.00\t10.00',
      '',
    ].join('\n\n');
    const text = FINAL.replace(/2024年度财政拨款“三公”经费支出决算表[\s\S]*?(?=\n第三部分)/, vertical);
    expect(text).not.toBe(FINAL);
    // Before: none of the text's 三公 figures found in it (seven could-not-checks).
    expect(analyzeText(text).summary).toEqual({ ...report.summary });
    // As PDF text: before, every item line taken for the header, the 合计 line read into the twelve
    // columns of the standard table (nine false errors).
    const fromPdfText = analyzeText(flattened(text));
    expect(fromPdfText.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.id)).toEqual([]);
    expect(fromPdfText.checks.filter((c) => c.rule === 'narrative-table' && /公务接待费/.test(c.message)).map((c) => c.verdict)).toEqual(['ok']);
    const broken = analyzeText(text.replace('公务接待费\t2.00\t1.20', '公务接待费\t2.00\t1.30'));
    expect(broken.checks.filter((c) => c.verdict === 'discrepancy').map((c) => [c.rule, c.stated, c.expected])).toEqual([
      ['column-total', 10, 10.1],
      ['narrative-table', 1.2, 1.3],
    ]);
  });

  it('should flag a basic-expenditure item changed in the 06表 at its class, and nowhere else', () => {
    const broken = analyzeText(FINAL.replace(/(\t30201\t办公费\t)20\.00/, '$121.00'));
    const bad = broken.checks.filter((c) => c.verdict === 'discrepancy');
    expect(bad.map((c) => [c.rule, c.where[0]?.row?.code, c.stated, c.expected])).toEqual([['economic-hierarchy', '302', 85, 86]]);
  });
});

describe('the samples in other renderings', () => {
  it('should raise no false error on the made-up 预算 as PDF text', () => {
    const r = analyzeText(flattened(readFileSync('tests/samples/made-up-budget.txt', 'utf8')));
    // Before: the 一般公共预算支出表's header lines (`合计 基本支出 项目支出` over `小计 人员经费 公用经费`)
    // read in text order, and rows printing more figures than columns read as blank: five false errors.
    expect(r.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.id)).toEqual([]);
    expect(r.tables.find((t) => t.template === 'budget-gpb')?.columns.map((c) => c.label)).toEqual(['合计', '小计', '人员经费', '公用经费', '项目支出']);
    expect(r.checks.filter((c) => c.verdict === 'undecided' && c.rule === 'cross-table').length).toBeGreaterThan(0);
  });

  it('should raise no false error on the made-up 预算 in 元 as PDF text', () => {
    // Before: four false errors — the 总表s' two sides read as one, and an income name without
    // figures run into the expense name after it (`2、政府性基金 社会保障和就业支出`).
    const r = analyzeText(flattened(TEXT));
    expect(r.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.id)).toEqual([]);
    expect(r.tables.find((t) => t.template === 'budget-fiscal')?.rows.map((x) => x.label)).toContain('社会保障和就业支出');
    // The "三公" table's header words come out in text order: its columns by the row's arithmetic
    // (before: three could-not-checks).
    expect(r.tables.find((t) => t.template === 'budget-three')?.columns.map((c) => c.label)).toEqual(['合计', '因公出国(境)费', '小计', '公务用车购置费', '公务用车运行维护费', '公务接待费', '机关运行经费']);
    expect(r.checks.filter((c) => c.verdict === 'undecided').map((c) => c.id)).toEqual([]);
  });

  const asPage = (text: string) => `<html><body>${textAsPage(text)}</body></html>`;

  for (const name of ['made-up-budget', 'made-up-budget-yuan', 'made-up-final']) {
    it(`${name}: a table whose header groups are written without spans reads as the text does`, () => {
      const text = readFileSync(`tests/samples/${name}.txt`, 'utf8');
      const fromText = analyzeText(text);
      const fromPage = analyzeDocument(extractHtmlString(asPage(text)));
      // Before: `基本支出 | ` over `小计 | 人员经费 | 公用经费` read as four siblings (12 false errors on
      // the made-up 预算), the 三公 table's 预算数 and 决算数 not over their columns (8 could-not-checks).
      expect(fromPage.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.id)).toEqual([]);
      expect(fromPage.summary).toEqual({ ...fromText.summary });
    });
  }
});

describe('a district budget as PDF text', () => {
  // Codes printed over the 类 | 款 | 项 cells (`201 03 01 行政运行`), 总表s without 行次 whose figures
  // run into the next name (`1,845,000一、一般公共服务支出`), header words over several lines.
  const DISTRICT = readFileSync('tests/samples/made-up-district-budget.txt', 'utf8');
  const r = analyzeText(DISTRICT);
  const table = (template: string) => r.tables.find((t) => t.template === template);

  it('should read each table with its codes, sides and columns', () => {
    expect(r.tables.map((t) => t.template)).toEqual(['budget-summary', 'budget-income', 'budget-expense', 'budget-fiscal', 'budget-gpb', 'budget-gf', 'budget-basic', 'budget-three']);
    // `编制部门：示例区档案局 单位：元` above each table
    expect(r.document.department).toBe('示例区档案局');
    // Before: `201 03 01` read as three figures of the row above.
    expect(table('budget-expense')?.rows.map((x) => x.code ?? x.label)).toEqual(['201', '20103', '2010301', '2010302', '208', '20805', '2080505', '2080506', '221', '22102', '2210201', '合计']);
    expect(table('budget-basic')?.rows.slice(0, 2).map((x) => [x.code, x.values])).toEqual([['301', [1330000, 1330000, null]], ['30101', [600000, 600000, null]]]);
    // Before: `项目 支出预算` read as a column 项目支出.
    expect(table('budget-expense')?.columns.map((c) => c.label)).toEqual(['合计', '基本支出', '项目支出']);
    // Before: every row of the 总表s but the totals lost, and the expense side one column.
    expect(table('budget-summary')?.rows.map((x) => [x.label, x.values])).toEqual([
      ['一、财政拨款收入', [1845000, null]],
      ['一、一般公共服务支出', [null, 1500000]],
      ['1.一般公共预算', [1845000, null]],
      ['二、社会保障和就业支出', [null, 225000]],
      ['2.政府性基金预算', [null, null]],
      ['三、住房保障支出', [null, 120000]],
      ['3.国有资本经营预算', [null, null]],
      ['二、事业收入', [null, null]],
      ['三、事业单位经营收入', [null, null]],
      ['四、其他收入', [null, null]],
      ['收入总计', [1845000, null]],
      ['支出总计', [null, 1845000]],
    ]);
    expect(table('budget-fiscal')?.columns.map((c) => c.label)).toEqual(['收入·预算数', '支出·合计', '支出·一般公共预算', '支出·政府性基金预算', '支出·国有资本经营预算']);
  });

  it('should check every table identity, each decided', () => {
    expect(r.summary.discrepancy).toBe(0);
    expect(r.checks.filter((c) => c.verdict === 'undecided' && c.rule !== 'table-coverage').map((c) => c.id)).toEqual([]);
    expect(r.checks.filter((c) => c.rule === 'summary-balance').map((c) => [c.id.replace(/^summary-balance\/t\d+\//, ''), c.verdict])).toEqual(
      expect.arrayContaining([['income-grand/i1', 'ok'], ['expense-grand/e1', 'ok']]),
    );
    // The 事业收入 the text says is zero is the 总表's blank row.
    expect(r.checks.filter((c) => c.rule === 'narrative-table' && /事业收入0万元/.test(c.where.map((w) => w.quote ?? '').join(''))).map((c) => c.verdict)).toContain('ok');
    // 财政拨款收入 is the 收入总表's column of it, 财政拨款支出 the 财政拨款收支总表's 支出总计 (no 本年收入合计 / 本年支出合计 printed)
    const said = (name: string) => r.checks.find((c) => c.rule === 'narrative-table' && c.message.includes(`正文“${name}”`));
    expect([said('财政拨款收入')?.verdict, said('财政拨款收入')?.where[1]?.column?.label]).toEqual(['ok', '财政拨款收入']);
    expect([said('财政拨款支出')?.verdict, said('财政拨款支出')?.where[1]?.row?.label]).toEqual(['ok', '支出总计']);
  });

  it('should read the same text printed a cell a line (as PyMuPDF gives a PDF\u2019s text) as it reads the rows', () => {
    // Each cell of a table on a line of its own: the code's levels, the header's words, a number and its dot.
    const cells = DISTRICT.split('\n')
      .flatMap((l) => (/^(?:编制部门|\d{4}年部门)/.test(l) || !/\s/.test(l.trim()) || /[，。]/.test(l) ? [l] : l.trim().split(/\s+/)))
      .join('\n');
    const c = analyzeText(cells);
    expect(c.tables.map((t) => [t.template, t.columns.map((x) => x.label).join('|')])).toEqual(r.tables.map((t) => [t.template, t.columns.map((x) => x.label).join('|')]));
    expect(c.tables.find((t) => t.template === 'budget-expense')?.rows.map((x) => x.code ?? x.label)).toEqual(table('budget-expense')?.rows.map((x) => x.code ?? x.label));
    expect(c.summary.discrepancy).toBe(0);
    expect(c.checks.filter((x) => x.verdict === 'undecided' && x.rule !== 'table-coverage').map((x) => x.id)).toEqual([]);
  });

  it('should read a 总表 printed a cell a line with its empty cells left out, and a column name a line a word', () => {
    // As PyMuPDF prints a real district budget: a figure and the next name on one line, the empty
    // income cells printing nothing (so no line has figures only), `事业单位` / `经营收入` a line each.
    const summary = [
      '2026年部门财务收支预算总表',
      '编制部门：示例区档案局',
      '单位：元',
      ...['本年收入', '本年支出', '项目', '预算数', '项目', '预算数'],
      ...['一、财政拨款收入', '1,845,000 一、一般公共服务支出', '1,500,000', '1. 一般公共预算', '1,845,000 二、社会保障和就业支出', '225,000'],
      ...['2. 政府性基金预算', '三、住房保障支出', '120,000', '3. 国有资本经营预算', '二、事业收入', '三、事业单位经营收入', '四、其他收入'],
      ...['收入总计', '1,845,000', '支出总计', '1,845,000'],
    ].join('\n');
    const income = ['功能分类科目名称', '合计', '财政拨款收入', '事业收入', '事业单位', '经营收入', '其他收入', '类', '款', '项'].join('\n');
    const text = DISTRICT.replace(/2026年部门财务收支预算总表[\s\S]*?(?=2026年部门收入预算总表)/, `${summary}\n`).replace(
      /事业单位\n功能分类科目名称 合计 财政拨款收入 事业收入 其他收入\n经营收入\n类 款 项/,
      income,
    );
    expect(text).not.toBe(DISTRICT);
    const c = analyzeText(text);
    // Before: the 总表 one row of one figure (no line started its body), the 收入总表 four columns.
    const rows = (x: typeof r, template: string) => x.tables.find((t) => t.template === template)?.rows.map((row) => [row.label, row.values]);
    expect(rows(c, 'budget-summary')).toEqual(rows(r, 'budget-summary'));
    // … and where no figure looks like anything but a figure (none printed `225,000`, read as code 225 and a name).
    const alone = analyzeText(summary.replace(/1,845,000/g, '18,450,000').replace('1,500,000', '15,000,000').replace('225,000', '2,250,000').replace('120,000', '1,200,000'));
    expect(alone.tables[0]?.rows.map((row) => [row.label, row.values])).toEqual(
      rows(r, 'budget-summary')?.map(([label, values]) => [label, (values as (number | null)[]).map((v) => (v === null ? null : v * 10))]),
    );
    expect(alone.checks.filter((x) => x.rule === 'summary-balance').map((x) => x.verdict)).toEqual(expect.arrayContaining(['ok']));
    expect(alone.summary.discrepancy).toBe(0);
    expect(c.tables.find((t) => t.template === 'budget-income')?.columns.map((x) => x.label)).toEqual(['合计', '财政拨款收入', '事业收入', '事业单位经营收入', '其他收入']);
    expect(c.summary.discrepancy).toBe(0);
    expect(c.checks.filter((x) => x.verdict === 'undecided' && x.rule !== 'table-coverage').map((x) => x.id)).toEqual([]);
  });

  it('should take the groups from the 基本支出表’s own columns where it prints part of a 类 under the other group', () => {
    // Shanghai's tables put part of 303 (退休费) under 公用经费: the columns add up, the grouping by 类 does not.
    const split = DISTRICT.replace('302 商品和服务支出 215,000 215,000', '302 商品和服务支出 185,000 185,000')
      .replace('302 99 其他商品和服务支出 50,000 50,000', '302 99 其他商品和服务支出 20,000 20,000\n303 对个人和家庭的补助 30,000 20,000 10,000\n303 02 退休费 30,000 20,000 10,000')
      .replace('合计 1,545,000 1,330,000 215,000', '合计 1,545,000 1,350,000 195,000');
    const s = analyzeText(split);
    expect(s.summary.discrepancy).toBe(0);
    expect(s.checks.filter((c) => c.id.endsWith('-column') && c.rule === 'economic-hierarchy')).toEqual([]);
    // the columns' totals are still checked, and a changed one still found
    expect(s.checks.filter((c) => c.rule === 'economic-hierarchy' && /\/total\//.test(c.id)).map((c) => c.verdict)).toEqual(['ok', 'ok', 'ok']);
    const off = analyzeText(split.replace('合计 1,545,000 1,350,000 195,000', '合计 1,545,000 1,350,000 196,000'));
    expect(off.checks.filter((c) => c.verdict === 'discrepancy').map((c) => [c.rule, c.stated, c.expected])).toContainEqual(['economic-hierarchy', 196000, 195000]);
    // where every 类 sits under its own group, the grouping by 类 is checked
    expect(r.checks.filter((c) => c.rule === 'economic-hierarchy' && c.id.endsWith('-column')).map((c) => c.verdict)).toEqual(['ok', 'ok']);
  });

  it('should compare a fund’s spending with the 财政拨款收支总表’s column of that fund where the fund’s own table is missing', () => {
    const without = DISTRICT.replace(/2026年部门一般公共预算支出功能分类预算表[\s\S]*?(?=2026年部门政府性基金预算支出功能分类预算表)/, '');
    expect(without).not.toBe(DISTRICT);
    const w = analyzeText(without);
    const said = (name: string) => w.checks.find((c) => c.rule === 'narrative-table' && c.message.includes(`正文“${name}”`));
    // Before: could-not-check, `表中没有一般公共预算口径的该项数字`.
    expect([said('一般公共预算拨款支出')?.verdict, said('一般公共预算拨款支出')?.where[1]?.column?.label]).toEqual(['ok', '一般公共预算']);
    expect(said('政府性基金拨款支出')?.verdict).toBe('ok');
  });

  it('should hold a set-aside within the procurement budget, and the funds under performance targets within 项目支出', () => {
    const within = (text: string) => analyzeText(text).checks.filter((c) => c.rule === 'narrative-within').map((c) => [c.verdict, c.stated, c.expected]);
    // Before: three could-not-check (no table gives these figures).
    expect(within(DISTRICT)).toEqual([
      ['ok', 8, 12],
      ['ok', 5, 8],
      ['ok', 300000, 300000],
    ]);
    expect(within(DISTRICT.replace('小型和微型企业的政府采购项目预算为5.00万元', '小型和微型企业的政府采购项目预算为9.00万元'))).toContainEqual(['discrepancy', 9, 8]);
    expect(within(DISTRICT.replace('涉及项目预算资金30.00万元', '涉及项目预算资金31.00万元'))).toContainEqual(['discrepancy', 310000, 300000]);
    // the projects named by the sentence, not the subject (`编报绩效目标的项目3个，涉及预算金额…`); the
    // department's whole spending where its targets are for the whole (`整体绩效目标`)
    expect(within(DISTRICT.replace('涉及项目预算资金30.00万元', '涉及预算金额30.00万元'))).toContainEqual(['ok', 300000, 300000]);
    expect(within(DISTRICT.replace('编报绩效目标的项目3个，涉及项目预算资金30.00万元', '整体支出也编制了整体绩效目标，涉及预算支出184.50万元'))).toContainEqual(['ok', 1845000, 1845000]);
  });

  it('should compare 机关运行经费 with the 三公 table’s column of it, whoever the text says it is of', () => {
    const said = (text: string) =>
      analyzeText(text).checks.filter((c) => c.rule === 'narrative-table' && c.message.includes('机关运行经费”'));
    // Before: `下属1家机关和1家参公事业单位…的` left over named nothing; and 机关运行经费 was only ever tied,
    // softly, to 公用经费 (21.50 here).
    expect(said(DISTRICT).map((c) => [c.verdict, c.where.find((w) => w.role !== 'stated')?.column?.label])).toEqual([['ok', '机关运行经费']]);
    const off = said(DISTRICT.replace('机关运行经费预算为18.30', '机关运行经费预算为18.40'));
    expect(off.map((c) => [c.verdict, c.expected, c.message.includes('公用经费')])).toEqual([['discrepancy', 18.3, false]]);
    // Another wording of whose it is.
    const other = said(DISTRICT.replace('下属1家机关和1家参公事业单位', '下属一家机关和一家行政执法机构'));
    expect(other.map((c) => c.verdict)).toEqual(['ok']);
  });

  it('should find an item changed in one table, at its class and in the ties', () => {
    const item = analyzeText(DISTRICT.replace('302 11 差旅费 40,000 40,000', '302 11 差旅费 45,000 45,000'));
    expect(item.checks.filter((c) => c.verdict === 'discrepancy').map((c) => [c.rule, c.where[0]?.row?.code, c.stated, c.expected])).toEqual([
      ['economic-hierarchy', '302', 215000, 220000],
      ['economic-hierarchy', '302', 215000, 220000],
    ]);
    const total = analyzeText(DISTRICT.replace('1,845,000一、一般公共服务支出 1,500,000', '1,845,000一、一般公共服务支出 1,600,000'));
    expect(total.checks.filter((c) => c.verdict === 'discrepancy').map((c) => [c.rule, c.stated, c.expected])).toEqual([
      ['summary-balance', 1845000, 1945000],
      ['cross-table', 1600000, 1500000],
      ['cross-table', 1600000, 1500000],
    ]);
  });
});

describe('a district final account as PDF text', () => {
  // Names wrapped around their row's figures (`二十二、灾害防治及应急管理支` / `10.00` / `出`; `机关事业单位基`
  // / `2080505 本养老保险缴费 30.00 30.00` / `支出`), a code under the first part of its name in the
  // 06表's two groups, the "三公" figures printed item by item (预算数 beside 决算数), a cover title over
  // two lines, an item number with a quote before its dot (`3“. 灾害…”`).
  const FINAL = readFileSync('tests/samples/made-up-district-final.txt', 'utf8');
  const r = analyzeText(FINAL);
  const table = (template: string) => r.tables.find((t) => t.template === template);

  it('should read a total row with the header’s 类 款 项 printed on its line (`类 款 项 合计 165.00 …`) as the total', () => {
    const text = FINAL.replace('科目编码\n合计 165.00 115.00 50.00', '科目编码\n类 款 项 合计 165.00 115.00 50.00');
    expect(text).not.toBe(FINAL);
    const s = analyzeText(text);
    // Before: a row named 类款项合计, no total: the 03表's 合计 = Σ类 and its ties to other tables' totals unchecked.
    expect(s.tables.find((t) => t.template === 'final-03')?.rows[0]?.label).toBe('合计');
    expect(s.checks.filter((c) => c.rule === 'function-hierarchy' && /^function-hierarchy\/t\d+\/total/.test(c.id)).length).toBe(
      r.checks.filter((c) => c.rule === 'function-hierarchy' && /^function-hierarchy\/t\d+\/total/.test(c.id)).length,
    );
    expect(s.summary.checks).toBe(r.summary.checks);
  });

  it('should read the 06表’s codes printed over its 类 | 款 cells in both groups (`301 01 基本工资 40.00 302 03 咨询费`)', () => {
    const split = FINAL.replace(/(一般公共预算财政拨款基本支出决算表\n)([\s\S]*?)(?=人员经费合计)/, (_, title: string, body: string) => title + body.replace(/\b(3\d\d)(\d\d)\b/g, '$1 $2'));
    expect(split).not.toBe(FINAL);
    expect(split).toContain('301 08 30.00 302 01 办公费 10.00');
    const rows = (x: typeof r) => x.tables.find((t) => t.template === 'final-06')?.rows.map((row) => [row.code, row.values]);
    // Before: the right-hand codes read as the left-hand rows' figures, a code under a wrapped name as figures.
    const s = analyzeText(split);
    expect(rows(s)).toEqual(rows(r));
    expect(s.summary.discrepancy).toBe(0);
  });

  it('should read the names, codes and columns the layout wraps and reorders', () => {
    expect(r.document.department).toBe('示例区人民政府示例路街道办事处');
    const summary = table('final-01');
    expect(summary?.rows.find((x) => x.label === '二十二、灾害防治及应急管理支出')?.values).toEqual([null, 10]);
    expect(summary?.rows.find((x) => x.label === '本年收入合计')?.values).toEqual([165, null]);
    // a class the department did not spend on: a blank row, not a row lost
    expect(summary?.rows.find((x) => x.label === '二、外交支出')?.values).toEqual([null, null]);
    expect(table('final-05')?.rows.slice(0, 2).map((x) => [x.code, x.label])).toEqual([['201', '一般公共服务支出'], ['20103', '政府办公厅(室)及相关机构事务']]);
    expect(table('final-05')?.rows.find((x) => x.code === '2080505')?.label).toBe('机关事业单位基本养老保险缴费支出');
    expect(table('final-06')?.rows.find((x) => x.code === '30108')?.values).toEqual([30]);
    // the row without figures above the name's first part keeps its own name (`30203 咨询费` / `机关事业单位基本养老保`)
    expect(table('final-06')?.rows.filter((x) => x.code === '30203' || x.code === '30108').map((x) => [x.code, x.label])).toEqual([
      ['30203', '咨询费'],
      ['30108', '机关事业单位基本养老保险缴费'],
    ]);
    expect(table('final-06')?.rows.filter((x) => /经费合计$/.test(x.label)).map((x) => [x.label, x.values])).toEqual([['人员经费合计', [95]], ['公用经费合计', [20]]]);
    // a name of the right-hand group wrapped around a line of the left-hand group's row: after that
    // row's figures (`303 对个人和家庭的补助 5.00 30299 6.00`), or after a code without figures (`30399 30231 …`)
    expect(table('final-06')?.rows.filter((x) => ['30299', '30399', '30231'].includes(x.code ?? '')).map((x) => [x.code, x.label, x.values])).toEqual([
      ['30299', '其他商品和服务支出', [6]],
      ['30399', '其他对个人和家庭的补助', [null]],
      ['30231', '公务用车运行维护费', [null]],
    ]);
    expect(table('final-09')?.columns.slice(0, 4).map((c) => c.label)).toEqual(['预算数 合计', '决算数 合计', '预算数 因公出国(境)费', '决算数 因公出国(境)费'].map((l) => l.split(' ')[1]));
    expect(table('final-09')?.rows[0]?.values.slice(0, 2)).toEqual([8, 5]);
  });

  it('should decide every table identity, the "三公" ties aside where 购置费 and 运行维护费 could swap', () => {
    expect(r.summary.discrepancy).toBe(0);
    expect(r.checks.filter((c) => c.verdict === 'undecided' && c.rule !== 'table-coverage').map((c) => c.id)).toEqual([
      'cross-table/final-09-06-vehicle-operation',
      'cross-table/final-09-06-vehicle-purchase',
    ]);
    // The list of the spending's uses holds its third item (before: two, and a false error).
    expect(r.checks.filter((c) => c.rule === 'narrative-sum' && /所列 3 项/.test(c.message)).map((c) => c.verdict)).toEqual(['ok']);
  });

  it('should find an item changed in the 06表 and one changed in the text', () => {
    const item = analyzeText(FINAL.replace('30101 基本工资 40.00', '30101 基本工资 41.00'));
    expect(item.checks.filter((c) => c.verdict === 'discrepancy').map((c) => [c.rule, c.where[0]?.row?.code, c.stated, c.expected])).toEqual([['economic-hierarchy', '301', 90, 91]]);
    const text = analyzeText(FINAL.replace('3“. 灾害防治及应急管理支出”10.00', '3“. 灾害防治及应急管理支出”12.00'));
    expect(text.checks.filter((c) => c.verdict === 'discrepancy').map((c) => c.rule).sort()).toEqual(['narrative-share', 'narrative-sum', 'narrative-table']);
  });
});
