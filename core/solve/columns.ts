/**
 * Placing figures whose column the layout lost.
 *
 * PDF text drops empty cells: a row printing 2 figures in a 7-column table could place them
 * in 21 ways. Each placement is a candidate; each identity of the document (the printed
 * formulas, 类 = Σ款, header totals, ties between tables) keeps only the candidates that can
 * take part in some assignment satisfying it (within rounding). An identity no assignment
 * satisfies is a real discrepancy, not evidence: it filters nothing. What is left with one
 * candidate is placed; with several, the layout's own suggestion (tab positions) wins if it
 * survived; otherwise the figures on which every survivor agrees are placed and the rest
 * are marked undecided, never guessed.
 */
import type { WorkDocument } from '../normalize/document.ts';
import { candidatesOf, type Pending } from '../normalize/table.ts';
import type { Cell, Row } from '../model/schemas.ts';
import type { Identity, Ref } from '../checks/identity.ts';
import { tableDecimals } from '../checks/identity.ts';
import { sideColumns } from '../checks/select.ts';
import { UNIT_FACTOR } from '../text/numbers.ts';

const SCALE = 10_000;
const MAX_STATES = 20_000;
const MAX_ROUNDS = 8;
/** Placements kept for a row left undecided (checks try each); beyond that its checks stay undecided. */
const MAX_KEPT_PLACEMENTS = 64;

interface PendingRow {
  t: number;
  r: number;
  row: Row;
  pending: Pending;
  /** side-local position of each column key */
  position: Map<string, number>;
}

function key(t: number, r: number): string {
  return `${t}:${r}`;
}

export function solveColumns(work: WorkDocument, identities: Identity[]): { placed: number; undecided: number } {
  const rows = new Map<string, PendingRow>();
  work.tables.forEach((wt, t) => {
    for (const [r, pending] of wt.pending) {
      const row = wt.table.rows[r] as Row;
      const cols = sideColumns(wt.table, row.side);
      rows.set(key(t, r), { t, r, row, pending, position: new Map(cols.map((c, i) => [c.key, i])) });
    }
  });
  if (rows.size === 0) return { placed: 0, undecided: 0 };

  const usable = identities.filter((id) => id.solver && [id.stated, ...id.terms.map((x) => x.ref)].some((ref) => rows.has(key(ref.t, ref.r))));
  // The layout's suggestion first: a row whose tab positions satisfy every identity it takes
  // part in is placed as printed; only rows under suspicion go through the search.
  const suspect = new Set<string>();
  for (const id of usable) {
    const held = holdsAsSuggested(work, rows, id);
    if (held === false) for (const ref of [id.stated, ...id.terms.map((x) => x.ref)]) suspect.add(key(ref.t, ref.r));
  }
  for (const [k, p] of rows) {
    if (p.pending.preferred && !suspect.has(k)) p.pending.candidates = [p.pending.preferred];
    else candidatesOf(p.pending);
  }
  // Identities touching fewer undecided rows constrain most: run them first. After the first
  // round, an identity runs again only when one of its rows lost candidates since it last ran.
  const involvedRows = new Map<Identity, PendingRow[]>(
    usable.map((id) => [id, [...new Set([id.stated, ...id.terms.map((x) => x.ref)].map((r) => rows.get(key(r.t, r.r))).filter((p): p is PendingRow => !!p))]]),
  );
  const open = (id: Identity) => (involvedRows.get(id) ?? []).filter((p) => candidatesOf(p.pending).length > 1).length;
  let dirty: Set<PendingRow> | undefined;
  for (let round = 0; round < MAX_ROUNDS; round++) {
    const changedRows = new Set<PendingRow>();
    const order = usable
      .filter((id) => !dirty || (involvedRows.get(id) ?? []).some((p) => dirty?.has(p)))
      .map((id) => ({ id, n: open(id) }))
      .filter((x) => x.n > 0)
      .sort((a, b) => a.n - b.n);
    if (order.length === 0) break;
    for (const { id } of order) for (const p of filter(work, rows, id)) changedRows.add(p);
    if (changedRows.size === 0) break;
    dirty = changedRows;
  }
  let placed = 0;
  let undecided = 0;
  for (const p of rows.values()) {
    if (finalize(work, p)) placed++;
    else undecided++;
  }
  work.tables.forEach((wt) => wt.pending.clear());
  return { placed, undecided };
}

