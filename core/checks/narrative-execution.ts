/**
 * narrative-execution: an execution rate against the actual and budget figures it is stated
 * with (`年初预算 639.75 万元，实际支出 639.57 万元，完成预算的 99.97%`). The budget is the
 * nearest budget figure before the rate in its sentence (an initial budget when the text says
 * 年初), the actual the nearest actual or unqualified figure. A rate over a zero budget is
 * undefined; `0 %` of a zero budget with nothing spent is reported as not checkable, not wrong.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult } from '../model/schemas.ts';
import type { Lang } from '../messages.ts';
import type { Check } from './types.ts';
import type { Claim } from '../narrative/claims.ts';
import { narrativeOf } from '../narrative/index.ts';
import { after, before, budgetish, sameTopic } from '../narrative/near.ts';
import { cellWhere, claimName, comparisonResult, convert, convertDecimals, decimalsIn as decimals, Findings, fmt, quotes, undecidedResult, valueIn as value } from '../narrative/results.ts';
import { chooseScope, type Located } from '../narrative/resolve.ts';
import { finalTablesPrintBudget } from '../narrative/lexicon.ts';
import { refName } from './identity.ts';
import type { NarrativeModel } from '../narrative/index.ts';
import { judgeRange, ratioRange } from '../rounding.ts';
import { roundTo } from '../text/numbers.ts';

export const narrativeExecution: Check = {
  id: 'narrative-execution',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const found = new Findings(model);
    const out = found.out;
    for (const e of model.claims) {
      if (e.kind !== 'execution' || e.approx || e.bound) continue;
      const amount = (x: Claim) => (x.kind === 'amount' || x.kind === 'count') && !x.approx && x.money === true;
      const initial = /年初/.test(e.denominator ?? '');
      const named =
        (initial ? before(model, e, (x) => amount(x) && x.measure === 'budget-initial', true) : undefined) ?? before(model, e, (x) => amount(x) && budgetish(x), true);
      const spent = (x: Claim) => amount(x) && !budgetish(x) && x.measure !== 'target';
      // The actual after the budget (`年初预算…，实际支出…`), else, of the same item, before it
      // (`决算数为 880 万元，比年初预算数 800 万元增加…，完成年初预算的 110%`).
      const actual =
        before(model, e, (x) => spent(x) && (!named || x.start > named.start), true) ??
        (named ? before(model, e, (x) => spent(x) && x.start < named.start && x.topic !== '' && x.topic === named.topic, true) : undefined);
      // An item of a list under the total's budget (`预算为 20.00 万元，…其中：公务接待费支出决算为
      // 3.50 万元，完成预算的 43.75%`): the budget of another quantity of the tables is not this item's.
      const budget = named && actual && otherQuantity(model, named, actual) ? undefined : named;
      if (!actual) {
        // Said to be a rate of a budget with no figure beside it (`决算数为年初预算数的 84.73%`):
        // could not check. A bare 完成率 with no figure: not ours.
        if (e.denominator) {
          // Named by its own words only (a subject carried from an earlier sentence may be another item's).
          out.push(
            undecidedResult(
              'narrative-execution',
              `narrative-execution/${e.id}`,
              e.explicit ? { zh: `“${claimName(e)}”执行率`, en: `execution rate of "${claimName(e)}"` } : { zh: `执行率 ${e.text}`, en: `execution rate ${e.text}` },
              { zh: '句中没有给出实际数和预算数', en: 'its sentence gives neither the actual figure nor the budget' },
              quotes(model, [e], 'stated', e),
              lang,
              e.printed,
            ),
          );
          model.used.add(e);
        }
        continue;
      }
      // No budget in the sentence: the budget the tables print for the same item (三公 预算数),
      // else the one the sentence's change against it gives (`…完成年初预算100%，决算数大于预算数
      // 55.93万元`, `比年初预算增加…`): the actual less that change.
      const printed = budget ? undefined : tableBudget(work, model, actual);
      const overBudget = (x: Claim) => x.kind === 'change' && x.against === 'budget' && x.money && !x.approx && x.start > actual.start && sameTopic(x, actual);
      const beyond = budget || printed ? undefined : (after(model, e, overBudget) ?? before(model, e, overBudget, true));
      if (!budget && !printed && !beyond) {
        // Said to be a rate of a budget (执行率, 完成预算的): could not check; a bare 完成率: not ours.
        if (!e.denominator) continue;
        out.push(
          undecidedResult(
            'narrative-execution',
            `narrative-execution/${e.id}`,
            { zh: `“${claimName(actual)}”执行率`, en: `execution rate of "${claimName(actual)}"` },
            { zh: '正文和表中都没有给出它的预算数', en: 'neither the text nor the tables give its budget' },
            quotes(model, [actual, e], 'stated', e),
            lang,
            e.printed,
          ),
        );
        model.used.add(e);
        continue;
      }
      const unit = actual.unit;
      const a = value(actual, unit);
      const [b, budgetDecimals] = budget
        ? [value(budget, unit), decimals(budget, unit)]
        : printed
          ? [convert(printed.value, printed.unit, unit), convertDecimals(printed.decimals, printed.unit, unit)]
          : beyond
            ? [roundTo(a - value(beyond, unit), 8), Math.max(decimals(actual, unit), decimals(beyond, unit))]
            : [0, 0];
      const name = claimName(actual);
      const group = budget ? [budget, actual, e] : beyond ? [actual, e, beyond] : [actual, e];
      model.used.add(actual).add(e);
      if (budget) model.used.add(budget);
      if (beyond) model.used.add(beyond);
      if (!(b > 0)) {
        // A zero budget: no rate to compare with (both zero: nothing to say either way).
        const where = [...quotes(model, group, 'stated', e), ...(printed?.refs ?? []).map((r) => cellWhere(work, r))];
        const reason =
          a === 0 && e.printed === 0
            ? { zh: '预算与实际均为零，执行率无从计算', en: 'budget and actual are both zero, so there is no rate' }
            : printed?.refs.length
              ? { zh: `表中预算为零（${printed.refs.map((r) => refName(work, r)).join(' + ')}），执行率无从计算`, en: `the tables' budget is zero (${printed.refs.map((r) => refName(work, r)).join(' + ')}), so there is no rate` }
              : printed
                ? { zh: '表中该项预算为空，执行率无从计算', en: 'the tables hold no budget for it, so there is no rate' }
                : { zh: '预算为零，执行率无从计算', en: 'the budget is zero, so there is no rate' };
        out.push(undecidedResult('narrative-execution', `narrative-execution/${e.id}`, { zh: `“${name}”执行率`, en: `execution rate of "${name}"` }, reason, where, lang, e.printed));
        continue;
      }
      const recomputed = (a / b) * 100;
      const [lo, hi] = ratioRange(a, 0.5 * 10 ** -decimals(actual, unit), b, 0.5 * 10 ** -budgetDecimals);
      const j = judgeRange(e.printed, e.decimals, recomputed, lo, hi);
      const d = Math.max(decimals(actual, unit), budgetDecimals);
      const key = `${name}|${e.printed}|${a}|${b}`;
      if (found.repeated(key, [e])) continue;
      const r = comparisonResult(
        {
          rule: 'narrative-execution',
          id: `narrative-execution/${e.id}`,
          claim: { zh: `“${name}”执行率`, en: `execution rate of "${name}"` },
          basis: printed
            ? { zh: `按实际 ${fmt(a, d)} ÷ 表中预算 ${fmt(b, d)}（${printed.refs.map((r) => refName(work, r)).join(' + ')}）计算为`, en: `actual ${fmt(a, d)} ÷ the tables' budget ${fmt(b, d)} (${printed.refs.map((r) => refName(work, r)).join(' + ')}) gives` }
            : beyond
              ? { zh: `按实际 ${fmt(a, d)} ÷ 预算 ${fmt(b, d)}（实际 ${beyond.value < 0 ? '+' : '−'} 与预算之差 ${fmt(Math.abs(value(beyond, unit)), d)}）计算为`, en: `actual ${fmt(a, d)} ÷ budget ${fmt(b, d)} (the actual ${beyond.value < 0 ? '+' : '−'} its difference from the budget, ${fmt(Math.abs(value(beyond, unit)), d)}) gives` }
              : { zh: `按实际 ${fmt(a, d)} ÷ 预算 ${fmt(b, d)} 计算为`, en: `actual ${fmt(a, d)} ÷ budget ${fmt(b, d)} gives` },
          stated: e.printed,
          expected: roundTo(recomputed, 6),
          unit: '%',
          decimals: Math.max(e.decimals, 2),
          judgement: j,
          formula: `${name}: ${fmt(e.printed, e.decimals)}% = ${fmt(a, d)} ÷ ${fmt(b, d)} × 100%`,
          where: [...quotes(model, group, 'stated', e), ...(printed?.refs ?? []).map((r) => cellWhere(work, r))],
        },
        lang,
      );
      found.add(key, r);
    }
    return out;
  },
};

/** Two figures named as two different quantities of the tables (三公 in all, and 公务接待费). */
function otherQuantity(model: NarrativeModel, a: Claim, b: Claim): boolean {
  const x = model.named.get(a);
  const y = model.named.get(b);
  return !!x && !!y && x.id !== y.id;
}

/** The budget the tables print for what `actual` names (a 决算's 三公 预算数), in its scope. */
function tableBudget(work: WorkDocument, model: NarrativeModel, actual: Claim): Located | undefined {
  const named = model.named.get(actual);
  // Only where the tables print budgets (三公 预算数): elsewhere the budget cell would be the actual.
  if (!named || work.doc.kind !== 'final' || named.kind !== 'quantity' || !finalTablesPrintBudget(named.id)) return undefined;
  return chooseScope(work, { ...actual, kind: 'amount', measure: 'budget' }, named.id, 'budget').located;
}
