/**
 * DOM → RawDocument: the same code reads a live page in the browser and a saved page parsed
 * in Node (linkedom). Only a small structural subset of the DOM is used, so any conforming
 * implementation works and nothing here touches `window` or `document` globals.
 *
 * Tables: leaf <table>s (layout tables around them are walked as text), rowspan/colspan
 * expanded into a grid, <br> and block children kept as line breaks inside a cell (vertical
 * header text, one character per line, joins up when compacted). Title and unit come from
 * caption rows inside the table or the lines just above it; notes from the lines just below.
 * A table printed in two <table>s (a page break in Word) is joined back when the second one
 * has no title of its own and the same number of columns; a repeated header is dropped.
 *
 * Positions: every text line and table row gets a `line`, its place in reading order (text
 * lines and rows numbered as one sequence), and a `path` naming the element it came from
 * (`l17` a block of text, `t3.r2` a row, `t3.r2.c1` a cell), so findings can be shown on the
 * page. An untitled table of prose is also read as text, row by row.
 */
import type { RawCell, RawDocument, RawGridRow, RawLine, RawTable } from '../model/raw.ts';
import {
  isEmptyStatement,
  isFormulaLine,
  isNoteStart,
  isPreambleLine,
  isTableNoLine,
  isAnyTableTitle,
} from '../detect/lines.ts';
import { compact } from '../text/normalize.ts';

/** The part of the DOM we rely on (a structural type: browser DOM and linkedom both fit). */
export interface DomNode {
  nodeType: number;
  nodeName: string;
  nodeValue: string | null;
  firstChild: DomNode | null;
  nextSibling: DomNode | null;
  getAttribute?(name: string): string | null;
  getElementsByTagName?(name: string): ArrayLike<unknown>;
  querySelectorAll?(selectors: string): ArrayLike<DomNode>;
  textContent?: string | null;
  childElementCount?: number;
  firstElementChild?: DomNode | null;
  nextElementSibling?: DomNode | null;
}

export interface DomExtractOptions {
  name?: string;
  url?: string;
  /** Stop after this many table cells (bounded work on huge pages). */
  maxCells?: number;
  /**
   * Told of each node a path names: `t3` a table, `t3.r2` a row, `t3.r2.c1` a cell, `l17` the element whose
   * text gave line 17. The overlay uses it to find on the page what a finding points at.
   */
  onNode?: (path: string, node: DomNode) => void;
}

export const MAX_CELLS = 100_000;

/** Elements whose content is never page text (scripts, styles, embedded documents, our overlay). */
export const SKIP = new Set(['SCRIPT', 'STYLE', 'NOSCRIPT', 'TEMPLATE', 'SVG', 'IFRAME', 'OBJECT', 'HEAD', 'TITLE', 'BUDGET-LENS-OVERLAY']);
/** Elements that start a new line of text. */
export const BLOCK = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'LI', 'UL', 'OL', 'SECTION', 'ARTICLE', 'HEADER', 'FOOTER', 'BLOCKQUOTE', 'PRE', 'TR', 'CENTER', 'CAPTION', 'DL', 'DT', 'DD', 'FORM', 'TBODY', 'THEAD', 'TFOOT', 'MAIN', 'NAV', 'ASIDE', 'HR']);

function el(n: DomNode): string {
  return n.nodeName.toUpperCase();
}

/**
 * Does the element hold a <table>? Children are walked by firstChild / nextSibling throughout
 * this file: copying a live NodeList per node is by far the slowest way in a browser (more so
 * in a content script's world).
 */
export function containsTable(n: DomNode, depth = 0): boolean {
  if (n.getElementsByTagName) return n.getElementsByTagName('table').length > 0;
  if (depth > 64) return false;
  for (let c = n.firstChild; c; c = c.nextSibling) {
    if (c.nodeType !== 1) continue;
    if (el(c) === 'TABLE' || containsTable(c, depth + 1)) return true;
  }
  return false;
}