/** Does the identity hold with every row placed as its layout suggests? undefined: cannot tell. */
function holdsAsSuggested(work: WorkDocument, rows: Map<string, PendingRow>, id: Identity): boolean | undefined {
  const statedTable = work.tables[id.stated.t]?.table;
  if (!statedTable) return undefined;
  let f = 0;
  let decimals = statedTable.decimals;
  const n = id.terms.length + 1;
  for (let i = -1; i < id.terms.length; i++) {
    const term = i < 0 ? undefined : id.terms[i];
    const ref = term ? term.ref : id.stated;
    const coef = term ? -term.sign : 1;
    const wt = work.tables[ref.t];
    if (!wt) return undefined;
    const factor = UNIT_FACTOR[wt.table.unit] / UNIT_FACTOR[statedTable.unit];
    if (wt.table.decimals > decimals) decimals = wt.table.decimals;
    const p = rows.get(key(ref.t, ref.r));
    if (p) {
      const suggested = p.pending.preferred;
      if (!suggested) return undefined;
      f += coef * factor * valueAt(p, suggested, ref.c);
      continue;
    }
    const cell = wt.table.rows[ref.r]?.cells[ref.c];
    if (cell?.status === 'undecided') return undefined;
    f += coef * factor * (cell?.value ?? 0);
  }
  const tol = Math.max(2 * 10 ** -decimals, n * 0.5 * 10 ** -decimals) + 1e-9;
  return id.relation === 'ge' ? f >= -tol : Math.abs(f) <= tol;
}

/** Integer contribution of a ref under a candidate (or its decided value). */
function valueAt(p: PendingRow, cand: number[], colKey: string): number {
  const pos = p.position.get(colKey);
  if (pos === undefined) return 0;
  const i = cand.indexOf(pos);
  if (i < 0) return 0;
  const v = p.pending.values[i];
  return v && !v.blank ? v.value : 0;
}

interface Compiled {
  constant: number;
  tol: number;
  list: { p: PendingRow; parts: { colKey: string; coef: number }[] }[];
}
const compiledCache = new WeakMap<Identity, Compiled | null>();

/** An identity as the solver uses it: decided cells folded into a constant (they do not change while solving). */
function compile(work: WorkDocument, rows: Map<string, PendingRow>, id: Identity): Compiled | null {
  const hit = compiledCache.get(id);
  if (hit !== undefined) return hit;
  const c = compileNow(work, rows, id);
  compiledCache.set(id, c);
  return c;
}

function filter(work: WorkDocument, rows: Map<string, PendingRow>, id: Identity): PendingRow[] {
  const compiled = compile(work, rows, id);
  if (!compiled) return [];
  const { constant, tol, list } = compiled;
  const ok = (total: number) => (id.relation === 'ge' ? total >= -tol : Math.abs(total) <= tol);
  const contributions = list.map((e) =>
    candidatesOf(e.p.pending).map((cand) => {
      let sum = 0;
      for (const part of e.parts) sum += part.coef * valueAt(e.p, cand, part.colKey);
      return Math.round(sum * SCALE);
    }),
  );
  // One row involved (the usual case): each candidate stands or falls on its own.
  if (list.length === 1) {
    const only = list[0] as Compiled['list'][number];
    const all = candidatesOf(only.p.pending);
    const keep = all.filter((_, c) => ok(constant + (contributions[0]?.[c] ?? 0)));
    if (keep.length === 0 || keep.length === all.length) return [];
    only.p.pending.candidates = keep;
    return [only.p];
  }
  return search(id, constant, tol, list, contributions, ok);
}

