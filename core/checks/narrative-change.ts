/**
 * narrative-change: a change and its rate against each other and against the two years.
 * `项目支出 8320.58 万元比 2022 年 7,737.11 万元增加了 583.47 万元，支出增加了 7.41%`:
 * 8320.58 − 7737.11 = 583.47 (this year − last year = change), and 583.47 ÷ 7737.11 = 7.54 %,
 * not 7.41 %. Last year is derived (this year − change) when the text does not print it.
 * A rate printed over a zero or missing base (`增长 100%` for a new item) is undefined. The
 * rate is judged as an interval: each input stands for ± half a unit of its last digit.
 * When another statement's change gives exactly the printed rate, that is said as the cause.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Column, Unit, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import type { Claim } from '../narrative/claims.ts';
import { narrativeOf, type NarrativeModel } from '../narrative/index.ts';
import { before, budgetish, isKind, paragraphClaims, sameSubject } from '../narrative/near.ts';
import { cellWhere, claimName, comparisonResult, decimalsIn, Findings, fmt, isMoneyUnit, judgeAmounts, quotes, undecidedResult, valueIn } from '../narrative/results.ts';
import { type Ref, refName } from './identity.ts';
import { isTotalRow } from './group-total.ts';
import { targetOf } from './narrative-table.ts';
import type { Located } from '../narrative/resolve.ts';
import { arabicYears, labelKey } from '../text/normalize.ts';
import { judgeRange, ratioRange, type Judgement } from '../rounding.ts';
import { roundTo } from '../text/numbers.ts';

interface Triple {
  current?: Claim;
  prior?: Claim;
  change: Claim;
  rate?: Claim;
}

function sameKindOfFigure(a: Claim, b: Claim): boolean {
  return a.money === b.money && (a.money || a.unit === b.unit);
}

/** The statement a change belongs to: this year's amount and last year's, same subject. */
function tripleOf(model: NarrativeModel, change: Claim): Triple {
  if (change.against === 'budget') return againstBudget(model, change);
  // A budget figure's change is against budget (`比年初预算减少`), unless the change names the
  // year it compares with (`比2023年预算减少`): then it is the year-on-year change of either.
  const yearOnYear = change.base !== undefined && change.measure === 'unspecified';
  const fits = (x: Claim) => sameSubject(model, x, change) && sameKindOfFigure(x, change) && (yearOnYear || !budgetish(x) === !budgetish(change));
  // A count changes too (`培训 12000 人次，比上年增加 2000 人次，增长 20%`).
  const figure = (x: Claim) => x.kind === 'amount' || (!change.money && x.kind === 'count');
  const current = before(model, change, (x) => figure(x) && fits(x) && (change.base === undefined || x.year !== change.base)) ?? undefined;
  const prior =
    before(model, change, (x) => x.kind === 'prior' && fits(x), true) ??
    before(model, change, (x) => x.kind === 'amount' && fits(x) && x.year !== undefined && x.year === change.base, true) ??
    // `决算数为 880 万元，比年初预算数 800 万元增加 80 万元`: a change named against no year, with the
    // item's budget printed between the actual figure and the change, is against that budget.
    (change.base === undefined && current && !budgetish(current)
      ? before(model, change, (x) => x.kind === 'amount' && x.start > current.start && budgetish(x) && sameSubject(model, x, change) && sameKindOfFigure(x, change), true)
      : undefined);
  // A change that names its item as the figure does, in one paragraph, is that figure's
  // (`其中，因公出国(境)费50万元，…。…。其中：因公出国(境)费比上年减少9万元，下降15.3%`).
  const named = !!current && current.para === change.para && current.explicit && change.explicit;
  // Else the change must be the first one after its figures (`…减少 4 个人，故…减少 23.71 万元` is
  // another item's), and this year's figure in the sentence before at most.
  const list = paragraphClaims(model, change.para);
  const from = Math.max(current ? list.indexOf(current) : -1, prior ? list.indexOf(prior) : -1);
  const between = from >= 0 && !named ? list.slice(from + 1, list.indexOf(change)) : [];
  if (between.some((x) => x.kind === 'change' || (x.kind === 'count' && x.money === change.money))) return { change };
  return { current: current && (named || current.sentence >= change.sentence - 1) ? current : undefined, prior, change };
}

