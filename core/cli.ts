/**
 * budget-lens — the command line around the engine (the one Node-only module of core/).
 *
 *   budget-lens audit <file or folder>… [--format text|json|csv|summary] [--lang zh|en]
 *                                              a folder: every disclosure file in it, recursively;
 *                                              summary: one CSV line of counts per file
 *   budget-lens export <file> [--format json|fdp] [--lang zh|en]
 *                                              the dataset the widgets chart (JSON), or its
 *                                              figures one per line (Fiscal Data Package CSV)
 *   budget-lens embed <file> [--widget bl-…] [--script URL] [--lang zh|en]
 *                                              the embed code: the loader's script tag and a
 *                                              widget holding that dataset inline (HTML)
 *   budget-lens schema [dataset]  print the JSON Schema of the report (or of the dataset)
 *
 * Exit 0 when the audit ran (findings or not); 2 with a one-line reason when a file cannot
 * be read or is not a supported kind of document (the other files are still audited).
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { basename, extname, join } from 'node:path';
import { z } from 'zod';
import { analyzeDocument } from './analyze.ts';
import { extractText } from './extract/text.ts';
import { extractHtmlString } from './node/html.ts';
import { extractPdfBytes } from './node/pdf.ts';
import { inflateRawSync } from 'node:zlib';
import { extractWorkbook } from './extract/sheet.ts';
import { type OfficeFile, readOffice, workbookKind } from './sheet/open.ts';
import { extractWord } from './node/word.ts';
import { MAX_ENTRY_BYTES } from './sheet/zip.ts';
import { AuditReport } from './model/schemas.ts';
import { Dataset } from './model/dataset.ts';
import { exportDataset } from './dataset.ts';
import { formatFdpCsv } from './report/fdp.ts';
import { EMBED_WIDGETS, type EmbedWidget, embedSnippet } from './embed.ts';
import type { RawDocument } from './model/raw.ts';
import { SUMMARY_HEADER, formatCsv, formatSummaryLine, formatTablesCsv, formatText } from './report.ts';
import type { Lang } from './messages.ts';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export class InputError extends Error {}

/** A PDF that cannot be read at all is an input error; one read without text is a report saying so. */
const FATAL_PDF = new Set(['pdf-encrypted', 'pdf-invalid', 'pdf-unreadable', 'pdf-timeout']);

const USAGE = `usage: budget-lens audit <file or folder or ->… [--format text|json|csv|summary] [--lang zh|en] [--tables]
       budget-lens export <file> [--format json|fdp] [--lang zh|en]
       budget-lens embed <file> [--widget ${EMBED_WIDGETS.join('|')}] [--script URL] [--lang zh|en]
       budget-lens schema [dataset]`;

/** Share of U+FFFD in a decoded text above which the guessed encoding is wrong. */
const BAD_SHARE = 1 / 1000;

/** Share of characters no text holds: U+FFFD (bytes the encoding could not read) and control characters. */
function badShare(text: string): number {
  const sample = text.slice(0, 65536);
  return (sample.match(/[\uFFFD\x00-\x08\x0e-\x1f\x7f]/g) ?? []).length / Math.max(1, sample.length);
}

/**
 * The text of a file: UTF-8, or UTF-16 with its BOM, or the encoding an HTML page declares
 * (`<meta charset=gb2312>`: many government pages are saved in GBK), or GB18030 when UTF-8
 * fails and GB18030 reads cleanly. Undefined for binary data.
 */
export function decodeText(bytes: Uint8Array): string | undefined {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  if (bytes.subarray(0, 65536).includes(0)) return undefined;
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    // not UTF-8: a declared or a Chinese encoding
  }
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  const declared = /<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i.exec(head)?.[1]?.toLowerCase();
  const labels = [...(declared && /^(?:gb2312|gbk|gb18030|big5|x-gbk|cp936)$/.test(declared) ? [declared === 'gb2312' || declared === 'cp936' ? 'gbk' : declared] : []), 'gb18030', 'utf-8'];
  for (const label of labels) {
    const text = new TextDecoder(label).decode(bytes);
    if (badShare(text) <= BAD_SHARE) return text;
  }
  // UTF-8 with a few broken bytes (a file cut mid-character) is still read.
  const utf8 = new TextDecoder('utf-8').decode(bytes);
  return badShare(utf8) <= 1 / 20 ? utf8 : undefined;
}

/** `-` for a file: what is piped in (`pdftotext x.pdf - | budget-lens audit -`). */
export const STDIN = '-';

