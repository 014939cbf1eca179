/**
 * Length-preserving folding of narrative text: full-width digits, letters and ASCII-like
 * punctuation become ASCII, one character for one, so offsets found in the folded text are
 * offsets in the original paragraph. The Chinese comma `，` is kept (it separates clauses;
 * the ASCII comma between digits is a thousands separator).
 */

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

export function foldChars(text: string): string {
  let out = '';
  let changed = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const f = foldCode(c);
    if (f !== c) changed = true;
    out += String.fromCharCode(f);
  }
  return changed ? out : text;
}
