/**
 * Identities: `stated = Σ ± terms` (or `stated ≥ Σ terms`) over table cells. Checks declare
 * identities from the structure of the document (codes, headers, printed formulas, ties);
 * the solver uses them to place figures whose column the layout lost; evaluation judges
 * them with the rounding model and turns each into a CheckResult.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { DraftValue } from '../normalize/draft.ts';
import type { CheckResult, Column, Row, SourceRef, Table, Where } from '../model/schemas.ts';
import { type Lang, type RuleId, message, ruleTitle, headed } from '../messages.ts';
import { type Figure, type Judgement, judgeSum } from '../rounding.ts';
import { exactSum, formatAmount, isBlankMarker, roundTo, UNIT_FACTOR } from '../text/numbers.ts';
import { arabicYears } from '../text/normalize.ts';
import { carryOverCause, likelyCause, neighbourCause } from './causes.ts';

export interface Ref {
  t: number;
  r: number;
  c: string;
}
export interface Term {
  ref: Ref;
  sign: 1 | -1;
}

export interface Identity {
  id: string;
  rule: RuleId;
  relation: 'eq' | 'ge';
  stated: Ref;
  terms: Term[];
  /** May be used to decide where a figure belongs (solve/columns.ts). */
  solver: boolean;
  /** A short description of what is tied (cross-table ties): shown before the arithmetic. */
  note?: { zh: string; en: string };
  /** The formula as printed in the document, when there is one. */
  printed?: string;
  /** Terms that could not be found; they count as blank. */
  missing?: string[];
  /**
   * A term not found in a table that holds figures in rows it could not name (a garbled reading):
   * the term may be one of those, so the identity cannot be judged.
   */
  unnamedRows?: { table: string; rows: number };
  /**
   * Judge it even when every cell is blank (a printed formula, a balance, a tie between two
   * tables that both show nothing): "both say zero" is a finding a reader can use.
   */
  keepBlank?: boolean;
  /** The figures are shares in percent: no two-cent floor in the tolerance. */
  percent?: boolean;
}

export function tableOf(work: WorkDocument, ref: Ref): Table {
  const t = work.tables[ref.t]?.table;
  if (!t) throw new Error(`no table ${ref.t}`);
  return t;
}
export function rowOf(work: WorkDocument, ref: Ref): Row {
  const r = tableOf(work, ref).rows[ref.r];
  if (!r) throw new Error(`no row ${ref.r} in table ${ref.t}`);
  return r;
}
export function columnOf(work: WorkDocument, ref: Ref): Column {
  const c = tableOf(work, ref).columns.find((x) => x.key === ref.c);
  if (!c) throw new Error(`no column ${ref.c} in table ${ref.t}`);
  return c;
}

/** Table precision: the most decimals any figure in it prints (trailing zeros are often dropped). */
export function tableDecimals(table: Table): number {
  return table.decimals;
}

export function shortTableName(t: Table): string {
  if (t.tableNo) return t.tableNo;
  return arabicYears(t.title).replace(/^\s*\d{4}\s*年度?\s*/, '').slice(0, 24);
}

export function rowName(row: Row): string {
  const label = row.label || '';
  if (row.code && row.role !== 'class') return `${row.code}${label ? ` ${label}` : ''}`;
  if (row.lineNo !== undefined) return `${row.lineNo}行${label ? ` ${label}` : ''}`;
  return label || `第${row.index + 1}行`;
}

/**
 * A column's name: its label, with its 栏次; where another column of its table has the same label
 * (合计 under each year), with the headers above it (`2024年预算数 合计`).
 */
export function columnName(col: Column, table?: Table): string {
  const twin = table && col.path.length > 1 && table.columns.some((c) => c !== col && c.label === col.label);
  const label = twin ? col.path.join(' ') : col.label;
  return col.lineNo !== undefined ? `${col.lineNo}栏 ${label}` : label;
}

/** Names are asked for again and again (every identity a cell takes part in): cached per row. */
const nameCache = new WeakMap<Row, Map<string, string>[]>();

export function refName(work: WorkDocument, ref: Ref, withTable = true): string {
  const row = rowOf(work, ref);
  let maps = nameCache.get(row);
  if (!maps) nameCache.set(row, (maps = [new Map(), new Map()]));
  const cache = maps[withTable ? 1 : 0] as Map<string, string>;
  const hit = cache.get(ref.c);
  if (hit !== undefined) return hit;
  const name = computeRefName(work, ref, withTable);
  cache.set(ref.c, name);
  return name;
}