/** The bytes of a file, or of standard input for `-`, or an InputError with a one-line reason. */
function readBytes(path: string): Buffer {
  if (path === STDIN) {
    let buf: Buffer;
    try {
      buf = readFileSync(0);
    } catch (e) {
      throw new InputError(`standard input: cannot be read (${e instanceof Error ? e.message : String(e)})`);
    }
    if (buf.length > MAX_FILE_BYTES) throw new InputError(`standard input: too large (${buf.length} bytes; the limit is ${MAX_FILE_BYTES})`);
    return buf;
  }
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(`${path}: cannot be read (no such file)`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`${path}: too large (${size} bytes; the limit is ${MAX_FILE_BYTES})`);
  return readFileSync(path);
}

/** Read a file into a RawDocument, or throw InputError with a one-line reason. */
export async function readDisclosure(path: string): Promise<RawDocument> {
  const buf = readBytes(path);
  const label = path === STDIN ? 'standard input' : path;
  const name = path === STDIN ? 'stdin' : basename(path);
  if (buf.length === 0) throw new InputError(`${label}: the file is empty`);
  const ext = path === STDIN ? '' : extname(path).toLowerCase();
  const head = buf.subarray(0, 8).toString('latin1');
  // A PDF: its positioned text and ruling lines (a PDF that cannot be read says why in the report).
  if (ext === '.pdf' || head.startsWith('%PDF')) {
    const raw = await extractPdfBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), { name });
    const fatal = raw.issues.find((i) => FATAL_PDF.has(i.code));
    if (fatal) throw new InputError(`${label}: ${fatal.message}`);
    return raw;
  }
  // A workbook (.xlsx, or .xls of Excel 97–2003): one table per sheet, as shown.
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (workbookKind(bytes)) {
    let office: OfficeFile;
    try {
      office = await readOffice(bytes, (d) => inflateRawSync(d, { maxOutputLength: MAX_ENTRY_BYTES }));
    } catch (e) {
      throw new InputError(`${label}: ${e instanceof Error ? e.message : String(e)} (workbooks .xlsx and .xls and Word .docx are read; Word 97–2003 .doc is not)`);
    }
    return office.kind === 'word' ? extractWord(office.doc, { name }) : extractWorkbook(office.book, { name });
  }
  const text = decodeText(bytes);
  if (text === undefined) {
    throw new InputError(`${label}: binary file, or text in an encoding not recognised (UTF-8, UTF-16 with BOM, GBK/GB18030 and Big5 are read); expected a text (.txt) or HTML (.html) disclosure`);
  }
  const isHtml = ext === '.html' || ext === '.htm' || ext === '.shtml' || /^\s*<(?:!doctype|html|head|body|meta|div|table)/i.test(text.slice(0, 512));
  return isHtml ? extractHtmlString(text, { name }) : extractText(text, { name });
}

interface Args {
  command: string;
  files: string[];
  format: 'text' | 'json' | 'csv' | 'summary' | 'fdp';
  lang: Lang;
  tables: boolean;
  widget?: EmbedWidget;
  script?: string;
}

function parseArgs(argv: string[]): Args {
  const [command = '', ...rest] = argv;
  const args: Args = { command, files: [], format: 'text', lang: 'zh', tables: false };
  for (let i = 0; i < rest.length; i++) {
    const a = rest[i] ?? '';
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : rest[++i];
      if (v === undefined) throw new InputError(`${a} needs a value`);
      return v;
    };
    if (a.startsWith('--format')) {
      const v = value();
      if (v !== 'text' && v !== 'json' && v !== 'csv' && v !== 'summary' && v !== 'fdp') throw new InputError(`--format must be text, json, csv, summary or fdp (got ${v})`);
      args.format = v;
    } else if (a.startsWith('--lang')) {
      const v = value();
      if (v !== 'zh' && v !== 'en') throw new InputError(`--lang must be zh or en (got ${v})`);
      args.lang = v;
    } else if (a.startsWith('--widget')) {
      const v = value();
      if (!(EMBED_WIDGETS as readonly string[]).includes(v)) throw new InputError(`--widget must be one of ${EMBED_WIDGETS.join(', ')} (got ${v})`);
      args.widget = v as EmbedWidget;
    } else if (a.startsWith('--script')) args.script = value();
    else if (a === '--tables') args.tables = true;
    else if (a === '--help' || a === '-h') args.command = 'help';
    else if (a === STDIN) args.files.push(a);
    else if (a.startsWith('-')) throw new InputError(`unknown option ${a}`);
    else args.files.push(a);
  }
  return args;
}

