/**
 * An Office file's bytes → what it holds, whichever kind the file is: `.xlsx` (a ZIP: its
 * entries inflated by the caller's `inflate`, zlib in Node, DecompressionStream in the
 * browser), Excel 97–2003 `.xls` (a compound file), or a Word `.docx` (a ZIP holding
 * word/document.xml). Throws with a one-line reason on anything else.
 */
import type { Workbook } from './workbook.ts';
import { type Inflate, zipEntries } from './zip.ts';
import { readXlsx } from './xlsx.ts';
import { readXls } from './xls.ts';
import { type WordDocument, readDocumentXml } from './docx.ts';

export type WorkbookKind = 'xlsx' | 'xls';

/** The kind of workbook the bytes begin as, if any (a ZIP is taken for .xlsx until opened). */
export function workbookKind(bytes: Uint8Array): WorkbookKind | undefined {
  const b = bytes;
  if (b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04) return 'xlsx';
  if (b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0) return 'xls';
  return undefined;
}

const noInflate = () => new Uint8Array(0);

/** The kind of Office file: a workbook's, or `docx` for a ZIP holding word/document.xml. */
export function officeKind(bytes: Uint8Array): WorkbookKind | 'docx' | undefined {
  const kind = workbookKind(bytes);
  if (kind !== 'xlsx') return kind;
  try {
    return zipEntries(bytes, noInflate).has('word/document.xml') ? 'docx' : 'xlsx';
  } catch {
    return 'xlsx'; // a damaged archive: the workbook reader says why
  }
}

export async function readWorkbook(bytes: Uint8Array, inflate: Inflate): Promise<Workbook> {
  const kind = workbookKind(bytes);
  if (kind === 'xlsx') return readXlsx(bytes, inflate);
  if (kind === 'xls') return readXls(bytes);
  throw new Error('not a workbook (.xlsx or .xls)');
}

export type OfficeFile = { kind: 'workbook'; book: Workbook } | { kind: 'word'; doc: WordDocument };

/** A workbook or a Word document (.docx). */
export async function readOffice(bytes: Uint8Array, inflate: Inflate): Promise<OfficeFile> {
  if (officeKind(bytes) === 'docx') {
    const word = zipEntries(bytes, inflate).get('word/document.xml');
    if (word) return { kind: 'word', doc: readDocumentXml(new TextDecoder('utf-8').decode(await word.read())) };
  }
  return { kind: 'workbook', book: await readWorkbook(bytes, inflate) };
}
