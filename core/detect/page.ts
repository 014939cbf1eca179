/**
 * Is this a 预决算 disclosure page? Two cheap stages, pure functions of a few page signals:
 *
 *   1. the gate (`checkPage`, `isDisclosurePage`): the URL's path tokens (czyjs, yjsgk, bmjs …),
 *      the 《政府网站发展指引》 meta tags (ArticleTitle, ColumnName …), the title and the first
 *      headings. It reads a handful of short strings (in the browser by one XPath call), well
 *      under a millisecond on a page's first call; every other page stops here;
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

/*
 * The gate runs once per page, on its first call: V8 runs it in its interpreter, before any
 * feedback is collected, where each JavaScript step costs far more than later (measured in a
 * content script: a loop over a URL's characters ≈ 0.1 ms, a regular expression's first use
 * ≈ 0.3 ms, the first touch of an element ≈ 0.4 ms). So the gate reads the page in one XPath call
 * and works with calls into native string functions (indexOf, split), not loops over characters
 * or regular expressions.
 */

/** Does any word occur in the text? */
function hasAny(text: string, words: readonly string[]): boolean {
  for (let i = 0; i < words.length; i++) if (text.indexOf(words[i]!) >= 0) return true;
  return false;
}

const TOKEN_LIST = [...TOKENS];
/** Characters that split a URL path into segments. */
const SEPARATORS = '/_.-?=&';

function isDigitAt(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  return c >= 48 && c <= 57;
}

/**
 * A 预决算 path token: a path segment (split at / _ . - ? = &) that is a token, or a token
 * followed by digits (`czyjs2024`). Each token is looked for with indexOf; only its (rare)
 * occurrences are looked at character by character.
 */
export function hasUrlToken(path: string): boolean {
  const lower = path.toLowerCase();
  for (let k = 0; k < TOKEN_LIST.length; k++) {
    const token = TOKEN_LIST[k]!;
    for (let i = lower.indexOf(token); i >= 0; i = lower.indexOf(token, i + 1)) {
      if (i > 0 && SEPARATORS.indexOf(lower[i - 1]!) < 0) continue;
      let j = i + token.length;
      while (j < lower.length && isDigitAt(lower, j)) j++;
      if (j === lower.length || SEPARATORS.indexOf(lower[j]!) >= 0) return true;
    }
  }
  return false;
}

/** The white space characters (what `\s` matches). */
export const SPACES = ' \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff';

/** The text without white space (what `replace(/\s+/g, '')` gives), by native split and join. */
function squeeze(text: string): string {
  for (let k = 0; k < SPACES.length; k++) {
    const c = SPACES[k]!;
    if (text.indexOf(c) >= 0) text = text.split(c).join('');
  }
  return text;
}

/** The first index of any of three characters, or -1. */
function firstOf(s: string, a: string, b: string, c: string): number {
  const i = s.indexOf(a);
  const j = s.indexOf(b);
  const k = s.indexOf(c);
  let end = i;
  if (j >= 0 && (end < 0 || j < end)) end = j;
  if (k >= 0 && (end < 0 || k < end)) end = k;
  return end;
}

/** Host and path (with the query) of a URL, by string search (no URL parser on the first call). */
export function splitUrl(url: string): { host: string; path: string } {
  const scheme = url.indexOf('://');
  if (scheme < 0) return { host: '', path: url };
  const rest = url.slice(scheme + 3);
  const slash = firstOf(rest, '/', '?', '#');
  const end = slash < 0 ? rest.length : slash;
  let host = rest.slice(0, end);
  const at = host.lastIndexOf('@');
  if (at >= 0) host = host.slice(at + 1);
  const colon = host.lastIndexOf(':');
  if (colon >= 0 && !host.endsWith(']')) host = host.slice(0, colon);
  let path = rest.slice(end);
  const hash = path.indexOf('#');
  if (hash >= 0) path = path.slice(0, hash);
  if (path[0] !== '/') path = `/${path}`;
  return { host: host.toLowerCase(), path };
}

/**
 * The signals' text without white space: title, metas and headings joined by `|` (so that no word
 * is found across two of them).
 */
function signalText(s: PageSignals): string {
  let text = s.title;
  for (let i = 0; i < pages.metaNames.length; i++) text += `|${s.metas[pages.metaNames[i]!] ?? ''}`;
  const hs = s.headings ?? [];
  for (let i = 0; i < hs.length; i++) text += `|${hs[i]}`;
  return squeeze(text);
}

/** The gate: cheap, and false unless a disclosure is likely. */
export function isDisclosurePage(s: PageSignals): GateResult {
  return decide(signalText(s), splitUrl(s.url));
}

function decide(text: string, { host, path }: { host: string; path: string }): GateResult {
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
  getElementsByTagName(name: string): Tagged;
  querySelectorAll(selectors: string): Tagged;
}

/**
 * The meta tags read: those in the head, and those a stray element before them pushed into the
 * body (the parser puts them there, as children of body). Not the whole page: a page of 30,000
 * elements costs 0.3 ms per name when every element is looked at.
 */
const META_SELECTOR = 'head > meta, body > meta';
/** Headings read: the first few h1–h3 (each heading found costs a walk over the page in XPath). */
const MAX_HEADINGS = 4;
const MAX_TEXT = 120;
const MAX_METAS = 64;

/**
 * Read the URL, the title and the meta tags (the first of each name): a few short strings,
 * bounded. What SIGNALS_XPATH reads in the browser.
 */
