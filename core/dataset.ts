/**
 * A document → the dataset the widgets chart (core/model/dataset.ts). Read from the tables the
 * templates define, by the roles of their rows and columns, never by position:
 *   functions   决算: 公开03表 (all funds) or else 05表; 预算: 支出总表 or else 一般公共预算支出表;
 *               rows by function code (3, 5, 7 digits) into 类 → 款 → 项, columns total / basic /
 *               project;
 *   economic    决算 06表 / 预算 基本支出表: classes (301 …) with their items;
 *   mix         basic and project from the function table's total row, personnel and public
 *               costs from the economic table's 人员经费合计 / 公用经费合计 (or its columns);
 *   sources     the income table's total row, one entry per source column with a figure;
 *   三公        决算 09表 (预算数 and 决算数 groups) / 预算 三公表;
 *   budgetVsFinal  决算: each 类/款/项 whose 年初预算 the text states (the claims the narrative
 *               checks read), with the actual figure and execution rate stated beside it.
 * Figures are in the document's unit (`document.unit`, 万元 for all standard templates).
 */
import { runChecks } from './analyze.ts';
import type { RawDocument } from './model/raw.ts';
import type { AuditReport, Column, Row, Table, TemplateId } from './model/schemas.ts';
import { normalizeDocument } from './normalize/document.ts';
import { type BudgetPair, Dataset, type EconomicNode, type FunctionNode } from './model/dataset.ts';
import { unitFactor } from './text/numbers.ts';
import type { Lang } from './messages.ts';
import { ENGINE_VERSION, buildReport } from './report.ts';
import { roundTo } from './text/numbers.ts';
import { compareText } from './text/normalize.ts';

const FUNCTION_TABLES: Record<'final' | 'budget' | 'unknown', TemplateId[]> = {
  final: ['final-03', 'final-05'],
  budget: ['budget-expense', 'budget-gpb'],
  unknown: ['final-03', 'budget-expense', 'final-05', 'budget-gpb'],
};
const ECONOMIC_TABLES: TemplateId[] = ['final-06', 'budget-basic'];
const INCOME_TABLES: TemplateId[] = ['final-02', 'budget-income'];
const THREE_TABLES: TemplateId[] = ['final-09', 'budget-three'];
const SOURCE_LABELS: Record<string, string> = {
  fiscal: '财政拨款收入',
  gpb: '一般公共预算',
  gf: '政府性基金预算',
  soe: '国有资本经营预算',
  special: '财政专户管理资金',
  superior: '上级补助收入',
  business: '事业收入',
  operating: '经营收入',
  affiliated: '附属单位上缴收入',
  'other-income': '其他收入',
};

/** A figure of a row in a column; a blank cell of an existing column is 0 (as printed: nothing). */
const value = (row: Row | undefined, col: Column | undefined): number | undefined => {
  if (!row || !col) return undefined;
  return row.cells[col.key]?.value ?? 0;
};
const col = (t: Table, ...roles: string[]) => t.columns.find((c) => c.role !== undefined && roles.includes(c.role) && c.side === undefined);
const named = (t: Table) => `${t.tableNo ? `${t.tableNo} ` : ''}${t.title}`.trim();
const amount = (v: number | undefined) => roundTo(v ?? 0, 6);

function functionTree(t: Table): FunctionNode[] {
  const total = col(t, 'total', 'expense');
  const basic = col(t, 'basic');
  const project = col(t, 'project');
  const roots: FunctionNode[] = [];
  const byCode = new Map<string, FunctionNode>();
  for (const r of t.rows) {
    const code = r.code;
    if (!code || !/^\d{3}(?:\d{2}){0,2}$/.test(code) || (r.codeKind && r.codeKind !== 'function')) continue;
    const level = code.length === 3 ? 'class' : code.length === 5 ? 'section' : 'item';
    const node: FunctionNode = { code, name: r.label, level, total: amount(value(r, total)), children: [] };
    const b = value(r, basic);
    const p = value(r, project);
    if (basic) node.basic = amount(b);
    if (project) node.project = amount(p);
    byCode.set(code, node);
    const parent = byCode.get(code.slice(0, code.length - 2));
    if (code.length > 3 && parent) parent.children.push(node);
    else if (code.length === 3) roots.push(node);
  }
  return roots;
}

