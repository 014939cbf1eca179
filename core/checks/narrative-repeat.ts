/**
 * narrative-repeat: one quantity, one value. The same subject, measure (budget / actual),
 * year and scope stated in two paragraphs with values rounding cannot reconcile
 * (`失业人员再就业 4020 人` here, `4291 人` there; `就业补助资金预算 7816.11` vs `8062.22`) is
 * reported once: the odd value against the one most places give, with every quote. Targets,
 * approximations (约, 余, 预计) and bounds (≥, 以上) are not values and are left out; two
 * values in one paragraph are usually an adjustment being explained and are not compared.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import type { Claim } from '../narrative/claims.ts';
import { narrativeOf, stripSelfOf, type NarrativeModel } from '../narrative/index.ts';
import { claimFigure, claimName, fmt, quotes } from '../narrative/results.ts';
import { paragraphClaims } from '../narrative/near.ts';
import { judgeSum, type Figure } from '../rounding.ts';
import { compact } from '../text/normalize.ts';

const MIN_KEY = 4;
const PORTION = /政府采购|购买服务|采购预算/;

function sentenceText(model: NarrativeModel, c: Claim): string {
  const s = model.sentences[c.sentence];
  return s ? (model.paragraphs[c.para]?.text ?? '').slice(s.start, s.end) : '';
}

/** The figure has another figure right before or after it, with nothing but spaces between. */
function inFigureRun(model: NarrativeModel, c: Claim): boolean {
  const text = model.paragraphs[c.para]?.text ?? '';
  const list = paragraphClaims(model, c.para);
  const at = list.indexOf(c);
  const prev = list[at - 1];
  const next = list[at + 1];
  return (!!prev && /^\s+$/.test(text.slice(prev.end, c.start))) || (!!next && /^\s+$/.test(text.slice(c.end, next.start)));
}

/**
 * A figure after `其中` that follows a figure of another subject in its sentence (`项目支出 5275.56
 * 万元，其中：一般公共预算本年拨款 5275.56 万元`): a part of that figure, not the whole its name says.
 */
function partOfEarlier(model: NarrativeModel, c: Claim): boolean {
  const text = model.paragraphs[c.para]?.text ?? '';
  const list = paragraphClaims(model, c.para);
  for (let i = list.indexOf(c) - 1; i >= 0; i--) {
    const x = list[i] as Claim;
    if (x.sentence !== c.sentence) break;
    if (x.kind === 'amount' && x.money === c.money && x.topic !== c.topic && text.slice(x.end, c.start).includes('其中')) return true;
  }
  return false;
}

