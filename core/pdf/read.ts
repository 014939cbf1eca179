/**
 * A pdf.js document → PdfPage[] (core/extract/pdf.ts): each page's text items with their
 * positions, and the boxes of the paths it fills or strokes (the ruling lines of its tables),
 * found by following the operator list's transforms. Only pdf.js's documented proxy methods
 * are used, through structural types, so the same code runs in Node (the CLI, with pdf.js's
 * legacy build) and in the extension (its viewer page); pdf.js itself is loaded by the caller.
 */
import type { PdfPage, PdfRect, PdfTextItem } from '../extract/pdf.ts';

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
}

/** pdf.js's `OPS` table (operator name → number). */
export type PdfOps = Record<string, number>;

export interface ReadOptions {
  /** Stop after this many pages (bounded work on huge files). */
  maxPages?: number;
  /** Told before each page is read (progress, and a chance to yield). */
  onPage?: (n: number, of: number) => Promise<void> | void;
}

export interface ReadResult {
  pages: PdfPage[];
  /** Images painted (a scanned PDF has images and no text). */
  images: number;
  truncated: boolean;
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

function multiply(m: Matrix, n: number[]): Matrix {
  const [a, b, c, d, e, f] = n as Matrix;
  return [m[0] * a + m[2] * b, m[1] * a + m[3] * b, m[0] * c + m[2] * d, m[1] * c + m[3] * d, m[0] * e + m[2] * f + m[4], m[1] * e + m[3] * f + m[5]];
}

function apply(m: Matrix, x: number, y: number): [number, number] {
  return [m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]];
}

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
    else if (fn === ops.restore) ctm = stack.pop() ?? IDENTITY;
    else if (fn === ops.transform && Array.isArray(args) && args.length >= 6) ctm = multiply(ctm, args as number[]);
    else if (fn === ops.constructPath && Array.isArray(args)) {
      // pdf.js 5: [paint operator, [path data], bounding box [minX, minY, maxX, maxY]].
      const op = args[0] as number;
      const bbox = args[2] as ArrayLike<number> | null | undefined;
      if (!paint.has(op) || !bbox || bbox.length < 4) continue;
      const corners = [apply(ctm, bbox[0] as number, bbox[1] as number), apply(ctm, bbox[2] as number, bbox[3] as number), apply(ctm, bbox[0] as number, bbox[3] as number), apply(ctm, bbox[2] as number, bbox[1] as number)];
      const xs = corners.map((c) => c[0]);
      const ys = corners.map((c) => c[1]);
      const x = Math.min(...xs);
      const y = Math.min(...ys);
      const rect: PdfRect & { stroke?: boolean } = { x, y, w: Math.max(...xs) - x, h: Math.max(...ys) - y };
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
  for (let n = 1; n <= max; n++) {
    await options.onPage?.(n, max);
    const page = await doc.getPage(n);
    const [x0 = 0, y0 = 0, x1 = 0, y1 = 0] = page.view;
    const content = await page.getTextContent();
    const items: PdfTextItem[] = [];
    for (const raw of content.items) {
      const it = raw as PdfJsTextItem;
      if (typeof it.str !== 'string' || !it.transform) continue;
      items.push({ str: it.str, x: (it.transform[4] ?? 0) - x0, y: (it.transform[5] ?? 0) - y0, w: it.width ?? 0, h: it.height || Math.hypot(it.transform[2] ?? 0, it.transform[3] ?? 0) });
    }
    const drawn = pageRects(await page.getOperatorList(), ops);
    images += drawn.images;
    pages.push({ number: n, width: x1 - x0, height: y1 - y0, items, rects: drawn.rects.map((r) => ({ ...r, x: r.x - x0, y: r.y - y0 })) });
    page.cleanup?.();
  }
  return { pages, images, truncated: doc.numPages > max };
}
