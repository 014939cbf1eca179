/**
 * Grid tables (tab-separated text, HTML) → TableDraft.
 *
 * Header rows are the rows above the first data row (or down to the 栏次 row). Header
 * cells left empty beside a label are taken as spanned by it when the rows below carry
 * sub-labels (a colspan that the text conversion lost). Columns are stub (code, name, 行次),
 * text (attributes such as 项目单位) or value columns, decided by their header and data.
 * Text conversions can shift a row's cells; every printed figure keeps the column its
 * position suggests as a hint, which the solver may overrule (see solve/columns.ts).
 */
import type { RawTable } from '../model/raw.ts';
import type { Column, Side, SourceRef } from '../model/schemas.ts';
import { labels, stubLabels, type TemplateSpec } from '../knowledge.ts';
import { isBlankMarker, parseNumber } from '../text/numbers.ts';
import { compact, hasCjk, isBlankText, labelKey } from '../text/normalize.ts';
import { describeColumn, isTotalWord, makeColumn } from './columns.ts';
import { type DraftRow, type DraftValue, type TableDraft, codeKindOf, isTotalLabel, parseCode } from './draft.ts';

type Grid = string[][];

function isColumnNumberRow(cells: string[]): number[][] | undefined {
  const nonEmpty = cells.filter((c) => !isBlankText(c) && c.length < 12).map((c) => compact(c));
  if (nonEmpty.length !== cells.filter((c) => !isBlankText(c)).length) return undefined;
  if (nonEmpty.length < 2) return undefined;
  if (!nonEmpty.every((c) => /^(?:栏次|类|款|项|\d{1,2})$/.test(c))) return undefined;
  const groups: number[][] = [];
  let cur: number[] = [];
  for (const c of nonEmpty) {
    if (c === '栏次') {
      if (cur.length) groups.push(cur);
      cur = [];
    } else if (/^\d+$/.test(c)) cur.push(Number(c));
  }
  if (cur.length) groups.push(cur);
  const flat = groups.flat();
  if (flat.length === 0) return undefined;
  for (let i = 1; i < flat.length; i++) if (flat[i] !== (flat[i - 1] ?? 0) + 1) return undefined;
  if (flat[0] !== 1 && !nonEmpty.includes('栏次')) return undefined;
  return groups;
}

function isAmountText(text: string): boolean {
  const n = parseNumber(text);
  return !!n && (n.decimals > 0 || /,/.test(text) || n.percent);
}

function isDataRow(cells: string[]): boolean {
  const nonEmpty = cells.filter((c) => !isBlankText(c));
  if (nonEmpty.length === 0) return false;
  if (cells.some((c) => isAmountText(c))) return true;
  const first = nonEmpty[0] ?? '';
  const code = parseCode(first);
  if (code && (code.rest !== '' || nonEmpty.slice(1).some((c) => hasCjk(c)))) return true;
  if (isTotalLabel(first) && nonEmpty.slice(1).every((c) => parseNumber(c) || isBlankMarker(c))) return true;
  // Figures only, printed without decimals (`1 | | | 1`): data, unless they are the columns'
  // numbers (1, 2, 3 …, told apart before this is asked) or years.
  if (nonEmpty.every((c) => parseNumber(c)) && nonEmpty.some((c) => !/^(?:19|20)\d{2}$/.test(compact(c)))) return true;
  return false;
}

const STUB_CODE = /(?:编码|代码)$/;
const MAX_HEADER_ROWS = 6;
/** Longer cell text is prose (a form's description field), never a row label. */
const MAX_LABEL = 120;
const ROW_NO = /^行次$/;

/**
 * Columns headed 类, 款, 项 side by side: each row's code written whole into the 类 column (the
 * digits of the levels above carried down), the 款 and 项 cells emptied. `208`, `  01`, `    01`
 * become `208`, `20801`, `2080101`. The words 类 款 项 may be the leaves of the header or sit in
 * the row of column numbers (`类 款 项 栏次 1 2 3`); the three columns are the row's code, not
 * figures, when the body holds two-digit parts under 款 or 项 (`208 | 01 | 02 | 一般行政管理事务`).
 */
