/**
 * The "三公" table printed the other way round: its items as rows (因公出国（境）费, 公务用车购置及运行
 * 维护费 with 其中 购置费 / 运行维护费, 公务接待费, 合计) and 预算数 / 决算数 (or one 金额) as columns.
 * Turned into the standard layout — one row, a column per item and figure kind, header paths as
 * the standard table prints them (`预算数 › 公务用车购置及运行维护费 › 小计`) — so that the ties, the
 * narrative and the 合计 = Σ items identity read it as they read the standard one. Each cell keeps
 * its source, so findings point at the printed cell.
 */
import type { Column, Row } from '../model/schemas.ts';
import { stripOrdinal } from '../text/normalize.ts';
import { describeColumn, makeColumn } from './columns.ts';
import type { WorkTable } from './table.ts';

const ITEM_ROLES = new Set(['abroad', 'vehicle', 'vehicle-purchase', 'vehicle-operation', 'reception']);
const THREE_TEMPLATES = new Set(['final-09', 'budget-three']);

/** A row's item: its role as a column of the standard table, its label without `其中：`. */
function itemOf(row: Row): { role: string; label: string } | undefined {
  const label = stripOrdinal(row.label).replace(/^(?:其中|含)[:：]?/, '');
  if (!label) return undefined;
  const d = describeColumn([label]);
  if (d.role === 'total' || /^三公经费(?:合计|支出|小计)?$/.test(label)) return { role: 'total', label: '合计' };
  return d.role && ITEM_ROLES.has(d.role) ? { role: d.role, label } : undefined;
}

export function transposeThree(wt: WorkTable): void {
  const t = wt.table;
  if (!THREE_TEMPLATES.has(t.template) || wt.pending.size > 0 || t.twoSided) return;
  if (t.columns.some((c) => c.role && ITEM_ROLES.has(c.role))) return;
  const items = t.rows.map((r) => ({ row: r, item: itemOf(r) })).filter((x): x is { row: Row; item: { role: string; label: string } } => !!x.item);
  if (items.filter((x) => x.item.role !== 'total').length < 2) return;
  // Figure columns: one, or one per kind (预算数, 决算数); two budgets of two years stay as printed.
  const cols = t.columns.filter((c) => c.additive);
  if (cols.length === 0 || cols.length > 2) return;
  if (cols.length === 2 && (!cols[0]?.phase || !cols[1]?.phase || cols[0].phase === cols[1].phase)) return;
  // The vehicle item's parts follow it (其中：购置费, 运行维护费).
  const vehicle = items.find((x) => x.item.role === 'vehicle')?.item.label;
  const pathOf = (item: { role: string; label: string }): string[] => {
    if (item.role === 'vehicle') return [item.label, '小计'];
    if ((item.role === 'vehicle-purchase' || item.role === 'vehicle-operation') && vehicle) return [vehicle, item.label];
    return [item.label];
  };
  const columns: Column[] = [];
  const cells: Row['cells'] = {};
  for (const c of cols) {
    const head = c.phase ? [c.phase === 'budget' ? '预算数' : '决算数'] : [];
    for (const { row, item } of items) {
      const col = makeColumn(columns.length, [...head, ...pathOf(item)]);
      columns.push(col);
      const cell = row.cells[c.key];
      if (cell) cells[col.key] = cell;
    }
  }
  const first = items[0]?.row;
  if (!first) return;
  const row: Row = { key: 'r1', index: 0, label: '“三公”经费', cells, source: first.source };
  t.columns = columns;
  t.rows = [row];
}
