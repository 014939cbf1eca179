/**
 * Length-preserving folding of narrative text: full-width digits, letters and ASCII-like
 * punctuation become ASCII, one character for one, so offsets found in the folded text are
 * offsets in the original paragraph. The Chinese comma `，` is kept (it separates clauses;
 * the ASCII comma between digits is a thousands separator).
 */

import { arabicYears } from '../text/normalize.ts';

const KEEP = new Set([0xff0c]); // ，

function foldCode(code: number): number {
  if (code >= 0xff01 && code <= 0xff5e && !KEEP.has(code)) return code - 0xfee0;
  switch (code) {
    case 0x3000: // ideographic space
    case 0x00a0: // no-break space
    case 0x2002:
    case 0x2003:
    case 0x2009:
      return 0x20;
    case 0x2212: // minus sign
    case 0x2013: // en dash between numbers is read as a minus only after folding checks
      return 0x2d;
    case 0x3001: // 、 kept
      return code;
    default:
      return code;
  }
}

const NEEDS_FOLD = /[\uff01-\uff0b\uff0d-\uff5e\u3000\u00a0\u2002\u2003\u2009\u2212\u2013]/;

/** A full-width comma inside a number written in full-width digits (`９，４５２．１７`) groups thousands. */
const GROUPING_COMMA = /(?<=\d)，(?=\d{3}(?!\d))/g;
/**
 * … and in a figure of ASCII digits and its unit (`3，518.85万元`, the comma typed in the Chinese
 * input mode): one to three digits, the comma, three digits and the decimals, then the unit.
 */
const GROUPING_COMMA_ASCII = /(?<=(?<![\d.,])\d{1,3})，(?=\d{3}\.\d{1,2}\s*[万亿]?元)/g;

export function foldChars(text: string): string {
  if (text.includes('，')) text = text.replace(GROUPING_COMMA_ASCII, ',');
  if (!NEEDS_FOLD.test(text)) return arabicYears(text);
  let folded = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0xa0) continue;
    const f = foldCode(c);
    if (f === c) continue;
    folded += text.slice(from, i) + String.fromCharCode(f);
    from = i + 1;
  }
  folded += text.slice(from);
  return arabicYears(/[\uff10-\uff19]，[\uff10-\uff19]/.test(text) ? folded.replace(GROUPING_COMMA, ',') : folded);
}
