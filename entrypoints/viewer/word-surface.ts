/**
 * The viewer's surface for a Word document (.docx): read with the code the CLI runs
 * (core/sheet/docx.ts), shown as plain paragraphs and tables (texts as text, merged cells
 * spanned: the elements the CLI writes as HTML), and read from those elements by the page
 * reader, so the reading and its paths are the CLI's and the overlay draws as on a web page.
 */
import { extractDomInSlices, type DomNode } from '../../core/extract/dom.ts';
import { finishWordReading } from '../../core/extract/word.ts';
import type { RawDocument } from '../../core/model/raw.ts';
import { readOffice } from '../../core/sheet/open.ts';
import type { WordDocument } from '../../core/sheet/docx.ts';
import { MAX_ENTRY_BYTES } from '../../core/sheet/zip.ts';
import { inflateWithStreams } from '../../core/pdf/drawn.ts';
import type { Registry } from '../overlay/locate.ts';
import { FileSurface, type Surface } from '../overlay/surface.ts';
import { SLICE_MS } from '../overlay/controller.ts';

const inflateRaw = (data: Uint8Array) => inflateWithStreams(data, 'deflate-raw', MAX_ENTRY_BYTES);

export class WordSurface extends FileSurface implements Surface {
  async read(pause: () => Promise<void>): Promise<RawDocument> {
    let doc: WordDocument;
    try {
      const office = await readOffice(this.data, inflateRaw);
      if (office.kind !== 'word') throw new Error('not a Word document');
      doc = office.doc;
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { format: 'word', name: this.meta.name, url: this.meta.url, tables: [], text: [], issues: [{ code: 'word-unreadable', message: reason }] };
    }
    this.show(doc);
    await pause();
    const registry: Registry = new Map();
    // the CLI's cell limit (the page reader's default), so both read the same
    const raw = await extractDomInSlices(this.container as unknown as DomNode, {
      ...this.meta,
      onNode: (path, node) => registry.set(path, node as unknown as Element),
      now: () => performance.now(),
      pause,
      slice: SLICE_MS,
    });
    this.registry = registry;
    this.keepLines(raw);
    return finishWordReading(raw, doc);
  }

  /** The paragraphs and tables, as the CLI writes them in HTML (docx.ts wordToHtml). */
  private show(doc: WordDocument): void {
    const d = this.doc;
    const p = (text: string) => {
      const el = d.createElement('p');
      el.textContent = text;
      return el;
    };
    this.container.replaceChildren();
    for (const b of doc.blocks) {
      if (b.kind === 'paragraph') {
        this.container.append(p(b.text));
        continue;
      }
      const table = d.createElement('table');
      const body = d.createElement('tbody');
      for (const row of b.rows) {
        const tr = d.createElement('tr');
        for (const c of row) {
          const td = d.createElement('td');
          if (c.colSpan > 1) td.colSpan = c.colSpan;
          if (c.rowSpan > 1) td.rowSpan = c.rowSpan;
          td.append(...c.lines.map(p));
          tr.append(td);
        }
        body.append(tr);
      }
      table.append(body);
      this.container.append(table);
    }
  }
}
