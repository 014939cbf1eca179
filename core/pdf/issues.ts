/** What could not be read from a PDF, said plainly (shared by the CLI and the extension's viewer). */
import type { RawDocument } from '../model/raw.ts';
import type { ReadResult } from './read.ts';
import { MAX_PAGES } from './read.ts';

type Issue = RawDocument['issues'][number];

/** Reading a PDF may take this long at most. */
export const PDF_TIMEOUT_MS = 60_000;

/** An exception of pdf.js (or our timeout) → one issue. */
export function pdfIssue(e: unknown): Issue {
  const name = (e as { name?: string } | null)?.name ?? '';
  const message = e instanceof Error ? e.message : String(e);
  if (name === 'PasswordException') return { code: 'pdf-encrypted', message: 'the PDF is password-protected: nothing could be read or checked' };
  if (name === 'InvalidPDFException' || /invalid pdf|no pdf header|startxref|xref/i.test(message))
    return { code: 'pdf-invalid', message: `not a readable PDF (corrupt or truncated): nothing could be checked (${message})` };
  if (name === 'TimeoutError') return { code: 'pdf-timeout', message: `the PDF took too long to read: nothing could be checked (${message})` };
  return { code: 'pdf-unreadable', message: `the PDF could not be read: nothing could be checked (${message})` };
}

/** A PDF that was read but holds nothing to check: scanned pages, or no text at all. */
export function pdfProblem(read: ReadResult): Issue | undefined {
  const chars = read.pages.reduce((n, p) => n + p.items.reduce((m, i) => m + i.str.trim().length, 0), 0);
  if (chars === 0 && read.images > 0) return { code: 'pdf-scanned', message: 'the pages are images (a scan) with no text layer: the tables are images; nothing could be checked' };
  if (chars === 0) return { code: 'pdf-no-text', message: 'the PDF has no text: nothing could be checked' };
  if (read.truncated) return { code: 'pdf-truncated', message: `only the first ${MAX_PAGES} pages were read` };
  return undefined;
}
