/**
 * budget-lens — the command line around the engine (the one Node-only module of core/).
 *
 *   budget-lens audit <file>… [--format text|json|csv] [--lang zh|en]
 *   budget-lens export <file> [--lang zh|en]   the dataset the widgets chart (JSON)
 *   budget-lens embed <file> [--widget bl-…] [--script URL] [--lang zh|en]
 *                                              the embed code: the loader's script tag and a
 *                                              widget holding that dataset inline (HTML)
 *   budget-lens schema [dataset]  print the JSON Schema of the report (or of the dataset)
 *
 * Exit 0 when the audit ran (findings or not); 2 with a one-line reason when a file cannot
 * be read or is not a supported kind of document.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { z } from 'zod';
import { analyzeDocument } from './analyze.ts';
import { extractText } from './extract/text.ts';
import { extractHtmlString } from './node/html.ts';
import { extractPdfBytes } from './node/pdf.ts';
import { inflateRawSync } from 'node:zlib';
import { extractWorkbook } from './extract/sheet.ts';
import { readWorkbook, workbookKind } from './sheet/open.ts';
import { MAX_ENTRY_BYTES } from './sheet/zip.ts';
import { AuditReport } from './model/schemas.ts';
import { Dataset } from './model/dataset.ts';
import { exportDataset } from './dataset.ts';
import { EMBED_WIDGETS, type EmbedWidget, embedSnippet } from './embed.ts';
import type { RawDocument } from './model/raw.ts';
import { formatCsv, formatTablesCsv, formatText } from './report.ts';
import type { Lang } from './messages.ts';

export const MAX_FILE_BYTES = 50 * 1024 * 1024;

export class InputError extends Error {}

/** A PDF that cannot be read at all is an input error; one read without text is a report saying so. */
const FATAL_PDF = new Set(['pdf-encrypted', 'pdf-invalid', 'pdf-unreadable', 'pdf-timeout']);

const USAGE = `usage: budget-lens audit <file>… [--format text|json|csv] [--lang zh|en] [--tables]
       budget-lens export <file> [--lang zh|en]
       budget-lens embed <file> [--widget ${EMBED_WIDGETS.join('|')}] [--script URL] [--lang zh|en]
       budget-lens schema [dataset]`;

/** Read a file into a RawDocument, or throw InputError with a one-line reason. */
export async function readDisclosure(path: string): Promise<RawDocument> {
  let size: number;
  try {
    size = statSync(path).size;
  } catch {
    throw new InputError(`${path}: cannot be read (no such file)`);
  }
  if (size > MAX_FILE_BYTES) throw new InputError(`${path}: too large (${size} bytes; the limit is ${MAX_FILE_BYTES})`);
  const buf = readFileSync(path);
  if (buf.length === 0) throw new InputError(`${path}: the file is empty`);
  const ext = extname(path).toLowerCase();
  const head = buf.subarray(0, 8).toString('latin1');
  // A PDF: its positioned text and ruling lines (a PDF that cannot be read says why in the report).
  if (ext === '.pdf' || head.startsWith('%PDF')) {
    const raw = await extractPdfBytes(new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength), { name: basename(path) });
    const fatal = raw.issues.find((i) => FATAL_PDF.has(i.code));
    if (fatal) throw new InputError(`${path}: ${fatal.message}`);
    return raw;
  }
  // A workbook (.xlsx, or .xls of Excel 97–2003): one table per sheet, as shown.
  const bytes = new Uint8Array(buf.buffer, buf.byteOffset, buf.byteLength);
  if (workbookKind(bytes)) {
    try {
      const book = await readWorkbook(bytes, (d) => inflateRawSync(d, { maxOutputLength: MAX_ENTRY_BYTES }));
      return extractWorkbook(book, { name: basename(path) });
    } catch (e) {
      throw new InputError(`${path}: ${e instanceof Error ? e.message : String(e)} (workbooks .xlsx and .xls are read; Word documents are not)`);
    }
  }
  const sample = buf.subarray(0, Math.min(buf.length, 65536));
  const nul = sample.indexOf(0);
  const text = new TextDecoder('utf-8', { fatal: false }).decode(buf);
  const bad = (text.slice(0, 65536).match(/\uFFFD/g) ?? []).length;
  if (nul >= 0 || bad > sample.length / 20) {
    throw new InputError(`${path}: binary or non-UTF-8 file; expected a text (.txt) or HTML (.html) disclosure`);
  }
  const name = basename(path);
  const isHtml = ext === '.html' || ext === '.htm' || ext === '.shtml' || /^\s*<(?:!doctype|html|head|body|meta|div|table)/i.test(text.slice(0, 512));
  return isHtml ? extractHtmlString(text, { name }) : extractText(text, { name });
}

interface Args {
  command: string;
  files: string[];
  format: 'text' | 'json' | 'csv';
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
      if (v !== 'text' && v !== 'json' && v !== 'csv') throw new InputError(`--format must be text, json or csv (got ${v})`);
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
    try {
      const dataset = exportDataset(await readDisclosure(args.files[0] as string), args.lang);
      io.out(args.command === 'export' ? JSON.stringify(dataset, null, 2) : embedSnippet(dataset, { widget: args.widget, script: args.script, lang: args.lang }));
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
  const reports: AuditReport[] = [];
  for (const file of args.files) {
    try {
      reports.push(analyzeDocument(await readDisclosure(file), { lang: args.lang }));
    } catch (e) {
      io.err(e instanceof InputError ? e.message : `${file}: could not be audited (${e instanceof Error ? e.message : String(e)})`);
      return 2;
    }
  }
  if (args.format === 'json') io.out(JSON.stringify(reports.length === 1 ? reports[0] : reports, null, 2));
  else if (args.format === 'csv') {
    const blocks = reports.map((r) => (args.tables ? formatTablesCsv(r) : formatCsv(r)));
    io.out(reports.length === 1 ? (blocks[0] ?? '') : blocks.map((b, i) => `# ${args.files[i]}\n${b}`).join('\n'));
  } else io.out(reports.map(formatText).join('\n\n'));
  return 0;
}
