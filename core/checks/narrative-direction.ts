/**
 * narrative-direction: an item said to increase in one place and to decrease in another,
 * against the same year (`办公经费…等支出增加` in one section, `办公费减少 7.01 万元` in
 * another). Items are matched by their classification code when they name one, else by name
 * (办公经费 = 办公费). Qualitative: no figure is recomputed, the two statements are shown.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import { narrativeOf, quoteAt, sentenceSource, stripSelfOf } from '../narrative/index.ts';
import { nameOf } from '../narrative/resolve.ts';

interface Stated {
  key: string;
  item: string;
  sign: 1 | -1;
  base?: number;
  para: number;
  start: number;
  end: number;
  line: number;
}

function itemKey(item: string): string {
  return item.replace(/经费$/, '费').replace(/(?:支出|费用)$/, '');
}

export const narrativeDirection: Check = {
  id: 'narrative-direction',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const strip = stripSelfOf(work);
    const stated: Stated[] = [];
    const keyOf = (item: string) => {
      const n = nameOf(work, item);
      return n?.id.startsWith('econ:') ? n.id : itemKey(item);
    };
    // Statements about budgets (追加, 调减, 年初预算) are not about the year's spending.
    const budgetTalk = (para: number, start: number) => {
      const sent = model.sentencesOf(para).find((x) => x.start <= start && start < Math.max(x.end, x.start + 1));
      const text = sent ? (model.paragraphs[para]?.text ?? '').slice(sent.start, sent.end) : '';
      return /(?<!一般公共)预算|追加|调减|调增|批复/.test(text);
    };
    for (const d of model.directions) if (!budgetTalk(d.para, d.start)) stated.push({ key: keyOf(d.item), item: d.item, sign: d.sign, base: d.base, para: d.para, start: d.start, end: d.end, line: d.line });
    for (const c of model.claims) {
      if (c.kind !== 'change' || !c.money || !c.explicit || c.depth !== 0 || c.value === 0) continue;
      const item = strip(c.subject);
      if (item.length < 2 || budgetTalk(c.para, c.start)) continue;
      stated.push({ key: keyOf(item), item, sign: c.value > 0 ? 1 : -1, base: c.base ?? (work.doc.year ? work.doc.year - 1 : undefined), para: c.para, start: c.start, end: c.end, line: c.line });
    }
    const byKey = new Map<string, Stated[]>();
    for (const s of stated) {
      const k = `${s.key}|${s.base ?? ''}`;
      const l = byKey.get(k);
      if (l) l.push(s);
      else byKey.set(k, [s]);
    }
    const out: CheckResult[] = [];
    for (const list of byKey.values()) {
      const up = list.find((s) => s.sign > 0);
      const down = list.find((s) => s.sign < 0);
      if (!up || !down || up.para === down.para) continue;
      const q = (s: Stated) => quoteAt(model.paragraphs[s.para] as Paragraph, s.start, s.end);
      const where: Where[] = [
        { role: 'stated', label: up.item, value: null, quote: q(up), source: sentenceSource(model.paragraphs[up.para] as Paragraph, up.start, up.end) },
        { role: 'stated', label: down.item, value: null, quote: q(down), source: sentenceSource(model.paragraphs[down.para] as Paragraph, down.start, down.end) },
      ];
      out.push({
        id: `narrative-direction/p${up.para}@${up.start}/${up.key}`,
        rule: 'narrative-direction',
        verdict: 'discrepancy',
        severity: 'warning',
        message: headed(ruleTitle('narrative-direction', lang), lang, message('narr.direction', lang, { item: up.item === down.item ? up.item : `${up.item}／${down.item}`, up: `L${up.line}`, down: `L${down.line}` })),
        messageKey: 'narr.direction',
        stated: null,
        expected: null,
        difference: null,
        tolerance: null,
        formula: `${up.item} ↑ · ${down.item} ↓`,
        where,
      });
    }
    return out;
  },
};
