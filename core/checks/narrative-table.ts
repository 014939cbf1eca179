/**
 * narrative-table: an amount the text states against the table figure for the same quantity
 * and scope (`项目支出 8320.58 万元` ↔ 公开03表 合计 项目支出; `对个人和家庭的补助 125.25 万元` ↔
 * the 303 row of the basic-expenditure table). Only figures for the document's own year, of the
 * measure the tables hold (决算: actual; 预算: budget), and not approximate. A classification
 * row is compared with whichever of its columns (total, basic, project) the text can mean;
 * 机关运行经费 is tied to 公用经费 softly (the two are equal only for administrative units).
 * The same statement repeated in several sections is reported once, with every quote.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Row, Unit, Where } from '../model/schemas.ts';
import { type Lang, message } from '../messages.ts';
import type { Check } from './types.ts';
import { refName, type Ref } from './identity.ts';
import { type Claim } from '../narrative/claims.ts';
import { narrativeOf, type NarrativeModel } from '../narrative/index.ts';
import { chooseScope, locate, rowCandidates, SCOPES, type Located, type Named } from '../narrative/resolve.ts';
import { finalTablesPrintBudget, quantityById, type Scope } from '../narrative/lexicon.ts';
import { type Bilingual, cellWhere, claimFigure, claimName, comparisonResult, emptyTableWhere, fmt, judgeAmounts, quotes, undecidedResult } from '../narrative/results.ts';
import type { Judgement } from '../rounding.ts';
import { labelKey } from '../text/normalize.ts';
import { bestMatch, nameSimilarity, projectPool } from './project-budget.ts';
import { rowAttr } from './select.ts';
import { cellsNear } from './narrative-unit.ts';
import { isTotalRow } from './group-total.ts';
import { roundTo } from '../text/numbers.ts';

const SCOPE_NAME: Record<Scope, Bilingual> = {
  all: { zh: '全部资金', en: 'all funds' },
  fiscal: { zh: '财政拨款', en: 'fiscal appropriations' },
  gpb: { zh: '一般公共预算', en: 'the general public budget' },
  gf: { zh: '政府性基金预算', en: 'government funds' },
  soe: { zh: '国有资本经营预算', en: 'state capital operations' },
};

/** Whether a claim speaks of what the tables hold: this year's actuals (决算) or budget (预算). */
export function tableMeasure(work: WorkDocument, c: Claim): 'final' | 'budget' | undefined {
  const y = work.doc.year;
  if (c.year !== undefined && y !== undefined && c.year !== y) return undefined;
  if (c.kind === 'prior') return undefined;
  const budgetish = c.measure === 'budget' || c.measure === 'budget-initial' || c.measure === 'budget-adjusted';
  if (work.doc.kind === 'final') {
    if (c.measure === 'actual' || c.measure === 'unspecified') return 'final';
    if (budgetish) return 'budget';
    return undefined;
  }
  if (work.doc.kind === 'budget') return c.measure === 'unspecified' || budgetish ? 'budget' : undefined;
  return undefined;
}

interface Target {
  located: Located;
  /** The same figure in other scopes' tables (shown as context). */
  also?: Ref[];
  /** For rows: the column the figure was matched with. */
  column?: string;
  judgement: Judgement;
  soft?: boolean;
}

function judge(c: Claim, value: number, unit: Unit, decimals: number): Judgement {
  return judgeAmounts(claimFigure(c, unit), [{ value, decimals }], value);
}

/** `40.00元` where the table says 40.00 万元: the figure is right, its unit word is not. */
function unitSlip(c: Claim, t: Target): boolean {
  if (t.judgement.verdict !== 'discrepancy' || c.unit !== '元' || t.located.unit !== '万元') return false;
  return Math.abs(Math.abs(c.value) - Math.abs(t.located.value)) <= 0.5 * 10 ** -c.decimals + 0.5 * 10 ** -t.located.decimals + 1e-9;
}

