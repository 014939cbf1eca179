/**
 * Plain text → RawDocument. Two layouts are recognised, table by table:
 *
 * - grid: rows of tab-separated cells (documents converted from Word or spreadsheets);
 * - stream: text extracted from a PDF with the columns flattened into space-separated
 *   tokens over several lines. The tokens are kept as lines; normalisation rebuilds rows.
 *
 * Nothing is interpreted here: no numbers, units or roles. A table is a title line followed
 * by a body (grid rows or token lines); notes, formulas and empty-table statements under it
 * form its tail. Every other line is narrative text.
 */
import type { RawDocument, RawGridRow, RawLine, RawTable } from '../model/raw.ts';
import {
  cellGaps,
  columnNumbersOf,
  isContinuationLine,
  isContinuedTitle,
  isEmptyStatement,
  isFormulaLine,
  isNoteStart,
  isPreambleLine,
  isPageMarker,
  isPreambleRow,
  isProseLine,
  isSectionBreak,
  isTableNoLine,
  isAnyTableTitle,
  isTableTitle,
  isNumberedTableTitle,
  introducesTable,
} from '../detect/lines.ts';
import { compact, toHalfWidth } from '../text/normalize.ts';

/** Inputs beyond this many lines are cut, with an issue (keeps every run bounded). */
export const MAX_LINES = 200_000;
/** Inputs beyond this many characters are cut at a line's end, with an issue. */
export const MAX_CHARS = 3_000_000;
/** Longest line kept in full; longer lines are cut (binary or minified input). */
export const MAX_LINE_LENGTH = 20_000;

export interface TextExtractOptions {
  name?: string;
  url?: string;
}

/** A row of a Markdown table, or of a page saved as text with `|` between cells. */
const PIPE_ROW = /\|[^|]*\|/;
/** The rule under a Markdown table's header (`|---|:--:|`). */
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(?:\|\s*:?-{3,}:?\s*)*\|?\s*$/;

/**
 * Tables written with `|` between cells (`| 项目 | 金额 |`, `总额 | 0.00 | 3.36 | |||`): runs of two
 * or more such lines become tab-separated grid rows, cell for cell, read as those are; a Markdown
 * header rule becomes a blank line, so line numbers stay those of the file.
 */
function pipeRowsToTabs(lines: string[]): string[] {
  const isRow = (l: string) => !l.includes('\t') && PIPE_ROW.test(l);
  const out = lines.slice();
  for (let i = 0; i < lines.length; i++) {
    if (!isRow(lines[i] ?? '')) continue;
    let j = i;
    while (j < lines.length && (isRow(lines[j] ?? '') || PIPE_RULE.test(lines[j] ?? ''))) j++;
    if (j - i >= 2) {
      for (let k = i; k < j; k++) {
        const l = lines[k] ?? '';
        if (PIPE_RULE.test(l)) {
          out[k] = '';
          continue;
        }
        out[k] = l.trim().replace(/^\|/, '').replace(/\|$/, '').split('|').map((c) => c.trim()).join('\t');
      }
    }
    i = j;
  }
  return out;
}

/**
 * Markup a site printed as text (`<p>1. 贯彻执行…</p> <p>2. 负责…`, a CMS escaping its own
 * paragraphs): each tag becomes spaces as wide as itself, so that neither a subject nor a figure
 * takes it in, and every other character keeps its place on the line.
 */
const PRINTED_TAG = /<\/?(?:p|br|span|div|strong|b|font|td|tr|input)(?:\s[^<>]{0,200})?\/?>/gi;
function untag(line: string): string {
  return line.includes('<') ? line.replace(PRINTED_TAG, (tag) => ' '.repeat(tag.length)) : line;
}