function computeRefName(work: WorkDocument, ref: Ref, withTable: boolean): string {
  const t = tableOf(work, ref);
  const row = rowOf(work, ref);
  const col = columnOf(work, ref);
  const sideCols = t.columns.filter((c) => c.side === col.side);
  const colPart = sideCols.length > 1 ? ` [${columnName(col, t)}]` : '';
  return `${withTable ? `${shortTableName(t)} ` : ''}${rowName(row)}${colPart}`;
}

/** Where a cell is, for a finding. A share (`percent`) has no money unit. */
export function whereOf(work: WorkDocument, ref: Ref, role: Where['role'], value: number | null, sign?: 1 | -1, percent = false): Where {
  const t = tableOf(work, ref);
  const row = rowOf(work, ref);
  const col = columnOf(work, ref);
  const cell = row.cells[ref.c];
  return {
    role,
    label: refName(work, ref),
    value,
    sign,
    table: t.id,
    tableNo: t.tableNo,
    row: { code: row.code, label: row.label, lineNo: row.lineNo },
    column: { label: col.label, lineNo: col.lineNo },
    unit: percent ? undefined : t.unit,
    source: cell?.source ?? row.blankSources?.[ref.c] ?? rowSource(row.source),
  };
}

/** A blank cell has no source of its own: its row's line, and on a page the row, not a cell of it. */
function rowSource(source: SourceRef): SourceRef {
  return source.path ? { ...source, path: source.path.replace(/\.c\d+$/, '') } : source;
}

interface Read {
  figure?: Figure;
  undecided?: string;
}

/** Read a cell as a figure in `unit`; blank = exact zero. */
function read(work: WorkDocument, ref: Ref, unit: keyof typeof UNIT_FACTOR, lang: Lang): Read {
  const t = tableOf(work, ref);
  const row = rowOf(work, ref);
  const cell = row.cells[ref.c];
  const factor = UNIT_FACTOR[t.unit] / UNIT_FACTOR[unit];
  const own = cell?.text.includes('%') ? (cell?.decimals ?? 0) : Math.max(tableDecimals(t), cell?.decimals ?? 0);
  const decimals = own + Math.round(Math.log10(1 / factor));
  if (!cell) return { figure: { value: 0, decimals: Math.max(0, decimals), blank: true } };
  if (cell.status === 'undecided') return { undecided: message('reason.cell-undecided', lang, { where: refName(work, ref) }) };
  if (cell.value === null) {
    if (!isBlankMarker(cell.text)) {
      return { undecided: message('reason.not-a-number', lang, { where: refName(work, ref), text: cell.text }) };
    }
    return { figure: { value: 0, decimals: Math.max(0, decimals), blank: true } };
  }
  return { figure: { value: roundTo(cell.value * factor, 8), decimals: Math.max(0, decimals) } };
}

/** Combinations of placements tried for one check, at most. */
const MAX_PLACEMENT_COMBINATIONS = 256;

/**
 * The check's figures (stated first, then each term) when every placement still possible for
 * the rows whose figures stayed undecided gives the same stated figure and the same sum; with
 * the rows in doubt named. Undefined when they differ, or a row in doubt keeps no placements.
 */
