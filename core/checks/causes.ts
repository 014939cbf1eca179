/**
 * Likely causes of a difference, recognised from the arithmetic alone: 元 / 万元 confusion
 * (×10,000), two digits swapped, one digit wrong, an item left out or counted twice, rounding;
 * and from around the figure (identity.ts gives the cells): a carry-over counted on one side
 * only, a figure copied from the row or column beside it; and from the other findings: a total
 * off only because one of its items is.
 */
import type { Cause, CheckResult, Where } from '../model/schemas.ts';
import { type Lang, message } from '../messages.ts';
import { formatAmount } from '../text/numbers.ts';

interface Diff {
  stated: number;
  expected: number;
  verdict: 'rounding' | 'discrepancy';
  decimals: number;
}

function digits(v: number, decimals: number): string {
  return Math.abs(v).toFixed(decimals).replace('.', '');
}

/** Two figures about 10,000 times apart: 元 and 万元 confused. */
export function unitCause(stated: number, expected: number, lang: Lang): Cause | undefined {
  if (stated === 0 || expected === 0) return undefined;
  const ratio = Math.abs(stated / expected);
  if (Math.abs(ratio - 10_000) / 10_000 < 0.002 || Math.abs(ratio - 1e-4) / 1e-4 < 0.002) {
    return { kind: 'unit', message: message('cause.unit', lang, undefined as never) };
  }
  return undefined;
}

export function likelyCause(d: Diff, operands: { value: number; label: string }[], lang: Lang): Cause | undefined {
  if (d.verdict === 'rounding') return { kind: 'rounding', message: message('cause.rounding', lang, undefined as never) };
  const { stated, expected } = d;
  const unit = unitCause(stated, expected, lang);
  if (unit) return unit;
  const fmt = (v: number) => formatAmount(v, d.decimals);
  const a = digits(stated, d.decimals);
  const b = digits(expected, d.decimals);
  if (a.length === b.length && a !== b && Math.sign(stated) === Math.sign(expected)) {
    const diffAt = [...a].map((ch, i) => (ch === b[i] ? -1 : i)).filter((i) => i >= 0);
    if (diffAt.length === 2 && diffAt[1] === (diffAt[0] ?? 0) + 1 && a[diffAt[0] ?? 0] === b[diffAt[1] ?? 0] && a[diffAt[1] ?? 0] === b[diffAt[0] ?? 0]) {
      return { kind: 'transposed', message: message('cause.transposed', lang, { stated: fmt(stated), expected: fmt(expected) }) };
    }
    if (diffAt.length === 1) return { kind: 'digit', message: message('cause.digit', lang, { stated: fmt(stated), expected: fmt(expected) }) };
  }
  const diff = stated - expected;
  const half = 0.5 * 10 ** -d.decimals;
  const match = operands.find((o) => o.value !== 0 && Math.abs(Math.abs(diff) - Math.abs(o.value)) <= half * 2);
  if (match) {
    // stated = expected − X: the printed total leaves X out; stated = expected + X: X counted twice.
    if (diff < 0) return { kind: 'item-missing', message: message('cause.missing-item', lang, { item: match.label }) };
    return { kind: 'item-doubled', message: message('cause.doubled-item', lang, { item: match.label }) };
  }
  return undefined;
}

/** The difference is a carry-over figure (年初结转和结余 …) of the same unit: counted on one side only. */
export function carryOverCause(carries: { value: number; label: string }[], diff: number, half: number, lang: Lang): Cause | undefined {
  if (Math.abs(diff) <= half * 2) return undefined;
  const match = carries.find((c) => c.value !== 0 && Math.abs(Math.abs(c.value) - Math.abs(diff)) <= half * 2);
  return match ? { kind: 'carry-over', message: message('cause.carry-over', lang, { item: match.label }) } : undefined;
}

/** The printed figure is the one beside it (the row above or below, the next column): copied. */
export function neighbourCause(neighbours: { value: number; label: string }[], stated: number, expected: number, half: number, decimals: number, lang: Lang): Cause | undefined {
  if (stated === 0) return undefined;
  const match = neighbours.find((n) => Math.abs(n.value - stated) <= half && Math.abs(n.value - expected) > half * 2);
  return match ? { kind: 'neighbour', message: message('cause.neighbour', lang, { stated: formatAmount(stated, decimals), item: match.label }) } : undefined;
}
/** Where a finding's figure sits: table, row and column (the same cell in two findings gives the same key). */
function cellKey(w: Where): string {
  return `${w.table ?? ''}|${w.row?.code ?? ''}|${w.row?.label ?? ''}|${w.row?.lineNo ?? ''}|${w.column?.label ?? ''}|${w.column?.lineNo ?? ''}`;
}

/** Causes that say only what the digits look like: a finding explained by another is better told so. */
const WEAK = new Set(['digit', 'transposed', 'neighbour']);

/**
 * A total off by exactly what one of its items is off by against that item's own parts: the
 * error sits in the item (`20801 = Σ 项` off by 10 because `2080101`'s 合计 is 10 more than its
 * 基本 + 项目), and the total holds once the item is corrected. Set on the total's finding, in
 * place of a cause that only describes its digits.
 */
export function propagatedCauses(results: CheckResult[], lang: Lang): void {
  const byCell = new Map<string, CheckResult[]>();
  for (const r of results) {
    if (r.verdict !== 'discrepancy' || r.difference === null) continue;
    const w = r.where.find((x) => x.role === 'stated' && x.table);
    if (!w) continue;
    const k = cellKey(w);
    const list = byCell.get(k);
    if (list) list.push(r);
    else byCell.set(k, [r]);
  }
  if (byCell.size < 2) return;
  for (const r of results) {
    if (r.verdict !== 'discrepancy' || r.difference === null || (r.cause && !WEAK.has(r.cause.kind))) continue;
    const d = Math.abs(r.difference);
    for (const w of r.where) {
      if (w.role !== 'operand' || !w.table) continue;
      const other = byCell.get(cellKey(w))?.find((x) => x !== r && Math.abs(Math.abs(x.difference ?? 0) - d) <= 1e-6 * Math.max(1, d));
      if (!other) continue;
      r.cause = { kind: 'propagated', message: message('cause.propagated', lang, { item: w.label, difference: formatAmount(d, decimalsOf(d)) }) };
      break;
    }
  }
}

function decimalsOf(v: number): number {
  for (let k = 0; k <= 6; k++) if (Math.abs(v * 10 ** k - Math.round(v * 10 ** k)) < 1e-6) return Math.max(k, 2);
  return 6;
}
