/**
 * economic-hierarchy: tables listed by 经济分类科目 (301, 30101 …): each 类 = Σ its 款,
 * the 合计 = Σ 类; 人员经费 = 301 + 303 and 公用经费 = the other 类 (302, 310 …), both for the
 * 决算 06表's footer rows (人员经费合计 / 公用经费合计) and for the 预算 基本支出表's columns.
 * A 基本支出表 that itself prints a 类 under the other group's column (Shanghai's puts part of
 * 303 under 公用经费) defines the groups by its columns: there the columns' totals are what is
 * checked (合计 = Σ 类, column by column), not the grouping by 类.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Column, Row, Table } from '../model/schemas.ts';
import { economicGroup } from '../knowledge.ts';
import type { Identity } from './identity.ts';
import { codeTree } from './function-hierarchy.ts';
import { additiveColumns, columnMayHaveData, ref, terms, totalRow } from './select.ts';
import type { Check } from './types.ts';

function groupRows(table: Table, group: 'personnel' | 'public'): Row[] {
  const { byCode, top } = codeTree(table.rows, 'economic');
  const classes = top.filter((r) => (r.code ?? '').length === 3 && economicGroup(r.code ?? '') === group);
  if (classes.length) return classes;
  return [...byCode.values()].filter((r) => (r.code ?? '').length === 5 && economicGroup(r.code ?? '') === group && !byCode.has((r.code ?? '').slice(0, 3)));
}

/** A 类 of one group with a figure other than zero in the other group's column (人员经费 / 公用经费). */
function splitsClasses(table: Table, cols: Column[]): boolean {
  const column = { personnel: cols.find((c) => c.role === 'public'), public: cols.find((c) => c.role === 'personnel') };
  for (const group of ['personnel', 'public'] as const) {
    const other = column[group];
    if (!other) continue;
    for (const row of groupRows(table, group)) {
      const v = row.cells[other.key]?.value;
      if (v !== null && v !== undefined && v !== 0) return true;
    }
  }
  return false;
}

export const economicHierarchy: Check = {
  id: 'economic-hierarchy',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      if (table.twoSided) return;
      const { byCode, children, top } = codeTree(table.rows, 'economic');
      if (byCode.size === 0) return;
      const cols = additiveColumns(table);
      const total = totalRow(table);
      for (const col of cols) {
        if (!columnMayHaveData(wt, col.key)) continue;
        for (const [code, kids] of children) {
          out.push({
            id: `economic-hierarchy/${table.id}/${code}/${col.key}`,
            rule: 'economic-hierarchy',
            relation: 'eq',
            stated: ref(t, byCode.get(code) as Row, col),
            terms: terms(t, kids, col),
            solver: true,
            keepBlank: true,
          });
        }
        if (total && top.length) {
          out.push({
            id: `economic-hierarchy/${table.id}/total/${col.key}`,
            rule: 'economic-hierarchy',
            relation: 'eq',
            stated: ref(t, total, col),
            terms: terms(t, top, col),
            solver: true,
            keepBlank: true,
          });
        }
      }
      const first = cols[0];
      if (!first) return;
      // 06表 footer rows: 人员经费合计 / 公用经费合计.
      for (const [role, group] of [['personnel-total', 'personnel'], ['public-total', 'public']] as const) {
        const row = table.rows.find((r) => r.role === role);
        const parts = groupRows(table, group);
        if (row && parts.length) {
          out.push({
            id: `economic-hierarchy/${table.id}/${role}`,
            rule: 'economic-hierarchy',
            relation: 'eq',
            stated: ref(t, row, first),
            terms: terms(t, parts, first),
            solver: true,
            keepBlank: true,
          });
        }
      }
      // 基本支出表 columns: 合计行 人员经费 = Σ personnel 类 (合计栏), 公用经费 = Σ the others.
      if (splitsClasses(table, cols)) return;
      for (const [role, group] of [['personnel', 'personnel'], ['public', 'public']] as const) {
        const col = cols.find((c) => c.role === role);
        const parts = groupRows(table, group);
        if (total && col && col !== first && parts.length) {
          out.push({
            id: `economic-hierarchy/${table.id}/${role}-column`,
            rule: 'economic-hierarchy',
            relation: 'eq',
            stated: ref(t, total, col),
            terms: terms(t, parts, first),
            solver: true,
            keepBlank: true,
          });
        }
      }
    });
    return out;
  },
};