function sameUnderEachPlacement(work: WorkDocument, id: Identity, unit: keyof typeof UNIT_FACTOR): { reads: Figure[]; where: string } | undefined {
  const refs = [id.stated, ...id.terms.map((t) => t.ref)];
  const doubt: { t: number; r: number; options: Map<string, DraftValue>[] }[] = [];
  for (const ref of refs) {
    if (rowOf(work, ref).cells[ref.c]?.status !== 'undecided' || doubt.some((d) => d.t === ref.t && d.r === ref.r)) continue;
    const options = work.tables[ref.t]?.placements?.get(ref.r);
    if (!options?.length) return undefined;
    doubt.push({ t: ref.t, r: ref.r, options });
  }
  if (doubt.length === 0 || doubt.reduce((n, d) => n * d.options.length, 1) > MAX_PLACEMENT_COMBINATIONS) return undefined;
  // the figures no placement changes, read once
  const fixed = refs.map((ref) => (rowOf(work, ref).cells[ref.c]?.status === 'undecided' ? undefined : (read(work, ref, unit, 'en').figure as Figure)));
  const readUnder = (choice: number[]): Figure[] =>
    refs.map((ref, i) => {
      const k = doubt.findIndex((d) => d.t === ref.t && d.r === ref.r);
      if (k < 0 || fixed[i]) return fixed[i] as Figure;
      const v = doubt[k]?.options[choice[k] ?? 0]?.get(ref.c);
      const t = tableOf(work, ref);
      const factor = UNIT_FACTOR[t.unit] / UNIT_FACTOR[unit];
      const decimals = Math.max(0, Math.max(tableDecimals(t), v?.decimals ?? 0) + Math.round(Math.log10(1 / factor)));
      return !v || v.blank ? { value: 0, decimals, blank: true } : { value: roundTo(v.value * factor, 8), decimals };
    });
  const sumOf = (fs: Figure[]) => exactSum(id.terms.map((t, i) => t.sign * (fs[i + 1]?.value ?? 0)));
  let first: Figure[] | undefined;
  const choice = doubt.map(() => 0);
  for (;;) {
    const fs = readUnder(choice);
    if (fs.some((f) => !f)) return undefined;
    if (!first) first = fs;
    else if (Math.abs((fs[0]?.value ?? 0) - (first[0]?.value ?? 0)) > 1e-9 || Math.abs(sumOf(fs) - sumOf(first)) > 1e-9) return undefined;
    let k = 0;
    while (k < doubt.length && ++(choice[k] as number) >= (doubt[k]?.options.length ?? 0)) choice[k++] = 0;
    if (k === doubt.length) break;
  }
  return first && { reads: first, where: doubt.map((d) => rowName(work.tables[d.t]?.table.rows[d.r] as Row)).join('、') };
}

export function isBlankIdentity(work: WorkDocument, id: Identity): boolean {
  for (const ref of [id.stated, ...id.terms.map((t) => t.ref)]) {
    const cell = work.tables[ref.t]?.table.rows[ref.r]?.cells[ref.c];
    if (cell && (cell.value !== null || cell.status === 'undecided' || !isBlankMarker(cell.text))) return false;
  }
  return true;
}

/**
 * The identity as a reader writes it, with what all its cells share said once in front: the table,
 * and the row (`表 · 201001 本级: [小计] = [一般公共预算] + …`) or the column
 * (`表 [合计]: 208 … = 20801 … + …`) when every cell is in one.
 */
export function formulaOf(work: WorkDocument, id: Identity): string {
  const st = tableOf(work, id.stated);
  const s = id.stated;
  const sameTable = id.terms.every((t) => t.ref.t === s.t);
  const sameRow = sameTable && id.terms.length > 0 && id.terms.every((t) => t.ref.r === s.r);
  const sameColumn = sameTable && !sameRow && id.terms.length > 0 && id.terms.every((t) => t.ref.c === s.c);
  let prefix = '';
  let name = (ref: Ref) => refName(work, ref, !sameTable);
  if (sameRow) {
    prefix = `${shortTableName(st)} · ${rowName(rowOf(work, s))}: `;
    name = (ref) => `[${columnName(columnOf(work, ref), st)}]`;
  } else if (sameColumn) {
    const col = columnOf(work, s);
    const shown = st.columns.filter((c) => c.side === col.side).length > 1;
    prefix = `${shortTableName(st)}${shown ? ` [${columnName(col, st)}]` : ''}: `;
    name = (ref) => rowName(rowOf(work, ref));
  } else if (sameTable) prefix = `${shortTableName(st)}: `;
  const rhs = id.terms.map((t, i) => `${i === 0 ? (t.sign < 0 ? '−' : '') : t.sign < 0 ? ' − ' : ' + '}${name(t.ref)}`).join('');
  return `${prefix}${name(id.stated)} ${id.relation === 'ge' ? '≥' : '='} ${rhs || '0'}${id.missing?.length ? ` (${id.missing.join(', ')}: —)` : ''}`;
}

