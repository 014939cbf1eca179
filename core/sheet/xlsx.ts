/**
 * .xlsx (Office Open XML spreadsheet) → Workbook. The parts read: xl/workbook.xml (sheet names,
 * order, hidden), its relationships (which part is which sheet), xl/sharedStrings.xml, xl/styles.xml
 * (each cell style's number format) and each sheet's cells and merged ranges. The XML is scanned
 * for those few elements, not parsed into a tree; namespace prefixes (`x:c`) are ignored.
 */
import { builtinFormat, formatNumber } from './numfmt.ts';
import { type Inflate, zipEntries } from './zip.ts';
import { attr, scan } from './xml.ts';
import { CellBudget, type Sheet, type Workbook, cellRef, setCell } from './workbook.ts';

/** A string item (`<si>`) or inline string: the text of its runs, phonetic runs (`<rPh>`) left out. */
function stringItems(xml: string): string[] {
  const out: string[] = [];
  let cur: string | undefined;
  let inT = false;
  let inPh = 0;
  scan(
    xml,
    (t) => {
      if (t.name === 'si') {
        if (!t.close) cur = '';
        if (t.close || t.empty) {
          out.push(cur ?? '');
          cur = undefined;
        }
      } else if (t.name === 'rPh') inPh += t.close ? -1 : t.empty ? 0 : 1;
      else if (t.name === 't') inT = !t.close && !t.empty;
    },
    (text) => {
      if (inT && inPh === 0 && cur !== undefined) cur += text;
    },
  );
  return out;
}

/** Each cell style's number format code (index = the cell's `s`). */
function cellFormats(xml: string): string[] {
  const custom = new Map<number, string>();
  const out: string[] = [];
  let inXfs = false;
  scan(xml, (t) => {
    if (t.name === 'numFmt' && !t.close) custom.set(Number(attr(t.attrs, 'numFmtId')), attr(t.attrs, 'formatCode') ?? 'General');
    else if (t.name === 'cellXfs') inXfs = !t.close && !t.empty;
    else if (t.name === 'xf' && inXfs && !t.close) {
      const id = Number(attr(t.attrs, 'numFmtId') ?? 0);
      out.push(custom.get(id) ?? builtinFormat(id));
    }
  });
  return out;
}

function readSheet(xml: string, name: string, hidden: boolean, strings: string[], formats: string[], budget: CellBudget): Sheet {
  const sheet: Sheet = { name, rows: [], merges: [], hidden };
  let rowIndex = -1;
  let col = -1;
  let cell: { r: number; c: number; type: string; style: number } | undefined;
  let value = '';
  let inValue = false;
  let inline = '';
  let inInline = false;
  let inPh = 0;
  const finish = () => {
    if (!cell) return;
    const { r, c, type, style } = cell;
    cell = undefined;
    if (!budget.take(r, c)) return;
    let text: string | undefined;
    if (type === 's') text = strings[Number(value)];
    else if (type === 'inlineStr') text = inline;
    else if (type === 'str' || type === 'e') text = value;
    else if (type === 'b') text = value === '1' ? 'TRUE' : value === '0' ? 'FALSE' : value;
    else if (value.trim() !== '') {
      const n = Number(value);
      text = Number.isFinite(n) ? formatNumber(n, formats[style] ?? 'General') : value;
    }
    if (text !== undefined && text !== '') setCell(sheet, r, c, text);
  };
  scan(
    xml,
    (t) => {
      switch (t.name) {
        case 'row':
          if (!t.close) {
            const r = Number(attr(t.attrs, 'r'));
            rowIndex = Number.isInteger(r) && r > 0 ? r - 1 : rowIndex + 1;
            col = -1;
          }
          break;
        case 'c':
          if (t.close) finish();
          else {
            const ref = attr(t.attrs, 'r');
            const rc = ref ? cellRef(ref) : undefined;
            const [r, c] = rc ?? [rowIndex, col + 1];
            col = c;
            cell = { r, c, type: attr(t.attrs, 't') ?? 'n', style: Number(attr(t.attrs, 's') ?? 0) };
            value = '';
            inline = '';
            if (t.empty) finish();
          }
          break;
        case 'v':
          inValue = !t.close && !t.empty;
          break;
        case 'is':
          inInline = !t.close && !t.empty;
          break;
        case 'rPh':
          inPh += t.close ? -1 : t.empty ? 0 : 1;
          break;
        case 'mergeCell': {
          const [a, b] = (attr(t.attrs, 'ref') ?? '').split(':');
          const p = a ? cellRef(a) : undefined;
          const q = b ? cellRef(b) : p;
          if (p && q) sheet.merges.push({ r0: Math.min(p[0], q[0]), c0: Math.min(p[1], q[1]), r1: Math.max(p[0], q[0]), c1: Math.max(p[1], q[1]) });
          break;
        }
      }
    },
    (text) => {
      if (inValue) value += text;
      else if (inInline && inPh === 0) inline += text;
    },
  );
  return sheet;
}

/** Resolve a relationship target against the folder of the part that names it. */
function partPath(base: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = base.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export async function readXlsx(bytes: Uint8Array, inflate: Inflate): Promise<Workbook> {
  const entries = zipEntries(bytes, inflate);
  const decoder = new TextDecoder('utf-8');
  const text = async (path: string) => {
    const e = entries.get(path);
    return e ? decoder.decode(await e.read()) : undefined;
  };
  const wbXml = await text('xl/workbook.xml');
  if (wbXml === undefined) throw new Error(entries.has('word/document.xml') ? 'a Word document, not a workbook' : 'not a workbook (no xl/workbook.xml)');
  const rels = new Map<string, string>();
  scan((await text('xl/_rels/workbook.xml.rels')) ?? '', (t) => {
    if (t.name === 'Relationship' && !t.close) {
      const id = attr(t.attrs, 'Id');
      const target = attr(t.attrs, 'Target');
      if (id && target) rels.set(id, partPath('xl/workbook.xml', target));
    }
  });
  const sheetRefs: { name: string; path: string; hidden: boolean }[] = [];
  scan(wbXml, (t) => {
    if (t.name !== 'sheet' || t.close) return;
    const path = rels.get(attr(t.attrs, 'id') ?? '');
    if (path) sheetRefs.push({ name: attr(t.attrs, 'name') ?? '', path, hidden: (attr(t.attrs, 'state') ?? 'visible') !== 'visible' });
  });
  const strings = stringItems((await text('xl/sharedStrings.xml')) ?? '');
  const formats = cellFormats((await text('xl/styles.xml')) ?? '');
  const budget = new CellBudget();
  const book: Workbook = { sheets: [], issues: [] };
  for (const ref of sheetRefs) {
    const xml = await text(ref.path);
    if (xml === undefined) {
      book.issues.push(`sheet "${ref.name}": its part ${ref.path} is missing`);
      continue;
    }
    book.sheets.push(readSheet(xml, ref.name, ref.hidden, strings, formats, budget));
  }
  if (budget.truncated) book.issues.push('cells-truncated');
  return book;
}