export interface CliIo {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Run the CLI; resolves to the exit code. */
export async function main(argv: string[], io: CliIo): Promise<number> {
  let args: Args;
  try {
    args = parseArgs(argv);
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  if (args.command === 'schema') {
    const which = args.files[0] === 'dataset' ? Dataset : AuditReport;
    io.out(JSON.stringify(z.toJSONSchema(which, { target: 'draft-2020-12' }), null, 2));
    return 0;
  }
  if (args.command === 'export' || args.command === 'embed') {
    if (args.files.length !== 1) {
      io.err(USAGE);
      return 2;
    }
    const fdp = args.format === 'fdp';
    if (args.command === 'embed' ? args.format !== 'text' : !fdp && args.format !== 'text' && args.format !== 'json') {
      io.err(`${args.command} takes ${args.command === 'embed' ? 'no --format' : '--format json or fdp'} (got ${args.format})`);
      return 2;
    }
    try {
      const dataset = exportDataset(await readDisclosure(args.files[0] as string), args.lang);
      io.out(args.command === 'embed' ? embedSnippet(dataset, { widget: args.widget, script: args.script, lang: args.lang }) : fdp ? `${formatFdpCsv(dataset)}\n` : JSON.stringify(dataset, null, 2));
      return 0;
    } catch (e) {
      io.err(e instanceof InputError ? e.message : `${args.files[0]}: could not be exported (${e instanceof Error ? e.message : String(e)})`);
      return 2;
    }
  }
  if (args.command !== 'audit' || args.files.length === 0) {
    io.err(USAGE);
    return args.command === 'help' ? 0 : 2;
  }
  if (args.format === 'fdp') {
    io.err('--format fdp is a format of export: budget-lens export <file> --format fdp');
    return 2;
  }
  let files: string[];
  try {
    files = args.files.flatMap((f) => (f === STDIN ? [f] : expandFolder(f)));
  } catch (e) {
    io.err(e instanceof Error ? e.message : String(e));
    return 2;
  }
  // Each file on its own, written as soon as it is audited (a batch of many documents does not
  // pile up in memory); one that cannot be read is named on stderr, the others are audited.
  const single = files.length === 1 && args.files.length === 1 && files[0] === args.files[0];
  const asArray = args.format === 'json' && !single;
  let audited = 0;
  let failed = 0;
  if (args.format === 'summary') io.out(`${SUMMARY_HEADER}\n`);
  for (const file of files) {
    let report: AuditReport;
    try {
      report = analyzeDocument(await readDisclosure(file), { lang: args.lang });
    } catch (e) {
      failed++;
      io.err(e instanceof InputError ? e.message : `${file}: could not be audited (${e instanceof Error ? e.message : String(e)})`);
      continue;
    }
    const first = audited++ === 0;
    if (args.format === 'summary') io.out(`${formatSummaryLine(file === STDIN ? 'stdin' : file, report)}\n`);
    else if (args.format === 'json') io.out(`${asArray ? (first ? '[' : ',') : ''}${JSON.stringify(report, null, 2)}`);
    else if (args.format === 'csv') io.out(`${single ? '' : `${first ? '' : '\n'}# ${file}\n`}${args.tables ? formatTablesCsv(report) : formatCsv(report)}`);
    else io.out(`${first ? '' : '\n'}${formatText(report)}`);
  }
  if (asArray) io.out(audited ? ']' : '[]');
  if (files.length > 1) io.err(`${audited} of ${files.length} files audited${failed ? `; ${failed} could not be read` : ''}`);
  return failed ? 2 : 0;
}

/** File kinds a folder is searched for. */
const DISCLOSURE_FILE = /\.(?:txt|html?|shtml|pdf|xlsx?|docx)$/i;

/** A folder → the disclosure files under it (sorted, recursively); a file → itself. */
function expandFolder(path: string): string[] {
  let isFolder = false;
  try {
    isFolder = statSync(path).isDirectory();
  } catch {
    return [path]; // reported as unreadable when audited
  }
  if (!isFolder) return [path];
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))) {
      if (entry.name.startsWith('.')) continue;
      const p = join(dir, entry.name);
      if (entry.isDirectory()) walk(p);
      else if (DISCLOSURE_FILE.test(entry.name)) out.push(p);
    }
  };
  walk(path);
  if (out.length === 0) throw new InputError(`${path}: a folder holding no disclosure file (.txt, .html, .pdf, .xls, .xlsx, .docx)`);
  return out;
}
