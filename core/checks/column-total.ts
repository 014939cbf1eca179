/**
 * column-total: a 合计 / 小计 column equals the sum of the columns beside it under the same
 * header, row by row — derived from the header tree, for tables whose notes print no column
 * formula (the 预算 tables print none). Groups with their own 小计 contribute that 小计.
 * Columns headed 其中… ("of which") are parts, not addends; counts, prices and shares are
 * never summed.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Column, Side, Table } from '../model/schemas.ts';
import { isTotalWord } from '../normalize/columns.ts';
import { compact } from '../text/normalize.ts';
import type { Identity } from './identity.ts';
import { columnsDefinedByNotes } from './note-formula.ts';
import { ref, rowMayHaveData, sideColumns } from './select.ts';
import type { Check } from './types.ts';

interface Node {
  leaves: Column[];
  groups: Map<string, Node>;
}

function build(cols: Column[], depth: number): Node {
  const node: Node = { leaves: [], groups: new Map() };
  for (const c of cols) {
    if (c.path.length <= depth + 1) node.leaves.push(c);
  }
  const byHead = new Map<string, Column[]>();
  for (const c of cols) {
    if (c.path.length > depth + 1) {
      const head = c.path[depth] ?? '';
      byHead.set(head, [...(byHead.get(head) ?? []), c]);
    }
  }
  for (const [head, list] of byHead) node.groups.set(head, build(list, depth + 1));
  return node;
}

const isPart = (label: string) => /^其中/.test(compact(label));
const isTotal = (c: Column) => isTotalWord(c.label) || c.role === 'total';

/** The columns that stand for a group when it is an addend: its total column, else its leaves. */
function groupAddends(node: Node): Column[] {
  const total = node.leaves.find((c) => isTotal(c) && !isPart(c.label));
  if (total) return [total];
  return [...node.leaves.filter((c) => !isPart(c.label)), ...[...node.groups.values()].flatMap(groupAddends)];
}

/** (total column, addend columns) pairs of a header tree. */
export function headerSums(cols: Column[]): { total: Column; addends: Column[] }[] {
  const out: { total: Column; addends: Column[] }[] = [];
  const visit = (node: Node) => {
    const totals = node.leaves.filter((c) => isTotal(c) && !isPart(c.label));
    if (totals.length === 1) {
      const total = totals[0] as Column;
      const addends = [
        ...node.leaves.filter((c) => c !== total && !isPart(c.label)),
        ...[...node.groups.values()].flatMap(groupAddends),
      ];
      if (addends.length >= 1 && [total, ...addends].every((c) => c.additive)) out.push({ total, addends });
    }
    for (const g of node.groups.values()) visit(g);
  };
  visit(build(cols, 0));
  return out;
}

function sidesOf(table: Table): (Side | undefined)[] {
  return table.twoSided ? ['income', 'expense'] : [undefined];
}

export const columnTotal: Check = {
  id: 'column-total',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      const byNotes = columnsDefinedByNotes(table);
      for (const side of sidesOf(table)) {
        const cols = sideColumns(table, side);
        if (cols.length < 2) continue;
        for (const { total, addends } of headerSums(cols)) {
          if (byNotes.has(total.key)) continue;
          if (addends.length === 1 && addends[0]?.label === total.label) continue;
          for (const row of table.rows) {
            if (row.side !== side) continue;
            if (!rowMayHaveData(wt, row.index)) continue;
            out.push({
              id: `column-total/${table.id}/${row.key}/${total.key}`,
              rule: 'column-total',
              relation: 'eq',
              stated: ref(t, row, total),
              terms: addends.map((c) => ({ ref: ref(t, row, c), sign: 1 as const })),
              solver: true,
              keepBlank: true,
            });
          }
        }
      }
    });
    return out;
  },
};