export function pageSignals(doc: SignalDocument, url: string): PageSignals {
  const metas: Record<string, string> = {};
  const ms = doc.querySelectorAll(META_SELECTOR);
  for (let i = 0; i < MAX_METAS; i++) {
    const m = ms[i];
    if (!m) break;
    const name = m.getAttribute('name');
    if (name && pages.metaNames.includes(name) && !(name in metas)) metas[name] = (m.getAttribute('content') ?? '').slice(0, MAX_TEXT);
  }
  return { url, title: (doc.title ?? '').slice(0, MAX_TEXT), metas };
}

/**
 * The first few h1–h3 headings, in document order (what HEADINGS_XPATH reads in the browser).
 * Looking for headings scans the whole page, so this is read only where it can decide: on pages
 * whose URL could be an article's.
 */
export function readHeadings(doc: SignalDocument): string[] {
  const headings: string[] = [];
  const hs = doc.querySelectorAll('h1,h2,h3');
  for (let i = 0; i < MAX_HEADINGS; i++) {
    const h = hs[i];
    if (!h) break;
    const t = (h.textContent ?? '').slice(0, MAX_TEXT).trim();
    if (t) headings.push(t);
  }
  return headings;
}

const ARTICLE_DIRS = ['/art/', '/art_', '/post/', '/post_', '/content/', '/content_', '/info/', '/info_', '/detail/', '/detail_'];

/**
 * A URL that may be an article's: a page file named with a run of digits (t20240920_123.html,
 * 2024/0315/123.shtml), or an art/post/content/info/detail path. By string tests, as the gate.
 */
export function isArticleUrl(url: string): boolean {
  return isArticlePath(splitUrl(url).path);
}

function isArticlePath(path: string): boolean {
  const q = path.indexOf('?');
  const file = (q >= 0 ? path.slice(0, q) : path).toLowerCase();
  for (let i = 0; i < ARTICLE_DIRS.length; i++) if (file.indexOf(ARTICLE_DIRS[i]!) >= 0) return true;
  const name = file.slice(file.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  const ext = dot < 0 ? '' : name.slice(dot);
  if (ext !== '.html' && ext !== '.htm' && ext !== '.shtml' && ext !== '.shtm') return false;
  let run = 0;
  for (let i = 0; i < dot; i++) {
    run = isDigitAt(name, i) ? run + 1 : 0;
    if (run >= 3) return true;
  }
  return false;
}

/** A document that answers XPath (the browser's). */
export interface XPathDocument {
  evaluate(expression: string, context: unknown, resolver: null, type: number, result: null): { stringValue: string };
}

/** XPath: the first `tag` element's (or attribute's) text, cut to MAX_TEXT characters. */
const cut = (path: string) => `substring(string(${path}),1,${MAX_TEXT})`;
/** XPath: the parts joined by `|`, white space taken out (as `signalText`). */
const joined = (parts: string[]) => `translate(concat(${parts.join(",'|',")}),'${SPACES}','')`;
/**
 * The title and the meta tags' text, as `signalText` gives it. Paths from the root, as
 * META_SELECTOR: `//meta` would look at every element of the page, once per name.
 */
export const SIGNALS_XPATH = joined([
  cut('(/html/head/title|/html/body/title)'),
  ...pages.metaNames.map((n) => cut(`(/html/head/meta[@name='${n}']|/html/body/meta[@name='${n}'])/@content`)),
]);
/**
 * The first few h1–h3 headings, joined (to follow SIGNALS_XPATH). A union of three name tests:
 * each is one native walk of the page, where a test on every element (`//*[self::h1 or …]`) costs
 * some twenty times more (measured in Chromium on a page of 32,000 elements: 0.9 ms against 18 ms
 * per heading).
 */
export const HEADINGS_XPATH = joined(['""', ...Array.from({ length: MAX_HEADINGS }, (_, i) => cut(`(//h1|//h2|//h3)[${i + 1}]`))]);
const XPATH_STRING = 2;

/** What the gate reads of a location (`window.location` fits). */
export interface PageLocation {
  href: string;
  hostname: string;
  pathname: string;
  search: string;
}

/**
 * The gate on a document: URL, title and metas; the first headings too where the URL says they
 * can decide and the rest has not. In the browser the signals are read by XPath, native calls
 * that wrap no element (a content script's first touch of an element costs more than the gate
 * itself); elsewhere (linkedom) by elements.
 */
export function checkPage(doc: SignalDocument | (SignalDocument & XPathDocument), url: string | PageLocation): GateResult {
  const xpath = 'evaluate' in doc && typeof doc.evaluate === 'function' ? (doc as XPathDocument) : undefined;
  // A location is read as it is (no parsing), a URL string split.
  const parts = typeof url === 'string' ? splitUrl(url) : { host: url.hostname, path: url.pathname + url.search };
  if (typeof url !== 'string') url = url.href;
  // Headings are read only where they can decide: the URL has a token or is an article's, and the
  // title and metas name no disclosure outright. Finding them walks the whole page (a few ms on a
  // page of 30,000 elements), the title and metas are a few steps from the root.
  const headings = hasUrlToken(parts.path) || isArticlePath(parts.path);
  if (xpath) {
    try {
      const read = (expression: string) => xpath.evaluate(expression, doc, null, XPATH_STRING, null).stringValue;
      const text = read(SIGNALS_XPATH);
      return decide(headings && !hasAny(text, pages.strongWords) ? text + read(HEADINGS_XPATH) : text, parts);
    } catch {
      // a document that refuses XPath (an XML document with its own namespaces): read by elements
    }
  }
  const s = pageSignals(doc, url);
  if (headings && !hasAny(signalText(s), pages.strongWords)) s.headings = readHeadings(doc);
  return decide(signalText(s), parts);
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