/** Text of a node with <br> and block boundaries as newlines. */
export function nodeText(n: DomNode, depth = 0): string {
  if (n.nodeType === 3) return n.nodeValue ?? '';
  if (n.nodeType !== 1 || depth > 64) return '';
  const name = el(n);
  if (SKIP.has(name)) return '';
  if (name === 'BR') return '\n';
  let out = '';
  for (let c = n.firstChild; c; c = c.nextSibling) out += nodeText(c, depth + 1);
  return BLOCK.has(name) || name === 'TD' || name === 'TH' ? `\n${out}\n` : out;
}

/** Elements that change a cell's text from its plain text content (line breaks, blocks, skipped content). */
let shapingSelector: string | undefined;
/** No shaping element inside `n` (looked at up to `budget.left` elements; more: not known, false). */
function onlyInline(n: DomNode, budget: { left: number }): boolean {
  for (let c = n.firstElementChild; c; c = c.nextElementSibling ?? null) {
    if (--budget.left < 0 || isShaping(c) || !onlyInline(c, budget)) return false;
  }
  return true;
}
function isShaping(n: DomNode): boolean {
  const name = el(n);
  return BLOCK.has(name) || SKIP.has(name) || name === 'TD' || name === 'TH' || name === 'BR';
}

/**
 * A cell's text: its lines (block and <br> boundaries), each with white space collapsed. Most
 * cells hold one run of text, perhaps in one paragraph (Word's <p><span>…</span></p>): for them
 * the element's text content says the same as walking its nodes, at one call instead of one
 * per node (in a browser, more so in a content script's world, each node touched costs).
 */
export function cellText(n: DomNode, walkAlways = false): string {
  if (!walkAlways && n.textContent !== undefined && n.childElementCount !== undefined) {
    // Checked element by element (a selector list of ~40 tags per cell costs several times more
    // in a browser): no element inside, or one element holding only inline ones (Word's <p><span>).
    const count = n.childElementCount;
    if (count === 0) return linesOf(n.textContent ?? '');
    const only = count === 1 ? n.firstElementChild : null;
    if (only && onlyInline(only, { left: 4 })) {
      if (!isShaping(only)) return linesOf(n.textContent ?? '');
      const all = n.textContent ?? '';
      if (BLOCK.has(el(only)) && (only.textContent ?? '').trim() === all.trim()) return linesOf(all);
      return linesOf(nodeText(n));
    }
  }
  if (!walkAlways && n.querySelectorAll && n.textContent !== undefined) {
    shapingSelector ??= [...BLOCK, ...SKIP, 'TD', 'TH', 'BR'].map((x) => x.toLowerCase()).join(',');
    const inner = n.querySelectorAll(shapingSelector);
    const all = n.textContent ?? '';
    if (inner.length === 0) return linesOf(all);
    const only = inner[0] as DomNode;
    // One block and nothing beside it but white space: its lines are the cell's.
    if (inner.length === 1 && BLOCK.has(el(only)) && (only.textContent ?? '').trim() === all.trim()) return linesOf(all);
  }
  return linesOf(nodeText(n));
}

function linesOf(text: string): string {
  return text
    .split('\n')
    .map((l) => l.replace(/[\s\u00a0\u3000]+/g, ' ').trim())
    .filter((l) => l !== '')
    .join('\n');
}

function span(n: DomNode, attr: string): number {
  const v = Number(n.getAttribute?.(attr) ?? '1');
  return Number.isFinite(v) && v >= 1 ? Math.min(Math.floor(v), 1000) : 1;
}

/** A table read into a grid, as the assembly step takes it (from a page or a PDF). */
export interface GridItem {
  kind: 'table';
  index: number;
  grid: RawGridRow[];
  width: number;
  read: boolean;
}
/** A line of text outside tables. */
export interface TextItem {
  kind: 'text';
  line: RawLine;
}
export type ExtractItem = GridItem | TextItem;

interface TableItem extends GridItem {
  node: DomNode;
  /** The table's <tr>s, found while walking; their cells are read afterwards (readTable). */
  rows: DomNode[];
  /** Reading-order number of the first row (rows are numbered where the table stands). */
  order: number;
}
type Item = TableItem | TextItem;

