/**
 * crosswalk: the usual correspondences between 经济分类 items and 功能分类 项 (data/crosswalk.json):
 * 30108 机关事业单位基本养老保险缴费 pays for 2080505 机关事业单位基本养老保险缴费支出, 30113 住房公积金
 * for 2210201 …, compared between the basic-expenditure table (07表 / 06表) and the basic column
 * of the general-budget table (05表). Conventional only: a pair that reconciles confirms both
 * tables; one that does not is reported as "could not confirm" (undecided), never as an error.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Column, Row, Table } from '../model/schemas.ts';
import { crosswalk } from '../knowledge.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { evaluate, type Identity } from './identity.ts';
import type { Check } from './types.ts';

const ECONOMIC_TABLES = ['budget-basic', 'final-06'];
const FUNCTION_TABLES = ['budget-gpb', 'final-05'];

function find(work: WorkDocument, templates: string[]): number {
  return work.tables.findIndex((w) => templates.includes(w.table.template));
}

function basicColumn(table: Table): Column | undefined {
  return table.columns.find((c) => c.role === 'basic');
}

export const crosswalkCheck: Check = {
  id: 'crosswalk',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const e = find(work, ECONOMIC_TABLES);
    const f = find(work, FUNCTION_TABLES);
    const econ = work.tables[e]?.table;
    const func = work.tables[f]?.table;
    if (!econ || !func) return [];
    const econCol = econ.columns[0];
    const funcCol = basicColumn(func);
    if (!econCol || !funcCol) return [];
    const out: CheckResult[] = [];
    for (const pair of crosswalk) {
      const econRows = econ.rows.filter((r): r is Row => !!r.code && pair.economic.includes(r.code) && (r.cells[econCol.key]?.value ?? 0) !== 0);
      const funcRows = func.rows.filter((r): r is Row => !!r.code && pair.function.includes(r.code) && (r.cells[funcCol.key]?.value ?? 0) !== 0);
      if (econRows.length === 0 || funcRows.length === 0) continue;
      const [first, ...rest] = funcRows;
      if (!first) continue;
      const id: Identity = {
        id: `crosswalk/${pair.economic.join('+')}`,
        rule: 'crosswalk',
        relation: 'eq',
        stated: { t: f, r: first.index, c: funcCol.key },
        terms: [
          ...econRows.map((r) => ({ ref: { t: e, r: r.index, c: econCol.key }, sign: 1 as const })),
          ...rest.map((r) => ({ ref: { t: f, r: r.index, c: funcCol.key }, sign: -1 as const })),
        ],
        solver: false,
        note: { zh: pair.zh, en: pair.en },
      };
      const r = evaluate(work, id, lang);
      if (r.verdict === 'discrepancy') {
        const reason = message('reason.crosswalk', lang, { pair: pair[lang] });
        out.push({ ...r, verdict: 'undecided', severity: 'info', cause: undefined, reason, message: headed(ruleTitle('crosswalk', lang), lang, message('check.undecided', lang, { reason })) });
      } else out.push(r);
    }
    return out;
  },
};