/** Judge one identity. Never throws. */
export function evaluate(work: WorkDocument, id: Identity, lang: Lang): CheckResult {
  const st = tableOf(work, id.stated);
  // Shares add up in percent, whatever the table's money unit.
  const unit = id.percent ? '%' : st.unit;
  const title = ruleTitle(id.rule, lang);
  const formula = id.printed ? `${formulaOf(work, id)}  〔${id.printed}〕` : formulaOf(work, id);
  let statedRead = read(work, id.stated, st.unit, lang);
  let termReads = id.terms.map((t) => ({ term: t, read: read(work, t.ref, st.unit, lang) }));
  // Figures whose column stayed undecided: the check is decided when its figures come out the
  // same wherever they go.
  let anyPlacement: string | undefined;
  if (!id.unnamedRows && (statedRead.undecided || termReads.some((x) => x.read.undecided))) {
    const same = sameUnderEachPlacement(work, id, st.unit);
    if (same) {
      anyPlacement = same.where;
      statedRead = { figure: same.reads[0] };
      termReads = termReads.map((x, i) => ({ term: x.term, read: { figure: same.reads[i + 1] } }));
    }
  }
  // (a figure whose column stayed in doubt is shown as no figure: where it goes is not known)
  const shown = (ref: Ref, v: number | null) => (anyPlacement && rowOf(work, ref).cells[ref.c]?.status === 'undecided' ? null : v);
  const where: Where[] = [
    whereOf(work, id.stated, 'stated', shown(id.stated, statedRead.figure?.value ?? null), undefined, id.percent),
    ...termReads.map(({ term, read: r }) => whereOf(work, term.ref, 'operand', shown(term.ref, r.figure?.value ?? null), term.sign, id.percent)),
  ];
  const lead = id.note ? headed(id.note[lang], lang, '') : '';
  const undecided =
    statedRead.undecided ??
    termReads.find((x) => x.read.undecided)?.read.undecided ??
    (id.unnamedRows ? message('reason.rows-unnamed', lang, id.unnamedRows) : undefined);
  if (undecided || !statedRead.figure) {
    return {
      id: id.id,
      rule: id.rule,
      verdict: 'undecided',
      severity: 'info',
      message: headed(title, lang, `${lead}${message('check.undecided', lang, { reason: undecided ?? '' })}`),
      messageKey: 'check.undecided',
      stated: statedRead.figure?.value ?? null,
      expected: null,
      difference: null,
      tolerance: null,
      unit,
      formula,
      where,
      reason: undecided,
    };
  }
  const figures = termReads.map((x) => x.read.figure as Figure);
  const expected = exactSum(termReads.map((x) => x.term.sign * (x.read.figure?.value ?? 0)));
  const j = judgeSum(statedRead.figure, figures, expected, id.relation, !id.percent);
  const d = Math.max(statedRead.figure.decimals, ...figures.map((f) => f.decimals));
  const fmt = (v: number) => formatAmount(v, Math.min(Math.max(d, 0), 6));
  const pct = (v: number) => (id.percent ? `${fmt(v)}%` : fmt(v));
  const key = `sum.${j.verdict}` as const;
  const params = {
    stated: pct(statedRead.figure.value),
    expected: pct(expected),
    difference: fmt(Math.abs(j.difference)),
    tolerance: fmt(j.tolerance),
    unit: id.percent ? (lang === 'zh' ? '个百分点' : 'points') : unit,
    terms: figures.length + 1,
    relation: id.relation,
  };
  const cause =
    j.verdict === 'ok'
      ? undefined
      : (j.verdict === 'discrepancy' ? copiedCause(work, id, statedRead.figure.value, expected, d, lang) : undefined) ??
        likelyCause(
          { stated: statedRead.figure.value, expected, verdict: j.verdict, decimals: d },
          termReads.map((x, i) => ({ value: x.term.sign * (x.read.figure?.value ?? 0), label: where[i + 1]?.label ?? '' })),
          lang,
        ) ??
        (j.verdict === 'discrepancy' ? carryCause(work, id, statedRead.figure.value - expected, d, lang) : undefined);
  return {
    id: id.id,
    rule: id.rule,
    verdict: j.verdict,
    severity: j.severity,
    message: headed(title, lang, `${lead}${message(key, lang, params)}${anyPlacement ? message('note.any-placement', lang, { where: anyPlacement }) : ''}`),
    messageKey: key,
    stated: statedRead.figure.value,
    expected: roundTo(expected, 6),
    difference: j.difference,
    tolerance: j.tolerance,
    unit,
    formula,
    where,
    cause,
  };
}

