/**
 * narrative-share: a share against its part and its whole. The part is the figure the share
 * follows (`授予中小企业合同金额585.60万元，占…95.88%`); the whole is what follows 占: a figure
 * stated earlier under that name (`政府采购支出总额615.26万元`), else the table figure the
 * name gives (`一般公共预算项目支出总额` → 公开05表 项目支出), else, with no name (`占21.1%`),
 * the total the list is a breakdown of. When the share is wrong with that whole but right with
 * another one the document states, the finding says which.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Where } from '../model/schemas.ts';
import { type Lang, message } from '../messages.ts';
import type { Check } from './types.ts';
import { refName, type Ref } from './identity.ts';
import type { Claim } from '../narrative/claims.ts';
import { compactSubject, measureOf, scopeOf, SERIES_JOIN } from '../narrative/claims.ts';
import { anyScopeRe } from '../narrative/lexicon.ts';
import { foldChars } from '../narrative/fold.ts';
import { narrativeOf, stripSelfOf, type NarrativeModel } from '../narrative/index.ts';
import { before, budgetish, paragraphClaims } from '../narrative/near.ts';
import { chooseScope, locate, nameOf, parentOf, SCOPES, type Named } from '../narrative/resolve.ts';
import { cellWhere, claimName, comparisonResult, convert, convertDecimals, Findings, fmt, quotes, undecidedResult } from '../narrative/results.ts';
import { judgeRange, ratioRange } from '../rounding.ts';
import { roundTo } from '../text/numbers.ts';
import { tableMeasure } from './narrative-table.ts';

interface Whole {
  value: number;
  decimals: number;
  unit: string;
  label: string;
  claim?: Claim;
  refs?: Ref[];
}

const norm = (s: string) => s.replace(/的|之/g, '').replace(/(?:总额|金额|合计|总计|数额|总数)$/, '').replace(/‹[类款项]›/g, '');

function asWhole(c: Claim): Whole {
  return { value: c.value, decimals: c.decimals, unit: c.unit, label: claimName(c), claim: c };
}


/** A stated figure under the name `phrase`: earlier in the paragraph, then anywhere before in the section. */
function statedWhole(model: NarrativeModel, share: Claim, phrase: string, strip: (s: string) => string, exclude: readonly Claim[] = []): Claim | undefined {
  const want = norm(strip(phrase));
  if (want.length < 2) return undefined;
  // `占政府采购预算的…` of `政府采购预算 17000 元` (named 政府采购, its measure word apart).
  const bare = withoutMeasure(want);
  const matches = (c: Claim) => {
    if ((c.kind !== 'amount' && c.kind !== 'count') || exclude.includes(c)) return false;
    const have = norm(strip(c.subject || ''));
    if (!have) return false;
    return have === want || (bare.length >= 4 && have === bare) || (want.length >= 4 && have.length >= 4 && (have.endsWith(want) || want.endsWith(have)));
  };
  const inPara = before(model, share, matches);
  if (inPara) return inPara;
  for (let i = model.claims.indexOf(share) - 1, n = 0; i >= 0 && n < 200; i--, n++) {
    const c = model.claims[i] as Claim;
    if (matches(c)) return c;
  }
  return undefined;
}

/** A whole's name without the measure word that ends it (`项目支出预算` → 项目支出). */
const withoutMeasure = (phrase: string) => phrase.replace(/(?:预算|决算)(?:数|总额)?$/, '');

/** What a share's whole names: `项目支出预算` is 项目支出's budget, not the 支出预算 of all. */
function wholeNamed(work: WorkDocument, phrase: string): Named | undefined {
  const bare = withoutMeasure(phrase);
  return (bare !== phrase && bare.length >= 2 ? nameOf(work, bare) : undefined) ?? nameOf(work, phrase);
}

function tableWhole(work: WorkDocument, share: Claim, phrase: string, strip: (s: string) => string, partId?: string): Whole | undefined {
  // `财政拨款总收入支出`: income and expense together, the 收支总计.
  const named =
    wholeNamed(work, strip(phrase)) ??
    (/总?收入支出/.test(phrase) ? nameOf(work, strip(phrase).replace(/总?收入支出(?:总额|总计)?/, '收支总计')) : undefined) ??
    scopeWhole(phrase, partId);
  if (!named) return undefined;
  // A whole named without a scope (`占本年支出合计的`) is the department's total: all funds.
  const own = scopeOf(phrase);
  const l =
    (own ? undefined : locate(work, named.id, 'all')) ??
    chooseScope(work, { ...share, scope: own ?? share.scope, kind: 'amount', measure: 'unspecified' }, named.id).located;
  if (!l) return undefined;
  return { value: l.value, decimals: l.decimals, unit: l.unit, label: l.refs.map((r) => refName(work, r)).join(' + '), refs: l.refs };
}