function composeSplitCodes(paths: string[][], kinds: string[], body: string[][], headerRows: string[][]): void {
  const leaf = (c: number) => labelKey(paths[c]?.[paths[c].length - 1] ?? '');
  const headed = (c: number, word: string) => leaf(c) === word || headerRows.some((r) => compact(r[c] ?? '') === word);
  const at = kinds.findIndex((k, c) => k === 'stub' && headed(c, '类') && headed(c + 1, '款') && headed(c + 2, '项'));
  if (at < 0) return;
  const parts = (row: string[]) => [0, 1, 2].map((i) => compact(row[at + i] ?? ''));
  const TWO = /^\d{2}$/;
  // Codes are split only where rows hold two-digit parts under 款 or 项 (a header 类 款 项 over a
  // whole code and its name is no split code).
  if (body.filter((row) => TWO.test(parts(row)[1] ?? '') || TWO.test(parts(row)[2] ?? '')).length < 2) return;
  if (kinds[at + 1] !== 'stub' || kinds[at + 2] !== 'stub') {
    // Read as figures (two-digit numbers): codes only if every filled cell there is a code part.
    const other = body.some((row) => {
      const [l, k, x] = parts(row);
      return !/^(?:\d{3})?$/.test(l ?? '') || !/^(?:\d{2})?$/.test(k ?? '') || !/^(?:\d{2})?$/.test(x ?? '');
    });
    if (other) return;
    kinds[at + 1] = kinds[at + 2] = 'stub';
  }
  let cls: string | undefined;
  let kuan: string | undefined;
  for (const row of body) {
    const [l, k, x] = [0, 1, 2].map((i) => compact(row[at + i] ?? ''));
    if (/^\d{3}$/.test(l ?? '')) {
      cls = l;
      kuan = undefined;
    } else if (l) continue; // a label or a whole code where the 类 goes: left as printed
    if (TWO.test(k ?? '')) kuan = cls ? `${cls}${k}` : undefined;
    let code: string | undefined;
    if (TWO.test(x ?? '')) code = kuan ? `${kuan}${x}` : undefined;
    else if (k) code = kuan;
    else if (l) code = cls;
    if (!code) continue;
    row[at] = code;
    // Only the code's digits go (a name printed under 款 or 项 stays).
    if (TWO.test(k ?? '')) row[at + 1] = '';
    if (TWO.test(x ?? '')) row[at + 2] = '';
  }
}

