/**
 * The rules a PDF page draws, read straight from its content streams: the boxes of the paths it
 * fills or strokes (its tables' ruling lines) and the images it paints, in user space.
 *
 * pdf.js can tell the same through a page's operator list, but that re-parses the whole page
 * (fonts, glyphs, every text operator) and copies tens of thousands of operators across its
 * worker channel — more time than the text extraction itself. Here only what is needed is
 * read: the file's objects are found by scanning for `n g obj` (no cross-reference table is
 * trusted, which also copes with damaged tables and incremental updates: the last definition
 * wins), object streams are unpacked, the page tree is walked from the catalog, and each page's
 * content (with the forms it paints) is tokenised for path and transform operators only.
 *
 * Whatever this reader does not handle — an encrypted file, a filter other than Flate / ASCII
 * hex / ASCII85, a page tree that does not match pdf.js's page count, a malformed stream — is
 * answered `undefined` for that page (or the file), and the caller falls back to pdf.js's
 * operator list: never a wrong answer silently, never an exception.
 */
import type { PdfRect } from '../extract/pdf.ts';

/** Inflates zlib-wrapped data (Node: zlib; browsers: DecompressionStream). */
export type Inflate = (data: Uint8Array) => Promise<Uint8Array> | Uint8Array;

export interface Drawn {
  rects: PdfRect[];
  images: number;
}

class Ref {
  constructor(
    readonly num: number,
    readonly gen: number,
  ) {}
}
class Name {
  constructor(readonly name: string) {}
}
class Keyword {
  constructor(readonly word: string) {}
}
/** String contents are never needed: every string is this one value. */
const STRING = { string: true } as const;
type Dict = Map<string, Value>;
interface Stream {
  dict: Dict;
  start: number;
  end: number;
}
type Value = number | boolean | null | Ref | Name | Keyword | typeof STRING | Value[] | Dict | Stream;

const isDict = (v: unknown): v is Dict => v instanceof Map;
const isStream = (v: unknown): v is Stream => typeof v === 'object' && v !== null && 'dict' in v && 'start' in v;
const nameOf = (v: unknown): string | undefined => (v instanceof Name ? v.name : undefined);

// Character classes of PDF syntax (ISO 32000-1 §7.2.2).
const WHITE = new Uint8Array(256);
for (const c of [0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]) WHITE[c] = 1;
const DELIM = new Uint8Array(256);
for (const c of '()<>[]{}/%') DELIM[c.charCodeAt(0)] = 1;
const REGULAR = (c: number) => !WHITE[c] && !DELIM[c];