export function extractText(input: string, options: TextExtractOptions = {}): RawDocument {
  const issues: RawDocument['issues'] = [];
  let source = input.replace(/^\uFEFF/, '');
  if (source.length > MAX_CHARS) {
    // Cut at a line's end: a disclosure's text is a few hundred thousand characters at most.
    const cut = source.lastIndexOf('\n', MAX_CHARS);
    source = source.slice(0, cut > 0 ? cut : MAX_CHARS);
    issues.push({ code: 'input-truncated', message: `only the first ${source.length.toLocaleString('en')} characters were read` });
  }
  let lines = source.split(/\r\n|\r|\n/);
  if (lines.length > MAX_LINES) {
    if (!issues.some((i) => i.code === 'input-truncated')) issues.push({ code: 'input-truncated', message: `only the first ${MAX_LINES} lines were read` });
    lines = lines.slice(0, MAX_LINES);
  }
  // A page's number between two lines of a table or a paragraph (text taken from a PDF) is no
  // line of the document: blanked, so that line numbers stay those of the file.
  lines = lines.map((l) => (l.length > MAX_LINE_LENGTH ? l.slice(0, MAX_LINE_LENGTH) : isPageMarker(l) ? '' : untag(l)));
  lines = pipeRowsToTabs(lines);
  source = '';

  const titleAt: number[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i] ?? '';
    // `2023年度收入决算表（续）` carries the table above on to a new page: no new table.
    if (l.includes('\t') || isContinuedTitle(l)) continue;
    // A numbered title (`一、收入支出决算总表`) only where a table follows: else it is a contents entry.
    if (isTableTitle(l) || (isNumberedTableTitle(l) && introducesTable(lines, i))) titleAt.push(i);
  }

  const tables: RawTable[] = [];
  const consumed = new Uint8Array(lines.length);
  let anyGrid = false;
  if (titleAt.length > MAX_TABLES) {
    issues.push({ code: 'tables-truncated', message: `only the first ${MAX_TABLES} table titles were read` });
    titleAt.length = MAX_TABLES;
  }
  for (let k = 0; k < titleAt.length; k++) {
    const start = titleAt[k] ?? 0;
    const end = titleAt[k + 1] ?? lines.length;
    const table = readRegion(lines, start, end, tables.length);
    if (!table) continue;
    if (table.layout === 'grid') anyGrid = true;
    let p = start - 1;
    while (p >= 0 && (lines[p] ?? '').trim() === '' && start - p < 4) p--;
    if (p >= 0 && !consumed[p] && isTableNoLine(lines[p] ?? '')) {
      table.table.preamble.unshift(raw(lines, p));
      consumed[p] = 1;
    }
    tables.push(table.table);
    for (let i = start; i < table.consumedUntil; i++) consumed[i] = 1;
  }

  // Tab-separated rows that no title introduced still form tables.
  for (let i = 0; i < lines.length; i++) {
    if (consumed[i] || !(lines[i] ?? '').includes('\t')) continue;
    const start = i;
    const grid: RawGridRow[] = [];
    while (i < lines.length && !consumed[i] && ((lines[i] ?? '').includes('\t') || (lines[i] ?? '').trim() === '')) {
      if ((lines[i] ?? '').includes('\t')) grid.push(gridRow(lines[i] ?? '', i));
      i++;
    }
    if (grid.length >= 2 && tables.length < MAX_TABLES && isPlausibleGrid(grid)) {
      anyGrid = true;
      for (let j = start; j < i; j++) consumed[j] = 1;
      tables.push({
        index: tables.length,
        layout: 'grid',
        alignedCells: false,
        preamble: [],
        grid,
        stream: [],
        tail: [],
        source: { line: start + 1, endLine: i },
      });
    }
  }
  tables.sort((a, b) => (a.source.line ?? 0) - (b.source.line ?? 0));
  tables.forEach((t, idx) => (t.index = idx));

  const text: RawLine[] = [];
  let rowLike = 0;
  for (let i = 0; i < lines.length; i++) {
    if (consumed[i]) continue;
    // A line laid out like a table row (cells apart by runs of spaces, an amount among them) that
    // no table took is no sentence: its figures are not read as statements of the text.
    if (isStrayRow(lines[i] ?? '')) {
      rowLike++;
      continue;
    }
    text.push({ text: lines[i] ?? '', source: { line: i + 1 } });
  }
  if (rowLike) issues.push({ code: 'stray-rows', message: `${rowLike} lines laid out like table rows outside any table found were not read as text` });
  const streamTables = tables.some((t) => t.layout === 'stream');
  return {
    format: !anyGrid && streamTables ? 'pdf-text' : 'text',
    name: options.name,
    url: options.url,
    tables,
    text,
    issues,
  };
}