/**
 * A whole named by its scope alone (`基本支出…占一般公共预算拨款的40%`): what the part is a part of
 * (the spending, for 基本支出 or a class), in that scope.
 */
function scopeWhole(phrase: string, partId: string | undefined): Named | undefined {
  const id = partId ? parentOf(partId) : undefined;
  if (!id || !scopeOf(phrase) || compactSubject(phrase).replace(anyScopeRe, '').replace(/^[的之]|(?:资金|总额|的)$/g, '') !== '') return undefined;
  return { kind: 'quantity', id, label: id, rest: '' };
}

/** With no name after 占 and no list: the whole the part's quantity belongs to, in its scope. */
function parentWhole(work: WorkDocument, model: NarrativeModel, part: Claim): Whole | undefined {
  const named = model.named.get(part);
  const parent = named ? parentOf(named.id) : undefined;
  if (!parent) return undefined;
  const l = chooseScope(work, { ...part, kind: 'amount', measure: 'unspecified' }, parent).located;
  if (!l) return undefined;
  return { value: l.value, decimals: l.decimals, unit: l.unit, label: l.refs.map((r) => refName(work, r)).join(' + '), refs: l.refs };
}

/**
 * Two quantities of the tables side by side under one whole (基本支出 and 项目支出, 人员经费 and
 * 公用经费): one is no part of the other. (Classification rows are told apart by their codes.)
 */
function siblings(model: NarrativeModel, a: Claim, b: Claim): boolean {
  const x = model.named.get(a)?.id;
  const y = model.named.get(b)?.id;
  if (!x || !y || x === y || x.includes(':') || y.includes(':')) return false;
  const parent = parentOf(x);
  return parent !== undefined && parent === parentOf(y);
}

/** `基本支出 1414.26 万元（占 21.1%）`: a share in brackets right after a figure is that figure's. */
function bracketedOf(model: NarrativeModel, share: Claim): Claim | undefined {
  if (share.depth === 0) return undefined;
  const text = model.paragraphs[share.para]?.text ?? '';
  const list = paragraphClaims(model, share.para);
  const x = list[list.indexOf(share) - 1];
  return x && (x.kind === 'amount' || x.kind === 'count') && x.depth === share.depth - 1 && /^\s*[（(]\s*(?:所)?占[^（）()]{0,16}$/.test(text.slice(x.end, share.start)) ? x : undefined;
}

/** With no name after 占: the total the share's list breaks down. */
function implicitWhole(model: NarrativeModel, part: Claim): Claim | undefined {
  // `基本支出…，其中：人员经费…，公用经费…；项目支出…，占 78.9%`: 项目支出 is no part of 基本支出.
  const head = implicitHead(model, part);
  return head && !siblings(model, head, part) ? head : undefined;
}

function implicitHead(model: NarrativeModel, part: Claim): Claim | undefined {
  const list = model.lists.find((l) => l.items.includes(part));
  if (list) return list.head;
  // `收入合计100.00万元，其中：财政拨款收入100.00万元，占100%` (or `……。其中：…` in the next
  // sentence): the figure 其中 breaks down.
  const p = model.paragraphs[part.para];
  if (!p || p.index !== part.para) return undefined;
  const claims = paragraphClaims(model, part.para);
  for (let i = claims.indexOf(part) - 1; i >= 0; i--) {
    const c = claims[i] as Claim;
    if (c.sentence < part.sentence - 1) break;
    if (c.kind !== 'amount' || c.money !== part.money || c.unit !== part.unit) continue;
    if (p.text.slice(c.end, part.start).includes('其中')) return c;
  }
  return undefined;
}

/** The latest figure before the share, of the part's measure, of the quantity `named` (`“三公”经费…支出决算` → 支出决算为 8.00). */
function namedWhole(work: WorkDocument, model: NarrativeModel, share: Claim, part: Claim, named: Named, fits: (c: Claim) => boolean = () => true): Claim | undefined {
  // Budget with budget, actual with actual (a figure that says neither is the document's kind).
  const cls = (x: Claim) => (x.measure === 'target' ? 'target' : budgetish(x) || (x.measure === 'unspecified' && work.doc.kind === 'budget') ? 'budget' : 'actual');
  for (let i = model.claims.indexOf(share) - 1, n = 0; i >= 0 && n < 200; i--, n++) {
    const c = model.claims[i] as Claim;
    if (c.kind !== 'amount' || !c.money || c.depth !== 0 || c.approx || c.bound || cls(c) !== cls(part)) continue;
    if (model.named.get(c)?.id === named.id && fits(c)) return c;
  }
  return undefined;
}

const STRUCTURE_HEADING = /^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)\s*(.{2,30}?)(?:结构|构成)(?:情况)?(?:说明|分析)?$/;