/** A tokenizer and value parser over bytes: the file's objects, and an inline image's dictionary. */
class Lexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    readonly end = bytes.length,
  ) {
    this.pos = start;
  }

  skipSpace(): void {
    const b = this.bytes;
    while (this.pos < this.end) {
      const c = b[this.pos] as number;
      if (WHITE[c]) this.pos++;
      else if (c === 0x25) {
        while (this.pos < this.end && b[this.pos] !== 0x0a && b[this.pos] !== 0x0d) this.pos++;
      } else break;
    }
  }

  /** The next value or keyword; `undefined` at the end or on a closing delimiter (left unread). */
  next(): Value | undefined {
    this.skipSpace();
    if (this.pos >= this.end) return undefined;
    const b = this.bytes;
    const c = b[this.pos] as number;
    if (c === 0x2f) return this.name();
    if (c === 0x28) return this.literal();
    if (c === 0x3c) {
      if (b[this.pos + 1] === 0x3c) {
        this.pos += 2;
        return this.dict();
      }
      this.pos = skipAngled(b, this.pos, this.end);
      return STRING;
    }
    if (c === 0x5b) {
      this.pos++;
      const items: Value[] = [];
      for (;;) {
        this.skipSpace();
        if (this.pos >= this.end) return items;
        if (b[this.pos] === 0x5d) {
          this.pos++;
          return items;
        }
        const v = this.next();
        if (v === undefined) {
          this.pos++; // a stray closing delimiter inside an array
          continue;
        }
        items.push(v);
      }
    }
    if (c === 0x5d || c === 0x3e || c === 0x29 || c === 0x7d) return undefined;
    if (c === 0x7b) {
      this.pos++;
      return new Keyword('{');
    }
    if ((c >= 0x30 && c <= 0x39) || c === 0x2b || c === 0x2d || c === 0x2e) {
      const n = this.number();
      if (n !== undefined) return n;
    }
    const start = this.pos;
    while (this.pos < this.end && REGULAR(b[this.pos] as number)) this.pos++;
    if (this.pos === start) {
      this.pos++;
      return new Keyword(String.fromCharCode(c));
    }
    const word = latin1(b, start, this.pos);
    if (word === 'true') return true;
    if (word === 'false') return false;
    if (word === 'null') return null;
    return new Keyword(word);
  }

  private number(): number | undefined {
    const b = this.bytes;
    let i = this.pos;
    let sign = 1;
    if (b[i] === 0x2b) i++;
    else if (b[i] === 0x2d) {
      sign = -1;
      i++;
      while (b[i] === 0x2d) i++; // "--5" is read as -5 by every reader
    }
    let value = 0;
    let digits = 0;
    while (i < this.end && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) {
      value = value * 10 + ((b[i] as number) - 0x30);
      i++;
      digits++;
    }
    if (b[i] === 0x2e) {
      i++;
      let scale = 0.1;
      while (i < this.end && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) {
        value += ((b[i] as number) - 0x30) * scale;
        scale /= 10;
        i++;
        digits++;
      }
    }
    if (!digits) return undefined;
    this.pos = i;
    return sign * value;
  }

  private name(): Name {
    const b = this.bytes;
    const start = ++this.pos;
    while (this.pos < this.end && REGULAR(b[this.pos] as number)) this.pos++;
    return new Name(decodeName(latin1(b, start, this.pos)));
  }

  private literal(): typeof STRING {
    this.pos = skipLiteral(this.bytes, this.pos, this.end);
    return STRING;
  }

  private dict(): Dict {
    const d: Dict = new Map();
    const b = this.bytes;
    for (;;) {
      this.skipSpace();
      if (this.pos >= this.end) return d;
      if (b[this.pos] === 0x3e) {
        this.pos += b[this.pos + 1] === 0x3e ? 2 : 1;
        return d;
      }
      const key = this.next();
      if (key === undefined) {
        this.pos++;
        continue;
      }
      if (!(key instanceof Name)) continue;
      const value = this.value();
      if (value !== undefined) d.set(key.name, value);
    }
  }

  /** A value where references may occur (`12 0 R`): the file's objects, not content streams. */
  value(): Value | undefined {
    const v = this.next();
    if (typeof v !== 'number' || !Number.isInteger(v) || v < 0) return this.refs(v);
    const save = this.pos;
    const gen = this.next();
    if (typeof gen === 'number' && Number.isInteger(gen)) {
      const r = this.next();
      if (r instanceof Keyword && r.word === 'R') return new Ref(v, gen);
    }
    this.pos = save;
    return v;
  }

  /** Arrays and dictionaries read by `next` hold `n g R` as three items: fold them. */
  private refs(v: Value | undefined): Value | undefined {
    if (Array.isArray(v)) return foldRefs(v);
    if (isDict(v)) for (const [k, x] of v) if (Array.isArray(x)) v.set(k, foldRefs(x));
    return v;
  }
}

function foldRefs(items: Value[]): Value[] {
  const out: Value[] = [];
  for (let i = 0; i < items.length; i++) {
    const a = items[i];
    const g = items[i + 1];
    const r = items[i + 2];
    if (typeof a === 'number' && typeof g === 'number' && r instanceof Keyword && r.word === 'R') {
      out.push(new Ref(a, g));
      i += 2;
    } else out.push(Array.isArray(a) ? foldRefs(a) : (a as Value));
  }
  return out;
}

function latin1(b: Uint8Array, start: number, end: number): string {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(b[i] as number);
  return s;
}

function indexOfBytes(b: Uint8Array, word: string, from: number, to = b.length): number {
  const first = word.charCodeAt(0);
  outer: for (let i = b.indexOf(first, from); i >= 0 && i + word.length <= to; i = b.indexOf(first, i + 1)) {
    for (let k = 1; k < word.length; k++) if (b[i + k] !== word.charCodeAt(k)) continue outer;
    return i;
  }
  return -1;
}

