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
import { before, budgetish } from '../narrative/near.ts';
import { claimName, comparisonResult, decimalsIn as decimals, Findings, fmt, quotes, undecidedResult, valueIn as value } from '../narrative/results.ts';
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
      const budget =
        (initial ? before(model, e, (x) => amount(x) && x.measure === 'budget-initial', true) : undefined) ?? before(model, e, (x) => amount(x) && budgetish(x), true);
      const actual = before(model, e, (x) => amount(x) && !budgetish(x) && x.measure !== 'target' && (!budget || x.start > budget.start), true);
      if (!budget || !actual) continue;
      const unit = actual.unit;
      const a = value(actual, unit);
      const b = value(budget, unit);
      const name = claimName(actual);
      const group = [budget, actual, e];
      model.used.add(budget).add(actual).add(e);
      if (!(b > 0)) {
        if (a === 0 && e.printed === 0) {
          out.push(
            undecidedResult(
              'narrative-execution',
              `narrative-execution/${e.id}`,
              { zh: `“${name}”执行率`, en: `execution rate of "${name}"` },
              { zh: '预算与实际均为零，执行率无从计算', en: 'budget and actual are both zero, so there is no rate' },
              quotes(model, group, 'stated', e),
              lang,
              e.printed,
            ),
          );
        }
        continue;
      }
      const recomputed = (a / b) * 100;
      const [lo, hi] = ratioRange(a, 0.5 * 10 ** -decimals(actual, unit), b, 0.5 * 10 ** -decimals(budget, unit));
      const j = judgeRange(e.printed, e.decimals, recomputed, lo, hi);
      const d = Math.max(decimals(actual, unit), decimals(budget, unit));
      const key = `${name}|${e.printed}|${a}|${b}`;
      if (found.repeated(key, [e])) continue;
      const r = comparisonResult(
        {
          rule: 'narrative-execution',
          id: `narrative-execution/${e.id}`,
          claim: { zh: `“${name}”执行率`, en: `execution rate of "${name}"` },
          basis: { zh: `按实际 ${fmt(a, d)} ÷ 预算 ${fmt(b, d)} 计算为`, en: `actual ${fmt(a, d)} ÷ budget ${fmt(b, d)} gives` },
          stated: e.printed,
          expected: roundTo(recomputed, 6),
          unit: '%',
          decimals: Math.max(e.decimals, 2),
          judgement: j,
          formula: `${name}: ${fmt(e.printed, e.decimals)}% = ${fmt(a, d)} ÷ ${fmt(b, d)} × 100%`,
          where: quotes(model, group, 'stated', e),
        },
        lang,
      );
      found.add(key, r);
    }
    return out;
  },
};
