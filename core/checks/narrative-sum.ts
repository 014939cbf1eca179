/**
 * narrative-sum: what the text lists adds up to the total it lists it under.
 *
 * 1. Lists: `基本支出 1414.26 万元，其中：人员经费 1241.19 万元，公用经费 173.07 万元` — the items
 *    after 其中 / 主要包括 / 主要用于 …, or the lead figures of the enumerated paragraphs that
 *    follow `…包括：`. A list may stop at a `；`; a list whose items cover less than 90 % of the
 *    total (or exceed it by more than 10 %) is read as partial and not judged. An item in 元
 *    among items in 万元 that makes the list add up only when read as 万元 is named as the cause.
 * 2. Identities between quantities the text states in different places (data/narrative.json):
 *    基本支出 = 人员经费 + 公用经费, 人员经费 = 工资福利支出 + 对个人和家庭的补助, 基本支出 = Σ
 *    经济分类各类, 支出合计 = 基本支出 + 项目支出 — for amounts and for changes alike, each part
 *    taken from the statement nearest the total, in the same scope and year.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Where } from '../model/schemas.ts';
import { type Lang, message } from '../messages.ts';
import type { Check } from './types.ts';
import type { Claim, ClaimList } from '../narrative/claims.ts';
import { narrativeOf, type NarrativeModel } from '../narrative/index.ts';
import { budgetish, paragraphClaims } from '../narrative/near.ts';
import { locate, rowCandidates, type Named } from '../narrative/resolve.ts';
import { narrative as lexicon, type IdentitySpec, type Scope } from '../narrative/lexicon.ts';
import { cellWhere, claimName, comparisonResult, fmt, quotes } from '../narrative/results.ts';
import { unitFactor } from '../text/numbers.ts';
import { refName } from './identity.ts';
import { type Figure, type Judgement, judgeSum } from '../rounding.ts';
import { exactSum, roundTo } from '../text/numbers.ts';
import { codeTree } from './function-hierarchy.ts';
import { targetOf } from './narrative-table.ts';
import { basicTable, firstTable } from './cross-table.ts';

function inUnit(c: Claim, unit: string, asWan = false): Figure {
  // Counts are exact (unless printed in 万: `1.9 万人`).
  if (!c.money) return { value: c.value, decimals: Math.max(0, c.decimals), blank: c.decimals >= 0 };
  const from = asWan ? '万元' : c.unit;
  const factor = (unitFactor(from) ?? 1) / (unitFactor(unit) ?? 1);
  return { value: roundTo(c.value * factor, 8), decimals: Math.max(0, c.decimals + Math.round(Math.log10(1 / factor))) };
}

/** An amount right before a change of the same clause is that item's current figure, not a change. */
function isCurrentOfChange(model: NarrativeModel, c: Claim): boolean {
  const list = paragraphClaims(model, c.para);
  const next = list[list.indexOf(c) + 1];
  return !!next && next.clause === c.clause && (next.kind === 'change' || next.kind === 'prior');
}

function dropDescendants(model: NarrativeModel, items: Claim[]): Claim[] {
  const codes = items.map((i) => {
    const n = model.named.get(i);
    return n?.id.startsWith('econ:') ? n.id.slice(5) : undefined;
  });
  return items.filter((_, k) => {
    const code = codes[k];
    return !code || !codes.some((other, m) => m !== k && other && other.length < code.length && code.startsWith(other));
  });
}

interface Evaluated {
  n: number;
  sum: number;
  judgement: Judgement;
  ratio: number;
  asWan?: Claim[];
}

function evaluateList(head: Claim, items: Claim[], n: number, wan: Set<Claim>): Evaluated {
  const unit = head.unit;
  const figs = items.slice(0, n).map((i) => inUnit(i, unit, wan.has(i)));
  const sum = exactSum(figs.map((f) => f.value));
  const stated = inUnit(head, unit);
  const judgement = judgeSum(stated, figs, sum, 'eq', head.money);
  return { n, sum, judgement, ratio: stated.value !== 0 ? sum / stated.value : sum === 0 ? 1 : Infinity };
}