function collectRows(table: DomNode): DomNode[] {
  const rows: DomNode[] = [];
  const collect = (n: DomNode, depth: number) => {
    for (let c = n.firstChild; c; c = c.nextSibling) {
      if (c.nodeType !== 1) continue;
      const name = el(c);
      if (name === 'TR') rows.push(c);
      else if ((name === 'TBODY' || name === 'THEAD' || name === 'TFOOT') && depth < 2) collect(c, depth + 1);
    }
  };
  collect(table, 0);
  return rows;
}

/** Expand a <table> into a rectangular grid of cells (spans repeated, marked). */
function readTable(item: TableItem, budget: { cells: number }, onNode?: DomExtractOptions['onNode']): void {
  const { index, rows } = item;
  onNode?.(`t${index}`, item.node);
  const grid: (RawCell | undefined)[][] = [];
  const sources: RawGridRow['source'][] = [];
  rows.forEach((tr, r) => {
    grid[r] = grid[r] ?? [];
    sources[r] = { path: `t${index}.r${r}`, line: item.order + r };
    onNode?.(`t${index}.r${r}`, tr);
    let c = 0;
    let cellIndex = 0;
    for (let td = tr.firstChild; td; td = td.nextSibling) {
      if (td.nodeType !== 1) continue;
      const name = el(td);
      if (name !== 'TD' && name !== 'TH') continue;
      if (budget.cells <= 0) break;
      budget.cells--;
      const row = grid[r] as (RawCell | undefined)[];
      while (row[c]) c++;
      const text = cellText(td);
      const rs = span(td, 'rowspan');
      const cs = span(td, 'colspan');
      const source = { path: `t${index}.r${r}.c${cellIndex}` };
      onNode?.(source.path, td);
      for (let dr = 0; dr < rs && r + dr < rows.length; dr++) {
        const target = (grid[r + dr] = grid[r + dr] ?? []);
        for (let dc = 0; dc < cs; dc++) {
          target[c + dc] = { text, source, ...(dr > 0 ? { spanned: 'row' as const } : dc > 0 ? { spanned: 'col' as const } : {}) };
        }
      }
      c += cs;
      cellIndex++;
    }
  });
  const width = Math.max(0, ...grid.map((r) => r.length));
  item.grid = grid.map((r, i) => ({
    cells: Array.from({ length: width }, (_, c) => r[c] ?? { text: '', source: { path: `t${index}.r${i}` } }),
    source: sources[i] ?? { path: `t${index}.r${i}` },
  }));
  item.width = width;
  item.read = true;
}

interface WalkState {
  tables: number;
  lines: number;
  cells: number;
  /** Reading order: text lines and table rows are numbered as one sequence (`line`). */
  order: number;
  onNode?: DomExtractOptions['onNode'];
}

function walk(root: DomNode, items: Item[], state: WalkState, depth = 0): void {
  if (depth > 200) return;
  let buffer = '';
  const flush = () => {
    for (const l of buffer.split('\n')) {
      const t = l.replace(/[\s\u00a0\u3000]+/g, ' ').trim();
      if (!t) continue;
      const path = `l${state.lines++}`;
      state.onNode?.(path, root);
      items.push({ kind: 'text', line: { text: t, source: { path, line: ++state.order } } });
    }
    buffer = '';
  };
  for (let c = root.firstChild; c; c = c.nextSibling) {
    if (c.nodeType === 3) {
      buffer += c.nodeValue ?? '';
      continue;
    }
    if (c.nodeType !== 1) continue;
    const name = el(c);
    if (SKIP.has(name)) continue;
    if (name === 'TABLE' && !containsTable(c)) {
      flush();
      // A <caption> (the table's title, unit or number) is read as the lines just above it.
      for (let k = c.firstChild; k; k = k.nextSibling) if (k.nodeType === 1 && el(k) === 'CAPTION') walk(k, items, state, depth + 1);
      const rows = collectRows(c);
      items.push({ kind: 'table', index: state.tables++, node: c, rows, order: state.order + 1, grid: [], width: 0, read: false });
      state.order += rows.length;
      continue;
    }
    if (name === 'BR') {
      buffer += '\n';
      continue;
    }
    if (BLOCK.has(name) || name === 'TABLE' || name === 'TD' || name === 'TH' || containsTable(c)) {
      flush();
      walk(c, items, state, depth + 1);
      continue;
    }
    buffer += nodeText(c, depth + 1);
  }
  flush();
}