function economicTree(t: Table): EconomicNode[] {
  const total = col(t, 'total');
  const personnel = col(t, 'personnel');
  const pub = col(t, 'public');
  const amountOf = (r: Row) => value(r, total) ?? (value(r, personnel) ?? 0) + (value(r, pub) ?? 0);
  const out: EconomicNode[] = [];
  for (const r of t.rows) {
    if (!r.code || !/^\d{3}(?:\d{2})?$/.test(r.code)) continue;
    if (r.code.length === 3) out.push({ code: r.code, name: r.label, amount: amount(amountOf(r)), items: [] });
    else out.find((c) => c.code === r.code?.slice(0, 3))?.items.push({ code: r.code, name: r.label, amount: amount(amountOf(r)) });
  }
  return out;
}

function three(t: Table, group: 'budget' | 'actual' | 'only'): Dataset['threePublic']['budget'] {
  const cols = t.columns.filter((c) => group === 'only' || (group === 'budget' ? /预算/.test(c.path[0] ?? '') : /决算|实际/.test(c.path[0] ?? '')));
  const row = t.rows.find((r) => cols.some((c) => value(r, c) !== undefined)) ?? t.rows[0];
  if (!row && !t.isEmpty) return null;
  const pick = (role: string) => {
    const c = cols.find((x) => x.role === role);
    return c ? (row ? (value(row, c) ?? 0) : 0) : null;
  };
  return { total: pick('total'), abroad: pick('abroad'), vehiclePurchase: pick('vehicle-purchase'), vehicleOperation: pick('vehicle-operation'), reception: pick('reception') };
}

/**
 * Budget vs final from the text: a 类/款/项 whose 年初预算 the text states, with the 实际支出 /
 * 决算数 and the execution rate stated beside it (the same paragraph). The figures are the text's;
 * whether they agree with the tables is the audit's business (narrative-execution findings).
 */
function budgetPairs(tables: Table[], report: AuditReport, unit: string): BudgetPair[] {
  const toUnit = (v: number, from: string) => roundTo((v * (unitFactor(from) ?? NaN)) / (unitFactor(unit) ?? NaN), 6);
  const fn = (q: string | undefined) => /^fn:(\d{3}(?:\d{2}){0,2})$/.exec(q ?? '')?.[1];
  const names = new Map(tables.flatMap((t) => t.rows.filter((r) => r.code && r.codeKind !== 'economic').map((r) => [r.code as string, r.label] as const)));
  // Every 年初预算 the paragraph states for the code (a text may restate it: "故年初预算实际为 …").
  const pairs = new Map<string, BudgetPair & { paragraph: number; budgets: number[] }>();
  const claims = report.claims ?? [];
  for (const c of claims) {
    const code = fn(c.quantity);
    if (!code || c.kind !== 'amount' || c.measure !== 'budget-initial') continue;
    const v = toUnit(c.value, c.unit);
    const scope = c.scope ?? 'all';
    const pair = pairs.get(`${scope}:${code}`);
    if (!Number.isFinite(v)) continue;
    if (pair) {
      if (pair.paragraph === c.paragraph) pair.budgets.push(v);
      continue;
    }
    pairs.set(`${scope}:${code}`, { code, name: names.get(code) ?? c.subject, scope, budget: v, adjusted: null, actual: null, rate: null, paragraph: c.paragraph, budgets: [v] });
  }
  for (const c of claims) {
    const code = fn(c.quantity);
    const pair = code ? pairs.get(`${c.scope ?? 'all'}:${code}`) : undefined;
    if (!pair || c.paragraph !== pair.paragraph) continue;
    const v = toUnit(c.value, c.unit);
    if (c.kind === 'execution' && pair.rate === null) pair.rate = c.value;
    if (c.kind === 'amount' && c.measure === 'budget-adjusted' && pair.adjusted === null && Number.isFinite(v)) pair.adjusted = v;
    if (c.kind === 'amount' && c.measure === 'actual' && pair.actual === null && Number.isFinite(v)) pair.actual = v;
  }
  return [...pairs.values()]
    .map(({ paragraph: _p, budgets, ...p }) => {
      // Two budgets stated: the one the stated rate was computed on (actual ÷ budget), else the first.
      const { actual, rate } = p;
      if (budgets.length > 1 && actual !== null && rate !== null) p.budget = budgets.reduce((best, b) => (Math.abs((actual / b) * 100 - rate) < Math.abs((actual / best) * 100 - rate) ? b : best));
      return p;
    })
    .sort((a, b) => compareText(a.code, b.code) || compareText(a.scope, b.scope));
}

