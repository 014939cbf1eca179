/**
 * Stream tables (text extracted from PDFs, columns flattened) → TableDraft.
 *
 * The body is a sequence of tokens: codes, label fragments, 行次 and amounts. Rows are
 * rebuilt as records — `[code] label… [行次] amount…` — and empty cells have vanished, so a
 * record's amounts carry no column; the solver places them (solve/columns.ts).
 * Artefacts of the conversion handled here: amounts glued to labels or codes
 * (`9,441.67一、…`, `96.7130206`), zeros split over lines (`0.0` / `0`), labels wrapped over
 * several lines, header text printed one character per line.
 */
import type { RawLine, RawTable } from '../model/raw.ts';
import type { Column, SourceRef } from '../model/schemas.ts';
import { labels, type TemplateSpec } from '../knowledge.ts';
import { columnNumbersOf } from '../detect/lines.ts';
import { parseNumber } from '../text/numbers.ts';
import { compact, labelKey, toHalfWidth } from '../text/normalize.ts';
import { makeColumn } from './columns.ts';
import { type DraftRow, type TableDraft, codeKindOf, isTotalLabel } from './draft.ts';
import { tidyLabel } from './grid.ts';

interface Token {
  text: string;
  kind: 'digits' | 'number' | 'text' | 'dash';
  /** First token of its source line. */
  lineStart: boolean;
  source: SourceRef;
  /** Where the token ends on its line (text laid out by position). */
  end?: number;
  /** Two spaces or more before it (or the line's start): a new cell, when laid out by position. */
  cellStart?: boolean;
}

const TOKEN = /\d{4,}[A-Z]+\d{3,}|[-−]?\d[\d,]*(?:\.\d+)?%?|[-−—]+|[^\s\d\-−—]+/g;
/** A project code (`42010322201T000000109`): digits, capitals, digits. */
const PROJECT_CODE = /^\d{4,}[A-Z]+\d{3,}$/;

function tokenize(lines: RawLine[]): Token[] {
  const out: Token[] = [];
  for (const l of lines) {
    // a page's first line carries the form feed before its first column
    const text = toHalfWidth(l.text.replace(/^\f/, ''));
    let first = true;
    for (const m of text.matchAll(TOKEN)) {
      const t = m[0];
      const kind: Token['kind'] = PROJECT_CODE.test(t)
        ? 'digits'
        : /^[-−—]+$/.test(t)
        ? 'dash'
        : /^[-−]?\d+$/.test(t)
          ? 'digits'
          : /^[-−]?\d/.test(t)
            ? 'number'
            : 'text';
      const at = m.index ?? 0;
      out.push({ text: t, kind, lineStart: first, source: { line: l.source.line }, end: at + t.length, cellStart: first || text.startsWith('  ', at - 2) });
      first = false;
    }
  }
  return out;
}

/** Decimals most amounts in the table print (2 for 万元 tables). */
function typicalDecimals(tokens: Token[]): number {
  const counts = new Map<number, number>();
  for (const t of tokens) {
    if (t.kind !== 'number') continue;
    const d = /\.(\d+)/.exec(t.text)?.[1]?.length ?? 0;
    if (d > 0 && d <= 4) counts.set(d, (counts.get(d) ?? 0) + 1);
  }
  let best = 2;
  let n = -1;
  for (const [d, c] of counts) if (c > n) [best, n] = [d, c];
  return best;
}

/** Undo conversion artefacts: split `96.7130206` → `96.71` `30206`, join `0.0` + `0`. */
function repair(tokens: Token[], decimals: number): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    if (t.kind === 'number') {
      const m = /^([-−]?[\d,]*\d)\.(\d+)$/.exec(t.text);
      const frac = m?.[2] ?? '';
      if (m && frac.length > decimals) {
        const rest = frac.slice(decimals);
        const next = tokens[i + 1];
        if ([3, 5, 7].includes(rest.length) && /^[1-9]/.test(rest) && next?.kind === 'text') {
          out.push({ ...t, text: `${m[1]}.${frac.slice(0, decimals)}` });
          out.push({ text: rest, kind: 'digits', lineStart: false, source: t.source });
          continue;
        }
      }
      if (m && frac.length === decimals - 1) {
        const next = tokens[i + 1];
        if (next?.kind === 'digits' && next.lineStart && /^\d$/.test(next.text) && (tokens[i + 2]?.lineStart ?? true)) {
          out.push({ ...t, text: `${t.text}${next.text}` });
          i++;
          continue;
        }
      }
    }
    out.push(t);
  }
  return out;
}

