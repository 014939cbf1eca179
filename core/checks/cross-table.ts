/**
 * cross-table: the ties between standard tables (data/ties.json): 01表 本年收入合计 = 02表
 * 合计, 04表 各类一般公共预算 = 05表, 05表 基本支出 = 06表 人员经费 + 公用经费 … Ties whose
 * tables are not all present are reported by table-coverage, not silently passed. Conditional
 * ties (only 财政拨款 money, no carry-over) apply only when the 总表 shows the condition holds.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { WorkTable } from '../normalize/table.ts';
import type { Column, Row, Table } from '../model/schemas.ts';
import { ties, type TieSpec, type TieTerm } from '../knowledge.ts';
import type { Identity, Term } from './identity.ts';
import { isBlankIdentity } from './identity.ts';
import { codeTree } from './function-hierarchy.ts';
import { ref, sideColumns } from './select.ts';
import type { Check } from './types.ts';

export function firstTable(work: WorkDocument, template: string): number {
  return work.tables.findIndex((wt) => wt.table.template === template);
}

/** The basic-expenditure table by economic classification (预算 基本支出表, 决算 公开06表): its index, or -1. */
export function basicTable(work: WorkDocument): number {
  return firstTable(work, work.doc.kind === 'budget' ? 'budget-basic' : 'final-06');
}

function isZero(row: Row | undefined): boolean {
  if (!row) return true;
  return Object.values(row.cells).every((c) => c.value === null || c.value === 0) && !row.undecided;
}

function rowByRole(table: Table, role: string): Row | undefined {
  return table.rows.find((r) => r.role === role);
}

/** Whether a tie's condition holds, from the 总表 (undefined: cannot tell). */
export function conditionHolds(work: WorkDocument, kind: 'final' | 'budget', condition: TieSpec['condition']): boolean | undefined {
  if (!condition) return true;
  const summaryId = kind === 'final' ? 'final-01' : 'budget-summary';
  const s = work.tables[firstTable(work, summaryId)]?.table;
  if (!s) return undefined;
  const nonFiscal = ['inc-special', 'inc-business', 'inc-operating', 'inc-superior', 'inc-affiliated', 'inc-other', 'inc-nonfiscal'];
  const zero = (roles: string[]) => roles.every((r) => isZero(rowByRole(s, r)));
  if (condition === 'onlyFiscal') {
    if (!zero(nonFiscal)) return false;
    const fiscalId = kind === 'final' ? 'final-04' : 'budget-fiscal';
    const f = work.tables[firstTable(work, fiscalId)]?.table;
    const carry = rowByRole(s, 'inc-carry');
    if (isZero(carry)) return true;
    const fc = f ? rowByRole(f, 'inc-carry') : undefined;
    const a = Object.values(carry?.cells ?? {})[0]?.value ?? 0;
    const b = Object.values(fc?.cells ?? {})[0]?.value ?? 0;
    return !!fc && Math.abs(a - b) < 0.005;
  }
  if (condition === 'noBalances') return zero(['inc-carry', 'inc-nonfiscal', 'exp-surplus', 'exp-carry']);
  if (condition === 'onlyGpb') return zero([...nonFiscal, 'inc-gf', 'inc-soe', 'inc-carry']);
  return undefined;
}

/**
 * Rows holding figures that no code names and no role explains: a garbled reading (no label
 * either), or 科目 printed by name only that no other table's codes could be matched to. A row
 * looked for by code may be one of them: not found is not zero. Counted once per table and pass.
 */
function unnamedRowsOf(table: Table, memo: Map<Table, number>): number {
  let n = memo.get(table);
  if (n === undefined) {
    n = table.rows.filter((r) => !r.code && !r.role && Object.values(r.cells).some((c) => c.value !== null && c.value !== 0)).length;
    memo.set(table, n);
  }
  return n;
}

export function selectRow(table: Table, sel: TieTerm['row'], key?: string): Row | undefined {
  if (sel.role === 'class') {
    if (table.twoSided) return table.rows.find((r) => r.role === 'class' && r.code === key);
    return table.rows.find((r) => r.codeKind === 'function' && r.code === key);
  }
  if (sel.role === 'code') return table.rows.find((r) => r.code === key && r.codeKind === 'function');
  if (sel.role) return rowByRole(table, sel.role);
  if (sel.total) return table.rows.find((r) => r.role === 'total');
  if (sel.personnelTotal) return rowByRole(table, 'personnel-total');
  if (sel.publicTotal) return rowByRole(table, 'public-total');
  if (sel.code) return table.rows.find((r) => r.code === sel.code);
  if (sel.single) {
    const nonBlank = table.rows.filter((r) => Object.values(r.cells).some((c) => c.value !== null));
    if (nonBlank.length === 1) return nonBlank[0];
    return table.rows.find((r) => r.role === 'total') ?? (table.rows.length === 1 ? table.rows[0] : undefined);
  }
  return undefined;
}

