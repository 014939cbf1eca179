/**
 * .docx (Office Open XML word-processing document) → paragraphs and tables, in reading order.
 * Read from word/document.xml alone: each `<w:p>` is a paragraph (line breaks split it), each
 * `<w:tbl>` a table whose cells keep their paragraphs and spans (`gridSpan` across, `vMerge`
 * down). What Word does not show is left out: deleted text, field codes (`PAGEREF _Toc…`, the
 * field's result is kept), the fallback copy of a text box. A table inside a cell gives its text
 * to that cell.
 */
import { attr, scan } from './xml.ts';

export interface WordCell {
  /** The cell's paragraphs (white space runs as one space). */
  lines: string[];
  colSpan: number;
  rowSpan: number;
}

export type WordBlock = { kind: 'paragraph'; text: string } | { kind: 'table'; rows: WordCell[][] };

export interface WordDocument {
  blocks: WordBlock[];
  /** What could not be read (cells past the limit). */
  issues: string[];
}

/** Cells read at most (a document with more holds no budget table a reader could check). */
export const MAX_WORD_CELLS = 200_000;

interface CellDraft {
  lines: string[];
  colSpan: number;
  /** `restart` opens a vertical merge, `continue` extends the one above. */
  vMerge?: 'restart' | 'continue';
}

interface TableDraft {
  rows: { before: number; cells: CellDraft[] }[];
}

const clean = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, ' ').trim();

/** Resolve vertical merges: a `continue` cell adds a row to the cell above it in its grid column. */
function finishTable(t: TableDraft): WordCell[][] {
  const out: WordCell[][] = [];
  // The open cell of each grid column (for vMerge).
  const open = new Map<number, WordCell>();
  for (const row of t.rows) {
    const cells: WordCell[] = [];
    let col = row.before;
    for (const d of row.cells) {
      const above = open.get(col);
      if (d.vMerge === 'continue' && above) {
        above.rowSpan++;
      } else {
        const cell: WordCell = { lines: d.lines.filter((l) => l !== ''), colSpan: d.colSpan, rowSpan: 1 };
        cells.push(cell);
        for (let k = 0; k < d.colSpan; k++) open.delete(col + k);
        if (d.vMerge === 'restart') open.set(col, cell);
      }
      col += d.colSpan;
    }
    out.push(cells);
  }
  return out;
}

export function readDocumentXml(xml: string): WordDocument {
  const doc: WordDocument = { blocks: [], issues: [] };
  const tables: TableDraft[] = [];
  let cell: CellDraft | undefined;
  const cellStack: (CellDraft | undefined)[] = [];
  let para: string[] | undefined;
  let paraDepth = 0;
  let inText = false;
  let skip = 0; // inside deleted text, a field's code or a text box's fallback
  let cells = 0;
  const endParagraph = () => {
    const lines = (para ?? []).join('').split('\n').map(clean);
    para = undefined;
    if (cell) cell.lines.push(...lines);
    else for (const text of lines) if (text) doc.blocks.push({ kind: 'paragraph', text });
  };
  scan(
    xml,
    (t) => {
      switch (t.name) {
        case 'delText':
        case 'instrText':
        case 'Fallback':
          skip += t.close ? -1 : t.empty ? 0 : 1;
          return;
        case 't':
          inText = !t.close && !t.empty;
          return;
        case 'p':
          if (t.empty) return;
          if (!t.close) {
            if (paraDepth++ === 0) para = [];
            else para?.push(' ');
          } else if (--paraDepth === 0) endParagraph();
          return;
        case 'tab':
          if (para && !skip) para.push(' ');
          return;
        case 'br':
        case 'cr':
          if (para && !skip) para.push('\n');
          return;
        case 'tbl':
          if (t.empty) return;
          if (!t.close) {
            tables.push({ rows: [] });
            cellStack.push(cell);
            cell = undefined;
          } else {
            const done = tables.pop();
            const outer = cellStack.pop();
            if (!done) return;
            const rows = finishTable(done);
            if (outer) {
              // A table in a cell: its text joins the cell's.
              for (const r of rows) outer.lines.push(clean(r.map((c) => c.lines.join(' ')).join(' ')));
              cell = outer;
            } else if (rows.length) doc.blocks.push({ kind: 'table', rows });
          }
          return;
        case 'tr':
          if (!t.close && !t.empty) tables.at(-1)?.rows.push({ before: 0, cells: [] });
          return;
        case 'gridBefore': {
          const row = tables.at(-1)?.rows.at(-1);
          if (row && !cell) row.before = Math.min(64, Math.max(0, Number(attr(t.attrs, 'val') ?? 0) || 0));
          return;
        }
        case 'tc':
          if (t.empty) return;
          if (!t.close) {
            if (++cells > MAX_WORD_CELLS) {
              if (cells === MAX_WORD_CELLS + 1) doc.issues.push('cells-truncated');
              cell = { lines: [], colSpan: 1 };
              return;
            }
            cell = { lines: [], colSpan: 1 };
            tables.at(-1)?.rows.at(-1)?.cells.push(cell);
          } else cell = undefined;
          return;
        case 'gridSpan':
          if (cell) cell.colSpan = Math.min(64, Math.max(1, Number(attr(t.attrs, 'val') ?? 1) || 1));
          return;
        case 'vMerge':
          if (cell) cell.vMerge = attr(t.attrs, 'val') === 'restart' ? 'restart' : 'continue';
          return;
        default:
          return;
      }
    },
    (text) => {
      if (inText && para && !skip) para.push(text);
    },
  );
  return doc;
}

const ESCAPE: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' };
const escape = (s: string) => s.replace(/[&<>"]/g, (c) => ESCAPE[c] ?? c);

/** The document as plain HTML (text escaped): paragraphs and tables with their spans. */
export function wordToHtml(doc: WordDocument): string {
  const out: string[] = ['<!doctype html><html><body>'];
  for (const b of doc.blocks) {
    if (b.kind === 'paragraph') out.push(`<p>${escape(b.text)}</p>`);
    else {
      out.push('<table>');
      for (const row of b.rows) {
        out.push('<tr>');
        for (const c of row) {
          const spans = `${c.colSpan > 1 ? ` colspan="${c.colSpan}"` : ''}${c.rowSpan > 1 ? ` rowspan="${c.rowSpan}"` : ''}`;
          out.push(`<td${spans}>${c.lines.map((l) => `<p>${escape(l)}</p>`).join('')}</td>`);
        }
        out.push('</tr>');
      }
      out.push('</table>');
    }
  }
  out.push('</body></html>');
  return out.join('');
}
