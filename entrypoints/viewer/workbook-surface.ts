/**
 * The viewer's surface for a workbook (.xlsx, .xls): reads it with the code the CLI runs
 * (core/sheet → core/extract/sheet.ts), shows each visible sheet as a plain table (cell texts as
 * text, merged ranges spanned), and says where each table, row, cell and line of the reading is
 * on those tables. The overlay draws on it exactly as on a web page.
 */
import { extractWorkbook } from '../../core/extract/sheet.ts';
import type { RawDocument } from '../../core/model/raw.ts';
import { readWorkbook } from '../../core/sheet/open.ts';
import { type Sheet, type Workbook, cellName } from '../../core/sheet/workbook.ts';
import { MAX_ENTRY_BYTES } from '../../core/sheet/zip.ts';
import { inflateWithStreams } from '../../core/pdf/drawn.ts';
import { boxOf, type Box } from '../overlay/locate.ts';
import { FileSurface, type Surface } from '../overlay/surface.ts';

/** An .xlsx entry inflated by the browser (DecompressionStream), bounded like the CLI's zlib. */
const inflateRaw = (data: Uint8Array) => inflateWithStreams(data, 'deflate-raw', MAX_ENTRY_BYTES);

/** Cells shown at most, over all sheets; the reading itself has the engine's own limits. */
const MAX_SHOWN = 100_000;

export class WorkbookSurface extends FileSurface implements Surface {
  /** A table's path → its first and last row elements. */
  private spans = new Map<string, [Element, Element]>();
  /** Cells put on the page so far (bounded: a huge sheet is shown in part). */
  private shown = 0;

  async read(pause: () => Promise<void>): Promise<RawDocument> {
    let book: Workbook;
    try {
      book = await readWorkbook(this.data, inflateRaw);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return { format: 'spreadsheet', name: this.meta.name, url: this.meta.url, tables: [], text: [], issues: [{ code: 'sheet-unreadable', message: reason }] };
    }
    const raw = extractWorkbook(book, this.meta);
    await pause();
    const cells = this.show(book);
    // every path of the reading → the element that shows its cell
    const at = (path: string | undefined, cell: string | undefined) => {
      const el = cell ? cells.get(cell) : undefined;
      if (path && el) this.registry.set(path, el);
    };
    for (const t of raw.tables) {
      for (const row of t.grid) {
        const tr = row.source.cell ? cells.get(row.source.cell)?.parentElement : undefined;
        if (row.source.path && tr) this.registry.set(row.source.path, tr);
        for (const c of row.cells) at(c.source?.path, c.source?.cell);
      }
      const first = t.grid[0]?.source.path;
      const last = t.grid[t.grid.length - 1]?.source.path;
      const table = first?.split('.')[0];
      const a = first ? this.registry.get(first) : undefined;
      const b = last ? this.registry.get(last) : undefined;
      if (table && a && b) this.spans.set(table, [a, b]);
      for (const l of [...(t.title ? [t.title] : []), ...t.preamble, ...t.tail]) at(l.source.path, l.source.cell);
    }
    for (const l of raw.text) at(l.source.path, l.source.cell);
    this.keepLines(raw);
    return raw;
  }

  /** Each visible sheet as a table of its cells' texts; cell address (`Sheet!C7`) → its <td>. */
  private show(book: Workbook): Map<string, HTMLElement> {
    const cells = new Map<string, HTMLElement>();
    this.container.replaceChildren();
    for (const sheet of book.sheets) {
      if (sheet.hidden) continue;
      const section = this.doc.createElement('section');
      section.className = 'sheet';
      const heading = this.doc.createElement('h2');
      heading.textContent = sheet.name;
      section.append(heading, this.sheetTable(sheet, cells));
      this.container.append(section);
      // the sheet's name read as a title line is shown by its heading
      if (!cells.has(`${sheet.name}!A1`)) cells.set(`${sheet.name}!A1`, heading);
    }
    return cells;
  }

  private sheetTable(sheet: Sheet, cells: Map<string, HTMLElement>): HTMLElement {
    // the used rectangle only (a stray cell far away does not make a sheet of empty cells)
    let [top, bottom, left, right] = [Infinity, -1, Infinity, -1];
    sheet.rows.forEach((row, r) =>
      row?.forEach((t, c) => {
        if (t === undefined || t.trim() === '') return;
        [top, bottom, left, right] = [Math.min(top, r), Math.max(bottom, r), Math.min(left, c), Math.max(right, c)];
      }),
    );
    const table = this.doc.createElement('table');
    if (bottom < 0) return table;
    const covered = new Set<string>();
    const span = new Map<string, [number, number]>();
    for (const m of sheet.merges) {
      if (m.r0 < top || m.r0 > bottom || m.c0 < left || m.c0 > right) continue;
      const [r1, c1] = [Math.min(m.r1, bottom), Math.min(m.c1, right)];
      span.set(`${m.r0},${m.c0}`, [r1 - m.r0 + 1, c1 - m.c0 + 1]);
      for (let r = m.r0; r <= r1; r++) for (let c = m.c0; c <= c1; c++) if (r !== m.r0 || c !== m.c0) covered.add(`${r},${c}`);
    }
    for (let r = top; r <= bottom; r++) {
      if (this.shown >= MAX_SHOWN) {
        const note = this.doc.createElement('p');
        note.className = 'cut';
        note.textContent = `${sheet.name}!${cellName(r, left)}…`;
        const wrap = this.doc.createElement('div');
        wrap.append(table, note);
        return wrap;
      }
      const tr = this.doc.createElement('tr');
      for (let c = left; c <= right; c++) {
        if (covered.has(`${r},${c}`)) continue;
        const text = sheet.rows[r]?.[c] ?? '';
        const td = this.doc.createElement('td');
        td.textContent = text;
        const s = span.get(`${r},${c}`);
        if (s?.[0] && s[0] > 1) td.rowSpan = s[0];
        if (s?.[1] && s[1] > 1) td.colSpan = s[1];
        if (/^[-−]?[\d,]+(?:\.\d+)?%?$/.test(text.trim())) td.className = 'n';
        cells.set(`${sheet.name}!${cellName(r, c)}`, td);
        tr.append(td);
        this.shown++;
      }
      table.append(tr);
    }
    return table;
  }

  boxes(path: string, origin: DOMRect): Box[] {
    const span = this.spans.get(path);
    if (span) {
      const a = span[0].getBoundingClientRect();
      const b = span[1].getBoundingClientRect();
      const box = boxOf(new DOMRect(Math.min(a.left, b.left), a.top, Math.max(a.right, b.right) - Math.min(a.left, b.left), b.bottom - a.top), origin);
      return box ? [box] : [];
    }
    return super.boxes(path, origin);
  }

  reveal(path: string): boolean {
    const first = this.spans.get(path)?.[0];
    if (!first) return super.reveal(path);
    first.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }
}