function listFindings(work: WorkDocument, model: NarrativeModel, lang: Lang, out: CheckResult[], seen: Set<string>): void {
  for (const list of model.lists) {
    if (list.spansParagraphs && !list.closed) continue;
    const head = list.head;
    let items = list.items.filter((i) => i !== head);
    if (head.kind === 'change') items = items.filter((i) => i.kind === 'change' || (i.kind === 'amount' && !isCurrentOfChange(model, i)));
    else items = items.filter((i) => (i.kind === 'amount' || i.kind === 'count') && !isCurrentOfChange(model, i) && !i.approx);
    if (head.approx) continue;
    items = dropDescendants(model, items);
    if (items.length < 2) continue;
    const best = bestCut(head, items, list);
    if (!best) continue;
    const used = items.slice(0, best.n);
    const name = claimName(head);
    const key = `${name}|${head.value}|${used.map((i) => i.value).join(',')}`;
    if (seen.has(key)) continue;
    seen.add(key);
    for (const c of [head, ...used]) model.used.add(c);
    let cause: CheckResult['cause'];
    if (best.asWan?.length) {
      const item = best.asWan[0] as Claim;
      cause = { kind: 'unit', message: message('cause.unit-item', lang, { item: `${claimName(item)} ${item.text}` }) };
    } else if (best.judgement.verdict === 'discrepancy') cause = slipCause(work, model, used, best.judgement.difference, lang);
    const unit = head.money ? head.unit : head.unit;
    const d = Math.max(head.decimals, ...used.map((i) => inUnit(i, unit).decimals));
    const where: Where[] = [...quotes(model, [head]), ...quotes(model, used, 'operand')];
    out.push(
      comparisonResult(
        {
          rule: 'narrative-sum',
          id: `narrative-sum/${head.id}/list`,
          claim: { zh: `“${name}”`, en: `"${name}"` },
          basis: { zh: `${list.marker.replace(/[:：,，]$/, '').replace(/^分项情况.*$/, '分项').replace(/^分别(?:为|是)?$/, '')}所列 ${used.length} 项之和为`, en: `the ${used.length} items listed after "${list.marker.replace(/[:：,，]$/, '')}" add up to` },
          stated: head.value,
          expected: roundTo(best.sum, 8),
          unit,
          decimals: d,
          judgement: best.judgement,
          formula: `${name} ${fmt(head.value, head.decimals)} = ${used.map((i) => `${claimName(i)} ${fmt(inUnit(i, unit, best.asWan?.includes(i)).value, d)}`).join(' + ')}`,
          where,
          cause,
        },
        lang,
      ),
    );
  }
}

function bestCut(head: Claim, items: Claim[], list: ClaimList): Evaluated | undefined {
  const cuts = [...new Set([...list.breaks.map((b) => items.indexOf(b) + 1).filter((n) => n >= 2 && n < items.length), items.length])].sort((a, b) => a - b);
  const none = new Set<Claim>();
  // Items in 元 among 万元 ones: also try them as 万元.
  const yuan = head.unit === '万元' ? items.filter((i) => i.unit === '元') : [];
  const wan = new Set(yuan);
  const tries: Evaluated[] = [];
  for (const n of cuts) {
    const plain = evaluateList(head, items, n, none);
    tries.push(plain);
    if (plain.judgement.verdict !== 'discrepancy') return plain;
    if (yuan.length) {
      const alt = evaluateList(head, items, n, wan);
      if (alt.judgement.verdict !== 'discrepancy') return { ...alt, asWan: yuan.filter((y) => items.indexOf(y) < n) };
    }
  }
  // No cut adds up: judge the one closest to the total, if it looks like the whole list.
  const plausible = tries.filter((t) => t.ratio >= 0.9 && t.ratio <= 1.1).sort((a, b) => Math.abs(1 - a.ratio) - Math.abs(1 - b.ratio));
  return plausible[0];
}

