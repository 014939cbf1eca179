/**
 * A fast structural check of a RawDocument that crossed a message channel (the extension's
 * page → background): the same rules as the zod schema in raw.ts, written as loops, because
 * zod takes ≈ 25 ms on a large page's read in a freshly started service worker and this takes
 * ≈ 1 ms. A test keeps the two in agreement (tests/raw-check.test.ts). Returns the first
 * problem with its path, or undefined.
 */
import type { RawDocument } from './raw.ts';

type Obj = Record<string, unknown>;
const FORMATS = new Set(['text', 'pdf-text', 'html', 'pdf', 'spreadsheet', 'word']);

const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const posInt = (x: unknown) => typeof x === 'number' && Number.isInteger(x) && x > 0;

function source(x: unknown, at: string): string | undefined {
  if (!isObj(x)) return `${at}: expected an object`;
  for (const k of ['line', 'endLine', 'page'] as const) if (x[k] !== undefined && !posInt(x[k])) return `${at}.${k}: expected a positive integer`;
  if (x.path !== undefined && typeof x.path !== 'string') return `${at}.path: expected a string`;
  return undefined;
}

function line(x: unknown, at: string): string | undefined {
  if (!isObj(x)) return `${at}: expected an object`;
  if (typeof x.text !== 'string') return `${at}.text: expected a string`;
  if (x.start !== undefined && typeof x.start !== 'boolean') return `${at}.start: expected a boolean`;
  return source(x.source, `${at}.source`);
}

function lines(x: unknown, at: string): string | undefined {
  if (!Array.isArray(x)) return `${at}: expected an array`;
  for (let i = 0; i < x.length; i++) {
    const e = line(x[i], `${at}[${i}]`);
    if (e) return e;
  }
  return undefined;
}

function table(t: unknown, at: string): string | undefined {
  if (!isObj(t)) return `${at}: expected an object`;
  if (typeof t.index !== 'number' || !Number.isInteger(t.index) || t.index < 0) return `${at}.index: expected an integer ≥ 0`;
  if (t.layout !== 'grid' && t.layout !== 'stream') return `${at}.layout: expected grid or stream`;
  if (typeof t.alignedCells !== 'boolean') return `${at}.alignedCells: expected a boolean`;
  if (t.title !== undefined) {
    const e = line(t.title, `${at}.title`);
    if (e) return e;
  }
  for (const k of ['preamble', 'stream', 'tail'] as const) {
    const e = lines(t[k], `${at}.${k}`);
    if (e) return e;
  }
  const grid = t.grid;
  if (!Array.isArray(grid)) return `${at}.grid: expected an array`;
  for (let r = 0; r < grid.length; r++) {
    const row = grid[r] as unknown;
    const rat = `${at}.grid[${r}]`;
    if (!isObj(row)) return `${rat}: expected an object`;
    const cells = row.cells;
    if (!Array.isArray(cells)) return `${rat}.cells: expected an array`;
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c] as unknown;
      const cat = `${rat}.cells[${c}]`;
      if (!isObj(cell)) return `${cat}: expected an object`;
      if (typeof cell.text !== 'string') return `${cat}.text: expected a string`;
      if (cell.spanned !== undefined && cell.spanned !== 'col' && cell.spanned !== 'row') return `${cat}.spanned: expected col or row`;
      if (cell.source !== undefined) {
        const e = source(cell.source, `${cat}.source`);
        if (e) return e;
      }
    }
    const e = source(row.source, `${rat}.source`);
    if (e) return e;
  }
  return source(t.source, `${at}.source`);
}

export function rawDocumentError(x: unknown): string | undefined {
  if (!isObj(x)) return 'expected an object';
  if (typeof x.format !== 'string' || !FORMATS.has(x.format)) return 'format: expected text, pdf-text, html or pdf';
  for (const k of ['name', 'url'] as const) if (x[k] !== undefined && typeof x[k] !== 'string') return `${k}: expected a string`;
  if (!Array.isArray(x.tables)) return 'tables: expected an array';
  for (let i = 0; i < x.tables.length; i++) {
    const e = table(x.tables[i], `tables[${i}]`);
    if (e) return e;
  }
  const e = lines(x.text, 'text');
  if (e) return e;
  if (!Array.isArray(x.issues)) return 'issues: expected an array';
  for (let i = 0; i < x.issues.length; i++) {
    const is = x.issues[i] as unknown;
    if (!isObj(is) || typeof is.code !== 'string' || typeof is.message !== 'string') return `issues[${i}]: expected { code, message }`;
    if (is.source !== undefined) {
      const e2 = source(is.source, `issues[${i}].source`);
      if (e2) return e2;
    }
  }
  return undefined;
}

export function isRawDocument(x: unknown): x is RawDocument {
  return rawDocumentError(x) === undefined;
}
