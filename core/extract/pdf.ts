/**
 * PDF pages (positioned text items and the rectangles the page draws) → RawDocument.
 *
 *   tables, lattice: the page's ruling lines (thin filled or stroked rectangles) grouped into
 *     grids; x and y positions of the rules give the columns and rows, a missing rule between
 *     two grid cells makes them one cell (a colspan or rowspan); every text item goes to the cell
 *     its centre falls in, the lines of a cell joined with newlines;
 *   tables, laid out: a document that draws no rules on any page but prints tables is written
 *     out as text laid out by position (as `pdftotext -layout` prints it) and read by the text
 *     reader (extract/text.ts, normalize/laid-out.ts), each line keeping its page and boxes;
 *   tables, stream: on the rule-less pages of a document with rules elsewhere, runs of lines
 *     split by wide gaps into several chunks are a table; its columns are the gaps that hold
 *     across all its rows (Tabula's stream method); a line with fewer chunks puts each where it
 *     overlaps a column;
 *   text: the other items grouped into lines by baseline, in reading order; page numbers at
 *     the top or bottom of a page dropped (they would cut a table continued on the next page).
 *
 * The result goes through the same assembly as a web page (titles, units, notes, a table
 * continued over a page break joined, its repeated header dropped): every table and narrative
 * check applies unchanged. Positions are kept: `onBox` is told the box of every table, row,
 * cell and text line by its path (`t3`, `t3.r2`, `t3.r2.c1`, `l17`), `onLine` the pieces of a
 * line (character offsets → boxes), so findings can be drawn on the rendered pages.
 *
 * Pure: no pdf.js here (see core/pdf/read.ts), no DOM, no I/O.
 */
import type { RawCell, RawDocument, RawGridRow } from '../model/raw.ts';
import { assembleItems, type ExtractItem, type GridItem } from './dom.ts';
import { MAX_CELLS } from './dom.ts';
import { extractText } from './text.ts';
import { isPageMarker } from '../detect/lines.ts';
import type { SourceRef } from '../model/schemas.ts';

/** A text item in PDF user space: `x`, `y` of its baseline's start (y up), width and height. */
export interface PdfTextItem {
  str: string;
  x: number;
  y: number;
  w: number;
  h: number;
}

/** The bounding box of a filled or stroked path, in PDF user space (y up). */
export interface PdfRect {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfPage {
  /** 1-based. */
  number: number;
  width: number;
  height: number;
  items: PdfTextItem[];
  rects: PdfRect[];
}

/** A box on a page, top-left origin, in PDF points. */
export interface PdfBox {
  page: number;
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface PdfExtractOptions {
  name?: string;
  url?: string;
  maxCells?: number;
  onBox?: (path: string, box: PdfBox) => void;
  /** The pieces of a text line (a cell's text or a line outside tables): offsets in its text → boxes. */
  onLine?: (path: string, pieces: { start: number; end: number; box: PdfBox }[]) => void;
}

// ── geometry helpers (top-left coordinates from here on) ────────────────────────────────

interface Item {
  str: string;
  left: number;
  right: number;
  top: number;
  bottom: number;
  /** Baseline, top-left coordinates. */
  base: number;
  size: number;
}

interface Seg {
  /** Horizontal: y, from x1 to x2. Vertical: x, from y1 to y2. */
  at: number;
  from: number;
  to: number;
}

const RULE = 2.5;
const MIN_RULE = 4;
const TOL = 2;

function toItems(page: PdfPage): Item[] {
  const out: Item[] = [];
  for (const it of page.items) {
    if (!it.str) continue;
    const size = Math.max(1, Math.abs(it.h) || 8);
    const base = page.height - it.y;
    out.push({ str: it.str, left: it.x, right: it.x + Math.max(0, it.w), top: base - size, bottom: base, base, size });
  }
  return out;
}

function rules(page: PdfPage): { h: Seg[]; v: Seg[] } {
  const h: Seg[] = [];
  const v: Seg[] = [];
  for (const r of page.rects) {
    const x = Math.min(r.x, r.x + r.w);
    const w = Math.abs(r.w);
    const yTop = page.height - Math.max(r.y, r.y + r.h);
    const hh = Math.abs(r.h);
    if (hh <= RULE && w >= MIN_RULE) h.push({ at: yTop + hh / 2, from: x, to: x + w });
    else if (w <= RULE && hh >= MIN_RULE) v.push({ at: x + w / 2, from: yTop, to: yTop + hh });
    else if (w > MIN_RULE && hh > MIN_RULE && (r as { stroke?: boolean }).stroke) {
      // A stroked rectangle: its four sides.
      h.push({ at: yTop, from: x, to: x + w }, { at: yTop + hh, from: x, to: x + w });
      v.push({ at: x, from: yTop, to: yTop + hh }, { at: x + w, from: yTop, to: yTop + hh });
    }
  }
  return { h, v };
}

/** Values within `tol` of each other, as one (their mean), sorted. */
function cluster(values: number[], tol = TOL): number[] {
  const sorted = Float64Array.from(values).sort();
  const out: number[] = [];
  let group: number[] = [];
  for (const v of sorted) {
    if (group.length && v - (group[group.length - 1] as number) > tol) {
      out.push(group.reduce((a, b) => a + b, 0) / group.length);
      group = [];
    }
    group.push(v);
  }
  if (group.length) out.push(group.reduce((a, b) => a + b, 0) / group.length);
  return out;
}

class UnionFind {
  private p: Int32Array;
  constructor(n: number) {
    this.p = new Int32Array(n);
    for (let i = 0; i < n; i++) this.p[i] = i;
  }
  find(i: number): number {
    while (this.p[i] !== i) {
      const up = this.p[this.p[i] as number] as number;
      this.p[i] = up;
      i = up;
    }
    return i;
  }
  union(a: number, b: number): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra !== rb) this.p[Math.max(ra, rb)] = Math.min(ra, rb);
  }
}

