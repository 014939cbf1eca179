/**
 * Node-only: a Word document read as the page reader reads a page. The document's paragraphs
 * and tables are written as plain HTML (text escaped, spans kept) and go through the same DOM
 * extraction as saved pages; the extension's viewer builds the same elements and reads them
 * with the same code.
 */
import type { RawDocument } from '../model/raw.ts';
import { type WordDocument, wordToHtml } from '../sheet/docx.ts';
import { finishWordReading } from '../extract/word.ts';
import { extractHtmlString } from './html.ts';

export function extractWord(doc: WordDocument, options: { name?: string } = {}): RawDocument {
  return finishWordReading(extractHtmlString(wordToHtml(doc), options), doc);
}
