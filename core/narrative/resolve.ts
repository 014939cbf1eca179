/**
 * From words to cells: which table figure a claim's subject names, in which scope. A subject
 * names a quantity of the lexicon (基本支出, 人员经费, 财政拨款收入 …), or a classification
 * row by its name (`社会保障和就业（类）支出`, `对个人和家庭的补助`). The scope is the one the
 * claim states, else the one its section has been speaking of, else its section heading's;
 * a quantity that no table gives in that scope can still be read in a narrower one when the
 * two scopes hold the same money (`基本支出` equal in all funds and in 一般公共预算 makes
 * `人员经费` equal too). With no scope at all, the claim is compared only if every scope the
 * tables give agrees.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Column, Row, Table, Unit } from '../model/schemas.ts';
import type { Ref } from '../checks/identity.ts';
import { firstTable, selectColumn, selectRow } from '../checks/cross-table.ts';
import { codeTree } from '../checks/function-hierarchy.ts';
import { labelKey } from '../text/normalize.ts';
import { anyScopeRe, quantityById, quantityTerms, type Scope, type QuantitySpec } from './lexicon.ts';
import type { Claim } from './claims.ts';
import { glossaryAliases } from './glossary.ts';

export const SCOPES: Scope[] = ['all', 'fiscal', 'gpb', 'gf', 'soe'];
/** The scopes a figure named without one may mean. */
const IMPLICIT_SCOPES: Scope[] = ['all', 'fiscal'];
const INSIDE: Record<Scope, Scope[]> = { all: ['fiscal', 'gpb', 'gf', 'soe'], fiscal: ['gpb', 'gf', 'soe'], gpb: [], gf: [], soe: [] };

export interface Located {
  value: number;
  unit: Unit;
  decimals: number;
  refs: Ref[];
  scope: Scope;
  /** The claim was read in `scope` because its own scope holds the same money. */
  via?: Scope;
  /** Tables that hold nothing at all (no rows): they count as zero. */
  empty?: number[];
}

export interface Named {
  kind: 'quantity' | 'row';
  /** Lexicon id, or `fn:<code>` / `econ:<code>` for a classification row. */
  id: string;
  label: string;
  /** Words left over after the quantity's term (`机关运行经费支出` → ''). */
  rest: string;
}

// ── subjects ───────────────────────────────────────────────────────────────────────────

const STRIP_SUFFIX = /(?:总额|总数|合计数?|金额|数额|资金|经费|支出|费用|项目|情况)+$/;
const WEAK = 2;

/**
 * The lexicon quantity a subject names, if any. Of several terms found in it, the one that
 * leaves least unexplained wins, then the one that starts first (`项目支出总额`: 项目支出, not
 * 支出总额).
 */
export function quantityOf(subject: string): Named | undefined {
  const s = subject.replace(anyScopeRe, '').replace(/‹[类款项]›/g, '').replace(/、/g, '');
  if (!s) return undefined;
  let best: { named: Named; score: [number, number, number] } | undefined;
  for (const { term, bare: t, id, implied } of quantityTerms) {
    if (t.length <= WEAK) {
      // 收入 / 支出 / 拨款 only as the whole subject (`一般公共预算财政拨款支出`).
      if (s === t || s === `${t}总额` || s === `${t}总计`) {
        const named: Named = { kind: 'quantity', id, label: term, rest: '' };
        const score: [number, number, number] = [0, 0, -t.length];
        if (!best || less(score, best.score)) best = { named, score };
      }
      continue;
    }
    const at = s.indexOf(t);
    if (at < 0) continue;
    let rest = s.slice(0, at) + s.slice(at + t.length);
    if (implied) rest = rest.replace(implied, '').replace(/^的|的$/g, '');
    const score: [number, number, number] = [rest.replace(STRIP_SUFFIX, '').length, at, -t.length];
    if (!best || less(score, best.score)) best = { named: { kind: 'quantity', id, label: term, rest }, score };
  }
  return best?.named;
}

function less(a: [number, number, number], b: [number, number, number]): boolean {
  for (let i = 0; i < 3; i++) if (a[i] !== b[i]) return (a[i] as number) < (b[i] as number);
  return false;
}