/** The table figure a claim is compared with, if the tables give one. */
export function targetOf(work: WorkDocument, c: Claim, named: Named): { target?: Target; reason?: Bilingual } {
  const m = tableMeasure(work, c);
  if (!m) return {};
  const spec = named.kind === 'quantity' ? quantityById.get(named.id) : undefined;
  // In a 决算, a budget figure can only be checked where the tables print budgets (三公 预算数).
  const phase = work.doc.kind === 'final' && m === 'budget' ? 'budget' : undefined;
  if (phase && !finalTablesPrintBudget(named.id)) return {};
  // A quantity tied softly to another (机关运行经费 ≈ 公用经费) is its own figure where a table prints one.
  let choice = chooseScope(work, c, named.id, phase);
  const soft = !!spec?.soft && !choice.located;
  const id = soft && spec?.soft ? spec.soft : named.id;
  if (soft) choice = chooseScope(work, c, id, phase);
  if (choice.unclear) return { reason: { zh: '未说明口径，各口径的表中数字不同', en: 'no scope is given and the tables differ between scopes' } };
  const located = choice.located;
  if (!located) {
    if (!choice.scope) return {};
    return { reason: { zh: `表中没有${SCOPE_NAME[choice.scope].zh}口径的该项数字`, en: `the tables do not give it for ${SCOPE_NAME[choice.scope].en}` } };
  }
  if (named.kind === 'row') {
    const cands = rowCandidates(work, id, located.scope);
    const judged = cands.map((k) => ({ k, j: judge(c, k.value, k.unit, k.decimals) }));
    const hit = judged.find((x) => x.j.verdict === 'ok') ?? judged.find((x) => x.j.verdict === 'rounding');
    const nonzero = judged.filter((x) => x.k.value !== 0);
    // A row's figure said without 基本/项目 is its total (合计, 小计), when the table has one.
    const rowTotal = /基本|项目|人员|公用/.test(c.subject) ? undefined : judged.find((x) => x.k.column === 'total');
    const pick = hit ?? (nonzero.length > 0 && nonzero.every((x) => Math.abs(x.k.value - (nonzero[0]?.k.value ?? 0)) < 1e-9) ? nonzero[0] : judged.length === 1 ? judged[0] : rowTotal);
    if (!pick) return { reason: { zh: '该科目在表中有多栏数字，无法确定所指哪一栏', en: 'the row has several columns and the text does not say which' } };
    return { target: { located: { ...located, value: pick.k.value, decimals: pick.k.decimals, refs: [pick.k.ref] }, column: pick.k.column, judgement: pick.j } };
  }
  const j = judge(c, located.value, located.unit, located.decimals);
  if (soft && j.verdict === 'discrepancy') j.severity = 'warning';
  // Where other scopes hold the same money, their tables show the same figure.
  const also: Ref[] = [];
  for (const s of SCOPES) {
    if (s === located.scope) continue;
    const l = locate(work, id, s, phase);
    if (l && Math.abs(l.value - located.value) < 1e-9 && l.unit === located.unit) for (const r of l.refs) if (!located.refs.some((x) => x.t === r.t && x.r === r.r && x.c === r.c)) also.push(r);
  }
  return { target: { located, judgement: j, soft, also } };
}

function tableBasis(work: WorkDocument, t: Target): Bilingual {
  const names = t.located.refs.map((r) => refName(work, r)).join(' + ');
  const via = t.located.via ? { zh: `（${SCOPE_NAME[t.located.via].zh}与${SCOPE_NAME[t.located.scope].zh}口径数额相同）`, en: ` (${SCOPE_NAME[t.located.via].en} and ${SCOPE_NAME[t.located.scope].en} hold the same money)` } : { zh: '', en: '' };
  const soft = t.soft ? { zh: '（机关运行经费仅对行政单位等于公用经费）', en: ' (equal to public costs only for administrative units)' } : { zh: '', en: '' };
  return { zh: `表中 ${names}${via.zh}${soft.zh}`, en: `the table's ${names}${via.en}${soft.en}` };
}

export function markUsed(model: NarrativeModel, claims: Iterable<Claim>): void {
  for (const c of claims) model.used.add(c);
}

