/**
 * Text laid out by position (as `pdftotext -layout` prints a PDF): a table row is one line, its
 * cells apart by runs of spaces, and a label wrapped in its cell prints its pieces on the lines
 * above and below the line that holds the row's figures. Here: telling such a table, joining
 * the wrapped pieces back to their row, and reading columns from where the figures sit. Each
 * page is laid out on its own, so positions are only compared within the header's page.
 */
import type { RawLine } from '../model/raw.ts';
import type { Column, SourceRef } from '../model/schemas.ts';
import { cellGaps } from '../detect/lines.ts';
import { labelKey, toHalfWidth } from '../text/normalize.ts';
import { makeColumn } from './columns.ts';
import type { DraftRow } from './draft.ts';

/** A row read from a stream table: what readStream and the positional helpers share. */
export interface StreamRecord {
  code?: string;
  label: string[];
  /** The source line of each piece of the label (PDF text). */
  labelLines?: (number | undefined)[];
  /** The line of a code printed under the first part of the record's name (PDF text). */
  codeUnderName?: number;
  lineNo?: number;
  values: { text: string; source: SourceRef; end?: number }[];
  source: SourceRef;
}

const FIGURE = /\d/;
/** An amount as tables print it: the first line holding one starts a laid-out table's body. */
export const AMOUNT = /\d\.\d{1,2}(?!\d)/;

/** Most lines with figures hold runs of spaces between cells: the table was laid out by position. */
export function isLaidOut(lines: RawLine[]): boolean {
  let gaps = 0;
  let figures = 0;
  for (const l of lines) {
    if (!FIGURE.test(l.text)) continue;
    figures++;
    if (cellGaps(l.text) > 0) gaps++;
  }
  return gaps >= 3 && gaps * 2 >= figures;
}

/**
 * Rows printed a line each with single spaces (pdfplumber, pdftotext without positions), a label
 * centred on its figures wrapping above and below them: a line of a code and figures only,
 * between two lines of words only.
 */
export function hasCentredWraps(lines: RawLine[]): boolean {
  let n = 0;
  for (let k = 1; k + 1 < lines.length; k++) {
    const t = (lines[k]?.text ?? '').replace(/^\f/, '').trim();
    if (!/^\d{3,}\s+[-−\d,.\s]*\d\.\d+$/.test(t)) continue;
    if (FIGURE.test(lines[k - 1]?.text ?? '') || FIGURE.test(lines[k + 1]?.text ?? '')) continue;
    if (++n >= 2) return true;
  }
  return false;
}

interface Chunk {
  col: number;
  text: string;
}

function chunksOf(line: string): Chunk[] {
  const out: Chunk[] = [];
  const text = line.replace(/^\f/, '');
  for (const m of text.matchAll(/\S+(?: \S+)*/g)) out.push({ col: m.index ?? 0, text: m[0] });
  return out;
}


/**
 * Join each wrapped label's pieces to the line with its row's figures. Lines with no digit, in
 * a run of lines without a blank between them, belong to a line with figures of the run: above
 * the first, to it; after the last, to it; between two, as many to the upper one as it had
 * above it (a label centred on its figures wraps as much below as above) — or all of them when
 * it had none and the lower one has a label of its own (a label wrapped under its first line),
 * the rest to the lower one. `positional`: pieces go to the cell at their own position (text
 * laid out by position); else around the label between the line's code and its figures.
 */