interface Record {
  code?: string;
  label: string[];
  lineNo?: number;
  values: { text: string; source: SourceRef; end?: number }[];
  source: SourceRef;
}

function isCodeToken(t: Token, next: Token | undefined): boolean {
  return t.kind === 'digits' && (/^\d{3}(?:\d{2}){0,2}$|^\d{6}$/.test(t.text) || PROJECT_CODE.test(t.text)) && next?.kind === 'text';
}

function toRecords(tokens: Token[], twoSided: boolean, laidOut = false): Record[] {
  const cells = laidOut && twoSided;
  const records: Record[] = [];
  let cur: Record | undefined;
  const close = () => {
    if (cur && (cur.code || cur.label.length || cur.lineNo !== undefined || cur.values.length)) records.push(cur);
    cur = undefined;
  };
  const open = (t: Token) => (cur = { label: [], values: [], source: t.source });
  const seenRowNos = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const next = tokens[i + 1];
    // laid out by position, a line with figures is a row of its own
    if (laidOut && t.lineStart && cur?.values.length) close();
    if (t.kind === 'text') {
      // laid out by position, a two-sided row prints both sides' labels on one line: a new cell is a new record
      if (!cur || cur.values.length || cur.lineNo !== undefined || (cells && t.cellStart && cur.label.length)) {
        close();
        open(t);
      }
      cur?.label.push(t.text);
      continue;
    }
    if (twoSided && t.kind === 'digits' && /^\d{1,3}$/.test(t.text)) {
      const n = Number(t.text);
      const plausibleRowNo = !seenRowNos.has(n) && n > 0 && n < 200;
      if (plausibleRowNo && (!cur || cur.lineNo === undefined) && !(cur?.values.length)) {
        if (!cur) open(t);
        if (cur) cur.lineNo = n;
        seenRowNos.add(n);
        continue;
      }
      if (plausibleRowNo && cur && cur.lineNo !== undefined) {
        close();
        open(t);
        if (cur) (cur as Record).lineNo = n;
        seenRowNos.add(n);
        continue;
      }
    }
    if (!twoSided && isCodeToken(t, next)) {
      if (!cur || cur.values.length || cur.code || cur.label.length) {
        close();
        open(t);
      }
      if (cur) cur.code = t.text;
      continue;
    }
    if (!cur) open(t);
    cur?.values.push({ text: t.kind === 'dash' ? '-' : t.text, source: t.source, end: t.end });
  }
  close();
  return records;
}

/** Value-column labels found, in order, in the header text (`本年支出合计基本支出项目支出…`). */
function scanColumnLabels(headerText: string): string[] {
  const known = labels.columnRoles.flatMap((r) => r.patterns)
    .map((p) => p.replace(/^\^|\$$/g, ''))
    .filter((p) => !/[\\[\]()?|*+]/.test(p));
  const words = Array.from(new Set([...known, ...labels.totalWords])).sort((a, b) => b.length - a.length);
  const found: string[] = [];
  let i = 0;
  while (i < headerText.length) {
    const w = words.find((word) => headerText.startsWith(word, i));
    if (w) {
      found.push(w);
      i += w.length;
    } else i++;
  }
  return found;
}

// Text laid out by position (pdftotext -layout): a row is one line, its cells apart by runs of
// spaces, and a label wrapped in its cell prints its pieces on the lines above and below the
// line holding the row's figures (the figures sit in the cell's middle).
const GAP = /\S {3,}\S/;