/** A finding on a printed percentage (a share, a growth rate, a share of the budget), from its judgement. */
export function percentResult(
  lang: Lang,
  rule: RuleId,
  x: { id: string; printed: number; decimals: number; recomputed: number; j: Judgement; terms: number; formula: string; where: Where[] },
): CheckResult {
  const { j } = x;
  const fmt = (v: number) => formatAmount(v, Math.max(x.decimals, 2));
  const key = `sum.${j.verdict}` as const;
  return {
    id: x.id,
    rule,
    verdict: j.verdict,
    severity: j.severity,
    message: headed(ruleTitle(rule, lang), lang, message(key, lang, {
      stated: `${fmt(x.printed)}%`,
      expected: `${fmt(x.recomputed)}%`,
      difference: fmt(Math.abs(j.difference)),
      tolerance: fmt(j.tolerance),
      unit: lang === 'zh' ? '个百分点' : 'points',
      terms: x.terms,
      relation: 'eq',
    })),
    messageKey: key,
    stated: x.printed,
    expected: roundTo(x.recomputed, 4),
    difference: j.difference,
    tolerance: j.tolerance,
    unit: '%',
    formula: x.formula,
    where: x.where,
  };
}

/** The printed figure is exactly the one beside it (row above or below, next column): copied. */
function copiedCause(work: WorkDocument, id: Identity, stated: number, expected: number, decimals: number, lang: Lang): CheckResult['cause'] {
  const table = tableOf(work, id.stated);
  const row = rowOf(work, id.stated);
  const col = columnOf(work, id.stated);
  // A neighbour that is a term of the identity explains nothing more than "an item left out".
  const isTerm = (ref: Ref) => id.terms.some((x) => x.ref.t === ref.t && x.ref.r === ref.r && x.ref.c === ref.c);
  const neighbours: { value: number; label: string }[] = [];
  const add = (ref: Ref) => {
    const v = table.rows[ref.r]?.cells[ref.c]?.value;
    if (v !== null && v !== undefined && !isTerm(ref)) neighbours.push({ value: v, get label() { return refName(work, ref); } });
  };
  // A class and its only section print the same figure by right: a row whose code contains this
  // row's (or is contained in it) is no sign of copying.
  const related = (other: string | undefined) => !!row.code && !!other && other !== row.code && (other.startsWith(row.code) || row.code.startsWith(other));
  for (const r of [row.index - 1, row.index + 1]) if (table.rows[r] && !related(table.rows[r]?.code)) add({ ...id.stated, r });
  const side = table.columns.filter((c) => c.side === col.side);
  const at = side.indexOf(col);
  for (const c of [side[at - 1], side[at + 1]]) if (c) add({ ...id.stated, c: c.key });
  return neighbourCause(neighbours, stated, expected, 0.5 * 10 ** -decimals + 1e-9, decimals, lang);
}

/** The difference is a carry-over (年初/年末结转和结余) of a table in the same unit: counted on one side only. */
function carryCause(work: WorkDocument, id: Identity, diff: number, decimals: number, lang: Lang): CheckResult['cause'] {
  const unit = tableOf(work, id.stated).unit;
  const half = 0.5 * 10 ** -decimals + 1e-9;
  // Named only when one matches (the label is a getter).
  const carries = carryOvers(work)
    .filter((c) => c.unit === unit)
    .map((c) => ({ value: c.value, get label() { return refName(work, c.ref); } }));
  return carryOverCause(carries, diff, half, lang);
}

const carryCache = new WeakMap<WorkDocument, { ref: Ref; value: number; unit: string }[]>();

/** Every non-zero figure of a 结转 / 结余 row, found once per document. */
function carryOvers(work: WorkDocument): { ref: Ref; value: number; unit: string }[] {
  let out = carryCache.get(work);
  if (out) return out;
  out = [];
  for (let t = 0; t < work.tables.length; t++) {
    const table = (work.tables[t] as WorkDocument['tables'][number]).table;
    for (const r of table.rows) {
      if (!/结转|结余/.test(r.label)) continue;
      for (const c of table.columns) {
        const v = r.cells[c.key]?.value;
        if (v) out.push({ ref: { t, r: r.index, c: c.key }, value: v, unit: table.unit });
      }
    }
  }
  carryCache.set(work, out);
  return out;
}
