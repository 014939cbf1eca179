/**
 * The message catalogue: every user-visible finding text, in Chinese and English, as typed
 * functions. Tests compare against these functions, never against literals.
 */
export type Lang = 'zh' | 'en';

type Text = { zh: string; en: string };
type Template<P> = { zh: (p: P) => string; en: (p: P) => string };
type TableUnitParams = { table: string; printed: string; unit: string; n: number; m: number; value: string; other: string; otherValue: string; otherUnit: string };

export const ruleTitles = {
  'note-formula': { zh: '表注公式', en: 'Formula printed in the table note' },
  'column-total': { zh: '合计栏 = 各分栏之和', en: 'Total column = sum of its columns' },
  'summary-balance': { zh: '总表结构与收支平衡', en: 'Summary-table structure and balance' },
  'function-hierarchy': { zh: '功能分类：类 = Σ款，款 = Σ项，合计 = Σ类', en: 'Function classification: class = Σ sections = Σ items' },
  'economic-hierarchy': { zh: '经济分类：类 = Σ款；人员经费、公用经费', en: 'Economic classification: class = Σ items; personnel and public costs' },
  'row-outline': { zh: '合计行 = 各单位、项目之和', en: 'Total row = sum of units and projects' },
  'group-total': { zh: '表单合计 = 各分项之和', en: 'Form total = sum of its items' },
  'share-column': { zh: '占比 = 金额 ÷ 合计', en: 'Share = amount ÷ total' },
  'change-column': { zh: '增减额 = 本年 − 上年，增减% = 增减额 ÷ 上年', en: 'Change = this year − last year; rate = change ÷ last year' },
  'execution-column': { zh: '完成预算% = 决算 ÷ 预算', en: 'Share of budget = actual ÷ budget' },
  'project-budget': { zh: '同一项目各处预算一致', en: 'One project, one budget' },
  'cross-table': { zh: '表间勾稽', en: 'Cross-table tie' },
  'crosswalk': { zh: '经济分类与功能分类的通常对应', en: 'Economic ↔ function classification, usual pairs' },
  'procurement-within-budget': { zh: '政府采购不超过其预算', en: 'Procurement within its budget' },
  'procurement-services': { zh: '购买服务中属政府采购的 = 采购表服务类', en: 'Purchased services within procurement = procurement services' },
  'unit-price': { zh: '数量 × 单价 = 金额', en: 'Quantity × unit price = amount' },
  'empty-table': { zh: '空表说明', en: 'Empty-table statement' },
  'code-name': { zh: '同一科目编码名称一致', en: 'One code, one name' },
  'table-coverage': { zh: '表格识别', en: 'Table recognition' },
  'narrative-explained': { zh: '支出决算具体情况说明到项', en: 'Every 项 with spending is explained in the text' },
  'table-detail': { zh: '功能分类细化到项、经济分类细化到款', en: 'Function codes down to the 项, economic codes down to the 款' },
  'narrative-table': { zh: '正文数字与表中数字一致', en: 'Figures in the text = figures in the tables' },
  'narrative-change': { zh: '增减额、增长率与上年数相互一致', en: 'Change, growth rate and last year agree' },
  'narrative-share': { zh: '占比 = 分子 ÷ 分母', en: 'Share = part ÷ whole' },
  'narrative-execution': { zh: '执行率 = 实际 ÷ 预算', en: 'Execution rate = actual ÷ budget' },
  'narrative-comparison': { zh: '“决算数大于／小于预算数”与数字一致', en: 'Actual said above / below budget as the figures are' },
  'narrative-within': { zh: '部分不超过整体（中小企业预留、绩效目标资金）', en: 'A part within its whole (set-asides, funds under performance targets)' },
  'narrative-reception': { zh: '公务接待说明了国内接待批次和人次', en: 'Domestic receptions counted in batches and people' },
  'narrative-sum': { zh: '正文所列各项之和 = 所述合计', en: 'Items listed in the text add up to their total' },
  'narrative-repeat': { zh: '同一数字在各处一致', en: 'One figure, one value throughout the text' },
  'narrative-unit': { zh: '金额单位', en: 'Units of amounts' },
  'narrative-absence': { zh: '“无此项支出”的说法与表一致', en: 'Statements that there was none agree with the tables' },
  'narrative-direction': { zh: '增减方向前后一致', en: 'Direction of changes agrees throughout' },
  'text-arithmetic': { zh: '测算式计算正确', en: 'Worked calculations are right' },
  'self-evaluation': { zh: '绩效自评表与正文一致', en: 'Self-evaluation forms agree with themselves and the text' },
  'narrative-naming': { zh: '同一科目各处名称一致', en: 'One classification item, one name throughout the text' },
  'narrative-wording': { zh: '文字无模板残留、无重复字词', en: 'No template leftovers or doubled words in the text' },
  'narrative-items': { zh: '正文所列支出事项在经济分类表中有数', en: 'Items the text lists have lines in the economic table' },
  'narrative-year': { zh: '年份与本年度相符', en: 'Year labels match the document\'s year' },
  'table-department': { zh: '各表所列部门一致', en: 'Every table names the same department' },
  'table-year': { zh: '各表标题年份一致', en: 'Every table title carries the document\'s year' },
  'table-unit': { zh: '各表单位与数字相符', en: 'Every table\'s unit fits its figures' },
  'narrative-coverage': { zh: '正文数字的核对范围', en: 'Figures in the text that could be checked' },
} as const satisfies Record<string, Text>;
export type RuleId = keyof typeof ruleTitles;

