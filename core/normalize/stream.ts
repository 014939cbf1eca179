/**
 * Stream tables (text extracted from PDFs, columns flattened) → TableDraft.
 *
 * The header is read here: where it ends, how many value columns each side has and what they
 * are called (header text printed one character per line, or a cell a line, words out of
 * order). The body is rebuilt as records — `[code] label… [行次] amount…` — by records.ts, with
 * the conversion's artefacts undone there; empty cells have vanished, so a record's amounts
 * carry no column: the solver places them (solve/columns.ts). Text laid out by position
 * (`pdftotext -layout`: a row a line, cells apart by spaces) is recognised and read with the
 * positions it keeps (laid-out.ts).
 */
import type { RawLine, RawTable } from '../model/raw.ts';
import type { Column } from '../model/schemas.ts';
import { labels, stubLabels, type TemplateSpec } from '../knowledge.ts';
import { columnNumbersOf } from '../detect/lines.ts';
import { parseNumber } from '../text/numbers.ts';
import { compact, labelKey, toHalfWidth } from '../text/normalize.ts';
import { describeColumn, makeColumn } from './columns.ts';
import { type DraftRow, type TableDraft, codeKindOf, isTotalLabel } from './draft.ts';
import { tidyLabel } from './grid.ts';
import { threeColumns } from './three.ts';
import { AMOUNT, columnsByPosition, hasCentredWraps, hintPositions, isLaidOut, reflow, sidesOfCells } from './laid-out.ts';
import { type Record, joinSplitCodes, repair, toRecords, tokenize, typicalDecimals, wholeRowName, wrapAroundIncome } from './records.ts';

/**
 * A two-sided header's line that names each side's columns after the side's stub
 * (`项目 预算数 项目 合计 一般公共预算 政府性基金预算 国有资本经营预算`): the cells between the two
 * stubs are the income side's, those after the second the expense side's.
 */
function sidesOfHeader(lines: RawLine[]): { income: string[]; expense: string[] } | undefined {
  const cellsOf = (l: RawLine | undefined) => toHalfWidth(l?.text ?? '').trim().split(/\s+/).filter((x) => x !== '');
  const split = (cells: string[]) => {
    const stubs = cells.flatMap((c, i) => (labelKey(c) === '项目' ? [i] : []));
    if (stubs.length !== 2) return undefined;
    const [a, b] = stubs as [number, number];
    const income = cells.slice(a + 1, b);
    const expense = cells.slice(b + 1);
    return a === 0 && income.length > 0 && expense.length > 0 ? { income, expense } : undefined;
  };
  for (let k = lines.length - 1; k >= 0; k--) {
    const found = split(cellsOf(lines[k]));
    if (found) return found;
  }
  // text a cell a line: the header's lines from the first 项目 on, as one
  const cells = lines.flatMap(cellsOf);
  const first = cells.findIndex((c) => labelKey(c) === '项目');
  return first >= 0 && lines.every((l) => cellsOf(l).length <= 1) ? split(cells.slice(first)) : undefined;
}

/** A line that is part of a row's name, not of a header: words, none a header's. */
function isNameFragment(text: string): boolean {
  const t = compact(text);
  return /[\u4e00-\u9fff]/.test(t) && !/\d/.test(t) && scanColumnLabels(t).length === 0 && !/科目|编码|代码|名称|项目|分类|单位|栏|合计|小计|金额|决算|预算/.test(t);
}

/** A line of one figure with decimals (`11.49`, `1,845.00`), and of any one figure (`0`). */
const LONE_AMOUNT = /^\s*-?[\d,]*\d\.\d+\s*$/;
const LONE_FIGURE = /^\s*-?[\d,]*\d(?:\.\d+)?\s*$/;
/** A line of figures only, two or more, one with decimals. */
const FIGURES_ALONE = /^\s*-?[\d,]+\.\d+(?:\s+-?[\d,]+(?:\.\d+)?)+\s*$|^\s*-?[\d,]+(?:\.\d+)?(?:\s+-?[\d,]+(?:\.\d+)?)*\s+-?[\d,]+\.\d+\s*$/;

/**
 * Columns grouped by phase (`预算数 | 合计 …`, then `决算数 | 合计 …`) printed item by item instead,
 * each item's 预算数 beside its 决算数 (`预算数 决算数 预算数 决算数 …` under the items).
 */