function core(label: string): string {
  // `2080799其他就业补助支出`: a classification code printed against the name is no part of it.
  return labelKey(label.replace(/[(（][^()（）]*[)）]/g, '')).replace(/^[一二三四五六七八九十]+、/, '').replace(/^\d{3}(?:\d{2}){0,2}(?=[\u4e00-\u9fff])/, '').replace(STRIP_SUFFIX, '');
}

interface Part {
  level?: '类' | '款' | '项';
  text: string;
}

function partsOf(subject: string): Part[] {
  if (!/‹[类款项]›/.test(subject)) return [{ text: subject }];
  const out: Part[] = [];
  const re = /([^‹›]*)‹([类款项])›/g;
  let last = 0;
  for (let m; (m = re.exec(subject)); ) {
    out.push({ level: m[2] as Part['level'], text: m[1] ?? '' });
    last = m.index + m[0].length;
  }
  const tail = subject.slice(last);
  const lastPart = out[out.length - 1];
  // `社会保障和就业（类）支出`: the words after the marker complete the name.
  if (tail && lastPart && /^(?:支出|收入)$/.test(tail)) lastPart.text += tail;
  return out;
}

const LEVEL_LENGTH: Record<string, number> = { 类: 3, 款: 5, 项: 7 };

/** Row names of a table by their core (suffixes and brackets dropped), built once per table. */
interface LabelIndex {
  exact: Map<string, Row[]>;
  /** Labels long enough to be matched as a prefix (cut short by the PDF layout). */
  long: { core: string; row: Row }[];
}
const labelIndexes = new WeakMap<Table, Map<string, LabelIndex>>();

function labelIndex(table: Table, kind: 'function' | 'economic'): LabelIndex {
  let byKind = labelIndexes.get(table);
  if (!byKind) labelIndexes.set(table, (byKind = new Map()));
  const hit = byKind.get(kind);
  if (hit) return hit;
  const idx: LabelIndex = { exact: new Map(), long: [] };
  for (const r of table.rows) {
    if (r.codeKind !== kind || !r.code) continue;
    const c = core(r.label);
    if (c.length < 2) continue;
    const list = idx.exact.get(c);
    if (list) list.push(r);
    else idx.exact.set(c, [r]);
    if (c.length >= 6) idx.long.push({ core: c, row: r });
  }
  byKind.set(kind, idx);
  return idx;
}

/** Rows whose name is `text`: the same core, or a core cut short that starts it (`其他对个人和家庭的`). */
function rowsByName(idx: LabelIndex, text: string): Row[] {
  const b = core(text);
  if (b.length < 2) return [];
  const exact = idx.exact.get(b);
  if (exact) return exact;
  return idx.long.filter((x) => b.startsWith(x.core) && x.core.length / b.length >= 0.75).map((x) => x.row);
}

/** Rows of `table` whose name the subject gives. */
export function rowsNamed(table: Table, subject: string, kind: 'function' | 'economic'): Row[] {
  const parts = partsOf(subject);
  const deepest = parts[parts.length - 1];
  if (!deepest) return [];
  const hasLevels = deepest.level !== undefined;
  if (hasLevels && kind === 'economic') return [];
  const idx = labelIndex(table, kind);
  let rows = rowsByName(idx, deepest.text).filter((r) => !deepest.level || r.code?.length === LEVEL_LENGTH[deepest.level]);
  if (rows.length > 1 && parts.length > 1) {
    // Disambiguate by the parent's name (`人力资源和社会保障管理事务（款）行政运行（项）`).
    const parent = parts[parts.length - 2] as Part;
    const { byCode } = codeTree(table.rows, kind);
    const parentRows = new Set(rowsByName(idx, parent.text));
    rows = rows.filter((r) => {
      const p = byCode.get((r.code as string).slice(0, (r.code as string).length - 2));
      return !p || parentRows.has(p);
    });
  }
  return rows;
}

// ── scopes and cells ───────────────────────────────────────────────────────────────────

function cellValue(table: Table, row: Row, col: Column): { value: number; decimals: number } | undefined {
  const cell = row.cells[col.key];
  if (cell?.status === 'undecided') return undefined;
  return { value: cell?.value ?? 0, decimals: Math.max(table.decimals, cell?.decimals ?? 0) };
}