/** Most lines with figures hold runs of spaces between cells: the table was laid out by position. */
function isLaidOut(lines: RawLine[]): boolean {
  let gaps = 0;
  let figures = 0;
  for (const l of lines) {
    if (!FIGURE.test(l.text)) continue;
    figures++;
    if (GAP.test(l.text.trim())) gaps++;
  }
  return gaps >= 3 && gaps * 2 >= figures;
}

interface Chunk {
  col: number;
  text: string;
}

function chunksOf(line: string): Chunk[] {
  const out: Chunk[] = [];
  const text = line.replace(/^\f/, '');
  for (const m of text.matchAll(/\S+(?: \S+)*/g)) out.push({ col: m.index ?? 0, text: m[0] });
  return out;
}

const FIGURE = /\d/;
const AMOUNT = /\d\.\d{1,2}(?!\d)/;

/**
 * Join each wrapped label's pieces to the line with its row's figures: lines with no digit,
 * in a run of lines without a blank between them, go to the run's line with figures — before
 * it when above, after it when below — each piece to the cell at its own position.
 */
function reflow(lines: RawLine[]): RawLine[] {
  const out: RawLine[] = [];
  let i = 0;
  while (i < lines.length) {
    // a run: consecutive source lines
    let j = i + 1;
    while (j < lines.length && (lines[j]?.source.line ?? 0) === (lines[j - 1]?.source.line ?? 0) + 1 && !lines[j]?.text.startsWith('\f')) j++;
    const run = lines.slice(i, j);
    const anchors = run.map((l, k) => (FIGURE.test(l.text) ? k : -1)).filter((k) => k >= 0);
    if (anchors.length === 0 || anchors.length === run.length) out.push(...run);
    else {
      const cells = new Map<number, Chunk[]>(anchors.map((k) => [k, chunksOf(run[k]?.text ?? '')]));
      // lines above the first line with figures from the nearest up (each goes before the last),
      // then the others in order
      const first = anchors[0] as number;
      // the nearest line with figures above each line
      const previous: Array<number | undefined> = [];
      let last: number | undefined;
      run.forEach((_, k) => {
        previous[k] = last;
        if (cells.has(k)) last = k;
      });
      const order = [...run.keys()].filter((k) => k < first).reverse().concat([...run.keys()].filter((k) => k > first));
      order.forEach((k) => {
        const l = run[k] as RawLine;
        if (cells.has(k)) return;
        // above the first line with figures: its prefix; else a continuation of the one before
        const target = previous[k] ?? (anchors[0] as number);
        const into = cells.get(target) as Chunk[];
        for (const piece of chunksOf(l.text)) {
          const same = into.find((c) => !FIGURE.test(c.text) && Math.abs(c.col - piece.col) <= 2);
          if (same) same.text = target > k ? piece.text + same.text : same.text + piece.text;
          else into.push({ ...piece });
        }
      });
      for (const k of anchors) out.push({ ...(run[k] as RawLine), text: placed(cells.get(k) as Chunk[]) });
    }
    i = j;
  }
  return out;
}

function displayWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uff60]/.test(ch) ? 2 : 1;
  return w;
}

/** Chunks written back at their positions (a longer joined label pushes what follows to its right). */
function placed(chunks: Chunk[]): string {
  let line = '';
  for (const c of chunks.sort((a, b) => a.col - b.col)) {
    const at = line === '' ? c.col : Math.max(c.col, line.length + 3);
    line = line.padEnd(at) + c.text;
  }
  return line;
}

/**
 * The value columns of a table laid out by position that prints no 栏次 numbers: where its
 * figures end (right-aligned, in every row the same), each named by the header words above
 * it — the nearest the column's own label, a word over several columns their group. `hint`
 * gives each figure its column. Undefined when the figures do not line up.
 */