export const narrativeTable: Check = {
  id: 'narrative-table',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const groups = new Map<string, { claims: Claim[]; target: Target; named: Named }>();
    const undecided = new Map<string, { claims: Claim[]; reason: Bilingual }>();
    for (const c of model.claims) {
      if (!c.money || c.kind !== 'amount' || c.approx || c.bound) continue;
      const named = model.named.get(c);
      if (!named) continue;
      const { target, reason } = targetOf(work, c, named);
      if (target) {
        const key = `${named.id}|${target.located.refs.map((r) => `${r.t}.${r.r}.${r.c}`).join('+')}|${c.value}|${c.unit}`;
        const g = groups.get(key);
        if (g) g.claims.push(c);
        else groups.set(key, { claims: [c], target, named });
      } else if (reason) {
        const key = `${named.id}|${c.value}|${reason.en}`;
        const g = undecided.get(key);
        if (g) g.claims.push(c);
        else undecided.set(key, { claims: [c], reason });
      }
    }
    const out: CheckResult[] = [];
    for (const { claims, target, named } of groups.values()) {
      const c = claims[0] as Claim;
      // An amount in 元 that is a table figure read in 万元 is narrative-unit's: this comparison is moot.
      if (target.judgement.verdict === 'discrepancy' && c.unit === '元' && !unitSlip(c, target) && cellsNear(work, Math.abs(c.value)).length > 0) continue;
      markUsed(model, claims);
      const unit = target.located.unit;
      const stated = claimFigure(c, unit);
      const where: Where[] = [
        ...quotes(model, claims),
        ...target.located.refs.map((r) => cellWhere(work, r)),
        ...(target.located.empty ?? []).map((t) => emptyTableWhere(work, t)),
        ...(target.also ?? []).map((r) => cellWhere(work, r, undefined, 'context')),
      ];
      const name = named.kind === 'row' ? named.label : claimName(c);
      out.push(
        comparisonResult(
          {
            rule: 'narrative-table',
            id: `narrative-table/${c.id}`,
            claim: { zh: `正文“${name}”`, en: `the text's "${name}"` },
            basis: tableBasis(work, target),
            stated: stated.value,
            expected: target.located.value,
            unit,
            decimals: Math.max(stated.decimals, target.located.decimals),
            judgement: target.judgement,
            formula: `${name} ${fmt(stated.value, stated.decimals)} = ${target.located.refs.map((r) => refName(work, r)).join(' + ')}`,
            where,
            cause: unitSlip(c, target) ? { kind: 'unit', message: message('cause.unit', lang, undefined) } : undefined,
          },
          lang,
        ),
      );
    }
    out.push(...formFindings(work, model, lang));
    out.push(...procurementFindings(work, model, lang));
    out.push(...projectFindings(work, model, lang));
    for (const { claims, reason } of undecided.values()) {
      const c = claims[0] as Claim;
      out.push(undecidedResult('narrative-table', `narrative-table/${c.id}`, { zh: `正文“${claimName(c)}”`, en: `the text's "${claimName(c)}"` }, reason, quotes(model, claims), lang, c.value));
    }
    return out;
  },
};

// ── projects described in the text ↔ their forms ─────────────────────────────────────────

interface ProjectForm {
  name: string;
  /** Tables cut from the form (明细 blocks, sources, fields). */
  tables: number[];
}

function projectForms(work: WorkDocument): ProjectForm[] {
  const byForm = new Map<string, ProjectForm>();
  work.tables.forEach((wt, t) => {
    const f = wt.table.form;
    if (!f) return;
    let pf = byForm.get(f);
    if (!pf) byForm.set(f, (pf = { name: '', tables: [] }));
    pf.tables.push(t);
    const name = wt.table.fields?.find((x) => labelKey(x.key) === '项目名称')?.value;
    if (name) pf.name = name;
  });
  return [...byForm.values()].filter((p) => p.name);
}

/** Rows of a form named `label`, or `label1`, `label2` … (one item costed in several lines). */
function rowsLabelled(work: WorkDocument, pf: ProjectForm, label: string): Ref[] {
  const want = labelKey(label);
  if (want.length < 2) return [];
  const out: Ref[] = [];
  for (const t of pf.tables) {
    const table = work.tables[t]?.table;
    if (!table || table.fields) continue;
    const col = table.columns.find((c) => c.additive);
    if (!col) continue;
    for (const row of table.rows) {
      const have = labelKey(row.label);
      if (have === want || (have.startsWith(want) && /^\d{1,2}$/.test(have.slice(want.length)))) out.push({ t, r: row.index, c: col.key });
    }
  }
  return out;
}

/** 项目当年预算, or the local appropriation when money also comes from above (as project-budget reads it). */
function formBudget(work: WorkDocument, pf: ProjectForm): Ref | undefined {
  let budget: Ref | undefined;
  let local: Ref | undefined;
  let transfer = 0;
  for (const t of pf.tables) {
    const table = work.tables[t]?.table;
    const col = table?.columns[0];
    if (!table || !col) continue;
    for (const row of table.rows) {
      const k = labelKey(row.label);
      if (table.fields && k === '项目当年预算') budget = { t, r: row.index, c: col.key };
      if (!table.fields && /区级安排|本级安排|本级财政/.test(row.label)) local = { t, r: row.index, c: col.key };
      if (!table.fields && /上级转移支付/.test(row.label)) transfer = row.cells[col.key]?.value ?? 0;
    }
  }
  return transfer !== 0 && local ? local : budget;
}