/** `（二）一般公共预算当年拨款结构情况` just above: the section breaks down that quantity. */
function headingWhole(model: NarrativeModel, part: Claim): string | undefined {
  for (let i = part.para - 1; i >= 0 && i >= part.para - 3; i--) {
    const p = model.paragraphs[i];
    if (!p || p.index !== i) return undefined;
    const text = foldChars(p.text).replace(/\s+/g, '');
    if (text.length > 40) continue;
    const m = STRUCTURE_HEADING.exec(text);
    if (m?.[1]) return measureOf(m[1].replace(/(?:19|20)\d{2}年度?|当年度?|本年度?|全年/g, '')).rest;
    if (/^(?:\([一二三四五六七八九十]+\)|[一二三四五六七八九十]+、)/.test(text)) return undefined;
  }
  return undefined;
}

/** The whole a sentence opens with (`2023年度“三公”经费财政拨款支出决算中，`), when no figure comes before the part. */
function openingWhole(model: NarrativeModel, part: Claim): string | undefined {
  const sentence = model.sentencesOf(part.para).find((x) => x.index === part.sentence);
  const p = model.paragraphs[part.para];
  if (!sentence || !p || p.index !== part.para) return undefined;
  const m = /^(.{2,40}?)中[,，]/.exec(p.text.slice(sentence.start, part.start));
  if (!m?.[1] || /\d/.test(m[1].replace(/(?:19|20)\d{2}\s*年度?/g, ''))) return undefined;
  // Measure words go (`支出决算` says which figure, not what it is of).
  return measureOf(compactSubject(m[1].replace(/^\s*(?:(?:19|20)\d{2}\s*年度?)?/, ''))).rest;
}

const TOTALS = ['expense-total', 'income-total', 'grand-total', 'basic', 'project'];

/** Another whole the document gives that makes the printed share right. */
function otherWhole(work: WorkDocument, model: NarrativeModel, part: Claim, partValue: number, unit: string, printed: number, decimals: number, used: Whole): Whole | undefined {
  const cands: Whole[] = [];
  if (work.doc.kind !== 'unknown') {
    for (const id of TOTALS) {
      for (const s of SCOPES) {
        const l = locate(work, id, s);
        if (l) cands.push({ value: l.value, decimals: l.decimals, unit: l.unit, label: l.refs.map((r) => refName(work, r)).join(' + '), refs: l.refs });
      }
    }
  }
  for (const c of model.claims) if (c.money === part.money && c.kind === 'amount' && c.para <= part.para && c !== part) cands.push(asWhole(c));
  for (const w of cands) {
    const v = convert(w.value, w.unit, unit);
    if (v <= 0 || Math.abs(v - convert(used.value, used.unit, unit)) < 1e-9) continue;
    if (roundTo((partValue / v) * 100, decimals) === roundTo(printed, decimals)) return w;
  }
  return undefined;
}