function rowText(row: RawGridRow): string {
  const seen = new Set<string>();
  return row.cells
    .filter((c) => !c.spanned)
    .map((c) => c.text)
    .filter((t) => t && !seen.has(t) && (seen.add(t), true))
    .join(' ');
}

function nonEmptyCells(row: RawGridRow): number {
  return row.cells.filter((c) => !c.spanned && compact(c.text) !== '').length;
}

/** A cell of running text: long, Chinese, more words than figures. */
const PROSE_CELL = 24;
function isProse(text: string): boolean {
  const t = text.trim();
  return t.length >= PROSE_CELL && /[\u4e00-\u9fff]{6}/.test(t) && t.replace(/\D/g, '').length * 3 < t.length;
}

/**
 * The rows of a table of prose as text lines, cells joined by tabs (the `n`th tab-separated
 * part is the row's `n`th cell of its own), as the text reader keeps such a grid.
 */
function proseLines(grid: RawGridRow[]): RawLine[] {
  if (!grid.some((row) => row.cells.some((c) => !c.spanned && isProse(c.text)))) return [];
  const out: RawLine[] = [];
  for (const row of grid) {
    const cells = row.cells.filter((c) => !c.spanned).map((c) => c.text.replace(/\s+/g, ' ').trim());
    if (cells.some((t) => t !== '')) out.push({ text: cells.join('\t'), source: row.source, start: true });
  }
  return out;
}

/**
 * Read a page. The walk finds text lines and tables in reading order; the tables' cells are
 * read after it, table by table, until the cell budget runs out.
 */
export function extractDom(root: DomNode, options: DomExtractOptions = {}): RawDocument {
  const { items, state } = walkPage(root, options);
  for (const it of items) if (it.kind === 'table' && state.cells > 0) readTable(it, state, options.onNode);
  return assembleItems(items, state.cells, options, 'html');
}

/**
 * The same reading, pausing between tables whenever `slice` milliseconds have passed (the
 * browser's main thread stays responsive on large pages). Same result as extractDom.
 */
export async function extractDomInSlices(
  root: DomNode,
  options: DomExtractOptions & { now: () => number; pause: () => Promise<void>; slice: number },
): Promise<RawDocument> {
  let start = options.now();
  const { items, state } = walkPage(root, options);
  for (const it of items) {
    if (it.kind !== 'table' || state.cells <= 0) continue;
    if (options.now() - start > options.slice) {
      await options.pause();
      start = options.now();
    }
    readTable(it, state, options.onNode);
  }
  // Joining the tables and lines up starts a task of its own when this one is half used.
  if (options.now() - start > options.slice / 2) await options.pause();
  return assembleItems(items, state.cells, options, 'html');
}

function walkPage(root: DomNode, options: DomExtractOptions): { items: Item[]; state: WalkState } {
  const items: Item[] = [];
  const state: WalkState = { tables: 0, lines: 0, order: 0, cells: options.maxCells ?? MAX_CELLS, onNode: options.onNode };
  walk(root, items, state);
  return { items, state };
}

/**
 * Items in reading order → RawDocument: each table's title, table number and unit from caption
 * rows or the lines just above it, its notes from the lines just below, a table continued in a
 * second grid (a page break) joined to the first, untitled prose tables also read as text.
 * Shared by the page reader, the PDF reader and the workbook reader.
 */