/**
 * A change against the budget (`全年预算为 20.00 万元，支出决算为 13.52 万元，…较预算减少 6.48 万元，
 * 降低 32.4%`): the actual and the budget of the same item in its sentence, in either order. With
 * no budget printed (`决算为 23.52 万元，与年初预算相比增加 3.52 万元`), the rate's base is derived from
 * the actual and the change, as last year's is.
 */
function againstBudget(model: NarrativeModel, change: Claim): Triple {
  const fits = (x: Claim) => x.kind === 'amount' && sameSubject(model, x, change) && sameKindOfFigure(x, change);
  const current = before(model, change, (x) => fits(x) && !budgetish(x) && x.measure !== 'target', true);
  const prior = before(model, change, (x) => fits(x) && budgetish(x), true);
  return current ? { current, prior, change } : { change };
}

/**
 * This year's figure of a change's item, from the tables, as a claim of the text would be
 * compared with it: only for a quantity of the lexicon, a change on last year (the tables hold
 * the document's own year), the figure the tables give unambiguously.
 */
function tableCurrent(work: WorkDocument, model: NarrativeModel, ch: Claim): { claim: Claim; located: Located } | undefined {
  const named = model.named.get(ch);
  if (!named || named.kind !== 'quantity' || !ch.money || ch.against) return undefined;
  const year = work.doc.year;
  if (year === undefined || (ch.year !== undefined && ch.year !== year) || (ch.base !== undefined && ch.base !== year - 1)) return undefined;
  const located = targetOf(work, { ...ch, kind: 'amount', value: 0, printed: 0 }, named).target?.located;
  if (!located || !isMoneyUnit(located.unit)) return undefined;
  return { claim: { ...ch, kind: 'amount', value: located.value, printed: located.value, unit: located.unit, decimals: located.decimals }, located };
}

function rateRange(t: Triple, unit: string): { value: number; lo: number; hi: number; base: number } | undefined {
  const ch = valueIn(t.change, unit);
  const hCh = 0.5 * 10 ** -decimalsIn(t.change, unit);
  if (t.prior) {
    const base = valueIn(t.prior, unit);
    if (base <= 0) return { value: NaN, lo: NaN, hi: NaN, base };
    const [lo, hi] = ratioRange(Math.abs(ch), hCh, base, 0.5 * 10 ** -decimalsIn(t.prior, unit));
    return { value: (Math.abs(ch) / base) * 100, lo, hi, base };
  }
  if (t.current) {
    const cur = valueIn(t.current, unit);
    const base = roundTo(cur - ch, 8);
    if (base <= 0) return { value: NaN, lo: NaN, hi: NaN, base };
    // Last year's figure, derived, stands for a figure printed to the same precision.
    const [lo, hi] = ratioRange(Math.abs(ch), hCh, base, 0.5 * 10 ** -Math.max(decimalsIn(t.current, unit), decimalsIn(t.change, unit)));
    return { value: (Math.abs(ch) / base) * 100, lo, hi, base };
  }
  return undefined;
}