export const narrativeShare: Check = {
  id: 'narrative-share',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const strip = stripSelfOf(work);
    const found = new Findings(model);
    const out = found.out;
    const unfound: Unfound[] = [];
    for (const share of model.claims) {
      if (share.kind !== 'share' || share.approx || share.bound) continue;
      // `分别为2666.3亿元和30400.7亿元，占…的8.1%和91.9%`: the shares go with the figures in order.
      const series = seriesOf(model, share);
      if (series && series.parts.length !== series.shares.length) {
        out.push(
          undecidedResult(
            'narrative-share',
            `narrative-share/${share.id}`,
            { zh: `占比 ${share.text}`, en: `share ${share.text}` },
            { zh: `句中并列的 ${series.shares.length} 个占比与前面的 ${series.parts.length} 个数额无法一一对应`, en: `the ${series.shares.length} shares listed together do not pair with the ${series.parts.length} figures before them` },
            quotes(model, [share]),
            lang,
            share.printed,
          ),
        );
        model.used.add(share);
        continue;
      }
      const part = series
        ? series.parts[series.shares.indexOf(share)]
        : (before(model, share, (x) => (x.kind === 'amount' || x.kind === 'count') && x.depth === share.depth, true) ?? bracketedOf(model, share));
      if (!part || (share.numeratorSubject && share.numeratorSubject !== '' && norm(strip(share.numeratorSubject)) !== norm(strip(part.subject)) && part.clause !== share.clause - 1 && part.clause !== share.clause)) continue;
      const phrase = share.denominator ?? '';
      let whole: Whole | undefined;
      let implicit: Whole | undefined;
      if (phrase) {
        // A whole the tables give (`一般公共预算项目支出总额`) is read there; else where the text states it.
        if (tableMeasure(work, part)) whole = tableWhole(work, share, phrase, strip, model.named.get(part)?.id);
        if (!whole) {
          // The figures a series of shares goes with are its parts, never its whole.
          const stated = statedWhole(model, share, phrase, strip, series?.parts);
          // Else the figure the text gives the quantity the phrase names (`占支出总预算的` → the
          // `本年支出预算` stated before), in the phrase's own scope.
          const named = stated ? undefined : wholeNamed(work, compactSubject(strip(phrase)));
          const own = scopeOf(phrase);
          const byName = named ? namedWhole(work, model, share, part, named, (c) => (c.scope ?? c.contextScope) === own) : undefined;
          if (stated && stated !== part) whole = asWhole(stated);
          else if (byName && byName !== part) whole = asWhole(byName);
        }
      } else {
        const head = implicitWhole(model, part);
        // `“三公”经费财政拨款支出决算中，因公出国（境）费…占 0%；…`: the whole the sentence opens with.
        const opening = head ? undefined : (openingWhole(model, part) ?? headingWhole(model, part));
        if (head) whole = asWhole(head);
        else if (opening) {
          if (tableMeasure(work, part)) whole = tableWhole(work, share, opening, strip);
          if (!whole) {
            // A phrase that names a quantity is that quantity's figure, never a look-alike name.
            const named = nameOf(work, compactSubject(strip(opening)));
            const stated = named ? namedWhole(work, model, share, part, named) : statedWhole(model, share, opening, strip);
            if (stated && stated !== part) whole = asWhole(stated);
          }
        }
        // No whole named and no list: the whole the part belongs to (a 类 of the expense total,
        // 基本支出 of it), in the part's scope.
        if (!whole) implicit = parentWhole(work, model, part);
        if (implicit) whole = implicit;
      }
      const name = claimName(part);
      if (!whole && phrase) unfound.push({ share, part, phrase });
      if (!whole) {
        out.push(
          undecidedResult(
            'narrative-share',
            `narrative-share/${share.id}`,
            { zh: `“${name}”占比`, en: `share of "${name}"` },
            phrase ? { zh: `未找到“${phrase}”的数额`, en: `no figure was found for "${phrase}"` } : { zh: '未说明是占什么的比例', en: 'it does not say what it is a share of' },
            quotes(model, [share, part]),
            lang,
            share.printed,
          ),
        );
        model.used.add(share);
        continue;
      }
      const unit = part.unit;
      const partValue = part.value;
      const judge = (w: Whole) => {
        const wholeValue = convert(w.value, w.unit, unit);
        const wholeDecimals = convertDecimals(w.decimals, w.unit, unit);
        const recomputed = (partValue / wholeValue) * 100;
        const [lo, hi] = ratioRange(partValue, 0.5 * 10 ** -part.decimals, wholeValue, 0.5 * 10 ** -wholeDecimals);
        return { wholeValue, wholeDecimals, recomputed, j: judgeRange(share.printed, share.decimals, recomputed, lo, hi) };
      };
      let judged = judge(whole);
      if (!(judged.wholeValue > 0)) continue;
      model.used.add(share).add(part);
      if (whole.claim) model.used.add(whole.claim);
      let cause: CheckResult['cause'];
      if (judged.j.verdict === 'discrepancy') {
        const other = otherWhole(work, model, part, partValue, unit, share.printed, share.decimals, whole);
        // A whole the text did not name: any total it gives that makes the share right is the one meant.
        if (other && implicit) {
          whole = other;
          judged = judge(other);
        } else if (other) cause = { kind: 'other-denominator', message: message('cause.other-denominator', lang, { name: other.label, value: fmt(other.value, other.decimals) }) };
      }
      const { wholeValue, wholeDecimals, recomputed, j } = judged;
      const d = Math.max(part.decimals, wholeDecimals, 0);
      const where: Where[] = [...quotes(model, [share, part])];
      if (whole.claim) where.push(...quotes(model, [whole.claim], 'operand'));
      for (const r of whole.refs ?? []) where.push(cellWhere(work, r));
      const key = `${name}|${share.printed}|${partValue}|${wholeValue}`;
      if (found.repeated(key, [share])) continue;
      const r = comparisonResult(
        {
          rule: 'narrative-share',
          id: `narrative-share/${share.id}`,
          claim: { zh: `“${name}”占“${phrase || whole.label}”的比例`, en: `share of "${name}" in "${phrase || whole.label}"` },
          basis: { zh: `按 ${fmt(partValue, part.decimals)} ÷ ${fmt(wholeValue, d)}（${whole.label}）计算为`, en: `${fmt(partValue, part.decimals)} ÷ ${fmt(wholeValue, d)} (${whole.label}) gives` },
          stated: share.printed,
          expected: roundTo(recomputed, 6),
          unit: '%',
          decimals: Math.max(share.decimals, 2),
          judgement: j,
          formula: `${name}: ${fmt(share.printed, share.decimals)}% = ${fmt(partValue, part.decimals)} ÷ ${fmt(wholeValue, d)} × 100%`,
          where,
          cause,
        },
        lang,
      );
      found.add(key, r);
    }
    out.push(...impliedParts(work, model, strip, lang));
    // Shares of one whole the document does not state must at least imply one value of it.
    const byWhole = impliedWholes(model, unfound, strip, lang);
    for (const r of byWhole) {
      const k = out.findIndex((x) => x.id === r.id);
      if (k >= 0) out[k] = r;
    }
    return out;
  },
};