function locateSpec(work: WorkDocument, spec: QuantitySpec, scope: Scope, phase?: 'budget' | 'final'): Located | undefined {
  const kind = work.doc.kind === 'budget' ? 'budget' : work.doc.kind === 'final' ? 'final' : undefined;
  if (!kind) return undefined;
  const alternatives = spec.cells[kind]?.[scope];
  if (!alternatives) return undefined;
  for (const alt of alternatives) {
    const refs: Ref[] = [];
    const empty: number[] = [];
    let value = 0;
    let decimals = 0;
    let unit: Unit | undefined;
    let ok = true;
    for (const term of alt) {
      const t = firstTable(work, term.template);
      const table = work.tables[t]?.table;
      if (!table) {
        // A 决算 template the document does not print (07/08 often left out when empty) adds nothing.
        if (alt.length > 1) continue;
        ok = false;
        break;
      }
      const row = selectRow(table, term.row);
      const col = selectColumn(table, phase && term.col.phase ? { ...term.col, phase } : term.col, row);
      const v = row && col ? cellValue(table, row, col) : undefined;
      if (!row && table.isEmpty && table.rows.length === 0 && (col || table.columns.length === 0)) {
        // An empty table with no rows at all (`此表无数据`): it holds zero (in a column it has).
        unit = unit ?? table.unit;
        empty.push(t);
        continue;
      }
      if (!row || !col || !v) {
        ok = false;
        break;
      }
      if (unit && unit !== table.unit) {
        ok = false;
        break;
      }
      unit = table.unit;
      refs.push({ t, r: row.index, c: col.key });
      value += v.value * (term.sign ?? 1);
      decimals = Math.max(decimals, v.decimals);
    }
    if (ok && unit) return { value: Math.round(value * 1e6) / 1e6, unit, decimals, refs, scope, ...(empty.length ? { empty } : {}) };
  }
  return undefined;
}

const PARENT_OF_ROWS = 'expense-total';

/** The quantity a quantity is part of (a 类 of the expense total, 基本支出 of it, an economic item of 基本支出). */
export function parentOf(id: string): string | undefined {
  if (id.startsWith('econ:')) return 'basic';
  if (id.startsWith('fn:')) return PARENT_OF_ROWS;
  const spec = quantityById.get(id);
  if (spec?.parent) return spec.parent;
  if (id === 'basic' || id === 'project') return 'expense-total';
  return undefined;
}

const ROW_TEMPLATES: Record<string, Partial<Record<Scope, string[]>>> = {
  'final-function': { all: ['final-03'], fiscal: ['final-04'], gpb: ['final-05'], gf: ['final-07'], soe: ['final-08'] },
  'final-economic': { gpb: ['final-06'] },
  'budget-function': { all: ['budget-expense'], fiscal: ['budget-fiscal'], gpb: ['budget-gpb'], gf: ['budget-gf'], soe: ['budget-soe'] },
  'budget-economic': { gpb: ['budget-basic'] },
};
const rowTableCache = new WeakMap<WorkDocument, Map<string, number[]>>();

/** Tables that list classification rows of `kind` for `scope` (03 for all funds, 05 for 一般公共预算 …). */
function rowTables(work: WorkDocument, kind: 'function' | 'economic', scope: Scope): number[] {
  let cache = rowTableCache.get(work);
  if (!cache) rowTableCache.set(work, (cache = new Map()));
  const key = `${kind}|${scope}`;
  const hit = cache.get(key);
  if (hit) return hit;
  const list = ROW_TEMPLATES[`${work.doc.kind}-${kind}`]?.[scope] ?? [];
  const out = list.map((tpl) => firstTable(work, tpl)).filter((t) => t >= 0);
  cache.set(key, out);
  return out;
}

export interface RowCandidate {
  ref: Ref;
  value: number;
  decimals: number;
  unit: Unit;
  column: string;
}

/** The figures of a named classification row in a scope: its total, basic and project columns. */
export function rowCandidates(work: WorkDocument, id: string, scope: Scope): RowCandidate[] {
  const [kind, code] = id.split(':') as ['fn' | 'econ', string];
  const out: RowCandidate[] = [];
  for (const t of rowTables(work, kind === 'fn' ? 'function' : 'economic', scope)) {
    const table = work.tables[t]?.table as Table;
    const row = table.rows.find((r) => r.code === code && r.codeKind === (kind === 'fn' ? 'function' : 'economic'));
    if (!row) continue;
    const side = row.side;
    // The row's spending: its total, 基本 and 项目 (and the first figure column), not the carry-overs
    // or income a table of 07's layout prints beside them.
    const spending = (c: Column) => c.additive && c.side === side && c.role !== 'carry-in' && c.role !== 'carry-out' && c.role !== 'income';
    const first = table.columns.find(spending);
    const cols = table.columns.filter((c) => spending(c) && (c.role === 'total' || c.role === 'expense' || c.role === 'basic' || c.role === 'project' || c.role === 'personnel' || c.role === 'public' || c === first));
    for (const col of cols) {
      const v = cellValue(table, row, col);
      if (v) out.push({ ref: { t, r: row.index, c: col.key }, value: v.value, decimals: v.decimals, unit: table.unit, column: col.role ?? col.label });
    }
    if (out.length) break;
  }
  return out;
}

