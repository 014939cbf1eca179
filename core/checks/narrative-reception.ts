/**
 * narrative-reception: a 决算 that states its 公务接待费 says how many domestic receptions it paid
 * for and for how many people (`国内公务接待6批次、45人次`), as the disclosure template asks — a
 * count of foreign guests alone (`接待外宾 0 批次、0 人次`) is not it. Said of the text only, once:
 * stated, or not stated (information, a gap in the write-up, not a wrong figure). A text that says
 * there was no reception at all (`无公务接待`) needs no count. A 预算 is not asked.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import { foldChars } from '../narrative/fold.ts';
import { narrativeOf, quoteAt, sentenceSource, sentenceSpan } from '../narrative/index.ts';

/** A reception's cost stated with its figure (`公务接待费支出1.20万元`, `公务接待费支出决算为 0.00 万元`). */
const STATED = /公务接待(?:费|支出)(?:支出)?(?:决算)?(?:数)?(?:为)?\s*-?\d[\d,.]*\s*万?元/;
/** A count of receptions and of people (`6批次、45人次`). */
const COUNT = /(\d+)\s*(?:个)?批次[^。；;]{0,12}?(\d+)\s*人次/g;
const FOREIGN = /外宾|外事|外国|境外|外籍/;
const NONE = /(?:无|未发生|没有)(?:国内)?公务接待/;

export const narrativeReception: Check = {
  id: 'narrative-reception',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    if (work.doc.kind !== 'final') return [];
    const paragraphs = narrativeOf(work).paragraphs;
    let stated: { p: Paragraph; at: number; end: number } | undefined;
    let counted: { p: Paragraph; at: number; end: number } | undefined;
    for (const p of paragraphs) {
      const text = foldChars(p.text);
      // A definition (名词解释: `公务接待费：指…`, `…反映…`) states no cost.
      const m = STATED.exec(text);
      if (m && !stated) stated = { p, at: m.index, end: m.index + m[0].length };
      if (NONE.test(text)) return [];
      for (const c of text.matchAll(COUNT)) {
        const at = c.index ?? 0;
        if (FOREIGN.test(text.slice(Math.max(0, at - 12), at))) continue;
        counted ??= { p, at, end: at + c[0].length };
      }
    }
    if (!stated) return [];
    const at = counted ?? stated;
    const [from, to] = sentenceSpan(at.p, at.at, at.end);
    const quote = quoteAt(at.p, from, to);
    const ok = !!counted;
    return [
      {
        id: 'narrative-reception',
        rule: 'narrative-reception',
        verdict: ok ? 'ok' : 'discrepancy',
        severity: ok ? 'none' : 'info',
        message: headed(ruleTitle('narrative-reception', lang), lang, message('narr.reception', lang, { ok })),
        messageKey: 'narr.reception',
        stated: null,
        expected: null,
        difference: null,
        tolerance: null,
        formula: '',
        where: [{ role: 'stated', label: quote, value: null, quote, source: sentenceSource(at.p, from, to) }],
      },
    ];
  },
};
