/**
 * Node-only: a Word document read as the page reader reads a page. The document's paragraphs
 * and tables are written as plain HTML (text escaped, spans kept) and go through the same DOM
 * extraction as saved pages; the extension's viewer builds the same elements and reads them
 * with the same code.
 */
import type { RawDocument } from '../model/raw.ts';
import { type WordDocument, wordToHtml } from '../sheet/docx.ts';
import { extractHtmlString } from './html.ts';

export function extractWord(doc: WordDocument, options: { name?: string } = {}): RawDocument {
  const raw = extractHtmlString(wordToHtml(doc), options);
  raw.format = 'word';
  if (doc.issues.includes('cells-truncated')) raw.issues.push({ code: 'cells-truncated', message: 'only the first table cells of the document were read (it is larger than the limit)' });
  if (doc.blocks.length === 0) raw.issues.push({ code: 'no-text', message: 'the Word document holds no text that could be read' });
  return raw;
}