/** A table title within the next few printed lines (up to the region's end: the title that ends it). */
function titleFollows(lines: string[], from: number, end: number): boolean {
  let seen = 0;
  for (let k = from; k <= end && k < lines.length && seen < 3; k++) {
    const l = lines[k] ?? '';
    if (l.trim() === '') continue;
    if (isAnyTableTitle(l)) return true;
    seen++;
  }
  return false;
}

/** One of the few lines after a table body says the table is empty (after its 注, as often). */
function saysEmpty(lines: string[], from: number, end: number): boolean {
  let seen = 0;
  for (let k = from; k < end && seen < 3; k++) {
    const l = lines[k] ?? '';
    if (l.trim() === '') continue;
    if (isEmptyStatement(l)) return true;
    if (isAnyTableTitle(l) || isTableNoLine(l)) return false;
    seen++;
  }
  return false;
}

/** Two runs of three spaces or more between printed characters, and an amount: a row of cells. */
function isStrayRow(line: string): boolean {
  if (line.includes('\t') || !/\d\.\d/.test(line)) return false;
  return cellGaps(line) >= 2;
}

const AMOUNT_TOKEN = /(?:^|[^\d.])(?:\d{1,3}(?:,\d{3})+|\d+)\.\d{1,2}(?!\d)|(?:^|\D)\d{1,3}(?:,\d{3})+(?!\d)/g;

function isPlausibleStream(stream: RawLine[]): boolean {
  if (stream.some((l) => columnNumbersOf(l.text))) return true;
  let amounts = 0;
  for (const l of stream) {
    amounts += (toHalfWidth(l.text).match(AMOUNT_TOKEN) ?? []).length;
    if (amounts >= 2) return true;
  }
  return false;
}

/** Tables read per document, at most (bounded work on odd input). */
export const MAX_TABLES = 400;

/** Untitled tab-separated rows form a table only when they look like one: cells and figures. */
function isPlausibleGrid(grid: RawGridRow[]): boolean {
  const wide = grid.filter((r) => r.cells.filter((c) => c.text.trim() !== '').length >= 2).length;
  if (wide < 2) return false;
  return grid.some((r) => r.cells.some((c) => /^\s*-?[\d,]+\.\d+\s*%?\s*$|^\s*\d{1,3}(?:,\d{3})+\s*$/.test(c.text)));
}

const COLUMN_PATHS = Array.from({ length: 64 }, (_, c) => `c${c + 1}`);

function gridRow(line: string, i: number): RawGridRow {
  const parts = line.split('\t');
  const source = { line: i + 1 };
  return {
    cells: parts.map((text, c) => ({ text, source: { line: i + 1, path: COLUMN_PATHS[c] ?? `c${c + 1}` } })),
    source,
  };
}

function raw(lines: string[], i: number): RawLine {
  return { text: lines[i] ?? '', source: { line: i + 1 } };
}

interface Region {
  table: RawTable;
  layout: 'grid' | 'stream';
  consumedUntil: number;
}

