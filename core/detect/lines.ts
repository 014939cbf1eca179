/**
 * Line predicates used to cut a text disclosure into tables and narrative. Pure and cheap;
 * each carries examples in its doc comment and is tested as a matrix in lines.test.ts.
 */
import { compact, hasCjk, toHalfWidth } from '../text/normalize.ts';

const TITLE_KEYWORDS = /收|支|预算|决算|经费|采购|购买服务|绩效|资产|明细/;
const TABLE_NO = /^(?:附表|公开|预算|决算|部门|附件)?(?:\d{1,2}|[一二三四五六七八九十]{1,3})-?(?:\d{1,2})?表$|^(?:附)?表(?:\d{1,2}|[一二三四五六七八九十]{1,3})$/;

/**
 * A table title: `2023年度收入支出决算总表`, `2024 年一般公共预算支出表(分功能科目)`,
 * `年度绩效目标表`. Not: `- 一、收入支出决算总表` (a contents entry), `公开01表` (a table
 * number), a sentence that mentions a table.
 */
export function isTableTitle(text: string): boolean {
  if (text.length > 120 || !text.includes('表')) return false;
  const t = compact(text).replace(/\*+/g, '');
  if (t.length < 4 || t.length > 60) return false;
  if (/^[-·•]/.test(t)) return false;
  const raw = toHalfWidth(text).trim();
  if (/^(?:[一二三四五六七八九十]+[、.]|\(?[一二三四五六七八九十]+\)|\d{1,2}[、.](?:\s|(?!\d)))/.test(raw)) return false;
  if (isTableNoLine(t)) return false;
  const m = /表(\([^()]{1,20}\))?$/.exec(t);
  if (!m) return false;
  const head = t.slice(0, m.index);
  if (/[。,，;；：:!?]/.test(head)) return false;
  if (/^第[一二三四五六七八九十]+部分/.test(t)) return false;
  return TITLE_KEYWORDS.test(t) && hasCjk(t);
}

/** What may number a title in front of it: `一、`, `1.`, `（一）`, `附件1：`, `附表2`, `表3-1：`. */
const TITLE_PREFIX =
  /^(?:(?:附件|附表)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:-\d{1,2})?\s*[:：、.．]?|表\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?:-\d{1,2})?\s*[:：、.．]?|[一二三四五六七八九十]{1,3}[、.．]|[(（][一二三四五六七八九十\d]{1,3}[)）]|\d{1,2}(?:-\d{1,2})?\s*[、.．](?:(?!\d)|(?=(?:19|20)\d{2}\s*年)))\s*/;

/**
 * A table title numbered in front (`一、收入支出决算总表`, `1.2023年度收入决算表`, `附件1：2024年收支
 * 预算总表`, `表3 支出决算表`): a title once the number is taken off. The same line is a contents
 * entry, too; only the lines after it can tell (see introducesTable).
 */
export function isNumberedTableTitle(text: string): boolean {
  if (text.length > 120 || !text.includes('表')) return false;
  const raw = toHalfWidth(text).trim();
  const m = TITLE_PREFIX.exec(raw);
  if (!m || m[0].length === raw.length) return false;
  return isTableTitle(raw.slice(m[0].length));
}

/**
 * The lines after a numbered title open a table: within a few lines, a table number, `单位：…`,
 * `部门：…`, `填报日期：…` or a row of cells — not the next entry of a list of contents.
 */
export function introducesTable(lines: readonly string[], at: number): boolean {
  let seen = 0;
  for (let k = at + 1; k < lines.length && seen < 4; k++) {
    const l = lines[k] ?? '';
    if (l.trim() === '') continue;
    seen++;
    if (l.includes('\t') || isTableNoLine(l) || (isPreambleLine(l) && /单位|部门|编制|填报|报送/.test(l))) return true;
    if (isAnyTableTitle(l)) return false;
  }
  return false;
}

/** A title, numbered in front or not (where the lines around it already say a table is there). */
export function isAnyTableTitle(text: string): boolean {
  return isTableTitle(text) || isNumberedTableTitle(text);
}

/** `公开01表`, `公开 01 表`, `预算 05 表`, `附表1`. */
export function isTableNoLine(text: string): boolean {
  return TABLE_NO.test(compact(text));
}

/** The table number printed on a line, normalised (`公开 01表` → `公开01表`). */
export function tableNoOf(text: string): string | undefined {
  const t = compact(text);
  if (!TABLE_NO.test(t)) return undefined;
  return t.replace(/(\D)(\d)表$/, '$10$2表');
}

/**
 * Lines printed between a title and the table body: the table number, `部门：…`,
 * `单位：万元`, `金额单位：万` + `元` split over two lines, `填报日期`.
 */
export function isPreambleLine(text: string): boolean {
  const t = compact(text);
  if (t === '') return true;
  if (isTableNoLine(t)) return true;
  if (/^(?:编制)?(?:部门|单位|金额单位|填报单位|编制单位|单位名称|部门名称|填报日期|报送日期)[:：]/.test(t)) return true;
  if (/^(?:金额)?单位[:：]?(?:亿元|万元|元)$/.test(t)) return true;
  if (/^[(（]?单位[:：](?:亿元|万元|元)[)）]?$/.test(t)) return true;
  if (/^(?:万元|元|亿元)$/.test(t)) return true;
  if (/^附件\d*$/.test(t)) return true;
  // The title's year printed apart from it (`2023` above or below `年度收入决算表`).
  if (/^(?:19|20)\d{2}(?:年度?)?$/.test(t)) return true;
  return false;
}

