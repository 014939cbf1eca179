/**
 * Text normalisation shared by every stage. Pure functions, no globals.
 *
 * Disclosures mix full-width and half-width forms (`（）` / `()`, `：` / `:`, `＝` / `=`),
 * wrap text inside cells (`人力资源和社会保 障管理事务`) and use several dash and minus
 * characters. Labels are compared after `compact()`; numbers are read after `toHalfWidth()`.
 */

const DASHES = /[\u2010-\u2015\u2212\uFE58\uFE63\uFF0D]/g;

/** NFKC plus the few mappings NFKC leaves alone (dashes, ideographic space). */
export function toHalfWidth(text: string): string {
  return text.normalize('NFKC').replace(DASHES, '-').replace(/\u3000/g, ' ');
}

/** Remove every kind of whitespace, including NBSP, U+3000 and zero-width characters. */
export function stripSpaces(text: string): string {
  return text.replace(/[\s\u00a0\u3000\u200b-\u200d\u2060\ufeff]+/g, '');
}

/** Quotes that vary between documents and carry no meaning for matching. */
const QUOTES = /["'“”‘’「」『』〝〞]/g;

/** Normalised form used to compare labels: half-width, no spaces, no quotes. */
export function compact(text: string): string {
  return stripSpaces(toHalfWidth(text)).replace(QUOTES, '');
}

const CN_NUMERAL = '[一二三四五六七八九十廿卅百零〇两]+';
/**
 * Leading enumerations such as `一、`, `（一）`, `(十七)`, `廿一、`, `1.`, `1、`, `(1)`, `①`.
 * Applied to compacted text.
 */
const ORDINAL_PREFIX = new RegExp(
  `^(?:(?:\\(${CN_NUMERAL}\\)|${CN_NUMERAL}[、.．]|\\(\\d{1,2}\\)|\\d{1,2}[、.．](?!\\d)|[①-⑳]))+`,
);

/** Label without its enumeration prefix: `八、社会保障和就业支出` → `社会保障和就业支出`. */
export function stripOrdinal(label: string): string {
  return compact(label).replace(ORDINAL_PREFIX, '');
}

/** The key used to match labels across tables and against alias lists. */
export function labelKey(label: string): string {
  return stripOrdinal(label).replace(/[()（）\[\]【】:：,，。;；、.]/g, '');
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