/** A listed part whose own figure differs from the table by the same amount the sum is off. */
function slipCause(work: WorkDocument, model: NarrativeModel, parts: Claim[], difference: number, lang: Lang): CheckResult['cause'] {
  for (const p of parts) {
    const named = model.named.get(p);
    if (!named) continue;
    const { target } = targetOf(work, p, named);
    if (!target || target.judgement.verdict !== 'discrepancy') continue;
    // stated − Σ parts = −(part − table) when the part is the slip.
    if (Math.abs(difference + target.judgement.difference) < 1e-6) {
      return { kind: 'narrative-slip', message: message('cause.narrative-slip', lang, { item: claimName(p), stated: p.text, table: fmt(target.located.value, target.located.decimals) }) };
    }
  }
  return undefined;
}

// ── identities ─────────────────────────────────────────────────────────────────────────

function measureClass(c: Claim): string {
  return c.measure === 'unspecified' ? 'actual' : c.measure;
}

function effScope(c: Claim): Scope | undefined {
  return c.scope ?? c.contextScope ?? c.sectionScope;
}

/** Two statements about the same money: same scope, measure, kind and year; without a scope, near each other. */
function compatible(a: Claim, b: Claim): boolean {
  const sa = effScope(a);
  const sb = effScope(b);
  if (sa !== sb) return false;
  if (!sa && Math.abs(a.para - b.para) > 3) return false;
  if (measureClass(a) !== measureClass(b)) return false;
  if (a.measure === 'target' || b.measure === 'target') return false;
  if (a.kind !== b.kind) return false;
  if (a.kind === 'change' && a.base !== b.base && a.base !== undefined && b.base !== undefined) return false;
  if (a.year !== undefined && b.year !== undefined && a.year !== b.year) return false;
  return a.money === b.money;
}

function partsOf(work: WorkDocument, spec: IdentitySpec): string[] | undefined {
  if (!spec.parts.includes('econ:*')) return spec.parts;
  // Every economic class the basic-expenditure table holds money in.
  const t = basicTable(work);
  const table = work.tables[t]?.table;
  if (!table) return undefined;
  const classes = codeTree(table.rows, 'economic').top.filter((r) => r.code?.length === 3);
  const ids = classes.filter((r) => rowCandidates(work, `econ:${r.code}`, 'gpb').some((c) => c.value !== 0)).map((r) => `econ:${r.code}`);
  return ids.length >= 2 ? ids : undefined;
}

/**
 * The quantities an identity needs to be zero are zero: in the tables, else as the text states
 * them; a row the summary table does not print is zero, but with no summary table read and
 * nothing in the text, they are unknown and the identity is not used (`收支总计` is 基本 + 项目
 * only when nothing was carried over).
 */
function zeroHolds(work: WorkDocument, spec: IdentitySpec, byId: Map<string, Claim[]>): boolean {
  const summaryRead = firstTable(work, work.doc.kind === 'budget' ? 'budget-summary' : 'final-01') >= 0;
  for (const id of spec.zero ?? []) {
    const l = locate(work, id, 'all');
    if (l) {
      if (l.value !== 0) return false;
      continue;
    }
    const stated = (byId.get(id) ?? []).filter((c) => c.kind === 'amount');
    if (stated.length > 0 ? stated.some((c) => c.value !== 0) : !summaryRead) return false;
  }
  return true;
}

