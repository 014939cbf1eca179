/**
 * Text normalisation shared by every stage. Pure functions, no globals.
 *
 * Disclosures mix full-width and half-width forms (`（）` / `()`, `：` / `:`, `＝` / `=`),
 * wrap text inside cells (`人力资源和社会保 障管理事务`) and use several dash and minus
 * characters. Labels are compared after `compact()`; numbers are read after `toHalfWidth()`.
 */

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** Characters only NFKC knows how to fold (circled numbers, compatibility ideographs …). */
const NEEDS_NFKC = /[\u00a0-\u00ff\u2000-\u200a\u2024-\u2026\u2460-\u24ff\u2e80-\u2fdf\u3200-\u33ff\uf900-\ufaff\ufe30-\ufe6f\uff5f-\uffef]/;
const FULLWIDTH_ASCII = /[\uff01-\uff5e]/g;

const CN_DIGITS = '〇一二三四五六七八九';
/** A year in Chinese numerals before 年 (`二〇二三年`, `二○二四年度`, `一九九八年`). */
const CN_YEAR = /(?:一九|二[〇零○])[〇零○一二三四五六七八九]{2}(?=\s*年)/g;

/**
 * Years written in Chinese numerals (`二〇二三年`) in Arabic digits (`2023年`), one character for
 * one, so offsets stay valid. Cover pages and formal titles often write the year that way.
 */
export function arabicYears(text: string): string {
  if (!text.includes('年')) return text;
  CN_YEAR.lastIndex = 0;
  if (!CN_YEAR.test(text)) return text;
  return text.replace(CN_YEAR, (y) => [...y].map((c) => String(Math.max(0, CN_DIGITS.indexOf(c)))).join(''));
}

/**
 * NFKC plus the few mappings NFKC leaves alone (dashes, ideographic space). The common
 * full-width ASCII forms are folded directly; full NFKC runs only when the text holds
 * other compatibility characters (keeps 10 MB of text well under a second).
 */
export function toHalfWidth(text: string): string {
  let out = text.replace(FULLWIDTH_ASCII, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0)).replace(/\u3000/g, ' ');
  if (NEEDS_NFKC.test(out)) out = out.normalize('NFKC');
  return arabicYears(out.replace(DASHES, '-'));
}

/** Remove every kind of whitespace, including NBSP, U+3000 and zero-width characters. */
export function stripSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g, '');
}

/** Quotes that vary between documents and carry no meaning for matching. */
const QUOTES = /["'“”‘’「」『』〝〞]/g;

const BLANK_TEXT = /^[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]*$/;
/** True when the text holds nothing but whitespace (cheaper than `compact(t) === ''`). */
export function isBlankText(text: string): boolean {
  if (text.length === 0) return true;
  // Most texts start with a visible ASCII character or an ideograph: not blank, told at once.
  const c = text.charCodeAt(0);
  if ((c > 0x20 && c < 0x7f) || (c >= 0x4e00 && c <= 0x9fff)) return false;
  return BLANK_TEXT.test(text);
}

/** Memo for the label normalisers: documents repeat the same short labels many times. */
function memo(fn: (s: string) => string): (s: string) => string {
  const cache = new Map<string, string>();
  return (s: string) => {
    if (s.length > 200) return fn(s);
    let v = cache.get(s);
    if (v === undefined) {
      if (cache.size > 20_000) cache.clear();
      v = fn(s);
      cache.set(s, v);
    }
    return v;
  };
}

/** Normalised form used to compare labels: half-width, no spaces, no quotes. */
export const compact = memo((text: string): string => stripSpaces(toHalfWidth(text)).replace(QUOTES, ''));

const CN_NUMERAL = '[一二三四五六七八九十廿卅百零〇两]+';
/**
 * Leading enumerations such as `一、`, `（一）`, `(十七)`, `廿一、`, `1.`, `1、`, `(1)`, `①`.
 * Applied to compacted text.
 */
const ORDINAL_PREFIX = new RegExp(
  `^(?:(?:\\(${CN_NUMERAL}\\)|${CN_NUMERAL}[、.．]|\\(\\d{1,2}\\)|\\d{1,2}[、.．](?!\\d)|[①-⑳]))+`,
);

/** Label without its enumeration prefix: `八、社会保障和就业支出` → `社会保障和就业支出`. */
export const stripOrdinal = memo((label: string): string => compact(label).replace(ORDINAL_PREFIX, ''));

/** The key used to match labels across tables and against alias lists. */
export const labelKey = memo((label: string): string => stripOrdinal(label).replace(/[()（）\[\]【】:：,，。;；、.]/g, ''));

/**
 * Order of two strings by code unit: the same everywhere (`localeCompare` depends on the
 * runtime's locale data, and its first call builds a collator: ≈ 10 ms of a first audit).
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** True when the text holds at least one CJK ideograph. */
export function hasCjk(text: string): boolean {
  return /[\u3400-\u9fff\uf900-\ufaff]/.test(text);
}

/** Characters that may end a sentence in Chinese text (after toHalfWidth). */
export const SENTENCE_END = /[。!?！？;；]$/;

/** Escape user or document text for use inside a RegExp. */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
