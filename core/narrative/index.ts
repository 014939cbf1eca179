/**
 * The narrative of a document, read once and shared by every narrative check: its claims,
 * sentences, lists, directions and absence statements, with each claim's subject named
 * (lexicon quantity or classification row). Memoised per normalised document.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Paragraph, ReportClaim, SourceRef, Where } from '../model/schemas.ts';
import { type Claim, type NarrativeScan, type Sentence, lineAt, measureOf, scanParagraphs } from './claims.ts';
import { sectionsOf } from './sections.ts';
import { type Named, nameOf, parentOf } from './resolve.ts';
import { allFundsOnly } from './lexicon.ts';

export interface NarrativeModel extends NarrativeScan {
  paragraphs: Paragraph[];
  /** What each claim's topic names in the tables (undefined: nothing known). */
  named: Map<Claim, Named | undefined>;
  byId: Map<string, Claim>;
  /**
   * Claims some check has compared with something. Checks run in registry order and add to
   * it; narrative-coverage, last, reports the money figures no check could use.
   */
  used: Set<Claim>;
  /** What a part is stated as a part of: its list's head or its share's whole (a quantity id or words). */
  wholes: Map<Claim, string>;
  /** Sentences of each paragraph, in order. */
  sentencesOf: (para: number) => Sentence[];
}

const cache = new WeakMap<WorkDocument, NarrativeModel>();

/** Text read for claims, at most: real disclosures have a few hundred thousand characters. */
export const MAX_NARRATIVE = 1_000_000;

/** The paragraphs read (all of them, up to MAX_NARRATIVE characters; the rest is reported). */
function readable(work: WorkDocument): Paragraph[] {
  const all = work.doc.paragraphs;
  let n = 0;
  for (let i = 0; i < all.length; i++) {
    n += (all[i] as Paragraph).text.length;
    if (n > MAX_NARRATIVE) {
      if (!work.doc.issues.some((x) => x.code === 'narrative-truncated')) {
        work.doc.issues.push({
          code: 'narrative-truncated',
          message: `the text outside tables is longer than ${MAX_NARRATIVE} characters; figures after paragraph ${i} (line ${(all[i] as Paragraph).source.line ?? '?'}) were not read`,
          source: (all[i] as Paragraph).source,
        });
      }
      return all.slice(0, i);
    }
  }
  return all;
}

export function narrativeOf(work: WorkDocument): NarrativeModel {
  const hit = cache.get(work);
  if (hit) return hit;
  const paragraphs = readable(work);
  const ctx = sectionsOf(paragraphs, work.doc.year);
  const scan = scanParagraphs(paragraphs, ctx);
  const named = new Map<Claim, Named | undefined>();
  const byTopic = new Map<string, Named | undefined>();
  const self = selfNames(work.doc.department);
  for (const c of scan.claims) {
    // `武汉市××局机关运行经费支出` is about 机关运行经费: the department names itself.
    c.topic = stripSelf(c.topic, self);
    c.subject = stripSelf(c.subject, self);
    let n = byTopic.get(c.topic);
    if (!byTopic.has(c.topic)) {
      n = nameOf(work, c.topic);
      byTopic.set(c.topic, n);
    }
    named.set(c, c.collective ? undefined : n);
    // `其中：财政拨款收入…；事业收入…`: 事业收入 is no fund's money, whatever the sentence spoke of.
    if (!c.scope && n?.kind === 'quantity' && allFundsOnly(n.id)) c.scope = 'all';
  }
  // The whole each part is stated as a part of: its list's head, or the whole its share names
  // (`工资福利支出 12000 元，占项目支出预算 2.56%`).
  const wholes = new Map<Claim, string>();
  for (const l of scan.lists) {
    const head = named.get(l.head)?.id ?? l.head.topic;
    for (const it of l.items) if (head) wholes.set(it, head);
  }
  for (let i = 0; i < scan.claims.length; i++) {
    const share = scan.claims[i] as Claim;
    if (share.kind !== 'share' || !share.denominator) continue;
    for (let k = i - 1; k >= 0; k--) {
      const x = scan.claims[k] as Claim;
      if (x.sentence !== share.sentence) break;
      if (x.depth !== share.depth || (x.kind !== 'amount' && x.kind !== 'count')) continue;
      const whole = stripSelf(measureOf(share.denominator).rest, self);
      if (!wholes.has(x) && whole) wholes.set(x, nameOf(work, whole)?.id ?? whole);
      break;
    }
  }
  // `项目支出…，其中：工资福利支出…`: an item broken out of another part of the spending is a part of
  // that part, not the figure the tables print under the item's name.
  for (const [c, whole] of wholes) {
    const n = named.get(c);
    if (n && partOfAnother(n.id, whole)) named.set(c, undefined);
  }
  const byPara = new Map<number, Sentence[]>();
  for (const x of scan.sentences) {
    const l = byPara.get(x.para);
    if (l) l.push(x);
    else byPara.set(x.para, [x]);
  }
  const model: NarrativeModel = {
    ...scan,
    paragraphs,
    named,
    wholes,
    byId: new Map(scan.claims.map((c) => [c.id, c])),
    used: new Set(),
    sentencesOf: (para) => byPara.get(para) ?? [],
  };
  cache.set(work, model);
  return model;
}