/**
 * For each grid line (a clustered position), the stretches its segments cover: every segment
 * within TOL of the line, widened by TOL at both ends, merged and sorted.
 */
function lineCover(segs: Seg[], lines: number[]): number[][] {
  const per: Seg[][] = lines.map(() => []);
  for (const s of segs) {
    for (let k = lowerBound(lines, s.at - TOL); k < lines.length && (lines[k] as number) <= s.at + TOL; k++) per[k]?.push(s);
  }
  return per.map((on) => {
    sortSmall(on, (x, y) => x.from - y.from);
    const merged: number[] = []; // pairs: start, end
    for (const s of on) {
      const a = s.from - TOL;
      const b = s.to + TOL;
      const n = merged.length;
      if (n && a <= (merged[n - 1] as number)) merged[n - 1] = Math.max(merged[n - 1] as number, b);
      else merged.push(a, b);
    }
    return merged;
  });
}

/** How much of [from, to] a line's covered stretches (from `lineCover`) cover, as a fraction. */
function coverage(merged: number[], from: number, to: number): number {
  const len = to - from;
  if (len <= 0) return 1;
  let covered = 0;
  for (let k = 0; k < merged.length; k += 2) {
    const a = Math.max(from, merged[k] as number);
    const b = Math.min(to, merged[k + 1] as number);
    if (b > a) covered += b - a;
  }
  return covered / len;
}

// ── lattice: grids from ruling lines ───────────────────────────────────────────────────

export interface Region {
  xs: number[];
  ys: number[];
  /** Per grid cell (row-major), the id of the merged cell it belongs to. */
  owner: number[];
  left: number;
  top: number;
  right: number;
  bottom: number;
}

