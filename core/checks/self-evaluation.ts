/**
 * self-evaluation: the 绩效自评表 (performance self-evaluation forms, national templates) as
 * printed in the text, against themselves and against what the text says of them.
 *   - the budget-execution line `预算数(A) 执行数(B) 执行率(B/A) 得分(20 分)(20 分*执行率)` …
 *     `7816.11 7019.95 89.81% 19`: the rate is B/A, the score is weight × rate (at most the
 *     weight);
 *   - a project form's 总分 against the score the text then reports (`自评得分为 100 分`);
 *   - the whole-department form's 预算执行率 against the rate the text gives for the
 *     department's overall spending (`整体支出…预算执行率 89.97%`).
 * Forms printed as tables are read through the same text (PDF text keeps them as lines).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph, Where } from '../model/schemas.ts';
import type { Lang } from '../messages.ts';
import type { Check } from './types.ts';
import { foldChars } from '../narrative/fold.ts';
import { quoteAt, sentenceSource } from '../narrative/index.ts';
import { comparisonResult, fmt } from '../narrative/results.ts';
import { judgeRange, judgeSum, ratioRange } from '../rounding.ts';
import { roundTo } from '../text/numbers.ts';

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
/** `得分（20 分）…（20 分*执行率）… 7816.11 7019.95 89.81% 19` */
const EXECUTION_LINE = new RegExp(String.raw`执行\s*率\s*\(\s*B\s*/\s*A\s*\)[\s\S]{0,40}?得分\s*\(\s*(\d+)\s*分\s*\)[\s\S]{0,120}?(${NUM})\s+(${NUM})\s+(${NUM})\s*%\s+(${NUM})`, 'g');
const TOTAL = /总分\s*(\d+(?:\.\d+)?)(?!\s*%)/g;
const STATED_SCORE = /自评(?:综合)?得分(?:为|是)?\s*(\d+(?:\.\d+)?)\s*分/g;
const WHOLE_FORM = /整体(?:支出)?绩效自评表/;
const FORM_RATE = /预算执行率\s*(?:绩效基本型|[\u4e00-\u9fff]{0,6}型)?\s*(\d+(?:\.\d+)?)\s*%\s+(\d+(?:\.\d+)?)\s*%/g;
const WHOLE_STATED_RATE = /整体[^。]{0,80}?预算执行率(?:为|是|达)?\s*(\d+(?:\.\d+)?)\s*%/g;

interface Hit {
  para: number;
  start: number;
  end: number;
  values: number[];
  texts: string[];
}

function where(p: Paragraph, h: Hit, role: Where['role'], value: number): Where {
  const quote = quoteAt(p, h.start, h.end);
  return { role, label: quote.slice(0, 40), value, quote, source: sentenceSource(p, h.start, h.end) };
}

function decimalsOf(text: string): number {
  return /\.(\d+)$/.exec(text)?.[1]?.length ?? 0;
}

