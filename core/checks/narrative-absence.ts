/**
 * narrative-absence: `本部门当年无国有资本经营预算财政拨款支出` against the tables. The words
 * after 无 name a quantity and its scope (国有资本经营预算 → the state-capital table); when the
 * tables hold money for it, the statement is wrong; when they hold none, it is confirmed.
 * `无…收入支出` is checked on both sides.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import { refName } from './identity.ts';
import type { Claim } from '../narrative/claims.ts';
import { narrativeOf, quoteAt, sentenceSource, stripSelfOf } from '../narrative/index.ts';
import { chooseScope, nameOf } from '../narrative/resolve.ts';
import { quantityById } from '../narrative/lexicon.ts';
import { cellWhere, emptyTableWhere, fmt } from '../narrative/results.ts';

export const narrativeAbsence: Check = {
  id: 'narrative-absence',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const strip = stripSelfOf(work);
    const out: CheckResult[] = [];
    const seen = new Set<string>();
    for (const a of model.absences) {
      if (a.year !== undefined && work.doc.year !== undefined && a.year !== work.doc.year) continue;
      // `本年度无该项目支出`: refers back, names nothing.
      if (/^(?:该|此|上述|这|其|相关)/.test(a.what)) continue;
      const what = strip(a.what).replace(/安排的?|发生的?|(?<=.)的(?=支出|收入)/g, '');
      const sides = /收入支出$/.test(what) ? [what.replace(/支出$/, ''), what.replace(/收入(?=支出$)/, '')] : [what];
      for (const side of sides) {
        // `无政府性基金预算`, `没有使用政府性基金预算拨款安排的支出`: a fund named alone is its spending.
        const used = side.replace(/^使用/, '');
        const named = nameOf(work, used) ?? (a.scope && !/(?:支出|收入)$/.test(used) ? nameOf(work, `${used}支出`) : undefined);
        if (!named || named.kind !== 'quantity') continue;
        const spec = quantityById.get(named.id);
        const id = spec?.soft ?? named.id;
        const pseudo = { scope: a.scope, contextScope: undefined, sectionScope: undefined } as unknown as Claim;
        const choice = chooseScope(work, pseudo, id);
        const l = choice.located;
        if (!l) continue;
        const key = `${id}|${l.scope}|${a.para}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const ok = l.value === 0;
        const p = model.paragraphs[a.para] as Paragraph;
        const statement = quoteAt(p, a.start, a.end).replace(/[。；;]$/, '');
        const where: Where[] = [
          { role: 'stated', label: statement, value: 0, quote: statement, source: sentenceSource(p, a.start, a.end) },
          ...l.refs.map((r) => cellWhere(work, r)),
          ...(l.empty ?? []).map((t) => emptyTableWhere(work, t)),
        ];
        out.push({
          id: `narrative-absence/p${a.para}@${a.start}/${id}`,
          rule: 'narrative-absence',
          verdict: ok ? 'ok' : 'discrepancy',
          severity: ok ? 'none' : 'error',
          message: headed(ruleTitle('narrative-absence', lang), lang, message('narr.absence', lang, { statement, expected: fmt(l.value, l.decimals), unit: l.unit, ok })),
          messageKey: 'narr.absence',
          stated: 0,
          expected: l.value,
          difference: ok ? 0 : -l.value,
          tolerance: 0,
          unit: l.unit,
          formula: `0 = ${l.refs.map((r) => refName(work, r)).join(' + ')}`,
          where,
        });
      }
    }
    return out;
  },
};
