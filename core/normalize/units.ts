/**
 * A table's unit read from its figures, where its unit word says otherwise.
 *
 * The standard tables of a disclosure repeat one another's figures (本年收入合计 in the 总表, the
 * 收入表 and the 财政拨款总表; every 类 in three tables). A table labelled `单位：元` whose figures
 * are the other tables' 万元 figures to the cent, and match none of them read in 元, was
 * labelled wrongly (or its label was left from another table); read in 元 it would make every
 * tie with it fail by a factor of 10,000. The same for a table with no unit printed, which was
 * given the document's.
 *
 * Evidence is counted in figures shared with other tables (each distinct figure once per other
 * table that prints it), at 0.01 万元 (100 元), and only figures with four significant digits or
 * more count (round figures and small ones agree by chance; so figures too small to be a
 * department's money in 元, like 1,234.56, never count read in 元). A table is read in the other
 * unit when at least MIN_SHARED such agreements hold read that way, at most a quarter as many
 * hold as labelled, and the tables it agrees with are not in doubt themselves (two tables
 * agreeing only with each other cannot say which label is wrong).
 */
import type { SourceRef, Unit } from '../model/schemas.ts';
import type { WorkTable } from './table.ts';
import { UNIT_FACTOR } from '../text/numbers.ts';

/** The unit a mislabelled table is read in instead (元 and 万元 are mistaken for each other). */
const OTHER: Partial<Record<Unit, Unit>> = { 元: '万元', 万元: '元' };
const MIN_SHARED = 3;
const MIN_DIGITS = 4;

/** A figure of a table: its value (in the table's unit as printed) and where it is printed. */
export interface Figure {
  value: number;
  source?: SourceRef;
}

export interface UnitEvidence {
  /** The unit printed (or assumed, when none is printed). */
  printed: Unit;
  /** Agreements with other tables (figure × table) read in the printed unit, and in the other. */
  asPrinted: number;
  asRead: number;
  /** One shared figure: this table's and the other table's (by index). */
  example: { here: Figure; there: Figure & { t: number } };
}

/** A figure in 元, as a key at 0.01 万元 when it has enough significant digits. */
function keyOf(value: number, unit: Unit): number | undefined {
  const k = Math.round((Math.abs(value) * UNIT_FACTOR[unit]) / 100);
  if (!Number.isSafeInteger(k) || k === 0) return undefined;
  let n = k;
  while (n % 10 === 0) n /= 10;
  return String(n).length >= MIN_DIGITS ? k : undefined;
}

/**
 * Each money figure of a table once: placed in its money columns, or still to be placed (the
 * figures of a row whose columns the layout did not show).
 */
function figuresOf(wt: WorkTable): Figure[] {
  const out: Figure[] = [];
  const seen = new Set<number>();
  const add = (value: number, text: string, source: SourceRef | undefined) => {
    if (seen.has(value) || text.includes('%')) return;
    seen.add(value);
    out.push({ value, source });
  };
  const money = wt.table.columns.filter((c) => c.additive);
  for (const row of wt.table.rows) {
    for (const col of money) {
      const cell = row.cells[col.key];
      if (cell && cell.value !== null && cell.status !== 'undecided') add(cell.value, cell.text, cell.source);
    }
  }
  for (const p of wt.pending.values()) for (const v of p.values) if (!v.blank && !v.percent) add(v.value, v.text, v.source);
  return out;
}

/**
 * Read each table in the unit its figures show, where that is not its label's: sets
 * `table.unit`, keeps a printed label's in `table.unitPrinted`, and returns the evidence by
 * table index.
 */
export function inferTableUnits(tables: WorkTable[]): Map<number, UnitEvidence> {
  const figures = tables.map(figuresOf);
  // key → the tables holding it (first cell of each), with every table read as labelled.
  const index = new Map<number, Map<number, Figure>>();
  figures.forEach((fs, t) => {
    const unit = tables[t]?.table.unit as Unit;
    for (const f of fs) {
      const k = keyOf(f.value, unit);
      if (k === undefined) continue;
      let holders = index.get(k);
      if (!holders) index.set(k, (holders = new Map()));
      if (!holders.has(t)) holders.set(t, f);
    }
  });
  const shared = (t: number, unit: Unit, exclude: ReadonlySet<number>) => {
    let n = 0;
    let example: UnitEvidence['example'] | undefined;
    for (const f of figures[t] ?? []) {
      const k = keyOf(f.value, unit);
      const holders = k === undefined ? undefined : index.get(k);
      if (!holders) continue;
      for (const [o, there] of holders) {
        if (o === t || exclude.has(o)) continue;
        n++;
        example ??= { here: f, there: { t: o, ...there } };
      }
    }
    return { n, example };
  };
  const doubtful = new Map<number, { other: Unit; asPrinted: number }>();
  tables.forEach((wt, t) => {
    const other = OTHER[wt.table.unit];
    if (!other) return;
    const asPrinted = shared(t, wt.table.unit, new Set()).n;
    const asRead = shared(t, other, new Set()).n;
    if (asRead >= MIN_SHARED && asPrinted * 4 <= asRead) doubtful.set(t, { other, asPrinted });
  });
  const out = new Map<number, UnitEvidence>();
  const inDoubt = new Set(doubtful.keys());
  for (const [t, { other, asPrinted }] of doubtful) {
    // Counted again against tables not in doubt themselves.
    const { n, example } = shared(t, other, inDoubt);
    const wt = tables[t];
    if (!wt || !example || n < MIN_SHARED || asPrinted * 4 > n) continue;
    out.set(t, { printed: wt.table.unit, asPrinted, asRead: n, example });
  }
  for (const [t, e] of out) {
    const table = (tables[t] as WorkTable).table;
    if (!table.unitAssumed) table.unitPrinted = e.printed;
    table.unit = OTHER[e.printed] as Unit;
  }
  return out;
}