const locateCache = new WeakMap<WorkDocument, Map<string, Located | undefined>>();

/** Where the tables hold a quantity (lexicon id or row id) in `scope`, directly or through an equal parent. */
export function locate(work: WorkDocument, id: string, scope: Scope, phase?: 'budget' | 'final'): Located | undefined {
  let cache = locateCache.get(work);
  if (!cache) locateCache.set(work, (cache = new Map()));
  const key = `${id}|${scope}|${phase ?? ''}`;
  if (cache.has(key)) return cache.get(key);
  const l = locateUncached(work, id, scope, phase);
  cache.set(key, l);
  return l;
}

/** No 政府性基金 or 国有资本经营 figure for `id` in the tables (none given, or zero). */
function noOtherFunds(work: WorkDocument, id: string): boolean {
  return (['gf', 'soe'] as const).every((fund) => Math.abs(locate(work, id, fund)?.value ?? 0) <= 1e-9);
}

/**
 * 财政拨款 is 一般公共预算 for `id`: the department has no 政府性基金 or 国有资本 spending, or
 * `id` is a classification row their tables do not list (or list as zero).
 */
function onlyGeneralBudget(work: WorkDocument, id: string): boolean {
  if (noOtherFunds(work, 'expense-total') && !!locate(work, 'expense-total', 'gpb')) return true;
  return (id.startsWith('fn:') || id.startsWith('econ:')) && noOtherFunds(work, id);
}

function locateUncached(work: WorkDocument, id: string, scope: Scope, phase?: 'budget' | 'final'): Located | undefined {
  const direct = locateDirect(work, id, scope, phase);
  if (direct) return direct;
  // 财政拨款 with no figure of its own (a 预算's 三公 table is the 一般公共预算's): the
  // 一般公共预算 figure, when the department has no 政府性基金 or 国有资本 spending.
  if (scope === 'fiscal' && onlyGeneralBudget(work, id)) {
    const gpb = locateDirect(work, id, 'gpb', phase);
    if (gpb) return { ...gpb, via: scope };
  }
  // A part of a whole that is the same money in a narrower scope is the same part there too.
  const parent = parentOf(id);
  if (!parent) return undefined;
  const whole = locateDirect(work, parent, scope) ?? locateDirect(work, 'grand-total', scope);
  if (!whole) return undefined;
  for (const inner of INSIDE[scope]) {
    const w2 = locateDirect(work, parent, inner);
    if (!w2 || Math.abs(w2.value - whole.value) > 1e-9 || w2.unit !== whole.unit) continue;
    const d = locateDirect(work, id, inner, phase);
    if (d) return { ...d, via: scope };
  }
  return undefined;
}

function locateDirect(work: WorkDocument, id: string, scope: Scope, phase?: 'budget' | 'final'): Located | undefined {
  if (id.startsWith('fn:') || id.startsWith('econ:')) {
    const cands = rowCandidates(work, id, scope);
    const first = cands[0];
    if (!first) return undefined;
    return { value: first.value, unit: first.unit, decimals: first.decimals, refs: [first.ref], scope };
  }
  const spec = quantityById.get(id);
  return spec ? locateSpec(work, spec, scope, phase) : undefined;
}

/** What a claim's subject names: a lexicon quantity, else a classification row in the tables. */
const nameCache = new WeakMap<WorkDocument, Map<string, Named | undefined>>();

/** What a subject names (cached per document: the same subjects recur). */
export function nameOf(work: WorkDocument, subject: string): Named | undefined {
  if (!subject) return undefined;
  let cache = nameCache.get(work);
  if (!cache) nameCache.set(work, (cache = new Map()));
  if (cache.has(subject)) return cache.get(subject);
  const named = computeName(work, subject);
  cache.set(subject, named);
  return named;
}

