/**
 * narrative-coverage: the amounts (and growth rates) the text states that no check could compare with anything,
 * each counted as could-not-check with the reason (its subject names nothing the tables or the
 * rest of the text give). Runs last: the other narrative checks mark what they used.
 * Approximate figures, other years' figures, targets and bounds are not claims to check.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult } from '../model/schemas.ts';
import type { Lang } from '../messages.ts';
import type { Check } from './types.ts';
import type { Claim } from '../narrative/claims.ts';
import { narrativeOf } from '../narrative/index.ts';
import { paragraphClaims } from '../narrative/near.ts';
import { claimName, quotes, undecidedResult } from '../narrative/results.ts';

export const narrativeCoverage: Check = {
  id: 'narrative-coverage',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const y = work.doc.year;
    const groups = new Map<string, Claim[]>();
    for (const c of model.claims) {
      // Amounts, and growth rates with nothing to check them by (no change, no last year's figure).
      // (A rate beside approximate figures, `约为13.9亿元…同比增长9%`, is as approximate: not counted.)
      const rate = c.kind === 'rate' && c.depth === 0 && !paragraphClaims(model, c.para).some((x) => x.sentence === c.sentence && x.approx);
      if (!(rate || (c.money && c.kind === 'amount')) || c.approx || c.bound || c.measure === 'target') continue;
      if (c.year !== undefined && y !== undefined && c.year !== y) continue;
      if (model.used.has(c)) continue;
      const key = `${claimName(c)}|${c.value}|${c.unit}`;
      const g = groups.get(key);
      if (g) g.push(c);
      else groups.set(key, [c]);
    }
    const out: CheckResult[] = [];
    for (const g of groups.values()) {
      const c = g[0] as Claim;
      const named = model.named.get(c);
      const withChange = c.kind === 'rate' && paragraphClaims(model, c.para).some((x) => x.sentence === c.sentence && x.kind === 'change');
      const reason = withChange
        ? { zh: '给出了增减额，但正文和表中都没有该项本年数，无法与增长率相互核对', en: 'the change is given, but neither the text nor the tables give this year’s figure to set it against the rate' }
        : c.kind === 'rate'
          ? { zh: '未给出上年数或增减额，表中也没有上年数', en: 'neither last year’s figure nor the change is given, in the text or the tables' }
          : named
            ? { zh: '表中没有可比的数字，正文其他地方也未给出', en: 'neither the tables nor the rest of the text give a figure to compare it with' }
            : { zh: '未能确定所指的是表中哪一项', en: 'what it refers to in the tables could not be identified' };
      // A figure whose words name nothing is called a figure, not by its own digits.
      const what = c.topic || c.subject ? { zh: `正文“${claimName(c)}” ${c.text}`, en: `the text's "${claimName(c)}" ${c.text}` } : { zh: `正文数字 ${c.text}`, en: `the text's figure ${c.text}` };
      out.push(undecidedResult('narrative-coverage', `narrative-coverage/${c.id}`, what, reason, quotes(model, g), lang, c.value));
    }
    return out;
  },
};
