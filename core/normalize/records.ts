/**
 * PDF text → records: the tokens of a stream table's body (codes, names, 行次, amounts) and the
 * rows they make — `[code] name… [行次] amount…` — with what conversions do to them undone:
 * amounts glued to names or codes, zeros split over lines, a code's levels printed apart (`208 05
 * 01`, a line each), names wrapped above, below or around their row's figures, two sides of a 总表
 * on one line, the 06表's groups side by side. Used by stream.ts, which reads the header and
 * columns and places the records' figures.
 */
import type { RawLine } from '../model/raw.ts';
import type { SourceRef } from '../model/schemas.ts';
import { classCodeOfName, economicGroup, expenseRowRoles, functionClassName, incomeRowRoles, roleOf } from '../knowledge.ts';
import { toHalfWidth } from '../text/normalize.ts';
import { isTotalLabel } from './draft.ts';
import type { StreamRecord } from './laid-out.ts';

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

/** What follows a list item's number: `.` or `、` and the item's words (`1.贯彻…`, `1. 贯彻…`), or a colon (`目标1：…`). */
const ENUMERATED = /^[.、]\s?[\u4e00-\u9fff]|^[:：]/;

/** A project code (`42010322201T000000109`): digits, capitals, digits. */
const PROJECT_CODE = /^\d{4,}[A-Z]+\d{3,}$/;

export function tokenize(lines: RawLine[]): Token[] {
  const out: Token[] = [];
  for (let li = 0; li < lines.length; li++) {
    const l = lines[li] as RawLine;
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
      // `1.贯彻执行…`, `2、负责…`, `目标1：`: the number of an item of a list, part of its text.
      // (The item's words may start the next line: `…</p><p>1` / `.贯彻执行…`.)
      // (or the number and its dot on a line of their own: `1.` / `一般公共预算`, text a cell a line)
      const rest = text.slice(at + t.length);
      const after = rest.trim() !== '' && !/^[.、]\s*$/.test(rest) ? rest.slice(0, 3) : `${rest.trim()}${toHalfWidth((lines[li + 1]?.text ?? '').trimStart().slice(0, 3))}`;
      const enumerator = kind === 'digits' && t.length <= 2 && ENUMERATED.test(after);
      out.push({ text: t, kind: enumerator ? 'text' : kind, lineStart: first, source: l.source, end: at + t.length, cellStart: first || text.startsWith('  ', at - 2) });
      first = false;
    }
  }
  return out;
}

/** Decimals most amounts in the table print (2 for 万元 tables). */
export function typicalDecimals(tokens: Token[]): number {
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
export function repair(tokens: Token[], decimals: number): Token[] {
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

/**
 * A code printed over the 类 | 款 | 项 columns, each level's digits a cell (`208 05 01 行政单位离退休`,
 * `301 01 基本工资`): at a line's start, three digits and one or two pairs of digits before the
 * row's name are one code (`2080501`). Figures come after a row's name, never before it.
 * In a table of groups side by side (the 06表: `301 01 基本工资 405.36 302 01 办公费 92.11`), the
 * right-hand group's code comes after the left-hand row's figure: an economic class and a pair of
 * digits there, after a figure with decimals, are one code too (`30201`).
 */
/** After the left-hand group's row: its figure, or its code when it has none (`303 99 302 31 公务用车…`). */
function afterLeftRow(prev: Token | undefined): boolean {
  if (!prev) return false;
  return prev.lineStart ? prev.kind === 'digits' && /^3\d{4}$/.test(prev.text) : prev.kind === 'number' && /\.\d/.test(prev.text);
}

export function joinSplitCodes(tokens: Token[], grouped = false): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i] as Token;
    if (grouped && !t.lineStart && t.kind === 'digits' && /^3\d{2}$/.test(t.text) && afterLeftRow(out[out.length - 1])) {
      const pair = tokens[i + 1];
      if (pair?.kind === 'digits' && !pair.lineStart && /^\d{2}$/.test(pair.text)) {
        out.push({ ...t, text: `${t.text}${pair.text}`, end: pair.end });
        i++;
        continue;
      }
    }
    if (t.lineStart && t.kind === 'digits' && /^\d{3}$/.test(t.text)) {
      // the levels on one line (`208 05 01 行政单位离退休`), or each on a line of its own (text a cell a line)
      const own = tokens[i + 1]?.lineStart === true;
      let j = i + 1;
      let code = t.text;
      while (j < i + 3 && tokens[j]?.kind === 'digits' && tokens[j]?.lineStart === own && (!own || tokens[j + 1]?.lineStart) && /^\d{2}$/.test(tokens[j]?.text ?? '')) code += tokens[j++]?.text;
      const name = tokens[j];
      // … or, its name wrapped above and below the line, before the row's figures (`机关事业单位基本` /
      // `301 08 229.67` / `养老保险缴费`): a class of the classifications and its pair of digits.
      const figures = !own && name?.kind === 'number' && /\.\d/.test(name.text) && (economicGroup(t.text) !== undefined || functionClassName(t.text) !== undefined);
      // … or, in groups side by side, before the right-hand group's code (`303 99 302 31 公务用车…`)
      const nextCode = grouped && !own && name?.kind === 'digits' && /^3\d{2}$/.test(name.text) && /^\d{2}$/.test(tokens[j + 1]?.text ?? '') && tokens[j + 1]?.kind === 'digits';
      if (j > i + 1 && ((name?.kind === 'text' && name.lineStart === own) || figures || nextCode)) {
        out.push({ ...t, text: code, end: tokens[j - 1]?.end });
        i = j - 1;
        continue;
      }
    }
    out.push(t);
  }
  return out;
}