function columnsByPosition(header: RawLine[], rows: DraftRow[], allRecords: Record[], nextPage: number): Column[] | undefined {
  // positions hold on one page only (each page is laid out on its own): the header's page
  const records = allRecords.map((r) => ((r.source.line ?? 0) < nextPage ? r : { ...r, values: [] }));
  const ends: number[] = [];
  for (const r of records) for (const v of r.values) if (v.end !== undefined && v.text.includes('.')) ends.push(v.end);
  if (ends.length < 4) return undefined;
  ends.sort((a, b) => a - b);
  // clusters of right edges, two characters apart at most; a column holds at least two figures
  const groups: number[][] = [];
  for (const e of ends) {
    const g = groups[groups.length - 1];
    if (g && e - (g[g.length - 1] ?? 0) <= 2) g.push(e);
    else groups.push([e]);
  }
  const cols = groups.filter((g) => g.length >= 2).map((g) => ({ lo: g[0] ?? 0, hi: g[g.length - 1] ?? 0, width: 0 }));
  if (cols.length === 0) return undefined;
  // each figure in a column, or the layout is not trusted
  const columnOf = (end: number) => cols.findIndex((c) => end >= c.lo - 1 && end <= c.hi + 1);
  // each amount in a column, or the layout is not trusted (a whole number outside them is a code)
  for (const r of records) for (const v of r.values) if (columnOf(v.end ?? -1) < 0 && v.text.includes('.')) return undefined;
  for (const r of records) for (const v of r.values) {
    const c = cols[columnOf(v.end ?? -1)];
    if (c) c.width = Math.max(c.width, v.text.length);
  }
  // header words over each column's span [hi − width, hi]
  // a word starts where it is printed and is as wide as it shows: a CJK character is two columns
  const words = header.flatMap((l, line) => chunksOf(toHalfWidth(l.text)).map((c) => ({ ...c, line, end: c.col + displayWidth(c.text) })));
  const spans = cols.map((c, i) => ({ lo: Math.max(c.lo - c.width, i > 0 ? (cols[i - 1]?.hi ?? 0) + 1 : 0), hi: c.hi }));
  const centre = (lo: number, hi: number) => (lo + hi) / 2;
  // each word over the column whose middle is nearest its own, if it lies over the column at all
  const header2 = words.filter((w) => !FIGURE.test(w.text)).map((w) => {
    const mid = centre(w.col, w.end);
    let best = -1;
    let dist = Infinity;
    spans.forEach((sp, i) => {
      const d = Math.abs(centre(sp.lo, sp.hi) - mid);
      if (w.col <= sp.hi && w.end > sp.lo && d < dist) [best, dist] = [i, d];
    });
    return { ...w, mid, column: best };
  });
  const paths: string[][] = cols.map(() => []);
  for (const w of header2.sort((a, b) => a.line - b.line)) {
    if (w.column < 0) continue;
    // a word heads a group of columns when it is printed centred over them and each of them has
    // its own words under it: the fewest such columns whose middle is the word's
    const below = new Set(header2.filter((x) => x.line > w.line && x.column >= 0).map((x) => x.column));
    let [a, b] = [w.column, w.column];
    let size = Infinity;
    for (let x = w.column; x >= 0 && below.has(x); x--) {
      for (let y = Math.max(x + 1, w.column); y < spans.length && below.has(y); y++) {
        const off = Math.abs(centre(spans[x]?.lo ?? 0, spans[y]?.hi ?? 0) - w.mid);
        if (off <= 3 && y - x < size) [a, b, size] = [x, y, y - x];
      }
    }
    for (let i = a; i <= b; i++) paths[i]?.push(w.text);
  }
  // a header printed one character a line (`政` / `府` / `性` …) is one word
  for (const p of paths) {
    for (let k = p.length - 1; k > 0; k--) {
      if ((p[k] ?? '').length <= 2 && (p[k - 1] ?? '').length <= 2) p.splice(k - 1, 2, `${p[k - 1]}${p[k]}`);
    }
  }
  if (paths.some((p) => p.length === 0)) return undefined;
  rows.forEach((row, i) => {
    const r = records[i];
    const at = r?.values.map((v) => columnOf(v.end ?? -1)) ?? [];
    if (at.length && at.length === row.values.length && at.every((c) => c >= 0)) row.values.forEach((v, k) => (v.hint = at[k]));
  });
  return paths.map((p, i) => makeColumn(i, p));
}

