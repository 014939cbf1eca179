/**
 * RawTable → Table (typed model) plus the figures still waiting for a column.
 *
 * Rows get their code, label, 行次, side and role here. Figures whose column is known are
 * written into cells; the others are kept as `Pending` with every placement that keeps
 * their printed order — solve/columns.ts narrows those down with the table's identities.
 */
import type { RawLine, RawTable } from '../model/raw.ts';
import type { Cell, Column, DocumentKind, Row, SourceRef, Table, TemplateId, Unit } from '../model/schemas.ts';
import { classCodeOfName, expenseRowRoles, incomeRowRoles, performanceRowRoles, roleOf, type TemplateSpec } from '../knowledge.ts';
import { isEmptyStatement, isFormulaLine, tableNoOf } from '../detect/lines.ts';
import { labelKey, toHalfWidth } from '../text/normalize.ts';
import { type DraftRow, type DraftValue, type TableDraft, isTotalLabel } from './draft.ts';
import { readGrid } from './grid.ts';
import { readStream } from './stream.ts';
import { identifyTemplate, unitOf } from './identify.ts';

export interface Pending {
  values: DraftValue[];
  /** Columns of the row's side. */
  columns: number;
  /**
   * Each candidate maps value i → column index (within the row's side). Generated only when
   * the solver needs them (see candidatesOf): rows whose layout placement holds never do.
   */
  candidates?: number[][];
  /** The placement the layout suggests (tab positions), tried first. */
  preferred?: number[];
}

/** A pending row's candidate placements, generated on first use. */
export function candidatesOf(p: Pending): number[][] {
  if (!p.candidates) p.candidates = combinations(p.columns, p.values.length, MAX_CANDIDATES) ?? (p.preferred ? [p.preferred] : []);
  return p.candidates;
}

function countCombinations(n: number, k: number, limit: number): number {
  let count = 1;
  for (let i = 0; i < k; i++) {
    count = (count * (n - i)) / (i + 1);
    if (count > limit) return count;
  }
  return count;
}

export interface WorkTable {
  table: Table;
  /** Row index → figures not yet placed. */
  pending: Map<number, Pending>;
  draft: TableDraft;
  /** Cells placed by reading positions or token order (PDF text), not by markup or tabs. */
  inferredLayout?: boolean;
  /**
   * Row index → the placements still possible for a row left undecided (column key → figure;
   * a key absent: blank there). A check whose figures come out the same under each is decided.
   */
  placements?: Map<number, Map<string, DraftValue>[]>;
}

/** Placements considered per row, at most; beyond that the row is left undecided. */
export const MAX_CANDIDATES = 3003;

function combinations(n: number, k: number, limit: number): number[][] | undefined {
  let count = 1;
  for (let i = 0; i < k; i++) {
    count = (count * (n - i)) / (i + 1);
    if (count > limit) return undefined;
  }
  const out: number[][] = [];
  const cur: number[] = [];
  const rec = (start: number) => {
    if (cur.length === k) {
      out.push(cur.slice());
      return;
    }
    for (let i = start; i <= n - (k - cur.length); i++) {
      cur.push(i);
      rec(i + 1);
      cur.pop();
    }
  };
  rec(0);
  return out;
}

export function cellOf(v: DraftValue, status: Cell['status']): Cell {
  return { value: v.blank ? null : v.value, text: v.text, decimals: v.decimals, status, source: v.source };
}

function tableTitle(raw: RawTable): string {
  return (raw.title?.text ?? '').replace(/\*+/g, '').replace(/\s+/g, ' ').trim();
}

/** A table's number printed beside other fields (`公开01表`, `预算 01 表`). */
const TABLE_NO_TOKEN = /(?:公开|预算|决算)\s*\d{1,2}\s*表/g;

/** The department printed above a table: `部门：X`, `单位名称：X` (`本级` dropped), maybe among other fields. */
export function departmentField(preamble: RawLine[]): Table['department'] {
  for (const p of preamble) {
    // One line may hold several fields (a spreadsheet row: `公开01表  部门：X  单位：万元`).
    const fields = toHalfWidth(p.text).replace(TABLE_NO_TOKEN, ' ').trim().split(/\s+(?=[^\s:：]{1,8}[:：])/);
    for (const f of fields) {
      const m = /^(?:部门|部门名称|单位名称|编制单位|编制部门|填报单位|预算主管部门|主管部门)[:：]\s*(.+?)(?:\s+(?:金额)?单位[:：].*)?$/.exec(f.trim());
      const name = m?.[1]?.replace(/\s+/g, '').replace(/(?:本级|\(本级\))$/, '');
      if (name) return { name, source: p.source };
    }
  }
  return undefined;
}