export function assembleItems(all: ExtractItem[], cellsLeft: number, options: { name?: string; url?: string; maxCells?: number }, format: 'html' | 'pdf' | 'spreadsheet'): RawDocument {
  // Tables past the cell budget were not read: they are left out.
  const items = all.filter((it) => it.kind === 'text' || it.read);
  const issues: RawDocument['issues'] = [];
  if (cellsLeft <= 0) issues.push({ code: 'cells-truncated', message: `only the first ${options.maxCells ?? MAX_CELLS} table cells were read` });

  const tables: RawTable[] = [];
  const text: RawLine[] = [];
  const consumed = new Set<number>();
  const proseOf = new Map<number, RawLine[]>();
  let lastTable: RawTable | undefined;
  let lastTableWidth = 0;
  let textSinceTable = 0;
  for (let i = 0; i < items.length; i++) {
    const it = items[i] as ExtractItem;
    if (it.kind === 'text') {
      textSinceTable++;
      continue;
    }
    // Caption rows inside the table: a single cell with the title, the unit, the table number.
    const grid = it.grid.slice();
    let title: RawLine | undefined;
    const preamble: RawLine[] = [];
    while (grid.length && nonEmptyCells(grid[0] as RawGridRow) <= 2) {
      const t = rowText(grid[0] as RawGridRow);
      const src = (grid[0] as RawGridRow).source;
      if (!title && isAnyTableTitle(t)) title = { text: t, source: src };
      else if (isPreambleLine(t) || /单位[:：]/.test(t) || isTableNoLine(t)) preamble.push({ text: t, source: src });
      else break;
      grid.shift();
    }
    // Lines just above: title, table number, unit.
    for (let j = i - 1, n = 0; j >= 0 && n < 4; j--) {
      const prev = items[j] as ExtractItem;
      if (prev.kind !== 'text' || consumed.has(j)) break;
      const t = prev.line.text;
      if (!title && isAnyTableTitle(t)) {
        title = prev.line;
        consumed.add(j);
      } else if (isPreambleLine(t) || /单位[:：]\s*(?:亿元|万元|元)/.test(t)) {
        preamble.unshift(prev.line);
        consumed.add(j);
      } else break;
      n++;
    }
    // A continuation: no title, right after the previous table, same width.
    const continues = !title && preamble.length === 0 && lastTable && textSinceTable === 0 && it.width === lastTableWidth;
    // An untitled table of prose (work items and their results) is read as text too, as
    // the text reader does with a tab grid that has no title: one line per prose cell.
    if (!title && preamble.length === 0 && !(continues && lastTable?.title)) {
      const lines = proseLines(grid);
      if (lines.length) proseOf.set(i, lines);
    }
    if (continues && lastTable) {
      const header = lastTable.grid.slice(0, 3).map((r) => rowText(r));
      lastTable.grid.push(...grid.filter((r, k) => !(k < 3 && header.includes(rowText(r)))));
    }
    // Lines just below: notes, formulas, empty-table statements.
    const tail: RawLine[] = [];
    let inNote = false;
    for (let j = i + 1; j < items.length; j++) {
      const next = items[j] as ExtractItem;
      if (next.kind !== 'text') break;
      const t = next.line.text;
      if (isAnyTableTitle(t) || isTableNoLine(t)) break;
      if (isNoteStart(t) || isFormulaLine(t) || isEmptyStatement(t)) inNote = true;
      else if (!(inNote && /^\d+[.、]\D/.test(compact(t)) && t.length < 80)) break;
      tail.push(next.line);
      consumed.add(j);
    }
    if (continues && lastTable) {
      lastTable.tail.push(...tail);
      continue;
    }
    const table: RawTable = {
      index: tables.length,
      layout: 'grid',
      alignedCells: true,
      title,
      preamble,
      grid,
      stream: [],
      tail,
      source: { path: `t${it.index}`, line: it.grid[0]?.source.line, ...(it.grid[0]?.source.page ? { page: it.grid[0].source.page } : {}) },
    };
    tables.push(table);
    lastTable = table;
    lastTableWidth = it.width;
    textSinceTable = 0;
  }
  items.forEach((it, i) => {
    if (it.kind === 'text' && !consumed.has(i)) text.push(it.line);
    else text.push(...(proseOf.get(i) ?? []));
  });
  return { format, name: options.name, url: options.url, tables, text, issues };
}