export type Record = StreamRecord;

function isCodeToken(t: Token, next: Token | undefined): boolean {
  return t.kind === 'digits' && (/^\d{3}(?:\d{2}){0,2}$|^\d{6}$/.test(t.text) || PROJECT_CODE.test(t.text)) && next?.kind === 'text';
}

/** The record whose code a short piece of text alone on the next line ends the name of. */
function nameUnderCode(tokens: Token[], i: number, recent: Record[]): Record | undefined {
  const t = tokens[i] as Token;
  if (!isLonePiece(tokens, i)) return undefined;
  return recent.find((r) => r.codeUnderName !== undefined && r.codeUnderName === (t.source.line ?? 0) - 1);
}

/** A few characters of a name alone on their line (no figure): the end of a name wrapped there. */
function isLonePiece(tokens: Token[], i: number): boolean {
  const t = tokens[i] as Token;
  return t.lineStart && t.text.length <= 4 && !/\d/.test(t.text) && !(tokens[i + 1] && !tokens[i + 1]?.lineStart);
}

/** A 总表 row's name whole by itself (`收入总计`, `事业收入`, `社会保障和就业支出`): its role or class, if any. */
export function wholeRowName(text: string): string | undefined {
  return roleOf(text, incomeRowRoles) ?? roleOf(text, expenseRowRoles) ?? classCodeOfName(text);
}

/**
 * A 总表's expense name wrapped around the line of the income row beside it (`一、社会保障和就业` /
 * `一、一般公共预算 493,761,082.20 16,067,196.24 16,067,196.24 0.00 0.00` / `支出`): the income row
 * prints both sides' figures; those past the income side's columns are the expense row's, whose
 * name is the line above and the short piece below.
 */
export function wrapAroundIncome(records: Record[], incomeColumns: number, expenseColumns: number): void {
  if (incomeColumns < 1 || expenseColumns < 1) return;
  for (let k = 1; k < records.length; k++) {
    const row = records[k] as Record;
    const head = records[k - 1] as Record;
    const line = row.source.line;
    if (line === undefined || row.values.length !== incomeColumns + expenseColumns || row.lineNo !== undefined) continue;
    if (head.values.length || head.code || head.lineNo !== undefined || head.source.line !== line - 1 || !head.label.length) continue;
    if (roleOf(head.label.join(''), incomeRowRoles) !== undefined || roleOf(row.label.join(''), incomeRowRoles) === undefined) continue;
    head.values = row.values.splice(incomeColumns);
    const tail = records[k + 1];
    if (tail && !tail.values.length && !tail.code && tail.source.line === line + 1 && tail.label.join('').length <= 4) {
      head.label.push(...tail.label);
      records.splice(k + 1, 1);
    }
  }
}