/**
 * Shares printed together (`8.1%和91.9%`) and the figures printed together just before them
 * (`2666.3亿元和30400.7亿元`), in order; undefined for a share printed alone.
 */
function seriesOf(model: NarrativeModel, share: Claim): { shares: Claim[]; parts: Claim[] } | undefined {
  const list = paragraphClaims(model, share.para);
  const text = model.paragraphs[share.para]?.text ?? '';
  const joined = (a: Claim, b: Claim) => a.sentence === b.sentence && a.depth === b.depth && SERIES_JOIN.test(text.slice(a.end, b.start));
  let first = list.indexOf(share);
  let last = first;
  while (first > 0 && list[first - 1]?.kind === 'share' && joined(list[first - 1] as Claim, list[first] as Claim)) first--;
  while (last < list.length - 1 && list[last + 1]?.kind === 'share' && joined(list[last] as Claim, list[last + 1] as Claim)) last++;
  if (first === last) return undefined;
  const shares = list.slice(first, last + 1);
  const parts: Claim[] = [];
  const isFigure = (c: Claim | undefined): c is Claim => !!c && (c.kind === 'amount' || c.kind === 'count') && c.sentence === share.sentence && c.depth === share.depth;
  let k = first - 1;
  if (isFigure(list[k])) {
    parts.unshift(list[k] as Claim);
    while (isFigure(list[k - 1]) && joined(list[k - 1] as Claim, list[k] as Claim)) parts.unshift(list[--k] as Claim);
  }
  return { shares, parts };
}

/** Words that make a whole relative to its part (同类, 相应, 其) or more than one (分别, 和). */
const RELATIVE_WHOLE = /同类|同级|同期|相应|其|该|本类|各自|分别|和|与|及|、/;

interface Unfound {
  share: Claim;
  part: Claim;
  phrase: string;
}

