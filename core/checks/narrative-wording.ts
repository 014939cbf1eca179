/**
 * narrative-wording: slips a reader sees without any arithmetic, which say the text was not
 * finished or not read over:
 * - a template's alternative left in before a figure (`增加(减少) 711.72 万元`, `增长/下降 8%`):
 *   the writer was to keep one of the two words;
 * - a placeholder left unfilled (`XX 万元`, `20XX 年`, `×× 局`), or a year half filled in the
 *   document's own name (`202 年度部门决算`, `20  年部门预算`);
 * - a change and no change said of one figure (`增加持平`; `减少为 0.00 万元，与 2024 年持平`);
 * - a word typed twice (`增加增加 584.09 万元`, `的的`), for the words of the statements
 *   themselves only: a repeated table label (`预算编制预算编制科学性`, a form read as text) is not
 *   a slip.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph } from '../model/schemas.ts';
import { type Lang, message } from '../messages.ts';
import type { Check } from './types.ts';
import { foldChars } from '../narrative/fold.ts';
import { narrativeOf } from '../narrative/index.ts';
import { wordingResult } from '../narrative/results.ts';

const UP = '增加|增长|上升|提高|增';
const DOWN = '减少|下降|降低|减';
/** Both directions, one in brackets or after a slash, then the figure: `增加(减少) 711.72`. */
const ALTERNATIVE = new RegExp(`(?:(?:${UP})\\s*[(/]\\s*(?:${DOWN})|(?:${DOWN})\\s*[(/]\\s*(?:${UP}))(?:\\s*\\))?(?=\\s*(?:了\\s*)?[-\\d])`, 'g');
/** An unfilled slot: two or more X or ×, not part of a Latin word. */
const PLACEHOLDER = /(?<![A-Za-z])(?:[Xx]{2,}|×{2,})(?![A-Za-z])/g;
/** A direction and 持平 together: run into one another, or a change's figure then `与 2024 年持平`. */
const CONTRADICTION = new RegExp(
  `(?:${UP}|${DOWN})持平|(?:${UP}|${DOWN})(?:了|为|至)?\\s*-?[\\d,.]+\\s*[万亿]?元\\s*[，,]\\s*(?:与|较|同)\\s*(?:\\d{4}\\s*年度?|上年度?|去年)\\s*持平`,
  'g',
);
/** A year of two or three digits naming the document (`202 年度部门决算情况说明`): its last digits left out. */
const YEAR_CUT = /(?<![\d.,，])20[0-4]?\s*年度?(?=\s*(?:部门|单位)(?:决算|预算))/g;
/** Words of statements typed twice (`的的确确` is a word). */
const DOUBLED = /(增加|减少|增长|下降|降低|上升|提高|主要|用于|其中|万元|比上年|较上年|同比)\s*\1|的的(?!确)/g;

const SLIPS = [
  { re: ALTERNATIVE, severity: 'warning', key: 'narr.alternative' },
  { re: PLACEHOLDER, severity: 'warning', key: 'narr.placeholder' },
  { re: YEAR_CUT, severity: 'warning', key: 'narr.year-cut' },
  { re: CONTRADICTION, severity: 'warning', key: 'narr.contradiction' },
  { re: DOUBLED, severity: 'info', key: 'narr.doubled' },
] as const;

function slipsOf(p: Paragraph, lang: Lang): CheckResult[] {
  const text = foldChars(p.text);
  const out: CheckResult[] = [];
  for (const { re, severity, key } of SLIPS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const end = m.index + m[0].length;
      const words = p.text.slice(m.index, end);
      out.push(wordingResult('narrative-wording', p, m.index, end, { severity, messageKey: key, text: message(key, lang, { words }), formula: '' }, lang));
    }
  }
  return out;
}

export const narrativeWording: Check = {
  id: 'narrative-wording',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    return narrativeOf(work).paragraphs.flatMap((p) => slipsOf(p, lang));
  },
};
