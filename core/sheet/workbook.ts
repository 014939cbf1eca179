/**
 * A workbook as the engine reads it, whatever file it came from (.xlsx, .xls): sheets of cell
 * texts as the sheet shows them (numbers through their number format), with the merged ranges.
 */

export interface CellRange {
  r0: number;
  c0: number;
  r1: number;
  c1: number;
}

export interface Sheet {
  name: string;
  /** rows[r][c]: the cell's shown text; missing cells are empty. */
  rows: (string | undefined)[][];
  merges: CellRange[];
  hidden: boolean;
}

export interface Workbook {
  sheets: Sheet[];
  /** What could not be read (a sheet skipped; `cells-truncated`: cells past the limits), one line each. */
  issues: string[];
}

/** Cells read from one workbook at most (bounded work on huge files). */
export const MAX_SHEET_CELLS = 200_000;
/** A cell beyond this row or column is not read (a stray cell at XFD1048576). */
export const MAX_ROW = 20_000;
export const MAX_COL = 256;

/** Column letters → index (`A` → 0, `AB` → 27); a1 reference → [row, col]. */
export function cellRef(ref: string): [number, number] | undefined {
  const m = /^\$?([A-Za-z]{1,3})\$?(\d{1,7})$/.exec(ref);
  if (!m) return undefined;
  let c = 0;
  for (const ch of (m[1] as string).toUpperCase()) c = c * 26 + (ch.charCodeAt(0) - 64);
  return [Number(m[2]) - 1, c - 1];
}

/** `A1` style name of a cell (row and column from 0). */
export function cellName(r: number, c: number): string {
  let s = '';
  for (let n = c + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return `${s}${r + 1}`;
}

/** A cell budget shared by every sheet of a workbook. */
export class CellBudget {
  left = MAX_SHEET_CELLS;
  truncated = false;
  take(r: number, c: number): boolean {
    if (r < 0 || c < 0) return false;
    if (this.left <= 0 || r >= MAX_ROW || c >= MAX_COL) {
      this.truncated = true;
      return false;
    }
    this.left--;
    return true;
  }
}

export function setCell(sheet: Sheet, r: number, c: number, text: string): void {
  const row = (sheet.rows[r] ??= []);
  row[c] = text;
}