/**
 * Unit codes under any header: a 6-digit code (`201001`) is no code of the function or economic
 * classifications (3, 5 or 7 digits), and a 3-digit code it extends (`201`) is the department
 * of that unit, not the 类 that happens to share its digits.
 */
function markUnitCodes(draft: TableDraft): void {
  const units = new Set<string>();
  for (const r of draft.rows) if (r.code && /^\d{6}$/.test(r.code)) units.add(r.code.slice(0, 3));
  if (units.size === 0) return;
  for (const r of draft.rows) {
    if (!r.code || r.codeKind === 'project') continue;
    if (/^\d{6}$/.test(r.code) || (r.code.length === 3 && units.has(r.code))) r.codeKind = 'unit';
  }
}

export interface BuildOptions {
  /** A block cut out of a form (see forms.ts): rows are named by their innermost label. */
  form?: string;
}

export function buildTable(raw: RawTable, kind: DocumentKind, docUnit: Unit | undefined, id: string, options: BuildOptions = {}): WorkTable {
  const title = tableTitle(raw);
  const tableNo = raw.preamble.map((p) => tableNoOf(p.text)).find((x) => x);
  const spec: TemplateSpec | undefined = options.form ? undefined : identifyTemplate(title, kind, tableNo);
  const draft = raw.layout === 'grid' ? readGrid(raw, spec, { form: !!options.form }) : readStream(raw, spec);
  markUnitCodes(draft);
  let template: TemplateId = spec?.id ?? 'other';

  const unitText = [raw.title?.text ?? '', ...raw.preamble.map((p) => p.text)].join('');
  const printedUnit = unitOf(unitText) ?? unitOf(draft.headerText);
  const unit: Unit = printedUnit ?? docUnit ?? '万元';
  const issues = draft.issues.slice();

  const twoSided = draft.columns.some((c) => c.side !== undefined);
  const columns: Column[] = draft.columns;
  const sideColumns = (side: Row['side']) => columns.filter((c) => c.side === side);

  const rows: Row[] = [];
  const pending = new Map<number, Pending>();
  let afterCarry = false;
  for (const d of draft.rows) {
    const cols = sideColumns(d.side);
    const row: Row = {
      key: `r${rows.length + 1}`,
      index: rows.length,
      code: d.code,
      codeKind: d.codeKind,
      label: d.label,
      lineNo: d.lineNo,
      side: d.side,
      role: undefined,
      group: d.group,
      attrs: d.attrs,
      cells: {},
      source: d.source,
    };
    // Roles.
    if (d.side === 'income') {
      const r = roleOf(d.label, incomeRowRoles);
      if (r === 'inc-carry') afterCarry = true;
      else if (r === 'inc-grand' || r === 'inc-total') afterCarry = false;
      row.role = r && afterCarry && /^inc-(gpb|gf|soe)$/.test(r) ? `${r.replace('inc-', 'inc-carry-')}` : r;
    } else if (d.side === 'expense') {
      const r = roleOf(d.label, expenseRowRoles);
      const cls = r ? undefined : classCodeOfName(d.label);
      row.role = r ?? (cls ? 'class' : undefined);
      if (cls) {
        row.code = cls;
        row.codeKind = 'function';
      }
    } else if (options.form && performanceRole(d.label, d.group)) {
      row.role = performanceRole(d.label, d.group);
    } else if (!d.code && isTotalLabel(d.label)) {
      row.role = 'total';
    } else if (!d.code && /^人员经费(?:合计)?$/.test(labelKey(d.label))) {
      row.role = 'personnel-total';
    } else if (!d.code && /^(?:日常)?公用经费(?:合计)?$/.test(labelKey(d.label))) {
      row.role = 'public-total';
    } else if (d.code) {
      row.role = 'code';
    }
    if (d.blanks) {
      const blanks: Record<string, SourceRef> = {};
      for (const [hint, src] of Object.entries(d.blanks)) {
        const col = columns[Number(hint)];
        if (col) blanks[col.key] = src;
      }
      row.blankSources = blanks;
    }
    placeValues(row, d, cols, columns, pending, rows.length, issues);
    rows.push(row);
  }

  // Notes, formulas and empty-table statements printed under the table.
  const notes = raw.tail.filter((l) => !isFormulaLine(l.text)).map((l) => ({ text: l.text.trim(), source: l.source }));
  const formulas = raw.tail.filter((l) => isFormulaLine(l.text)).map((l) => ({ text: l.text.trim(), source: l.source }));
  const emptyStatements = raw.tail.filter((l) => isEmptyStatement(l.text)).map((l) => ({ text: l.text.trim(), source: l.source }));

  if (options.form && rows.some((r) => r.role === 'perf-project' || r.role === 'perf-personnel')) template = 'budget-performance';
  const table: Table = {
    id,
    template,
    title: title || (spec?.name ?? ''),
    tableNo: tableNo ?? undefined,
    department: departmentField(raw.preamble),
    unit,
    unitAssumed: !printedUnit,
    twoSided,
    columns,
    rows,
    notes,
    formulas,
    emptyStatements,
    isEmpty: false,
    decimals: precisionOf(draft),
    form: options.form,
    source: raw.source,
    issues,
  };
  table.isEmpty = computeEmpty(table, pending);
  return { table, pending, draft, inferredLayout: raw.layout === 'stream' };
}

