/**
 * Reading numbers as printed. A printed amount is an interval: `24.36` stands for
 * [24.355, 24.365) because the tables round from 元. We keep the number of decimals
 * printed so the rounding model can widen tolerances accordingly.
 */
import { stripSpaces, toHalfWidth } from './normalize.ts';

/** How many 元 one of each money unit is. */
export const UNIT_FACTOR = { 元: 1, 万元: 10_000, 亿元: 100_000_000 } as const;

/** The factor of a unit word read from a text; undefined for anything but 元 / 万元 / 亿元. */
export function unitFactor(unit: string): number | undefined {
  return unit === '元' || unit === '万元' || unit === '亿元' ? UNIT_FACTOR[unit] : undefined;
}

export interface PrintedNumber {
  value: number;
  /** Decimals as printed (`40.5` → 1, `1,234.56` → 2, `120` → 0). */
  decimals: number;
  percent: boolean;
}

const BLANK = /^(?:-+|—+|－+|\/|无|空)$/;
const NUMBER = /^([-+]?)((?:\d{1,3}(?:,\d{3})+)|\d+)(?:\.(\d+))?(%?)$/;
const ASCII_NUMBER = /^[-+]?[\d,]+(?:\.\d+)?%?$/;
/** Cheap test: could this text be a number at all (digits, possibly full-width)? */
const MAYBE_NUMBER = /^[\s\u00a0\u3000]*[-+−－]?[\s\d０-９,，.．]*[\d０-９][\s\d０-９,，.．]*[%％]?[\s\u00a0\u3000]*$/;

/** True for the markers tables use for an empty cell: `-`, `—`, `— —`, `/`. */
const NOT_A_MARKER = /[^\s\u00a0\u3000\-—－–―─\/无空]/;

export function isBlankMarker(text: string): boolean {
  if (text.length === 0) return true;
  if (text.length > 12 || NOT_A_MARKER.test(text)) return false;
  const t = stripSpaces(toHalfWidth(text));
  return t === '' || BLANK.test(t);
}

/** A CJK ideograph: a text starting with one is no number (the common case of a label, told at once). */
function isIdeograph(code: number): boolean {
  return code >= 0x4e00 && code <= 0x9fff;
}

const numberCache = new Map<string, PrintedNumber | undefined>();

/** Parse a whole cell or token as a number; `undefined` when it is not one. */
export function parseNumber(text: string): PrintedNumber | undefined {
  if (text.length === 0 || text.length > 40 || isIdeograph(text.charCodeAt(0)) || !MAYBE_NUMBER.test(text)) return undefined;
  if (numberCache.has(text)) return numberCache.get(text);
  if (numberCache.size > 20_000) numberCache.clear();
  const parsed = parse(text);
  numberCache.set(text, parsed);
  return parsed;
}

function parse(text: string): PrintedNumber | undefined {
  const t = ASCII_NUMBER.test(text) ? text : stripSpaces(toHalfWidth(text));
  const m = NUMBER.exec(t);
  if (!m) return undefined;
  const digits = (m[2] ?? '').replace(/,/g, '');
  const frac = m[3] ?? '';
  const value = Number(`${m[1] === '-' ? '-' : ''}${digits}${frac ? `.${frac}` : ''}`);
  if (!Number.isFinite(value)) return undefined;
  return { value, decimals: frac.length, percent: m[4] === '%' };
}

/** Round half away from zero to `decimals` places, robust to binary artefacts. */
export function roundTo(value: number, decimals: number): number {
  const f = 10 ** decimals;
  const scaled = Math.abs(value) * f;
  const r = Math.floor(scaled + 0.5 + 1e-9);
  return (Math.sign(value) * r) / f;
}

/** Sum without accumulating binary error: work in integer units of 10^-6. */
export function exactSum(values: readonly number[]): number {
  let s = 0;
  for (const v of values) s += Math.round(v * 1e6);
  return s / 1e6;
}

/** Format a number the way Chinese tables print it: thousands separators, fixed decimals. */
export function formatAmount(value: number, decimals = 2): string {
  const neg = value < 0;
  const f = 10 ** decimals;
  // The rounded figure as an integer count of 10^-decimals; written digit by digit (toFixed is
  // slow, and this is called for every operand of every check).
  const units = Math.floor(Math.abs(value) * f + 0.5 + 1e-9);
  let fixed: string;
  if (Number.isSafeInteger(units) && Number.isInteger(decimals) && decimals >= 0 && decimals <= 15) {
    const digits = String(units).padStart(decimals + 1, '0');
    fixed = decimals > 0 ? `${digits.slice(0, digits.length - decimals)}.${digits.slice(digits.length - decimals)}` : digits;
  } else {
    fixed = roundTo(Math.abs(value), decimals).toFixed(decimals);
  }
  const dot = fixed.indexOf('.');
  const int = dot < 0 ? fixed : fixed.slice(0, dot);
  let grouped = '';
  for (let i = 0; i < int.length; i++) {
    if (i > 0 && (int.length - i) % 3 === 0) grouped += ',';
    grouped += int[i];
  }
  return `${neg ? '-' : ''}${grouped}${dot < 0 ? '' : fixed.slice(dot)}`;
}