function compileNow(work: WorkDocument, rows: Map<string, PendingRow>, id: Identity): Compiled | null {
  const statedTable = work.tables[id.stated.t]?.table;
  if (!statedTable) return null;
  const refs: { ref: Ref; coef: number }[] = [{ ref: id.stated, coef: 1 }, ...id.terms.map((x) => ({ ref: x.ref, coef: -x.sign }))];
  let constant = 0;
  const involved = new Map<string, { p: PendingRow; parts: { colKey: string; coef: number }[] }>();
  let decimals = tableDecimals(statedTable);
  for (const { ref, coef } of refs) {
    const wt = work.tables[ref.t];
    if (!wt) return null;
    const factor = UNIT_FACTOR[wt.table.unit] / UNIT_FACTOR[statedTable.unit];
    decimals = Math.max(decimals, tableDecimals(wt.table));
    const k = key(ref.t, ref.r);
    const p = rows.get(k);
    if (p && candidatesOf(p.pending).length > 0) {
      const entry = involved.get(k) ?? { p, parts: [] };
      entry.parts.push({ colKey: ref.c, coef: coef * factor });
      involved.set(k, entry);
      continue;
    }
    const cell = wt.table.rows[ref.r]?.cells[ref.c];
    if (cell?.status === 'undecided') return null;
    constant += coef * factor * (cell?.value ?? 0);
  }
  const list = [...involved.values()];
  if (list.length === 0) return null;
  const n = refs.length;
  const tol = Math.round(Math.max(2 * 10 ** -decimals, n * 0.5 * 10 ** -decimals) * SCALE) + 1;
  return { constant: Math.round(constant * SCALE), tol, list };
}

/**
 * Several rows involved. First bounds: a candidate that no choice of the others can balance,
 * even at their extremes, is out (repeated while that narrows the extremes; cheap, and all an
 * identity over many rows can afford). Then, exactly, forward and backward sets of partial sums
 * over the candidates left — skipped when they grow too large.
 */
function search(
  id: Identity,
  constant: number,
  tol: number,
  list: Compiled['list'],
  contributions: number[][],
  ok: (total: number) => boolean,
): PendingRow[] {
  const alive = contributions.map((cs) => cs.map(() => true));
  for (let round = 0; round < 6; round++) {
    const mins: number[] = [];
    const maxs: number[] = [];
    let lo = constant;
    let hi = constant;
    contributions.forEach((cs, i) => {
      let m = Infinity;
      let M = -Infinity;
      cs.forEach((g, c) => {
        if (!alive[i]?.[c]) return;
        if (g < m) m = g;
        if (g > M) M = g;
      });
      mins.push(m);
      maxs.push(M);
      lo += m;
      hi += M;
    });
    let narrowed = false;
    contributions.forEach((cs, i) => {
      cs.forEach((g, c) => {
        if (!alive[i]?.[c]) return;
        const least = lo - (mins[i] ?? 0) + g;
        const most = hi - (maxs[i] ?? 0) + g;
        if (id.relation === 'ge' ? most >= -tol : least <= tol && most >= -tol) return;
        (alive[i] as boolean[])[c] = false;
        narrowed = true;
      });
    });
    if (alive.some((a) => !a.some(Boolean))) return []; // a real discrepancy: no evidence
    if (!narrowed) break;
  }
  const supported = exactSupport(id, constant, tol, contributions, alive, ok) ?? alive;
  if (supported.some((s) => !s.some(Boolean))) return []; // a real discrepancy: no evidence
  const changed: PendingRow[] = [];
  list.forEach((e, i) => {
    const all = candidatesOf(e.p.pending);
    const keep = all.filter((_, c) => supported[i]?.[c]);
    if (keep.length < all.length) {
      e.p.pending.candidates = keep;
      changed.push(e.p);
    }
  });
  return changed;
}

