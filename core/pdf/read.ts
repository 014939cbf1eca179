/**
 * A pdf.js document → PdfPage[] (core/extract/pdf.ts): each page's text items with their
 * positions, and the boxes of the paths it fills or strokes (the ruling lines of its tables),
 * found by following the operator list's transforms. Only pdf.js's documented proxy methods
 * are used, through structural types, so the same code runs in Node (the CLI, with pdf.js's
 * legacy build) and in the extension (its viewer page); pdf.js itself is loaded by the caller.
 */
import type { PdfPage, PdfRect, PdfTextItem } from '../extract/pdf.ts';
import { boxUnder, type Drawn, DrawnReader, type Inflate, inflateWithStreams, multiply } from './drawn.ts';

export interface PdfJsTextItem {
  str?: string;
  transform?: number[];
  width?: number;
  height?: number;
}

export interface PdfJsPage {
  view: number[];
  getTextContent(): Promise<{ items: unknown[] }>;
  getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
  cleanup?(): unknown;
}

export interface PdfJsDocument {
  numPages: number;
  getPage(n: number): Promise<PdfJsPage>;
  /** The file's bytes (for reading the drawn rules without the operator lists). */
  getData?(): Promise<Uint8Array>;
}

/** pdf.js's `OPS` table (operator name → number). */
export type PdfOps = Record<string, number>;

export interface ReadOptions {
  /** Stop after this many pages (bounded work on huge files). */
  maxPages?: number;
  /** Told before each page is read (progress, and a chance to yield). */
  onPage?: (n: number, of: number) => Promise<void> | void;
  /** How Flate streams are inflated (default: DecompressionStream). */
  inflate?: Inflate;
  /** Read every page's rules from pdf.js's operator list (the reference the fast reader is tested against). */
  operatorLists?: boolean;
}

export interface ReadResult {
  pages: PdfPage[];
  /** Images painted (a scanned PDF has images and no text). */
  images: number;
  truncated: boolean;
  /** Pages whose rules came from pdf.js's operator list (the fast reader could not read them). */
  fromOperatorLists: number;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export const MAX_PAGES = 300;

/** The rectangles a page paints (fill or stroke), in user space. */
export function pageRects(list: { fnArray: number[]; argsArray: unknown[] }, ops: PdfOps): { rects: PdfRect[]; images: number } {
  const paint = new Set(
    ['fill', 'eoFill', 'stroke', 'closeStroke', 'fillStroke', 'eoFillStroke', 'closeFillStroke', 'closeEOFillStroke'].map((k) => ops[k]).filter((x): x is number => x !== undefined),
  );
  const strokes = new Set(['stroke', 'closeStroke'].map((k) => ops[k]));
  const imageOps = new Set(['paintImageXObject', 'paintInlineImageXObject', 'paintImageMaskXObject', 'paintImageXObjectRepeat'].map((k) => ops[k]));
  const rects: PdfRect[] = [];
  let images = 0;
  let ctm: Matrix = IDENTITY;
  const stack: Matrix[] = [];
  for (let i = 0; i < list.fnArray.length; i++) {
    const fn = list.fnArray[i] as number;
    const args = list.argsArray[i] as unknown[] | null;
    if (fn === ops.save) stack.push(ctm);
    else if (fn === ops.restore || fn === ops.paintFormXObjectEnd) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform && Array.isArray(args) && args.length >= 6) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.paintFormXObjectBegin && Array.isArray(args)) {
      // A form's [matrix, bbox]: its operators follow, drawn under its matrix.
      stack.push(ctm);
      const m = args[0] as ArrayLike<number> | null;
      if (m && m.length >= 6) ctm = multiply(ctm, m);
    }
    else if (fn === ops.constructPath && Array.isArray(args)) {
      // pdf.js 5: [paint operator, [path data], bounding box [minX, minY, maxX, maxY]].
      const op = args[0] as number;
      const bbox = args[2] as ArrayLike<number> | null | undefined;
      if (!paint.has(op) || !bbox || bbox.length < 4) continue;
      const rect: PdfRect & { stroke?: boolean } = boxUnder(ctm, bbox[0] as number, bbox[1] as number, bbox[2] as number, bbox[3] as number);
      if (strokes.has(op)) rect.stroke = true;
      rects.push(rect);
    } else if (imageOps.has(fn)) images++;
  }
  return { rects, images };
}

export async function readPdf(doc: PdfJsDocument, ops: PdfOps, options: ReadOptions = {}): Promise<ReadResult> {
  const max = Math.min(doc.numPages, options.maxPages ?? MAX_PAGES);
  const pages: PdfPage[] = [];
  let images = 0;
  let fromOperatorLists = 0;
  // Each page's text is asked for before the page before it is worked on (and the first page's
  // before the file is scanned for rules): where pdf.js has a worker, it parses meanwhile.
  const fetchPage = async (n: number) => {
    await options.onPage?.(n, max);
    const page = await doc.getPage(n);
    return { page, content: await page.getTextContent() };
  };
  const ahead = (n: number) => {
    if (n > max) return undefined;
    const p = fetchPage(n);
    p.catch(() => undefined); // awaited below; not left unhandled meanwhile
    return p;
  };
  let next = ahead(1);
  const reader = options.operatorLists ? undefined : await openDrawn(doc, options.inflate ?? inflateWithStreams);
  for (let n = 1; n <= max && next; n++) {
    const { page, content } = await next;
    next = ahead(n + 1);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const items: PdfTextItem[] = [];
    for (const raw of content.items) {
      const it = raw as PdfJsTextItem;
      if (typeof it.str !== 'string' || !it.transform) continue;
      items.push({ str: it.str, x: (it.transform[4] ?? 0) - x0, y: (it.transform[5] ?? 0) - y0, w: it.width ?? 0, h: it.height || Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0) });
    }
    let drawn: Drawn | undefined = await reader?.page(n);
    if (!drawn) {
      drawn = pageRects(await page.getOperatorList(), ops);
      fromOperatorLists++;
    }
    images += drawn.images;
    const rects: PdfRect[] = drawn.rects.map((r) => {
      const out: PdfRect & { stroke?: boolean } = { x: r.x - x0, y: r.y - y0, w: r.w, h: r.h };
      if ((r as { stroke?: boolean }).stroke) out.stroke = true;
      return out;
    });
    pages.push({ number: n, width: x1 - x0, height: y1 - y0, items, rects });
    page.cleanup?.();
  }
  return { pages, images, truncated: doc.numPages > max, fromOperatorLists };
}

/** The fast reader of drawn rules, when it agrees with pdf.js on the number of pages. */
async function openDrawn(doc: PdfJsDocument, inflate: Inflate): Promise<DrawnReader | undefined> {
  if (!doc.getData) return undefined;
  try {
    const reader = await DrawnReader.open(await doc.getData(), inflate);
    return reader?.pageCount === doc.numPages ? reader : undefined;
  } catch {
    return undefined;
  }
}
