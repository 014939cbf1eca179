/**
 * narrative-comparison: the words comparing an item's actual spending with its budget against
 * the two figures just given for it (`年初预算为 76.33 万元，支出决算为 39.99 万元。决算数小于预算数的
 * 主要原因：…`). A 决算 says this of every item it explains, and a sentence copied from another
 * item keeps the other item's word (`大于` where the figures fall short). The figures are the
 * budget and the actual nearest before the words, in their sentence or the one before, and after
 * any earlier such words of the paragraph. Figures printed equal under `大于` / `小于` (or a cent
 * apart under `等于`) could differ below what is printed: information, not a finding. Words
 * followed by a figure (`决算数大于预算数 55.93 万元`) are a change the execution check reads.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import type { Claim } from '../narrative/claims.ts';
import { narrativeOf, quoteAt, sentenceSource } from '../narrative/index.ts';
import { budgetish, paragraphClaims } from '../narrative/near.ts';
import { claimName, fmt, quotes, valueIn as value } from '../narrative/results.ts';

/** `决算数大于预算数`, `决算数小于年初预算数`, `决算数等于预算数`, `决算数与预算数持平`. */
const WORDING = /决算数?(?:比(?:年初|全年|调整后的?)?预算数?)?(大于|多于|超过|超出|高于|小于|少于|低于|等于)(?:年初|全年|调整后的?)?预算数?|决算数?与(?:年初|全年|调整后的?)?预算数?(?:基本)?(持平|相等|一致)/g;
const FIGURE_AFTER = /^\s*(?:约|为|了)?\s*-?\d/;

/** Words compared without quotes, spaces and the words around an item's name. */
function key(s: string): string {
  return s.replace(/[\s“”"‘’'《》「」]/g, '').replace(/(?:支出|费用|资金)$/, '');
}

/** The item the words name just before them in their clause (`2025 年度“三公”经费支出` → 三公经费), if any. */
function ownItem(before: string): string | undefined {
  const clause = before.slice(Math.max(...[...'，。；：,;:'].map((c) => before.lastIndexOf(c))) + 1);
  const item = key(clause.replace(/\d{4}\s*年度?|其中|本年|全年|当年|支出$|的$/g, '').replace(/^[\s、（）()\d.]+/, ''));
  return /[\u4e00-\u9fff]{2}/.test(item) ? item : undefined;
}

type Relation = 'more' | 'less' | 'equal';
const RELATION: Record<string, Relation> = { 大于: 'more', 多于: 'more', 超过: 'more', 超出: 'more', 高于: 'more', 小于: 'less', 少于: 'less', 低于: 'less', 等于: 'equal', 持平: 'equal', 相等: 'equal', 一致: 'equal' };
const SYMBOL: Record<Relation, string> = { more: '>', less: '<', equal: '=' };

export const narrativeComparison: Check = {
  id: 'narrative-comparison',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const out: CheckResult[] = [];
    model.paragraphs.forEach((p: Paragraph, para) => {
      if (!p.text.includes('预算')) return;
      const claims = paragraphClaims(model, para);
      const sentences = model.sentencesOf(para);
      const sentenceAt = (offset: number) => sentences.findIndex((s) => s.start <= offset && offset < Math.max(s.end, s.start + 1));
      let from = 0;
      for (const m of p.text.matchAll(WORDING)) {
        const at = m.index ?? 0;
        const end = at + m[0].length;
        const floor = from;
        from = end;
        if (FIGURE_AFTER.test(p.text.slice(end, end + 6))) continue;
        const relation = RELATION[m[1] ?? m[2] ?? ''];
        const here = sentenceAt(at);
        if (!relation || here < 0) continue;
        const lowest = sentences[Math.max(0, here - 1)]?.start ?? 0;
        const money = (x: Claim) => x.kind === 'amount' && x.money && !x.approx && !x.bound && x.depth === 0 && x.end <= at && x.start >= Math.max(floor, lowest);
        // Words naming their item (`“三公”经费支出决算数小于预算数`) compare that item's figures.
        const item = ownItem(p.text.slice(Math.max(floor, lowest), at));
        const near = claims.filter((x) => money(x) && (!item || key(x.topic).includes(item)));
        const budget = near.findLast((x) => budgetish(x));
        // The budget's item's actual (not an item listed after it: `预算为14.00万元，支出决算为10.00万元，其中：…公务接待费…1.20万元`).
        const actual = budget && near.findLast((x) => !budgetish(x) && x.measure !== 'target' && (!x.topic || !budget.topic || x.topic === budget.topic));
        if (!budget || !actual || budget.unit !== actual.unit) continue;
        const unit = actual.unit;
        const [a, b] = [value(actual, unit), value(budget, unit)];
        const decimals = Math.max(actual.decimals, budget.decimals);
        const step = 10 ** -decimals;
        const d = Math.round((a - b) / step);
        // Against the figures as printed: which relation they show, and whether rounding could hide another.
        const shown: Relation = d > 0 ? 'more' : d < 0 ? 'less' : 'equal';
        const hidden = relation === 'equal' ? Math.abs(d) === 1 : d === 0;
        const verdict = shown === relation ? 'ok' : hidden ? 'rounding' : 'discrepancy';
        const words = quoteAt(p, at, end);
        // Named by its figures' item, else by the last item the paragraph named before them.
        const named = [actual, budget].find((x) => x.topic) ?? claims.findLast((x) => x.topic && x.end <= budget.start);
        const name = named ? claimName(named) : lang === 'zh' ? '该项' : 'the item';
        const where = [{ role: 'stated' as const, label: words, value: null, quote: words, source: sentenceSource(p, at, end) }, ...quotes(model, [budget, actual], 'operand')];
        out.push({
          id: `narrative-comparison/p${para}@${at}`,
          rule: 'narrative-comparison',
          verdict,
          severity: verdict === 'discrepancy' ? 'warning' : verdict === 'rounding' ? 'info' : 'none',
          message: headed(
            ruleTitle('narrative-comparison', lang),
            lang,
            message('narr.comparison', lang, { words, name, actual: fmt(a, actual.decimals), budget: fmt(b, budget.decimals), unit, shown: SYMBOL[shown], verdict }),
          ),
          messageKey: 'narr.comparison',
          stated: a,
          expected: b,
          difference: Math.round((a - b) * 1e6) / 1e6,
          tolerance: 0,
          unit,
          formula: `${name}: ${fmt(a, actual.decimals)} ${SYMBOL[relation]} ${fmt(b, budget.decimals)}`,
          where,
        });
      }
    });
    return out;
  },
};