export function reflow(lines: RawLine[], positional = true): RawLine[] {
  const out: RawLine[] = [];
  let i = 0;
  while (i < lines.length) {
    // a run: consecutive source lines
    let j = i + 1;
    while (j < lines.length && (lines[j]?.source.line ?? 0) === (lines[j - 1]?.source.line ?? 0) + 1 && !lines[j]?.text.startsWith('\f')) j++;
    const run = lines.slice(i, j);
    const anchors = run.map((l, k) => (FIGURE.test(l.text) ? k : -1)).filter((k) => k >= 0);
    if (anchors.length === 0 || anchors.length === run.length) out.push(...run);
    else {
      const before = new Map<number, number[]>(anchors.map((k) => [k, []]));
      const after = new Map<number, number[]>(anchors.map((k) => [k, []]));
      const first = anchors[0] as number;
      for (let k = 0; k < first; k++) before.get(first)?.push(k);
      // Names centred on their row (some rows print a code and figures only, pieces above and
      // below): a row printing part of its name between pieces takes the last piece above it too.
      const bare = (k: number) => !hasLabel(run[k]?.text ?? '') && k > 0 && k + 1 < run.length && !FIGURE.test(run[k - 1]?.text ?? '') && !FIGURE.test(run[k + 1]?.text ?? '');
      const centred = !positional && anchors.some(bare);
      anchors.forEach((a, n) => {
        const b = anchors[n + 1];
        const group = [...Array((b ?? run.length) - a - 1).keys()].map((x) => a + 1 + x);
        if (b === undefined) {
          after.get(a)?.push(...group);
          return;
        }
        const above = before.get(a)?.length ?? 0;
        let take = above > 0 ? Math.min(group.length, above) : hasLabel(run[b]?.text ?? '') ? group.length : 0;
        const piecesBelowB = b + 1 < run.length && !FIGURE.test(run[b + 1]?.text ?? '');
        if (centred && above === 0 && take === group.length && group.length > 0 && piecesBelowB) take = group.length - 1;
        if (take === group.length && take > 0 && !hasLabel(run[b]?.text ?? '')) take--;
        after.get(a)?.push(...group.slice(0, take));
        before.get(b)?.push(...group.slice(take));
      });
      for (const k of anchors) {
        const line = run[k] as RawLine;
        const pieces = (ks: number[]) => ks.map((x) => run[x] as RawLine);
        const text = positional
          ? joinByPosition(line.text, pieces(before.get(k) ?? []), pieces(after.get(k) ?? []))
          : joinAroundLabel(line.text, pieces(before.get(k) ?? []), pieces(after.get(k) ?? []));
        out.push({ ...line, text });
      }
    }
    i = j;
  }
  return out;
}

/** A line with figures that prints some of its label too (not only a code and figures). */
function hasLabel(text: string): boolean {
  return /[^\s\d,.\-−%]/.test(text.replace(/^\f/, '').replace(/^\s*\d{3,}(?:[A-Z]+\d+)?(?=\s)/, ''));
}

/** Pieces above (nearest last) and below, each joined to the cell at its position. */
function joinByPosition(line: string, above: RawLine[], below: RawLine[]): string {
  const into = chunksOf(line);
  const add = (l: RawLine, front: boolean) => {
    for (const piece of chunksOf(l.text)) {
      const same = into.find((c) => !FIGURE.test(c.text) && Math.abs(c.col - piece.col) <= 2);
      if (same) same.text = front ? piece.text + same.text : same.text + piece.text;
      else into.push({ ...piece });
    }
  };
  for (const l of [...above].reverse()) add(l, true);
  for (const l of below) add(l, false);
  return placed(into);
}

