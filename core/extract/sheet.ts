/**
 * Workbook → RawDocument. Each visible sheet is read as the page reader reads a page: rows of
 * one cell (the title merged across the top, 单位, notes merged under the table) are lines of
 * text, the rest is a table grid with merged ranges expanded like rowspan/colspan. A sheet
 * holding several tables, each under its own title, gives several tables. Then the same
 * assembly as pages and PDFs (titles, units, notes, continuations: extract/dom.ts).
 *
 * Every cell keeps its sheet and address (`公开01表!C7`) so a finding can be found in the file;
 * paths number rows and columns of the sheet from 0 (`t2.r6.c2` is C7 of the second table's sheet).
 */
import type { RawCell, RawDocument, RawGridRow, RawLine } from '../model/raw.ts';
import { isEmptyStatement, isFormulaLine, isNoteStart, isTableTitle } from '../detect/lines.ts';
import { type ExtractItem, assembleItems } from './dom.ts';
import { type Sheet, type Workbook, cellName } from '../sheet/workbook.ts';

export interface SheetExtractOptions {
  name?: string;
  url?: string;
}

interface Slot {
  text: string;
  /** The merged range's first cell this slot repeats, as [row, col], when it is not that cell. */
  from?: [number, number];
}

/** The sheet as a rectangle of slots (merged ranges filled from their first cell). */
function slotsOf(sheet: Sheet): { slots: Slot[][]; top: number; left: number } {
  let top = Infinity;
  let bottom = -1;
  let left = Infinity;
  let right = -1;
  sheet.rows.forEach((row, r) => {
    row?.forEach((t, c) => {
      if (t === undefined || t.trim() === '') return;
      top = Math.min(top, r);
      bottom = Math.max(bottom, r);
      left = Math.min(left, c);
      right = Math.max(right, c);
    });
  });
  if (bottom < 0) return { slots: [], top: 0, left: 0 };
  const slots: Slot[][] = [];
  for (let r = top; r <= bottom; r++) {
    const row: Slot[] = [];
    for (let c = left; c <= right; c++) row.push({ text: sheet.rows[r]?.[c] ?? '' });
    slots.push(row);
  }
  for (const m of sheet.merges) {
    const text = sheet.rows[m.r0]?.[m.c0] ?? '';
    for (let r = Math.max(m.r0, top); r <= Math.min(m.r1, bottom); r++) {
      for (let c = Math.max(m.c0, left); c <= Math.min(m.c1, right); c++) {
        if (r === m.r0 && c === m.c0) continue;
        const slot = slots[r - top]?.[c - left];
        if (slot) Object.assign(slot, { text, from: [m.r0, m.c0] });
      }
    }
  }
  return { slots, top, left };
}

/** The distinct texts of a row (a merged range counted once). */
function rowTexts(row: Slot[]): string[] {
  return row.filter((s) => !s.from && s.text.trim() !== '').map((s) => s.text.trim());
}

export function extractWorkbook(book: Workbook, options: SheetExtractOptions = {}): RawDocument {
  const items: ExtractItem[] = [];
  let order = 0;
  let tables = 0;
  const issues: RawDocument['issues'] = [];
  const hidden = book.sheets.filter((s) => s.hidden).map((s) => s.name);
  if (hidden.length) issues.push({ code: 'sheets-hidden', message: `hidden sheets not read: ${hidden.join(', ')}` });
  for (const sheet of book.sheets) {
    if (sheet.hidden) continue;
    const { slots, top, left } = slotsOf(sheet);
    const address = (r: number, c: number) => `${sheet.name}!${cellName(r, c)}`;
    const line = (text: string, cell: string): RawLine => ({ text, source: { line: ++order, path: `l${order}`, cell } });
    let grid: RawGridRow[] = [];
    let index = 0;
    let bodyRows = 0;
    let inTail = false;
    const close = () => {
      if (grid.length) items.push({ kind: 'table', index, grid, width: grid[0]?.cells.length ?? 0, read: true });
      grid = [];
      bodyRows = 0;
    };
    // The sheet's name says which table it holds when the sheet itself prints no title.
    if (isTableTitle(sheet.name)) items.push({ kind: 'text', line: line(sheet.name, `${sheet.name}!A1`) });
    slots.forEach((row, r) => {
      const texts = rowTexts(row);
      if (texts.length === 0) return;
      if (texts.length === 1) {
        const text = texts[0] as string;
        // Under a table: its notes (and the lines after them); a new title: the next table; before
        // any body: caption rows (title, unit), read as such by the assembly.
        if (inTail || (bodyRows > 0 && (isTableTitle(text) || isNoteStart(text) || isFormulaLine(text) || isEmptyStatement(text) || text.length > 40))) {
          close();
          items.push({ kind: 'text', line: line(text, address(top + r, left)) });
          inTail = true;
          return;
        }
      }
      inTail = false;
      if (grid.length === 0) index = ++tables;
      const cells: RawCell[] = row.map((s, k) => {
        const [r0, c0] = s.from ?? [top + r, left + k];
        const path = `t${index}.r${r0}.c${c0}`;
        const source = { path, cell: address(r0, c0) };
        const spanned = s.from ? (s.from[0] < top + r ? ('row' as const) : ('col' as const)) : undefined;
        return spanned ? { text: s.text, source, spanned } : { text: s.text, source };
      });
      grid.push({ cells, source: { path: `t${index}.r${top + r}`, line: ++order, cell: address(top + r, left) } });
      if (texts.length > 1) bodyRows++;
    });
    close();
  }
  const raw = assembleItems(items, 1, options, 'spreadsheet');
  raw.issues.unshift(...issues);
  for (const i of book.issues) {
    raw.issues.push(
      i === 'cells-truncated'
        ? { code: 'cells-truncated', message: 'only the first cells of the workbook were read (it is larger than the limit)' }
        : { code: 'sheet-unreadable', message: i },
    );
  }
  if (book.sheets.length === 0) raw.issues.push({ code: 'no-sheets', message: 'the workbook has no sheet that could be read' });
  return raw;
}
