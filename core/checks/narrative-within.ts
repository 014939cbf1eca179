/**
 * narrative-within: a figure the text gives as a part of a whole, which cannot exceed it, though
 * it need not equal it:
 * - what government procurement sets aside for small and medium enterprises (`面向中小企业预留…`)
 *   ≤ the procurement budget the text gives before it; what of that goes to small and micro
 *   enterprises (`预留给小型和微型企业…`) ≤ the set-aside;
 * - the budget of the projects under performance targets (`编报绩效目标的项目…个，涉及预算金额…`)
 *   ≤ the tables' 项目支出; of all spending under targets (`整体绩效目标，涉及预算支出…`) ≤ the
 *   tables' 本年支出合计.
 * The whole from the text is the nearest figure before the part, in its paragraph or the two
 * before it, whose subject names the whole; without one, nothing is said.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Unit } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import type { Claim } from '../narrative/claims.ts';
import { narrativeOf, sentenceSpan, stripSelfOf } from '../narrative/index.ts';
import { chooseScope } from '../narrative/resolve.ts';
import { cellWhere, claimFigure, claimName, fmt, quotes } from '../narrative/results.ts';
import { judgeSum } from '../rounding.ts';
import { refName } from './identity.ts';

const SME = /面向中小(?:微)?企业预留|预留(?:给)?中小(?:微)?企业|为中小(?:微)?企业预留/;
const SMALL = /预留(?:给)?小(?:型和|型、)?微(?:型)?企业|(?:授予|面向)小(?:型和|型、)?微(?:型)?企业/;
/** The procurement budget itself (not its 货物 / 工程 / 服务 parts, not a set-aside). */
const PROCUREMENT = /^政府采购(?:预算)?(?:总额|金额|资金)?$/;
/** `涉及项目预算资金`, `涉及预算支出`, `涉及资金` in a sentence about performance targets. */
const UNDER_TARGETS = /^涉及(?:项目)?(?:预算)?(?:资金|支出|金额)?$/;

type Whole = { claim: Claim } | { quantity: 'project' | 'expense-total' };

export const narrativeWithin: Check = {
  id: 'narrative-within',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const strip = stripSelfOf(work);
    const out: CheckResult[] = [];
    const money = model.claims.filter((c) => c.kind === 'amount' && c.money && !c.approx && c.depth === 0);
    const subject = (c: Claim) => strip(c.subject).replace(/^\d{4}年度?/, '');
    /** The nearest figure before `c` (its paragraph or the two before) whose subject `test` accepts. */
    const wholeBefore = (c: Claim, test: (s: string) => boolean) => money.findLast((x) => x.para <= c.para && x.para >= c.para - 2 && (x.para < c.para || x.start < c.start) && test(subject(x)));
    const sentenceOf = (c: Claim) => {
      const p = model.paragraphs[c.para];
      return p ? p.text.slice(...sentenceSpan(p, c.start, c.end)) : '';
    };
    for (const c of money) {
      const s = subject(c);
      let whole: Whole | undefined;
      if (SMALL.test(s)) {
        const w = wholeBefore(c, (x) => SME.test(x) && !SMALL.test(x));
        if (w) whole = { claim: w };
      } else if (SME.test(s)) {
        const w = wholeBefore(c, (x) => PROCUREMENT.test(x));
        if (w) whole = { claim: w };
      } else if (UNDER_TARGETS.test(s)) {
        // the projects' budget (`编报绩效目标的项目28个，涉及预算金额…`), or the department's whole spending (`整体绩效目标`)
        const sentence = sentenceOf(c);
        if (/绩效目标|绩效管理/.test(sentence)) whole = { quantity: /整体/.test(sentence) || !/项目/.test(sentence) ? 'expense-total' : 'project' };
      }
      if (!whole) continue;
      const part = c;
      let w: { value: number; decimals: number; unit: Unit; name: string; where: CheckResult['where'] };
      if ('claim' in whole) {
        const u = whole.claim.unit as Unit;
        w = { ...claimFigure(whole.claim, u), unit: u, name: claimName(whole.claim), where: quotes(model, [whole.claim], 'operand') };
      } else {
        const l = chooseScope(work, { ...part, scope: 'all' }, whole.quantity).located;
        if (!l) continue;
        w = { value: l.value, decimals: l.decimals, unit: l.unit, name: l.refs.map((r) => refName(work, r)).join(' + '), where: l.refs.map((r) => cellWhere(work, r)) };
      }
      const p = claimFigure(part, w.unit);
      const j = judgeSum({ value: w.value, decimals: w.decimals }, [p], p.value, 'ge');
      const name = claimName(part);
      model.used.add(part);
      if ('claim' in whole) model.used.add(whole.claim);
      out.push({
        id: `narrative-within/${part.id}`,
        rule: 'narrative-within',
        verdict: j.verdict,
        severity: j.severity,
        message: headed(ruleTitle('narrative-within', lang), lang, message('narr.within', lang, { part: name, partValue: fmt(p.value, p.decimals), whole: w.name, wholeValue: fmt(w.value, w.decimals), unit: w.unit, verdict: j.verdict })),
        messageKey: 'narr.within',
        stated: p.value,
        expected: w.value,
        difference: Math.round((p.value - w.value) * 1e6) / 1e6,
        tolerance: j.tolerance,
        unit: w.unit,
        formula: `${name} ${fmt(p.value, p.decimals)} ≤ ${w.name} ${fmt(w.value, w.decimals)}`,
        where: [...quotes(model, [part], 'stated'), ...w.where],
      });
    }
    return out;
  },
};
