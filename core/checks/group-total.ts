/**
 * group-total: in forms and other tables without classification codes, a 合计 row equals the
 * rows of its group above it (收入构成: 财政拨款 + 财政专户管理资金 + 单位资金 = 合计), or the
 * numbered rows under it (当年预算合计 = 1. 区级安排数 + 2. 上级转移支付 + …). A share column
 * adds up too when the total prints 100 %. Where a form has an income group and an expense group,
 * their totals must balance.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Column, Row, Table } from '../model/schemas.ts';
import { labelKey } from '../text/normalize.ts';
import type { Identity } from './identity.ts';
import { ref, sideColumns, terms } from './select.ts';
import type { Check } from './types.ts';

const TOTAL = /(?:合计|总计|小计)$/;
const ENUMERATED = /^\s*(?:\d{1,2}\s*[.、．](?!\d)|[(（][一二三四五六七八九十\d]{1,3}[)）])/;

export function isShareColumn(col: Column): boolean {
  return /占比|比重|比例|百分比/.test(col.label);
}

export function isTotalRow(row: Row): boolean {
  return !row.code && TOTAL.test(labelKey(row.label));
}

/** Tables this check reads: forms and tables that no code structures. */
export function isGroupTable(table: Table): boolean {
  if (table.twoSided) return false;
  if (table.form) return true;
  return table.template === 'other' && !table.rows.some((r) => r.code);
}

/**
 * The level of a row's ordinal, outermost first: `一、` 0, `（一）` 1, `1.` 2, `（1）` 3, `①` 4;
 * undefined for a row with none.
 */
function ordinalLevel(label: string): number | undefined {
  const t = label.trimStart();
  if (/^[一二三四五六七八九十]{1,3}\s*[、.．]/.test(t)) return 0;
  if (/^[(（][一二三四五六七八九十]{1,3}[)）]/.test(t)) return 1;
  if (/^\d{1,2}\s*[.、．](?!\d)/.test(t)) return 2;
  if (/^[(（]\d{1,2}[)）]/.test(t)) return 3;
  if (/^[\u2460-\u2473]/.test(t)) return 4;
  return undefined;
}

/** For each total row: the rows it sums (its group above, or the numbered rows below). */
export function groupMembers(table: Table): { total: Row; members: Row[] }[] {
  const out: { total: Row; members: Row[] }[] = [];
  const rows = table.rows;
  rows.forEach((row, i) => {
    if (!isTotalRow(row)) return;
    const own = ordinalLevel(row.label);
    const above: Row[] = [];
    for (let j = i - 1; j >= 0; j--) {
      const r = rows[j] as Row;
      if (isTotalRow(r) || r.group !== row.group) break;
      // The heading the total is numbered under (`一、“三公”经费` above `（一）支出合计`) is its parent.
      const level = ordinalLevel(r.label);
      if (own !== undefined && level !== undefined && level < own) break;
      above.push(r);
    }
    if (above.length >= 1 && !above.every((r) => ENUMERATED.test(r.label))) {
      out.push({ total: row, members: above.reverse() });
      return;
    }
    // The numbered rows below, at the level of the first one: deeper ones are their parts
    // (`2．公务用车购置及运行维护费` then `（1）公务用车购置费`); a shallower one ends the list.
    const below: Row[] = [];
    let level: number | undefined;
    for (let j = i + 1; j < rows.length && ENUMERATED.test((rows[j] as Row).label); j++) {
      const r = rows[j] as Row;
      const l = ordinalLevel(r.label);
      level ??= l;
      if (l !== undefined && level !== undefined && l < level) break;
      if (l === level) below.push(r);
    }
    if (below.length >= 1) out.push({ total: row, members: below });
  });
  return out;
}

export const groupTotal: Check = {
  id: 'group-total',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      if (!isGroupTable(table)) return;
      const cols = sideColumns(table, undefined);
      const groups = groupMembers(table);
      for (const { total, members } of groups) {
        for (const col of cols) {
          const share = isShareColumn(col);
          if (!col.additive && !share) continue;
          if (share && total.cells[col.key]?.value !== 100) continue;
          out.push({
            id: `group-total/${table.id}/${total.key}/${col.key}`,
            rule: 'group-total',
            relation: 'eq',
            stated: ref(t, total, col),
            terms: terms(t, members, col),
            solver: true,
            percent: share,
          });
        }
      }
      // 收入 = 支出: the totals of an income group and an expense group.
      const income = groups.find((g) => /^收入/.test(labelKey(g.total.group ?? '')));
      const expense = groups.find((g) => /^支出/.test(labelKey(g.total.group ?? '')));
      if (income && expense) {
        for (const col of cols) {
          if (!col.additive || isShareColumn(col)) continue;
          out.push({
            id: `group-total/${table.id}/balance/${col.key}`,
            rule: 'group-total',
            relation: 'eq',
            stated: ref(t, expense.total, col),
            terms: [{ ref: ref(t, income.total, col), sign: 1 }],
            solver: true,
          });
        }
      }
    });
    return out;
  },
};
