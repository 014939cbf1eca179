/**
 * Is this a 预决算 disclosure page? Two cheap stages, pure functions of a few page signals:
 *
 *   1. the gate (`isDisclosurePage`): the URL's path tokens (czyjs, yjsgk, bmjs …), the 《政府网站
 *      发展指引》 meta tags (ArticleTitle, ColumnName …), the title and the first headings. It reads
 *      a handful of short strings, so it costs a few microseconds; every other page stops here;
 *   2. the table look (`hasDisclosureTables`): only when the gate passes, the page's tables are
 *      glanced at (their first rows) for the words of budget tables — listing pages of a 预决算
 *      column pass the gate but have no such tables, and get no audit.
 *
 * Words and tokens are data: [`data/pages.json`](../../data/pages.json).
 */
import pagesJson from '../../data/pages.json' with { type: 'json' };
import type { PagesFile } from './page-data.ts';

export interface PageSignals {
  url: string;
  title: string;
  /** `ArticleTitle`, `ColumnName`, `ColumnKeywords`, `Keywords`, `Description` … (name → content). */
  metas: Record<string, string>;
  /** The first few headings' text, when read (only pages whose URL could be an article's). */
  headings?: string[];
}

export interface GateResult {
  pass: boolean;
  /** What decided it (for the popup and the tests). */
  reason: string;
}

const pages: PagesFile = pagesJson;
const TOKENS = new Set(pages.urlTokens.map((t) => t.toLowerCase()));
const TABLE_WORDS = new RegExp(pages.tableWords.join('|'), 'g');

/** Does any word occur in the text? (plain substring tests: nothing to compile on a page's first call) */
function hasAny(text: string, words: readonly string[]): boolean {
  for (const w of words) if (text.includes(w)) return true;
  return false;
}

/**
 * A 预决算 path token: a path segment (split at / _ . - ? = &) that is a token, or a token
 * followed by digits (`czyjs2024`). Plain character tests, no regular expression: on a page's
 * first call a regular expression is compiled, and the gate runs once per page.
 */
export function hasUrlToken(path: string): boolean {
  const lower = path.toLowerCase();
  let start = 0;
  for (let i = 0; i <= lower.length; i++) {
    const c = i < lower.length ? lower.charCodeAt(i) : 47;
    // / _ . - ? = &
    if (c !== 47 && c !== 95 && c !== 46 && c !== 45 && c !== 63 && c !== 61 && c !== 38) continue;
    if (i > start && isTokenSegment(lower.slice(start, i))) return true;
    start = i + 1;
  }
  return false;
}

function isTokenSegment(seg: string): boolean {
  if (TOKENS.has(seg)) return true;
  let letters = 0;
  while (letters < seg.length && seg.charCodeAt(letters) >= 97 && seg.charCodeAt(letters) <= 122) letters++;
  if (letters === 0 || letters === seg.length) return false;
  for (let i = letters; i < seg.length; i++) if (seg.charCodeAt(i) < 48 || seg.charCodeAt(i) > 57) return false;
  return TOKENS.has(seg.slice(0, letters));
}

/** The text without white space (what `replace(/\s+/g, '')` gives), by character tests. */
function squeeze(text: string): string {
  let out = '';
  let from = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    const space = c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
    if (!space) continue;
    out += text.slice(from, i);
    from = i + 1;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** Host and path (with the query) of a URL, by string search (no URL parser on the first call). */
export function splitUrl(url: string): { host: string; path: string } {
  const scheme = url.indexOf('://');
  const rest = scheme >= 0 ? url.slice(scheme + 3) : url;
  let end = rest.length;
  for (let i = 0; i < rest.length; i++) {
    const c = rest.charCodeAt(i);
    if (c === 47 || c === 63 || c === 35) {
      end = i;
      break;
    }
  }
  if (scheme < 0) return { host: '', path: url };
  let host = rest.slice(0, end);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !host.endsWith(']')) host = host.slice(0, colon);
  let path = rest.slice(end);
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  if (!path.startsWith('/')) path = `/${path}`;
  return { host: host.toLowerCase(), path };
}

/** The gate: cheap, and false unless a disclosure is likely. */
export function isDisclosurePage(s: PageSignals): GateResult {
  const { host, path } = splitUrl(s.url);
  let text = s.title;
  for (const n of pages.metaNames) text += s.metas[n] ?? '';
  for (const h of s.headings ?? []) text += h;
  text = squeeze(text);
  if (hasAny(text, pages.strongWords)) return { pass: true, reason: 'words' };
  const token = hasUrlToken(path);
  if (token && hasAny(text, pages.weakWords)) return { pass: true, reason: 'url+words' };
  if (token && host.endsWith('.gov.cn') && /\/(?:t\d{8}_|art_|post_|content\/|info\/)\d*/.test(path)) return { pass: true, reason: 'url-article' };
  return { pass: false, reason: token ? 'url-only' : 'none' };
}