export function latticeRegions(page: PdfPage): Region[] {
  const { h, v } = rules(page);
  if (h.length < 2 || v.length < 2) return [];
  // Segments that touch belong to one table (union-find over h, then v).
  const uf = new UnionFind(h.length + v.length);
  // A horizontal and a vertical segment touch when they cross (within TOL). The verticals are
  // put in buckets of a coarse grid over the page; each horizontal looks in the buckets it
  // passes through.
  let maxX = 0;
  let maxY = 0;
  for (const b of v) {
    maxX = Math.max(maxX, b.at);
    maxY = Math.max(maxY, b.to);
  }
  const cols = cell(maxX + TOL) + 1;
  const buckets: (number[] | undefined)[] = new Array(cols * (cell(maxY + TOL) + 1));
  for (let j = 0; j < v.length; j++) {
    const b = v[j] as Seg;
    for (let gy = cell(b.from - TOL); gy <= cell(b.to + TOL); gy++) {
      for (let gx = cell(b.at - TOL); gx <= cell(b.at + TOL); gx++) {
        const list = buckets[gy * cols + gx];
        if (list) list.push(j);
        else buckets[gy * cols + gx] = [j];
      }
    }
  }
  for (let i = 0; i < h.length; i++) {
    const a = h[i] as Seg;
    for (let gy = cell(a.at - TOL); gy <= cell(a.at + TOL); gy++) {
      if (gy * cols >= buckets.length) break;
      for (let gx = cell(a.from - TOL); gx <= Math.min(cols - 1, cell(a.to + TOL)); gx++) {
        const list = buckets[gy * cols + gx];
        if (!list) continue;
        for (const j of list) {
          const b = v[j] as Seg;
          if (b.at >= a.from - TOL && b.at <= a.to + TOL && a.at >= b.from - TOL && a.at <= b.to + TOL) uf.union(i, h.length + j);
        }
      }
    }
  }
  const groups = new Map<number, { h: Seg[]; v: Seg[] }>();
  for (let i = 0; i < h.length + v.length; i++) {
    const r = uf.find(i);
    let g = groups.get(r);
    if (!g) groups.set(r, (g = { h: [], v: [] }));
    if (i < h.length) g.h.push(h[i] as Seg);
    else g.v.push(v[i - h.length] as Seg);
  }
  const out: Region[] = [];
  const boxes: { left: number; right: number; top: number; bottom: number }[] = [];
  // Largest first: a group inside another's box is part of that table.
  const found = [...groups.values()].filter((g) => g.h.length >= 2 && g.v.length >= 2);
  const extent = (g: { h: Seg[]; v: Seg[] }) => (Math.max(...g.h.map((s) => s.to)) - Math.min(...g.h.map((s) => s.from))) * (Math.max(...g.v.map((s) => s.to)) - Math.min(...g.v.map((s) => s.from)));
  const extents = new Map(found.map((g) => [g, extent(g)]));
  found.sort((a, b) => (extents.get(b) as number) - (extents.get(a) as number));
  for (const group of found) {
    // The group's box; every rule inside it belongs to the table, touching the others or not
    // (the border between two cells that both span several rows touches no horizontal rule).
    const box = {
      left: Math.min(...group.h.map((s) => s.from)) - TOL,
      right: Math.max(...group.h.map((s) => s.to)) + TOL,
      top: Math.min(...group.v.map((s) => s.from)) - TOL,
      bottom: Math.max(...group.v.map((s) => s.to)) + TOL,
    };
    if (boxes.some((b) => box.left >= b.left && box.right <= b.right && box.top >= b.top && box.bottom <= b.bottom)) continue;
    boxes.push(box);
    const g = {
      h: h.filter((s) => s.at >= box.top && s.at <= box.bottom && s.from >= box.left - TOL && s.to <= box.right + TOL),
      v: v.filter((s) => s.at >= box.left && s.at <= box.right && s.from >= box.top - TOL && s.to <= box.bottom + TOL),
    };
    const ys = cluster(g.h.map((s) => s.at));
    const xs = cluster(g.v.map((s) => s.at));
    if (ys.length < 2 || xs.length < 2) continue;
    const rows = ys.length - 1;
    const cols = xs.length - 1;
    if (rows * cols > 200_000) continue;
    const cells = new UnionFind(rows * cols);
    const hCover = lineCover(g.h, ys);
    const vCover = lineCover(g.v, xs);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const y0 = ys[i] as number;
        const y1 = ys[i + 1] as number;
        const x0 = xs[j] as number;
        const x1 = xs[j + 1] as number;
        if (j + 1 < cols && coverage(vCover[j + 1] as number[], y0, y1) < 0.5) cells.union(i * cols + j, i * cols + j + 1);
        if (i + 1 < rows && coverage(hCover[i + 1] as number[], x0, x1) < 0.5) cells.union(i * cols + j, (i + 1) * cols + j);
      }
    }
    out.push({
      xs,
      ys,
      owner: ownersOf(cells, rows * cols),
      left: xs[0] as number,
      right: xs[cols] as number,
      top: ys[0] as number,
      bottom: ys[rows] as number,
    });
  }
  return out.sort((a, b) => a.top - b.top || a.left - b.left);
}

/** A position's bucket on the coarse grid of the crossing test (16 pt; pages are < 4096 buckets wide). */
const cell = (x: number) => Math.max(0, Math.min(4095, Math.floor(x / 16)));

/** The first index of sorted `xs` whose value is ≥ v. */
function lowerBound(xs: number[], v: number): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function ownersOf(cells: UnionFind, n: number): number[] {
  const out: number[] = new Array(n);
  for (let k = 0; k < n; k++) out[k] = cells.find(k);
  return out;
}

/** How wide a character prints, in half-widths: CJK and full-width forms take two. */
function charWeight(c: string): number {
  const code = c.charCodeAt(0);
  return (code >= 0x2e80 && code <= 0x9fff) || (code >= 0xf900 && code <= 0xfaff) || (code >= 0xff00 && code <= 0xffef) || (code >= 0x3000 && code <= 0x303f) ? 2 : 1;
}

/**
 * An item whose characters stand in several columns of a ruled table (some PDF writers join the
 * text of neighbouring cells on one baseline into one run: `行次 金` over the 行次 and 金额 cells),
 * cut where its characters' centres cross a column's edge. Widths are estimated per character.
 */
function splitAtColumns(it: Item, xs: number[]): Item[] {
  const n = it.str.length;
  // Most items stand well inside one column: nothing to measure.
  if (n < 2 || indexIn(xs, it.left + 1) === indexIn(xs, it.right - 1)) return [it];
  const weights = Array.from(it.str, charWeight);
  const total = weights.reduce((a, b) => a + b, 0);
  const unit = (it.right - it.left) / total;
  const centres: number[] = [];
  let at = it.left;
  for (const w of weights) {
    centres.push(at + (w * unit) / 2);
    at += w * unit;
  }
  const cols = centres.map((x) => indexIn(xs, x));
  if (cols.every((c) => c === cols[0])) return [it];
  const out: Item[] = [];
  let start = 0;
  let left = it.left;
  for (let k = 1; k <= n; k++) {
    if (k < n && cols[k] === cols[start]) continue;
    const width = weights.slice(start, k).reduce((a, b) => a + b, 0) * unit;
    const str = it.str.slice(start, k);
    if (str.trim() !== '') out.push({ ...it, str: str.trim(), left: left + (str.length - str.trimStart().length) * unit, right: left + width });
    left += width;
    start = k;
  }
  return out;
}