export const narrativeChange: Check = {
  id: 'narrative-change',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const found = new Findings(model);
    const out = found.out;
    // The same statement repeated in another section: one finding, every quote.
    const push = (key: string, r: CheckResult, group: Claim[]) => {
      if (!found.repeated(key, group)) found.add(key, r);
    };
    const changes = model.claims.filter((c) => c.kind === 'change' && !c.approx && c.depth === 0 && c.topic);
    const triples = new Map<Claim, Triple>();
    for (const ch of changes) triples.set(ch, tripleOf(model, ch));
    for (const [ch, t] of triples) {
      const unit = ch.money ? ch.unit : ch.unit;
      const name = claimName(ch);
      const vsBudget = ch.against === 'budget';
      const rateClaim = vsBudget ? { zh: `“${name}”较预算增减率`, en: `rate of change of "${name}" against its budget` } : { zh: `“${name}”增长率`, en: `growth rate of "${name}"` };
      // 1. this year − last year = change.
      if (t.current && t.prior) {
        const cur = valueIn(t.current, unit);
        const pri = valueIn(t.prior, unit);
        const d = Math.max(decimalsIn(t.current, unit), decimalsIn(t.prior, unit), ch.decimals);
        const expected = roundTo(cur - pri, 8);
        const j = judgeAmounts({ value: Math.abs(ch.value), decimals: ch.decimals }, [{ value: cur, decimals: decimalsIn(t.current, unit) }, { value: pri, decimals: decimalsIn(t.prior, unit) }], Math.abs(expected));
        const signOk = Math.sign(ch.value) === Math.sign(expected) || expected === 0;
        if (!signOk) {
          j.verdict = 'discrepancy';
          j.severity = 'error';
        }
        model.used.add(t.current).add(t.prior).add(ch);
        const group = [t.current, t.prior, ch];
        push(
          `d|${name}|${cur}|${pri}|${ch.value}`,
          comparisonResult(
            {
              rule: 'narrative-change',
              id: `narrative-change/${ch.id}/difference`,
              claim: vsBudget ? { zh: `“${name}”较预算增减额`, en: `change in "${name}" against its budget` } : { zh: `“${name}”增减额`, en: `change in "${name}"` },
              basis: vsBudget
                ? { zh: `按决算 ${fmt(cur, d)} − 预算 ${fmt(pri, d)} 计算为`, en: `actual ${fmt(cur, d)} − budget ${fmt(pri, d)} gives` }
                : { zh: `按本年 ${fmt(cur, d)} − 上年 ${fmt(pri, d)} 计算为`, en: `this year ${fmt(cur, d)} − last year ${fmt(pri, d)} gives` },
              stated: ch.value,
              expected,
              unit,
              decimals: d,
              judgement: j,
              formula: `${name}: ${fmt(ch.value, d)} = ${fmt(cur, d)} − ${fmt(pri, d)}`,
              where: quotes(model, group, 'stated', ch),
            },
            lang,
          ),
          group,
        );
      }
      // 2. last year's figure (printed, or derived from this year and the change) against a
      // table that prints last year's column beside this year's.
      const prior = vsBudget ? undefined : priorYear(work, ch, t);
      if (prior) {
        const { cell, text } = prior;
        const group = [t.current, t.prior, ch].filter((x): x is Claim => !!x);
        const d = Math.max(text.decimals, cell.decimals);
        const j = judgeAmounts({ value: text.value, decimals: text.decimals }, [{ value: cell.value, decimals: cell.decimals }], cell.value);
        const how = t.prior
          ? { zh: `“${name}”上年数`, en: `last year's "${name}"` }
          : { zh: `“${name}”上年数（本年数 − 增减额）`, en: `last year's "${name}" (this year − change)` };
        if (j.verdict === 'discrepancy' && !prior.sameMeasure) {
          // A year column that does not say budget or actual (or a text that does not): a
          // match confirms both, a mismatch may be two different figures of that year.
          model.used.add(ch);
          push(
            `p|${name}|${text.value}|${cell.ref.t}/${cell.ref.r}/${cell.ref.c}`,
            undecidedResult(
              'narrative-change',
              `narrative-change/${ch.id}/prior-year`,
              how,
              {
                zh: `表中 ${refName(work, cell.ref)} 为 ${fmt(cell.value, d)}，与正文推得的 ${fmt(text.value, d)} 不同，但该栏未说明是预算数还是决算数`,
                en: `the table's ${refName(work, cell.ref)} is ${fmt(cell.value, d)}, not the ${fmt(text.value, d)} the text implies, but that column does not say whether it holds the budget or the actual`,
              },
              [...quotes(model, group, 'stated', t.prior ?? ch), cellWhere(work, cell.ref)],
              lang,
              text.value,
            ),
            group,
          );
        } else push(
          `p|${name}|${text.value}|${cell.ref.t}/${cell.ref.r}/${cell.ref.c}`,
          comparisonResult(
            {
              rule: 'narrative-change',
              id: `narrative-change/${ch.id}/prior-year`,
              claim: how,
              basis: { zh: `表中 ${refName(work, cell.ref)} 为`, en: `the table's ${refName(work, cell.ref)} is` },
              stated: text.value,
              expected: cell.value,
              unit: cell.unit,
              decimals: d,
              judgement: j,
              formula: `${name} ${cell.year}: ${t.prior ? fmt(text.value, d) : `${fmt(valueIn(t.current as Claim, cell.unit), d)} ${ch.value < 0 ? '+' : '−'} ${fmt(Math.abs(valueIn(ch, cell.unit)), d)}`} = ${refName(work, cell.ref)}`,
              where: [...quotes(model, group, 'stated', t.prior ?? ch), cellWhere(work, cell.ref)],
            },
            lang,
          ),
          group,
        );
      }
      // 3. the rate that follows the change.
      const claims = paragraphClaims(model, ch.para);
      const next = claims[claims.indexOf(ch) + 1];
      const rate =
        claims.find((r) => r.kind === 'rate' && r.sentence === ch.sentence && r.start > ch.start && sameSubject(model, r, ch) && !r.approx) ??
        // `…增加648.86万元。增加7.1%，主要原因是…`: a rate of no subject of its own opening the next sentence.
        (next && next.kind === 'rate' && next.sentence === ch.sentence + 1 && !next.subject && !next.approx && sameSubject(model, next, ch) ? next : undefined);
      if (!rate) continue;
      t.rate = rate;
      // Neither year's figure in the text: this year's from the tables (`“三公”经费预算数较上年减少
      // 0.50万元，下降20%`, the 三公 table giving this year's budget).
      const fromTable = !t.current && !t.prior ? tableCurrent(work, model, ch) : undefined;
      const rr = rateRange(fromTable ? { ...t, current: fromTable.claim } : t, unit);
      const group = [t.current, t.prior, ch, rate].filter((x): x is Claim => !!x);
      const cells = (fromTable?.located.refs ?? []).map((r) => cellWhere(work, r));
      if (!rr) continue;
      model.used.add(rate).add(ch);
      if (t.current) model.used.add(t.current);
      if (t.prior) model.used.add(t.prior);
      const printed = Math.abs(rate.printed);
      if (!(rr.base > 0)) {
        const where: Where[] = quotes(model, group, 'stated', rate);
        if (printed === 0 && ch.value === 0 && rr.base === 0) {
          // Zero last year and zero this year, `下降 0%`: nothing to compute, nothing wrong.
          push(
            `z|${name}|0|0`,
            undecidedResult(
              'narrative-change',
              `narrative-change/${rate.id}/zero-base`,
              rateClaim,
              { zh: '两者均为零，增长率无从计算', en: 'both figures are zero, so there is no rate' },
              where,
              lang,
              0,
            ),
            group,
          );
          continue;
        }
        const r: CheckResult = {
          id: `narrative-change/${rate.id}/zero-base`,
          rule: 'narrative-change',
          verdict: 'discrepancy',
          severity: 'warning',
          message: headed(ruleTitle('narrative-change', lang), lang, message('narr.zero-base', lang, { claim: lang === 'zh' ? `“${name}”增长率` : `the growth rate of "${name}"`, stated: fmt(printed, rate.decimals) })),
          messageKey: 'narr.zero-base',
          stated: printed,
          expected: null,
          difference: null,
          tolerance: null,
          unit: '%',
          formula: `${name}: ${fmt(Math.abs(ch.value), ch.decimals)} ÷ ${fmt(rr.base, ch.decimals)}`,
          where,
          cause: { kind: 'zero-base', message: message('cause.zero-base', lang, undefined) },
        };
        push(`z|${name}|${printed}|${ch.value}`, r, group);
        continue;
      }
      let j: Judgement = judgeRange(printed, rate.decimals, rr.value, rr.lo, rr.hi);
      // A rate pointing the other way from its change (增加 … 下降 x%).
      if (Math.sign(rate.value) !== Math.sign(ch.value) && rate.value !== 0 && ch.value !== 0) j = { ...j, verdict: 'discrepancy', severity: 'error' };
      let cause: CheckResult['cause'];
      if (j.verdict === 'discrepancy') cause = otherBase(model, ch, printed, rate.decimals, unit, lang);
      const cur = t.current ?? fromTable?.claim;
      const tableLabel = fromTable ? `${lang === 'zh' ? '表中' : 'the tables’'} ${fromTable.located.refs.map((r) => refName(work, r)).join(' + ')} ` : '';
      const baseText = t.prior
        ? fmt(rr.base, decimalsIn(t.prior, unit))
        : `(${tableLabel}${fmt(valueIn(cur as Claim, unit), decimalsIn(cur as Claim, unit))} ${ch.value < 0 ? '+' : '−'} ${fmt(Math.abs(ch.value), ch.decimals)})`;
      push(
        `r|${name}|${printed}|${ch.value}|${rr.base}`,
        comparisonResult(
          {
            rule: 'narrative-change',
            id: `narrative-change/${rate.id}/rate`,
            claim: rateClaim,
            basis: { zh: `按 ${fmt(Math.abs(ch.value), ch.decimals)} ÷ ${baseText} 计算为`, en: `${fmt(Math.abs(ch.value), ch.decimals)} ÷ ${baseText} gives` },
            stated: printed,
            expected: roundTo(rr.value, 6),
            unit: '%',
            decimals: Math.max(rate.decimals, 2),
            judgement: j,
            formula: `${name}: ${fmt(printed, rate.decimals)}% = ${fmt(Math.abs(ch.value), ch.decimals)} ÷ ${baseText} × 100%`,
            where: [...quotes(model, group, 'stated', rate), ...cells],
            cause,
          },
          lang,
        ),
        group,
      );
    }
    // 4. a rate stated with this year's and last year's figures and no change between them
    //    (`基本支出40万元，上年为35万元，增长14.29%`): (this year − last year) ÷ last year.
    for (const rate of model.claims) {
      if (rate.kind !== 'rate' || rate.approx || rate.against || model.used.has(rate) || !rate.topic) continue;
      const prior = before(model, rate, (x) => x.kind === 'prior' && !x.approx && sameSubject(model, x, rate), true);
      const current = prior && before(model, rate, (x) => x.kind === 'amount' && !x.approx && x !== prior && sameSubject(model, x, prior) && sameKindOfFigure(x, prior), true);
      if (!prior || !current || before(model, rate, (x) => x.kind === 'change', true)) continue;
      const unit = current.unit;
      const cur = valueIn(current, unit);
      const pri = valueIn(prior, unit);
      if (!(pri > 0)) continue;
      const name = claimName(current);
      const half = 0.5 * 10 ** -decimalsIn(current, unit) + 0.5 * 10 ** -decimalsIn(prior, unit);
      const [lo, hi] = ratioRange(Math.abs(cur - pri), half, pri, 0.5 * 10 ** -decimalsIn(prior, unit));
      const value = (Math.abs(cur - pri) / pri) * 100;
      const printed = Math.abs(rate.printed);
      let j: Judgement = judgeRange(printed, rate.decimals, value, lo, hi);
      // A rate pointing the other way from the two figures (上年多，增长 x%).
      if (rate.value !== 0 && cur !== pri && Math.sign(rate.value) !== Math.sign(cur - pri)) j = { ...j, verdict: 'discrepancy', severity: 'error' };
      const d = Math.max(decimalsIn(current, unit), decimalsIn(prior, unit));
      const group = [current, prior, rate];
      model.used.add(rate).add(current).add(prior);
      push(
        `r2|${name}|${printed}|${cur}|${pri}`,
        comparisonResult(
          {
            rule: 'narrative-change',
            id: `narrative-change/${rate.id}/rate`,
            claim: { zh: `“${name}”增长率`, en: `growth rate of "${name}"` },
            basis: { zh: `按 (${fmt(cur, d)} − ${fmt(pri, d)}) ÷ ${fmt(pri, d)} 计算为`, en: `(${fmt(cur, d)} − ${fmt(pri, d)}) ÷ ${fmt(pri, d)} gives` },
            stated: printed,
            expected: roundTo(value, 6),
            unit: '%',
            decimals: Math.max(rate.decimals, 2),
            judgement: j,
            formula: `${name}: ${fmt(printed, rate.decimals)}% = (${fmt(cur, d)} − ${fmt(pri, d)}) ÷ ${fmt(pri, d)} × 100%`,
            where: quotes(model, group, 'stated', rate),
          },
          lang,
        ),
        group,
      );
    }
    return out;
  },
};