function byItem(paths: string[][]): string[][] {
  const phases = [...new Set(paths.map((p) => p[0] ?? ''))];
  const groups = phases.map((ph) => paths.filter((p) => p[0] === ph));
  const size = groups[0]?.length ?? 0;
  if (phases.length < 2 || groups.some((g) => g.length !== size)) return paths;
  return Array.from({ length: size }, (_, i) => groups.map((g) => g[i] as string[])).flat();
}

/** A name made only of column labels, three or more (`合计基本支出项目支出`; `本年支出合计` is a row's). */
function isHeaderWords(label: string): boolean {
  const t = compact(label);
  const found = scanColumnLabels(t);
  return found.length >= 3 && found.join('').length === t.length;
}

/** A line of a header's words alone (`基本支出`, `类`): no figure, a column or stub label. */
function isHeaderLine(text: string | undefined): boolean {
  const t = compact(text ?? '');
  return t !== '' && !/\d/.test(t) && (scanColumnLabels(t).length > 0 || stubLabels.has(labelKey(t)) || describeColumn([t]).role !== undefined);
}

/**
 * Header lines joined as one text, `|` where two cells of a line meet: a label is read within a
 * cell (`项目 支出预算` holds no 项目支出), or over a line's end (labels wrap). Characters spaced
 * one by one (`基 本 支 出`) are one cell.
 */
function cellBounded(lines: RawLine[]): string {
  const texts = lines.map((l) => {
    const parts = compact(l.text.replace(/\s+/g, '\u0001')).split('\u0001').filter((x) => x !== '');
    let out = '';
    for (let i = 0; i < parts.length; i++) {
      const p = parts[i] as string;
      const prev = parts[i - 1];
      out += i > 0 && p.length > 1 && (prev?.length ?? 0) > 1 ? `|${p}` : p;
    }
    return out;
  });
  // a line that is a stub's whole name (`项目`, text a cell a line) wraps into nothing
  return texts.map((t, i) => (i === 0 ? t : stubLabels.has(labelKey(texts[i - 1] ?? '')) ? `|${t}` : `\u0002${t}`)).join('');
}

/**
 * The words a role pattern spells, each group spelled out in full (`^(事业单位)?经营收入$` →
 * 事业单位经营收入; `^附属(单位|部门)上缴收入$` → both): a short form left by an optional group
 * (`一般公共预算` of `一般公共预算(财政)?(拨款)?(收入)?`) is often a group's title, no column. None
 * where the pattern is more than words and groups.
 */
function wordsOf(pattern: string): string[] {
  const GROUP = /\(([^()\\[\]?*+]*)\)\??/;
  let words = [pattern.replace(/^\^|\$$/g, '')];
  for (let round = 0; round < 4 && words.some((w) => GROUP.test(w)); round++) {
    words = words.flatMap((w) => {
      const m = GROUP.exec(w);
      if (!m) return [w];
      const alts = (m[1] ?? '').split('|');
      return alts.map((a) => w.slice(0, m.index) + a + w.slice(m.index + m[0].length));
    });
  }
  return words.filter((w) => w !== '' && !/[\\[\]()?|*+.]/.test(w));
}

/** The column labels a header may print, as plain words (the role patterns spelled out), longest first. */
const COLUMN_WORDS = Array.from(new Set([...labels.columnRoles.flatMap((r) => r.patterns.flatMap(wordsOf)), ...labels.totalWords])).sort((a, b) => b.length - a.length);

/** Value-column labels found, in order, in the header text (`本年支出合计基本支出项目支出…`), none over a `|`. */
function scanColumnLabels(headerText: string): string[] {
  const words = COLUMN_WORDS;
  // `\u0002` marks where a header line starts: a word may run over it (labels wrap), a cell starts there
  const starts: number[] = [0];
  let text = '';
  for (const ch of headerText) {
    if (ch === '\u0002') starts.push(text.length);
    else {
      if (ch === '|') starts.push(text.length + 1);
      text += ch;
    }
  }
  const found: string[] = [];
  let i = 0;
  while (i < text.length) {
    const w = words.find((word) => text.startsWith(word, i));
    if (w) {
      // a group's title over its columns (`一般公共预算基本支出`, `政府性基金预算支出`) names no column
      const cellStart = Math.max(...starts.filter((x) => x <= i));
      if (!GROUP_TITLE.test(text.slice(cellStart, i))) found.push(w);
      i += w.length;
    } else i++;
  }
  return found;
}

/** The fund a group's title names before its column words. */
const GROUP_TITLE = /(?:一般公共预算|政府性基金(?:预算)?|国有资本经营(?:预算)?|财政拨款)$/;

