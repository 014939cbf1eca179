/**
 * narrative-year: last year's label left in this year's text. A disclosure is usually written
 * over the year before's, and a year that names the document itself or, in a 决算, the
 * department's own doings shows where the text was not updated:
 * - `纳入本部门 2022 年度部门决算编制范围的单位` in a 2023 决算 (the document's own scope);
 * - in a 决算, `2022年度<部门>因公出国(境)团组 0 个` among the year's figures.
 * A year after a comparison (比, 较, 与…相比, 上年), a source (根据, 截至), a range or words about
 * other years' money (结转, 补缴, 下达) is the year before on purpose, and left alone; so is the
 * department's last year in a 预算, whose text tells what was done the year before.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph } from '../model/schemas.ts';
import { type Lang, message } from '../messages.ts';
import type { Check } from './types.ts';
import { foldChars } from '../narrative/fold.ts';
import { narrativeOf, ownNames } from '../narrative/index.ts';
import { wordingResult } from '../narrative/results.ts';

/** Words before a year, in its clause, that make it a year other than the document's on purpose. */
const ON_PURPOSE_BEFORE = /比|较|相比|对比|上年|去年|根据|依据|按照|参照|截至|截止|结转|补缴|下达|以来|(?:与|和|及|同|至|自|从|[-~—])\s*$/;
/** …and after it. */
const ON_PURPOSE_AFTER = /^[^，,。；;：:]*?(?:相比|比较|同期|以来|结转|结余|补缴)/;
const CLAUSE_START = /[，,。；;：:！？!?]/g;

/** The clause a position ends, the department's own names taken out (`…人力资源和社会保障局`). */
function clauseBefore(before: string, own: RegExp): string {
  let at = 0;
  CLAUSE_START.lastIndex = 0;
  for (let m = CLAUSE_START.exec(before); m; m = CLAUSE_START.exec(before)) at = m.index + 1;
  return before.slice(at).replace(own, '');
}

export const narrativeYear: Check = {
  id: 'narrative-year',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const year = work.doc.year;
    if (year === undefined || (work.doc.kind !== 'final' && work.doc.kind !== 'budget')) return [];
    const prior = String(year - 1);
    const kindWord = work.doc.kind === 'final' ? '决算' : '预算';
    // The document itself: `2022年度部门决算编制范围`, `2022年部门预算由…组成`.
    const itself = new RegExp(`^\\s*年度?\\s*(?:本?部门|本?单位)?\\s*${kindWord}(?:编制范围|由|包括|公开)`);
    // In a 决算, the department's own doings of the year: `2022年度<部门>因公出国…`.
    const own = ownNames(work.doc.department).join('|');
    const self = work.doc.kind === 'final' ? new RegExp(`^\\s*年度?\\s*(?:${own})(?!相比|比较|部门?(?:决算|预算))`) : undefined;
    const ownAnywhere = new RegExp(own, 'g');
    const out: CheckResult[] = [];
    const at = new RegExp(`(?<!\\d)${prior}(?!\\d)`, 'g');
    for (const p of narrativeOf(work).paragraphs) {
      const text = foldChars(p.text);
      if (!text.includes(prior)) continue;
      at.lastIndex = 0;
      for (let m = at.exec(text); m; m = at.exec(text)) {
        const rest = text.slice(m.index + 4, m.index + 80);
        const label = itself.exec(rest) ?? self?.exec(rest);
        if (!label) continue;
        if (ON_PURPOSE_BEFORE.test(clauseBefore(text.slice(Math.max(0, m.index - 80), m.index), ownAnywhere))) continue;
        if (ON_PURPOSE_AFTER.test(rest)) continue;
        const end = m.index + 4 + label[0].length;
        out.push(wordingResult('narrative-year', p as Paragraph, m.index, end, { severity: 'warning', messageKey: 'narr.year', text: message('narr.year', lang, { words: p.text.slice(m.index, end), year: String(year) }), formula: `${prior} ≠ ${year}` }, lang));
      }
    }
    return out;
  },
};