/**
 * `item` listed as a part of `head` is a share of head, not the whole the tables print for item:
 * an economic class of 项目支出 or of a function class (the tables' economic rows are 基本支出's),
 * a class of another class.
 */
export function partOfAnother(item: string, head: string): boolean {
  if (item === head) return false;
  for (let p = parentOf(item), n = 0; p !== undefined && n < 8; p = parentOf(p), n++) if (p === head) return false;
  if (item.startsWith('econ:')) return head === 'project' || head.startsWith('fn:') || (head.startsWith('econ:') && !item.startsWith(head));
  // (A function class of 基本支出 or 项目支出 is read in that column of the function table.)
  if (item.startsWith('fn:')) return head.startsWith('econ:') || (head.startsWith('fn:') && !item.startsWith(head));
  return false;
}

/** The department's name, with and without its city prefix, and the ways a text says "we" (regex sources). */
export function ownNames(department: string | undefined): string[] {
  const names = ['本部门', '本单位', '我单位', '我部门', '我局', '本局'];
  if (department) {
    const d = department.replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    names.unshift(d);
    // Without its city prefix (`某区人力资源局` for `某市某区人力资源局`).
    const short = department.replace(/^.{2,4}?[省市]/, '').replace(/[\\^$.*+?()[\]{}|]/g, '\\$&');
    if (short.length >= 4 && short !== d) names.unshift(short);
  }
  return names;
}

/** The department's own name and the ways a text refers to itself: not part of a subject. */
function selfNames(department: string | undefined): RegExp {
  // `部门收入预算`, `部门支出`: the department's own (its name left out).
  return new RegExp([...ownNames(department), '部门整体', '单位整体', '部门(?=收|支|预算|决算)'].join('|'), 'g');
}

/** A function removing the department's own name from a subject. */
export function stripSelfOf(work: WorkDocument): (s: string) => string {
  const re = selfNames(work.doc.department);
  return (s) => stripSelf(s, re);
}

export function stripSelf(subject: string, self: RegExp): string {
  self.lastIndex = 0;
  return subject.replace(self, '');
}

const QUOTE_MAX = 160;

const STOPS = new Set([0x3002, 0xff1b, 0x3b, 0xff01, 0xff1f, 0x21, 0x3f]); // 。；;！？!?

/** Offsets of the sentence around `start..end` of a paragraph. */
export function sentenceSpan(p: Paragraph, start: number, end: number): [number, number] {
  const text = p.text;
  let a = start;
  while (a > 0 && !STOPS.has(text.charCodeAt(a - 1))) a--;
  let b = end;
  while (b < text.length && !STOPS.has(text.charCodeAt(b))) b++;
  if (b < text.length) b++;
  return [a, b];
}

