/**
 * Claims: every number the narrative states, with what it measures. A paragraph is scanned
 * once; each number with a unit becomes a claim whose kind (amount, prior-year amount,
 * change, growth rate, share, execution rate, count, other percentage), subject, measure
 * (budget / actual / target), scope (all funds / 财政拨款 / 一般公共预算 …) and year are read
 * from the words before it in its clause, from the sentence's topic when the clause names no
 * subject of its own (`支出增加了 7.41%` after `项目支出 8320.58 万元`), and from the section
 * heading. Lists (其中 / 主要包括 / 主要用于 …) are recorded with their head figure and items,
 * as are statements of direction (… 等支出增加) and of absence (本部门当年无…支出).
 *
 * Pure and linear in the text: no table is consulted here (resolve.ts links claims to cells).
 */
import type { Paragraph } from '../model/schemas.ts';
import { foldChars } from './fold.ts';
import { type Measure, type Scope, absenceRe, anyScopeRe, measurePatterns, scopePatterns } from './lexicon.ts';

export type ClaimKind = 'amount' | 'prior' | 'change' | 'overrun' | 'rate' | 'share' | 'execution' | 'percent' | 'count';

export interface Claim {
  id: string;
  kind: ClaimKind;
  /** Signed by direction for changes and rates (减少 → negative). */
  value: number;
  /** The figure as printed (its own sign). */
  printed: number;
  /** Number and unit as printed. */
  text: string;
  decimals: number;
  /** 元 / 万元 / 亿元 for money, % for percentages, the counting word otherwise (人, 个 …). */
  unit: string;
  money: boolean;
  /** 约 / 余 / 左右 / 预计: an approximate figure. */
  approx: boolean;
  /** ≥ / 以上 / 不少于: a bound, not a value. */
  bound: boolean;
  /** The subject as printed in the claim's clause ('' when it names none). */
  subject: string;
  /** The subject the claim is about (its own, or the topic it continues). */
  topic: string;
  /** True when `topic` comes from the claim's own clause. */
  explicit: boolean;
  /** Said of several names together (`A、B、C合计`): their sum, no single quantity of the tables. */
  collective?: boolean;
  measure: Measure;
  /** Scope named in the clause itself. */
  scope?: Scope;
  /** Scope carried from earlier in the section (`财政拨款收入中，…`). */
  contextScope?: Scope;
  /** Scope of the section heading. */
  sectionScope?: Scope;
  /** Year the figure is for. */
  year?: number;
  /** Year compared with (changes, rates, prior-year amounts). */
  base?: number;
  /** A change or rate against the budget (`较预算减少 6.48 万元，降低 32.4%`), not against a year. */
  against?: 'budget';
  /** The words after 占 (shares) or before 的 (execution rates). */
  denominator?: string;
  /** A share whose numerator is named but not stated (`货物…金额占货物支出金额的 100%`). */
  numeratorSubject?: string;
  para: number;
  /** Offsets of the number and its unit in the paragraph text. */
  start: number;
  end: number;
  sentence: number;
  /** Clause (between commas) within the paragraph, at bracket depth 0. */
  clause: number;
  /** Parenthesis depth: figures in brackets do not change the topic. */
  depth: number;
  line: number;
  /** Column header, for figures in a tab-separated grid inside the text. */
  header?: string;
}

export interface Sentence {
  index: number;
  para: number;
  start: number;
  end: number;
  /** Leading enumerator (一、 / （一） / 1. / 一是), normalised to its kind and number. */
  enumerator?: { style: string; n: number };
  claims: Claim[];
}

export interface ClaimList {
  /** The words that open the list (其中, 主要包括 …). */
  marker: string;
  head: Claim;
  items: Claim[];
  /** The last item before each `；` inside the list (places where the list may end). */
  breaks: Claim[];
  /** For a list opened right after a sentence: its last change, the head if the items are changes. */
  changeHead?: Claim;
  /** For a list opened after a change in the figure's own sentence: that figure, the head if the items are amounts. */
  amountHead?: Claim;
  /** Items taken from the enumerated paragraphs that follow the head's paragraph. */
  spansParagraphs: boolean;
  /** For lists over paragraphs: true when the enumeration ends at a heading or the end of the text. */
  closed: boolean;
  para: number;
}

export interface Direction {
  item: string;
  sign: 1 | -1;
  para: number;
  start: number;
  end: number;
  sentence: number;
  base?: number;
  line: number;
}

export interface Absence {
  /** The words after 无 (`国有资本经营预算财政拨款支出`). */
  what: string;
  scope?: Scope;
  para: number;
  start: number;
  end: number;
  sentence: number;
  line: number;
  year?: number;
}

export interface NarrativeScan {
  claims: Claim[];
  sentences: Sentence[];
  lists: ClaimList[];
  directions: Direction[];
  absences: Absence[];
}

// ── numbers ────────────────────────────────────────────────────────────────────────────

const COUNT_UNITS = '人次|户次|家次|个月|人|个|户|件|家|场|次|辆|台\\(套\\)|台|套|项|名|笔|所|批|期|条|份|座|岁|倍|亩|平方米|分';
/** number · (余/多) · (万/亿) · (余/多) · unit */
const MENTION = new RegExp(
  `(?<![\\d.,])(-)?(\\d{1,3}(?:,\\d{3})+|\\d+)(\\.\\d+)?(\\s*(?:多|余))?(\\s*(?:万|亿))?(\\s*(?:多|余))?\\s*(元|%|${COUNT_UNITS})?`,
  'g',
);
const YEAR_AFTER = /^\s*年/;

interface Mention {
  start: number;
  end: number;
  value: number;
  text: string;
  decimals: number;
  unit: string;
  money: boolean;
  approx: boolean;
}