/** One run of column numbers of a two-sided table, cut into its income and expense sides. */
function splitSides(numbers: number[], spec: TemplateSpec | undefined): number[][] {
  const cols = spec?.columns;
  const inc = cols && !Array.isArray(cols) && cols.income.length + cols.expense.length === numbers.length
    ? cols.income.length
    : numbers.length % 2 === 0 ? numbers.length / 2 : undefined;
  return inc === undefined ? [numbers] : [numbers.slice(0, inc), numbers.slice(inc)];
}

/** An amount as a table prints it: with decimals, or with thousands separators (a table in 元). */
const AMOUNT_TEXT = String.raw`-?(?:\d{1,3}(?:,\d{3})+(?:\.\d{1,2})?|\d+\.\d{1,2})`;
/**
 * A name, then only amounts — once, or twice on a two-sided table's line (`一、财政拨款收入
 * 47,483,458一、社会保障和就业支出 6,397,096`), perhaps a name without figures after them
 * (`一、…收入 24,535.67 一、一般公共服务支出`): a record, never a header line.
 */
const LABEL_THEN_AMOUNTS = new RegExp(String.raw`^(?:[^\d\s][^\d]*[\u4e00-\u9fff)）]\s*${AMOUNT_TEXT}(?:\s+${AMOUNT_TEXT})*\s*){1,2}(?:[^\d\s][^\d]*)?$`);

/** Lines a 栏次 printed one number a line may be spread over, header words between them. */
const SPREAD_WINDOW = 16;

/**
 * 栏次 printed one number a line, as text in drawing order gives it: after a line holding 栏 (or
 * 栏次), lone numbers 1, 2, … n (n ≥ 2) in order, header words (no digits) allowed between
 * them. The run ends at the first line with digits that does not continue it.
 */
export function spreadColumnNumbers(lines: RawLine[]): { numbers: number[]; end: number; lines: Set<number> } | undefined {
  const start = lines.findIndex((l, i) => i < SPREAD_WINDOW * 4 && /栏/.test(l.text) && !/\d/.test(l.text));
  if (start < 0) return undefined;
  const numbers: number[] = [];
  const at = new Set<number>();
  let end = -1;
  for (let i = start + 1; i < lines.length && i <= start + SPREAD_WINDOW; i++) {
    const t = compact(lines[i]?.text ?? '');
    if (!/\d/.test(t)) continue;
    if (!/^\d{1,2}$/.test(t) || Number(t) !== numbers.length + 1) break;
    numbers.push(Number(t));
    at.add(i);
    end = i;
  }
  return numbers.length >= 2 ? { numbers, end, lines: at } : undefined;
}

/**
 * A table over several pages prints its header again on each: a run of lines that repeat the
 * header's words (three or more, or ending in the 栏次 line) is no record.
 */