interface PriorCell {
  ref: Ref;
  value: number;
  decimals: number;
  unit: Unit;
  year: number;
  /** The column says budget or actual, and the text says the same. */
  sameMeasure: boolean;
}

/** What a year's column holds, when its heading says: 预算数 / 决算数 (执行数, 实际). */
function measureOfColumn(col: Column): 'budget' | 'actual' | undefined {
  const text = col.path.join(' ') || col.label;
  if (/决算|执行|实际|完成/.test(text)) return 'actual';
  if (/预算/.test(text)) return 'budget';
  return undefined;
}

const YEAR = /(\d{4})\s*年/;

/** A column's year: `2023年`, `2023年预算数 合计`; 上年 / 当年 relative to the document's year. */
function columnYear(col: Column, year: number | undefined): number | undefined {
  const text = arabicYears(col.path.join(' ') || col.label);
  const m = YEAR.exec(text);
  if (m) return Number(m[1]);
  if (year === undefined) return undefined;
  if (/上年/.test(text)) return year - 1;
  if (col.role === 'current' || /当年|本年/.test(text)) return year;
  return undefined;
}

const yearCache = new WeakMap<WorkDocument, { t: number; years: (number | undefined)[] }[]>();

/** Tables in money with at least two years among their columns, each column's year (once per document). */
function yearTables(work: WorkDocument): { t: number; years: (number | undefined)[] }[] {
  let out = yearCache.get(work);
  if (out) return out;
  out = [];
  for (let t = 0; t < work.tables.length; t++) {
    const table = (work.tables[t] as WorkDocument['tables'][number]).table;
    if (!isMoneyUnit(table.unit)) continue;
    const years = table.columns.map((c) => columnYear(c, work.doc.year));
    if (new Set(years.filter((y) => y !== undefined)).size >= 2) out.push({ t, years });
  }
  yearCache.set(work, out);
  return out;
}