export function readGrid(raw: RawTable, spec: TemplateSpec | undefined, options: { form?: boolean } = {}): TableDraft {
  const issues: string[] = [];
  const grid: Grid = raw.grid.map((r) => r.cells.map((c) => c.text));
  const width = Math.max(0, ...grid.map((r) => r.length));
  for (const r of grid) while (r.length < width) r.push('');

  // 1. Header / body split.
  let colNoRow = -1;
  let columnNumbers: number[][] | undefined;
  for (let r = 0; r < Math.min(grid.length, 8); r++) {
    const g = isColumnNumberRow(grid[r] ?? []);
    if (g) {
      colNoRow = r;
      columnNumbers = g;
      break;
    }
    if (isDataRow(grid[r] ?? [])) break;
  }
  let firstData = grid.length;
  for (let r = colNoRow + 1; r < Math.min(grid.length, colNoRow + 2 + MAX_HEADER_ROWS); r++) {
    if (isDataRow(grid[r] ?? [])) {
      firstData = r;
      break;
    }
  }
  // Headers are a few rows; a grid without recognisable data rows (a form) keeps a short header.
  const headerEnd = colNoRow >= 0 ? colNoRow + 1 : Math.min(firstData, MAX_HEADER_ROWS);
  const headerRows = grid.slice(0, headerEnd).filter((_, i) => i !== colNoRow);
  // A table over several pages prints its header rows again on each: rows that repeat one are
  // no data.
  const headerKeys = new Set(grid.slice(0, headerEnd).map((r) => compact(r.join(''))).filter((k) => k !== ''));
  const bodyAt: number[] = [];
  for (let r = headerEnd; r < grid.length; r++) if (!headerKeys.has(compact((grid[r] ?? []).join('')))) bodyAt.push(r);
  const body = bodyAt.map((r) => grid[r] ?? []);
  const bodyRaw = bodyAt.map((r) => raw.grid[r]!);

  // 2. Header paths with lost colspans restored. Where cells keep their columns (a page's
  //    table) a blank header cell is blank, unless the label beside it heads a group: a 小计 or
  //    合计 under the label, sub-labels under the blanks (`基本支出 | ` over `小计 | 人员经费 | 公用经费`).
  const filled = headerRows.map((r) => r.slice());
  for (let r = 0; r < filled.length; r++) {
    const row = filled[r] ?? [];
    const next = filled[r + 1];
    let origin = isBlankText(row[0] ?? '') ? -1 : 0;
    for (let c = 1; c < width; c++) {
      if (!isBlankText(row[c] ?? '')) {
        origin = c;
        continue;
      }
      const left = row[c - 1] ?? '';
      if (isBlankText(left)) continue;
      if (raw.alignedCells && !(origin >= 0 && next && /^(?:小计|合计)$/.test(compact(next[origin] ?? '')))) continue;
      if (filled.slice(r + 1).some((b) => !isBlankText(b[c] ?? ''))) row[c] = left;
    }
  }
  const paths: string[][] = [];
  for (let c = 0; c < width; c++) {
    const p: string[] = [];
    for (const row of filled) {
      const t = (row[c] ?? '').trim();
      if (t !== '' && p[p.length - 1] !== t) p.push(t);
    }
    paths.push(p);
  }
  const headerText = compact(headerRows.map((r) => r.join('')).join(''));

  // 3. Column kinds.
  type Kind = 'stub' | 'text' | 'value' | 'none';
  const kinds: Kind[] = [];
  for (let c = 0; c < width; c++) {
    const p = paths[c] ?? [];
    const leaf = p[p.length - 1] ?? '';
    let numeric = 0;
    let text = 0;
    for (const row of body) {
      const t = row[c] ?? '';
      if (isBlankText(t)) continue;
      if (parseNumber(t)) numeric++;
      else if (!isBlankMarker(t)) text++;
    }
    const leafKey = labelKey(leaf);
    const described = describeColumn(p);
    if (leafKey !== '' && (stubLabels.has(leafKey) || STUB_CODE.test(leafKey) || /名称$/.test(leafKey))) kinds.push('stub');
    // An explanation column (测算依据及说明, 备注) describes the row; it does not name it.
    else if (/说明|依据|备注|口径/.test(leafKey) && text >= numeric && c > 0) kinds.push('text');
    else if (leafKey !== '' && described.role && described.role !== 'total' && numeric >= text) kinds.push('value');
    else if (leafKey !== '' && (described.role || isTotalWord(leaf)) && c > 0) kinds.push('value');
    else if (text > numeric && text > 0) kinds.push(c === 0 || kinds.every((k) => k !== 'value') ? 'stub' : 'text');
    else if (numeric > 0) kinds.push('value');
    else if (leafKey !== '' && (described.role || isTotalWord(leaf) || !options.form)) kinds.push('value');
    else kinds.push('none');
  }
  // The first column of a grid is a stub whatever its header says (labels or codes).
  if (kinds[0] === 'value' && body.some((r) => hasCjk(r[0] ?? '') || parseCode(r[0] ?? ''))) kinds[0] = 'stub';

  // The 科目编码 printed over three columns 类 | 款 | 项 (`208` / `01` / `01`, each row its own
  // level's digits): one code per row, from the levels above it.
  composeSplitCodes(paths, kinds, body, grid.slice(0, headerEnd));

  // 4. Sides (two-sided 总表) and groups (三栏 economic list).
  const stubIdx = kinds.map((k, i) => (k === 'stub' ? i : -1)).filter((i) => i >= 0);
  let sideSplit = -1;
  const topLabels = (filled[0] ?? []).map((t) => labelKey(t));
  const incomeTop = topLabels.findIndex((t) => t === '收入');
  const expenseTop = topLabels.findIndex((t) => t === '支出');
  if (spec?.twoSided || (incomeTop >= 0 && expenseTop > incomeTop)) {
    if (expenseTop > 0) sideSplit = expenseTop;
    else {
      const itemCols = stubIdx.filter((i) => labelKey(paths[i]?.[paths[i].length - 1] ?? '') === '项目');
      if (itemCols.length >= 2) sideSplit = itemCols[1] ?? -1;
    }
    // 支出 printed over the expense figures only: the expense side starts at its own stub columns.
    while (sideSplit > 1 && kinds[sideSplit - 1] === 'stub' && kinds.slice(0, sideSplit - 1).includes('value')) sideSplit--;
  }
  const codeCols = stubIdx.filter((i) => STUB_CODE.test(labelKey(paths[i]?.[paths[i].length - 1] ?? '')));
  const groupStarts = sideSplit < 0 && codeCols.length >= 2 && kinds.filter((k) => k === 'value').length === codeCols.length ? codeCols : undefined;

  // 5. Value columns.
  const columns: Column[] = [];
  const hintOf = new Map<number, number>();
  const sideOf = (c: number): Side | undefined => (sideSplit < 0 ? undefined : c < sideSplit ? 'income' : 'expense');
  if (groupStarts) {
    const first = kinds.findIndex((k) => k === 'value');
    const leafPath = paths[first] ?? [];
    columns.push(makeColumn(0, leafPath.length ? [leafPath[leafPath.length - 1] ?? '决算数'] : ['决算数']));
    kinds.forEach((k, c) => k === 'value' && hintOf.set(c, 0));
  } else {
    const perSide = new Map<string, number>();
    for (let c = 0; c < width; c++) {
      if (kinds[c] !== 'value') continue;
      const side = sideOf(c);
      const n = perSide.get(side ?? '') ?? 0;
      perSide.set(side ?? '', n + 1);
      hintOf.set(c, columns.length);
      columns.push(makeColumn(n, paths[c] ?? [], side));
    }
  }
  // Column keys unique across sides; 栏次 numbers in order.
  if (columnNumbers) {
    const flat = columnNumbers.flat();
    if (sideSplit >= 0 && columnNumbers.length === 2) {
      const inc = columns.filter((c) => c.side === 'income');
      const exp = columns.filter((c) => c.side === 'expense');
      if (inc.length === columnNumbers[0]?.length) inc.forEach((c, i) => (c.lineNo = columnNumbers?.[0]?.[i]));
      if (exp.length === columnNumbers[1]?.length) exp.forEach((c, i) => (c.lineNo = columnNumbers?.[1]?.[i]));
    } else if (flat.length === columns.length) {
      columns.forEach((c, i) => (c.lineNo = flat[i]));
    } else {
      issues.push(`栏次 ${flat.length} ≠ ${columns.length} value columns`);
    }
  }

  // 6. Rows.
  const codeHeaderText = codeCols.map((i) => labelKey(paths[i]?.join('') ?? '')).join('|');
  const codeHeader: TableDraft['codeHeader'] = labels.unitCodeHeaders.some((h) => codeHeaderText.includes(labelKey(h)))
    ? 'unit'
    : labels.projectCodeHeaders.some((h) => codeHeaderText.includes(labelKey(h)))
      ? 'project'
      : /经济分类/.test(headerText)
        ? 'economic'
        : undefined;
  const rows: DraftRow[] = [];
  const ranges: { from: number; to: number; side?: Side }[] = groupStarts
    ? groupStarts.map((s, i) => ({ from: s, to: (groupStarts[i + 1] ?? width) - 1 }))
    : sideSplit >= 0
      ? [
          { from: 0, to: sideSplit - 1, side: 'income' },
          { from: sideSplit, to: width - 1, side: 'expense' },
        ]
      : [{ from: 0, to: width - 1 }];
  const rowNoCols = new Set(stubIdx.filter((i) => ROW_NO.test(labelKey(paths[i]?.[paths[i].length - 1] ?? ''))));

  // A text column's header names the attribute its cells give (项目单位 → 区人社局).
  const headerLabels = paths.map((p) => tidyLabel(p[p.length - 1] ?? ''));
  let group: string | undefined;
  for (let r = 0; r < body.length; r++) {
    const cells = body[r] ?? [];
    const rawRow = bodyRaw[r];
    if (!rawRow) continue;
    for (const range of ranges) {
      const row = readRow(cells, rawRow, range, kinds, hintOf, rowNoCols, raw.alignedCells, headerLabels);
      if (!row) continue;
      if (options.form) {
        // In a form block the innermost label names the row; an outer one names its group.
        const firstValue = kinds.findIndex((k, c) => c >= range.from && k === 'value');
        const stubTexts = cells
          .slice(range.from, firstValue < 0 ? range.to + 1 : firstValue)
          .map((t, k) => ({ t: t.trim(), k: range.from + k }))
          .filter((x) => x.t && !parseNumber(x.t) && x.t.length <= MAX_LABEL && kinds[x.k] !== 'text');
        if (stubTexts.length >= 2) {
          group = tidyLabel(stubTexts[0]?.t ?? '');
          // The row's name: the column headed …名称 when there is one, else the innermost label.
          const leafOf = (k: number) => {
            const p = paths[k] ?? [];
            return p[p.length - 1] ?? '';
          };
          const named = stubTexts.find((x) => /名称$/.test(labelKey(leafOf(x.k))));
          row.label = tidyLabel((named ?? stubTexts[stubTexts.length - 1])?.t ?? row.label);
        }
        row.group = group;
      }
      row.side = range.side;
      if (row.code) row.codeKind = codeKindOf(row.code, codeHeader);
      rows.push(row);
    }
  }
  if (groupStarts) {
    // Read group by group (top to bottom, then left to right), as printed columns of a list.
    rows.sort((a, b) => (groupIndex(a) - groupIndex(b)) || ((a.source.line ?? 0) - (b.source.line ?? 0)));
  }
  return { columns, rows, columnNumbers, issues, headerText, codeHeader };

  function groupIndex(row: DraftRow): number {
    const path = row.source.path ?? '';
    const c = Number(/c(\d+)/.exec(path)?.[1] ?? 0) - 1;
    return (groupStarts ?? []).filter((s) => s <= c).length;
  }
}

