/**
 * Doubting a reading instead of reporting it.
 *
 * A table rebuilt from PDF text (by token order or by position) can be misread: a row's
 * figures shifted to the next row, a header line taken for a row, columns swapped. A real
 * error in a table is one wrong figure (or a few): every identity it breaks passes through
 * that cell. A misreading breaks identities all over the table. So when the discrepancies
 * inside one such table need three or more cells to explain them (a greedy cover: the cell
 * in most failing identities first), or two where its identities fail as often as they hold,
 * the table's reading is doubted and every discrepancy
 * that involves one of its cells becomes could-not-check, with the arithmetic kept and the
 * reason given. Tables read from markup, tabs or cells (pages, workbooks) are never doubted.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Where } from '../model/schemas.ts';
import { message, type Lang } from '../messages.ts';
import { formatAmount } from '../text/numbers.ts';

/** Independent failing cells, at least, that make a rebuilt table's reading doubtful. */
export const DOUBT_PLACES = 3;

const cellKey = (w: Where): string => `${w.row?.code ?? ""}\u0001${w.row?.label ?? ""}`;

/** Fewest cells that every failing identity passes through at least one of (greedy). */
function coverSize(sets: Set<string>[]): number {
  let left = sets;
  let size = 0;
  while (left.length > 0) {
    const counts = new Map<string, number>();
    let best = '';
    let most = 0;
    for (const s of left) {
      for (const k of s) {
        const c = (counts.get(k) ?? 0) + 1;
        counts.set(k, c);
        if (c > most || (c === most && k < best)) [best, most] = [k, c];
      }
    }
    left = left.filter((s) => !s.has(best));
    size++;
  }
  return size;
}

/** The results, with discrepancies on doubtful readings turned into could-not-check. */
export function doubtScatteredReadings(work: WorkDocument, results: CheckResult[], lang: Lang): CheckResult[] {
  const rebuilt = new Map<string, string>();
  for (const t of work.tables) if (t.inferredLayout) rebuilt.set(t.table.id, t.table.title || t.table.id);
  if (rebuilt.size === 0) return results;
  const failing = new Map<string, Set<string>[]>();
  const holding = new Map<string, number>();
  for (const r of results) {
    if (r.verdict === 'undecided') continue;
    const cells = r.where.filter((w) => w.table !== undefined && w.role !== 'context');
    const table = cells[0]?.table;
    if (!table || cells.length < 2 || !rebuilt.has(table) || cells.some((w) => w.table !== table)) continue;
    if (r.verdict !== 'discrepancy') {
      holding.set(table, (holding.get(table) ?? 0) + 1);
      continue;
    }
    const list = failing.get(table) ?? [];
    list.push(new Set(cells.map(cellKey)));
    failing.set(table, list);
  }
  // A row printing more figures than its table has columns is a misreading in itself: a place.
  for (const t of work.tables) {
    if (!t.inferredLayout) continue;
    const overfull = t.table.rows.filter((r) => r.undecided && /figures printed for/.test(r.undecided.reason));
    const list = failing.get(t.table.id);
    if (overfull.length === 0 || !list) continue;
    for (const r of overfull) list.push(new Set([`${r.code ?? ''}\u0001${r.label ?? ''}`]));
  }
  const doubtful = new Map<string, number>();
  for (const [table, sets] of failing) {
    const places = coverSize(sets);
    // Two places are enough where the table's identities fail more often than they hold.
    if (places >= DOUBT_PLACES || (places >= 2 && sets.length >= (holding.get(table) ?? 0))) doubtful.set(table, places);
  }
  if (doubtful.size === 0) return results;
  return results.map((r) => {
    if (r.verdict !== 'discrepancy') return r;
    const table = r.where.find((w) => w.table !== undefined && doubtful.has(w.table))?.table;
    if (table === undefined) return r;
    const fmt = (v: number | null) => (v === null ? '—' : formatAmount(v, 2));
    const reason = message('reason.reading-doubtful', lang, {
      table: rebuilt.get(table) ?? table,
      places: doubtful.get(table) ?? DOUBT_PLACES,
      stated: fmt(r.stated),
      expected: fmt(r.expected),
    });
    const sep = lang === 'zh' ? '：' : ': ';
    const at = r.message.indexOf(sep);
    const head = at < 0 ? '' : r.message.slice(0, at + sep.length);
    const { cause: _cause, ...rest } = r;
    return {
      ...rest,
      verdict: 'undecided',
      severity: 'info',
      message: `${head}${message('check.undecided', lang, { reason })}`,
      messageKey: 'check.undecided',
      reason,
    };
  });
}
