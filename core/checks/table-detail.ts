/**
 * table-detail: the disclosure rules ask for spending by 支出功能分类 down to the 项 (7-digit
 * codes) and for basic expenditure by 经济分类 down to the 款 (5-digit codes). A standard table
 * that stops above that level, wholly or for some of its lines, is reported: each 类 or 款 that
 * holds money and lists no line of the level below it. A table detailed all the way down is a
 * check that passed. Only the standard tables that list money by classification are read: not
 * the two-sided 总表s (by 类 by design), project tables (each project's 科目 at its own level),
 * tables outside the templates (a summary table inside the text) or tables whose codes were not
 * printed (all of them, or some: lines with money and no code); lines of other code kinds
 * (units, projects, 行次) do not count.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Row, Table, TemplateId, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { economicGroup, functionClassName } from '../knowledge.ts';
import type { Check } from './types.ts';
import { rowHoldsMoney } from './select.ts';

/** How deep each classification must go, and which codes are levels of it. */
const LEVELS = {
  function: { depth: 7, isLevel: (code: string) => /^\d{3}(?:\d{2}){0,2}$/.test(code) && functionClassName(code.slice(0, 3)) !== undefined },
  economic: { depth: 5, isLevel: (code: string) => /^\d{3}(?:\d{2})?$/.test(code) && economicGroup(code) !== undefined },
} as const;

const LISTINGS = new Set<TemplateId>(['final-02', 'final-03', 'final-05', 'final-06', 'final-07', 'final-08', 'budget-income', 'budget-expense', 'budget-gpb', 'budget-basic', 'budget-gf', 'budget-soe']);

function rowWhere(table: Table, row: Row, role: Where['role']): Where {
  return {
    role,
    label: `${table.tableNo ?? table.title} ${row.code ?? ''} ${row.label}`.trim(),
    value: null,
    table: table.id,
    tableTitle: table.title,
    tableNo: table.tableNo,
    row: { code: row.code, label: row.label },
    source: row.source,
  };
}

/**
 * `codes`: the codes of this kind in every table of the document. A line counts as not broken
 * down only when no table shows a line below it: lines one table lost in reading (a PDF's
 * text out of order) are printed in the tables beside it.
 */
function tableResult(table: Table, kind: keyof typeof LEVELS, codes: ReadonlySet<string>, lang: Lang): CheckResult | undefined {
  const { depth, isLevel } = LEVELS[kind];
  const rows = table.rows.filter((r) => r.codeKind === kind && r.code && isLevel(r.code));
  if (rows.length === 0) return undefined;
  // Lines with money and no code (科目 printed by name only, whose codes could not all be found)
  // may be the lines below: nothing to say.
  if (table.rows.some((r) => !r.code && !r.role && rowHoldsMoney(r))) return undefined;
  const hasChild = (code: string) => {
    for (const c of codes) if (c.length === code.length + 2 && c.startsWith(code)) return true;
    return false;
  };
  const short = rows.filter((r) => (r.code as string).length < depth && rowHoldsMoney(r) && !hasChild(r.code as string));
  const name = table.tableNo ?? table.title;
  const level = kind === 'function' ? 'item' : 'section';
  const base = {
    id: `table-detail/${table.id}/${kind}`,
    rule: 'table-detail' as const,
    stated: null,
    expected: null,
    difference: null,
    tolerance: null,
    formula: '',
  };
  if (short.length === 0) {
    return {
      ...base,
      verdict: 'ok',
      severity: 'none',
      message: headed(ruleTitle('table-detail', lang), lang, message('table.detail-ok', lang, { table: name, level })),
      messageKey: 'table.detail-ok',
      where: [{ role: 'context', label: table.title, value: null, table: table.id, tableTitle: table.title, tableNo: table.tableNo, source: table.source }],
    };
  }
  const listed = short.map((r) => `${r.code} ${r.label}`.trim());
  return {
    ...base,
    verdict: 'discrepancy',
    severity: 'warning',
    message: headed(ruleTitle('table-detail', lang), lang, message('table.detail-short', lang, { table: name, level, rows: listed.join(lang === 'zh' ? '、' : '; '), n: short.length })),
    messageKey: 'table.detail-short',
    where: short.map((r, i) => rowWhere(table, r, i === 0 ? 'stated' : 'operand')),
  };
}

export const tableDetail: Check = {
  id: 'table-detail',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    const codes = { function: new Set<string>(), economic: new Set<string>() };
    for (const { table } of work.tables) for (const r of table.rows) if (r.code && (r.codeKind === 'function' || r.codeKind === 'economic')) codes[r.codeKind].add(r.code);
    for (const { table } of work.tables) {
      // The tables that list money by classification; the 总表s list expenditure by 类 by design,
      // a project table names each project's 科目 at whatever level the project is booked.
      if (!LISTINGS.has(table.template) || table.form || table.twoSided) continue;
      for (const kind of ['function', 'economic'] as const) {
        const r = tableResult(table, kind, codes[kind], lang);
        if (r) out.push(r);
      }
    }
    return out;
  },
};