/** Rows of a 部门整体绩效目标申报表's money block: 人员类 / 运转类 / 特定目标类 … */
function performanceRole(label: string, group: string | undefined): string | undefined {
  const r = roleOf(label, performanceRowRoles);
  if (r) return r;
  const g = labelKey(group ?? '');
  if (/^合计$/.test(labelKey(label))) return /^收入/.test(g) ? 'perf-income-total' : /^支出/.test(g) ? 'perf-expense-total' : undefined;
  if (/^财政拨款/.test(labelKey(label)) && /^收入/.test(g)) return 'perf-fiscal';
  return undefined;
}

function placeValues(
  row: Row,
  d: DraftRow,
  cols: Column[],
  allColumns: Column[],
  pending: Map<number, Pending>,
  index: number,
  issues: string[],
): void {
  const k = d.values.length;
  const n = cols.length;
  if (k === 0) return;
  // Hints index the table's full column list; convert them to positions within the row's side.
  const local = d.values.map((v) => (v.hint === undefined ? -1 : cols.indexOf(allColumns[v.hint] as Column)));
  const preferred = local.every((x, i) => x >= 0 && (i === 0 || x > (local[i - 1] ?? -1))) ? local : undefined;
  const place = (positions: number[]) =>
    d.values.forEach((v, i) => {
      const c = cols[positions[i] ?? -1];
      if (c) row.cells[c.key] = cellOf(v, 'printed');
    });
  if (d.fixed && preferred) return place(preferred);
  if (d.garbled) {
    row.undecided = { values: d.values.map((v) => v.value), reason: d.garbled };
    issues.push(`row ${row.label || row.code || row.index + 1}: ${d.garbled}`);
    for (const c of cols) row.cells[c.key] = { value: null, text: '', decimals: 0, status: 'undecided' };
    return;
  }
  // A row whose figures cannot be placed holds figures in every column as far as anyone can tell:
  // its cells are undecided, never blank (a blank reads as zero).
  const undecided = () => {
    for (const c of cols) row.cells[c.key] = { value: null, text: '', decimals: 0, status: 'undecided' };
  };
  if (k > n) {
    row.undecided = { values: d.values.map((v) => v.value), reason: `${k} figures printed for ${n} columns` };
    issues.push(`row ${row.label || row.code || row.index + 1}: ${k} figures for ${n} columns`);
    return undecided();
  }
  if (k === n) return place(d.values.map((_, i) => i));
  if (countCombinations(n, k, MAX_CANDIDATES) > MAX_CANDIDATES) {
    if (preferred) return place(preferred);
    row.undecided = { values: d.values.map((v) => v.value), reason: 'too many possible column placements' };
    return undecided();
  }
  undecided();
  pending.set(index, { values: d.values, columns: n, preferred });
}

/** The most decimals any amount of the table prints (percentages aside), at most 4. */
function precisionOf(draft: TableDraft): number {
  let d = 0;
  for (const r of draft.rows) for (const v of r.values) if (!v.blank && !v.percent && v.decimals > d) d = v.decimals;
  return Math.min(d, 4);
}

/** A table is empty when no cell holds a non-zero figure (pending figures count too). */
function computeEmpty(table: Table, pending: Map<number, Pending>): boolean {
  for (const r of table.rows) {
    for (const c of Object.values(r.cells)) if (c.value !== null && c.value !== 0) return false;
    if (r.undecided?.values.some((v) => v !== 0)) return false;
  }
  for (const p of pending.values()) if (p.values.some((v) => !v.blank && v.value !== 0)) return false;
  return true;
}