/** The dataset of an analysed document. */
export function datasetOf(tables: Table[], report: AuditReport): Dataset {
  const kind = report.document.kind;
  const find = (ids: TemplateId[]) => ids.map((id) => tables.find((t) => t.template === id && t.rows.some((r) => r.code))).find((t) => t);
  const fnTable = find(FUNCTION_TABLES[kind]);
  const econTable = find(ECONOMIC_TABLES);
  const incomeTable = INCOME_TABLES.map((id) => tables.find((t) => t.template === id)).find((t) => t);
  const threeTable = THREE_TABLES.map((id) => tables.find((t) => t.template === id)).find((t) => t);

  const totalRow = (t: Table | undefined) => t?.rows.find((r) => r.role === 'total');
  const fnTotal = totalRow(fnTable);
  const econ = econTable;
  const personnelRow = econ?.rows.find((r) => r.role === 'personnel-total');
  const publicRow = econ?.rows.find((r) => r.role === 'public-total');
  const econTotal = totalRow(econ);
  const mix = {
    basic: fnTable && fnTotal ? (value(fnTotal, col(fnTable, 'basic')) ?? null) : null,
    project: fnTable && fnTotal ? (value(fnTotal, col(fnTable, 'project')) ?? null) : null,
    personnel: econ ? (value(personnelRow, col(econ, 'total')) ?? value(econTotal, col(econ, 'personnel')) ?? null) : null,
    public: econ ? (value(publicRow, col(econ, 'total')) ?? value(econTotal, col(econ, 'public')) ?? null) : null,
  };

  const sources: Dataset['sources'] = [];
  const incTotal = totalRow(incomeTable);
  if (incomeTable && incTotal) {
    for (const c of incomeTable.columns) {
      if (!c.role || !(c.role in SOURCE_LABELS)) continue;
      const v = value(incTotal, c);
      if (v !== undefined && v !== 0) sources.push({ key: c.role, label: SOURCE_LABELS[c.role] ?? c.label, amount: amount(v) });
    }
  }

  const threePublic: Dataset['threePublic'] = { budget: null, actual: null };
  if (threeTable?.template === 'final-09') {
    threePublic.budget = three(threeTable, 'budget');
    threePublic.actual = three(threeTable, 'actual');
  } else if (threeTable) threePublic.budget = three(threeTable, 'only');

  const dataset: Dataset = {
    schemaVersion: 1,
    document: {
      department: report.document.department,
      year: report.document.year,
      kind,
      unit: fnTable?.unit ?? report.document.unit,
      source: { ...(report.document.source.name ? { name: report.document.source.name } : {}), ...(report.document.source.url ? { url: report.document.source.url } : {}) },
    },
    functionsFrom: fnTable ? named(fnTable) : null,
    functions: fnTable ? functionTree(fnTable) : [],
    economicFrom: econ ? named(econ) : null,
    economic: econ ? economicTree(econ) : [],
    mix,
    sources,
    threePublic,
    budgetVsFinal: kind === 'final' ? budgetPairs(tables, report, fnTable?.unit ?? report.document.unit) : [],
    audit: {
      engine: `budget-lens ${ENGINE_VERSION}`,
      summary: report.summary,
      findings: report.checks
        .filter((c) => c.verdict !== 'ok')
        .map((c) => ({
          id: c.id,
          rule: c.rule,
          verdict: c.verdict,
          severity: c.severity,
          message: c.message,
          stated: c.stated,
          expected: c.expected,
          codes: [...new Set(c.where.map((w) => w.row?.code).filter((x): x is string => !!x))],
        })),
    },
  };
  return Dataset.parse(dataset);
}

/** Read → analyse → dataset (what `budget-lens export` writes). */
export function exportDataset(raw: RawDocument, lang: Lang = 'zh'): Dataset {
  const work = normalizeDocument(raw);
  // The checks place the figures a PDF text left out of their columns: the tables as they leave them.
  const report = buildReport(work, runChecks(work, lang), lang);
  return datasetOf(work.doc.tables, report);
}