/** A total's name on a line of its own. */
const LINE_TOTAL = /^(?:人员经费|公用经费|本年收入|本年支出)?(?:合计|总计)$/;

/** A code starting a line, figures after it, under a name without figures begun on the line above. */
function isCodeUnderName(t: Token, next: Token | undefined, cur: Record | undefined): boolean {
  if (!t.lineStart || t.kind !== 'digits' || !/^[235]\d{2}(?:\d{2}){0,2}$/.test(t.text) || next?.kind !== 'number' || next.lineStart) return false;
  if (!cur || cur.lineNo !== undefined) return false;
  const above = (t.source.line ?? 0) - 1;
  const from = namePartOn(cur, above);
  if (from < 0 || (cur.code ? (cur.labelLines?.[0] ?? above) >= above : cur.source.line !== above)) return false;
  return !isTotalLabel(cur.label.slice(from).join(''));
}

/**
 * Where the pieces of a record's name printed on `line` begin, when they end the name and the
 * record has no figures: its whole name, or, after its code's line, its last pieces (a name's
 * first part run into a row without figures). -1 otherwise.
 */
function namePartOn(r: Record | undefined, line: number): number {
  if (!r || r.values.length || !r.label.length) return -1;
  const lines = r.labelLines ?? [];
  const k = lines.indexOf(line);
  return k < 0 || lines.slice(k).some((l) => l !== line) || (k === 0 && r.code) ? -1 : k;
}

/** A numbered item's start (`三、`, or the number of `1. 一般公共预算` read as text), or a side's total. */
const NUMBERED_ITEM = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、|\d{1,2}$|(?:本年)?(?:收入|支出)?(?:总计|合计)$)/;

/**
 * A name's last characters alone on their line, just after a line holding only the record's
 * figures, itself just after the name's first part (`…应急管理支` / `98.23` / `出`): the name
 * wrapped in its cell around the figures, not a new row.
 */
function isWrapTail(tokens: Token[], i: number, cur: Record): boolean {
  const t = tokens[i] as Token;
  const line = t.source.line;
  if (line === undefined || !isLonePiece(tokens, i)) return false;
  // a name whole by itself (`收入总计`, `合计`) is a row of its own
  if (LINE_TOTAL.test(t.text) || wholeRowName(t.text) !== undefined) return false;
  const figuresLine = line - 1;
  if (!cur.values.every((v) => v.source.line === figuresLine) || !cur.label.length) return false;
  // the line of figures holds nothing else, and the name's first part ends the line before it
  for (let k = i - 1; k >= 0 && (tokens[k]?.source.line ?? -1) >= figuresLine; k--) if (tokens[k]?.kind === 'text') return false;
  const before = tokens.findLast((x, k) => k < i && x.source.line === figuresLine - 1);
  return before?.kind === 'text' && !/[\d)）]$/.test(before.text);
}

/**
 * The name so far is a row of a 总表 whole and `t` does not continue it: `t` starts the next
 * cell — the expense side's name after an income name on its line (`2、政府性基金 社会保障和就业支出`),
 * or any name that is whole by itself (`使用非财政拨款结余` / `结余分配` / `年初结转和结余`).
 */
function endsCell(label: string[], t: Token): boolean {
  const before = label.join('');
  const whole = wholeRowName;
  const own = whole(before);
  if (own === undefined) return false;
  const joined = whole(before + t.text);
  const side = (s: string) => (roleOf(s, incomeRowRoles) !== undefined ? 'income' : 'expense');
  // a whole name of its own, on a line of its own or of the other side (some names are patterns of their start)
  if (whole(t.text) !== undefined && (joined === undefined || joined === own) && (t.lineStart || side(t.text) !== side(before))) return true;
  if (joined !== undefined) return false;
  return !t.lineStart && roleOf(before, incomeRowRoles) !== undefined;
}

/** An economic code (`301`, `30212`) as the 06表's groups print it. */
const ECONOMIC_CODE = /^3\d{2}(?:\d{2})?$/;

