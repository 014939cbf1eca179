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

type Block = 'abroad' | 'reception' | 'vehicle' | 'running';
const BLOCK_WORDS: Record<Block, RegExp> = { abroad: /因公出国/, reception: /公务接待/, vehicle: /公务用车/, running: /机关运行经费/ };

function permutations<T>(xs: T[]): T[][] {
  if (xs.length <= 1) return [xs];
  return xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/**
 * The columns of a "三公" table read from PDF text, whose header lines come out of order
 * (`“三公”经费预算数 / 机关运行经费预算 / 公务用车购置及运行费 / 数 / 合计 因公出国(境)费 公务接待费 /
 * 小计 购置费 运行费`): the items the header names, 合计 first, the vehicle's 小计 / 购置费 / 运行费
 * together, in the one order in which every row printing all of them adds up (合计 = 因公出国 +
 * 公务接待 + 公务用车; 公务用车 = 购置 + 运行) — the header's order deciding between orders that
 * add up alike, and alone when no row prints every column. 机关运行经费 is no part of the 合计.
 */
export function threeColumns(headerText: string, rows: { values: { value: number }[] }[]): string[][] | undefined {
  const blocks = (Object.keys(BLOCK_WORDS) as Block[]).filter((b) => BLOCK_WORDS[b].test(headerText));
  if (!blocks.includes('vehicle') || blocks.length < 3) return undefined;
  const rest = headerText.replace(/购置及运行(?:维护)?费/g, '');
  const vehicleParts = /购置费/.test(rest) && /运行(?:维护)?费/.test(rest);
  const vehicleName = /公务用车购置及运行维护费/.test(headerText) ? '公务用车购置及运行维护费' : '公务用车购置及运行费';
  const width = (b: Block) => (b === 'vehicle' && vehicleParts ? 3 : 1);
  const n = 1 + blocks.reduce((s, b) => s + width(b), 0);
  const rank = (b: Block) => headerText.search(BLOCK_WORDS[b]);
  const full = rows.filter((r) => r.values.length === n);
  const fits = (order: Block[]): boolean => {
    for (const r of full) {
      const v = r.values.map((x) => x.value);
      let at = 1;
      const of: Partial<Record<Block, number>> = {};
      let parts = true;
      for (const b of order) {
        of[b] = v[at] ?? 0;
        if (b === 'vehicle' && vehicleParts) parts = Math.abs((v[at] ?? 0) - (v[at + 1] ?? 0) - (v[at + 2] ?? 0)) <= 0.015 * 3;
        at += width(b);
      }
      const sum = (of.abroad ?? 0) + (of.reception ?? 0) + (of.vehicle ?? 0);
      if (!parts || Math.abs((v[0] ?? 0) - sum) > 0.015 * 4) return false;
    }
    return true;
  };
  const inversions = (order: Block[]) => order.reduce((s, b, i) => s + order.slice(i + 1).filter((c) => rank(c) < rank(b)).length, 0);
  const candidates = permutations(blocks).filter(fits);
  if (candidates.length === 0) return undefined;
  const best = Math.min(...candidates.map(inversions));
  const chosen = candidates.filter((o) => inversions(o) === best);
  if (chosen.length !== 1) return undefined;
  const head = blocks.includes('running') ? ['“三公”经费'] : [];
  const paths: string[][] = [[...head, '合计']];
  for (const b of chosen[0] as Block[]) {
    if (b === 'abroad') paths.push([...head, '因公出国(境)费']);
    else if (b === 'reception') paths.push([...head, '公务接待费']);
    else if (b === 'running') paths.push(['机关运行经费']);
    else if (vehicleParts) paths.push([...head, vehicleName, '小计'], [...head, vehicleName, '公务用车购置费'], [...head, vehicleName, '公务用车运行维护费']);
    else paths.push([...head, vehicleName]);
  }
  return paths;
}
