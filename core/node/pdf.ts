/**
 * Node-only: read a PDF file with pdf.js (its legacy build, which runs on Node 20) and extract
 * it with the same code the extension's PDF viewer runs (core/pdf/read.ts → core/extract/pdf.ts).
 * Character maps and standard fonts come from the installed pdfjs-dist; nothing is fetched.
 * A password-protected, corrupt or truncated file, or pages that are only images, give a
 * document with one clear issue and no tables — never an exception, never a hang.
 */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { constants, inflateSync } from 'node:zlib';
import type { RawDocument } from '../model/raw.ts';
import { extractPdf, type PdfExtractOptions } from '../extract/pdf.ts';
import { type PdfJsDocument, type PdfOps, readPdf } from '../pdf/read.ts';
import { pdfIssue, PDF_TIMEOUT_MS, pdfProblem } from '../pdf/issues.ts';

interface PdfJsModule {
  getDocument(src: Record<string, unknown>): { promise: Promise<PdfJsDocument & { destroy(): Promise<void> }>; destroy(): Promise<void> };
  OPS: PdfOps;
}

/**
 * pdf.js's legacy build bundles core-js, which replaces built-ins process-wide when it judges
 * them short of the spec — `Array.prototype.push` among them, for a length edge case at
 * 2^53 − 1 that nothing here reaches. Its replacement is plain JavaScript: every push in the
 * process gets slower (rebuilding the tables of the largest fixture PDF: ≈ 50 → ≈ 33 ms with
 * the native push). The native push is put back once pdf.js has loaded.
 */
const nativePush = Array.prototype.push;

let loaded: Promise<PdfJsModule> | undefined;
/**
 * pdf.js (legacy build, for Node), with the native Array.prototype.push kept. Its worker code
 * (which brings core-js again) is loaded here too and handed to pdf.js, which then runs it on
 * this thread without loading it a second time.
 */
export function pdfjs(): Promise<PdfJsModule> {
  loaded ??= (async () => {
    const lib = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJsModule;
    const worker = (await import('pdfjs-dist/legacy/build/pdf.worker.mjs')) as unknown;
    const g = globalThis as { pdfjsWorker?: unknown };
    g.pdfjsWorker ??= worker;
    if (Array.prototype.push !== nativePush) Object.defineProperty(Array.prototype, 'push', { value: nativePush, writable: true, configurable: true, enumerable: false });
    return lib;
  })();
  return loaded;
}

function assets(): { cMapUrl: string; standardFontDataUrl: string } {
  const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
  return { cMapUrl: `${join(root, 'cmaps')}/`, standardFontDataUrl: `${join(root, 'standard_fonts')}/` };
}

/** Flate in Node: zlib, tolerant of a stream cut short (its readable part is kept). */
export function nodeInflate(data: Uint8Array): Uint8Array {
  return inflateSync(data, { finishFlush: constants.Z_SYNC_FLUSH });
}

export async function extractPdfBytes(data: Uint8Array, options: PdfExtractOptions = {}): Promise<RawDocument> {
  const lib = await pdfjs();
  const task = lib.getDocument({ data, ...assets(), cMapPacked: true, isEvalSupported: false, useSystemFonts: false, disableFontFace: true, verbosity: 0 });
  let timer: ReturnType<typeof setTimeout> | undefined;
  try {
    const work = (async () => {
      const doc = await task.promise;
      const read = await readPdf(doc, lib.OPS, { inflate: nodeInflate });
      return { read, doc };
    })();
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(Object.assign(new Error(`no result after ${PDF_TIMEOUT_MS / 1000} s`), { name: 'TimeoutError' })), PDF_TIMEOUT_MS);
    });
    const { read } = await Promise.race([work, timeout]);
    const raw = extractPdf(read.pages, options);
    const problem = pdfProblem(read);
    if (problem) raw.issues.push(problem);
    return raw;
  } catch (e) {
    return { format: 'pdf', name: options.name, url: options.url, tables: [], text: [], issues: [pdfIssue(e)] };
  } finally {
    clearTimeout(timer);
    await task.destroy().catch(() => undefined);
  }
}