/**
 * A text figure against the sum of some cells (one cell, a project's row, a procurement
 * category's items): the comparison, its cells quoted. Marks the claim used.
 */
function cellsResult(work: WorkDocument, model: NarrativeModel, c: Claim, refs: Ref[], basis: Bilingual, id: string, lang: Lang, sum?: string): CheckResult {
  const cellOf = (r: Ref) => work.tables[r.t]?.table;
  const value = (r: Ref) => cellOf(r)?.rows[r.r]?.cells[r.c]?.value ?? 0;
  const unit = cellOf(refs[0] ?? { t: 0, r: 0, c: '' })?.unit ?? '万元';
  const stated = claimFigure(c, unit);
  const expected = roundTo(refs.reduce((a, r) => a + value(r), 0), 8);
  model.used.add(c);
  return comparisonResult(
    {
      rule: 'narrative-table',
      id,
      claim: { zh: `正文“${claimName(c)}”`, en: `the text's "${claimName(c)}"` },
      basis,
      stated: stated.value,
      expected,
      unit,
      decimals: Math.max(stated.decimals, 2),
      judgement: judgeAmounts(stated, refs.map((r) => ({ value: value(r), decimals: cellOf(r)?.decimals ?? 2 })), expected),
      formula: `${claimName(c)} ${fmt(stated.value, stated.decimals)} = ${sum ?? refs.map((r) => refName(work, r)).join(' + ')}`,
      where: [...quotes(model, [c]), ...refs.slice(0, 20).map((r) => cellWhere(work, r))],
    },
    lang,
  );
}

// ── a project named in the text ↔ its row of the project table ────────────────────────────

/** A paragraph on 政府采购 (its categories with their amounts). */
const PROCUREMENT_CONTEXT = /政府采购|采购预算|(?:货物|工程|服务)类\s*[\d,.]+\s*万?元/;

/** `主要用于业务工作经费50.00万元`: a project of the 项目支出表, by its name, at its budget. */
function projectFindings(work: WorkDocument, model: NarrativeModel, lang: Lang): CheckResult[] {
  const pool = projectPool(work.tables.map((w) => w.table));
  if (pool.length === 0) return [];
  const out: CheckResult[] = [];
  for (const c of model.claims) {
    if (c.kind !== 'amount' || !c.money || c.approx || c.bound || model.used.has(c) || model.named.get(c)) continue;
    if (c.year !== undefined && work.doc.year !== undefined && c.year !== work.doc.year) continue;
    const name = c.subject.replace(/^(?:主要)?为/, '');
    if (name.length < 4) continue;
    // in a paragraph on 政府采购 a project's figure is what it buys, not its budget
    if (PROCUREMENT_CONTEXT.test(model.paragraphs[c.para]?.text ?? '')) continue;
    const hit = bestMatch(name, pool);
    if (!hit) continue;
    const cell = work.tables[hit.ref.t]?.table.rows[hit.ref.r]?.cells[hit.ref.c];
    if (cell?.value === null || cell?.value === undefined) continue;
    out.push(cellsResult(work, model, c, [hit.ref], { zh: `表中 ${refName(work, hit.ref)}`, en: `the table's ${refName(work, hit.ref)}` }, `narrative-table/${c.id}`, lang));
  }
  return out;
}

// ── 政府采购 by category ↔ the procurement table's items ───────────────────────────────────

/** The 政府采购品目分类目录's first letter: A 货物, B 工程, C 服务. */
const CATEGORY: Record<string, string> = { 货物: 'A', 工程: 'B', 服务: 'C' };
const CATEGORY_SUBJECT = /^(货物|工程|服务)类?(?:采购)?(?:预算)?(?:金额|总额|支出)?$/;

/**
 * `政府采购预算…其中：货物类6.02万元，服务类525.18万元`: each category against the sum of the
 * procurement table's items whose 品目 code starts with its letter (`[A05049900]`, `[C21040000]`).
 */
