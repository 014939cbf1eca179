/**
 * .xls (Excel 97–2003, BIFF8) → Workbook. The `Workbook` stream of the compound file is a run
 * of records: the globals (sheet list, shared strings, number formats, cell formats), then one
 * substream per sheet (its cells and merged ranges). Records read: BOUNDSHEET8, SST (+CONTINUE),
 * FORMAT, XF, LABELSST, LABEL, NUMBER, RK, MULRK, FORMULA (its cached result, +STRING),
 * MERGEDCELLS. Anything else is skipped.
 */
import { readCfb } from './cfb.ts';
import { builtinFormat, formatNumber } from './numfmt.ts';
import { CellBudget, type Sheet, type Workbook, setCell } from './workbook.ts';

export class XlsError extends Error {}

const BOF = 0x0809;
const EOF = 0x000a;
const CONTINUE = 0x003c;
const FILEPASS = 0x002f;
const BOUNDSHEET = 0x0085;
const SST = 0x00fc;
const FORMAT = 0x041e;
const XF = 0x00e0;
const LABELSST = 0x00fd;
const LABEL = 0x0204;
const NUMBER = 0x0203;
const RK = 0x027e;
const MULRK = 0x00bd;
const FORMULA = 0x0006;
const STRING = 0x0207;
const MERGEDCELLS = 0x00e5;

interface BiffRecord {
  type: number;
  /** The record's data followed by its CONTINUE records' data. */
  data: Uint8Array;
  /** Where each CONTINUE's data starts in `data`. */
  breaks: number[];
  /** Offset of the record in the stream. */
  at: number;
}

function records(stream: Uint8Array): BiffRecord[] {
  const out: BiffRecord[] = [];
  let pos = 0;
  while (pos + 4 <= stream.length) {
    const type = stream[pos]! | (stream[pos + 1]! << 8);
    const len = stream[pos + 2]! | (stream[pos + 3]! << 8);
    const data = stream.subarray(pos + 4, Math.min(stream.length, pos + 4 + len));
    const last = out[out.length - 1];
    if (type === CONTINUE && last) {
      const merged = new Uint8Array(last.data.length + data.length);
      merged.set(last.data);
      merged.set(data, last.data.length);
      last.breaks.push(last.data.length);
      last.data = merged;
    } else out.push({ type, data, breaks: [], at: pos });
    pos += 4 + len;
  }
  return out;
}

/** Reads BIFF8 unicode strings out of a record, taking the flag byte that starts each CONTINUE inside character data. */
class StringReader {
  pos: number;
  constructor(
    private rec: BiffRecord,
    start: number,
  ) {
    this.pos = start;
  }
  private get d() {
    return this.rec.data;
  }
  u8(): number {
    return this.d[this.pos++] ?? 0;
  }
  u16(): number {
    const v = (this.d[this.pos] ?? 0) | ((this.d[this.pos + 1] ?? 0) << 8);
    this.pos += 2;
    return v;
  }
  u32(): number {
    return (this.u16() | (this.u16() << 16)) >>> 0;
  }
  /** XLUnicodeString body: `cch` characters after the flags byte; rich-text runs and phonetic data skipped. */
  string(cch: number): string {
    const flags = this.u8();
    let high = flags & 1;
    const runs = flags & 0x08 ? this.u16() : 0;
    const ext = flags & 0x04 ? this.u32() : 0;
    let out = '';
    let left = cch;
    while (left > 0 && this.pos < this.d.length) {
      if (this.rec.breaks.includes(this.pos) && left < cch) high = this.u8() & 1;
      const next = this.rec.breaks.find((b) => b > this.pos) ?? this.d.length;
      const fit = high ? Math.floor((next - this.pos) / 2) : next - this.pos;
      const n = Math.min(left, fit);
      if (n <= 0) {
        if (next >= this.d.length) break;
        this.pos = next;
        continue;
      }
      for (let i = 0; i < n; i++) out += String.fromCharCode(high ? this.u16() : this.u8());
      left -= n;
    }
    this.pos += runs * 4 + ext;
    return out;
  }
}

function rk(v: number): number {
  let n: number;
  if (v & 0x02) n = v >> 2;
  else {
    const buf = new DataView(new ArrayBuffer(8));
    buf.setUint32(4, v & 0xfffffffc, true);
    buf.setUint32(0, 0, true);
    n = buf.getFloat64(0, true);
  }
  return v & 0x01 ? n / 100 : n;
}

