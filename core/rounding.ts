/**
 * The rounding model. Tables round from 元: a figure printed with d decimals stands for an
 * interval of half a unit in its last place either side. A sum of n printed figures can
 * therefore differ from its printed total by up to the sum of those half-units, and the
 * tolerance grows with the number of terms. Differences within that bound are information
 * ("rounding"), not errors. Percentages are recomputed unrounded and compared with the
 * interval the printed digits stand for.
 */
import type { Severity, Verdict } from './model/schemas.ts';
import { roundTo } from './text/numbers.ts';

export interface Figure {
  value: number;
  /** Decimals the figure is taken to be printed with (table precision for table cells). */
  decimals: number;
  /** A blank cell is exactly zero: no rounding error. */
  blank?: boolean;
  /**
   * Half a unit in the last place, when it is coarser than the decimals say: a text's
   * `30.01万元` read in a table's 元 stands for 300,100 ± 50 元.
   */
  half?: number;
}

export interface Judgement {
  verdict: Exclude<Verdict, 'undecided'>;
  severity: Severity;
  difference: number;
  tolerance: number;
}

const EPS = 1e-9;

export function halfUnit(f: Figure): number {
  return f.blank ? 0 : (f.half ?? 0.5 * 10 ** -f.decimals);
}

/**
 * Largest difference rounding alone explains for `stated = Σ terms`: the half-units of every
 * printed figure, and for amounts at least two units in the last place (tables round from 元
 * and a cent or two is the usual 尾数误差). Shares summed to 100 % get no such floor.
 */
export function sumTolerance(stated: Figure, terms: readonly Figure[], floor = true): number {
  const d = Math.max(stated.decimals, ...terms.map((t) => t.decimals));
  const halves = halfUnit(stated) + terms.reduce((a, t) => a + halfUnit(t), 0);
  return floor ? Math.max(2 * 10 ** -d, halves) : halves;
}

function severityOf(difference: number, stated: number, expected: number, tolerance: number): Severity {
  const scale = Math.max(Math.abs(stated), Math.abs(expected));
  const rel = scale > 0 ? Math.abs(difference) / scale : 1;
  return rel >= 0.01 || Math.abs(difference) > 100 * tolerance ? 'error' : 'warning';
}

/**
 * Judge `stated` against `expected` (already summed from `terms`).
 * relation `ge`: stated must be at least expected (appropriations within all funds).
 */
export function judgeSum(
  stated: Figure,
  terms: readonly Figure[],
  expected: number,
  relation: 'eq' | 'ge' = 'eq',
  floor = true,
): Judgement {
  const difference = roundTo(stated.value - expected, 6);
  const tolerance = roundTo(sumTolerance(stated, terms, floor), 6);
  const d = Math.max(stated.decimals, ...terms.map((t) => t.decimals));
  const exact = 0.5 * 10 ** -Math.min(d, 6);
  if (relation === 'ge') {
    if (difference >= -exact + EPS || difference >= 0) return { verdict: 'ok', severity: 'none', difference, tolerance };
    if (difference >= -tolerance - EPS) return { verdict: 'rounding', severity: 'info', difference, tolerance };
    return { verdict: 'discrepancy', severity: severityOf(difference, stated.value, expected, tolerance), difference, tolerance };
  }
  if (Math.abs(difference) < exact - EPS) return { verdict: 'ok', severity: 'none', difference, tolerance };
  // One figure printed coarser than the one it restates (`66.85万元` for 668,450 元, `596.3`
  // for 596.34): right when the finer figure rounds to it, half-up or half-down.
  const only = terms.length === 1 ? terms[0] : undefined;
  if (only && halfUnit(stated) > halfUnit(only) && Math.abs(difference) <= halfUnit(stated) + EPS) {
    return { verdict: 'ok', severity: 'none', difference, tolerance };
  }
  // … or cut to it, not rounded (`328,661万元` for 3,286,618,082.20 元): less than a unit in its
  // last place toward zero — a rounding matter still, said as such.
  if (only && halfUnit(stated) > halfUnit(only) && Math.abs(difference) < 2 * halfUnit(stated) - EPS && difference * expected <= 0) {
    return { verdict: 'rounding', severity: 'info', difference, tolerance: roundTo(2 * halfUnit(stated), 6) };
  }
  if (Math.abs(difference) <= tolerance + EPS) return { verdict: 'rounding', severity: 'info', difference, tolerance };
  return { verdict: 'discrepancy', severity: severityOf(difference, stated.value, expected, tolerance), difference, tolerance };
}

/**
 * A percentage printed with `decimals` places against its recomputed value (unrounded).
 * ok: the recomputed value rounds (half-up) to the printed one; rounding: the printed value
 * is off by at most one unit in its last place (plus what the inputs' own rounding allows);
 * else a discrepancy. `difference` is printed − recomputed.
 */
export function judgePercent(printed: number, decimals: number, recomputed: number, inputSlack = 0): Judgement {
  const rounded = roundTo(recomputed, decimals);
  const difference = roundTo(printed - recomputed, 6);
  const unit = 10 ** -decimals;
  const off = Math.abs(printed - rounded);
  const tolerance = roundTo(unit + inputSlack, 6);
  if (off < unit / 2 - EPS) return { verdict: 'ok', severity: 'none', difference, tolerance };
  if (off <= tolerance + EPS) return { verdict: 'rounding', severity: 'info', difference, tolerance };
  return { verdict: 'discrepancy', severity: Math.abs(difference) >= 1 ? 'error' : 'warning', difference, tolerance };
}

/**
 * A printed percentage against the value recomputed from rounded inputs. `lo`..`hi` is the
 * range the true value can take given the inputs' own rounding. ok: the recomputed value
 * rounds to the printed one; rounding: the inputs' rounding can explain the printed value, or
 * it is one unit off in its last place (truncated instead of rounded); else a discrepancy.
 */
export function judgeRange(printed: number, decimals: number, recomputed: number, lo: number, hi: number): Judgement {
  const unit = 10 ** -decimals;
  const difference = roundTo(printed - recomputed, 6);
  // The largest difference still explained: the inputs' range widened by the printed half-unit, or one unit.
  const tolerance = roundTo(Math.max(unit, Math.max(hi - recomputed, recomputed - lo) + unit / 2), 6);
  if (Math.abs(printed - roundTo(recomputed, decimals)) < unit / 2 - EPS) return { verdict: 'ok', severity: 'none', difference, tolerance };
  const explained = printed + unit / 2 >= lo - EPS && printed - unit / 2 <= hi + EPS;
  if (explained || Math.abs(difference) <= unit + EPS) return { verdict: 'rounding', severity: 'info', difference, tolerance };
  return { verdict: 'discrepancy', severity: Math.abs(difference) >= 1 ? 'error' : 'warning', difference, tolerance };
}

/** Range of a / b when a and b are each known only to ± their half-units (b > 0). */
export function ratioRange(a: number, ha: number, b: number, hb: number, scale = 100): [number, number] {
  const bLo = Math.max(b - hb, Number.MIN_VALUE);
  const bHi = b + hb;
  const cands = [(a - ha) / bLo, (a - ha) / bHi, (a + ha) / bLo, (a + ha) / bHi].map((x) => x * scale);
  return [Math.min(...cands), Math.max(...cands)];
}