function identityFindings(work: WorkDocument, model: NarrativeModel, lang: Lang, out: CheckResult[], seen: Set<string>): void {
  const byId = new Map<string, Claim[]>();
  for (const c of model.claims) {
    const n: Named | undefined = model.named.get(c);
    if (!n || c.approx || c.bound || c.depth !== 0 || (c.kind !== 'amount' && c.kind !== 'change') || !c.money) continue;
    const l = byId.get(n.id);
    if (l) l.push(c);
    else byId.set(n.id, [c]);
  }
  for (const spec of lexicon.identities) {
    const parts = partsOf(work, spec);
    if (!parts || !zeroHolds(work, spec, byId)) continue;
    for (const totalId of spec.total) {
      for (const total of byId.get(totalId) ?? []) {
        const found: Claim[] = [];
        for (const pid of parts) {
          const cands = (byId.get(pid) ?? []).filter((c) => compatible(c, total));
          const nearest = cands.sort((a, b) => Math.abs(a.para - total.para) - Math.abs(b.para - total.para) || Math.abs(a.start - total.start) - Math.abs(b.start - total.start))[0];
          if (!nearest) break;
          found.push(nearest);
        }
        if (found.length !== parts.length) continue;
        const unit = total.unit;
        const figs = found.map((p) => inUnit(p, unit));
        const sum = exactSum(figs.map((f) => f.value));
        const stated = inUnit(total, unit);
        // One sum once, whichever total it was stated as (收支总计 and 本年支出合计 are often one figure).
        const key = `${spec.parts.join('+')}|${total.kind}|${stated.value}|${figs.map((f) => f.value).join(',')}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const j = judgeSum(stated, figs, sum, 'eq', total.money);
        for (const c of [total, ...found]) model.used.add(c);
        const name = claimName(total);
        const what = total.kind === 'change' ? { zh: '增减额', en: 'change in ' } : { zh: '', en: '' };
        const d = Math.max(stated.decimals, ...figs.map((f) => f.decimals));
        const cause = j.verdict === 'discrepancy' ? slipCause(work, model, found, j.difference, lang) : undefined;
        out.push(
          comparisonResult(
            {
              rule: 'narrative-sum',
              id: `narrative-sum/${total.id}/${spec.id}`,
              claim: { zh: `“${name}”${what.zh}`, en: `${what.en}"${name}"` },
              basis: { zh: `正文所述 ${found.map(claimName).join(' + ')} 之和为`, en: `the text's ${found.map(claimName).join(' + ')} add up to` },
              stated: stated.value,
              expected: roundTo(sum, 8),
              unit,
              decimals: d,
              judgement: j,
              formula: `${name} ${fmt(stated.value, d)} = ${found.map((p, k) => `${claimName(p)} ${fmt((figs[k] as Figure).value, d)}`).join(' + ')}`,
              where: [...quotes(model, [total]), ...quotes(model, found, 'operand')],
              cause,
            },
            lang,
          ),
        );
      }
    }
  }
}

// ── lists of projects ──────────────────────────────────────────────────────────────────

const PROJECT_COUNT = /(?:实施|涉及|共有|共|完成)(?:的)?(?:一级)?项目(?:有|共)?\s*(\d+)\s*个|(?:涉及|共有?|实施)\s*(\d+)\s*个(?:一级)?项目/;
const ALL_PROJECTS = /年度实施项目|所有项目|全部项目|实施项目/;

interface ProjectList {
  n: number;
  /** The list claims to be every project of the year. */
  all: boolean;
  items: Claim[];
  para: number;
}

/** `年度实施项目 10 个…分别为：` and the items that follow, each with its actual spending. */
function projectLists(model: NarrativeModel): ProjectList[] {
  const out: ProjectList[] = [];
  const paras = model.paragraphs;
  for (let i = 0; i < paras.length; i++) {
    const p = paras[i] as (typeof paras)[number];
    const text = p.text;
    if (!text.includes('分别')) continue;
    const at = text.search(/分别(?:为|是)\s*[:：]\s*/);
    if (at < 0) continue;
    const head = text.slice(Math.max(0, at - 60), at);
    const m = PROJECT_COUNT.exec(head.replace(/\s+/g, ''));
    if (!m) continue;
    const n = Number(m[1] ?? m[2]);
    if (!(n >= 2 && n <= 50)) continue;
    const groups: Claim[][] = [];
    const sentences = model.sentencesOf(i).filter((x) => x.start > at);
    const enumerated = sentences.filter((x) => x.enumerator);
    if (enumerated.length >= 2) groups.push(...itemGroups(sentences));
    else {
      // The items are the next paragraphs: numbered sentences in one, or one paragraph each.
      for (let k = i + 1; k < paras.length && groups.length < n; k++) {
        const q = paras[k] as (typeof paras)[number];
        if (q.heading) break;
        const sents = model.sentencesOf(k);
        if (sents.filter((x) => x.enumerator).length >= 2) {
          groups.push(...itemGroups(sents));
          break;
        }
        groups.push(sents.flatMap((x) => x.claims));
      }
    }
    const items = groups.map((g) => g.find((c) => c.money && c.kind === 'amount' && c.measure === 'actual' && c.depth === 0));
    if (items.length !== n || items.some((x) => !x)) continue;
    out.push({ n, all: ALL_PROJECTS.test(head), items: items as Claim[], para: i });
  }
  return out;
}