export interface SumParams {
  stated: string;
  expected: string;
  difference: string;
  tolerance: string;
  unit: string;
  terms: number;
  relation: 'eq' | 'ge';
}

export interface NarrParams {
  /** What the text states (`项目支出增长率`). */
  claim: string;
  stated: string;
  expected: string;
  unit: string;
  /** What the figure is compared with (`表中 公开03表 合计 [项目支出]`, `按 583.47 ÷ 7737.11 计算`). */
  basis: string;
  verdict: 'ok' | 'rounding' | 'discrepancy';
  difference: string;
  tolerance: string;
}

function narrTail(p: NarrParams, lang: Lang): string {
  if (lang === 'zh') {
    if (p.verdict === 'ok') return '，相符。';
    if (p.verdict === 'rounding') return `，相差 ${p.difference}${p.unit}，在舍入范围（±${p.tolerance}）内。`;
    return `，相差 ${p.difference}${p.unit}，超出舍入范围（±${p.tolerance}）。`;
  }
  if (p.verdict === 'ok') return ': consistent.';
  if (p.verdict === 'rounding') return `: off by ${p.difference} ${p.unit}, within rounding (±${p.tolerance}).`;
  return `: off by ${p.difference} ${p.unit}, beyond rounding (±${p.tolerance}).`;
}