export function selectColumn(table: Table, sel: TieTerm['col'], row: Row | undefined): Column | undefined {
  const cols = sideColumns(table, row?.side ?? (table.twoSided ? 'income' : undefined));
  const phaseOk = (c: Column) => !sel.phase || c.phase === sel.phase;
  if (sel.lineNo !== undefined) return cols.find((c) => c.lineNo === sel.lineNo);
  if (sel.role) {
    const roles = Array.isArray(sel.role) ? sel.role : [sel.role];
    for (const r of roles) {
      const c = cols.find((x) => x.role === r && phaseOk(x));
      if (c) return c;
    }
    // `role` and `first`: the column of that role where the table has one, else its first.
    if (!sel.first) return undefined;
  }
  if (sel.first) return cols.find(phaseOk);
  return undefined;
}

/** 类 / codes present (with a row) in any of the tie's tables. */
function keysFor(work: WorkDocument, tie: TieSpec, tables: number[]): string[] {
  const keys = new Set<string>();
  for (const t of tables) {
    const table = work.tables[t]?.table as Table;
    if (tie.each === 'class') {
      for (const r of table.rows) {
        if (table.twoSided && r.role === 'class' && r.code && Object.values(r.cells).some((c) => c.value !== null && c.value !== 0)) keys.add(r.code);
        if (!table.twoSided && r.codeKind === 'function' && r.code?.length === 3) keys.add(r.code);
      }
    } else if (tie.each === 'code') {
      for (const c of codeTree(table.rows, 'function').byCode.keys()) keys.add(c);
    }
  }
  return [...keys].sort();
}

export function tieTables(work: WorkDocument, tie: TieSpec): number[] | undefined {
  const templates = [tie.stated.template, ...tie.terms.map((x) => x.template)];
  const idx = templates.map((tpl) => firstTable(work, tpl));
  return idx.some((i) => i < 0) ? undefined : idx;
}

export function applicableTies(work: WorkDocument): TieSpec[] {
  const kind = work.doc.kind;
  if (kind === 'unknown') return [];
  return ties.filter((t) => t.kind === kind);
}

export const crossTable: Check = {
  id: 'cross-table',
  identities(work: WorkDocument): Identity[] {
    const out: Identity[] = [];
    const kind = work.doc.kind;
    if (kind === 'unknown') return out;
    const unnamedMemo = new Map<Table, number>();
    for (const tie of applicableTies(work)) {
      const tables = tieTables(work, tie);
      if (!tables) continue;
      if (conditionHolds(work, kind, tie.condition) !== true) continue;
      const keys = tie.each ? keysFor(work, tie, tables) : [undefined];
      for (const key of keys) {
        const statedTable = work.tables[tables[0] as number] as WorkTable;
        const sRow = selectRow(statedTable.table, tie.stated.row, key);
        const sCol = selectColumn(statedTable.table, tie.stated.col, sRow);
        if (!sRow || !sCol) continue;
        const terms: Term[] = [];
        const missing: string[] = [];
        let unnamedRows: Identity['unnamedRows'];
        let unusable = false;
        tie.terms.forEach((term, i) => {
          const wt = work.tables[tables[i + 1] as number] as WorkTable;
          const row = selectRow(wt.table, term.row, key);
          const col = selectColumn(wt.table, term.col, row);
          if (!col && row) unusable = true;
          if (!row || !col) {
            if (!selectColumn(wt.table, term.col, undefined)) unusable = true;
            else {
              missing.push(`${wt.table.tableNo ?? wt.table.title}${key ? ` ${key}` : ''}`);
              const unnamed = unnamedRowsOf(wt.table, unnamedMemo);
              if (unnamed) unnamedRows = { table: wt.table.tableNo ?? wt.table.title, rows: unnamed };
            }
            return;
          }
          terms.push({ ref: ref(tables[i + 1] as number, row, col), sign: term.sign ?? 1 });
        });
        if (unusable) continue;
        const id: Identity = {
          id: `cross-table/${tie.id}${key ? `/${key}` : ''}`,
          rule: 'cross-table',
          relation: tie.relation,
          stated: ref(tables[0] as number, sRow, sCol),
          terms,
          solver: tie.solver,
          note: { zh: tie.zh, en: tie.en },
          missing: missing.length ? missing : undefined,
          unnamedRows,
          keepBlank: !tie.each,
        };
        if (tie.each && isBlankIdentity(work, id)) continue;
        out.push(id);
      }
    }
    return out;
  },
};