/**
 * The side of a record of a two-sided table laid out by position that prints no 行次: of two
 * labels on one line the first is income and the second expense; a label alone says its side
 * (`…支出`, `支出总计`, `年终结转结余`).
 */
function sideOfCell(r: Record, records: Record[]): 'income' | 'expense' {
  const line = records.filter((x) => x.source.line === r.source.line && x.label.length);
  if (line.length >= 2) return line[0] === r ? 'income' : 'expense';
  const lab = labelKey(r.label.join(''));
  return /支出|^本年支出|结余分配|年末|年终|^支出/.test(lab) ? 'expense' : 'income';
}

/** One run of column numbers of a two-sided table, cut into its income and expense sides. */
function splitSides(numbers: number[], spec: TemplateSpec | undefined): number[][] {
  const cols = spec?.columns;
  const inc = cols && !Array.isArray(cols) && cols.income.length + cols.expense.length === numbers.length
    ? cols.income.length
    : numbers.length % 2 === 0 ? numbers.length / 2 : undefined;
  return inc === undefined ? [numbers] : [numbers.slice(0, inc), numbers.slice(inc)];
}

export function readStream(raw: RawTable, spec: TemplateSpec | undefined): TableDraft {
  const issues: string[] = [];
  // 1. Header: down to the column-numbering line, or to the first record start.
  let headerEnd = -1;
  let columnNumbers: number[][] | undefined;
  for (let i = 0; i < raw.stream.length; i++) {
    const g = columnNumbersOf(raw.stream[i]?.text ?? '');
    if (g) {
      headerEnd = i;
      columnNumbers = g;
      break;
    }
  }
  if (headerEnd < 0) {
    // laid out by position, a row is a line: the first with an amount starts the body
    const rowsAreLines = isLaidOut(raw.stream);
    headerEnd = raw.stream.findIndex((l) => {
      const t = compact(l.text);
      if (rowsAreLines) return AMOUNT.test(t);
      return /^\d{3,7}\D/.test(t) || /^\d{3,7}$/.test(t) || isTotalLabel(t) || /^(合计|总计)\d/.test(t);
    }) - 1;
  }
  const headerLines = raw.stream.slice(0, Math.max(0, headerEnd + (columnNumbers ? 0 : 1)));
  // The rest of a vertical `栏` / `次` label printed after the numbers is header, not the first label.
  let bodyStart = headerEnd + 1;
  while (columnNumbers && /^[栏次行]+$/.test(compact(raw.stream[bodyStart]?.text ?? ''))) bodyStart++;
  const bodyLines = raw.stream.slice(bodyStart);
  const headerText = compact(headerLines.map((l) => l.text).join('')).replace(/栏次[\d栏次]*$/, '');
  const twoSided = !!spec?.twoSided || (columnNumbers?.length ?? 0) >= 2;
  // A two-sided table whose 栏次 label is printed apart from its numbers (`栏` / `次` on lines of
  // their own, as text laid out by position prints it): one run `1 2` holds both sides.
  if (twoSided && columnNumbers?.length === 1) columnNumbers = splitSides(columnNumbers[0] ?? [], spec);

  // 2. Columns: the template's standard columns when the count fits, else the labels found.
  const counts = columnNumbers?.map((g) => g.length);
  let columns: Column[] = [];
  const specCols = spec?.columns;
  if (twoSided) {
    const inc = counts?.[0] ?? (Array.isArray(specCols) ? undefined : specCols?.income.length) ?? 1;
    const exp = counts?.[1] ?? (Array.isArray(specCols) ? undefined : specCols?.expense.length) ?? 1;
    const fromSpec = specCols && !Array.isArray(specCols) && specCols.income.length === inc && specCols.expense.length === exp;
    for (let i = 0; i < inc; i++) {
      const path = fromSpec && !Array.isArray(specCols) ? (specCols.income[i]?.path ?? []) : ['金额'];
      columns.push(makeColumn(i, path, 'income', columnNumbers?.[0]?.[i]));
    }
    const found = scanColumnLabels(headerText);
    for (let i = 0; i < exp; i++) {
      const path = fromSpec && !Array.isArray(specCols)
        ? (specCols.expense[i]?.path ?? [])
        : exp > 1 && found.length >= exp
          ? [found[found.length - exp + i] ?? '']
          : ['金额'];
      columns.push(makeColumn(i, path, 'expense', columnNumbers?.[1]?.[i]));
    }
  } else {
    const found = scanColumnLabels(headerText);
    let n = counts?.reduce((a, b) => a + b, 0);
    if (n === undefined) n = Array.isArray(specCols) ? specCols.length : undefined;
    if (n === undefined) n = found.length || undefined;
    if (n === undefined) {
      issues.push('the number of value columns could not be determined');
      n = 0;
    }
    let paths: string[][];
    if (Array.isArray(specCols) && specCols.length === n) paths = specCols;
    else {
      let names = found.slice();
      // Drop group labels printed above a 小计 (本年支出 / 小计 …) until the count fits.
      for (let i = 0; names.length > n && i < names.length - 1; ) {
        if (/^(小计|合计)$/.test(names[i + 1] ?? '') && !/^(小计|合计)$/.test(names[i] ?? '')) names.splice(i, 1);
        else i++;
      }
      if (names.length > n) names = names.slice(names.length - n);
      paths = names.length === n ? names.map((x) => [x]) : Array.from({ length: n }, (_, i) => [`栏${i + 1}`]);
      if (names.length !== n) issues.push('column labels not recognised in the header; columns named by number');
    }
    const flat = columnNumbers?.flat();
    columns = paths.map((p, i) => makeColumn(i, p, undefined, flat?.[i]));
  }

  // 3. Records.
  const laidOut = isLaidOut(bodyLines);
  let tokens = tokenize(laidOut ? reflow(bodyLines) : bodyLines);
  const decimals = typicalDecimals(tokens);
  tokens = repair(tokens, decimals);
  const records = toRecords(tokens, twoSided, laidOut);
  const rows: DraftRow[] = [];
  const rowRecords: Record[] = [];
  let firstExpenseRowNo = Infinity;
  if (twoSided) {
    for (const r of records) {
      const lab = labelKey(r.label.join(''));
      if (r.lineNo !== undefined && (/支出$/.test(lab) || /^本年支出|结余分配|年末/.test(lab))) firstExpenseRowNo = Math.min(firstExpenseRowNo, r.lineNo);
    }
  }
  const codeHeader: TableDraft['codeHeader'] = /单位(?:编码|代码)/.test(headerText)
    ? 'unit'
    : /项目(?:编码|代码)/.test(headerText)
      ? 'project'
      : /经济分类|科目代码/.test(headerText) && !/功能分类/.test(headerText)
        ? 'economic'
        : undefined;
  for (const r of records) {
    const label = tidyLabel(r.label.join(''));
    if (!r.code && r.values.length === 0 && r.lineNo === undefined && !isTotalLabel(label)) {
      if (label) issues.push(`text without figures dropped: ${label}`);
      continue;
    }
    const side = !twoSided ? undefined : firstExpenseRowNo === Infinity && laidOut ? sideOfCell(r, records) : (r.lineNo ?? 0) >= firstExpenseRowNo ? 'expense' : 'income';
    const values = r.values.flatMap((v) => {
      const n = parseNumber(v.text);
      if (v.text === '-') return [{ value: 0, blank: true, percent: false, text: v.text, decimals: 0, source: v.source }];
      return n ? [{ value: n.value, blank: false, percent: n.percent, text: v.text, decimals: n.decimals, source: v.source }] : [];
    });
    rowRecords.push(r);
    rows.push({
      code: r.code,
      codeKind: r.code ? codeKindOf(r.code, codeHeader) : undefined,
      label: label || (r.code ? '' : ''),
      lineNo: r.lineNo,
      side,
      values,
      texts: [],
      fixed: false,
      source: r.source,
    });
  }
  const nextPage = bodyLines.find((l) => l.text.startsWith('\f'))?.source.line ?? Infinity;
  if (laidOut && columnNumbers && headerEnd >= 0) hintPositions(rows, rowRecords, columns, raw.stream[headerEnd]?.text ?? '', nextPage);
  else if (laidOut && !twoSided) {
    const byPosition = columnsByPosition(headerLines, rows, rowRecords, nextPage);
    if (byPosition) columns = byPosition;
  }
  return { columns, rows, columnNumbers, issues, headerText, codeHeader };
}

