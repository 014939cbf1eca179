/**
 * A workbook's bytes → Workbook, whichever kind the file is: `.xlsx` (a ZIP: its entries
 * inflated by the caller's `inflate`, zlib in Node, DecompressionStream in the browser) or
 * Excel 97–2003 `.xls` (a compound file). Throws with a one-line reason on anything else.
 */
import type { Workbook } from './workbook.ts';
import type { Inflate } from './zip.ts';
import { readXlsx } from './xlsx.ts';
import { readXls } from './xls.ts';

export type WorkbookKind = 'xlsx' | 'xls';

/** The kind of workbook the bytes begin as, if any. */
export function workbookKind(bytes: Uint8Array): WorkbookKind | undefined {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  return undefined;
}

export async function readWorkbook(bytes: Uint8Array, inflate: Inflate): Promise<Workbook> {
  const kind = workbookKind(bytes);
  if (kind === 'xlsx') return readXlsx(bytes, inflate);
  if (kind === 'xls') return readXls(bytes);
  throw new Error('not a workbook (.xlsx or .xls)');
}