function indexIn(edges: number[], v: number): number {
  // The interval [edges[k], edges[k+1]) holding v, or -1.
  let lo = 0;
  let hi = edges.length - 2;
  if (v < (edges[0] as number) || v > (edges[edges.length - 1] as number)) return -1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if ((edges[mid] as number) <= v) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

// ── lines of text ─────────────────────────────────────────────────────────────────────

interface Line {
  items: Item[];
  text: string;
  pieces: { start: number; end: number; item: Item }[];
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** Sorts in place; by insertion for the few items of a cell (no work array, no comparator calls to spare). */
function sortSmall<T>(xs: T[], cmp: (a: T, b: T) => number): T[] {
  if (xs.length > 12) return xs.sort(cmp);
  for (let i = 1; i < xs.length; i++) {
    const x = xs[i] as T;
    let j = i - 1;
    while (j >= 0 && cmp(xs[j] as T, x) > 0) {
      xs[j + 1] = xs[j] as T;
      j--;
    }
    xs[j + 1] = x;
  }
  return xs;
}

/** Items → lines by baseline, left to right; whitespace runs collapsed, as a page's lines are. */
const SPACE_RUNS = /[\s\u00a0\u3000]+/g;

function toLines(items: Item[]): Line[] {
  if (items.length === 0) return [];
  if (items.length === 1) {
    // One item (most cells): one line, as the general path below makes it.
    const it = items[0] as Item;
    const s = it.str.replace(SPACE_RUNS, ' ').trimStart();
    const text = s.trimEnd();
    if (!text) return [];
    return [{ items: [it], text, pieces: [{ start: 0, end: s.length, item: it }], left: it.left, right: it.right, top: it.top, bottom: it.bottom }];
  }
  const sorted = sortSmall(items.slice(), (a, b) => a.base - b.base || a.left - b.left);
  const lines: Item[][] = [];
  for (const it of sorted) {
    const last = lines[lines.length - 1];
    const ref = last?.[0];
    if (last && ref && Math.abs(it.base - ref.base) <= Math.max(1.5, 0.35 * Math.min(it.size, ref.size))) last.push(it);
    else lines.push([it]);
  }
  const out: Line[] = [];
  for (const group of lines) {
    sortSmall(group, (a, b) => a.left - b.left);
    let text = '';
    const pieces: Line['pieces'] = [];
    let prev: Item | undefined;
    for (const it of group) {
      let s = it.str.replace(SPACE_RUNS, ' ');
      // A gap wider than a character between two items is a space.
      if (prev && text && !text.endsWith(' ') && !s.startsWith(' ') && it.left - prev.right > 0.8 * Math.min(it.size, prev.size)) text += ' ';
      if (text.endsWith(' ') && s.startsWith(' ')) s = s.slice(1);
      if (!text && s.startsWith(' ')) s = s.trimStart();
      if (s) {
        const start = text.length;
        text += s;
        if (s.trim()) pieces.push({ start, end: text.length, item: it });
      }
      prev = it;
    }
    const trimmed = text.trimEnd();
    if (!trimmed) continue;
    let left = Infinity;
    let right = -Infinity;
    let top = Infinity;
    let bottom = -Infinity;
    for (const i of group) {
      if (i.left < left) left = i.left;
      if (i.right > right) right = i.right;
      if (i.top < top) top = i.top;
      if (i.bottom > bottom) bottom = i.bottom;
    }
    out.push({ items: group, text: trimmed, pieces, left, right, top, bottom });
  }
  return out;
}

/**
 * The text's left edge on a page: the smallest x at which at least three lines start (a
 * paragraph's indented first line starts further right; a page of one-line paragraphs has its
 * lines all indented, and then no edge is known).
 */
function leftMargin(lines: Line[]): number | undefined {
  const lefts = lines.map((l) => l.left).sort((a, b) => a - b);
  for (let i = 0; i + 2 < lefts.length; i++) {
    if ((lefts[i + 2] as number) - (lefts[i] as number) <= 1.5) return lefts[i];
  }
  return undefined;
}

/** A page number in the page's top or bottom margin: the markers of any text, or a bare number. */
const PAGE_NUMBER = { test: (t: string) => isPageMarker(t) || /^\d{1,4}$/.test(t) };

/**
 * A cell's lines as its text: a line that reaches the cell's right edge (that of its longest
 * line) wrapped, and goes on
 * in the next without a break (a space between two Latin letters or digits… only between
 * words); a shorter line ended where the author ended it (a newline, as <br> gives on a page).
 */
function joinLines(lines: Line[], right: number): { text: string; starts: number[] } {
  let text = '';
  const starts: number[] = [];
  // The cell's inner right edge: where its longest line ends (padding is unknown).
  const edge = Math.min(right, Math.max(...lines.map((l) => l.right)));
  lines.forEach((l, n) => {
    const t = l.text.trim();
    const prev = lines[n - 1];
    if (prev) {
      const wrapped = prev.right >= edge - 1.5 * (prev.bottom - prev.top);
      text += !wrapped ? '\n' : /[A-Za-z]$/.test(text) && /^[A-Za-z]/.test(t) ? ' ' : '';
    }
    starts.push(text.length);
    text += t;
  });
  return { text, starts };
}

// ── stream: tables from gaps that hold across rows ──────────────────────────────────────

interface Chunk {
  left: number;
  right: number;
  items: Item[];
}

/** A line's items split where the gap is wider than about two characters. */
function chunksOf(line: Line): Chunk[] {
  const out: Chunk[] = [];
  for (const it of line.items) {
    if (!it.str.trim()) continue;
    const last = out[out.length - 1];
    if (last && it.left - last.right < 2 * it.size) {
      last.items.push(it);
      last.right = Math.max(last.right, it.right);
    } else out.push({ left: it.left, right: it.right, items: [it] });
  }
  return out;
}

interface StreamTable {
  lines: Line[];
  /** Column boundaries (left edges of columns 1…n-1). */
  cuts: number[];
}

/** Runs of at least three lines of two or more chunks, with columns that hold across them. */
function streamTables(lines: Line[]): StreamTable[] {
  const out: StreamTable[] = [];
  let run: Line[] = [];
  const flush = () => {
    if (run.length >= 3) {
      const t = streamColumns(run);
      if (t) out.push(t);
    }
    run = [];
  };
  for (const l of lines) {
    const n = chunksOf(l).length;
    const prev = run[run.length - 1];
    const near = !prev || l.top - prev.bottom < 2.5 * (prev.bottom - prev.top);
    if (n >= 2 && near) run.push(l);
    else if (n === 1 && run.length && near && /\d/.test(l.text)) run.push(l);
    else {
      flush();
      if (n >= 2) run.push(l);
    }
  }
  flush();
  return out;
}

function streamColumns(lines: Line[]): StreamTable | undefined {
  // x ranges covered by a chunk in any line; the gaps between are the columns' boundaries.
  const spans = lines.flatMap((l) => chunksOf(l).map((c) => [c.left, c.right] as [number, number]));
  spans.sort((a, b) => a[0] - b[0]);
  const cuts: number[] = [];
  let end = spans[0]?.[1] ?? 0;
  for (const [a, b] of spans.slice(1)) {
    if (a > end + 2) cuts.push((a + end) / 2);
    end = Math.max(end, b);
  }
  if (cuts.length === 0) return undefined;
  return { lines, cuts };
}

/**
 * Give two parts of one table (split by a page break) the same columns: the union of their
 * rule positions, when their outer edges agree and the union adds at most two columns to
 * either. Each part's cells are re-mapped (a cell over a new boundary spans both sides).
 */
export function unifyColumns(a: Region, b: Region): boolean {
  const first = (r: Region) => r.xs[0] as number;
  const last = (r: Region) => r.xs[r.xs.length - 1] as number;
  if (Math.abs(first(a) - first(b)) > 3 * TOL || Math.abs(last(a) - last(b)) > 3 * TOL) return false;
  const xs = cluster([...a.xs, ...b.xs], TOL);
  if (xs.length === a.xs.length && xs.length === b.xs.length) return true;
  if (xs.length > a.xs.length + 2 || xs.length > b.xs.length + 2) return false;
  for (const r of [a, b]) regrid(r, xs);
  return true;
}

function regrid(r: Region, xs: number[]): void {
  const oldCols = r.xs.length - 1;
  const cols = xs.length - 1;
  const rows = r.ys.length - 1;
  const owner: number[] = [];
  for (let i = 0; i < rows; i++) {
    for (let j = 0; j < cols; j++) {
      const mid = ((xs[j] as number) + (xs[j + 1] as number)) / 2;
      const old = Math.max(0, Math.min(oldCols - 1, indexIn(r.xs, mid)));
      owner.push(r.owner[i * oldCols + old] as number);
    }
  }
  r.xs = xs;
  r.owner = owner;
  r.left = xs[0] as number;
  r.right = xs[cols] as number;
}

// ── the reader ─────────────────────────────────────────────────────────────────────────

interface Block {
  top: number;
  /** A ruled table. */
  region?: Region;
  emit: () => void;
}

/** A cell to emit; a spanned slot points at the cell it repeats (`of`), whose path is known once emitted. */
interface GridCell {
  text: string;
  lines: Line[];
  /** Where each of `lines` starts in `text`. */
  starts?: number[];
  box: PdfBox;
  span?: RawCell['spanned'];
  of?: GridCell;
  path?: string;
}

/** Every cell made with the same fields in the same order (one object shape: cells are many). */
function gridCell(text: string, starts: number[] | undefined, lines: Line[], box: PdfBox, span?: RawCell['spanned'], of?: GridCell): GridCell {
  return { text, lines, starts, box, span, of, path: undefined };
}

// ── tables without rules: the pages laid out as text ─────────────────────────────────────

const boxOf = (page: number, l: number, t: number, r: number, b: number): PdfBox => ({ page, x: l, y: t, w: Math.max(0, r - l), h: Math.max(0, b - t) });

/** A page's lines as text laid out by position, and where each piece of each line is. */
interface LaidOutLine {
  text: string;
  page: number;
  box: PdfBox;
  pieces: { start: number; end: number; box: PdfBox }[];
}

/**
 * Each line written as `pdftotext -layout` prints it: an item starts at the character column
 * of its left edge (a column is half the document's usual font size, the same on every page),
 * items apart by more than 0.8 of a character at least two spaces apart (a cell's edge), by
 * less one space or none; lines further apart than two of their heights have a blank line
 * between. A page after the first starts with a form feed.
 */
function layOutPages(pages: PdfPage[]): LaidOutLine[] {
  const out: LaidOutLine[] = [];
  const itemsOf = pages.map(toItems);
  // One column width for the whole document, so that a table continued on the next page keeps its columns.
  const sizes = itemsOf.flat().map((i) => i.size).sort((a, b) => a - b);
  const unit = (sizes[sizes.length >> 1] ?? 10) / 2;
  pages.forEach((page, k) => {
    const lines = toLines(itemsOf[k] ?? []).filter((l) => !(PAGE_NUMBER.test(l.text.trim()) && (l.top < page.height * 0.08 || l.bottom > page.height * 0.92)));
    const feed = k > 0 ? '\f' : '';
    if (lines.length === 0 && feed) out.push({ text: feed, page: page.number, box: boxOf(page.number, 0, 0, 0, 0), pieces: [] });
    lines.forEach((l, n) => {
      const before = lines[n - 1];
      // Lines further apart than two of their own heights: a blank line between (a table's rows,
      // padded, are; a cell's wrapped lines and a paragraph's are not).
      if (before && l.bottom - before.bottom > 2 * Math.min(l.bottom - l.top, before.bottom - before.top)) out.push({ text: '', page: page.number, box: boxOf(page.number, l.left, before.bottom, l.left, before.bottom), pieces: [] });
      const lead = n === 0 ? feed : '';
      let text = lead;
      const pieces: LaidOutLine['pieces'] = [];
      let prev: Item | undefined;
      for (const it of l.items) {
        const str = it.str.replace(SPACE_RUNS, ' ').trim();
        if (!str) continue;
        let pad = Math.max(0, Math.round(it.left / unit) - (text.length - lead.length));
        if (prev) {
          const gap = it.left - prev.right;
          const size = Math.min(it.size, prev.size);
          pad = gap > 0.8 * size ? Math.max(pad, 2) : gap > 0.2 * size ? 1 : 0;
        }
        text += ' '.repeat(pad);
        pieces.push({ start: text.length, end: text.length + str.length, box: boxOf(page.number, it.left, it.top, it.right, it.bottom) });
        text += str;
        prev = it;
      }
      out.push({ text, page: page.number, box: boxOf(page.number, l.left, l.top, l.right, l.bottom), pieces });
    });
  });
  return out;
}

/**
 * A document whose pages draw no rules but print tables (columns apart by gaps) read by the
 * text reader as laid-out text: it joins labels wrapped above and below their figures and
 * places figures by where they end under the header, which cutting lines into chunks cannot.
 * Every line keeps its page and boxes: line `n` is the path `ln`, a table its `tk`.
 */
function extractLaidOut(pages: PdfPage[], options: PdfExtractOptions): RawDocument {
  const lines = layOutPages(pages);
  const raw = extractText(lines.map((l) => l.text).join('\n'), { name: options.name, url: options.url });
  /** A source gets its page; a line also its path (`l` and its number) and its boxes. */
  const place = (source: SourceRef | undefined, line = false): void => {
    const l = source?.line !== undefined ? lines[source.line - 1] : undefined;
    if (!source || !l) return;
    source.page = l.page;
    if (!line) return;
    source.path = `l${source.line}`;
    options.onBox?.(source.path, l.box);
    if (l.pieces.length) options.onLine?.(source.path, l.pieces);
  };
  for (const t of raw.tables) {
    for (const l of [...(t.title ? [t.title] : []), ...t.preamble, ...t.stream, ...t.tail]) place(l.source, true);
    for (const r of t.grid) place(r.source);
    place(t.source);
    // The table's box: its lines on the page it starts on.
    const own = lines.slice((t.source.line ?? 1) - 1, t.source.endLine ?? t.source.line).filter((l) => l.page === t.source.page && l.pieces.length);
    if (own.length) {
      t.source.path = `t${t.index}`;
      const left = Math.min(...own.map((l) => l.box.x));
      const top = Math.min(...own.map((l) => l.box.y));
      const right = Math.max(...own.map((l) => l.box.x + l.box.w));
      const bottom = Math.max(...own.map((l) => l.box.y + l.box.h));
      options.onBox?.(t.source.path, boxOf(t.source.page ?? 1, left, top, right, bottom));
    }
  }
  for (const l of raw.text) place(l.source, true);
  for (const i of raw.issues) place(i.source);
  return { ...raw, format: 'pdf' };
}

export function extractPdf(pages: PdfPage[], options: PdfExtractOptions = {}): RawDocument {
  // Pages that draw no rules at all but print tables: read as laid-out text.
  const regionsOf = pages.map(latticeRegions);
  if (regionsOf.every((r) => r.length === 0) && pages.some((p) => streamTables(toLines(toItems(p))).length > 0)) return extractLaidOut(pages, options);
  const items: ExtractItem[] = [];
  const budget = { cells: options.maxCells ?? MAX_CELLS };
  let order = 0;
  let tables = 0;
  let lineNo = 0;
  const pieceBoxes = (page: number, line: Line) =>
    line.pieces.map((p) => ({ start: p.start, end: p.end, box: boxOf(page, p.item.left, p.item.top, p.item.right, p.item.bottom) }));

  // 1. Each page's blocks in reading order.
  const perPage: Block[][] = [];
  pages.forEach((page, n) => {
    const all = toItems(page);
    const regions = regionsOf[n] ?? [];
    const inRegion = (it: Item) => {
      const cx = (it.left + it.right) / 2;
      const cy = (it.top + it.bottom) / 2;
      return regions.findIndex((r) => cx >= r.left - 1 && cx <= r.right + 1 && cy >= r.top - 1 && cy <= r.bottom + 1);
    };
    const byRegion = regions.map(() => [] as Item[]);
    const free: Item[] = [];
    for (const it of all) {
      const k = inRegion(it);
      if (k >= 0) byRegion[k]?.push(it);
      else free.push(it);
    }
    let lines = toLines(free);
    // Page numbers at the top or bottom of the page.
    lines = lines.filter((l) => !(PAGE_NUMBER.test(l.text.trim()) && (l.top < page.height * 0.08 || l.bottom > page.height * 0.92)));
    const margin = leftMargin(lines);
    const blocks: Block[] = [];
    regions.forEach((r, k) => {
      const inside = byRegion[k] ?? [];
      blocks.push({ top: r.top, region: r, emit: () => emitLattice(page.number, r, inside) });
    });
    const streams = streamTables(lines);
    const inStream = new Set(streams.flatMap((t) => t.lines));
    for (const t of streams) blocks.push({ top: t.lines[0]?.top ?? 0, emit: () => emitStream(page.number, t) });
    for (const l of lines) if (!inStream.has(l)) blocks.push({ top: l.top, emit: () => emitLine(page.number, l, margin) });
    blocks.sort((a, b) => a.top - b.top);
    perPage.push(blocks);
  });
  // 2. A table that ends one page and one that starts the next, with the same columns give or
  //    take a few: one table over a page break. Both get the union of their columns, so that
  //    the assembly joins them (same width, nothing between).
  for (let p = 0; p + 1 < perPage.length; p++) {
    const a = perPage[p]?.at(-1)?.region;
    const b = perPage[p + 1]?.[0]?.region;
    if (a && b) unifyColumns(a, b);
  }
  // 3. Emit.
  for (const blocks of perPage) for (const b of blocks) b.emit();
  return assembleItems(items, budget.cells, options, 'pdf');

  function emitLine(page: number, l: Line, margin: number | undefined): void {
    const path = `l${lineNo++}`;
    options.onBox?.(path, boxOf(page, l.left, l.top, l.right, l.bottom));
    options.onLine?.(path, pieceBoxes(page, l));
    const size = l.bottom - l.top;
    // Indented from the text's left edge by more than a character: a paragraph's first line.
    const start = margin !== undefined && l.left > margin + 1.2 * size;
    items.push({ kind: 'text', line: { text: l.text, source: { path, line: ++order, page }, ...(start ? { start } : {}) } });
  }

  function emitGrid(page: number, rowsOfCells: GridCell[][], box: PdfBox): void {
    const index = tables++;
    const t: GridItem = { kind: 'table', index, grid: [], width: 0, read: budget.cells > 0 };
    if (!t.read) {
      items.push(t);
      return;
    }
    options.onBox?.(`t${index}`, box);
    const grid: RawGridRow[] = [];
    rowsOfCells.forEach((row, r) => {
      const rowPath = `t${index}.r${r}`;
      const cells: RawCell[] = [];
      let k = 0;
      let left = Infinity;
      let right = -Infinity;
      let top = Infinity;
      let bottom = -Infinity;
      for (const c of row) {
        if (c.span) {
          cells.push({ text: c.text, spanned: c.span, source: { path: c.of?.path ?? rowPath, page } });
          continue;
        }
        if (budget.cells <= 0) {
          cells.push({ text: '', source: { path: rowPath, page } });
          continue;
        }
        budget.cells--;
        const path = `${rowPath}.c${k++}`;
        c.path = path;
        options.onBox?.(path, c.box);
        if (options.onLine) {
          // The cell's lines as one text: offsets continue across its lines (joined by newlines).
          const pieces: { start: number; end: number; box: PdfBox }[] = [];
          c.lines.forEach((l, n) => {
            const offset = c.starts?.[n] ?? 0;
            for (const p of pieceBoxes(page, l)) pieces.push({ start: p.start + offset, end: p.end + offset, box: p.box });
          });
          if (pieces.length) options.onLine(path, pieces);
        }
        cells.push({ text: c.text, source: { path, page } });
        left = Math.min(left, c.box.x);
        right = Math.max(right, c.box.x + c.box.w);
        top = Math.min(top, c.box.y);
        bottom = Math.max(bottom, c.box.y + c.box.h);
      }
      if (Number.isFinite(left)) options.onBox?.(rowPath, boxOf(page, left, top, right, bottom));
      grid.push({ cells, source: { path: rowPath, line: ++order, page } });
    });
    t.grid = grid;
    t.width = Math.max(0, ...grid.map((r) => r.cells.length));
    items.push(t);
  }

  function emitLattice(page: number, r: Region, inside: Item[]): void {
    const rows = r.ys.length - 1;
    const cols = r.xs.length - 1;
    // Text of each merged cell (by its owner: a grid index, see latticeRegions).
    let ids = r.owner.length;
    for (const o of r.owner) if (o >= ids) ids = o + 1;
    const textOf: (Item[] | undefined)[] = new Array(ids);
    for (const it of inside.flatMap((x) => splitAtColumns(x, r.xs))) {
      const i = indexIn(r.ys, (it.top + it.bottom) / 2);
      const j = indexIn(r.xs, (it.left + it.right) / 2);
      if (i < 0 || j < 0 || i >= rows || j >= cols) continue;
      const owner = r.owner[i * cols + j] as number;
      const list = textOf[owner];
      if (list) list.push(it);
      else textOf[owner] = [it];
    }
    // Bounds of each merged cell: first row and column, last row and column.
    const bounds = new Int32Array(4 * ids).fill(-1);
    for (let i = 0; i < rows; i++) {
      for (let j = 0; j < cols; j++) {
        const o = 4 * (r.owner[i * cols + j] as number);
        if (bounds[o] === -1) {
          bounds[o] = i;
          bounds[o + 1] = j;
        }
        bounds[o + 2] = Math.max(bounds[o + 2] as number, i);
        bounds[o + 3] = Math.max(bounds[o + 3] as number, j);
      }
    }
    const out: GridCell[][] = [];
    const made: (GridCell | undefined)[] = new Array(ids);
    for (let i = 0; i < rows; i++) {
      // A sliver between two rules drawn close together is no row.
      if ((r.ys[i + 1] as number) - (r.ys[i] as number) < 2) continue;
      const row: GridCell[] = [];
      for (let j = 0; j < cols; j++) {
        if ((r.xs[j + 1] as number) - (r.xs[j] as number) < 2) continue;
        const o = r.owner[i * cols + j] as number;
        const [i0, j0, i1, j1] = [bounds[4 * o] as number, bounds[4 * o + 1] as number, bounds[4 * o + 2] as number, bounds[4 * o + 3] as number];
        const first = made[o];
        if (first) {
          row.push(gridCell(first.text, undefined, [], first.box, i0 === i ? 'col' : 'row', first));
          continue;
        }
        const lines = toLines(textOf[o] ?? []);
        const box = boxOf(page, r.xs[j0] as number, r.ys[i0] as number, r.xs[j1 + 1] as number, r.ys[i1 + 1] as number);
        const joined = joinLines(lines, box.x + box.w);
        const cell = gridCell(joined.text, joined.starts, lines, box);
        made[o] = cell;
        row.push(cell);
      }
      if (row.length) out.push(row);
    }
    emitGrid(page, out, boxOf(page, r.left, r.top, r.right, r.bottom));
  }

  function emitStream(page: number, t: StreamTable): void {
    const cols = t.cuts.length + 1;
    const colOf = (x: number) => t.cuts.filter((c) => c <= x).length;
    const rows: GridCell[][] = [];
    let left = Infinity;
    let right = -Infinity;
    for (const l of t.lines) {
      const cells: Item[][] = Array.from({ length: cols }, () => []);
      for (const ch of chunksOf(l)) for (const it of ch.items) cells[colOf((ch.left + ch.right) / 2)]?.push(it);
      rows.push(
        cells.map((its) => {
          const lines = toLines(its);
          const l0 = its.length ? Math.min(...its.map((i) => i.left)) : 0;
          const r0 = its.length ? Math.max(...its.map((i) => i.right)) : 0;
          left = Math.min(left, l0 || Infinity);
          right = Math.max(right, r0);
          const joined = joinLines(lines, Infinity);
          return gridCell(joined.text, joined.starts, lines, boxOf(page, l0, l.top, r0, l.bottom));
        }),
      );
    }
    const top = t.lines[0]?.top ?? 0;
    const bottom = t.lines[t.lines.length - 1]?.bottom ?? 0;
    emitGrid(page, rows, boxOf(page, Number.isFinite(left) ? left : 0, top, right, bottom));
  }
}