/** The file's indirect objects, by number (the last definition of each wins). */
class Objects {
  /** Objects defined directly in the file, and those found in object streams. */
  private direct = new Set<number>();
  private packed = new Set<number>();
  private cache = new Map<number, Value>();
  /** Forms' content, inflated once (a header or logo form is painted on every page). */
  private forms = new Map<Stream, Uint8Array | undefined>();
  private streamsOfObjects: number[] = [];
  trailers: Dict[] = [];
  encrypted = false;

  constructor(
    readonly bytes: Uint8Array,
    private readonly inflate: Inflate,
  ) {
    this.scan();
  }

  /** Finds every `n g obj` outside stream data, and the trailers. */
  private scan(): void {
    const b = this.bytes;
    let pos = 0;
    for (;;) {
      const at = indexOfBytes(b, 'obj', pos);
      if (at < 0) break;
      pos = at + 3;
      if (REGULAR(b[at + 3] ?? 0x20) || !WHITE[b[at - 1] ?? 0]) continue;
      // Walk back over "num gen ".
      let i = at - 1;
      while (i >= 0 && WHITE[b[i] as number]) i--;
      const genEnd = i + 1;
      while (i >= 0 && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) i--;
      const genStart = i + 1;
      if (genStart === genEnd || !WHITE[b[i] ?? 0]) continue;
      while (i >= 0 && WHITE[b[i] as number]) i--;
      const numEnd = i + 1;
      while (i >= 0 && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) i--;
      const numStart = i + 1;
      if (numStart === numEnd || (i >= 0 && REGULAR(b[i] as number))) continue;
      const num = Number(latin1(b, numStart, numEnd));
      this.direct.add(num);
      const v = this.parseAt(at + 3);
      if (isStream(v)) {
        pos = v.end;
        if (nameOf(v.dict.get('Type')) === 'ObjStm') this.streamsOfObjects.push(num);
        if (nameOf(v.dict.get('Type')) === 'XRef') this.trailers.push(v.dict);
      }
      this.cache.set(num, v);
    }
    for (let t = indexOfBytes(b, 'trailer', 0); t >= 0; t = indexOfBytes(b, 'trailer', t + 7)) {
      const d = new Lexer(b, t + 7).value();
      if (isDict(d)) this.trailers.push(d);
    }
    this.encrypted = this.trailers.some((t) => t.has('Encrypt'));
  }

  /** The object that starts after `obj` at `pos` (a stream: its dictionary and data range). */
  private parseAt(pos: number): Value {
    const lex = new Lexer(this.bytes, pos);
    const v = lex.value() ?? null;
    if (!isDict(v)) return v;
    const save = lex.pos;
    const kw = lex.next();
    if (!(kw instanceof Keyword) || kw.word !== 'stream') {
      lex.pos = save;
      return v;
    }
    const b = this.bytes;
    let start = lex.pos;
    if (b[start] === 0x0d) start++;
    if (b[start] === 0x0a) start++;
    const length = v.get('Length');
    let end = -1;
    if (typeof length === 'number' && start + length <= b.length) {
      const after = new Lexer(b, start + length);
      after.skipSpace();
      if (indexOfBytes(b, 'endstream', after.pos, after.pos + 9) === after.pos) end = start + length;
    }
    if (end < 0) {
      const e = indexOfBytes(b, 'endstream', start);
      end = e < 0 ? b.length : e;
      if (b[end - 1] === 0x0a) end--;
      if (b[end - 1] === 0x0d) end--;
    }
    return { dict: v, start, end: Math.max(start, end) };
  }

  /** Unpacks the object streams (PDF 1.5+), for objects not defined directly in the file. */
  async unpack(): Promise<void> {
    for (const num of this.streamsOfObjects) {
      const s = this.cache.get(num);
      if (!isStream(s)) continue;
      const data = await this.decode(s);
      if (!data) continue;
      const n = this.get(s.dict.get('N'));
      const first = this.get(s.dict.get('First'));
      if (typeof n !== 'number' || typeof first !== 'number') continue;
      const head = new Lexer(data, 0, Math.min(first, data.length));
      for (let k = 0; k < n; k++) {
        const obj = head.next();
        const off = head.next();
        if (typeof obj !== 'number' || typeof off !== 'number') break;
        if (this.direct.has(obj) || this.packed.has(obj)) continue;
        this.packed.add(obj);
        this.cache.set(obj, new Lexer(data, first + off).value() ?? null);
      }
    }
  }