/**
 * Two shares of a whole the document does not state (`基本支出…占一般公共预算支出的84.06%`, `项目支出
 * 469500 元，占一般公共预算支出的 19.62%`) each imply its value (part ÷ share); in one section, for
 * figures of one kind and year, they must imply the same one. A share whose whole cannot be
 * reconciled with the others' is reported (warning: which one is wrong is not known), against
 * the whole most of them imply.
 */
function impliedWholes(model: NarrativeModel, unfound: Unfound[], strip: (s: string) => string, lang: Lang): CheckResult[] {
  const out: CheckResult[] = [];
  const groups = new Map<string, (Unfound & { lo: number; hi: number; value: number })[]>();
  for (const u of unfound) {
    const { share, part } = u;
    if (!(share.printed > 0 && share.printed < 100) || !(part.value > 0)) continue;
    // `占同类产品采购规模的…`: each part's own kind, not one whole; `…和GDP的比重分别`: two.
    if (RELATIVE_WHOLE.test(u.phrase)) continue;
    const hp = 0.5 * 10 ** -part.decimals;
    const hs = 0.5 * 10 ** -share.decimals;
    const value = part.value / (share.printed / 100);
    const lo = (part.value - hp) / ((share.printed + hs) / 100);
    const hi = (part.value + hp) / ((share.printed - hs) / 100);
    const key = `${norm(strip(u.phrase))}|${part.money ? '¥' : part.unit}|${part.year ?? ''}`;
    const list = groups.get(key);
    const entry = { ...u, lo, hi, value };
    if (list) list.push(entry);
    else groups.set(key, [entry]);
  }
  for (const list of groups.values()) {
    // One section: no heading between two of them.
    const sections: (typeof list)[] = [];
    for (const e of list) {
      const last = sections[sections.length - 1];
      const prev = last?.[last.length - 1];
      const heading = prev ? model.paragraphs.slice(prev.share.para + 1, e.share.para + 1).some((p) => p.heading) : true;
      if (!last || heading) sections.push([e]);
      else last.push(e);
    }
    for (const group of sections) {
      if (group.length < 2) continue;
      // The whole most shares agree on (the first of equals).
      const agree = (a: (typeof group)[number], b: (typeof group)[number]) => a.lo <= b.hi && b.lo <= a.hi;
      const ref = group.reduce((best, e) => (group.filter((x) => agree(x, e)).length > group.filter((x) => agree(x, best)).length ? e : best), group[0] as (typeof group)[number]);
      // A budget and an actual figure are parts of two wholes.
      const measure = (c: Claim) => (budgetish(c) ? 'budget' : c.measure === 'actual' ? 'actual' : '');
      for (const e of group) {
        if (e === ref || agree(e, ref)) continue;
        if (measure(e.part) && measure(ref.part) && measure(e.part) !== measure(ref.part)) continue;
        const name = claimName(e.part);
        const refName2 = claimName(ref.part);
        const whole = ref.value;
        const recomputed = (e.part.value / whole) * 100;
        const [lo, hi] = ratioRange(e.part.value, 0.5 * 10 ** -e.part.decimals, whole, (ref.hi - ref.lo) / 2);
        const j = judgeRange(e.share.printed, e.share.decimals, recomputed, lo, hi);
        if (j.verdict !== 'discrepancy') continue;
        const d = Math.max(e.part.decimals, 0);
        out.push(
          comparisonResult(
            {
              rule: 'narrative-share',
              id: `narrative-share/${e.share.id}`,
              claim: { zh: `“${name}”占“${e.phrase}”的比例`, en: `share of "${name}" in "${e.phrase}"` },
              basis: {
                zh: `正文未给出“${e.phrase}”的数额；按“${refName2}”占它 ${fmt(ref.share.printed, ref.share.decimals)}% 推得约 ${fmt(whole, d)}，${fmt(e.part.value, d)} ÷ ${fmt(whole, d)} 计算为`,
                en: `the text gives no figure for "${e.phrase}"; "${refName2}" at ${fmt(ref.share.printed, ref.share.decimals)}% of it implies about ${fmt(whole, d)}, and ${fmt(e.part.value, d)} ÷ ${fmt(whole, d)} gives`,
              },
              stated: e.share.printed,
              expected: roundTo(recomputed, 6),
              unit: '%',
              decimals: Math.max(e.share.decimals, 2),
              // Which of the two is wrong is not known.
              judgement: { ...j, severity: 'warning' },
              formula: `${e.phrase} = ${fmt(ref.part.value, d)} ÷ ${fmt(ref.share.printed, ref.share.decimals)}% ≈ ${fmt(whole, d)}; ${name}: ${fmt(e.share.printed, e.share.decimals)}% = ${fmt(e.part.value, d)} ÷ ${fmt(whole, d)} × 100%`,
              where: quotes(model, [e.share, e.part, ref.share, ref.part]),
            },
            lang,
          ),
        );
        model.used.add(e.share).add(e.part).add(ref.share).add(ref.part);
      }
    }
  }
  return out;
}