function itemGroups(sentences: { enumerator?: unknown; claims: Claim[] }[]): Claim[][] {
  const groups: Claim[][] = [];
  for (const s of sentences) {
    if (s.enumerator || groups.length === 0) groups.push([...s.claims]);
    else groups[groups.length - 1]?.push(...s.claims);
  }
  return groups;
}

function projectListFindings(work: WorkDocument, model: NarrativeModel, lang: Lang, out: CheckResult[], seen: Set<string>): void {
  for (const list of projectLists(model)) {
    const unit = list.items[0]?.unit ?? '万元';
    const figs = list.items.map((c) => inUnit(c, unit));
    const sum = exactSum(figs.map((f) => f.value));
    const d = Math.max(...figs.map((f) => f.decimals));
    const label = `${list.n} 个项目`;
    const terms = list.items.map((c, k) => `${claimName(c)} ${fmt((figs[k] as Figure).value, d)}`).join(' + ');
    // (a) Every project of the year: their spending is the year's project expenditure.
    if (list.all) {
      const l = locate(work, 'project', 'all') ?? locate(work, 'project', 'fiscal');
      const key = `projects|${sum}|${l?.value}`;
      if (l && !seen.has(key)) {
        seen.add(key);
        const stated: Figure = { value: sum, decimals: d };
        const j = judgeSum(stated, [{ value: l.value, decimals: l.decimals }], l.value, 'eq', true);
        for (const c of list.items) model.used.add(c);
        out.push(
          comparisonResult(
            {
              rule: 'narrative-sum',
              id: `narrative-sum/p${list.para}/projects-table`,
              claim: { zh: `正文逐项列出的${label}实际支出之和`, en: `the actual spending of the ${list.n} projects listed, added up` },
              basis: { zh: `表中项目支出 ${l.refs.map((r) => refName(work, r)).join(' + ')}`, en: `the tables' project expenditure ${l.refs.map((r) => refName(work, r)).join(' + ')}` },
              stated: sum,
              expected: l.value,
              unit: l.unit,
              decimals: Math.max(d, l.decimals),
              judgement: j,
              formula: `${terms} = ${l.refs.map((r) => refName(work, r)).join(' + ')}`,
              where: [...quotes(model, list.items), ...l.refs.map((r) => cellWhere(work, r))],
            },
            lang,
          ),
        );
      }
    }
    // (b) Elsewhere the same number of projects is given one total (`共涉及项目 10个，资金 8786.76 万元`).
    for (const s of model.sentences) {
      if (s.para === list.para || !s.claims.some((c) => c.kind === 'count')) continue;
      const text = (model.paragraphs[s.para]?.text ?? '').slice(s.start, s.end).replace(/\s+/g, '');
      const m = PROJECT_COUNT.exec(text);
      if (!m || Number(m[1] ?? m[2]) !== list.n) continue;
      const total = s.claims.find((c) => c.money && c.kind === 'amount' && c.depth === 0 && !c.approx);
      if (!total) continue;
      const key = `projects|${sum}|${total.value}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const stated = inUnit(total, unit);
      const j = judgeSum(stated, figs, sum, 'eq', true);
      model.used.add(total);
      out.push(
        comparisonResult(
          {
            rule: 'narrative-sum',
            id: `narrative-sum/${total.id}/projects`,
            claim: { zh: `正文所述${label}的资金`, en: `the money the text gives for the ${list.n} projects` },
            basis: { zh: `逐项列出的实际支出之和为`, en: `their actual spending, listed one by one, adds up to` },
            stated: stated.value,
            expected: sum,
            unit,
            decimals: Math.max(d, stated.decimals),
            judgement: j,
            formula: `${fmt(stated.value, stated.decimals)} = ${terms}`,
            where: [...quotes(model, [total]), ...quotes(model, list.items, 'operand')],
          },
          lang,
        ),
      );
    }
  }
}

// ── a budget and its sources ───────────────────────────────────────────────────────────

const SOURCE = /中央|省级|省财政|市级|市财政|县区|区级|县级|本级|上级|转移支付|结转/;
const OTHER_SOURCE = /中央|省级|省财政|市级|市财政|县区|区级|县级|本级|上级|转移支付/;

/**
 * `就业补助资金预算为 7816.11 万元 … 中央和市级…下拨 5360 万元 … 县区财政资金支出预算 2078.21 万元 …
 * 2022 年度…结转结余资金 377.89 万元`: a budget stated with the sources it comes from. The
 * sources are the figures that follow it (up to the next numbered item) whose subject names a
 * level of government or a carry-over from an earlier year; this year's unspent balance
 * (`结转结余资金为 796 万元`, no earlier year) is not a source.
 */
function sourceFindings(work: WorkDocument, model: NarrativeModel, lang: Lang, out: CheckResult[], seen: Set<string>): void {
  const year = work.doc.year;
  for (const p of model.paragraphs) {
    const sents = model.sentencesOf(p.index);
    for (let k = 0; k < sents.length; k++) {
      const first = sents[k]?.claims.find((c) => c.depth === 0 && c.money && c.kind === 'amount' && budgetish(c) && !c.approx);
      if (!first || SOURCE.test(first.subject)) continue;
      const sources: Claim[] = [];
      for (let m = k; m < sents.length; m++) {
        const sent = sents[m] as (typeof sents)[number];
        if (m > k && sent.enumerator) break;
        for (const c of sent.claims) {
          if (c === first || c.depth !== 0 || !c.money || c.kind !== 'amount' || c.measure === 'actual' || c.approx || c.start < first.start) continue;
          const subject = c.subject;
          if (!SOURCE.test(subject)) continue;
          // A carry-over is a source only when it comes from an earlier year.
          if (!OTHER_SOURCE.test(subject) && !(c.year !== undefined && year !== undefined && c.year < year) && !/上年|以前年度/.test(subject)) continue;
          sources.push(c);
        }
      }
      if (sources.length < 2) continue;
      const unit = first.unit;
      const figs = sources.map((c) => inUnit(c, unit));
      const sum = exactSum(figs.map((f) => f.value));
      const stated = inUnit(first, unit);
      if (!(sum / stated.value >= 0.9 && sum / stated.value <= 1.1)) continue;
      const key = `sources|${stated.value}|${figs.map((f) => f.value).join(',')}`;
      if (seen.has(key)) continue;
      seen.add(key);
      const j = judgeSum(stated, figs, sum, 'eq', true);
      for (const c of [first, ...sources]) model.used.add(c);
      const name = claimName(first);
      const d = Math.max(stated.decimals, ...figs.map((f) => f.decimals));
      out.push(
        comparisonResult(
          {
            rule: 'narrative-sum',
            id: `narrative-sum/${first.id}/sources`,
            claim: { zh: `“${name}”预算`, en: `the budget of "${name}"` },
            basis: { zh: `所述各资金来源之和为`, en: `the sources stated for it add up to` },
            stated: stated.value,
            expected: roundTo(sum, 8),
            unit,
            decimals: d,
            judgement: j,
            formula: `${name} ${fmt(stated.value, d)} = ${sources.map((c, i) => `${claimName(c)} ${fmt((figs[i] as Figure).value, d)}`).join(' + ')}`,
            where: [...quotes(model, [first]), ...quotes(model, sources, 'operand')],
          },
          lang,
        ),
      );
    }
  }
}

export const narrativeSum: Check = {
  id: 'narrative-sum',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const out: CheckResult[] = [];
    const seen = new Set<string>();
    listFindings(work, model, lang, out, seen);
    identityFindings(work, model, lang, out, seen);
    projectListFindings(work, model, lang, out, seen);
    sourceFindings(work, model, lang, out, seen);
    return out;
  },
};