function withoutRepeatedHeaders(lines: RawLine[], headerKeys: ReadonlySet<string>): RawLine[] {
  if (headerKeys.size === 0) return lines;
  const out: RawLine[] = [];
  for (let i = 0; i < lines.length; ) {
    let j = i;
    while (j < lines.length && headerKeys.has(compact(lines[j]?.text ?? ''))) j++;
    if (j - i >= 3 || (j > i && columnNumbersOf(lines[j - 1]?.text ?? ''))) {
      i = j;
      continue;
    }
    out.push(lines[i]!);
    i++;
  }
  return out;
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
  let spreadNumbers: Set<number> | undefined;
  if (headerEnd < 0) {
    const spread = spreadColumnNumbers(raw.stream);
    if (spread) {
      headerEnd = spread.end;
      columnNumbers = [spread.numbers];
      spreadNumbers = spread.lines;
    }
  }
  if (headerEnd < 0) {
    // laid out by position, a row is a line: the first with an amount starts the body
    const rowsAreLines = isLaidOut(raw.stream);
    headerEnd = raw.stream.findIndex((l, i) => {
      const t = compact(l.text);
      if (rowsAreLines) return AMOUNT.test(t);
      // A code, a total, or a name followed by its figures (`公务接待费 2.00 1.20`, items as rows).
      // … or figures alone (a table of one row, `53.93 37.35 52.40 …`).
      // (A 合计 alone on its line heads a column when the next line is words, not figures.)
      // … or, printed a cell a line, a figure with decimals starting a run of three or more figures.
      return /^\d{3,7}\D/.test(t) || /^\d{3,7}$/.test(t) || (isTotalLabel(t) && !isHeaderLine(raw.stream[i + 1]?.text)) || /^(合计|总计)\d/.test(t) || (l.text.length <= 200 && (LABEL_THEN_AMOUNTS.test(l.text.trim()) || FIGURES_ALONE.test(l.text))) || (LONE_AMOUNT.test(l.text) && LONE_FIGURE.test(raw.stream[i + 1]?.text ?? '') && LONE_FIGURE.test(raw.stream[i + 2]?.text ?? ''));
    }) - 1;
    // Names wrapped above and below their row's line (`一般公共服务支` / `201 306.90 306.90` / `出`):
    // the first row's upper part is no header.
    if (!rowsAreLines && headerEnd >= 0 && hasCentredWraps(raw.stream.slice(headerEnd + 1))) {
      while (headerEnd >= 0 && isNameFragment(raw.stream[headerEnd]?.text ?? '')) headerEnd--;
    }
    // A 总表 without 行次: its rows start at its first numbered name (`一、财政拨款收入`), whatever follows it.
    //   (No line found to start the body — a 总表 printed a cell a line with no zeros, whose figures
    //   stand alone and whose names carry none — leaves the whole table to look in.)
    const seen = headerEnd < 0 ? raw.stream.length - 1 : headerEnd;
    if (!rowsAreLines && spec?.twoSided && !/[行栏]次/.test(compact(raw.stream.slice(0, Math.max(0, seen + 1)).map((l) => l.text).join('')))) {
      const first = raw.stream.findIndex((l, i) => i <= seen && /^[一二三四五六七八九十]+、/.test(compact(l.text)));
      if (first >= 0) headerEnd = first - 1;
    }
    // A 总表's numbered name wrapped above the first row's line (`一、社会保障和就业` / `一、一般公共预算 493,761,082.20 …`).
    if (!rowsAreLines && spec?.twoSided) {
      while (headerEnd >= 0 && /^[一二三四五六七八九十]+、/.test(compact(raw.stream[headerEnd]?.text ?? '')) && isNameFragment(raw.stream[headerEnd]?.text ?? '')) headerEnd--;
    }
  }
  const headerLines = raw.stream.slice(0, Math.max(0, headerEnd + (columnNumbers ? 0 : 1))).filter((_, i) => !spreadNumbers?.has(i));
  // The rest of a vertical `栏` / `次` label printed after the numbers is header, not the first label.
  let bodyStart = headerEnd + 1;
  while (columnNumbers && /^[栏次行]+$/.test(compact(raw.stream[bodyStart]?.text ?? ''))) bodyStart++;
  // Words only: a figure read into the header from text out of order is no header to repeat.
  const headerKeys = new Set(raw.stream.slice(0, bodyStart).map((l) => compact(l.text)).filter((k) => k !== '' && !parseNumber(k)));
  const bodyLines = withoutRepeatedHeaders(raw.stream.slice(bodyStart), headerKeys);
  const headerText = compact(headerLines.map((l) => l.text).join('')).replace(/栏次[\d栏次]*$/, '');
  const headerCells = cellBounded(headerLines).replace(/栏次[\d栏次|\u0002]*$/, '');
  const twoSided = !!spec?.twoSided || (columnNumbers?.length ?? 0) >= 2;
  // A two-sided table whose 栏次 label is printed apart from its numbers (`栏` / `次` on lines of
  // their own, as text laid out by position prints it): one run `1 2` holds both sides.
  if (twoSided && columnNumbers?.length === 1) columnNumbers = splitSides(columnNumbers[0] ?? [], spec);

  // 2. Columns: the template's standard columns when the count fits, else the labels found.
  const counts = columnNumbers?.map((g) => g.length);
  let columns: Column[] = [];
  const specCols = spec?.columns;
  if (twoSided) {
    // No 栏次 and no standard columns: the header line naming both sides' columns after their
    // 项目 (`项目 预算数 项目 合计 一般公共预算 …`) tells how many each side has.
    const named = !counts && !(specCols && !Array.isArray(specCols)) ? sidesOfHeader(headerLines) : undefined;
    const inc = counts?.[0] ?? named?.income.length ?? (Array.isArray(specCols) ? undefined : specCols?.income.length) ?? 1;
    const exp = counts?.[1] ?? named?.expense.length ?? (Array.isArray(specCols) ? undefined : specCols?.expense.length) ?? 1;
    const fromSpec = specCols && !Array.isArray(specCols) && specCols.income.length === inc && specCols.expense.length === exp;
    for (let i = 0; i < inc; i++) {
      const path = fromSpec && !Array.isArray(specCols) ? (specCols.income[i]?.path ?? []) : named ? [named.income[i] ?? ''] : ['金额'];
      columns.push(makeColumn(i, path, 'income', columnNumbers?.[0]?.[i]));
    }
    const found = scanColumnLabels(headerCells);
    for (let i = 0; i < exp; i++) {
      const path = fromSpec && !Array.isArray(specCols)
        ? (specCols.expense[i]?.path ?? [])
        : named
          ? [named.expense[i] ?? '']
          : exp > 1 && found.length >= exp
          ? [found[found.length - exp + i] ?? '']
          : ['金额'];
      columns.push(makeColumn(i, path, 'expense', columnNumbers?.[1]?.[i]));
    }
  } else {
    const found = scanColumnLabels(headerCells);
    let n = counts?.reduce((a, b) => a + b, 0);
    // The template's other layout, where the header names exactly its columns (a 三公 table with its
    // items as rows: `项目 预算数 决算数`).
    const alt = spec?.altColumns;
    if (n === undefined && alt && found.length === alt.length && found.every((f, i) => labelKey(f) === labelKey(alt[i]?.[alt[i].length - 1] ?? ''))) n = alt.length;
    if (n === undefined) n = Array.isArray(specCols) ? specCols.length : undefined;
    if (n === undefined) n = found.length || undefined;
    if (n === undefined) {
      issues.push('the number of value columns could not be determined');
      n = 0;
    }
    let paths: string[][];
    if (Array.isArray(specCols) && specCols.length === n) paths = /(?:预算数决算数){2,}/.test(headerText) ? byItem(specCols) : specCols;
    else if (spec?.altColumns?.length === n) paths = spec.altColumns;
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
  // a row a line, labels wrapped above and below their figures: laid out by position, or not
  const rowsOnLines = laidOut || hasCentredWraps(bodyLines);
  let tokens = tokenize(rowsOnLines ? reflow(bodyLines, laidOut) : bodyLines);
  const decimals = typicalDecimals(tokens);
  // the 06表's groups side by side: `科目编码 科目名称 决算数` printed two or three times
  const grouped = !twoSided && !laidOut && (headerText.match(/科目名称/g) ?? []).length >= 2;
  tokens = joinSplitCodes(repair(tokens, decimals), grouped);
  const records = toRecords(tokens, twoSided, rowsOnLines, laidOut, grouped);
  if (twoSided && !laidOut) wrapAroundIncome(records, columns.filter((c) => c.side === 'income').length, columns.filter((c) => c.side === 'expense').length);
  const rows: DraftRow[] = [];
  const rowRecords: Record[] = [];
  let firstExpenseRowNo = Infinity;
  if (twoSided) {
    for (const r of records) {
      const lab = labelKey(r.label.join(''));
      if (r.lineNo !== undefined && (/支出$/.test(lab) || /^本年支出|结余分配|年末/.test(lab))) firstExpenseRowNo = Math.min(firstExpenseRowNo, r.lineNo);
    }
  }
  // without 行次, a record's side is its place on the line or its label
  const cellSides = twoSided && firstExpenseRowNo === Infinity ? sidesOfCells(records) : undefined;
  const codeHeader: TableDraft['codeHeader'] = /单位(?:编码|代码)/.test(headerText)
    ? 'unit'
    : /项目(?:编码|代码)/.test(headerText)
      ? 'project'
      : /经济分类|科目代码/.test(headerText) && !/功能分类/.test(headerText)
        ? 'economic'
        : undefined;
  for (const r of records) {
    const label = tidyLabel(r.label.join(''));
    // Header words printed among a row's figures (`合计 105.00 合计 基本支出 项目支出`): the figures of
    // that row are not all there, and the words are no row.
    if (!twoSided && !r.code && r.values.length === 0 && isHeaderWords(label)) {
      const prev = rowRecords[rowRecords.length - 1];
      const row = rows[rows.length - 1];
      if (prev && row && prev.source.line === r.source.line) row.garbled = 'header words printed among the figures';
      continue;
    }
    // A 总表's row printed without figures is blank there (PDF text drops empty cells); other
    // text without figures is no row.
    const blankRow = twoSided && wholeRowName(label) !== undefined;
    if (!r.code && r.values.length === 0 && r.lineNo === undefined && !isTotalLabel(label) && !blankRow) {
      if (label) issues.push(`text without figures dropped: ${label}`);
      continue;
    }
    const side = !twoSided ? undefined : cellSides ? cellSides.get(r) : (r.lineNo ?? 0) >= firstExpenseRowNo ? 'expense' : 'income';
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
  if (!twoSided && !columnNumbers && !(Array.isArray(specCols) && specCols.length === columns.length) && !(laidOut && columns.some((c) => c.path.length > 1))) {
    const ordered = headerByArithmetic(headerLines, rows);
    if (ordered) columns = ordered.map((p, i) => makeColumn(i, p));
  }
  // A "三公" table's header read out of order: its columns by the rows' arithmetic (three.ts).
  if (spec?.id === 'budget-three' && !twoSided && !columnNumbers) {
    const three = threeColumns(headerText, rows);
    if (three) columns = three.map((p, i) => makeColumn(i, p));
  }
  // One column printed in groups side by side (the 06表's 科目代码 | 科目名称 | 决算数 three times):
  // a list, each row's figure in the template's one column, as the grid reader reads it.
  const oneColumn = Array.isArray(specCols) && specCols.length === 1;
  if (oneColumn && columns.length > 1 && columns.every((c) => c.label === columns[0]?.label) && rows.every((r) => r.values.length <= 1)) {
    columns = [makeColumn(0, columns[0]?.path ?? [])];
    for (const r of rows) for (const v of r.values) v.hint = 0;
  }
  return { columns, rows, columnNumbers, issues, headerText, codeHeader };
}

/** Parts that add up to another column, by role (the national templates' columns). */
const RELATIONS: Array<[string, string[]]> = [
  ['total', ['basic', 'project']],
  ['basic', ['personnel', 'public']],
];

/**
 * A header over two or three lines read without positions (text extracted a line at a time):
 * `基本支出` / `合计 项目支出` / `小计 人员经费 公用经费` does not say where the group's columns
 * sit among the others. Each placement of the lowest line's labels (together, under the
 * one-label line above them when there is one) among the middle line's is tried on the rows
 * that print every column; the one placement whose figures add up as the columns' roles say
 * (合计 = 基本支出 + 项目支出, 基本支出 = 人员经费 + 公用经费) is taken. Undefined when no line
 * structure of that kind, or not exactly one placement adds up.
 */
function headerByArithmetic(header: RawLine[], rows: DraftRow[]): string[][] | undefined {
  const lines = header.map((l) => scanColumnLabels(compact(l.text))).filter((x) => x.length > 0);
  if (lines.length < 2) return undefined;
  const width = Math.max(0, ...rows.map((r) => r.values.length));
  const full = rows.filter((r) => r.values.length === width && width >= 3);
  if (full.length === 0) return undefined;
  const lowest = lines[lines.length - 1] as string[];
  const upper = lines.slice(0, -1);
  const group = upper.length >= 1 && (upper[0]?.length ?? 0) === 1 ? (upper[0]?.[0] as string) : undefined;
  const middle = (group ? upper.slice(1) : upper).flat();
  if (lowest.length < 2) return undefined;
  const candidates: string[][][] = [];
  for (let at = 0; at <= middle.length; at++) {
    const block = lowest.map((x) => (group ? [group, x] : [x]));
    candidates.push([...middle.slice(0, at).map((x) => [x]), ...block, ...middle.slice(at).map((x) => [x])]);
  }
  // The lowest line under one label of the line above (`合计 基本支出 项目支出` over `小计 人员经费 公用经费`):
  // that label heads them.
  if (!group) {
    for (let g = 0; g < middle.length; g++) {
      const head = middle[g] as string;
      candidates.push([...middle.slice(0, g).map((x) => [x]), ...lowest.map((x) => [head, x]), ...middle.slice(g + 1).map((x) => [x])]);
    }
  }
  const scored = candidates
    .filter((c) => c.length === width)
    .map((paths) => {
      const roles = paths.map((p) => describeColumn(p).role);
      let score = 0;
      for (const [whole, parts] of RELATIONS) {
        const w = roles.indexOf(whole);
        const ps = parts.map((x) => roles.indexOf(x));
        if (w < 0 || ps.some((x) => x < 0)) continue;
        for (const r of full) {
          const v = (k: number) => r.values[k]?.value ?? 0;
          score += Math.abs(v(w) - ps.reduce((a, k) => a + v(k), 0)) < 0.015 * (ps.length + 1) ? 1 : -1;
        }
      }
      return { paths, score };
    });
  const best = Math.max(-Infinity, ...scored.map((x) => x.score));
  const winners = scored.filter((x) => x.score === best);
  return best > 0 && winners.length === 1 ? winners[0]?.paths : undefined;
}