  /** Follows a reference (once: the result is never itself a reference). */
  get(v: Value | undefined): Value | undefined {
    for (let hops = 0; v instanceof Ref && hops < 32; hops++) v = this.cache.get(v.num);
    return v instanceof Ref ? undefined : v;
  }

  /** A form's content, decoded on its first use only. */
  async formContent(s: Stream): Promise<Uint8Array | undefined> {
    if (!this.forms.has(s)) this.forms.set(s, await this.decode(s));
    return this.forms.get(s);
  }

  /** A stream's data with its filters undone; `undefined` for a filter this reader lacks. */
  async decode(s: Stream): Promise<Uint8Array | undefined> {
    let data: Uint8Array = this.bytes.subarray(s.start, s.end);
    const f = this.get(s.dict.get('Filter'));
    const filters = (Array.isArray(f) ? f.map((x) => this.get(x)) : f === undefined || f === null ? [] : [f]).map(nameOf);
    const p = this.get(s.dict.get('DecodeParms') ?? s.dict.get('DP'));
    const parms = Array.isArray(p) ? p.map((x) => this.get(x)) : [p];
    for (let k = 0; k < filters.length; k++) {
      const name = filters[k];
      const parm = parms[k];
      if (isDict(parm) && Number(this.get(parm.get('Predictor')) ?? 1) > 1) return undefined;
      if (name === 'FlateDecode' || name === 'Fl') data = await this.inflate(data);
      else if (name === 'ASCIIHexDecode' || name === 'AHx') data = asciiHex(data);
      else if (name === 'ASCII85Decode' || name === 'A85') data = ascii85(data);
      else return undefined;
    }
    return data;
  }
}

function asciiHex(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  let hi = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const d = c >= 0x30 && c <= 0x39 ? c - 0x30 : c >= 0x41 && c <= 0x46 ? c - 55 : c >= 0x61 && c <= 0x66 ? c - 87 : -1;
    if (d < 0) continue;
    if (hi < 0) hi = d;
    else {
      out.push(hi * 16 + d);
      hi = -1;
    }
  }
  if (hi >= 0) out.push(hi * 16);
  return Uint8Array.from(out);
}