export const selfEvaluation: Check = {
  id: 'self-evaluation',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const paragraphs = work.doc.paragraphs;
    const out: CheckResult[] = [];
    const totals: Hit[] = [];
    const formRates: Hit[] = [];
    const statedRates: Hit[] = [];
    // Where each form starts: a table titled …自评表, or a short heading naming one (not a reference to it).
    const starts: { line: number; whole: boolean }[] = [];
    for (const t of work.doc.tables) if (/自评表/.test(t.title)) starts.push({ line: t.source.line ?? 0, whole: WHOLE_FORM.test(t.title) });
    for (const p of paragraphs) {
      const t = foldChars(p.text);
      if (t.length <= 60 && /自评(?:表|结果)/.test(t) && !/详见|《/.test(t)) starts.push({ line: p.source.line ?? 0, whole: WHOLE_FORM.test(t) });
    }
    starts.sort((a, b) => a.line - b.line);
    const inWhole = (line: number) => starts.filter((x) => x.line <= line).pop()?.whole ?? false;
    for (const p of paragraphs) {
      const text = foldChars(p.text);
      const inWholeForm = inWhole(p.source.line ?? 0);
      // 1. The budget-execution line of a form.
      EXECUTION_LINE.lastIndex = 0;
      for (let m; text.includes('得分') && (m = EXECUTION_LINE.exec(text)); ) {
        const [weight, a, b, rate, score] = [m[1], m[2], m[3], m[4], m[5]].map((x) => x ?? '0') as [string, string, string, string, string];
        const A = Number(a.replace(/,/g, ''));
        const B = Number(b.replace(/,/g, ''));
        const R = Number(rate);
        const S = Number(score);
        const W = Number(weight);
        const at = m.index + m[0].length - score.length;
        const hit: Hit = { para: p.index, start: at, end: m.index + m[0].length, values: [A, B, R, S], texts: [a, b, rate, score] };
        const base: Where = where(p, hit, 'stated', S);
        if (A > 0) {
          const [lo, hi] = ratioRange(B, 0.5 * 10 ** -decimalsOf(b), A, 0.5 * 10 ** -decimalsOf(a));
          out.push(
            comparisonResult(
              {
                rule: 'self-evaluation',
                id: `self-evaluation/p${p.index}@${m.index}/rate`,
                claim: { zh: '自评表执行率（B/A）', en: 'the form’s execution rate (B/A)' },
                basis: { zh: `按 ${b} ÷ ${a} 计算为`, en: `${b} ÷ ${a} gives` },
                stated: R,
                expected: roundTo((B / A) * 100, 6),
                unit: '%',
                decimals: Math.max(decimalsOf(rate), 2),
                judgement: judgeRange(R, decimalsOf(rate), (B / A) * 100, lo, hi),
                formula: `${rate}% = ${b} ÷ ${a} × 100%`,
                where: [{ ...base, value: R }],
              },
              lang,
            ),
          );
        }
        // Score = weight × rate as printed, capped at the weight.
        const expected = roundTo(Math.min(W, (W * R) / 100), 6);
        const j = judgeSum({ value: S, decimals: decimalsOf(score) }, [{ value: R, decimals: decimalsOf(rate) + 2 }], expected, 'eq', false);
        out.push(
          comparisonResult(
            {
              rule: 'self-evaluation',
              id: `self-evaluation/p${p.index}@${m.index}/score`,
              claim: { zh: `自评表预算执行得分（${W} 分 × 执行率）`, en: `the form’s execution score (${W} × rate)` },
              basis: { zh: `按 ${W} × ${rate}% 计算为`, en: `${W} × ${rate}% gives` },
              stated: S,
              expected,
              unit: '分',
              decimals: 2,
              judgement: j,
              formula: `${score} = ${W} × ${rate}%`,
              where: [base],
            },
            lang,
          ),
        );
      }
      // 2. Form totals and stated scores.
      TOTAL.lastIndex = 0;
      for (let m; text.includes('总分') && (m = TOTAL.exec(text)); ) totals.push({ para: p.index, start: m.index, end: m.index + m[0].length, values: [Number(m[1])], texts: [m[1] ?? ''] });
      STATED_SCORE.lastIndex = 0;
      for (let m; text.includes('自评') && (m = STATED_SCORE.exec(text)); ) {
        const stated = Number(m[1]);
        // The form printed just before the results it is summarised in.
        const form = totals.filter((t) => t.para <= p.index && p.index - t.para <= 6).pop();
        if (!form) continue;
        const hit: Hit = { para: p.index, start: m.index, end: m.index + m[0].length, values: [stated], texts: [m[1] ?? ''] };
        const total = form.values[0] as number;
        out.push(
          comparisonResult(
            {
              rule: 'self-evaluation',
              id: `self-evaluation/p${p.index}@${m.index}/total`,
              claim: { zh: '正文所述自评得分', en: 'the self-evaluation score the text gives' },
              basis: { zh: '自评表总分', en: 'the form’s total' },
              stated,
              expected: total,
              unit: '分',
              decimals: 0,
              judgement: judgeSum({ value: stated, decimals: 0, blank: true }, [{ value: total, decimals: 0, blank: true }], total, 'eq', false),
              formula: `${fmt(stated, 0)} = 总分 ${fmt(total, 0)}`,
              where: [where(p, hit, 'stated', stated), where(paragraphs[form.para] as Paragraph, form, 'operand', total)],
            },
            lang,
          ),
        );
      }
      // 3. The whole-department form's 预算执行率 (target, result) and the rate the text states.
      if (inWholeForm) {
        FORM_RATE.lastIndex = 0;
        for (let m; text.includes('预算执行率') && (m = FORM_RATE.exec(text)); ) formRates.push({ para: p.index, start: m.index, end: m.index + m[0].length, values: [Number(m[2])], texts: [m[2] ?? ''] });
      }
      WHOLE_STATED_RATE.lastIndex = 0;
      for (let m; text.includes('整体') && (m = WHOLE_STATED_RATE.exec(text)); ) statedRates.push({ para: p.index, start: m.index + m[0].length - (m[1]?.length ?? 0) - 1, end: m.index + m[0].length, values: [Number(m[1])], texts: [m[1] ?? ''] });
    }
    const form = formRates[0];
    if (form && formRates.every((f) => f.values[0] === form.values[0])) {
      const fp = paragraphs[form.para] as Paragraph;
      for (const s of statedRates) {
        const v = s.values[0] as number;
        const f = form.values[0] as number;
        const d = Math.max(decimalsOf(s.texts[0] ?? ''), decimalsOf(form.texts[0] ?? ''));
        out.push(
          comparisonResult(
            {
              rule: 'self-evaluation',
              id: `self-evaluation/p${s.para}@${s.start}/whole-rate`,
              claim: { zh: '整体绩效自评表的预算执行率', en: "the whole-department form's execution rate" },
              basis: { zh: '正文所述部门整体预算执行率', en: "the text's overall execution rate" },
              stated: f,
              expected: v,
              unit: '%',
              decimals: d,
              judgement: judgeRange(f, d, v, v, v),
              formula: `${fmt(f, d)}% = ${fmt(v, d)}%`,
              where: [where(fp, form, 'stated', f), where(paragraphs[s.para] as Paragraph, s, 'operand', v)],
            },
            lang,
          ),
        );
      }
    }
    return out;
  },
};
