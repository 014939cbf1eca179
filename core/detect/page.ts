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
 * followed by digits (`czyjs2024`).
 */
export function hasUrlToken(path: string): boolean {
  for (const seg of path.toLowerCase().split(/[/_.\-?=&]/)) {
    if (!seg) continue;
    if (TOKENS.has(seg)) return true;
    const letters = /^[a-z]+/.exec(seg)?.[0];
    if (letters && letters !== seg && /^\d+$/.test(seg.slice(letters.length)) && TOKENS.has(letters)) return true;
  }
  return false;
}

/** The gate: cheap, and false unless a disclosure is likely. */
export function isDisclosurePage(s: PageSignals): GateResult {
  let host = '';
  let path = '';
  try {
    const u = new URL(s.url);
    host = u.hostname;
    path = `${u.pathname}${u.search}`;
  } catch {
    path = s.url;
  }
  let text = s.title;
  for (const n of pages.metaNames) text += s.metas[n] ?? '';
  for (const h of s.headings ?? []) text += h;
  text = text.replace(/\s+/g, '');
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

/** A URL that may be an article: a 预决算 path token, or a file named by numbers (t20240920_123.html). */
const ARTICLE_URL = /\d{3,}[^/]*\.s?html?(?:[?#]|$)|\/(?:art|post|content|info|detail)[/_]/i;

/** The gate on a document: URL, title and metas first; headings only when they can decide. */
export function checkPage(doc: SignalDocument, url: string): GateResult {
  const s = pageSignals(doc, url);
  const first = isDisclosurePage(s);
  if (first.pass || !(first.reason === 'url-only' || ARTICLE_URL.test(url))) return first;
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