/**
 * Last year's figure of a change's subject in a table that prints both years: the row whose
 * this-year column holds the claim's this-year figure, read in the column for the change's
 * base year with the same heading below the year (`2023年预算数 公务接待费`). Rows named like
 * the subject come first, then total rows. The text's last-year figure is the one it prints,
 * else this year's minus the change.
 */
function priorYear(work: WorkDocument, ch: Claim, t: Triple): { cell: PriorCell; sameMeasure: boolean; text: { value: number; decimals: number } } | undefined {
  if (!ch.money || !t.current) return undefined;
  const year = t.current.year ?? work.doc.year;
  const base = ch.base ?? (year !== undefined ? year - 1 : undefined);
  if (year === undefined || base === undefined || base >= year) return undefined;
  const subject = labelKey(claimName(ch));
  const textMeasure = budgetish(ch) || budgetish(t.current) ? 'budget' : ch.measure === 'actual' || t.current.measure === 'actual' ? 'actual' : undefined;
  let best: { cell: PriorCell; rank: number } | undefined;
  yearTables(work).forEach(({ t: ti, years }) => {
    const table = (work.tables[ti] as WorkDocument['tables'][number]).table;
    const now = table.columns.filter((_, i) => years[i] === year);
    const then = table.columns.filter((_, i) => years[i] === base);
    if (now.length === 0 || then.length === 0) return;
    const want = valueIn(t.current as Claim, table.unit);
    const half = 0.5 * 10 ** -decimalsIn(t.current as Claim, table.unit) + 1e-9;
    for (const row of table.rows) {
      for (const cur of now) {
        const v = row.cells[cur.key]?.value;
        if (v === null || v === undefined || Math.abs(v - want) > half) continue;
        const pair = then.length === 1 ? then[0] : then.find((c) => c.label === cur.label);
        const prior = pair ? row.cells[pair.key] : undefined;
        if (!pair || prior?.value === null || prior?.value === undefined || prior.status === 'undecided') continue;
        const label = labelKey(row.label);
        const rank = label && (subject.includes(label) || label.includes(subject)) ? 0 : isTotalRow(row) ? 1 : 2;
        if (best && best.rank <= rank) continue;
        const columnMeasure = measureOfColumn(pair);
        if (columnMeasure && textMeasure && columnMeasure !== textMeasure) continue; // another figure of that year
        best = { rank, cell: { ref: { t: ti, r: row.index, c: pair.key }, value: prior.value, decimals: Math.max(table.decimals, prior.decimals ?? 0), unit: table.unit, year: base, sameMeasure: !!columnMeasure && columnMeasure === textMeasure } };
      }
    }
  });
  if (!best) return undefined;
  const u = best.cell.unit;
  const sameMeasure = best.cell.sameMeasure;
  if (t.prior) {
    if (t.prior.base !== undefined && t.prior.base !== base && t.prior.year !== base) return undefined;
    return { cell: best.cell, sameMeasure, text: { value: valueIn(t.prior, u), decimals: decimalsIn(t.prior, u) } };
  }
  return { cell: best.cell, sameMeasure, text: { value: roundTo(valueIn(t.current, u) - valueIn(ch, u), 8), decimals: Math.max(decimalsIn(t.current, u), decimalsIn(ch, u)) } };
}

/** Another statement's change over the same base that gives exactly the printed rate. */
function otherBase(model: NarrativeModel, ch: Claim, printed: number, decimals: number, unit: string, lang: Lang): CheckResult['cause'] {
  const named = model.named.get(ch);
  for (const other of model.claims) {
    if (other === ch || other.kind !== 'change' || other.value === ch.value || !other.money !== !ch.money) continue;
    const on = model.named.get(other);
    if (!(named && on && on.id === named.id) && other.topic !== ch.topic) continue;
    const prior = before(model, other, isKind('prior'), true);
    const cur = before(model, other, (x) => x.kind === 'amount' && x.topic === other.topic);
    const base = prior ? valueIn(prior, unit) : cur ? valueIn(cur, unit) - valueIn(other, unit) : undefined;
    if (!base || base <= 0) continue;
    const r = (Math.abs(valueIn(other, unit)) / base) * 100;
    if (roundTo(r, decimals) === roundTo(printed, decimals)) {
      return { kind: 'other-base', message: message('cause.other-base', lang, { name: `${claimName(other)} ${fmt(Math.abs(other.value), other.decimals)}`, value: `${fmt(r, 2)}%` }) };
    }
  }
  return undefined;
}