/** Read one title's region [start, end): preamble, body, tail. */
function readRegion(lines: string[], start: number, end: number, index: number): Region | undefined {
  let i = start + 1;
  const preamble: RawLine[] = [];
  const preambleAt = (l: string) => (l.includes('\t') ? isPreambleRow(l.split('\t')) : isPreambleLine(l));
  while (i < end && preambleAt(lines[i] ?? '')) {
    if ((lines[i] ?? '').trim() !== '') preamble.push(raw(lines, i));
    i++;
  }
  if (i >= end) return undefined;
  const first = lines[i] ?? '';
  const grid: RawGridRow[] = [];
  const stream: RawLine[] = [];
  let layout: 'grid' | 'stream';
  // What a new page repeats above the rest of the table: `续表`, the title (with `（续）`), the
  // table number, `单位：万元` — skipped where the table's rows go on after them.
  const title = compact(lines[start] ?? '');
  const repeated = new Set(preamble.map((p) => compact(p.text)));
  // The table's own number printed above its title (`预算 06 表`) repeats on each page too.
  for (let p = start - 1; p >= 0 && start - p < 4; p--) {
    if (isTableNoLine(lines[p] ?? '')) repeated.add(compact(lines[p] ?? ''));
    if ((lines[p] ?? '').trim() !== '') break;
  }
  const carriedOver = (l: string) => {
    const t = compact(l);
    return t === '' || isContinuationLine(l) || isContinuedTitle(l) || t === title || repeated.has(t);
  };
  if (first.includes('\t')) {
    layout = 'grid';
    while (i < end) {
      const l = lines[i] ?? '';
      if (l.includes('\t')) {
        grid.push(gridRow(l, i));
        i++;
        continue;
      }
      if (carriedOver(l)) {
        let j = i;
        while (j < end && !(lines[j] ?? '').includes('\t') && carriedOver(lines[j] ?? '')) j++;
        if (j < end && (lines[j] ?? '').includes('\t')) {
          i = j;
          continue;
        }
      }
      break;
    }
  } else {
    layout = 'stream';
    if (isNoteStart(first) || isSectionBreak(first) || isProseLine(first)) return undefined;
    while (i < end) {
      const l = lines[i] ?? '';
      if (l.trim() !== '' && (isNoteStart(l) || isSectionBreak(l) || isProseLine(l) || isEmptyStatement(l))) break;
      // Another table's number (`预算 07 表`, printed right above the next title) ends this one.
      if (isTableNoLine(l) && !carriedOver(l) && titleFollows(lines, i + 1, end)) break;
      if (!carriedOver(l)) stream.push(raw(lines, i));
      i++;
    }
    // A body without amounts or a column-numbering line is a heading or a list, not a table —
    // unless what follows it says the table is empty (`注：本单位无政府性基金预算相关支出`).
    if (!isPlausibleStream(stream) && !saysEmpty(lines, i, end)) return undefined;
  }
  if (layout === 'grid' && grid.length === 0) return undefined;

  // Tail: notes (with their continuation lines), formulas, empty-table statements.
  const tail: RawLine[] = [];
  let inNote = false;
  let lastTail = i;
  while (i < end) {
    const l = lines[i] ?? '';
    const t = compact(l);
    if (t === '') {
      i++;
      continue;
    }
    if (l.includes('\t') || isTableNoLine(l) || isAnyTableTitle(l)) break;
    if (isNoteStart(l) || isFormulaLine(l) || isEmptyStatement(l)) {
      inNote = true;
    } else if (inNote && /^\d+[.、]\D/.test(t) && t.length < 80) {
      // numbered continuation of a note: `2. 本套报表金额单位转换时可能存在尾数误差。`
    } else if (inNote && t.length < 60 && !/[。]$/.test(compact(tail[tail.length - 1]?.text ?? '')) && !isSectionBreak(l)) {
      // continuation of a note wrapped onto the next line
    } else {
      break;
    }
    tail.push(raw(lines, i));
    i++;
    lastTail = i;
  }
  const consumedUntil = tail.length ? lastTail : i;
  const bodyEnd = layout === 'grid' ? (grid[grid.length - 1]?.source.line ?? start + 1) : (stream[stream.length - 1]?.source.line ?? start + 1);
  return {
    layout,
    consumedUntil,
    table: {
      index,
      layout,
      alignedCells: false,
      title: raw(lines, start),
      preamble,
      grid,
      stream,
      tail,
      source: { line: start + 1, endLine: Math.max(bodyEnd, tail[tail.length - 1]?.source.line ?? bodyEnd) },
    },
  };
}
