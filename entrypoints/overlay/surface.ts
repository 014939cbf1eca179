/**
 * What the overlay draws on: a web page (PageSurface, here) or the PDF viewer's rendered pages
 * (entrypoints/viewer/pdf-surface.ts). A surface reads its document into a RawDocument and
 * says where each path of it is on screen; the overlay's controller does the rest the same
 * way for both.
 */
import { extractDomInSlices, type DomNode } from '../../core/extract/dom.ts';
import { hasDisclosureTables, lookAtTables } from '../../core/detect/page.ts';
import { disclosurePdfLinks, type PdfLink } from '../../core/detect/pdf-links.ts';
import type { RawDocument } from '../../core/model/raw.ts';
import type { TextMark } from '../../core/marks.ts';
import { boxOf, numberRange, type Box, type FlatCache, type Registry } from './locate.ts';

export interface Surface {
  /** Anything worth auditing here without being asked (budget tables)? */
  worthAuditing(): boolean;
  /** Read the document, giving the main thread back at `pause()`. */
  read(pause: () => Promise<void>): Promise<RawDocument>;
  /** Where a table, row, cell or line is, relative to `origin` (none when it is gone). */
  boxes(path: string, origin: DOMRect): Box[];
  /** Where a number of the text is. */
  numberBoxes(mark: TextMark, origin: DOMRect): Box[];
  /** Width inside a cell left of its figure (room for a recomputed total), or 0. */
  freeWidth(path: string): number;
  /** Scroll the path into view; false when it is not there. */
  reveal(path: string): boolean;
  /** Elements whose size changes move the marks. */
  resizeTargets(): Element[];
  /** The document changes under us (a live page): watch it for new tables. */
  readonly live: boolean;
  /** Tables on the surface now (a change means: read again). */
  tableCount(): number;
  /** Links to PDFs that look like disclosures. */
  pdfLinks(): PdfLink[];
}

/**
 * A surface whose paths are elements of a document: each path of the reading registered to the
 * element that shows it, numbers found in those elements' text.
 */
export abstract class ElementSurface {
  protected registry: Registry = new Map();
  protected lines = new Map<string, string>();
  private flats?: FlatCache;

  constructor(protected readonly doc: Document) {}

  protected element(path: string): Element | undefined {
    const el = this.registry.get(path);
    return el?.isConnected ? el : undefined;
  }

  boxes(path: string, origin: DOMRect): Box[] {
    const el = this.element(path);
    const b = el ? boxOf(el.getBoundingClientRect(), origin) : null;
    return b ? [b] : [];
  }

  numberBoxes(mark: TextMark, origin: DOMRect): Box[] {
    if (!this.flats) {
      // Shared by the marks placed in this synchronous pass; dropped before the page can change.
      this.flats = [new Map(), new Map()];
      queueMicrotask(() => (this.flats = undefined));
    }
    const range = numberRange(this.doc, this.registry, this.lines, mark, this.flats);
    if (!range) return [];
    return [...range.getClientRects()].map((r) => boxOf(r, origin)).filter((b): b is Box => !!b);
  }

  freeWidth(path: string): number {
    const el = this.element(path);
    if (!el) return 0;
    const range = this.doc.createRange();
    range.selectNodeContents(el);
    return el.getBoundingClientRect().width - range.getBoundingClientRect().width;
  }

  reveal(path: string): boolean {
    const el = this.element(path);
    if (!el) return false;
    el.scrollIntoView({ block: 'center', inline: 'nearest' });
    return true;
  }

  /** The text lines of a reading, by path (where a number of the text is looked for). */
  protected keepLines(raw: RawDocument): void {
    this.lines = new Map(raw.text.flatMap((l) => (l.source.path ? [[l.source.path, l.text] as [string, string]] : [])));
  }
}

/**
 * A file the viewer shows in its own container (a workbook's sheets, a Word document): read
 * when asked, never changing under us, with no links of its own to offer.
 */
export abstract class FileSurface extends ElementSurface {
  readonly live = false;

  constructor(
    protected readonly data: Uint8Array,
    protected readonly container: HTMLElement,
    protected readonly meta: { url?: string; name?: string },
  ) {
    super(container.ownerDocument);
  }

  worthAuditing(): boolean {
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

/** The live page the content script runs in. */
export class PageSurface extends ElementSurface implements Surface {
  readonly live = true;
  private tables: Element[] = [];

  constructor(
    doc: Document,
    private readonly limits: { maxCells: number; slice: number },
  ) {
    super(doc);
  }

  worthAuditing(): boolean {
    return hasDisclosureTables(lookAtTables(this.doc.getElementsByTagName('table')));
  }

  async read(pause: () => Promise<void>): Promise<RawDocument> {
    const registry: Registry = new Map();
    const tables: Element[] = [];
    const raw = await extractDomInSlices((this.doc.body ?? this.doc.documentElement) as unknown as DomNode, {
      url: this.doc.location?.href,
      name: this.doc.title,
      maxCells: this.limits.maxCells,
      onNode: (path, node) => {
        registry.set(path, node as unknown as Element);
        // a table's own path is `t<n>` (its rows and cells `t<n>.r…`, lines `l<n>`)
        if (path.charCodeAt(0) === 116 && path.indexOf('.') < 0) tables.push(node as unknown as Element);
      },
      now: () => performance.now(),
      pause,
      slice: this.limits.slice,
    });
    this.registry = registry;
    this.tables = tables;
    this.keepLines(raw);
    return raw;
  }

  resizeTargets(): Element[] {
    return [this.doc.documentElement, ...this.tables];
  }

  tableCount(): number {
    return this.doc.getElementsByTagName('table').length;
  }

  pdfLinks(): PdfLink[] {
    const links: PdfLink[] = [];
    // PDFs the page shows in itself first: the document the reader is looking at
    for (const [tag, attr] of [['iframe', 'src'], ['embed', 'src'], ['object', 'data']] as const) {
      const els = this.doc.getElementsByTagName(tag);
      for (let i = 0; i < els.length && i < 50; i++) {
        const el = els[i] as Element;
        const src = el.getAttribute(attr);
        if (!src) continue;
        // the element resolves its address against the document's base, as a link does
        const href = (el as HTMLIFrameElement).src || (el as HTMLObjectElement).data || src;
        links.push({ href, text: (el.getAttribute('title') ?? '').slice(0, 200), embedded: true });
      }
    }
    const anchors = this.doc.getElementsByTagName('a');
    for (let i = 0; i < anchors.length && i < 2000; i++) {
      const a = anchors[i] as HTMLAnchorElement;
      links.push({ href: a.href, text: (a.textContent ?? '').slice(0, 200) });
    }
    return disclosurePdfLinks(links, this.doc.location?.href ?? '');
  }
}