function computeName(work: WorkDocument, subject: string): Named | undefined {
  const direct = nameDirect(work, subject);
  if (direct) return direct;
  // Another name the 名词解释 gives a 项 (glossary.ts): the subject starts with it.
  const s = core(subject.replace(anyScopeRe, ''));
  if (s.length < 4) return undefined;
  const hits = aliasesOf(work).filter((a) => a.core.length >= 4 && s.startsWith(a.core));
  const ids = new Set(hits.map((h) => h.named.id));
  const first = hits[0];
  return ids.size === 1 && first ? first.named : undefined;
}

const aliasCache = new WeakMap<WorkDocument, { core: string; named: Named }[]>();

function aliasesOf(work: WorkDocument): { core: string; named: Named }[] {
  const hit = aliasCache.get(work);
  if (hit) return hit;
  const out: { core: string; named: Named }[] = [];
  for (const a of glossaryAliases(work.doc.paragraphs)) {
    const named = nameDirect(work, a.subject);
    if (named?.kind === 'row' && named.id.startsWith('fn:')) out.push({ core: core(a.item), named });
  }
  aliasCache.set(work, out);
  return out;
}

function nameDirect(work: WorkDocument, subject: string): Named | undefined {
  const q = quantityOf(subject);
  if (q && q.rest.replace(STRIP_SUFFIX, '').length <= 2) return q;
  const hasLevels = /‹[类款项]›/.test(subject);
  const scopes: Scope[] = ['gpb', 'all', 'fiscal'];
  for (const kind of hasLevels ? (['function'] as const) : (['economic', 'function'] as const)) {
    for (const scope of scopes) {
      for (const t of rowTables(work, kind, scope)) {
        const rows = rowsNamed(work.tables[t]?.table as Table, subject.replace(anyScopeRe, ''), kind);
        const codes = new Set(rows.map((r) => r.code));
        if (codes.size === 1 && rows[0]) {
          const r = rows[0];
          return { kind: 'row', id: `${kind === 'function' ? 'fn' : 'econ'}:${r.code}`, label: `${r.code} ${r.label}`, rest: '' };
        }
      }
    }
  }
  return q && q.rest.length <= 4 ? q : undefined;
}

export interface ScopeChoice {
  scope?: Scope;
  located?: Located;
  /** Why no scope could be chosen (several scopes with different figures). */
  unclear?: boolean;
}

/** Whether the tables of this kind of document can give `id` in `scope` at all. */
function hasScope(work: WorkDocument, id: string, scope: Scope): boolean {
  if (id.startsWith('fn:') || id.startsWith('econ:')) return true;
  const kind = work.doc.kind === 'budget' ? 'budget' : work.doc.kind === 'final' ? 'final' : undefined;
  return !kind || !!quantityById.get(id)?.cells[kind]?.[scope];
}

/** The scope to read a claim in: its own, else its context's, else its section's. */
export function chooseScope(work: WorkDocument, claim: Claim, id: string, phase?: 'budget' | 'final'): ScopeChoice {
  if (claim.scope) return { scope: claim.scope, located: locate(work, id, claim.scope, phase) };
  for (const s of [claim.contextScope, claim.sectionScope]) {
    if (!s) continue;
    const l = locate(work, id, s, phase);
    if (l) return { scope: s, located: l };
  }
  // A scope the quantity does not exist in (上年结转 after 政府性基金收入 in a list of sources) says
  // nothing about it: only one it can have a figure in stands without a figure.
  const applies = [claim.contextScope, claim.sectionScope].find((s) => s && hasScope(work, id, s));
  if (applies) return { scope: applies };
  // No scope: all funds or 财政拨款, usable when the two agree (or one is all the tables give);
  // 一般公共预算 when the tables give neither. The narrower funds (一般公共预算 beside 国有资本,
  // 政府性基金) are named where meant.
  let found = IMPLICIT_SCOPES.map((s) => locate(work, id, s, phase)).filter((l): l is Located => !!l);
  if (found.length === 0) found = [locate(work, id, 'gpb', phase)].filter((l): l is Located => !!l);
  const first = found[0];
  if (!first) return {};
  if (found.every((l) => Math.abs(l.value - first.value) < 1e-9 && l.unit === first.unit)) return { scope: first.scope, located: first };
  return { unclear: true };
}