export const messages = {
  'sum.ok': {
    zh: (p: SumParams) => `印出 ${p.stated}，重新计算 ${p.expected}，${p.relation === 'ge' ? '不小于所含部分' : '相符'}。`,
    en: (p: SumParams) => `printed ${p.stated}, recomputed ${p.expected}: ${p.relation === 'ge' ? 'covers its part' : 'consistent'}.`,
  },
  'sum.rounding': {
    zh: (p: SumParams) =>
      `印出 ${p.stated}，重新计算 ${p.expected}，相差 ${p.difference}${p.unit}，在 ${p.terms} 个数的舍入范围（±${p.tolerance}）内，属尾数误差。`,
    en: (p: SumParams) =>
      `printed ${p.stated}, recomputed ${p.expected}: off by ${p.difference} ${p.unit}, within the rounding of ${p.terms} figures (±${p.tolerance}).`,
  },
  'sum.discrepancy': {
    zh: (p: SumParams) =>
      p.relation === 'ge'
        ? `印出 ${p.stated}，小于其所含部分 ${p.expected}，相差 ${p.difference}${p.unit}。`
        : `印出 ${p.stated}，重新计算 ${p.expected}，相差 ${p.difference}${p.unit}，超出舍入范围（±${p.tolerance}）。`,
    en: (p: SumParams) =>
      p.relation === 'ge'
        ? `printed ${p.stated}, less than the part it contains (${p.expected}), by ${p.difference} ${p.unit}.`
        : `printed ${p.stated}, recomputed ${p.expected}: off by ${p.difference} ${p.unit}, beyond rounding (±${p.tolerance}).`,
  },
  'check.undecided': {
    zh: (p: { reason: string }) => `无法判断：${p.reason}。`,
    en: (p: { reason: string }) => `could not be checked: ${p.reason}.`,
  },
  'reason.cell-undecided': {
    zh: (p: { where: string }) => `${p.where} 的数字无法确定属于哪一栏（PDF 文本丢失了空单元格）`,
    en: (p: { where: string }) => `the column of the figures in ${p.where} could not be decided (the PDF text lost its empty cells)`,
  },
  'note.any-placement': {
    zh: (p: { where: string }) => `（${p.where} 的数字属于哪一栏无法确定，但无论放在哪一栏，本项的数字都相同。）`,
    en: (p: { where: string }) => ` (the column of the figures in ${p.where} could not be decided, but wherever they go, this check's figures are the same.)`,
  },
  'reason.reading-doubtful': {
    zh: (p: { table: string; places: number; stated: string; expected: string }) =>
      `${p.table} 是从 PDF 文本按位置或顺序还原的，其中 ${p.places} 处互不相关的数字对不上，更可能是读错了行或栏，而不是表本身有误（印出 ${p.stated}，重新计算 ${p.expected}）；请用原 PDF 或 pdftotext -layout 的文本核对`,
    en: (p: { table: string; places: number; stated: string; expected: string }) =>
      `${p.table} was rebuilt from PDF text by position or order, and ${p.places} unrelated places in it do not add up: a misread row or column is likelier than an error in the table (printed ${p.stated}, recomputed ${p.expected}); check it against the PDF itself or text from pdftotext -layout`,
  },
  'reason.rows-unnamed': {
    zh: (p: { table: string; rows: number }) => `${p.table} 中找不到所需的行，而该表有 ${p.rows} 行数字的名称未能读出（所需的行可能就在其中）`,
    en: (p: { table: string; rows: number }) => `the row needed is not found in ${p.table}, which holds ${p.rows} rows of figures whose names could not be read (it may be one of them)`,
  },
  'reason.not-a-number': {
    zh: (p: { where: string; text: string }) => `${p.where} 印的是“${p.text}”，不是数字`,
    en: (p: { where: string; text: string }) => `${p.where} holds "${p.text}", not a number`,
  },
  'reason.row-missing': {
    zh: (p: { where: string }) => `未找到 ${p.where}`,
    en: (p: { where: string }) => `${p.where} was not found`,
  },
  'reason.crosswalk': {
    zh: (p: { pair: string }) => `“${p.pair}”在经济分类与功能分类之间未能按通常的对应关系核对上（此对应关系并非报表的硬性要求）`,
    en: (p: { pair: string }) => `"${p.pair}" does not reconcile between the economic and the function classification under the usual correspondence (not a requirement of the templates)`,
  },
  'reason.procurement-project': {
    zh: () => '采购所属项目既不在项目支出预算表中，也不像基本支出，找不到可对照的预算',
    en: () => 'the purchase\'s project is neither in the project table nor recognisably basic expenditure: no budget line to hold it against',
  },
  'reason.procurement-item': {
    zh: () => '基本支出表中没有这笔采购所列的经济分类科目',
    en: () => 'the basic-expenditure table has no line for the economic item this purchase is charged to',
  },
  'reason.internal': {
    zh: (p: { error: string }) => `检查程序出错（${p.error}），其余检查照常进行`,
    en: (p: { error: string }) => `the check failed to run (${p.error}); the other checks ran`,
  },
  'cause.unit': {
    zh: () => '两数相差约一万倍：可能把“元”写成了“万元”（或相反）。',
    en: () => 'the figures differ by a factor of about 10,000: 元 and 万元 may have been confused.',
  },
  'cause.transposed': {
    zh: (p: { stated: string; expected: string }) => `${p.stated} 与 ${p.expected} 仅相邻两位数字互换：可能是抄写时数字颠倒。`,
    en: (p: { stated: string; expected: string }) => `${p.stated} and ${p.expected} differ by two swapped digits: probably a transcription slip.`,
  },
  'cause.propagated': {
    zh: (p: { item: string; difference: string }) => `其中一项（${p.item}）本身与其组成部分也相差 ${p.difference}：错误可能在该项，按其组成部分计算则本合计相符。`,
    en: (p: { item: string; difference: string }) => `one of its items (${p.item}) is itself off by ${p.difference} against its own parts: the error is probably there; with that item corrected this total holds.`,
  },
  'cause.digit': {
    zh: (p: { stated: string; expected: string }) => `${p.stated} 与 ${p.expected} 只有一位数字不同：可能是录入错误。`,
    en: (p: { stated: string; expected: string }) => `${p.stated} and ${p.expected} differ in one digit: probably a typing slip.`,
  },
  'cause.missing-item': {
    zh: (p: { item: string }) => `差额正好等于“${p.item}”：该项可能被漏计。`,
    en: (p: { item: string }) => `the difference equals "${p.item}": that item may have been left out.`,
  },
  'cause.doubled-item': {
    zh: (p: { item: string }) => `差额正好等于“${p.item}”：该项（或其小计）可能被重复计算。`,
    en: (p: { item: string }) => `the difference equals "${p.item}": that item (or its subtotal) may have been counted twice.`,
  },
  'cause.carry-over': {
    zh: (p: { item: string }) => `差额正好等于“${p.item}”：结转结余可能只在一边计入。`,
    en: (p: { item: string }) => `the difference equals "${p.item}": a carry-over may be counted on one side only.`,
  },
  'cause.neighbour': {
    zh: (p: { stated: string; item: string }) => `印出的 ${p.stated} 与相邻的“${p.item}”相同：可能抄自相邻的行或栏。`,
    en: (p: { stated: string; item: string }) => `the printed ${p.stated} is the figure beside it ("${p.item}"): it may have been copied from the next row or column.`,
  },
  'cause.rounding': {
    zh: () => '报表由“元”换算为“万元”时的尾数误差。',
    en: () => 'rounding when the tables were converted from 元 to 万元.',
  },
  'empty.stated-but-filled': {
    zh: (p: { statement: string; total: string }) => `表下注明“${p.statement}”，但表中有数字（${p.total}）。`,
    en: (p: { statement: string; total: string }) => `the note says "${p.statement}", yet the table holds figures (${p.total}).`,
  },
  'empty.consistent': {
    zh: (p: { statement: string }) => `表中无数字，并已说明：“${p.statement}”。`,
    en: (p: { statement: string }) => `the table is empty and says so: "${p.statement}".`,
  },
  'empty.unexplained': {
    zh: () => '表中无数字，但表下及正文均未说明为空表的原因。',
    en: () => 'the table is empty, and neither its note nor the text says why.',
  },
  'empty.filled': {
    zh: (p: { total: string }) => `表中有数字（${p.total}），与空表说明无冲突。`,
    en: (p: { total: string }) => `the table holds figures (${p.total}) and does not claim to be empty.`,
  },
  'formula.empty-table': {
    zh: (p: { formula: string }) => `表中无任何数字，公式 ${p.formula} 的各项均为空白，自然成立。`,
    en: (p: { formula: string }) => `the table holds no figure; every term of ${p.formula} is blank, so it holds.`,
  },
  'code-name.other-item': {
    zh: (p: { code: string; name: string; other: string; own: string }) => `${p.code} 印作“${p.name}”，而“${p.name}”是经济分类 ${p.other} 的名称（${p.code} 为“${p.own}”）：编码或名称有误。`,
    en: (p: { code: string; name: string; other: string; own: string }) => `${p.code} is printed as "${p.name}", the name of economic item ${p.other} (${p.code} is "${p.own}"): the code or the name is wrong.`,
  },
  'code-name.differs': {
    zh: (p: { code: string; names: string }) => `科目 ${p.code} 在不同表中名称不同：${p.names}。`,
    en: (p: { code: string; names: string }) => `code ${p.code} is named differently in different tables: ${p.names}.`,
  },
  'code-name.variant': {
    zh: (p: { code: string; names: string }) => `科目 ${p.code} 的名称有细微差别（${p.names}），可能只是写法不同。`,
    en: (p: { code: string; names: string }) => `code ${p.code} is spelled slightly differently (${p.names}); probably a variant.`,
  },
  'code-name.garbled': {
    zh: (p: { code: string; names: string; garbled: string }) => `科目 ${p.code} 的名称${p.garbled}像是两行折行的名称被 PDF 文本交错读出，不作比较；其余名称（${p.names}）一致。`,
    en: (p: { code: string; names: string; garbled: string }) => `code ${p.code}: the name ${p.garbled} looks like two wrapped names read interleaved from the PDF's text and is not compared; the others (${p.names}) agree.`,
  },
  'coverage.no-tables': {
    zh: () => '未识别出任何表格（可能是图片、扫描件或未知版式），表内及表间检查均无法进行，不代表“全部通过”',
    en: () => 'no table could be read (images, a scan or an unknown layout), so no table check could run; this is not a pass',
  },
  'coverage.unrecognised': {
    zh: (p: { title: string }) => `表格“${p.title}”未能识别为标准表，只做了通用检查。`,
    en: (p: { title: string }) => `the table "${p.title}" is not a standard table; only generic checks ran.`,
  },
  'coverage.missing-table': {
    zh: (p: { name: string; ties: number }) => `未找到标准表“${p.name}”，需要它的 ${p.ties} 项表间勾稽无法检查`,
    en: (p: { name: string; ties: number }) => `the standard table "${p.name}" was not found, so ${p.ties} cross-table ties that need it could not be checked`,
  },
  'narr.compare': {
    zh: (p: NarrParams) => `${p.claim} ${p.stated}${p.unit}；${p.basis} ${p.expected}${p.unit}${narrTail(p, 'zh')}`,
    en: (p: NarrParams) => `${p.claim} ${p.stated} ${p.unit}; ${p.basis} ${p.expected} ${p.unit}${narrTail(p, 'en')}`,
  },
  'narr.undecided': {
    zh: (p: { claim: string; reason: string }) => `${p.claim}：无法核对，${p.reason}。`,
    en: (p: { claim: string; reason: string }) => `${p.claim}: not checked, ${p.reason}.`,
  },
  'narr.unit-slip': {
    zh: (p: { stated: string; unit: string; expected: string; basis: string }) => `正文写作 ${p.stated}${p.unit}，${p.basis}，应为 ${p.expected}万元：单位疑将“万元”误作“元”。`,
    en: (p: { stated: string; unit: string; expected: string; basis: string }) => `the text says ${p.stated} ${p.unit}; ${p.basis}, so it should read ${p.expected} 万元: 万元 seems to have been written as 元.`,
  },
  'narr.unit-slip-yuan': {
    zh: (p: { stated: string; expected: string; whole: string }) => `正文写作 ${p.stated}，是本部门收支总计（${p.whole}万元）的十倍以上，读作元即 ${p.expected}万元：疑将以“元”计的数字写成了“万元”。`,
    en: (p: { stated: string; expected: string; whole: string }) => `the text says ${p.stated}, more than ten times the department's whole budget (${p.whole} 万元); read as 元 it is ${p.expected} 万元: a figure in 元 seems to have been written with 万元.`,
  },
  'narr.absence': {
    zh: (p: { statement: string; expected: string; unit: string; ok: boolean }) =>
      p.ok ? `正文称“${p.statement}”，表中该项亦为空。` : `正文称“${p.statement}”，但表中该项为 ${p.expected}${p.unit}。`,
    en: (p: { statement: string; expected: string; unit: string; ok: boolean }) =>
      p.ok ? `the text says "${p.statement}", and the tables show none.` : `the text says "${p.statement}", yet the tables show ${p.expected} ${p.unit}.`,
  },
  'narr.comparison': {
    zh: (p: { words: string; name: string; actual: string; budget: string; unit: string; shown: string; verdict: string }) =>
      `正文称“${p.words}”，而“${p.name}”决算 ${p.actual}${p.unit}、预算 ${p.budget}${p.unit}，决算 ${p.shown} 预算${p.verdict === 'ok' ? '，相符' : p.verdict === 'rounding' ? '：按印出的数字不符，差额在末位舍入之内，可能相符' : '：说法与数字相反，疑沿用了其他项目的说明'}。`,
    en: (p: { words: string; name: string; actual: string; budget: string; unit: string; shown: string; verdict: string }) =>
      `the text says "${p.words}"; "${p.name}" shows actual ${p.actual} ${p.unit} and budget ${p.budget} ${p.unit}, actual ${p.shown} budget${p.verdict === 'ok' ? ', as said' : p.verdict === 'rounding' ? ': not as printed, though within the last digit’s rounding' : ': the words say the opposite, perhaps copied from another item'}.`,
  },
  'narr.reception': {
    zh: (p: { ok: boolean }) => (p.ok ? '正文说明了国内公务接待的批次和人次。' : '正文写了公务接待费，但未说明国内公务接待的批次和人次（公开模板要求写明；只写外宾接待的不算）。'),
    en: (p: { ok: boolean }) =>
      p.ok ? 'the text gives the number of domestic receptions and of people received.' : 'the text states the reception costs but not how many domestic receptions or people they were for (the template asks for both; counts of foreign guests alone are not them).',
  },
  'narr.within': {
    zh: (p: { part: string; partValue: string; whole: string; wholeValue: string; unit: string; verdict: string }) =>
      `正文“${p.part}” ${p.partValue}${p.unit}，${p.verdict === 'discrepancy' ? '超过了' : p.verdict === 'rounding' ? '按印出的数字略超（在舍入范围内）' : '不超过'}其所属的“${p.whole}” ${p.wholeValue}${p.unit}。`,
    en: (p: { part: string; partValue: string; whole: string; wholeValue: string; unit: string; verdict: string }) =>
      `the text's "${p.part}", ${p.partValue} ${p.unit}, ${p.verdict === 'discrepancy' ? 'exceeds' : p.verdict === 'rounding' ? 'exceeds as printed (within rounding)' : 'is within'} the whole it is part of, "${p.whole}", ${p.wholeValue} ${p.unit}.`,
  },
  'narr.direction': {
    zh: (p: { item: string; up: string; down: string }) => `“${p.item}”一处说增加（${p.up}），另一处说减少（${p.down}）。`,
    en: (p: { item: string; up: string; down: string }) => `"${p.item}" is said to increase in one place (${p.up}) and to decrease in another (${p.down}).`,
  },
  'table.year': {
    zh: (p: { table: string; year: string; docYear: string; n: number }) => `${p.table} 标题年份为 ${p.year}，本文件为 ${p.docYear} 年度（另有 ${p.n} 张表标题为 ${p.docYear} 年）：疑为沿用上年表格未改。`,
    en: (p: { table: string; year: string; docYear: string; n: number }) => `${p.table} is titled ${p.year}, while the document is for ${p.docYear} (as ${p.n} other table titles say): it may have been left from another year.`,
  },
  'table.unit': {
    zh: (p: TableUnitParams) =>
      `${p.table} 标明单位为${p.printed}，但其数字按${p.unit}读才与其他表一致（${p.n} 处，如本表 ${p.value} = ${p.other} ${p.otherValue}${p.otherUnit}），按${p.printed}读${p.m === 0 ? '则无一处一致' : `仅 ${p.m} 处一致`}：单位疑印错，其他各项核对均按${p.unit}读。`,
    en: (p: TableUnitParams) =>
      `${p.table} is labelled ${p.printed}, yet its figures agree with the other tables only read in ${p.unit} (${p.n} times, e.g. its ${p.value} = ${p.other} ${p.otherValue} ${p.otherUnit}), and ${p.m === 0 ? 'never' : `only ${p.m} times`} read in ${p.printed}: the unit is probably misprinted; the other checks read it in ${p.unit}.`,
  },
  'table.unit-assumed': {
    zh: (p: TableUnitParams) => `${p.table} 未标明单位，其数字按${p.unit}读与其他表一致（${p.n} 处，如本表 ${p.value} = ${p.other} ${p.otherValue}${p.otherUnit}），按${p.unit}核对。`,
    en: (p: TableUnitParams) => `${p.table} prints no unit; its figures agree with the other tables read in ${p.unit} (${p.n} times, e.g. its ${p.value} = ${p.other} ${p.otherValue} ${p.otherUnit}), so it is read in ${p.unit}.`,
  },
  'narr.explained-ok': {
    zh: (p: { section: string; n: number }) => `“${p.section}”逐项说明了 ${p.n} 个有支出的项级科目。`,
    en: (p: { section: string; n: number }) => `"${p.section}" explains each of the ${p.n} items (项) with spending.`,
  },
  'narr.explained-missing': {
    zh: (p: { section: string; table: string; items: string; n: number; total: number }) => `${p.table} 有支出的 ${p.total} 个项级科目中，${p.n} 个在“${p.section}”中未作说明：${p.items}。`,
    en: (p: { section: string; table: string; items: string; n: number; total: number }) => `${p.n} of the ${p.total} items (项) with spending in ${p.table} are not explained in "${p.section}": ${p.items}.`,
  },
  'table.detail-ok': {
    zh: (p: { table: string; level: 'item' | 'section' }) => `${p.table} ${p.level === 'item' ? '按支出功能分类列到项级' : '按经济分类列到款级'}，有数的科目均列出下级科目。`,
    en: (p: { table: string; level: 'item' | 'section' }) => `${p.table} lists ${p.level === 'item' ? 'the function classification down to the 项' : 'the economic classification down to the 款'}: every line with money shows the lines below it.`,
  },
  'table.detail-short': {
    zh: (p: { table: string; level: 'item' | 'section'; rows: string; n: number }) => `${p.table} 有 ${p.n} 个有数的科目未列出下级科目（${p.rows}）：公开要求${p.level === 'item' ? '支出功能分类细化到项级' : '基本支出经济分类细化到款级'}。`,
    en: (p: { table: string; level: 'item' | 'section'; rows: string; n: number }) => `${p.table}: ${p.n} line(s) with money show no lines below them (${p.rows}); disclosures must give ${p.level === 'item' ? 'the function classification down to the 项' : 'basic expenditure by economic classification down to the 款'}.`,
  },
  'table.department': {
    zh: (p: { table: string; name: string; main: string; n: number }) => `${p.table} 表头所列部门为“${p.name}”，其余 ${p.n} 张表为“${p.main}”：疑为沿用他表未改。`,
    en: (p: { table: string; name: string; main: string; n: number }) => `${p.table} is headed "${p.name}", while ${p.n} other tables are headed "${p.main}": it may have been copied without being re-headed.`,
  },
  'narr.alternative': {
    zh: (p: { words: string }) => `“${p.words}”：模板中的两种写法都留在了正文里，应只保留实际的一种。`,
    en: (p: { words: string }) => `"${p.words}": both of the template's alternatives were left in the text; only the one that applies should remain.`,
  },
  'narr.placeholder': {
    zh: (p: { words: string }) => `“${p.words}”：模板占位符未填写。`,
    en: (p: { words: string }) => `"${p.words}": a template placeholder was left unfilled.`,
  },
  'narr.contradiction': {
    zh: (p: { words: string }) => `“${p.words}”：同一处既说增加或减少又说持平，说法自相矛盾。`,
    en: (p: { words: string }) => `"${p.words}": said to change and to stay level in one breath.`,
  },
  'narr.year-cut': {
    zh: (p: { words: string }) => `“${p.words}”：年份不全（少了末位数字），疑为模板中的年份未填写完整。`,
    en: (p: { words: string }) => `"${p.words}": the year is cut short (its last digit missing), a template's year left half filled.`,
  },
  'narr.items-missing': {
    zh: (p: { head: string; items: string; table: string }) => `正文称${p.head}主要用于 ${p.items}，但${p.table}中这些经济分类科目没有数：说明可能沿用了模板或往年的表述。`,
    en: (p: { head: string; items: string; table: string }) => `the text says ${p.head} goes mainly to ${p.items}, but ${p.table} has no money on these economic items: the description may have been copied from a template or another year.`,
  },
  'narr.doubled': {
    zh: (p: { words: string }) => `“${p.words}”：同一词语重复录入。`,
    en: (p: { words: string }) => `"${p.words}": a word typed twice.`,
  },
  'narr.year': {
    zh: (p: { words: string; year: string }) => `“${p.words}”：本文件是 ${p.year} 年度的，此处年份疑为沿用上年文本未改。`,
    en: (p: { words: string; year: string }) => `"${p.words}": this document is for ${p.year}; the year looks left over from last year's text.`,
  },
  'narr.repeat': {
    zh: (p: { claim: string; values: string; ok: boolean; rounding: boolean }) =>
      p.ok ? `${p.claim} 各处均为 ${p.values}。` : p.rounding ? `${p.claim} 各处写法有尾数差异：${p.values}。` : `${p.claim} 在不同地方写成不同的数：${p.values}。`,
    en: (p: { claim: string; values: string; ok: boolean; rounding: boolean }) =>
      p.ok ? `${p.claim} is ${p.values} everywhere.` : p.rounding ? `${p.claim} differs by rounding between places: ${p.values}.` : `${p.claim} is given different values in different places: ${p.values}.`,
  },
  'narr.zero-base': {
    zh: (p: { claim: string; stated: string }) => `${p.claim}写作 ${p.stated}%，但上年数为零（或没有），增长率无从计算。`,
    en: (p: { claim: string; stated: string }) => `${p.claim} is printed as ${p.stated}%, but last year was zero (or absent): the rate is undefined.`,
  },
  'cause.other-denominator': {
    zh: (p: { name: string; value: string }) => `若分母取“${p.name}”（${p.value}），所述比例即成立：可能用错了分母。`,
    en: (p: { name: string; value: string }) => `with "${p.name}" (${p.value}) as the whole, the stated share holds: the wrong denominator may have been used.`,
  },
  'cause.other-base': {
    zh: (p: { name: string; value: string }) => `按“${p.name}”（${p.value}）计算即得所述增长率：可能抄用了另一口径的增长率。`,
    en: (p: { name: string; value: string }) => `the stated rate is that of "${p.name}" (${p.value}): it may have been copied from another scope.`,
  },
  'cause.zero-base': {
    zh: () => '上年数为零（或没有），增长率无从计算，不应写作百分比。',
    en: () => 'last year was zero (or absent): a growth rate is undefined and should not be printed.',
  },
  'cause.narrative-slip': {
    zh: (p: { item: string; stated: string; table: string }) => `所列“${p.item}”${p.stated} 与表中 ${p.table} 不符，差额即源于此。`,
    en: (p: { item: string; stated: string; table: string }) => `the listed "${p.item}" ${p.stated} differs from the table's ${p.table}; that is where the difference comes from.`,
  },
  'cause.unit-item': {
    zh: (p: { item: string }) => `把“${p.item}”的“元”读作“万元”，各项之和即与合计相符：单位疑有误。`,
    en: (p: { item: string }) => `reading the 元 of "${p.item}" as 万元 makes the items add up: its unit is probably wrong.`,
  },
} as const satisfies Record<string, Template<never>>;
export type MessageKey = keyof typeof messages;

export function message<K extends MessageKey>(key: K, lang: Lang, params: Parameters<(typeof messages)[K]['zh']>[0]): string {
  const m = messages[key] as unknown as Template<typeof params>;
  return m[lang](params);
}

export function ruleTitle(rule: RuleId, lang: Lang): string {
  return ruleTitles[rule][lang];
}

/** A finding's message: `rule title：text` in Chinese, `Rule title: text` in English. */
export function headed(heading: string, lang: Lang, text: string): string {
  return `${heading}${lang === 'zh' ? '：' : ': '}${text}`;
}