/** The candidates (among those alive) some assignment of the others balances; undefined when the sets of partial sums grow too large. */
function exactSupport(
  id: Identity,
  constant: number,
  tol: number,
  contributions: number[][],
  alive: boolean[][],
  ok: (total: number) => boolean,
): boolean[][] | undefined {
  const live = contributions.map((cs, i) => cs.filter((_, c) => alive[i]?.[c]));
  const forward: number[][] = [[constant]];
  for (let i = 0; i < live.length; i++) {
    const next = new Set<number>();
    for (const s of forward[i] ?? []) for (const g of live[i] ?? []) next.add(s + g);
    if (next.size > MAX_STATES) return undefined;
    forward.push([...next]);
  }
  const backward: number[][] = new Array(live.length + 1);
  backward[live.length] = [0];
  for (let i = live.length - 1; i >= 0; i--) {
    const next = new Set<number>();
    for (const s of backward[i + 1] ?? []) for (const g of live[i] ?? []) next.add(s + g);
    if (next.size > MAX_STATES) return undefined;
    backward[i] = [...next].sort((a, b) => a - b);
  }
  return contributions.map((cs, i) => {
    const after = backward[i + 1] ?? [0];
    const lo = after[0] ?? 0;
    const hi = after[after.length - 1] ?? 0;
    return cs.map((g, c) => {
      if (!alive[i]?.[c]) return false;
      for (const s of forward[i] ?? []) {
        const base = s + g;
        if (id.relation === 'ge') {
          if (ok(base + hi)) return true;
          continue;
        }
        if (base + hi < -tol || base + lo > tol) continue;
        // binary search for t with |base + t| <= tol
        let a = 0;
        let b = after.length - 1;
        const target = -base - tol;
        while (a < b) {
          const m = (a + b) >> 1;
          if ((after[m] ?? 0) < target) a = m + 1;
          else b = m;
        }
        if (ok(base + (after[a] ?? 0))) return true;
      }
      return false;
    });
  });
}

function sameCandidate(a: number[] | undefined, b: number[] | undefined): boolean {
  return !!a && !!b && a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Write the surviving placement into the row's cells. Returns false when some stay undecided. */
function finalize(work: WorkDocument, p: PendingRow): boolean {
  const table = work.tables[p.t]?.table;
  if (!table) return false;
  const cols = sideColumns(table, p.row.side);
  const cands = candidatesOf(p.pending);
  const preferred = cands.find((c) => sameCandidate(c, p.pending.preferred));
  const chosen = cands.length === 1 ? cands[0] : preferred;
  if (chosen) {
    const status: Cell['status'] = sameCandidate(chosen, p.pending.preferred) || cands.length === 0 ? 'printed' : 'inferred';
    cols.forEach((c) => (p.row.cells[c.key] = { value: null, text: '', decimals: 0, status: 'printed' }));
    chosen.forEach((pos, i) => {
      const v = p.pending.values[i];
      const c = cols[pos];
      if (v && c) p.row.cells[c.key] = { value: v.blank ? null : v.value, text: v.text, decimals: v.decimals, status, source: v.source };
    });
    return true;
  }
  // Several placements left: keep what they agree on.
  let allAgreed = true;
  cols.forEach((c, pos) => {
    const at = (cand: number[]) => {
      const i = cand.indexOf(pos);
      return i < 0 ? undefined : p.pending.values[i];
    };
    const first = cands[0] ? at(cands[0]) : undefined;
    const agree = cands.every((cand) => {
      const v = at(cand);
      return (v === undefined && first === undefined) || (v !== undefined && first !== undefined && v.value === first.value && v.blank === first.blank);
    });
    // Placements that differ only in where a zero goes (`500.00 500.00 0.00` in seven columns)
    // agree on every column's amount: here nothing, or nothing but a zero.
    const zeroOnly = !agree && cands.every((cand) => {
      const v = at(cand);
      return v === undefined || v.blank || v.value === 0;
    });
    if (agree) {
      p.row.cells[c.key] = first
        ? { value: first.blank ? null : first.value, text: first.text, decimals: first.decimals, status: 'inferred', source: first.source }
        : { value: null, text: '', decimals: 0, status: 'inferred' };
    } else if (zeroOnly) {
      p.row.cells[c.key] = { value: null, text: '', decimals: 0, status: 'inferred' };
    } else {
      allAgreed = false;
      p.row.cells[c.key] = { value: null, text: '', decimals: 0, status: 'undecided' };
    }
  });
  if (!allAgreed) {
    if (cands.length > 0 && cands.length <= MAX_KEPT_PLACEMENTS) {
      const wt = work.tables[p.t];
      if (wt) {
        wt.placements ??= new Map();
        wt.placements.set(p.r, cands.map((cand) => new Map(cand.flatMap((pos, i) => {
          const v = p.pending.values[i];
          const c = cols[pos];
          return v && c ? [[c.key, v] as const] : [];
        }))));
      }
    }
    p.row.undecided = {
      values: p.pending.values.map((v) => v.value),
      reason: cands.length === 0 ? 'no placement fits the printed totals' : `${cands.length} placements fit the printed totals equally`,
    };
  }
  return allAgreed;
}