function mentionsOf(folded: string): Mention[] {
  const out: Mention[] = [];
  MENTION.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = MENTION.exec(folded))) {
    const [all, minus, int, frac, approx1, scaleRaw, approx2, unitRaw] = m;
    if (all === undefined || int === undefined) continue;
    const scale = scaleRaw?.trim();
    let unit = unitRaw ?? '';
    // A year (`2023 年`), a list number (`1.` / `2、`), a code: not a figure.
    if (!unit && !scale) continue;
    if (!scale && /^\d{4}$/.test(int) && YEAR_AFTER.test(folded.slice(m.index + all.length))) continue;
    const after = folded.slice(m.index + all.length, m.index + all.length + 2);
    // Unit prices and rates (`1000元/人`, `673.19元*12`): parts of an expression, not statements.
    if (/^\s*[/*×xX]/.test(after) || /^[每/]/.test(folded.slice(Math.max(0, m.index - 1), m.index))) continue;
    let money = false;
    if (unit === '元') {
      money = true;
      unit = scale === '万' ? '万元' : scale === '亿' ? '亿元' : '元';
    } else if (!unit && scale) {
      // `140 万；` in a money context: 万元.
      money = true;
      unit = scale === '万' ? '万元' : '亿元';
    }
    let value = Number(`${int.replace(/,/g, '')}${frac ?? ''}`);
    let decimals = frac ? frac.length - 1 : 0;
    if (!money && scale && unit !== '%') {
      // 1.9 万人 → 19000 人, precise to the 0.1 万 printed.
      const f = scale === '万' ? 4 : 8;
      value = Math.round(value * 10 ** f * 1e6) / 1e6;
      decimals -= f;
    }
    if (minus) value = -value;
    out.push({
      start: m.index,
      end: m.index + all.length,
      value,
      text: all.trim(),
      decimals,
      unit,
      money,
      approx: !!(approx1 || approx2),
    });
    if (all.length === 0) MENTION.lastIndex++;
  }
  // Two figures sharing the unit after the second, apart by a comma (`各是4125.49,4143.91万元`): the
  // first has decimals, so the comma is no thousands separator; the pattern above reads neither.
  if (folded.includes(',') || folded.includes('，')) {
    PAIRED.lastIndex = 0;
    for (let m; (m = PAIRED.exec(folded)); ) {
      const [all, a, b, scaleRaw, unitRaw] = m;
      if (!a || !b || !unitRaw) continue;
      const scale = scaleRaw?.trim();
      const money = unitRaw === '元';
      const unit = money ? (scale === '万' ? '万元' : scale === '亿' ? '亿元' : '元') : unitRaw;
      if (!money && scale) continue;
      const bAt = m.index + all.indexOf(b, a.length);
      for (const [text, at] of [[a, m.index], [b, bAt]] as const) {
        if (out.some((x) => x.start === at)) continue;
        const frac = /\.(\d+)$/.exec(text)?.[1];
        out.push({ start: at, end: at === m.index ? at + text.length : m.index + all.length, value: Number(text), text, decimals: frac?.length ?? 0, unit, money, approx: false });
      }
    }
    out.sort((x, y) => x.start - y.start);
  }
  return out;
}

/** Two figures, the first with decimals, apart by a comma, the unit after the second. */
const PAIRED = /(?<![\d.,])(\d+\.\d+)\s*[,，]\s*(\d+(?:\.\d+)?)(\s*(?:万|亿))?\s*(元|%)/g;

// ── left context ───────────────────────────────────────────────────────────────────────

const ENUMERATOR = /^(?:[一二三四五六七八九十]+[、.]|\([一二三四五六七八九十\d]+\)|\d+\s*[.、](?!\d)|[A-Z][.、]|[一二三四五六七八九十]+是|第[一二三四五六七八九十]+[、,，]?)/;
const LEADERS = /^(?:其中|主要(?:包括|用于|有|是)|包括|具体(?:情况)?如下|分别(?:为|是)|(?:主要)?原因(?:是|为)|故|因此|并且|而且|同时|此外|另外|以及)[:,，]?/;
const YEAR_PHRASE = /(?:19|20)\d{2}年度?(?:\d{1,2}月(?:\d{1,2}日)?)?|截至|截止|本年度?|当年度?|全年|今年|年度/g;
const CHANGE_END = /(增加|减少|增长|下降|压减|上升|降低|提高|调减|调增|节约|节省|缩减|减|增)(?:了|为|约|达)?$/;
const CHANGE_START = /^(增加|减少|新增|压减|调减|调增|追加|减|增)(?=\S)/;
const NEGATIVE = /减|降|节约|节省|缩/;
const COMPARE_END = /(?:比|较|与|同|和)(上年|上一年|去年|上年度|上年同期|((?:19|20)\d{2})年度?)(?:同期|预算数?|决算数?|年初预算|执行数?|实际数?|实际执行数?)?(?:相比较?|比较|对比)?$/;
const COMPARE_START = /^(?:比|较)(上年|上一年|去年|上年度|((?:19|20)\d{2})年度?)(?:同期|预算数?|决算数?|年初预算|执行数?|实际数?|实际执行数?)?/;
const SENTENCE_COMPARE = /与\s*(?:((?:19|20)\d{2})\s*年度?|上年度?|上一年|去年)\s*(?:预算|决算|执行|实际执行|实际)?\s*(?:数)?\s*(?:相比|比较|对比)/;
const PREDICATE_END = /(?:为|是|达到?|约为?|约|共计|总计为|累计|合计为|共有|实现|完成了?|支付|下拨|下达|发放|拨付|安排|用于|占用|各|均|分别|由[^,，]{0,6}(?:下达|拨付|下拨))$/;
const SHARE = /(?:所)?占(?:比(?=[为达约]|$))?(.*?)(?:的)?(?:比重|比例)?(?:为|达到?|约)?$/;
const EXECUTION = /(?:^|完成|达到|占|为|是)(年初|全年|调整后?)?(?:的)?预算(?:数)?的$|完成(年初|全年|调整后?)?(?:的)?预算(?:数)?$|(?:预算)?执行率(?:为|达到?)?$|预算完成率(?:为)?$|完成率(?:为)?$/;
const ATTAINMENT = /完成(?:全年|年度)?(?:目标|任务)(?:值)?的$/;
/** The words before a budget figure that make the percentage after it (`…万元的 84.7%`) its execution rate. */
const NAMED_BUDGET = /(?:完成|达到)了?(年初|全年|调整后?)?的?预算(?:数|资金)?(?:为)?\s*$/;
/** `较预算` / `比年初预算数` / `与调整后预算相比` just before a change or rate: against the budget. */
const AGAINST_BUDGET = /(?:比|较|与)(?:年初|全年|调整后?)?的?预算(?:数|安排)?(?:相比|比较)?$/;
const RATE = /(增长|下降|减少|增加|上升|降低|提高|增幅|降幅|减幅|增速|同比增长|同比下降|同比增加|同比减少)(?:幅度|比例|速度|比率)?(?:率)?(?:了|为|达|约)?$/;
const OVERRUN = /超(?:出)?(?:年初|全年)?预算(?:数)?$/;
const BOUND = /(?:≥|≤|>|<|不少于|不低于|不超过|不高于|以上|以内|以下|超过)$/;
const APPROX = /(?:约为?|近|超|预计)$/;
const GENERIC = /^(?:支出|资金|经费|金额|合计|总计|项目|其中|拨款|预算|决算|实际|费用|总额|数|额|本年|当年|全年|共|本部门|本单位|我单位|我部门|单位|部门|主要|上年|本级)?$/;
const CLASS_MARK = /\((类|款|项)\)/g;
const CARRY_OVER = /^[^。；;]*?(?:拟|将|需)?结转(?:至|到)?下(?:一)?年(?:度)?(?:使用)?/;

export function scopeOf(text: string): Scope | undefined {
  let best: Scope | undefined;
  for (const { scope, re } of scopePatterns) {
    re.lastIndex = 0;
    if (re.test(text)) {
      // 一般公共预算 / 政府性基金 / 国有资本 are narrower than 财政拨款: the first listed wins.
      best = best ?? scope;
    }
  }
  return best;
}

/** The measure words in a subject (the first one wins), and the subject without them. */
export function measureOf(text: string): { measure: Measure; rest: string } {
  // Scope words contain 预算 (一般公共预算): measure words inside them do not count.
  const scopeSpans: [number, number][] = [];
  anyScopeRe.lastIndex = 0;
  for (let x; (x = anyScopeRe.exec(text)); ) {
    if (x[0].length === 0) {
      anyScopeRe.lastIndex++;
      continue;
    }
    scopeSpans.push([x.index, x.index + x[0].length]);
  }
  const inScope = (a: number, b: number) => scopeSpans.some(([s, e]) => a < e && b > s);
  let measure: Measure = 'unspecified';
  let at = Infinity;
  const cut: [number, number][] = [];
  for (const { measure: m, re } of measurePatterns) {
    re.lastIndex = 0;
    for (let x; (x = re.exec(text)); ) {
      if (x[0].length === 0) {
        re.lastIndex++;
        continue;
      }
      const a = x.index;
      const b = a + x[0].length;
      if (inScope(a, b) || cut.some(([s, e]) => a < e && b > s)) continue;
      cut.push([a, b]);
      if (a < at) {
        at = a;
        measure = m;
      }
    }
  }
  if (cut.length === 0) return { measure, rest: text };
  cut.sort((x, y) => x[0] - y[0]);
  let rest = '';
  let pos = 0;
  for (const [a, b] of cut) {
    rest += text.slice(pos, a);
    pos = b;
  }
  return { measure, rest: rest + text.slice(pos) };
}

function stripLeaders(s: string): string {
  let prev: string;
  do {
    prev = s;
    s = s.replace(ENUMERATOR, '').replace(LEADERS, '').replace(/^[,，:;、.\s]+/, '');
  } while (s !== prev);
  return s;
}

/** Remove bracketed asides, quotes and spaces; keep 类/款/项 markers as ‹类›. */
export function compactSubject(s: string): string {
  let t = s.replace(CLASS_MARK, '‹$1›');
  let prev: string;
  do {
    prev = t;
    t = t.replace(/\([^()]*\)|《[^《》]*》|【[^【】]*】/g, '');
  } while (t !== prev);
  return t.replace(/[\s“”"'‘’「」]/g, '').replace(/[()《》【】]/g, '');
}

interface LeftReading {
  kind?: ClaimKind;
  sign: 1 | -1;
  subject: string;
  measure: Measure;
  scope?: Scope;
  year?: number;
  base?: number;
  against?: 'budget';
  denominator?: string;
  numeratorSubject?: string;
  approx: boolean;
  bound: boolean;
}

function yearIn(s: string): number | undefined {
  if (!s.includes('年')) return undefined;
  const all = [...s.matchAll(/((?:19|20)\d{2})年/g)];
  const last = all[all.length - 1];
  return last?.[1] ? Number(last[1]) : undefined;
}

/** `上年为`, `上年决算数为`, `去年同期是` (its measure word kept) before a figure of last year. */
const LAST_YEAR_ALONE = /^(?:上年|上一年|去年|上年度)(?:同期)?((?:预算|决算|执行|实际)?数?)(?:为|是|达到?)?$/;

/**
 * `…同比`, `…比上年`, `…与 2022 年相比` ending the words before a change: the base year, cut off;
 * true when a year was compared with (`比 2022 年` alone announces that year's figure).
 */
function comparisonEnd(r: LeftReading, s: string, docYear: number | undefined): [string, boolean] {
  // `同比增加 500 万元`: against the same period of last year.
  const yoy = /(?:同比|比上年同期)$/.exec(s);
  if (yoy) {
    r.base = docYear !== undefined ? docYear - 1 : undefined;
    s = s.slice(0, yoy.index);
  }
  const ce = COMPARE_END.exec(s);
  if (!ce) return [s, false];
  r.base = baseYear(ce[1], ce[2], docYear);
  // `同口径比2018年`: on a like-for-like basis, still the subject's change.
  return [s.slice(0, ce.index).replace(/(?:按)?同口径$/, ''), true];
}

function baseYear(word: string | undefined, year: string | undefined, docYear: number | undefined): number | undefined {
  if (year) return Number(year);
  if (word && docYear) return docYear - 1;
  return undefined;
}

/** The review of one named project (`1.某某经费项目绩效自评综述：`): its name. */
const NAMED_PROJECT_REVIEW = /^(?:\s*\d+[.、．])?\s*([^\s:：。；;，,]{4,}?)项目(?:支出)?绩效(?:自评|评价)/;

/** A number (with its unit or not) and a range dash just before a figure: the figure is the upper end of a range. */
const RANGE_LOW = /\d[\d,.]*\s*(?:[万亿]?元)?\s*(?:[-~—–－～]|至|到)\s*$/;
/** A range dash and a number just after a figure: the figure is the lower end of a range. */
const RANGE_HIGH = /^\s*(?:[-~—–－～]|至|到)\s*\d/;

/** `…较预算` left of a change or rate: marked as against the budget, the words taken off. */
function againstBudget(r: LeftReading, s: string): string {
  const vs = AGAINST_BUDGET.exec(s);
  if (!vs) return s;
  r.against = 'budget';
  return s.slice(0, vs.index);
}

/** `…分别为`, `…分别安排`, `…分别增加` right before the first figure of a series. */
const RESPECTIVELY = /(?:分别|各)(?:为|是|达到?|约为?|[\u4e00-\u9fff]{2}(?:了|为)?)?\s*$/;

/**
 * The names a `分别` sentence lists before it (`其中因公出国(境)费、公务用车购置及运行维护费、公务接待费
 * 分别为`): split at 、 (and a last 和 / 与), else at 和 / 与 — never at 及, which joins words
 * inside a name (购置及运行维护费).
 */
function namesBefore(text: string): string[] {
  const clause = text.replace(RESPECTIVELY, '').split(/[，,；;:：]/).pop() ?? '';
  // `收、支总计` is 收入总计 and 支出总计
  const both = /^(.*?)收、?支(.*)$/.exec(clause);
  if (both && !/收入|支出/.test(clause)) return splitNames(`${both[1] ?? ''}收入${both[2] ?? ''}、支出${both[2] ?? ''}`);
  return splitNames(clause);
}

/** A name that ends like a kind of money (`…支出`, `…经费`): 和 between two such joins two names. */
const NAME_END = /(?:支出|经费|资金|收入|费用?|补贴|补助|拨款)$/;

/**
 * Names listed in a clause: split at 、, and at 和 / 与 where both sides end like a name
 * (`基本支出和项目支出`, not `社会保障和就业支出`); never at 及 (`购置及运行维护费`).
 */
function splitNames(clause: string): string[] {
  const parts: string[] = [];
  for (const piece of clause.split('、')) {
    const halves = piece.split(/和|与/);
    if (halves.length > 1 && halves.every((h) => NAME_END.test(compactSubject(h).trim()))) parts.push(...halves);
    else parts.push(piece);
  }
  return parts.map((x) => stripLeaders(compactSubject(x).replace(YEAR_PHRASE, ''))).filter((x) => x !== '');
}

/** A clause that is only a total word (`，合计100万元`). */
const TOTAL_ALONE = /^(?:合计|共计|总计|一共|总共|共)(?:为|是|达到?)?$/;

/** The names a figure said of several together sums, when there are two or more. */
function collectiveNames(text: string): string[] | undefined {
  const clause = compactSubject(text.split(/[，,；;:：]/).pop() ?? '').replace(COLLECTIVE_END, '');
  // `收、支总计`, `收入、支出决算总计`: one total, the 收支总计.
  if (/收入?、支出?(?:决算|预算)?$/.test(clause)) return undefined;
  const names = splitNames(clause);
  return names.length >= 2 && names.every((n) => n.length >= 3) ? names : undefined;
}

/** A figure said of several names together (`A、B、C合计`, `A和B共计`, `A、B等支出`). */
const COLLECTIVE_END = /(?:[两三四五六七八九十]项)?(?:合计|共计|总计|累计|一共|总共|共)(?:为|是|达到?)?$|等(?:项目)?(?:支出|费用|经费|资金)?(?:为|是)?$/;

/** What joins the figures of a series (`2666.3亿元和30400.7亿元`, `8.1%、91.9%`). */
export const SERIES_JOIN = /^\s*(?:和|与|及|以及|、|,|，)\s*$/;

/** `…公务接待费、公车运行费(“三公”经费)决算总额`: the term a bracket defines names the figure. */
const DEFINED_TERM = /\((?:以下)?(?:简称|统称)?“([^“”()]{1,12})”([^()“”]{0,6})\)([^()]{0,8})$/;
/** `决算数大于预算数 55.93 万元`: the actual less the budget. */
const BEYOND_BUDGET = /(?:决算数?|支出数?|执行数?|实际数?)?(大于|多于|超过|高于|小于|少于|低于)(?:年初|全年|调整后?)?的?预算(?:数)?$/;

/** Read what the words before a number say about it. `left` is compact (no spaces). */
function readLeft(leftRaw: string, unit: string, docYear: number | undefined): LeftReading {
  const defined = DEFINED_TERM.exec(leftRaw);
  let s = stripLeaders(compactSubject(defined ? `${defined[1]}${defined[2]}${defined[3]}` : leftRaw));
  const r: LeftReading = { sign: 1, subject: '', measure: 'unspecified', approx: false, bound: false };
  if (APPROX.test(s)) {
    r.approx = true;
    s = s.replace(APPROX, '');
  }
  if (BOUND.test(s)) {
    r.bound = true;
    s = s.replace(BOUND, '');
  }
  r.scope = scopeOf(s);
  if (unit === '%') {
    const ex = EXECUTION.exec(s);
    if (ATTAINMENT.test(s)) {
      r.kind = 'percent';
      s = s.replace(ATTAINMENT, '');
    } else if (ex) {
      r.kind = 'execution';
      // A bare 完成率 (of a target, in a KPI list) names no budget.
      // `完成年初预算的 84.7%`, `完成年初预算100%`.
      const which = ex[1] ?? ex[2];
      r.denominator = which ? `${which}预算` : /预算|执行/.test(ex[0]) ? '预算' : '';
      s = s.slice(0, ex.index);
    } else if (RATE.test(s)) {
      const v = RATE.exec(s);
      r.kind = 'rate';
      r.sign = v?.[1] && NEGATIVE.test(v[1]) ? -1 : 1;
      s = s.slice(0, v?.index ?? s.length);
      s = againstBudget(r, s);
      // `比上年增长 7.5%`, `与上年相比下降 3.9%`: the comparison names the base year, not the subject.
      s = comparisonEnd(r, s, docYear)[0];
    } else {
      const sh = SHARE.exec(s);
      if (sh && s.includes('占')) {
        r.kind = 'share';
        r.denominator = (sh[1] ?? '').replace(/的$/, '');
        const before = s.slice(0, sh.index);
        if (before) r.numeratorSubject = before;
        s = before;
      } else r.kind = 'percent';
    }
  } else {
    if (OVERRUN.test(s)) {
      r.kind = 'overrun';
      s = s.replace(OVERRUN, '');
    }
    const beyond = !r.kind ? BEYOND_BUDGET.exec(s) : null;
    if (beyond) {
      r.kind = 'change';
      r.sign = /小|少|低/.test(beyond[1] ?? '') ? -1 : 1;
      r.against = 'budget';
      s = s.slice(0, beyond.index);
    }
    const ch = CHANGE_END.exec(s);
    if (!r.kind && ch) {
      r.kind = 'change';
      r.sign = ch[1] && NEGATIVE.test(ch[1]) ? -1 : 1;
      s = s.slice(0, ch.index);
      s = againstBudget(r, s);
    }
    const cs = !r.kind ? CHANGE_START.exec(s) : null;
    if (cs) {
      r.kind = 'change';
      r.sign = cs[1] && NEGATIVE.test(cs[1]) ? -1 : 1;
      s = s.slice(cs[0].length);
    }
    // `基本支出40万元，上年为35万元`: last year's figure of the subject being spoken of.
    const lastYear = !r.kind ? LAST_YEAR_ALONE.exec(s) : null;
    if (lastYear) {
      r.kind = 'prior';
      r.base = r.year = docYear !== undefined ? docYear - 1 : undefined;
      s = lastYear[1] ?? '';
    }
    const [rest, compared] = comparisonEnd(r, s, docYear);
    s = rest;
    // `…比 2022 年 7,737.11 万元`: last year's figure.
    if (compared && !r.kind) {
      r.kind = 'prior';
      r.year = r.base;
    }
    const cp = COMPARE_START.exec(s);
    if (cp) {
      r.base = baseYear(cp[1], cp[2], docYear);
      s = s.slice(cp[0].length);
      if (!r.kind) {
        r.kind = 'prior';
        r.year = r.base;
      }
    }
  }
  if (r.year === undefined) r.year = yearIn(s);
  // Words before a number that only announce it.
  const announce = (x: string) => {
    let prev: string;
    do {
      prev = x;
      x = x.replace(PREDICATE_END, '').replace(/[的之,，:、]$/, '');
    } while (x !== prev);
    return x;
  };
  // `收入、支出决算总计`, `收、支预算总计`: the grand total, 决算 / 预算 saying which figure it is.
  s = s.replace(/(?:收入、?支出(决算|预算)?|收、?支(决算|预算))(总计|总额)/, (_, m1?: string, m2?: string, total?: string) => `收支${(m1 ?? m2) === '预算' ? '预算' : ''}${total}`);
  // Measure words first: `全年预算` is a measure before `全年` is a time word.
  const m = measureOf(announce(s));
  r.measure = m.measure;
  // `一般公共预算财政拨款支出决算数为…`: the measure word took the noun; a scope alone names its expense.
  //   (A time word alone, `当年支出决算为…`, names nothing: the item being explained goes on.)
  const beside = m.rest.replace(YEAR_PHRASE, '').replace(SELF_WORDS, '');
  if (/支出决算/.test(s) && beside !== '' && beside.replace(anyScopeRe, '') === '') m.rest += '支出';
  // Time words go, but `本年支出` / `本年收入` are the tables' own names for the totals.
  const rest = announce(m.rest.replace(YEAR_PHRASE, (y: string, at: number, all: string) => (/^本年度?$/.test(y) && /^(?:收入|支出)/.test(all.slice(at + y.length)) ? '本年' : '')));
  // `项目支出中包含就业补助项目资金`: the subject is what is contained; `项目支出主要用于某经费`:
  // what it is used for.
  const inner = /(?:中包含|中含|其中|包含|包括|用于)(.{2,})$/.exec(rest);
  r.subject = stripLeaders((inner?.[1] ?? rest).replace(/(?:总额|总数|金额)$/, (m) => (rest.length > m.length + 2 ? '' : m)));
  // `…880.00万元，比年初预算数 800.00 万元增加…`: a comparison word left alone names nothing.
  if (/^(?:比|较|与|同)$/.test(r.subject)) r.subject = '';
  // `支出预算 100 万元`: the expense total (支出 alone is also a verb, `…支出 100 万元`, and generic).
  if (r.subject === '支出') {
    const noun = /支出(预算|决算)/.exec(s);
    if (noun) r.subject = `支出${noun[1]}`;
  }
  return r;
}

function isGeneric(subject: string): boolean {
  anyScopeRe.lastIndex = 0;
  // `一般公共预算财政拨款收入` names the scope's income: not generic.
  if (anyScopeRe.test(subject)) return false;
  return GENERIC.test(subject.replace(/‹[类款项]›/g, ''));
}

// ── paragraph scan ─────────────────────────────────────────────────────────────────────

/** `…中，` / `…中：` not in 其中 (see namedHead). */
const IN_MARKER = /(?<!其)中[:：,，]/g;

/** The last amount stated under the name a sentence opens with (`本年支出合计中，` → 本年支出合计 960). */
function namedHead(claims: Claim[], opening: string): Claim | undefined {
  if (/[,，;:。]/.test(opening)) return undefined;
  const name = stripLeaders(compactSubject(opening).replace(YEAR_PHRASE, (y) => (/^本年度?$/.test(y) ? y : '')));
  if (name.length < 3 || /\d/.test(name)) return undefined;
  for (let k = claims.length - 1, n = 0; k >= 0 && n < 40; k--, n++) {
    const c = claims[k] as Claim;
    if (c.depth === 0 && c.kind === 'amount' && c.money && compactSubject(c.subject) === name) return c;
  }
  return undefined;
}

const LIST_MARKER = /其中[:：,，]?|从[^,，。;；:：]{1,8}来看[:：,，]|分项情况(?:是|为|如下)?[:：]|主要(?:包括|用于|有)[:：]?|包括[:：]|(?:具体)?(?:情况|使用情况)?如下[:：]|分别(?:为|是)[:：]?|(?:主要)?原因(?:是|为|如下)?\s*[:：]|按(?:支出)?(?:功能|经济|部门预算支出经济)?(?:分类|性质)(?:科目)?(?:划分|分)?[:：,，]/g;
const CN_NUM: Record<string, number> = { 一: 1, 二: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9, 十: 10 };

function cnNumber(s: string): number {
  if (/^\d+$/.test(s)) return Number(s);
  if (s.length === 1) return CN_NUM[s] ?? 0;
  if (s.startsWith('十')) return 10 + (CN_NUM[s[1] ?? ''] ?? 0);
  if (s.endsWith('十')) return (CN_NUM[s[0] ?? ''] ?? 0) * 10;
  return (CN_NUM[s[0] ?? ''] ?? 0) * 10 + (CN_NUM[s[2] ?? ''] ?? 0);
}

export function enumeratorOf(text: string): Sentence['enumerator'] {
  const t = text.replace(/^\s+/, '');
  let m = /^([一二三四五六七八九十]+)、/.exec(t);
  if (m?.[1]) return { style: 'cn', n: cnNumber(m[1]) };
  m = /^\(([一二三四五六七八九十]+)\)/.exec(t);
  if (m?.[1]) return { style: 'cn-paren', n: cnNumber(m[1]) };
  m = /^\((\d+)\)/.exec(t);
  if (m?.[1]) return { style: 'num-paren', n: Number(m[1]) };
  m = /^(\d+)\s*["“”]?[.、](?!\d)/.exec(t);
  if (m?.[1]) return { style: 'num', n: Number(m[1]) };
  m = /^([一二三四五六七八九十]+)是/.exec(t);
  if (m?.[1]) return { style: 'cn-shi', n: cnNumber(m[1]) };
  return undefined;
}

export function lineAt(p: Paragraph, offset: number): number {
  let line = p.source.line ?? 0;
  for (const ls of p.lineStarts) {
    if (ls.offset > offset) break;
    line = ls.line;
  }
  return line;
}

export interface ScanContext {
  docYear?: number;
  /** Scope of the section each paragraph sits in. */
  sectionScopes: (Scope | undefined)[];
  /** Paragraph indices where a section starts (context scope resets). */
  sectionStarts: Set<number>;
}

interface Level {
  clauseStart: number;
  lastEnd: number;
}

interface OpenList {
  list: ClaimList;
  /** Offset of the marker. */
  at: number;
  /** Items end at the next `。` unless they are enumerated. */
  sentence: number;
  depth: number;
}

export function scanParagraphs(paragraphs: Paragraph[], ctx: ScanContext): NarrativeScan {
  const out: NarrativeScan = { claims: [], sentences: [], lists: [], directions: [], absences: [] };
  let contextScope: Scope | undefined;
  let pendingList: ClaimList | undefined; // a list whose items are the next enumerated paragraphs
  let pendingStyle: string | undefined;
  let pendingNext = 0;
  for (const p of paragraphs) {
    const folded = foldChars(p.text);
    // The scope a paragraph spoke of carries into the enumerated paragraphs that continue it.
    if (ctx.sectionStarts.has(p.index) || !enumeratorOf(folded)) contextScope = undefined;
    const sectionScope = ctx.sectionScopes[p.index];
    // Cross-paragraph lists: the first figure of each enumerated paragraph is an item.
    const en = enumeratorOf(folded);
    if (pendingList) {
      if (p.heading && !(en && en.style === pendingStyle && en.n === pendingNext)) {
        pendingList.closed = true;
        pendingList = undefined;
      } else if (!en || (pendingStyle !== undefined && en.style !== pendingStyle) || (pendingStyle !== undefined && en.n !== pendingNext)) {
        pendingList.closed = false;
        pendingList = undefined;
      }
    }
    const before = out.claims.length;
    const sentencesBefore = out.sentences.length;
    scanOne(p, folded, sectionScope, ctx, out, () => contextScope, (s) => (contextScope = s));
    const mine = out.claims.slice(before);
    if (pendingList && en) {
      // Each enumerated sentence of the paragraph (`2.卫生健康… 3.农林水…`) gives one item.
      const sents = out.sentences.slice(sentencesBefore);
      for (let k = 0; k < sents.length; k++) {
        const e = (sents[k] as Sentence).enumerator;
        if (!e || (pendingStyle !== undefined && (e.style !== pendingStyle || e.n !== pendingNext))) continue;
        // The item runs on to the next enumerated sentence.
        const claims: Claim[] = [];
        for (let m = k; m < sents.length && (m === k || !(sents[m] as Sentence).enumerator); m++) claims.push(...(sents[m] as Sentence).claims);
        const item = itemOf(pendingList, claims);
        if (item) {
          pendingList.items.push(item);
          if (item.year === undefined) item.year = pendingList.head.year;
        }
        pendingStyle = e.style;
        pendingNext = e.n + 1;
      }
    }
    // A paragraph ending in `包括：` / `主要用于以下方面：` with no items opens a list over the next paragraphs.
    const tail = /(?:包括|用于|如下|方面|分别为|具体情况|主要原因是)[^。]{0,6}[:：]\s*$/.exec(folded);
    const last = mine.filter((c) => c.depth === 0 && (c.kind === 'amount' || c.kind === 'change' || c.kind === 'count')).pop();
    if (tail && last && last.start < tail.index) {
      pendingList = { marker: tail[0], head: last, items: [], breaks: [], spansParagraphs: true, closed: false, para: p.index };
      out.lists.push(pendingList);
      pendingStyle = undefined;
      pendingNext = 1;
    }
  }
  if (pendingList) pendingList.closed = true;
  // Lists need at least two items to say anything.
  out.lists = out.lists.filter((l) => l.items.length >= 2);
  return out;
}

/** The figure an enumerated item contributes: its actual figure when it gives budget and actual. */
function itemOf(list: ClaimList, claims: Claim[]): Claim | undefined {
  const fits = claims.filter((c) => c.depth === 0 && itemFits(list, c, true));
  return fits.find((c) => c.measure === 'actual' && list.head.measure !== 'budget') ?? fits[0];
}

function itemFits(list: ClaimList, c: Claim, firstOfParagraph: boolean): boolean {
  const h = list.head;
  if (c.money !== h.money) return false;
  if (!h.money && c.unit !== h.unit) return false;
  if (h.kind === 'change') return c.kind === 'change' || (c.kind === 'amount' && !firstOfParagraph);
  if (h.kind === 'amount' || h.kind === 'count') {
    if (c.kind !== 'amount' && c.kind !== 'count') return false;
    // Items are what the head measures: actual figures under an actual head, budgets under a budget.
    const budgetish = (m: Measure) => m === 'budget' || m === 'budget-initial' || m === 'budget-adjusted';
    if (budgetish(h.measure) !== budgetish(c.measure) && c.measure !== 'unspecified') return false;
    if (firstOfParagraph && c.measure === 'unspecified' && h.measure !== 'unspecified') return false;
    return true;
  }
  return false;
}

function scanOne(
  p: Paragraph,
  folded: string,
  sectionScope: Scope | undefined,
  ctx: ScanContext,
  out: NarrativeScan,
  getScope: () => Scope | undefined,
  setScope: (s: Scope | undefined) => void,
): void {
  const mentions = mentionsOf(folded);
  const markers: { index: number; text: string }[] = [];
  LIST_MARKER.lastIndex = 0;
  for (let m; (m = LIST_MARKER.exec(folded)); ) markers.push({ index: m.index, text: m[0] });
  // `本年支出合计中，基本支出…；项目支出…`: a figure named again opens a list of its parts.
  if (folded.includes('中')) {
    IN_MARKER.lastIndex = 0;
    for (let m; (m = IN_MARKER.exec(folded)); ) markers.push({ index: m.index, text: m[0] });
    markers.sort((a, b) => a.index - b.index);
  }
  // Tab grids inside the text: the header row names each column.
  const headers = gridHeaders(p, folded);

  const levels: Level[] = [{ clauseStart: 0, lastEnd: 0 }];
  let sentence: Sentence = newSentence(out, p, 0, folded);
  let topic: { subject: string; scope?: Scope; measure: Measure } | undefined;
  /** The paragraph's first subject: what later sentences speak of when they name none. */
  let lead: { subject: string; scope?: Scope; measure: Measure } | undefined;
  let sentenceBase: number | undefined;
  let sentenceYear: number | undefined;
  let lastContextAt = 0;
  let mi = 0;
  let ki = 0;
  const open: OpenList[] = [];
  let lastDepth0: Claim | undefined;
  let prevSentenceClaims: Claim[] = [];
  let clause = 0;
  // `基本支出、项目支出分别为40万元、60万元`: the names before 分别 go with the figures after it, in order.
  let series: { names: string[]; claims: Claim[] } | undefined;
  let lastSeries: { names: string[]; sentence: number } | undefined;
  const closeSeries = () => {
    // As many figures as names, or none of them is named (never the wrong one).
    if (series && series.claims.length !== series.names.length) {
      for (const c of series.claims) {
        c.subject = '';
        c.topic = '';
        c.explicit = false;
      }
    }
    series = undefined;
  };
  const closeSentenceLists = () => {
    for (let i = open.length - 1; i >= 0; i--) {
      const o = open[i] as OpenList;
      if (!isEnumeratedList(o, folded)) open.splice(i, 1);
    }
  };
  // Only some positions matter: figures, list markers, punctuation, numbered items.
  let skipUntil = 0;
  for (const i of eventStops(folded, mentions, markers)) {
    if (i < skipUntil) continue;
    // List markers open a list headed by the last figure before them.
    while (ki < markers.length && (markers[ki] as { index: number }).index === i) {
      const mk = markers[ki] as { index: number; text: string };
      ki++;
      if (levels.length !== 1) continue;
      const reasons = /原因/.test(mk.text);
      const top = open[open.length - 1];
      // `其中主要原因是：` is one marker, not two lists.
      if (top && top.list.para === p.index && top.list.items.length === 0 && mk.index - (top.at + top.list.marker.length) <= 1) continue;
      const fresh = !(lastDepth0 && lastDepth0.sentence === sentence.index);
      // `按功能分类：…。按支出性质：…`: each breaks down the paragraph's total, its first amount.
      const byClass = mk.text.startsWith('按');
      const head = byClass
        ? out.claims.find((c) => c.para === p.index && c.depth === 0 && c.kind === 'amount' && c.money)
        : mk.text.startsWith('中')
          ? namedHead(out.claims, folded.slice(sentence.start, mk.index))
        : fresh
          ? headFromPrevious(prevSentenceClaims, sentence, i, folded, reasons)
          : lastDepth0;
      if (head && (head.kind === 'amount' || head.kind === 'change' || head.kind === 'count') && (!reasons || head.kind === 'change')) {
        const list: ClaimList = { marker: mk.text, head, items: [], breaks: [], spansParagraphs: false, closed: true, para: p.index };
        if (fresh && head.kind !== 'change') list.changeHead = prevSentenceClaims.filter((c) => c.kind === 'change').pop();
        // `预算总额为1969万元，较上年减少221万元，下降10.1%；其中：因公出国(境)经费40万元…`.
        const why = reasons || /^\s*(?:主要)?原因/.test(folded.slice(mk.index + mk.text.length, mk.index + mk.text.length + 8));
        if (!fresh && !why && head.kind === 'change') list.amountHead = sentence.claims.filter((c) => c.depth === 0 && c.kind === 'amount' && c.money === head.money).pop();
        out.lists.push(list);
        open.push({ list, sentence: sentence.index, depth: 0, at: mk.index });
      }
    }
    while (mi < mentions.length && (mentions[mi] as Mention).start === i) {
      const m = mentions[mi] as Mention;
      mi++;
      const level = levels[levels.length - 1] as Level;
      const depth = levels.length - 1;
      const from = Math.max(level.clauseStart, level.lastEnd);
      // `目标值400-4000元`, `400 元—4000 元`: the ends of a range are bounds; the upper one is named without the lower.
      const before = folded.slice(Math.max(0, m.start - 24), m.start);
      const range = RANGE_LOW.exec(before);
      const leftRaw = folded.slice(from, range ? Math.max(from, m.start - before.length + range.index) : m.start);
      const prevInSentence = sentence.claims[sentence.claims.length - 1];
      // `完成年初预算 11,552.68 万元的 84.7%`: the share of the budget just named is an execution rate.
      const namedBudget =
        m.unit === '%' && prevInSentence?.money && /^\s*的\s*$/.test(folded.slice(prevInSentence.end, m.start))
          ? NAMED_BUDGET.exec(folded.slice(Math.max(0, prevInSentence.start - 16), prevInSentence.start))
          : null;
      const r = readLeft(namedBudget ? `完成${namedBudget[1] ?? ''}预算的` : leftRaw, m.unit, ctx.docYear);
      const lastOfSeries = series?.claims[series.claims.length - 1];
      if (series && !(lastOfSeries && lastOfSeries === prevInSentence && lastOfSeries.unit === m.unit && SERIES_JOIN.test(folded.slice(lastOfSeries.end, m.start)))) closeSeries();
      // (`各增加648.86万元`: each side the one figure, no series; `各是4125.49,4143.91万元`: a series)
      const each = !series && depth === 0 && /各[^分]{0,3}\s*$/.test(leftRaw) && !/分别/.test(leftRaw);
      if (!series && depth === 0 && RESPECTIVELY.test(leftRaw) && (!each || /^\s*[,，、]\s*\d/.test(folded.slice(m.end, m.end + 4)))) {
        const names = namesBefore(folded.slice(sentence.start, m.start));
        // `收、支总计各减少…万元,各下降23.51%、38.28%`: a clause naming nothing continues the names before it
        if (names.length >= 2) series = { names, claims: [] };
        else if (names.length === 0 && lastSeries && lastSeries.sentence === sentence.index) series = { names: lastSeries.names, claims: [] };
        if (series) lastSeries = { names: series.names, sentence: sentence.index };
      }
      if (series) r.subject = series.names[series.claims.length] ?? '';
      // `分别增加5万元、4万元`: the later figures of a series are what the first is (changes, rates).
      const firstOfSeries = series?.claims[0];
      if (firstOfSeries && (!r.kind || r.kind === 'percent') && firstOfSeries.kind !== 'amount' && firstOfSeries.unit === m.unit) {
        r.kind = firstOfSeries.kind;
        r.sign = firstOfSeries.value < 0 ? -1 : 1;
        r.base = firstOfSeries.base;
        if (firstOfSeries.against) r.against = firstOfSeries.against;
        r.measure = firstOfSeries.measure;
      }
      // `占全国政府采购规模的8.1%和91.9%`: a percentage joined to a share is a share of the same whole.
      const alsoShare = m.unit === '%' && (r.kind === 'percent' || !r.kind) && (!r.subject || /^(?:和|与|及|以及)$/.test(r.subject)) && prevInSentence?.kind === 'share' && SERIES_JOIN.test(folded.slice(prevInSentence.end, m.start));
      if (alsoShare) r.denominator = prevInSentence.denominator;
      const kind: ClaimKind = alsoShare ? 'share' : (r.kind ?? (m.money ? 'amount' : m.unit === '%' ? 'percent' : 'count'));
      // `因公出国（境）费、公务接待费合计2.00万元`: the sum of the items named, not the last of them
      // (could not check; the topic is not carried either).
      const together = !series && depth === 0 && COLLECTIVE_END.test(compactSubject(leftRaw)) ? collectiveNames(folded.slice(sentence.start, m.start)) : undefined;
      // `基本支出40万元，项目支出60万元，合计100万元`: the total of the figures before it.
      const totalOfBefore = !series && !together && depth === 0 && TOTAL_ALONE.test(compactSubject(leftRaw).trim());
      // A collective figure keeps its names (one statement repeated is still compared) but names
      // no single quantity of the tables.
      if (together) r.subject = together.join('、');
      if (totalOfBefore) r.subject = '';
      let ownSubject = r.subject && !isGeneric(r.subject) ? r.subject : '';
      // `一般公共预算财政拨款支出775.40万元，…，一般公共预算财政拨款增加35.40万元`: the scope alone, said of
      // the figure its sentence is about, is that figure's name shortened.
      if (ownSubject && topic && topic.subject !== ownSubject && topic.subject.startsWith(ownSubject) && ownSubject.replace(anyScopeRe, '') === '') ownSubject = '';
      // `项目全年预算数`, `最终项目预算`: the budget of project expenditure — or, in the review of
      // one named project (`某某经费项目绩效自评综述：项目全年预算数…`), of that project.
      if (!ownSubject && r.subject === '项目' && r.measure === 'budget-adjusted') {
        const named = NAMED_PROJECT_REVIEW.exec(folded.slice(0, m.start));
        ownSubject = named?.[1] ? stripLeaders(named[1]) : '项目支出';
      }
      // `…人数指标值 8500 人，实际享受补贴人员数量 9396 人`: the actual of the target just named.
      if (
        prevInSentence &&
        prevInSentence.depth === 0 &&
        ((r.measure === 'actual' && prevInSentence.measure === 'target') || (r.measure === 'target' && prevInSentence.measure === 'actual')) &&
        prevInSentence.topic
      ) {
        ownSubject = '';
        topic = { subject: prevInSentence.topic, scope: prevInSentence.scope, measure: r.measure };
      }
      const explicitScope = r.scope;
      if (explicitScope && depth === 0) setScope(explicitScope);
      const carried = topic && depth === 0 && !totalOfBefore ? topic : undefined;
      const claim: Claim = {
        id: `p${p.index}@${m.start}`,
        kind,
        value: (kind === 'change' || kind === 'rate') && r.sign < 0 ? -Math.abs(m.value) : m.value,
        printed: m.value,
        text: m.text,
        decimals: m.decimals,
        unit: m.unit,
        money: m.money,
        approx: m.approx || r.approx || /预计|约|左右/.test(folded.slice(m.end, m.end + 6).replace(/[,，。;；].*$/, '')),
        bound: r.bound || !!range || RANGE_HIGH.test(folded.slice(m.end, m.end + 8)) || /^\s*(?:\((?:含|不含)\))?\s*(?:以上|以内|以下)/.test(folded.slice(m.end, m.end + 8)),
        subject: r.subject,
        topic: ownSubject || carried?.subject || '',
        explicit: !!ownSubject,
        measure:
          r.measure !== 'unspecified'
            ? r.measure
            : kind === 'prior' || kind === 'change'
              ? 'unspecified'
              : ownSubject
                ? // `城镇新增就业目标 38000 人，失业人员再就业 3700 人，…`: items listed after a target are targets.
                  prevInSentence?.measure === 'target' && prevInSentence.depth === 0 && prevInSentence.unit === m.unit && kind !== 'percent'
                  ? 'target'
                  : 'unspecified'
                : (carried?.measure ?? 'unspecified'),
        scope: explicitScope ?? (!ownSubject ? carried?.scope : undefined),
        contextScope: getScope(),
        sectionScope,
        year: r.year ?? (kind === 'prior' ? r.base : undefined) ?? sentenceYear,
        base: r.base ?? sentenceBase,
        denominator: r.denominator,
        ...(r.against ? { against: r.against } : {}),
        numeratorSubject: r.numeratorSubject,
        para: p.index,
        start: m.start,
        end: m.end,
        sentence: sentence.index,
        clause,
        depth,
        line: lineAt(p, m.start),
        header: headers ? headerAt(headers, m.start) : undefined,
      };
      if (kind === 'prior') claim.year = r.base ?? r.year;
      // `比 2022 年 7,737.11 万元增加了 583.47 万元`: the change is against that year.
      if ((kind === 'change' || kind === 'rate') && claim.base === undefined && prevInSentence?.kind === 'prior') claim.base = prevInSentence.base;
      // In a grid, the column says whether figures are targets or results (目标 / 完成情况).
      if (claim.header) {
        if (/完成|实际|实现/.test(claim.header)) claim.measure = 'actual';
        else if (/目标|计划|指标值|预期/.test(claim.header)) claim.measure = 'target';
      }
      // `造成 10.14 万元尚未使用，拟结转下年`: the figure is a carry-over.
      if (kind === 'amount' && CARRY_OVER.test(folded.slice(m.end, m.end + 24))) {
        claim.subject = '结转下年';
        claim.topic = '结转下年';
        claim.explicit = true;
      }
      if (together) claim.collective = true;
      out.claims.push(claim);
      if (series) series.claims.push(claim);
      // Named by its word (`合计`), which names nothing in the tables.
      if (totalOfBefore) claim.subject = compactSubject(leftRaw).replace(/(?:为|是|达到?)$/, '');
      if (totalOfBefore && claim.money) {
        const parts = sentence.claims.filter((c) => c.depth === 0 && c.kind === 'amount' && c.money && c.explicit);
        if (parts.length >= 2 && parts.length === sentence.claims.filter((c) => c.depth === 0).length) {
          out.lists.push({ marker: '合计', head: claim, items: parts, breaks: [], spansParagraphs: false, closed: true, para: p.index });
        }
      }
      sentence.claims.push(claim);
      level.lastEnd = m.end;
      if (depth === 0) {
        // `因公出国(境)费比上年减少9万元，下降15.3%`: a change that names its subject names the rate after it.
        if (ownSubject && (kind === 'amount' || kind === 'count' || kind === 'change')) topic = { subject: ownSubject, scope: explicitScope, measure: claim.measure };
        else if (ownSubject && !topic) topic = { subject: ownSubject, scope: explicitScope, measure: 'unspecified' };
        if (!lead && topic) lead = { ...topic, measure: 'unspecified' };
        if (kind === 'amount' || kind === 'change' || kind === 'count') lastDepth0 = claim;
        // Items go to the innermost open list (主要包括 inside 其中 takes what follows it).
        const top = open[open.length - 1];
        // `…增加了 239.05 万元。其中：一、…增加了…`: items that are changes break down the change.
        if (top && top.list.items.length === 0 && top.list.changeHead && claim.kind === 'change') top.list.head = top.list.changeHead;
        // `…减少221万元；其中：某某经费40万元`: items that are amounts break down the amount.
        if (top && top.list.items.length === 0 && top.list.amountHead && claim.kind === 'amount') top.list.head = top.list.amountHead;
        if (top && top.list.head !== claim && itemFits(top.list, claim, false)) {
          top.list.items.push(claim);
          // Items speak of the head's year unless they say otherwise.
          if (claim.year === undefined) claim.year = top.list.head.year;
        }
      }
      skipUntil = m.end;
    }
    if (skipUntil > i) continue;
    if (i >= folded.length) break;
    const ch = folded[i];
    if (ch === '(' || ch === '《' || ch === '【') {
      levels.push({ clauseStart: i + 1, lastEnd: i + 1 });
      continue;
    }
    if ((ch === ')' || ch === '》' || ch === '】') && levels.length > 1) {
      levels.pop();
      continue;
    }
    const level = levels[levels.length - 1] as Level;
    if (isClauseBreak(folded, i, level.clauseStart)) {
      // A clause naming a subject without a figure (`国有资本经营预算支出，本年…`) sets the topic —
      // unless it goes on describing what the item is used for (`主要用于…人员支出，公用支出及项目支出，
      // 年初预算为…`).
      if (levels.length === 1 && level.lastEnd <= level.clauseStart && !/用于|包括/.test(folded.slice(Math.max(sentence.start, level.lastEnd), level.clauseStart))) {
        const text = folded.slice(level.clauseStart, i);
        const named = subjectClause(text);
        const compared = named ? undefined : comparedSubject(text);
        if (named) topic = { subject: named, scope: scopeOf(named), measure: 'unspecified' };
        else if (compared) topic = { subject: compared.subject, scope: scopeOf(compared.subject), measure: compared.measure };
      }
      level.clauseStart = i + 1;
      if (levels.length === 1) clause++;
    }
    if (ch === ';' && levels.length === 1) {
      for (const o of open) {
        const lastItem = o.list.items[o.list.items.length - 1];
        if (lastItem && !o.list.breaks.includes(lastItem)) o.list.breaks.push(lastItem);
      }
    }
    // `…执行率 81.44% 6、国有资本…`: a numbered item starts a new sentence even without a full stop.
    const code = folded.charCodeAt(i);
    const numbered =
      code >= 48 && code <= 57 && levels.length === 1 && i > sentence.start + 1 && /[\s%；;。，,]/.test(folded[i - 1] ?? '') && /^\d{1,2}[、.](?!\d)\s*[\u4e00-\u9fff]/.test(folded.slice(i, i + 5));
    if (((ch === '。' || ch === '!' || ch === '?') && levels.length === 1) || numbered) {
      const next = numbered ? i : i + 1;
      sentence.end = next;
      directionsIn(folded, p, sentence, out, ctx.docYear);
      absencesIn(folded, p, sentence, out, ctx.docYear, getScope() ?? sectionScope);
      closeSeries();
      prevSentenceClaims = sentence.claims.filter((c) => c.depth === 0);
      closeSentenceLists();
      // A sentence that only names a classification row (`…（款）行政运行（项）。`) sets the subject:
      // the row's name, not what it goes on to say (`…水体（项），主要用于地表水水质监测。`).
      const rowNamed = /^[\s\S]*\((?:类|款|项)\)(?:支出|收入)?/.exec(folded.slice(sentence.start, i));
      if (sentence.claims.length === 0 && !lead && rowNamed) {
        const named = stripLeaders(compactSubject(rowNamed[0]));
        if (named) lead = { subject: named, measure: 'unspecified' };
      }
      topic = lead;
      sentence = newSentence(out, p, next, folded);
      sentenceBase = undefined;
      sentenceYear = undefined;
      lastContextAt = next;
      levels.splice(1);
      (levels[0] as Level).clauseStart = next;
      continue;
    }
    // Sentence-level context: `与 2022 年度相比，` and a leading `2023 年度` (read from the
    // clause that ends here, once: a sentence without full stops can be long).
    if ((ch === '，' || ch === ',' || ch === ':') && i - lastContextAt < 120) {
      const clauseText = folded.slice(lastContextAt, i);
      const sc = clauseText.includes('相比') || clauseText.includes('比较') || clauseText.includes('对比') ? SENTENCE_COMPARE.exec(clauseText) : null;
      if (sc) sentenceBase = sc[1] ? Number(sc[1]) : ctx.docYear ? ctx.docYear - 1 : undefined;
      if (sentenceYear === undefined && lastContextAt === sentence.start) {
        const y = /^(?:\s*[^\d]{0,12}?)((?:19|20)\d{2})\s*年/.exec(clauseText);
        // `比2018年减少…`, `同口径比2018年…`: the year compared with, not the sentence's.
        if (y?.[1] && !/比|较|与/.test(y[0].slice(0, y[0].indexOf(y[1])))) sentenceYear = Number(y[1]);
      }
    }
    if (ch === '，' || ch === ',' || ch === ':') lastContextAt = i + 1;
  }
  closeSeries();
  sentence.end = folded.length;
  directionsIn(folded, p, sentence, out, ctx.docYear);
  absencesIn(folded, p, sentence, out, ctx.docYear, getScope() ?? sectionScope);
  if (sentence.claims.length === 0 && sentence.start >= folded.length) out.sentences.pop();
}

function isEnumeratedList(o: OpenList, folded: string): boolean {
  // `其中：一、… 。二、… 。三、…` goes on across sentences.
  const after = folded.slice(o.list.head.end);
  return /[:：]\s*(?:[一二三四五六七八九十]+、|\d+[.、](?!\d))/.test(after.slice(0, 40));
}

function headFromPrevious(prev: Claim[], sentence: Sentence, i: number, folded: string, reasons: boolean): Claim | undefined {
  // `。其中：` right at the start of a sentence refers to the sentence before.
  if (folded.slice(sentence.start, i).trim() !== '') return undefined;
  if (reasons) return prev.filter((c) => c.kind === 'change').pop();
  const amounts = prev.filter((c) => c.kind === 'amount' || c.kind === 'count');
  const actual = amounts.filter((c) => c.measure !== 'budget' && c.measure !== 'budget-initial' && c.measure !== 'budget-adjusted' && c.measure !== 'target');
  return actual[actual.length - 1] ?? (amounts.length === 1 ? amounts[0] : undefined);
}

const SUBJECT_END = /(?:支出|经费|资金|收入|费用?|补贴|补助|项目)$/;
const NOT_A_SUBJECT = /相比|原因|主要|要求|根据|按照|为了|通过|确保|包括|其中|如下|情况|说明|由于|因为|\d/;

/** A clause that only names what the next figures are about. */
function subjectClause(text: string): string | undefined {
  if (text.length < 4 || text.length > 60) return undefined;
  const t = stripLeaders(compactSubject(text));
  // `社会保障和就业支出（类）就业补助（款）职业培训补贴（项）：` names a classification row.
  const row = /‹[类款项]›$/.test(t);
  if (!row && (text.length > 40 || !SUBJECT_END.test(text.trimEnd()))) return undefined;
  if (t.length < 4 || t.length > (row ? 48 : 24) || NOT_A_SUBJECT.test(t) || (!row && !SUBJECT_END.test(t)) || isGeneric(t)) return undefined;
  return t;
}

/** `收入支出总体与上年相比，增加…`: what a comparison clause compares. */
function comparedSubject(text: string): { subject: string; measure: Measure } | undefined {
  const sc = SENTENCE_COMPARE.exec(text);
  if (!sc || sc.index < 2) return undefined;
  const m = measureOf(stripLeaders(compactSubject(text.slice(0, sc.index)).replace(YEAR_PHRASE, '')));
  const t = m.rest.replace(/[的之]$/, '');
  if (t.length < 2 || t.length > 24 || NOT_A_SUBJECT.test(t) || isGeneric(t)) return undefined;
  return { subject: t, measure: m.measure };
}

const SPECIAL = /[()《》【】，,;:。!?\t、]/g;
const NUMBERED_AT = /(?<=[\s%;。，,])\d{1,2}[、.](?!\d)\s*[\u4e00-\u9fff]/g;

/** Positions where the scan has something to do, in order. */
function eventStops(folded: string, mentions: Mention[], markers: { index: number }[]): Int32Array {
  const xs: number[] = [];
  for (const m of mentions) xs.push(m.start);
  for (const k of markers) xs.push(k.index);
  SPECIAL.lastIndex = 0;
  for (let x; (x = SPECIAL.exec(folded)); ) xs.push(x.index);
  NUMBERED_AT.lastIndex = 0;
  for (let x; (x = NUMBERED_AT.exec(folded)); ) xs.push(x.index);
  xs.push(folded.length);
  const sorted = Int32Array.from(xs).sort();
  let n = 0;
  for (let k = 0; k < sorted.length; k++) if (k === 0 || sorted[k] !== sorted[k - 1]) sorted[n++] = sorted[k] as number;
  return sorted.subarray(0, n);
}

function isClauseBreak(s: string, i: number, clauseStart: number): boolean {
  const ch = s[i];
  if (ch === '，' || ch === ';' || ch === ':' || ch === '\t' || ch === '。' || ch === '!' || ch === '?') return true;
  if (ch === ',') return !(/\d/.test(s[i - 1] ?? '') && /\d/.test(s[i + 1] ?? ''));
  if (ch === '、') {
    // `收、支总计` and `收入、支出决算总计` are one word; a single character before 、 is part of a word, not a list.
    if ((s[i - 1] === '收' && s[i + 1] === '支') || (s.endsWith('收入', i) && s.startsWith('支出', i + 1))) return false;
    return i - clauseStart > 1 && !/^\s*[\u4e00-\u9fff]\s*$/.test(s.slice(clauseStart, i));
  }
  return false;
}

function newSentence(out: NarrativeScan, p: Paragraph, start: number, folded: string): Sentence {
  const s: Sentence = { index: out.sentences.length, para: p.index, start, end: start, enumerator: enumeratorOf(folded.slice(start, start + 16)), claims: [] };
  out.sentences.push(s);
  return s;
}

// ── grids, directions, absences ────────────────────────────────────────────────────────

interface GridHeaders {
  /** [start, end) of each cell of each data line with its header. */
  cells: { start: number; end: number; header: string }[];
}

function gridHeaders(p: Paragraph, folded: string): GridHeaders | undefined {
  if (!folded.includes('\t')) return undefined;
  const lines: { start: number; end: number }[] = p.lineStarts.map((ls, k) => ({
    start: ls.offset,
    end: p.lineStarts[k + 1]?.offset ?? folded.length,
  }));
  const first = lines[0];
  if (!first) return undefined;
  const head = folded.slice(first.start, first.end).split('\t').map((h) => h.trim());
  if (head.length < 2 || head.some((h) => /\d/.test(h))) return undefined;
  const cells: GridHeaders['cells'] = [];
  for (const l of lines.slice(1)) {
    let pos = l.start;
    folded
      .slice(l.start, l.end)
      .split('\t')
      .forEach((cell, k) => {
        cells.push({ start: pos, end: pos + cell.length, header: head[k] ?? '' });
        pos += cell.length + 1;
      });
  }
  return { cells };
}

function headerAt(g: GridHeaders, offset: number): string | undefined {
  return g.cells.find((c) => offset >= c.start && offset < c.end)?.header || undefined;
}

const DIRECTION_VERB = /(增加|减少|增长|下降|上升|降低)(?:了)?/g;
const DIRECTION_WORD = /增加|减少|增长|下降|上升|降低/;
const CLAUSE_END = /[，,。;；:：]/;

/** `办公经费、水费、电费…等支出增加 5.36 万元`: each listed item moved the same way. */
function directionsIn(folded: string, p: Paragraph, s: Sentence, out: NarrativeScan, docYear: number | undefined): void {
  const text = folded.slice(s.start, s.end);
  if (!DIRECTION_WORD.test(text)) return;
  DIRECTION_VERB.lastIndex = 0;
  let from = 0;
  for (let m; (m = DIRECTION_VERB.exec(text)); ) {
    // The list is the clause before the verb.
    let a = m.index;
    while (a > from && a > m.index - 80 && !CLAUSE_END.test(text[a - 1] ?? '')) a--;
    from = m.index + m[0].length;
    const list = text
      .slice(a, m.index)
      .replace(/(?:均|都|分别)$/, '')
      .replace(/(?:支出|费用|经费)$/, (x, off: number, all: string) => (/等$/.test(all.slice(0, off)) ? '' : x))
      .replace(/等$/, '');
    if (list.length < 2) continue;
    const verb = m[1] ?? '';
    const cut = list.replace(/^.*?(?:工作需要|因|由于|主要是|其中|是)[,，]?/, '');
    const items = cut.split(/、|及/).map((x) => compactSubject(x).replace(/等$/, '').replace(/比.*$/, '').trim()).filter((x) => x.length >= 2 && x.length <= 16 && !/\d/.test(x));
    // A list of items that moved together (`办公经费、水费…等支出增加`); one subject with its own figure is a change claim.
    if (items.length < 2 && !/等$/.test(list)) continue;
    const base = SENTENCE_COMPARE.exec(folded.slice(Math.max(0, s.start - 200), s.start + m.index))?.[1];
    for (const item of items) {
      out.directions.push({
        item,
        sign: NEGATIVE.test(verb) ? -1 : 1,
        para: p.index,
        start: s.start + a,
        end: s.start + m.index + m[0].length,
        sentence: s.index,
        base: base ? Number(base) : docYear ? docYear - 1 : undefined,
        line: lineAt(p, s.start + a),
      });
    }
  }
}

/** How a text says "we" (`本单位一般公共预算财政拨款支出决算…`). */
const SELF_WORDS = /本部门|本单位|我单位|我部门|我局|本局/g;
const SELF_AND_YEAR = '(?:本部门|本单位|我单位|我部门|我局|本局)?(?:(?:19|20)\\d{2}年度?)?(?:本部门|本单位)?(?:当年|本年度?)?';
const ABSENCE = new RegExp(`${SELF_AND_YEAR}(?:无|没有|不涉及|未(?:发生|安排|使用|产生))([^，,。;；:：]{2,40}?)(?:收入|支出|安排的支出|经费)?(?:[。;；]|$)`, 'g');
/**
 * `…国有资本经营预算财政拨款支出为零。`, `…收入、支出均为0。` (a zero with no unit: no amount claim).
 * Of spending or income itself only (`结转结余为零`, `增减变化为零` name something else).
 */
const ZERO_STATED = new RegExp(`${SELF_AND_YEAR}([^，,。;；:：]{1,40}?(?:支出|收入|经费))(?:决算数?|预算数?)?(?:均|都)?为(?:零|0(?:\\.0+)?)(?![\\d.]|\\s*[万亿]?元)(?:[。;；]|$)`, 'g');

/** `本部门当年无国有资本经营预算财政拨款支出。` */
function absencesIn(folded: string, p: Paragraph, s: Sentence, out: NarrativeScan, docYear: number | undefined, scope: Scope | undefined): void {
  const text = folded.slice(s.start, s.end);
  if (!absenceRe.test(text) || s.claims.some((c) => c.money && c.printed !== 0)) return;
  for (const re of [ABSENCE, ZERO_STATED]) {
    re.lastIndex = 0;
    for (let m; (m = re.exec(text)); ) {
      const whole = compactSubject(m[0]);
      const what = re === ABSENCE ? compactSubject(m[1] ?? '') + (/(收入|支出|经费)[。;；]?$/.exec(whole)?.[1] ?? '') : compactSubject(m[1] ?? '').replace(/收入、支出$/, '收入支出');
      if (what.length < 3) continue;
      out.absences.push({
        what,
        scope: scopeOf(what) ?? scope,
        para: p.index,
        start: s.start + m.index,
        end: s.start + m.index + m[0].length,
        sentence: s.index,
        line: lineAt(p, s.start + m.index),
        year: yearIn(compactSubject(text)) ?? docYear,
      });
    }
  }
}