/** Subject words that do not change what is counted. */
export function entityKey(subject: string): string {
  return subject
    .replace(/[\s“”"'‘’「」]/g, '')
    .replace(/实现|帮扶|累计|完成了?|开展/g, '')
    .replace(/(?:人数|数量|人次数|总数|总额|金额|数)$/, '')
    .replace(/(?:支出项目|项目)$/, '')
    .replace(/^(?:全区|全市|本区|我区|本年|全年)/, '');
}

function measureClass(work: WorkDocument, c: Claim): string | undefined {
  if (c.measure === 'target') return undefined;
  if (c.measure === 'budget-initial' || c.measure === 'budget-adjusted' || c.measure === 'budget') return c.measure;
  if (c.measure === 'actual') return 'actual';
  return work.doc.kind === 'budget' && c.money ? 'budget' : 'actual';
}

function figureOf(c: Claim): Figure {
  if (!c.money) return { value: c.value, decimals: c.decimals, blank: c.kind === 'count' && c.decimals >= 0 };
  return claimFigure(c, '万元');
}

interface Group {
  key: string;
  entity: string;
  claims: Claim[];
}

/** A form of one project (its 申报表, 绩效目标表, 自评表), not of the department as a whole. */
const PROJECT_FORM = /项目.*(?:申报表|目标表|自评表|评价表)/;
const FORM_TITLE_LINE = /^[^《》“”,，。;；:：]*表(?:\([^()]*\))?$/;

/**
 * For each claim, the project form it sits in (text after such a form's title and before the
 * next table's), or -1: in text taken from a PDF a form's cells run on as text, and each
 * project's form names the same items (`年初预算安排`, `中期收回`, `1-7月执行`) with its own figures.
 */
function projectFormOf(work: WorkDocument, model: NarrativeModel): (c: Claim) => number {
  const isProject = (title: string) => PROJECT_FORM.test(title) && !/整体/.test(title);
  // Its title read as a table's, or (the form not read as a table) as a line of text of its own.
  const starts = [
    ...work.tables.map((wt) => ({ line: wt.table.source.line ?? 0, project: isProject(compact(wt.table.title)) })),
    ...model.paragraphs.flatMap((p) =>
      p.lineStarts.flatMap((ls, k) => {
        const text = p.text.slice(ls.offset, p.lineStarts[k + 1]?.offset ?? p.text.length);
        // The title alone on its line (not a sentence naming the form: `公开《2023年度项目自评表》和`).
        return text.length <= 40 && FORM_TITLE_LINE.test(compact(text)) && isProject(compact(text)) ? [{ line: ls.line, project: true }] : [];
      }),
    ),
  ]
    .filter((t) => t.line > 0)
    .sort((a, b) => a.line - b.line);
  if (!starts.some((t) => t.project)) return () => -1;
  const known = new Map<Claim, number>();
  return (c: Claim) => {
    let form = known.get(c);
    if (form !== undefined) return form;
    let line = 0;
    for (const ls of model.paragraphs[c.para]?.lineStarts ?? []) if (ls.offset <= c.start) line = ls.line;
    let at = -1;
    for (let i = 0; i < starts.length && (starts[i]?.line ?? 0) <= line; i++) at = i;
    form = at >= 0 && starts[at]?.project ? at : -1;
    known.set(c, form);
    return form;
  };
}

function groupsOf(work: WorkDocument, model: NarrativeModel): Group[] {
  const strip = stripSelfOf(work);
  const groups = new Map<string, Group>();
  const items = new Set(model.lists.flatMap((l) => l.items));
  for (const c of model.claims) {
    if (c.approx || c.bound || (c.kind !== 'amount' && c.kind !== 'count' && c.kind !== 'percent')) continue;
    // A portion (procured, purchased as a service) is not the item's whole figure.
    if (PORTION.test(sentenceText(model, c))) continue;
    const m = measureClass(work, c);
    if (!m) continue;
    // A figure printed right beside another (`…人数(5分) 1400人 6319人`) is a cell of a table row
    // that lost its header: whether it is the target or the result is not known.
    if (!c.header && inFigureRun(model, c)) continue;
    const named = model.named.get(c);
    if (!named && !c.explicit) continue;
    // An item of a list is a part of the list's head: its name alone does not say of what.
    if (!named && (items.has(c) || partOfEarlier(model, c))) continue;
    const own = named ? named.id : entityKey(strip(c.topic));
    if (!named && own.length < MIN_KEY) continue;
    // A part of a stated whole (`工资福利支出…，占项目支出预算…`) is that whole's part: the same name
    // under another whole is another figure.
    const whole = model.wholes.get(c);
    const entity = whole && !named ? `${own}<${whole}` : own;
    const scope = named ? (c.scope ?? c.contextScope ?? c.sectionScope ?? '') : '';
    const unit = c.money ? '¥' : c.unit;
    const key = `${m}|${c.year ?? work.doc.year ?? ''}|${scope}|${unit}|${c.kind}`;
    const full = `${entity}|${key}`;
    const g = groups.get(full);
    if (g) g.claims.push(c);
    else groups.set(full, { key, entity, claims: [c] });
  }
  // `困难人员就业` and `就业困难人员就业`: a name that ends another, a few characters shorter.
  const list = [...groups.values()];
  for (const g of list) {
    if (g.entity.includes(':') || g.claims.length === 0) continue;
    const into = list.find((h) => h !== g && h.key === g.key && !h.entity.includes(':') && h.claims.length > 0 && h.entity.length > g.entity.length && h.entity.endsWith(g.entity) && g.entity.length >= 5 && h.entity.length - g.entity.length <= 4);
    if (into) {
      into.claims.push(...g.claims);
      g.claims = [];
    }
  }
  return list.filter((g) => g.claims.length >= 2);
}

function agreeResult(model: NarrativeModel, claims: Claim[], lang: Lang): CheckResult {
  for (const c of claims) model.used.add(c);
  const first = claims[0] as Claim;
  const name = claimName(first);
  const f = figureOf(first);
  const values = `${[...new Set(claims.map((c) => c.text.replace(/\s+/g, '')))].join('、')}（${claims.length}处）`;
  return {
    id: `narrative-repeat/${first.id}`,
    rule: 'narrative-repeat',
    verdict: 'ok',
    severity: 'none',
    message: headed(ruleTitle('narrative-repeat', lang), lang, message('narr.repeat', lang, { claim: `“${name}”`, values, ok: true, rounding: false })),
    messageKey: 'narr.repeat',
    stated: f.value,
    expected: f.value,
    difference: 0,
    tolerance: 0,
    unit: first.money ? '万元' : first.unit,
    formula: `${name}: ${claims.map((c) => c.text).join(' = ')}`,
    where: [...quotes(model, [first]), ...quotes(model, claims.slice(1), 'operand')],
  };
}

export const narrativeRepeat: Check = {
  id: 'narrative-repeat',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const out: CheckResult[] = [];
    const formOf = projectFormOf(work, model);
    for (const g of groupsOf(work, model)) {
      // Cluster the values: figures within each other's rounding are one value.
      const clusters: { rep: Figure; claims: Claim[] }[] = [];
      for (const c of g.claims) {
        const f = figureOf(c);
        const home = clusters.find((k) => judgeSum(f, [k.rep], k.rep.value, 'eq', c.money).verdict !== 'discrepancy');
        if (home) home.claims.push(c);
        else clusters.push({ rep: f, claims: [c] });
      }
      if (clusters.length < 2) {
        // One value everywhere, in two paragraphs or more: a consistency that passed. Said once,
        // when some of the figures were compared with nothing else.
        if (new Set(g.claims.map((c) => c.para)).size >= 2 && g.claims.some((c) => !model.used.has(c))) out.push(agreeResult(model, g.claims, lang));
        continue;
      }
      const main = [...clusters].sort((a, b) => b.claims.length - a.claims.length)[0] as (typeof clusters)[number];
      for (const k of clusters) {
        if (k === main) continue;
        // Two values in one paragraph explain an adjustment; compare across paragraphs only.
        const mainParas = new Set(main.claims.map((c) => c.para));
        if (k.claims.every((c) => mainParas.has(c.para))) continue;
        // Two projects' forms give their own figures under the same words (each may still be
        // compared with the department's text outside the forms).
        const otherForms = (a: Claim, b: Claim) => formOf(a) >= 0 && formOf(b) >= 0 && formOf(a) !== formOf(b);
        if (k.claims.every((c) => main.claims.every((x) => otherForms(c, x)))) continue;
        for (const c of [...main.claims, ...k.claims]) model.used.add(c);
        const first = k.claims[0] as Claim;
        const name = claimName(first);
        const show = (c: Claim) => `${c.text}`;
        const values = `${[...new Set(k.claims.map(show))].join('、')}（${k.claims.length}处）${lang === 'zh' ? '与' : ' vs '}${[...new Set(main.claims.map(show))].join('、')}（${main.claims.length}处）`;
        const where: Where[] = [...quotes(model, k.claims), ...quotes(model, main.claims, 'operand')];
        const stated = figureOf(first);
        const expected = main.rep;
        const j = judgeSum(stated, [expected], expected.value, 'eq', first.money);
        const unit = first.money ? '万元' : first.unit;
        out.push({
          id: `narrative-repeat/${first.id}`,
          rule: 'narrative-repeat',
          verdict: 'discrepancy',
          severity: Math.abs(j.difference) / Math.max(Math.abs(expected.value), 1e-9) >= 0.01 ? 'error' : 'warning',
          message: headed(ruleTitle('narrative-repeat', lang), lang, message('narr.repeat', lang, { claim: `“${name}”`, values, ok: false, rounding: false })),
          messageKey: 'narr.repeat',
          stated: stated.value,
          expected: expected.value,
          difference: j.difference,
          tolerance: j.tolerance,
          unit,
          formula: `${name}: ${fmt(stated.value, stated.decimals)} = ${fmt(expected.value, expected.decimals)}`,
          where,
        });
      }
    }
    return out;
  },
};