/** A page's number on a line of its own: `- 12 -`, `第 3 页 共 20 页`, `3 / 20` (a form feed may lead). */
const PAGE_MARKER = /^\f*\s*(?:[-—–－]\s*\d{1,4}\s*[-—–－]|第\s*\d{1,4}\s*页(?:\s*[,，/]?\s*共\s*\d{1,4}\s*页)?|\d{1,4}\s*\/\s*\d{1,4})\s*$/;
export function isPageMarker(text: string): boolean {
  return text.length <= 24 && PAGE_MARKER.test(text);
}

/**
 * A table carried over to the next page: `续表`, `续上表`, `（续）`, `续表2`, `接上表`, on a line of
 * their own, or ending a title repeated there (`2023年度收入决算表（续）`).
 */
const CONTINUED = /^(?:续(?:上)?表\d*|接上表|\(续(?:表)?\d*\)|续)[:]?$/;
const CONTINUED_TITLE = /(?:\(续(?:表|上表)?\d*\)|续表\d*)$/;
export function isContinuationLine(text: string): boolean {
  return text.length <= 24 && CONTINUED.test(compact(text));
}
export function isContinuedTitle(text: string): boolean {
  return text.length <= 120 && CONTINUED_TITLE.test(compact(text)) && !isContinuationLine(text);
}

/**
 * A row of the header fields printed above a table in cells of their own
 * (`编制单位：某局 | | 金额单位：万元`): every cell a field or a unit, none a heading or a year.
 */
export function isPreambleRow(cells: string[]): boolean {
  let fields = 0;
  for (const c of cells) {
    const t = compact(c);
    if (t === '') continue;
    if (!/^(?:编制)?(?:部门|单位|金额单位|填报单位|编制单位|单位名称|部门名称|填报日期|报送日期)[:：]|^[(（]?(?:金额)?单位[:：]?(?:亿元|万元|元)[)）]?$/.test(t)) return false;
    fields++;
  }
  return fields > 0;
}

/** Notes under a table: `注：…`, `备注：…`, `说明：…`. */
export function isNoteStart(text: string): boolean {
  return /^(?:注|备注|说明|注释)\s*\d*\s*[:：.、]/.test(compact(text));
}

/** A printed audit formula: `27行＝（1＋2＋…＋8）行`, `1栏各行=（2+3）栏各行`. */
export function isFormulaLine(text: string): boolean {
  const t = compact(text);
  return /\d+\s*(?:行|栏)[^=]{0,6}=/.test(t) && /=\(?[\d+\-…⋯.]+/.test(t);
}

/** `此表为空表无数据。`, `注：本单位无政府性基金预算相关支出`, `本部门2023年度无…`. */
export function isEmptyStatement(text: string): boolean {
  const t = compact(text);
  return /为空表|无数据|本表无|(?:本|我)(?:单位|部门)(?:当年|本年|\d{4}年度?)?(?:无|没有|未(?:发生|安排|使用))/.test(t);
}

/** Section headings that end any table: `第三部分 …`, `附件2`. */
export function isSectionBreak(text: string): boolean {
  const t = compact(text).replace(/\*+/g, '');
  return /^第[一二三四五六七八九十]+部分/.test(t) || (/^附件\d+/.test(t) && t.length > 4) || isStatementHeading(t);
}

/** `其他相关情况说明`, `一、2026年“三公”经费预算情况说明`: a heading of the text (no figure but a year). */
function isStatementHeading(t: string): boolean {
  return t.length <= 40 && /(?:情况说明|编制说明|相关说明)$/.test(t) && !/\d/.test(t.replace(/(?:19|20)\d{2}年度?/g, ''));
}

/**
 * A line of running prose (not a table fragment): long, CJK, with sentence punctuation.
 * Used to stop a PDF-text table body when no note follows it.
 */
export function isProseLine(text: string): boolean {
  const t = compact(text);
  if (t.length < 24) return false;
  const cjk = (t.match(/[\u3400-\u9fff]/g) ?? []).length;
  // the comma of a figure (`1,234.56`) is no sentence punctuation: a table row printed on one line has them
  return cjk / t.length > 0.6 && /[，。;；]|,(?!\d{3})/.test(t);
}

/** `栏次 1 2 3`, `1 2 3 4 5 6 7 8 9 10 11 12`: the column-numbering line of a header. */
export function columnNumbersOf(text: string): number[][] | undefined {
  // The code columns' heads may lead the line (`类 款 项 栏次 1 2 3`, a grid's rows joined by spaces).
  const t = text.replace(/\s+/g, ' ').trim().replace(/^类 ?款 ?项 ?(?=栏|\d)/, '');
  if (!/^(?:栏次|栏\s*次)?[\s\d栏次]*$/.test(t)) return undefined;
  const groups: number[][] = [];
  for (const part of t.split(/栏\s*次/)) {
    const nums = part.trim() === '' ? [] : part.trim().split(/\s+/).map(Number);
    if (nums.some((n) => !Number.isInteger(n))) return undefined;
    if (nums.length) groups.push(nums);
  }
  const flat = groups.flat();
  if (flat.length === 0) return undefined;
  for (let i = 1; i < flat.length; i++) if (flat[i] !== (flat[i - 1] ?? 0) + 1) return undefined;
  if (!/栏/.test(t) && (flat[0] !== 1 || flat.length < 2)) return undefined;
  return groups;
}

/** Runs of three spaces or more between printed characters: cells of a row laid out by position. */
export function cellGaps(text: string): number {
  return text.trim().match(/\S {3,}(?=\S)/g)?.length ?? 0;
}