/**
 * Shares that only name their part (`货物采购授予中小企业合同金额占货物支出金额的 100 %`,
 * `工程… 0 %`, `服务… 100 %`) imply amounts; when the parts' names end in the name of an
 * amount the text states (`授予中小企业合同金额 585.60 万元`), the implied parts must add up to it.
 */
function impliedParts(work: WorkDocument, model: NarrativeModel, strip: (s: string) => string, lang: Lang): CheckResult[] {
  const out: CheckResult[] = [];
  const groups = new Map<Claim, { share: Claim; whole: Claim; value: number; half: number }[]>();
  for (const share of model.claims) {
    if (share.kind !== 'share' || !share.numeratorSubject || !share.denominator || share.approx || share.bound) continue;
    const num = norm(strip(share.numeratorSubject));
    if (num.length < 6) continue;
    // The named part is part of a stated amount whose name ends its own (`…授予中小企业合同`).
    const total = before(model, share, (c) => c.money && c.kind === 'amount' && norm(strip(c.subject)).length >= 4 && num.endsWith(norm(strip(c.subject))) && num !== norm(strip(c.subject)));
    const whole = statedWhole(model, share, share.denominator, strip);
    if (!total || !whole || !whole.money || whole === total) continue;
    const value = (share.printed / 100) * whole.value;
    const half = (0.5 * 10 ** -share.decimals * whole.value) / 100 + (share.printed / 100) * 0.5 * 10 ** -whole.decimals;
    const list = groups.get(total);
    const entry = { share, whole, value, half };
    if (list) list.push(entry);
    else groups.set(total, [entry]);
  }
  for (const [total, parts] of groups) {
    if (parts.length < 2) continue;
    const sum = roundTo(parts.reduce((a, p) => a + p.value, 0), 6);
    const tol = parts.reduce((a, p) => a + p.half, 0) + 0.5 * 10 ** -total.decimals;
    const diff = roundTo(total.value - sum, 6);
    const verdict = Math.abs(diff) < 0.5 * 10 ** -total.decimals ? 'ok' : Math.abs(diff) <= tol ? 'rounding' : 'discrepancy';
    for (const p of parts) model.used.add(p.share).add(p.whole);
    model.used.add(total);
    const name = claimName(total);
    out.push(
      comparisonResult(
        {
          rule: 'narrative-share',
          id: `narrative-share/${total.id}/implied`,
          claim: { zh: `“${name}”`, en: `"${name}"` },
          basis: {
            zh: `按所述各部分占比推算（${parts.map((p) => `${fmt(p.share.printed, p.share.decimals)}% × ${fmt(p.whole.value, p.whole.decimals)}`).join(' + ')}）为`,
            en: `the shares stated for its parts (${parts.map((p) => `${fmt(p.share.printed, p.share.decimals)}% × ${fmt(p.whole.value, p.whole.decimals)}`).join(' + ')}) imply`,
          },
          stated: total.value,
          expected: sum,
          unit: total.unit,
          decimals: Math.max(total.decimals, 2),
          judgement: { verdict, severity: verdict === 'discrepancy' ? 'warning' : verdict === 'rounding' ? 'info' : 'none', difference: diff, tolerance: roundTo(tol, 6) },
          formula: `${name} ${fmt(total.value, total.decimals)} = ${parts.map((p) => `${fmt(p.share.printed, p.share.decimals)}% × ${fmt(p.whole.value, p.whole.decimals)}`).join(' + ')}`,
          where: [...quotes(model, [total]), ...quotes(model, parts.map((p) => p.share), 'operand'), ...quotes(model, parts.map((p) => p.whole), 'operand')],
        },
        lang,
      ),
    );
  }
  return out;
}