export function readXls(bytes: Uint8Array): Workbook {
  const cfb = readCfb(bytes);
  const stream = cfb.stream('Workbook') ?? cfb.stream('Book');
  if (!stream) {
    if (cfb.names.includes('WordDocument')) throw new XlsError('a Word 97–2003 document, not a workbook');
    throw new XlsError('not an Excel workbook (no Workbook stream)');
  }
  const recs = records(stream);
  const first = recs[0];
  if (!first || first.type !== BOF) throw new XlsError('not an Excel workbook (no BOF record)');
  const version = first.data[0]! | (first.data[1]! << 8);
  if (version !== 0x0600) throw new XlsError('an Excel 5.0/95 workbook; only Excel 97–2003 (BIFF8) and .xlsx are read');

  const sheets: { name: string; at: number; hidden: boolean }[] = [];
  let sst: string[] = [];
  const formats = new Map<number, string>();
  const xfFormat: number[] = [];
  let k = 0;
  for (; k < recs.length; k++) {
    const r = recs[k]!;
    const view = new DataView(r.data.buffer, r.data.byteOffset, r.data.byteLength);
    if (r.type === EOF) break;
    if (r.type === FILEPASS) throw new XlsError('the workbook is encrypted');
    if (r.type === BOUNDSHEET && r.data.length >= 8) {
      const sr = new StringReader(r, 6);
      const cch = sr.u8();
      sheets.push({ at: view.getUint32(0, true), hidden: (r.data[4]! & 3) !== 0 || r.data[5] !== 0, name: sr.string(cch) });
    } else if (r.type === SST && r.data.length >= 8) {
      const n = view.getUint32(4, true);
      const sr = new StringReader(r, 8);
      sst = [];
      for (let i = 0; i < n && sr.pos < r.data.length; i++) sst.push(sr.string(sr.u16()));
    } else if (r.type === FORMAT && r.data.length >= 5) {
      const sr = new StringReader(r, 2);
      formats.set(view.getUint16(0, true), sr.string(sr.u16()));
    } else if (r.type === XF && r.data.length >= 4) {
      xfFormat.push(view.getUint16(2, true));
    }
  }
  const formatOf = (xf: number) => {
    const id = xfFormat[xf] ?? 0;
    return formats.get(id) ?? builtinFormat(id);
  };

  const budget = new CellBudget();
  const book: Workbook = { sheets: [], issues: [] };
  const byOffset = new Map(recs.map((r, i) => [r.at, i]));
  for (const s of sheets) {
    const start = byOffset.get(s.at);
    if (start === undefined || recs[start]?.type !== BOF) {
      book.issues.push(`sheet "${s.name}": not found in the file`);
      continue;
    }
    // A chart or macro sheet holds no cells.
    const kind = (recs[start]!.data[2] ?? 0) | ((recs[start]!.data[3] ?? 0) << 8);
    if (kind !== 0x0010) continue;
    const sheet: Sheet = { name: s.name, rows: [], merges: [], hidden: s.hidden };
    const put = (row: number, col: number, text: string) => {
      if (text !== '' && budget.take(row, col)) setCell(sheet, row, col, text);
    };
    for (let i = start + 1; i < recs.length; i++) {
      const r = recs[i]!;
      if (r.type === EOF || r.type === BOF) break;
      const d = r.data;
      if (d.length < 6 && r.type !== MERGEDCELLS) continue;
      const view = new DataView(d.buffer, d.byteOffset, d.byteLength);
      const row = view.getUint16(0, true);
      const col = view.getUint16(2, true);
      switch (r.type) {
        case LABELSST:
          if (d.length >= 10) put(row, col, sst[view.getUint32(6, true)] ?? '');
          break;
        case LABEL: {
          const sr = new StringReader(r, 6);
          put(row, col, sr.string(sr.u16()));
          break;
        }
        case NUMBER:
          if (d.length >= 14) put(row, col, formatNumber(view.getFloat64(6, true), formatOf(view.getUint16(4, true))));
          break;
        case RK:
          if (d.length >= 10) put(row, col, formatNumber(rk(view.getUint32(6, true)), formatOf(view.getUint16(4, true))));
          break;
        case MULRK:
          for (let p = 4, c = col; p + 6 <= d.length - 2; p += 6, c++) {
            put(row, c, formatNumber(rk(view.getUint32(p + 2, true)), formatOf(view.getUint16(p, true))));
          }
          break;
        case FORMULA: {
          if (d.length < 14) break;
          // The cached result: a number, or (0xFFFF in its top bytes) a string in the next STRING record.
          if (d[12] === 0xff && d[13] === 0xff) {
            if (d[6] === 0 && recs[i + 1]?.type === STRING) {
              const sr = new StringReader(recs[i + 1]!, 0);
              put(row, col, sr.string(sr.u16()));
            } else if (d[6] === 1) put(row, col, d[8] ? 'TRUE' : 'FALSE');
          } else put(row, col, formatNumber(view.getFloat64(6, true), formatOf(view.getUint16(4, true))));
          break;
        }
        case MERGEDCELLS: {
          const n = d.length >= 2 ? view.getUint16(0, true) : 0;
          for (let m = 0, p = 2; m < n && p + 8 <= d.length; m++, p += 8) {
            sheet.merges.push({ r0: view.getUint16(p, true), r1: view.getUint16(p + 2, true), c0: view.getUint16(p + 4, true), c1: view.getUint16(p + 6, true) });
          }
          break;
        }
      }
    }
    book.sheets.push(sheet);
  }
  if (budget.truncated) book.issues.push('cells-truncated');
  return book;
}