/** `208 1,300.00 1,300.00` with `社会保障和就业支` above and `出` below → `208 社会保障和就业支出 1,300.00 1,300.00`. */
function joinAroundLabel(line: string, above: RawLine[], below: RawLine[]): string {
  const t = line.replace(/^\f/, '').trim();
  const code = /^(\d{3,}(?:[A-Z]+\d+)?)\s+/.exec(t);
  const rest = code ? t.slice(code[0].length) : t;
  const figures = /(?:\s*[-−]?[\d,]+(?:\.\d+)?%?)+\s*$/.exec(rest);
  const label = figures ? rest.slice(0, figures.index) : rest;
  const words = (ls: RawLine[]) => ls.map((l) => l.text.trim()).join('');
  return [code?.[1] ?? '', `${words(above)}${label.trim()}${words(below)}`, figures?.[0].trim() ?? ''].filter(Boolean).join(' ');
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

/** Chunks written back at their positions (a longer joined label pushes what follows to its right). */
function placed(chunks: Chunk[]): string {
  let line = '';
  for (const c of chunks.sort((a, b) => a.col - b.col)) {
    const at = line === '' ? c.col : Math.max(c.col, line.length + 3);
    line = line.padEnd(at) + c.text;
  }
  return line;
}

/**
 * The value columns of a table laid out by position that prints no 栏次 numbers: where its
 * figures end (right-aligned, in every row the same), each named by the header words above
 * it — the nearest the column's own label, a word over several columns their group. `hint`
 * gives each figure its column. Undefined when the figures do not line up.
 */
export function columnsByPosition(header: RawLine[], rows: DraftRow[], allRecords: StreamRecord[], nextPage: number): Column[] | undefined {
  // positions hold on one page only (each page is laid out on its own): the header's page
  const records = allRecords.map((r) => ((r.source.line ?? 0) < nextPage ? r : { ...r, values: [] }));
  const ends: number[] = [];
  for (const r of records) for (const v of r.values) if (v.end !== undefined && v.text.includes('.')) ends.push(v.end);
  if (ends.length < 4) return undefined;
  ends.sort((a, b) => a - b);
  // clusters of right edges, two characters apart at most; a column holds at least two figures
  const groups: number[][] = [];
  for (const e of ends) {
    const g = groups[groups.length - 1];
    if (g && e - (g[g.length - 1] ?? 0) <= 2) g.push(e);
    else groups.push([e]);
  }
  const cols = groups.filter((g) => g.length >= 2).map((g) => ({ lo: g[0] ?? 0, hi: g[g.length - 1] ?? 0, width: 0 }));
  if (cols.length === 0) return undefined;
  const columnOf = (end: number) => cols.findIndex((c) => end >= c.lo - 1 && end <= c.hi + 1);
  // each amount in a column, or the layout is not trusted (a whole number outside them is a code)
  for (const r of records) for (const v of r.values) if (columnOf(v.end ?? -1) < 0 && v.text.includes('.')) return undefined;
  for (const r of records) for (const v of r.values) {
    const c = cols[columnOf(v.end ?? -1)];
    if (c) c.width = Math.max(c.width, v.text.length);
  }
  // header words over each column's span [hi − width, hi]
  // a word starts where it is printed and is as wide as it shows: a CJK character is two columns
  const words = header.flatMap((l, line) => chunksOf(toHalfWidth(l.text)).map((c) => ({ ...c, line, end: c.col + displayWidth(c.text) })));
  const spans = cols.map((c, i) => ({ lo: Math.max(c.lo - c.width, i > 0 ? (cols[i - 1]?.hi ?? 0) + 1 : 0), hi: c.hi }));
  const centre = (lo: number, hi: number) => (lo + hi) / 2;
  // each word over the column whose middle is nearest its own, if it lies over the column at all
  const header2 = words.filter((w) => !FIGURE.test(w.text)).map((w) => {
    const mid = centre(w.col, w.end);
    let best = -1;
    let dist = Infinity;
    spans.forEach((sp, i) => {
      const d = Math.abs(centre(sp.lo, sp.hi) - mid);
      if (w.col <= sp.hi && w.end > sp.lo && d < dist) [best, dist] = [i, d];
    });
    return { ...w, mid, column: best };
  });
  const paths: string[][] = cols.map(() => []);
  for (const w of header2.sort((a, b) => a.line - b.line)) {
    if (w.column < 0) continue;
    // a word heads a group of columns when it is printed centred over them and each of them has
    // its own words under it: the fewest such columns whose middle is the word's
    const below = new Set(header2.filter((x) => x.line > w.line && x.column >= 0).map((x) => x.column));
    let [a, b] = [w.column, w.column];
    let size = Infinity;
    for (let x = w.column; x >= 0 && below.has(x); x--) {
      for (let y = Math.max(x + 1, w.column); y < spans.length && below.has(y); y++) {
        const off = Math.abs(centre(spans[x]?.lo ?? 0, spans[y]?.hi ?? 0) - w.mid);
        if (off <= 3 && y - x < size) [a, b, size] = [x, y, y - x];
      }
    }
    for (let i = a; i <= b; i++) paths[i]?.push(w.text);
  }
  // a header printed one character a line (`政` / `府` / `性` …) is one word
  for (const p of paths) {
    for (let k = p.length - 1; k > 0; k--) {
      if ((p[k] ?? '').length <= 2 && (p[k - 1] ?? '').length <= 2) p.splice(k - 1, 2, `${p[k - 1]}${p[k]}`);
    }
  }
  if (paths.some((p) => p.length === 0)) return undefined;
  rows.forEach((row, i) => {
    const r = records[i];
    const at = r?.values.map((v) => columnOf(v.end ?? -1)) ?? [];
    if (at.length && at.length === row.values.length && at.every((c) => c >= 0)) row.values.forEach((v, k) => (v.hint = at[k]));
  });
  return paths.map((p, i) => makeColumn(i, p));
}

/**
 * The sides of the records of a two-sided table laid out by position that prints no 行次: of
 * two labels on one line the first is income and the second expense; a label alone says its
 * side (`…支出`, `支出总计`, `年终结转结余`).
 */
export function sidesOfCells(records: StreamRecord[]): Map<StreamRecord, 'income' | 'expense'> {
  const byLine = new Map<number | undefined, StreamRecord[]>();
  for (const r of records) {
    if (!r.label.length) continue;
    const list = byLine.get(r.source.line) ?? [];
    list.push(r);
    byLine.set(r.source.line, list);
  }
  const sides = new Map<StreamRecord, 'income' | 'expense'>();
  for (const r of records) {
    const line = byLine.get(r.source.line) ?? [];
    if (line.length >= 2) sides.set(r, line[0] === r ? 'income' : 'expense');
    else sides.set(r, /支出|结余分配|年末|年终/.test(labelKey(r.label.join(''))) ? 'expense' : 'income');
  }
  return sides;
}

/**
 * Text laid out by position keeps each figure under its column: the 栏次 numbers mark where
 * the columns are. A row's figures whose spacing matches one choice of columns — and only
 * one — suggest that choice to the solver (which still tests it against every identity). The
 * line's start may be shifted (a wide label before the figures), so a single figure is placed
 * by the shift most rows of the table show, and several by their spacing alone.
 */
export function hintPositions(rows: DraftRow[], records: StreamRecord[], columns: Column[], numbersLine: string, nextPage: number): void {
  const positions = [...toHalfWidth(numbersLine).matchAll(/\d+/g)].map((m) => (m.index ?? 0) + m[0].length);
  if (positions.length !== columns.length) return;
  const TOLERANCE = 2;
  const fits: Array<{ row: DraftRow; ends: number[]; sideStart: number; side: number[] }> = [];
  rows.forEach((row, i) => {
    const r = records[i];
    const ends = r?.values.map((v) => v.end ?? -1) ?? [];
    if (!r || (r.source.line ?? 0) >= nextPage) return;
    if (!ends.length || ends.some((e) => e < 0) || ends.length !== row.values.length) return;
    if (new Set(r?.values.map((v) => v.source.line)).size !== 1) return;
    const sideIdx = columns.map((c, k) => (row.side === undefined || c.side === row.side ? k : -1)).filter((k) => k >= 0);
    fits.push({ row, ends, sideStart: sideIdx[0] ?? 0, side: sideIdx.map((k) => positions[k] ?? 0) });
  });
  // Each choice of increasing columns whose offsets agree within the tolerance.
  const choices = (ends: number[], side: number[]): Array<{ cols: number[]; shift: number }> => {
    const out: Array<{ cols: number[]; shift: number }> = [];
    const walk = (i: number, from: number, cols: number[], lo: number, hi: number) => {
      if (out.length > 50) return;
      if (i === ends.length) {
        out.push({ cols: cols.slice(), shift: Math.round((lo + hi) / 2) });
        return;
      }
      for (let c = from; c < side.length; c++) {
        const off = (ends[i] ?? 0) - (side[c] ?? 0);
        const [l, h] = [Math.min(lo, off), Math.max(hi, off)];
        if (h - l > TOLERANCE) continue;
        cols.push(c);
        walk(i + 1, c + 1, cols, l, h);
        cols.pop();
      }
    };
    walk(0, 0, [], Infinity, -Infinity);
    return out;
  };
  // The table's usual shift, from rows whose spacing leaves one choice.
  const shifts = new Map<number, number>();
  const unique = new Map<DraftRow, number[]>();
  for (const f of fits) {
    if (f.ends.length < 2) continue;
    const c = choices(f.ends, f.side);
    if (c.length !== 1) continue;
    unique.set(f.row, c[0]?.cols ?? []);
    shifts.set(c[0]?.shift ?? 0, (shifts.get(c[0]?.shift ?? 0) ?? 0) + 1);
  }
  let usual: number | undefined;
  let most = 0;
  for (const [sh, n] of shifts) if (n > most) [usual, most] = [sh, n];
  for (const f of fits) {
    let cols = unique.get(f.row);
    if (!cols && usual !== undefined) {
      const near = choices(f.ends, f.side).filter((c) => Math.abs(c.shift - usual) <= TOLERANCE);
      if (near.length === 1) cols = near[0]?.cols;
    }
    if (!cols) continue;
    f.row.values.forEach((v, i) => (v.hint = f.sideStart + (cols?.[i] ?? 0)));
  }
}