function readRow(
  cells: string[],
  rawRow: RawTable['grid'][number],
  range: { from: number; to: number },
  kinds: string[],
  hintOf: Map<number, number>,
  rowNoCols: Set<number>,
  aligned: boolean,
  headerLabels: readonly string[],
): DraftRow | undefined {
  const attrs: Record<string, string> = {};
  let code: string | undefined;
  let codeRest = '';
  let label = '';
  let lineNo: number | undefined;
  let firstCell = -1;
  const values: DraftValue[] = [];
  const texts: { text: string; hint?: number }[] = [];
  const blanks: Record<number, SourceRef> = {};
  for (let c = range.from; c <= range.to; c++) {
    const text = cells[c] ?? '';
    if (isBlankText(text)) {
      // An empty cell of a value column on a page: where a blank operand is, for the overlay.
      const hint = hintOf.get(c);
      const src = rawRow.cells[c]?.source;
      if (aligned && hint !== undefined && kinds[c] === 'value' && src?.path && !rawRow.cells[c]?.spanned) blanks[hint] = src;
      continue;
    }
    const t = text.length < 40 ? compact(text) : text.trim();
    if (firstCell < 0) firstCell = c;
    const kind = kinds[c];
    const source = rawRow.cells[c]?.source ?? rawRow.source;
    // A cell spanning several columns or rows is one figure, not several.
    if (rawRow.cells[c]?.spanned && (label || code || kind !== 'stub')) continue;
    if (rowNoCols.has(c) && /^\d{1,3}$/.test(t)) {
      lineNo = Number(t);
      continue;
    }
    if (!code && !label && (kind === 'stub' || c === firstCell)) {
      const pc = parseCode(text) ?? (kind === 'stub' && c === firstCell && /^\d{1,2}$/.test(t) ? { code: t, rest: '' } : undefined);
      if (pc && (kind === 'stub' || pc.rest !== '')) {
        code = pc.code;
        codeRest = pc.rest;
        continue;
      }
    }
    const num = parseNumber(text);
    if (num && (kind !== 'stub' || num.decimals > 0 || /,/.test(text))) {
      values.push({
        value: num.value,
        blank: false,
        percent: num.percent,
        text: text.trim(),
        decimals: num.decimals,
        source,
        hint: hintOf.get(c),
      });
      continue;
    }
    if (kind === 'value' && isBlankMarker(text)) {
      values.push({ value: 0, blank: true, percent: false, text: text.trim(), decimals: 0, source, hint: hintOf.get(c) });
      continue;
    }
    if (!label && kind !== 'text' && text.length <= MAX_LABEL) {
      label = text.trim();
      continue;
    }
    if (kind === 'value') texts.push({ text: text.trim(), hint: hintOf.get(c) });
    else if (text.length <= MAX_LABEL) {
      const h = headerLabels[c];
      if (h && !(h in attrs)) attrs[h] = tidyLabel(text);
    }
  }
  if (!label && codeRest) label = codeRest;
  if (!code && !label && lineNo === undefined && values.length === 0) return undefined;
  return {
    code,
    label: tidyLabel(label),
    lineNo,
    values,
    texts,
    attrs: Object.keys(attrs).length ? attrs : undefined,
    blanks: Object.keys(blanks).length ? blanks : undefined,
    fixed: aligned,
    source: { line: rawRow.source.line, path: rawRow.cells[firstCell]?.source?.path ?? rawRow.source.path, ...(rawRow.source.page ? { page: rawRow.source.page } : {}) },
  };
}

const tidyMemo = new Map<string, string>();

/** `人力资源和社会保 障管理事务` → `人力资源和社会保障管理事务` (spaces between CJK are wraps). */
export function tidyLabel(label: string): string {
  let v = tidyMemo.get(label);
  if (v === undefined) {
    if (tidyMemo.size > 20_000) tidyMemo.clear();
    v = tidy(label);
    tidyMemo.set(label, v);
  }
  return v;
}

function tidy(label: string): string {
  return (
    label
      .replace(/\s+/g, ' ')
      .replace(/([\u3400-\u9fff（(）)、，])\s+(?=[\u3400-\u9fff（(）)、，])/g, '$1')
      .trim()
      // the header's `类 款 项` printed on the total row's line (`类 款 项 合计 4,733.14 …`)
      .replace(/^类款项(?=(?:合计|总计)$)/, '')
  );
}