type Tagged = ArrayLike<{ textContent: string | null; getAttribute(name: string): string | null }>;

/** Minimal DOM the signal readers use (browser DOM and linkedom both fit). */
export interface SignalDocument {
  title: string;
  head?: { getElementsByTagName(name: string): Tagged } | null;
  getElementsByTagName(name: string): Tagged;
}

const MAX_HEADINGS = 4;
const MAX_TEXT = 120;
const MAX_METAS = 64;

/** Read the URL, the title and the meta tags of <head>: a few short strings, bounded. */
export function pageSignals(doc: SignalDocument, url: string): PageSignals {
  const metas: Record<string, string> = {};
  const ms = (doc.head ?? doc).getElementsByTagName('meta');
  for (let i = 0; i < MAX_METAS; i++) {
    const m = ms[i];
    if (!m) break;
    const name = m.getAttribute('name');
    if (name && pages.metaNames.includes(name)) metas[name] = (m.getAttribute('content') ?? '').slice(0, MAX_TEXT);
  }
  return { url, title: (doc.title ?? '').slice(0, MAX_TEXT), metas };
}

/**
 * The first few headings. Looking for a tag that a page lacks scans the whole page, so this is
 * read only where it can decide: on pages whose URL could be an article's.
 */
export function readHeadings(doc: SignalDocument): string[] {
  const headings: string[] = [];
  for (const tag of ['h1', 'h2', 'h3']) {
    const hs = doc.getElementsByTagName(tag);
    for (let i = 0; i < MAX_HEADINGS; i++) {
      const h = hs[i];
      if (!h) break;
      const t = (h.textContent ?? '').slice(0, MAX_TEXT).trim();
      if (t) headings.push(t);
    }
  }
  return headings;
}

const ARTICLE_DIRS = ['/art/', '/art_', '/post/', '/post_', '/content/', '/content_', '/info/', '/info_', '/detail/', '/detail_'];

/**
 * A URL that may be an article's: a page file named with a run of digits (t20240920_123.html,
 * 2024/0315/123.shtml), or an art/post/content/info/detail path. By string tests, as the gate.
 */
export function isArticleUrl(url: string): boolean {
  const { path } = splitUrl(url);
  const q = path.indexOf('?');
  const file = (q >= 0 ? path.slice(0, q) : path).toLowerCase();
  for (const d of ARTICLE_DIRS) if (file.includes(d)) return true;
  const name = file.slice(file.lastIndexOf('/') + 1);
  if (!(name.endsWith('.html') || name.endsWith('.htm') || name.endsWith('.shtml') || name.endsWith('.shtm'))) return false;
  let run = 0;
  for (let i = 0; i < name.length; i++) {
    const c = name.charCodeAt(i);
    run = c >= 48 && c <= 57 ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/** The gate on a document: URL, title and metas first; headings only when they can decide. */
export function checkPage(doc: SignalDocument, url: string): GateResult {
  const s = pageSignals(doc, url);
  const first = isDisclosurePage(s);
  if (first.pass || !(first.reason === 'url-only' || isArticleUrl(url))) return first;
  s.headings = readHeadings(doc);
  return isDisclosurePage(s);
}

export interface TableLook {
  tables: number;
  /** Tables whose first rows carry budget-table words. */
  budgetTables: number;
}

/** A glance at the tables: the text of their first rows only. */
export function lookAtTables(tables: ArrayLike<{ textContent: string | null; rows?: ArrayLike<{ textContent: string | null }> }>, maxTables = 200): TableLook {
  let budgetTables = 0;
  const n = Math.min(tables.length, maxTables);
  for (let i = 0; i < n; i++) {
    const t = tables[i];
    if (!t) continue;
    let head = '';
    const rows = t.rows;
    if (rows && rows.length) for (let r = 0; r < rows.length && r < 4; r++) head += rows[r]?.textContent ?? '';
    else head = (t.textContent ?? '').slice(0, 400);
    const words = new Set(head.replace(/\s+/g, '').match(TABLE_WORDS) ?? []);
    if (words.size >= pages.minTableWords) budgetTables++;
  }
  return { tables: tables.length, budgetTables };
}

export function hasDisclosureTables(look: TableLook): boolean {
  return look.budgetTables > 0;
}
