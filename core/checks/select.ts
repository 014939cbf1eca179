/**
 * Helpers shared by checks: columns of a side, rows by role or code, whether a row or a
 * column may hold data (figures not yet placed count as possible data).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { WorkTable } from '../normalize/table.ts';
import type { Column, Row, Side, Table } from '../model/schemas.ts';
import type { Identity, Ref, Term } from './identity.ts';

/** The row prints money: a figure other than zero (placed, or printed with its column undecided). */
export function rowHoldsMoney(r: Row): boolean {
  for (const c of Object.values(r.cells)) if (c.value !== null && c.value !== 0) return true;
  return !!r.undecided?.values.some((v) => v !== 0);
}

export function sideColumns(table: Table, side: Side | undefined): Column[] {
  return table.columns.filter((c) => c.side === side);
}

function cellHasData(row: Row, key: string): boolean {
  const cell = row.cells[key];
  return !!cell && (cell.value !== null || cell.status === 'undecided');
}

/** True when the row holds or may hold a figure in any of `keys`. */
export function rowMayHaveData(wt: WorkTable, rowIndex: number, keys?: string[]): boolean {
  const row = wt.table.rows[rowIndex];
  if (!row) return false;
  if (wt.pending.has(rowIndex) || row.undecided) return true;
  const ks = keys ?? Object.keys(row.cells);
  return ks.some((k) => cellHasData(row, k));
}

/** True when any row holds or may hold a figure in column `key`. */
export function columnMayHaveData(wt: WorkTable, key: string): boolean {
  const col = wt.table.columns.find((c) => c.key === key);
  if (!col) return false;
  for (const row of wt.table.rows) {
    if (row.side !== col.side) continue;
    if (cellHasData(row, key)) return true;
    const p = wt.pending.get(row.index);
    if (p && p.values.some((v) => !v.blank)) return true;
  }
  return false;
}

export function ref(t: number, row: Row, col: Column): Ref {
  return { t, r: row.index, c: col.key };
}

export function terms(t: number, rows: Row[], col: Column, sign: 1 | -1 = 1): Term[] {
  return rows.map((r) => ({ ref: ref(t, r, col), sign }));
}

export function totalRow(table: Table): Row | undefined {
  return table.rows.find((r) => r.role === 'total');
}

export function tablesByTemplate(work: WorkDocument, template: string): number[] {
  const out: number[] = [];
  work.tables.forEach((wt, i) => wt.table.template === template && out.push(i));
  return out;
}

/** Deduplicate identities by id (a later duplicate is dropped). */
export function uniqueById(ids: Identity[]): Identity[] {
  const seen = new Set<string>();
  return ids.filter((i) => (seen.has(i.id) ? false : (seen.add(i.id), true)));
}

/** Additive value columns of a side. */
export function additiveColumns(table: Table, side?: Side): Column[] {
  return sideColumns(table, side).filter((c) => c.additive);
}

/** A row's descriptive attribute (a text column such as 项目 or 部门支出经济分类) whose header matches. */
export function rowAttr(row: Row, header: RegExp): string | undefined {
  for (const [k, v] of Object.entries(row.attrs ?? {})) if (header.test(k)) return v;
  return undefined;
}
