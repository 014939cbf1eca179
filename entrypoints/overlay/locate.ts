/**
 * From a report's paths back to the page: `t3.r2.c1` → the <td>, `l17` → the element whose
 * text gave line 17, and a number inside a line → a Range over the page's own text nodes.
 * Read-only: nothing here changes the page.
 */
import { BLOCK, SKIP, containsTable } from '../../core/extract/dom.ts';
import { SPACES } from '../../core/detect/page.ts';
import type { TextMark } from '../../core/marks.ts';

export type Registry = Map<string, Element>;

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

/** A box relative to the overlay layer's origin (page coordinates of the layer). */
export function boxOf(r: DOMRect | DOMRectReadOnly, origin: DOMRect): Box | null {
  if (r.width === 0 && r.height === 0) return null;
  return { x: r.left - origin.left, y: r.top - origin.top, w: r.width, h: r.height };
}

interface Flat {
  text: string;
  nodes: Text[];
  offsets: number[];
}


/**
 * The element's text as the extractor saw it: whitespace runs collapsed to one space, block
 * boundaries and <br> as a space; each character mapped to its text node and offset.
 * `own`: only the text that is the element's own lines (not its block children's).
 */
function flatten(root: Element, own: boolean): Flat {
  const flat: Flat = { text: '', nodes: [], offsets: [] };
  let space = false;
  const visit = (n: Node, depth: number, top: boolean) => {
    if (depth > 64) return;
    if (n.nodeType === 3) {
      const v = n.nodeValue ?? '';
      for (let i = 0; i < v.length; i++) {
        const ch = v[i] as string;
        if (SPACES.includes(ch)) {
          space = flat.text.length > 0;
          continue;
        }
        if (space) {
          flat.text += ' ';
          flat.nodes.push(n as Text);
          flat.offsets.push(i);
          space = false;
        }
        flat.text += ch;
        flat.nodes.push(n as Text);
        flat.offsets.push(i);
      }
      return;
    }
    if (n.nodeType !== 1) return;
    const name = n.nodeName.toUpperCase();
    if (SKIP.has(name)) return;
    if (own && top && (name === 'TABLE' || name === 'TD' || name === 'TH' || BLOCK.has(name) || containsTable(n as never))) {
      space = flat.text.length > 0;
      return;
    }
    const block = name === 'BR' || BLOCK.has(name) || name === 'TD' || name === 'TH';
    if (block) space = flat.text.length > 0;
    for (let c = n.firstChild; c; c = c.nextSibling) visit(c, depth + 1, false);
    if (block) space = flat.text.length > 0;
  };
  for (let c = root.firstChild; c; c = c.nextSibling) visit(c, 1, true);
  return flat;
}

function rangeIn(doc: Document, flat: Flat, start: number, end: number): Range | null {
  if (start < 0 || end > flat.text.length || end <= start) return null;
  const r = doc.createRange();
  const a = flat.nodes[start];
  const b = flat.nodes[end - 1];
  if (!a || !b) return null;
  r.setStart(a, flat.offsets[start] ?? 0);
  r.setEnd(b, (flat.offsets[end - 1] ?? 0) + 1);
  return r;
}

const digitsOf = (s: string) => s.replace(/[^\d.]/g, '');

/** Find `line` in the flattened text, then the number at `offset`; fall back to the digits alone. */
function locate(doc: Document, flat: Flat, line: string | undefined, offset: number, length: number, text: string): Range | null {
  const want = digitsOf(text);
  if (line !== undefined) {
    const at = flat.text.indexOf(line);
    if (at >= 0) {
      const start = at + offset;
      const got = flat.text.slice(start, start + length);
      if (want === '' || digitsOf(got).includes(want) || want.includes(digitsOf(got))) return rangeIn(doc, flat, start, start + length);
    }
  }
  // The number as printed, anywhere in the element (first occurrence).
  const printed = text.replace(/\s+/g, ' ').trim();
  const i = printed ? flat.text.indexOf(printed) : -1;
  return i >= 0 ? rangeIn(doc, flat, i, i + printed.length) : null;
}

/**
 * Flattened elements, for one synchronous pass over many marks (several numbers of one paragraph,
 * many lines of one container): valid while the page does not change, so dropped after the pass.
 */
export type FlatCache = Map<Element, Flat>[];

function flatOf(el: Element, own: boolean, cache?: FlatCache): Flat {
  const map = cache?.[own ? 1 : 0];
  let f = map?.get(el);
  if (!f) {
    f = flatten(el, own);
    map?.set(el, f);
  }
  return f;
}

/** The Range of a checked number of the text, or null when the page no longer holds it. */
export function numberRange(doc: Document, registry: Registry, lines: Map<string, string>, mark: TextMark, cache?: FlatCache): Range | null {
  const el = registry.get(mark.path);
  if (!el || !el.isConnected) return null;
  const line = lines.get(mark.path);
  const row = /^t\d+\.r\d+$/.test(mark.path);
  if (row && line !== undefined) {
    // A prose-table row: its line is the row's cells joined by tabs.
    const before = line.slice(0, mark.lineOffset);
    const cell = before.split('\t').length - 1;
    const cellStart = before.lastIndexOf('\t') + 1;
    const td = registry.get(`${mark.path}.c${cell}`);
    if (!td || !td.isConnected) return null;
    const cellText = line.slice(cellStart).split('\t')[0] ?? '';
    return locate(doc, flatOf(td, false, cache), cellText, mark.lineOffset - cellStart, mark.length, mark.text);
  }
  return locate(doc, flatOf(el, !row, cache), line, mark.lineOffset, mark.length, mark.text);
}