/** Source lines of the sentence around `start..end`. */
export function sentenceSource(p: Paragraph, start: number, end: number): SourceRef {
  const [a, b] = sentenceSpan(p, start, end);
  const line = lineAt(p, a);
  const endLine = lineAt(p, Math.max(a, b - 1));
  const out: SourceRef = endLine > line ? { line, endLine } : { line };
  // A page: the element the sentence was read from.
  const { path, page } = lineOf(p, start).source;
  if (path) out.path = path;
  if (page) out.page = page;
  return out;
}

/** The sentence around `start..end` of a paragraph, trimmed to a readable length. */
export function quoteAt(p: Paragraph, start: number, end: number): string {
  const text = p.text;
  const [a, b] = sentenceSpan(p, start, end);
  let q = text.slice(a, b).trim();
  if (q.length > QUOTE_MAX) {
    const from = Math.max(a, start - 60);
    const to = Math.min(text.length, end + 60);
    q = `${from > a ? '…' : ''}${text.slice(from, to).trim()}${to < b ? '…' : ''}`;
  }
  return q;
}

export function sourceOf(claim: { line: number }): SourceRef {
  return { line: claim.line };
}

const quoteCache = new WeakMap<Claim, { quote: string; source: SourceRef }>();

/** The quote and the lines of a claim's sentence (asked for by several checks: cached). */
function quoted(p: Paragraph, claim: Claim): { quote: string; source: SourceRef } {
  const hit = quoteCache.get(claim);
  if (hit) return hit;
  const q = { quote: quoteAt(p, claim.start, claim.end), source: sentenceSource(p, claim.start, claim.end) };
  quoteCache.set(claim, q);
  return q;
}

/** A claim as a `where` entry: the sentence quoted, the figure, its line. */
export function claimWhere(model: NarrativeModel, claim: Claim, role: Where['role'], label?: string, sign?: 1 | -1): Where {
  const p = model.paragraphs[claim.para] as Paragraph;
  return {
    role,
    claim: claim.id,
    label: label ?? (claim.topic || claim.subject || claim.text),
    value: claim.value,
    sign,
    unit: claim.money && (claim.unit === '元' || claim.unit === '万元' || claim.unit === '亿元') ? claim.unit : undefined,
    ...quoted(p, claim),
  };
}

/** The source line (or DOM path) of an offset of a paragraph, and the offset within that line. */
function lineOf(p: Paragraph, offset: number): { source: SourceRef; lineOffset: number } {
  let at = p.lineStarts[0];
  for (const ls of p.lineStarts) {
    if (ls.offset > offset) break;
    at = ls;
  }
  const source: SourceRef = at?.line ? { line: at.line } : {};
  if (at?.path) source.path = at.path;
  if (at?.page) source.page = at.page;
  return { source, lineOffset: Math.max(0, offset - (at?.offset ?? 0)) };
}

/** The claims the results quote, as the report lists them. */
export function reportClaims(work: WorkDocument, results: { id: string; where: Where[] }[]): ReportClaim[] {
  const model = cache.get(work);
  if (!model) return [];
  const checks = new Map<string, string[]>();
  for (const r of results) {
    for (const w of r.where) {
      if (!w.claim) continue;
      const l = checks.get(w.claim);
      if (!l) checks.set(w.claim, [r.id]);
      else if (!l.includes(r.id)) l.push(r.id);
    }
  }
  const out: ReportClaim[] = [];
  for (const [id, ids] of checks) {
    const c = model.byId.get(id);
    if (!c) continue;
    const scope = c.scope ?? c.contextScope ?? c.sectionScope;
    out.push({
      id: c.id,
      kind: c.kind,
      value: c.value,
      unit: c.unit,
      text: c.text,
      subject: c.topic,
      quantity: model.named.get(c)?.id,
      measure: c.measure,
      scope,
      year: c.year,
      paragraph: c.para,
      start: c.start,
      end: c.end,
      ...lineOf(model.paragraphs[c.para] as Paragraph, c.start),
      checks: ids,
    });
  }
  return out.sort((a, b) => a.paragraph - b.paragraph || a.start - b.start);
}