export function toRecords(tokens: Token[], twoSided: boolean, rowsOnLines = false, laidOut = false, grouped = false): Record[] {
  const cells = laidOut && twoSided;
  const records: Record[] = [];
  let cur: Record | undefined;
  const close = () => {
    if (cur && (cur.code || cur.label.length || cur.lineNo !== undefined || cur.values.length)) records.push(cur);
    cur = undefined;
  };
  const open = (t: Token) => (cur = { label: [], labelLines: [], values: [], source: t.source });
  const seenRowNos = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t) continue;
    const next = tokens[i + 1];
    // printed a row a line, a line with figures is a row of its own
    if (rowsOnLines && t.lineStart && cur?.values.length) close();
    if (t.kind === 'text') {
      // `二十二、灾害防治及应急管理支` / `98.23` / `出`: the rest of a name wrapped around its figures
      if (cur?.values.length && isWrapTail(tokens, i, cur)) {
        cur.label.push(t.text);
        continue;
      }
      // `机关事业单位基本养老保` / `30108 699.30 30206 电费` / `险缴费`: the rest of the name a code printed under
      const under = nameUnderCode(tokens, i, [...records.slice(-3), ...(cur ? [cur] : [])]);
      if (under) {
        under.label.push(t.text);
        continue;
      }
      // laid out by position, a two-sided row prints both sides' labels on one line: a new cell is a new record
      // a two-sided row's second cell printed after a first without figures (`2. 政府性基金预算 三、城乡社区支出`): a numbered item starts a record;
      // so does a total on a line of its own after a row without figures (`31099 其他资本性支出` / `人员经费合计 12,010.40`)
      if (
        !cur ||
        cur.values.length ||
        cur.lineNo !== undefined ||
        (cells && t.cellStart && cur.label.length) ||
        (twoSided && cur.label.length && (NUMBERED_ITEM.test(t.text) || endsCell(cur.label, t))) ||
        (t.lineStart && cur.label.length && LINE_TOTAL.test(t.text))
      ) {
        close();
        open(t);
      }
      cur?.label.push(t.text);
      cur?.labelLines?.push(t.source.line);
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
    // `机关事业单位基本养老保` / `30108 504.38 30206 电费 72.56`: a code and figures under the first part of its name
    if (!twoSided && isCodeUnderName(t, next, cur)) {
      const c = cur as Record;
      // the name's first part run into a row without figures above it (`30205 水费` / `机关事业单位基本养老保`): its own record
      const from = namePartOn(c, (t.source.line ?? 0) - 1);
      if (c.code && from > 0) {
        const name = c.label.splice(from);
        c.labelLines?.splice(from);
        close();
        open(t);
        (cur as unknown as Record).label.push(...name);
      }
      (cur as unknown as Record).code = t.text;
      (cur as unknown as Record).codeUnderName = t.source.line;
      continue;
    }
    // Groups side by side (the 06表): a name wrapped around its group's code on a line of another
    // group's row — the code after that row's figures (`30113 住房公积金 431.39 30212 13.24`), or a
    // code without figures before the next group's (`30399 30240 税金及附加费用 20.81`).
    if (grouped && t.kind === 'digits' && ECONOMIC_CODE.test(t.text) && next && !next.lineStart) {
      const midLine = !t.lineStart && next.kind === 'number';
      const blank = t.lineStart && next.kind === 'digits' && ECONOMIC_CODE.test(next.text) && tokens[i + 2]?.kind === 'text' && !tokens[i + 2]?.lineStart;
      if (midLine || blank) {
        const above = (t.source.line ?? 0) - 1;
        // the name's first part: a record of the line above without figures, or the end of one
        const from = (r: Record | undefined) => namePartOn(r, above);
        const take = (r: Record): string[] => {
          const k = from(r);
          r.labelLines?.splice(k);
          return r.label.splice(k);
        };
        let name: string[] = [];
        if (from(cur) >= 0) {
          name = take(cur as Record);
          if ((cur as Record).label.length === 0) cur = undefined;
        } else {
          const k = records.length - 1 - [...records].reverse().findIndex((r) => from(r) >= 0);
          const r = records[k];
          if (k < records.length && r) {
            name = take(r);
            if (r.label.length === 0 && !r.code) records.splice(k, 1);
          }
        }
        close();
        cur = { label: name, labelLines: name.map(() => above), values: [], source: t.source, code: t.text, codeUnderName: t.source.line };
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