function ascii85(data: Uint8Array): Uint8Array {
  const out: number[] = [];
  const group: number[] = [];
  const flush = (n: number) => {
    let v = 0;
    for (let k = 0; k < 5; k++) v = v * 85 + (group[k] ?? 84);
    for (let k = 0; k < n - 1; k++) out.push((v >>> (24 - 8 * k)) & 0xff);
    group.length = 0;
  };
  let i = 0;
  if (data[0] === 0x3c && data[1] === 0x7e) i = 2;
  for (; i < data.length; i++) {
    const c = data[i] as number;
    if (c === 0x7e) break;
    if (WHITE[c]) continue;
    if (c === 0x7a && group.length === 0) {
      out.push(0, 0, 0, 0);
      continue;
    }
    if (c < 0x21 || c > 0x75) continue;
    group.push(c - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 1) flush(group.length);
  return Uint8Array.from(out);
}

type Matrix = [number, number, number, number, number, number];
const IDENTITY: Matrix = [1, 0, 0, 1, 0, 0];

export function multiply(m: Matrix, n: ArrayLike<number>): Matrix {
  const a = n[0] as number;
  const b = n[1] as number;
  const c = n[2] as number;
  const d = n[3] as number;
  const e = n[4] as number;
  const f = n[5] as number;
  return [m[0] * a + m[2] * b, m[1] * a + m[3] * b, m[0] * c + m[2] * d, m[1] * c + m[3] * d, m[0] * e + m[2] * f + m[4], m[1] * e + m[3] * f + m[5]];
}

/** The user-space box of a path box [minX, minY, maxX, maxY] under a transform. */
export function boxUnder(ctm: Matrix, x0: number, y0: number, x1: number, y1: number): PdfRect {
  const xs = [ctm[0] * x0 + ctm[2] * y0, ctm[0] * x1 + ctm[2] * y1, ctm[0] * x0 + ctm[2] * y1, ctm[0] * x1 + ctm[2] * y0];
  const ys = [ctm[1] * x0 + ctm[3] * y0, ctm[1] * x1 + ctm[3] * y1, ctm[1] * x0 + ctm[3] * y1, ctm[1] * x1 + ctm[3] * y0];
  const x = Math.min(...xs) + ctm[4];
  const y = Math.min(...ys) + ctm[5];
  return { x, y, w: Math.max(...xs) + ctm[4] - x, h: Math.max(...ys) + ctm[5] - y };
}

/** The extremes of a cubic Bézier on one axis (its end points and where its derivative is 0). */
function bezierRange(p0: number, p1: number, p2: number, p3: number): [number, number] {
  let lo = Math.min(p0, p3);
  let hi = Math.max(p0, p3);
  const a = -p0 + 3 * p1 - 3 * p2 + p3;
  const b = 2 * (p0 - 2 * p1 + p2);
  const c = p1 - p0;
  const roots: number[] = [];
  if (Math.abs(a) < 1e-12) {
    if (Math.abs(b) > 1e-12) roots.push(-c / b);
  } else {
    const disc = b * b - 4 * a * c;
    if (disc >= 0) {
      const s = Math.sqrt(disc);
      roots.push((-b + s) / (2 * a), (-b - s) / (2 * a));
    }
  }
  for (const t of roots) {
    if (t <= 0 || t >= 1) continue;
    const u = 1 - t;
    const v = u * u * u * p0 + 3 * u * u * t * p1 + 3 * u * t * t * p2 + t * t * t * p3;
    lo = Math.min(lo, v);
    hi = Math.max(hi, v);
  }
  return [lo, hi];
}

const MAX_FORM_DEPTH = 12;
const MAX_OPERANDS = 64;

/** An operator's bytes as one number (operators are at most 3 bytes long here). */
const code = (op: string) => [...op].reduce((v, c) => v * 256 + c.charCodeAt(0), 0);
const OP = {
  q: code('q'), Q: code('Q'), cm: code('cm'), m: code('m'), l: code('l'), c: code('c'), v: code('v'), y: code('y'), re: code('re'), n: code('n'),
  BI: code('BI'), BT: code('BT'), Do: code('Do'), S: code('S'), s: code('s'), f: code('f'), F: code('F'), fStar: code('f*'), B: code('B'), BStar: code('B*'), b: code('b'), bStar: code('b*'),
};

/**
 * Reads the drawn boxes of one content stream (and the forms it paints) into `out`. The content
 * is scanned byte by byte without building values: numbers go on an operand stack, strings,
 * arrays' brackets and dictionaries are stepped over, the last name is remembered (for `Do`).
 */
class Painter {
  private ctm: Matrix = IDENTITY;
  private stack: Matrix[] = [];
  private x0 = Infinity;
  private y0 = Infinity;
  private x1 = -Infinity;
  private y1 = -Infinity;
  private cx = 0;
  private cy = 0;
  private forms = new Set<number>();
  private operands = new Float64Array(MAX_OPERANDS);

  constructor(
    private readonly objects: Objects,
    readonly out: Drawn,
  ) {}

  private point(x: number, y: number): void {
    if (x < this.x0) this.x0 = x;
    if (y < this.y0) this.y0 = y;
    if (x > this.x1) this.x1 = x;
    if (y > this.y1) this.y1 = y;
    this.cx = x;
    this.cy = y;
  }

  private curve(x1: number, y1: number, x2: number, y2: number, x3: number, y3: number): void {
    const [xl, xh] = bezierRange(this.cx, x1, x2, x3);
    const [yl, yh] = bezierRange(this.cy, y1, y2, y3);
    this.point(xl, yl);
    this.point(xh, yh);
    this.cx = x3;
    this.cy = y3;
  }

  private paintPath(stroke: boolean): void {
    if (this.x0 <= this.x1) {
      const r: PdfRect & { stroke?: boolean } = boxUnder(this.ctm, this.x0, this.y0, this.x1, this.y1);
      if (stroke) r.stroke = true;
      this.out.rects.push(r);
    }
    this.resetPath();
  }

  private resetPath(): void {
    this.x0 = this.y0 = Infinity;
    this.x1 = this.y1 = -Infinity;
  }

  async paint(b: Uint8Array, resources: Value | undefined, depth: number): Promise<boolean> {
    const end = b.length;
    const st = this.operands;
    let top = 0;
    let nameStart = -1;
    let nameEnd = -1;
    let i = 0;
    while (i < end) {
      const c = b[i] as number;
      if (WHITE[c]) {
        i++;
        continue;
      }
      if ((c >= 0x30 && c <= 0x39) || c === 0x2d || c === 0x2b || c === 0x2e) {
        // A number.
        let sign = 1;
        if (c === 0x2d || c === 0x2b) {
          if (c === 0x2d) sign = -1;
          i++;
          while (b[i] === 0x2d) i++;
        }
        let value = 0;
        while (i < end && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) value = value * 10 + ((b[i++] as number) - 0x30);
        if (b[i] === 0x2e) {
          i++;
          let scale = 0.1;
          while (i < end && (b[i] as number) >= 0x30 && (b[i] as number) <= 0x39) {
            value += ((b[i++] as number) - 0x30) * scale;
            scale /= 10;
          }
        }
        if (top < MAX_OPERANDS) st[top++] = sign * value;
        continue;
      }
      switch (c) {
        case 0x25: // % comment
          while (i < end && b[i] !== 0x0a && b[i] !== 0x0d) i++;
          continue;
        case 0x28: // (literal string)
          i = skipLiteral(b, i, end);
          continue;
        case 0x3c: // <hex string> or << dictionary >>
          i = skipAngled(b, i, end);
          continue;
        case 0x2f: // /Name
          nameStart = ++i;
          while (i < end && REGULAR(b[i] as number)) i++;
          nameEnd = i;
          continue;
        case 0x5b:
        case 0x5d:
        case 0x7b:
        case 0x7d:
        case 0x3e:
        case 0x29:
          i++;
          continue;
      }
      // An operator.
      const start = i;
      let op = 0;
      while (i < end && REGULAR(b[i] as number)) op = op * 256 + (b[i++] as number);
      if (i - start > 3) {
        top = 0;
        continue;
      }
      switch (op) {
        case OP.q:
          this.stack.push(this.ctm);
          break;
        case OP.Q:
          this.ctm = this.stack.pop() ?? IDENTITY;
          break;
        case OP.cm:
          if (top >= 6) this.ctm = multiply(this.ctm, st.subarray(top - 6, top));
          break;
        case OP.m:
        case OP.l:
          this.point(arg(st, top, 2), arg(st, top, 1));
          break;
        case OP.c:
          this.curve(arg(st, top, 6), arg(st, top, 5), arg(st, top, 4), arg(st, top, 3), arg(st, top, 2), arg(st, top, 1));
          break;
        case OP.v:
          this.curve(this.cx, this.cy, arg(st, top, 4), arg(st, top, 3), arg(st, top, 2), arg(st, top, 1));
          break;
        case OP.y:
          this.curve(arg(st, top, 4), arg(st, top, 3), arg(st, top, 2), arg(st, top, 1), arg(st, top, 2), arg(st, top, 1));
          break;
        case OP.re: {
          const x = arg(st, top, 4);
          const y = arg(st, top, 3);
          this.point(x + arg(st, top, 2), y + arg(st, top, 1));
          this.point(x, y);
          break;
        }
        case OP.n:
          this.resetPath();
          break;
        case OP.S:
        case OP.s:
          this.paintPath(true);
          break;
        case OP.f:
        case OP.F:
        case OP.fStar:
        case OP.B:
        case OP.BStar:
        case OP.b:
        case OP.bStar:
          this.paintPath(false);
          break;
        case OP.BI: {
          const lex = new Lexer(b, i, end);
          skipInlineImage(lex);
          i = lex.pos;
          this.out.images++;
          break;
        }
        case OP.BT:
          // A text object: no path or XObject may be painted inside one (ISO 32000-1 §8.2). One
          // never closed is read on as ordinary content.
          i = skipTextObject(b, i, end) ?? i;
          break;
        case OP.Do:
          if (nameStart >= 0 && !(await this.xobject(decodeName(latin1(b, nameStart, nameEnd)), resources, depth))) return false;
          break;
      }
      top = 0;
    }
    return true;
  }

  private async xobject(name: string, resources: Value | undefined, depth: number): Promise<boolean> {
    const o = this.objects;
    const res = o.get(resources);
    const xobjects = isDict(res) ? o.get(res.get('XObject')) : undefined;
    const ref = isDict(xobjects) ? xobjects.get(name) : undefined;
    const x = o.get(ref);
    if (!isStream(x)) return true;
    const subtype = nameOf(o.get(x.dict.get('Subtype')));
    if (subtype === 'Image') {
      this.out.images++;
      return true;
    }
    if (subtype !== 'Form') return true;
    const key = ref instanceof Ref ? ref.num : -1;
    if (depth >= MAX_FORM_DEPTH || this.forms.has(key)) return true;
    const data = await o.formContent(x);
    if (!data) return false;
    const matrix = o.get(x.dict.get('Matrix'));
    this.stack.push(this.ctm);
    if (Array.isArray(matrix) && matrix.length >= 6) this.ctm = multiply(this.ctm, matrix.map((m) => Number(o.get(m)) || 0));
    this.forms.add(key);
    const ok = await this.paint(data, x.dict.get('Resources') ?? resources, depth + 1);
    this.forms.delete(key);
    this.ctm = this.stack.pop() ?? IDENTITY;
    return ok;
  }
}

/** The k-th operand from the top (0 when missing). */
function arg(st: Float64Array, top: number, k: number): number {
  return top >= k ? (st[top - k] as number) : 0;
}

/** From inside a text object (after `BT`) to after its `ET`, stepping over strings, names and dictionaries; `undefined` when it has none. */
function skipTextObject(b: Uint8Array, i: number, end: number): number | undefined {
  while (i < end) {
    const c = b[i] as number;
    if (c === 0x28) i = skipLiteral(b, i, end);
    else if (c === 0x3c) i = skipAngled(b, i, end);
    else if (c === 0x2f) {
      i++;
      while (i < end && REGULAR(b[i] as number)) i++;
    } else if (c === 0x25) {
      while (i < end && b[i] !== 0x0a && b[i] !== 0x0d) i++;
    } else if (c === 0x45 && b[i + 1] === 0x54 && !REGULAR(b[i - 1] ?? 0x20) && (i + 2 >= end || !REGULAR(b[i + 2] as number))) {
      return i + 2;
    } else i++;
  }
  return undefined;
}

/** Past a literal string, from its `(`: nested parentheses balanced, escapes stepped over. */
function skipLiteral(b: Uint8Array, i: number, end: number): number {
  let d = 0;
  while (i < end) {
    const x = b[i++];
    if (x === 0x5c) i++;
    else if (x === 0x28) d++;
    else if (x === 0x29 && --d === 0) break;
  }
  return i;
}

/** Past a hex string or a dictionary, from its `<`. */
function skipAngled(b: Uint8Array, i: number, end: number): number {
  if (b[i + 1] === 0x3c) return skipDict(b, i + 2, end);
  const close = b.indexOf(0x3e, i);
  return close < 0 || close >= end ? end : close + 1;
}

/** Past a dictionary in content (a marked-content property list), from after its `<<`. */
function skipDict(b: Uint8Array, i: number, end: number): number {
  let depth = 1;
  while (i < end) {
    const c = b[i];
    if (c === 0x28) {
      i = skipLiteral(b, i, end);
      continue;
    }
    i++;
    if (c === 0x3c && b[i] === 0x3c) {
      depth++;
      i++;
    } else if (c === 0x3e && b[i] === 0x3e) {
      i++;
      if (--depth === 0) return i;
    }
  }
  return end;
}

function decodeName(s: string): string {
  return s.includes('#') ? s.replace(/#([0-9a-fA-F]{2})/g, (_, h: string) => String.fromCharCode(parseInt(h, 16))) : s;
}

/** Past an inline image's data: from after `BI`'s dictionary's `ID` to after `EI`. */
function skipInlineImage(lex: Lexer): void {
  let length: number | undefined;
  for (;;) {
    const v = lex.next();
    if (v === undefined) {
      if (lex.pos >= lex.end) return;
      lex.pos++;
      continue;
    }
    if (v instanceof Keyword && v.word === 'ID') break;
    if (v instanceof Name && (v.name === 'L' || v.name === 'Length')) {
      const n = lex.next();
      if (typeof n === 'number') length = n;
    }
  }
  lex.pos++; // the one white-space character after ID
  if (length !== undefined) {
    lex.pos += length;
    const e = indexOfBytes(lex.bytes, 'EI', lex.pos, lex.end);
    lex.pos = e < 0 ? lex.end : e + 2;
    return;
  }
  const b = lex.bytes;
  for (let i = indexOfBytes(b, 'EI', lex.pos, lex.end); i >= 0; i = indexOfBytes(b, 'EI', i + 1, lex.end)) {
    if (WHITE[b[i - 1] as number] && (i + 2 >= lex.end || WHITE[b[i + 2] as number] || DELIM[b[i + 2] as number])) {
      lex.pos = i + 2;
      return;
    }
  }
  lex.pos = lex.end;
}

/** The drawn boxes of a PDF's pages, page by page, or `undefined` for a file it cannot read. */
export class DrawnReader {
  private constructor(
    private readonly objects: Objects,
    private readonly pages: { dict: Dict; resources: Value | undefined }[],
  ) {}

  /** `undefined` when the file is encrypted or its page tree cannot be followed. */
  static async open(bytes: Uint8Array, inflate: Inflate): Promise<DrawnReader | undefined> {
    try {
      const objects = new Objects(bytes, inflate);
      if (objects.encrypted) return undefined;
      await objects.unpack();
      let root: Value | undefined;
      for (let k = objects.trailers.length - 1; k >= 0 && !isDict(root); k--) root = objects.get(objects.trailers[k]?.get('Root'));
      if (!isDict(root)) return undefined;
      const pages: { dict: Dict; resources: Value | undefined }[] = [];
      const seen = new Set<Value>();
      const walk = (node: Value | undefined, resources: Value | undefined, depth: number): void => {
        const d = objects.get(node);
        if (!isDict(d) || seen.has(d) || depth > 64) return;
        seen.add(d);
        const res = d.has('Resources') ? d.get('Resources') : resources;
        const kids = objects.get(d.get('Kids'));
        if (Array.isArray(kids)) for (const kid of kids) walk(kid, res, depth + 1);
        else pages.push({ dict: d, resources: res });
      };
      walk(root.get('Pages'), undefined, 0);
      return pages.length ? new DrawnReader(objects, pages) : undefined;
    } catch {
      return undefined;
    }
  }

  get pageCount(): number {
    return this.pages.length;
  }

  /** Page `n` (1-based): what it draws, or `undefined` when this reader cannot tell. */
  async page(n: number): Promise<Drawn | undefined> {
    const page = this.pages[n - 1];
    if (!page) return undefined;
    try {
      const o = this.objects;
      const c = o.get(page.dict.get('Contents'));
      const parts = Array.isArray(c) ? c.map((x) => o.get(x)) : c === undefined || c === null ? [] : [c];
      const chunks: Uint8Array[] = [];
      for (const part of parts) {
        if (!isStream(part)) return undefined;
        const data = await o.decode(part);
        if (!data) return undefined;
        chunks.push(data, NEWLINE);
      }
      const content = concat(chunks);
      const out: Drawn = { rects: [], images: 0 };
      const ok = await new Painter(o, out).paint(content, page.resources, 0);
      return ok ? out : undefined;
    } catch {
      return undefined;
    }
  }
}

const NEWLINE = Uint8Array.of(0x0a);

/** Content streams joined by newlines (the trailing one dropped when there is a single stream). */
function concat(chunks: Uint8Array[]): Uint8Array {
  return chunks.length === 2 ? (chunks[0] as Uint8Array) : joinBytes(chunks);
}

function joinBytes(chunks: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(chunks.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

/**
 * Inflate with the web platform's DecompressionStream (browsers, and Node ≥ 18): zlib data
 * (`deflate`, PDF streams) or raw (`deflate-raw`, ZIP entries); past `limit` bytes it stops and
 * throws.
 */
export async function inflateWithStreams(data: Uint8Array, format: 'deflate' | 'deflate-raw' = 'deflate', limit = Infinity): Promise<Uint8Array> {
  const stream = new Blob([data as BlobPart]).stream().pipeThrough(new DecompressionStream(format));
  if (limit === Infinity) return new Uint8Array(await new Response(stream).arrayBuffer());
  const reader = stream.getReader();
  const parts: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw new Error('a compressed part is larger than the limit once unpacked');
    }
    parts.push(value);
  }
  return joinBytes(parts);
}