function procurementFindings(work: WorkDocument, model: NarrativeModel, lang: Lang): CheckResult[] {
  const t = work.tables.findIndex((w) => w.table.rows.some((r) => rowAttr(r, /采购品目/)));
  const table = work.tables[t]?.table;
  const amount = table?.columns.find((c) => c.role === 'amount');
  if (!table || !amount) return [];
  const out: CheckResult[] = [];
  for (const c of model.claims) {
    if (c.kind !== 'amount' || !c.money || c.approx || model.used.has(c)) continue;
    const m = CATEGORY_SUBJECT.exec(c.subject);
    const letter = m?.[1] ? CATEGORY[m[1]] : undefined;
    if (!letter || !/政府采购/.test(model.paragraphs[c.para]?.text ?? '')) continue;
    const refs: Ref[] = table.rows
      .filter((r) => !isTotalRow(r) && new RegExp(`^[\\[［【(（]?${letter}\\d`).test(rowAttr(r, /采购品目/) ?? '') && r.cells[amount.key]?.value != null)
      .map((r) => ({ t, r: r.index, c: amount.key }));
    if (refs.length === 0) continue;
    compare(c, refs, { zh: `政府采购表中品目代码以 ${letter} 开头的 ${refs.length} 项合计`, en: `the ${refs.length} items of the procurement table whose code starts with ${letter}` }, `Σ ${table.tableNo ?? table.title} [${letter}…]`);
  }
  // `为物业管理服务费36.1万元`, `劳动人事争议仲裁办案工作经费140万元`: an item named by its 品目
  // (`[C21040000]物业管理服务`) or by its project, the rows of that one name summed.
  const core = (x: string) => labelKey(x).replace(/^(?:主要)?为/, '').replace(/^其他/, '').replace(/(?:购置)?(?:经)?费$|支出$/, '');
  for (const c of model.claims) {
    if (c.kind !== 'amount' || !c.money || c.approx || model.used.has(c) || model.named.get(c)) continue;
    if (!/政府采购/.test(model.paragraphs[c.para]?.text ?? '')) continue;
    const want = core(c.subject);
    if (want.length < 4) continue;
    const byItem = (r: Row) => core((rowAttr(r, /采购品目/) ?? '').replace(/^[\[［【(（][A-Z]?\d+[\]］】)）]/, ''));
    const byProject = (r: Row) => labelKey(rowAttr(r, /^项目(名称)?$/) ?? '');
    const rows = table.rows.filter((r) => !isTotalRow(r) && r.cells[amount.key]?.value != null && rowAttr(r, /采购品目/));
    const items = rows.filter((r) => byItem(r).length >= 2 && want.includes(byItem(r)));
    const oneItem = items.length > 0 && new Set(items.map(byItem)).size === 1;
    const named = oneItem ? items : rows.filter((r) => byProject(r) === labelKey(c.subject.replace(/^(?:主要)?为/, '')));
    const first = named[0];
    if (!first) continue;
    const label = oneItem ? byItem(first) : byProject(first);
    compare(c, named.map((r) => ({ t, r: r.index, c: amount.key })), { zh: `政府采购表中“${label}” ${named.length} 项合计`, en: `the procurement table's ${named.length} item(s) "${label}"` }, `Σ ${table.tableNo ?? table.title}`);
  }
  return out;

  function compare(c: Claim, refs: Ref[], basis: Bilingual, sum: string): void {
    out.push(cellsResult(work, model, c, refs, basis, `narrative-table/${c.id}`, lang, sum));
  }
}

function formFindings(work: WorkDocument, model: NarrativeModel, lang: Lang): CheckResult[] {
  const forms = projectForms(work);
  if (forms.length === 0) return [];
  const out: CheckResult[] = [];
  const compare = (c: Claim, refs: Ref[], what: Bilingual, id: string) => {
    out.push(cellsResult(work, model, c, refs, what, id, lang));
  };
  for (const list of model.lists) {
    const head = list.head;
    if (!head.money || head.kind !== 'amount' || model.named.get(head)) continue;
    const scored = forms.map((f) => ({ f, s: nameSimilarity(head.topic, f.name) })).sort((a, b) => b.s - a.s);
    const best = scored[0];
    if (!best || best.s < 0.8 || (scored[1] && scored[1].s === best.s)) continue;
    const pf = best.f;
    const budget = formBudget(work, pf);
    if (budget && !model.used.has(head)) compare(head, [budget], { zh: `项目申报表 ${refName(work, budget)}`, en: `the project form's ${refName(work, budget)}` }, `narrative-table/${head.id}/form`);
    for (const item of list.items) {
      if (!item.money || item.kind !== 'amount' || model.used.has(item)) continue;
      const refs = rowsLabelled(work, pf, item.subject);
      if (refs.length === 0) continue;
      const names = refs.map((r) => refName(work, r)).join(' + ');
      compare(item, refs, { zh: `项目申报表明细 ${names}`, en: `the project form's lines ${names}` }, `narrative-table/${item.id}/form`);
    }
  }
  return out;
}
