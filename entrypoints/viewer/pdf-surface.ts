/**
 * The PDF viewer's surface: reads the PDF (core/pdf/read.ts → core/extract/pdf.ts, the code the
 * CLI runs), lays its pages out, renders them with pdf.js, and says where each table, cell and
 * number is on the rendered pages, from the positions the reader kept. The overlay draws on it
 * exactly as on a web page.
 */
import { extractPdf, type PdfBox, type PdfPage } from '../../core/extract/pdf.ts';
import type { RawDocument } from '../../core/model/raw.ts';
import type { TextMark } from '../../core/marks.ts';
import type { PdfLink } from '../../core/detect/pdf-links.ts';
import { type PdfJsDocument, type PdfOps, readPdf } from '../../core/pdf/read.ts';
import { pdfIssue, pdfProblem } from '../../core/pdf/issues.ts';
import type { Box } from '../overlay/locate.ts';
import type { Surface } from '../overlay/surface.ts';

interface Piece {
  start: number;
  end: number;
  box: PdfBox;
}

export interface RenderablePage {
  getViewport(o: { scale: number }): { width: number; height: number };
  render(o: { canvas: HTMLCanvasElement; canvasContext: CanvasRenderingContext2D; viewport: unknown; transform?: number[] }): { promise: Promise<void> };
}

export interface ViewerDocument extends PdfJsDocument {
  getPage(n: number): Promise<Awaited<ReturnType<PdfJsDocument['getPage']>> & RenderablePage>;
}

/** The widest a page is shown, in CSS pixels. */
const PAGE_WIDTH = 900;

export class PdfSurface implements Surface {
  readonly live = false;
  private boxesOf = new Map<string, PdfBox>();
  private piecesOf = new Map<string, Piece[]>();
  private lines = new Map<string, string>();
  private pageEls = new Map<number, { el: HTMLElement; scale: number }>();

  constructor(
    private readonly load: () => Promise<ViewerDocument>,
    private readonly ops: PdfOps,
    private readonly container: HTMLElement,
    private readonly meta: { url?: string; name?: string },
  ) {}

  worthAuditing(): boolean {
    return true;
  }

  async read(pause: () => Promise<void>): Promise<RawDocument> {
    let doc: ViewerDocument;
    try {
      doc = await this.load();
    } catch (e) {
      return { format: 'pdf', name: this.meta.name, url: this.meta.url, tables: [], text: [], issues: [pdfIssue(e)] };
    }
    const read = await readPdf(doc, this.ops, { onPage: () => pause() });
    const raw = extractPdf(read.pages, {
      url: this.meta.url,
      name: this.meta.name,
      onBox: (path, box) => this.boxesOf.set(path, box),
      onLine: (path, pieces) => this.piecesOf.set(path, pieces),
    });
    const problem = pdfProblem(read);
    if (problem) raw.issues.push(problem);
    this.lines = new Map(raw.text.flatMap((l) => (l.source.path ? [[l.source.path, l.text] as [string, string]] : [])));
    this.layout(read.pages);
    // How many pages' rules pdf.js's operator lists had to give (0: all read from the content streams).
    this.container.dataset.rulesFromOperatorLists = String(read.fromOperatorLists);
    void this.render(doc, read.pages, pause);
    return raw;
  }

  /** Page boxes at their final size before any is drawn, so marks can be placed at once. */
  private layout(pages: PdfPage[]): void {
    this.container.replaceChildren();
    const width = Math.min(PAGE_WIDTH, Math.max(320, document.documentElement.clientWidth - 40));
    for (const p of pages) {
      const scale = width / p.width;
      const el = document.createElement('div');
      el.className = 'page';
      el.dataset.page = String(p.number);
      el.dataset.scale = String(scale);
      el.style.width = `${Math.round(p.width * scale)}px`;
      el.style.height = `${Math.round(p.height * scale)}px`;
      this.container.append(el);
      this.pageEls.set(p.number, { el, scale });
    }
  }

  private async render(doc: ViewerDocument, pages: PdfPage[], pause: () => Promise<void>): Promise<void> {
    const ratio = window.devicePixelRatio || 1;
    for (const p of pages) {
      const slot = this.pageEls.get(p.number);
      if (!slot) continue;
      try {
        const page = await doc.getPage(p.number);
        const viewport = page.getViewport({ scale: slot.scale });
        const canvas = document.createElement('canvas');
        canvas.width = Math.floor(viewport.width * ratio);
        canvas.height = Math.floor(viewport.height * ratio);
        const ctx = canvas.getContext('2d');
        if (!ctx) continue;
        slot.el.prepend(canvas);
        await page.render({ canvas, canvasContext: ctx, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined }).promise;
        slot.el.dataset.rendered = 'true';
      } catch {
        slot.el.dataset.rendered = 'failed';
      }
      await pause();
    }
  }

  private toBox(b: PdfBox, origin: DOMRect): Box | null {
    const slot = this.pageEls.get(b.page);
    if (!slot) return null;
    const r = slot.el.getBoundingClientRect();
    return { x: r.left - origin.left + b.x * slot.scale, y: r.top - origin.top + b.y * slot.scale, w: b.w * slot.scale, h: b.h * slot.scale };
  }

  boxes(path: string, origin: DOMRect): Box[] {
    const b = this.boxesOf.get(path);
    const box = b ? this.toBox(b, origin) : null;
    return box ? [box] : [];
  }

  numberBoxes(mark: TextMark, origin: DOMRect): Box[] {
    let path = mark.path;
    let offset = mark.lineOffset;
    if (/^t\d+\.r\d+$/.test(path)) {
      // A prose-table row: its line is the row's cells joined by tabs.
      const line = this.lines.get(path) ?? '';
      const before = line.slice(0, offset);
      path = `${path}.c${before.split('\t').length - 1}`;
      offset -= before.lastIndexOf('\t') + 1;
    }
    const pieces = this.piecesOf.get(path) ?? [];
    const end = offset + mark.length;
    const out: Box[] = [];
    for (const p of pieces) {
      const a = Math.max(offset, p.start);
      const b = Math.min(end, p.end);
      if (b <= a) continue;
      // Characters of a piece share its width evenly (a run of one font size).
      const per = p.box.w / Math.max(1, p.end - p.start);
      const box = this.toBox({ ...p.box, x: p.box.x + (a - p.start) * per, w: (b - a) * per }, origin);
      if (box) out.push(box);
    }
    return out;
  }

  freeWidth(path: string): number {
    const cell = this.boxesOf.get(path);
    const pieces = this.piecesOf.get(path) ?? [];
    if (!cell || pieces.length === 0) return 0;
    const left = Math.min(...pieces.map((p) => p.box.x));
    const scale = this.pageEls.get(cell.page)?.scale ?? 1;
    return (left - cell.x) * scale;
  }

  reveal(path: string): boolean {
    const b = this.boxesOf.get(path);
    const slot = b ? this.pageEls.get(b.page) : undefined;
    if (!b || !slot) return false;
    const r = slot.el.getBoundingClientRect();
    window.scrollTo({ top: window.scrollY + r.top + b.y * slot.scale - window.innerHeight / 2 });
    return true;
  }

  resizeTargets(): Element[] {
    return [this.container];
  }

  tableCount(): number {
    return 0;
  }

  pdfLinks(): PdfLink[] {
    return [];
  }
}
