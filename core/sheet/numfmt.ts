/**
 * A spreadsheet cell's number as the sheet shows it. A workbook stores full precision
 * (1234.5678) and prints it through a number format (`#,##0.00` → 1,234.57); the published
 * figure is the printed one, so that is what the engine reads, with the decimals the format
 * gives — the rounding model then works on the table as readers see it.
 *
 * Handled: the built-in formats of Excel, and format codes made of digit placeholders
 * (0 # ?), a decimal point, thousands commas, percent, scaling commas, sections for positive;
 * negative;zero (a zero section without placeholders prints its literal, often nothing).
 * Dates and scientific formats are shown as General: a budget table holds neither.
 */

import { formatAmount } from '../text/numbers.ts';

const BUILTIN: Record<number, string> = {
  0: 'General',
  1: '0',
  2: '0.00',
  3: '#,##0',
  4: '#,##0.00',
  9: '0%',
  10: '0.00%',
  37: '#,##0 ;(#,##0)',
  38: '#,##0 ;[Red](#,##0)',
  39: '#,##0.00;(#,##0.00)',
  40: '#,##0.00;[Red](#,##0.00)',
  49: '@',
};

export function builtinFormat(id: number): string {
  return BUILTIN[id] ?? 'General';
}

/** Sections of a format code, split at `;` outside quotes and brackets. */
function sections(code: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < code.length; i++) {
    const ch = code[i] as string;
    if (ch === '\\' && !quoted) {
      cur += ch + (code[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    else if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
      continue;
    }
    cur += ch;
  }
  out.push(cur);
  return out;
}

/** The format without quoted text, escaped characters, brackets and padding (`_)`, `*-`). */
function skeleton(section: string): string {
  return section
    .replace(/"[^"]*"/g, '')
    .replace(/\\./g, '')
    .replace(/\[[^\]]*\]/g, '')
    .replace(/[_*]./g, '');
}

/** The literal text of a section: quoted and escaped characters, and plain ones that are not placeholders. */
function literal(section: string): string {
  let out = '';
  for (let i = 0; i < section.length; i++) {
    const ch = section[i] as string;
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      out += section.slice(i + 1, end < 0 ? undefined : end);
      i = end < 0 ? section.length : end;
    } else if (ch === '\\') out += section[++i] ?? '';
    else if (ch === '_' || ch === '*') i++;
    else if (ch === '[') i = Math.max(i, section.indexOf(']', i));
    else if (!/[0#?.,%@]/.test(ch)) out += ch;
  }
  return out.trim();
}

function general(value: number): string {
  if (value === 0) return '0';
  const abs = Math.abs(value);
  if (abs >= 1e11 || abs < 1e-9) return String(value);
  // Excel's General shows at most 11 characters of digits.
  const digits = Math.max(0, 10 - Math.floor(Math.log10(abs)));
  return String(Number(value.toFixed(Math.min(digits, 15))));
}

/** The text a cell holding `value` shows under the format `code`. */
export function formatNumber(value: number, code: string): string {
  if (!Number.isFinite(value)) return '';
  const secs = sections(code || 'General');
  let sec = secs[0] ?? 'General';
  // A negative section prints its own sign or brackets; the figure stays negative (`-`).
  if (value < 0 && secs.length >= 2 && secs[1] !== undefined) sec = secs[1];
  else if (value === 0 && secs.length >= 3 && secs[2] !== undefined) {
    sec = secs[2];
  }
  const sk = skeleton(sec);
  const dateOrScientific = /[yYdDhHsS]|[eE][+-]/.test(sk) || (/[mM]/.test(sk) && !/[0#?]/.test(sk));
  if (/general/i.test(sk) || sk.trim() === '@' || dateOrScientific) return general(value);
  // A section without placeholders prints its literal text (a zero shown as `-` or as nothing);
  // so does a zero under `?` placeholders only (accounting formats: `_ * "-"??_ `).
  if (!/[0#?]/.test(sk) || (value === 0 && !/[0#]/.test(sk))) return literal(sec);
  const percent = sk.includes('%');
  // Commas right after the last placeholder scale by a thousand each.
  const scaleCommas = /[0#?](,+)(?![0#?])/.exec(sk)?.[1]?.length ?? 0;
  const dot = sk.indexOf('.');
  const fracPart = dot >= 0 ? sk.slice(dot + 1) : '';
  const decimals = (fracPart.match(/[0#?]/g) ?? []).length;
  const intPart = dot >= 0 ? sk.slice(0, dot) : sk;
  const grouping = /[0#?],[0#?]/.test(intPart);
  // Rounded and grouped as the tables print amounts; a figure that rounds to zero has no sign.
  let text = formatAmount((Math.abs(value) * (percent ? 100 : 1)) / 1000 ** scaleCommas, decimals);
  if (!grouping) text = text.replace(/,/g, '');
  if (text.startsWith('0') && !/0/.test(intPart.replace(/,/g, '')) && text.length > 1) text = text.slice(1); // `#.00` → `.50`
  const sign = value < 0 && /[1-9]/.test(text) ? '-' : '';
  return `${sign}${text}${percent ? '%' : ''}`;
}