/**
 * Text laid out by position keeps each figure under its column: the 栏次 numbers mark where
 * the columns are. A row's figures whose spacing matches one choice of columns — and only
 * one — suggest that choice to the solver (which still tests it against every identity). The
 * line's start may be shifted (a wide label before the figures), so a single figure is placed
 * by the shift most rows of the table show, and several by their spacing alone.
 */
function hintPositions(rows: DraftRow[], records: Record[], columns: Column[], numbersLine: string, nextPage: number): void {
  const positions = [...toHalfWidth(numbersLine).matchAll(/\d+/g)].map((m) => (m.index ?? 0) + m[0].length);
  if (positions.length !== columns.length) return;
  const TOLERANCE = 2;
  const fits: Array<{ row: DraftRow; ends: number[]; sideStart: number; side: number[] }> = [];
  rows.forEach((row, i) => {
    const r = records[i];
    const ends = r?.values.map((v) => v.end ?? -1) ?? [];
    if (!r || (r.source.line ?? 0) >= nextPage) return;
    if (!ends.length || ends.some((e) => e < 0) || ends.length !== row.values.length) return;
    if (new Set(r?.values.map((v) => v.source.line)).size !== 1) return;
    const sideIdx = columns.map((c, k) => (row.side === undefined || c.side === row.side ? k : -1)).filter((k) => k >= 0);
    fits.push({ row, ends, sideStart: sideIdx[0] ?? 0, side: sideIdx.map((k) => positions[k] ?? 0) });
  });
  // Each choice of increasing columns whose offsets agree within the tolerance.
  const choices = (ends: number[], side: number[]): Array<{ cols: number[]; shift: number }> => {
    const out: Array<{ cols: number[]; shift: number }> = [];
    const walk = (i: number, from: number, cols: number[], lo: number, hi: number) => {
      if (out.length > 50) return;
      if (i === ends.length) {
        out.push({ cols: cols.slice(), shift: Math.round((lo + hi) / 2) });
        return;
      }
      for (let c = from; c < side.length; c++) {
        const off = (ends[i] ?? 0) - (side[c] ?? 0);
        const [l, h] = [Math.min(lo, off), Math.max(hi, off)];
        if (h - l > TOLERANCE) continue;
        cols.push(c);
        walk(i + 1, c + 1, cols, l, h);
        cols.pop();
      }
    };
    walk(0, 0, [], Infinity, -Infinity);
    return out;
  };
  // The table's usual shift, from rows whose spacing leaves one choice.
  const shifts = new Map<number, number>();
  const unique = new Map<DraftRow, number[]>();
  for (const f of fits) {
    if (f.ends.length < 2) continue;
    const c = choices(f.ends, f.side);
    if (c.length !== 1) continue;
    unique.set(f.row, c[0]?.cols ?? []);
    shifts.set(c[0]?.shift ?? 0, (shifts.get(c[0]?.shift ?? 0) ?? 0) + 1);
  }
  let usual: number | undefined;
  let most = 0;
  for (const [sh, n] of shifts) if (n > most) [usual, most] = [sh, n];
  for (const f of fits) {
    let cols = unique.get(f.row);
    if (!cols && usual !== undefined) {
      const near = choices(f.ends, f.side).filter((c) => Math.abs(c.shift - usual) <= TOLERANCE);
      if (near.length === 1) cols = near[0]?.cols;
    }
    if (!cols) continue;
    f.row.values.forEach((v, i) => (v.hint = f.sideStart + (cols?.[i] ?? 0)));
  }
}
