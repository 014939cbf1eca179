/**
 * What a Word document's reading says about itself, wherever it was read (the CLI writes the
 * document as HTML and reads that; the viewer builds the same elements and reads those): its
 * format, and what could not be read.
 */
import type { RawDocument } from '../model/raw.ts';
import type { WordDocument } from '../sheet/docx.ts';

export function finishWordReading(raw: RawDocument, doc: WordDocument): RawDocument {
  raw.format = 'word';
  if (doc.issues.includes('cells-truncated')) raw.issues.push({ code: 'cells-truncated', message: 'only the first table cells of the document were read (it is larger than the limit)' });
  if (doc.blocks.length === 0) raw.issues.push({ code: 'no-text', message: 'the Word document holds no text that could be read' });
  return raw;
}
