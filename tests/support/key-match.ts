/**
 * Matching the engine's checks against the expectation files derived from the answer keys
 * (tests/expected/*.key.json). A key item matches an engine check of an allowed rule whose
 * stated/expected figures equal the key's (as a pair, either way round), that touches the
 * key's stated cell (table template, row, column, source line) and the key's tables.
 */
import { readFileSync } from 'node:fs';
import type { AuditReport, CheckResult, Where } from '../../core/model/schemas.ts';
import { compact } from '../../core/text/normalize.ts';

export interface RowSel { code?: string; lineNo?: number; role?: string; label?: string }
export interface CellSel { table?: string; row?: RowSel; col?: { lineNo?: number; label?: string } }
export interface KeyItem {
  key: string;
  type: string;
  subtype?: string;
  verdict: 'ok' | 'rounding' | 'discrepancy';
  stated?: number;
  expected?: number;
  at?: CellSel;
  line?: number;
  tables: string[];
  /** Aggregated key items: each selector must match an engine check with the item's verdict. */
  each?: (CellSel & { line?: number; rule?: string; with?: string })[];
  /** Other stated/expected pairs that describe the same issue (either matches). */
  pairs?: [number, number][];
  /** Restrict to these engine rules (overrides the type's default). */
  rules?: string[];
  manual?: string;
}
export interface KeyFile { fixture: string; kind: string; items: KeyItem[] }

/** The narrative checks (types f, g, h of the keys: text against tables and against itself). */
export const NARRATIVE_RULES = [
  'narrative-table',
  'narrative-change',
  'narrative-share',
  'narrative-execution',
  'narrative-sum',
  'narrative-repeat',
  'narrative-unit',
  'narrative-absence',
  'narrative-direction',
  'text-arithmetic',
  'self-evaluation',
  'narrative-naming',
  'narrative-items',
];

const NARRATIVE_TYPES = ['f', 'g', 'h'];

export const RULES_BY_TYPE: Record<string, string[]> = {
  a: ['note-formula', 'summary-balance', 'row-outline', 'column-total', 'unit-price', 'empty-table'],
  b: ['note-formula', 'column-total', 'summary-balance', 'empty-table'],
  c: ['function-hierarchy'],
  d: ['economic-hierarchy', 'cross-table', 'crosswalk'],
  e: ['cross-table', 'summary-balance', 'column-total', 'row-outline', 'group-total', 'share-column', 'project-budget', 'procurement-services'],
  f: NARRATIVE_RULES,
  g: [...NARRATIVE_RULES, 'empty-table', 'project-budget', 'group-total', 'unit-price'],
  h: [...NARRATIVE_RULES, 'empty-table', 'project-budget', 'group-total', 'unit-price'],
};

export function loadKey(path: string): KeyFile {
  return JSON.parse(readFileSync(path, 'utf8')) as KeyFile;
}

const near = (a: number | null | undefined, b: number | undefined) => a !== null && a !== undefined && b !== undefined && Math.abs(a - b) < 0.006;

function templateOf(report: AuditReport, tableId: string | undefined): string | undefined {
  return report.tables.find((t) => t.id === tableId)?.template;
}

function rowMatches(w: Where, sel: RowSel): boolean {
  if (sel.code !== undefined) return w.row?.code === sel.code;
  if (sel.lineNo !== undefined) return w.row?.lineNo === sel.lineNo;
  if (sel.role === 'total') return !w.row?.code && /^(合计|总计)$/.test(compact(w.row?.label ?? ''));
  if (sel.role === 'personnel-total') return /人员经费/.test(w.row?.label ?? '');
  if (sel.role === 'public-total') return /公用经费/.test(w.row?.label ?? '');
  if (sel.label !== undefined) {
    const a = compact(w.row?.label ?? '').replace(/^[一二三四五六七八九十廿()（）、]+/, '');
    const b = compact(sel.label).replace(/^[一二三四五六七八九十廿()（）、]+/, '');
    return a !== '' && (a === b || a.includes(b) || b.includes(a));
  }
  return true;
}

/** A `where` covers a source line: its own, or any line of the sentence it quotes. */
export function onLine(w: Where, line: number): boolean {
  const a = w.source?.line;
  if (a === undefined) return false;
  return a === line || (w.source?.endLine !== undefined && a <= line && line <= w.source.endLine);
}

export function whereMatches(report: AuditReport, w: Where, sel: CellSel & { line?: number }): boolean {
  if (sel.table && templateOf(report, w.table) !== sel.table) return false;
  if (sel.row && !rowMatches(w, sel.row)) return false;
  if (sel.col?.lineNo !== undefined && w.column?.lineNo !== undefined && w.column.lineNo !== sel.col.lineNo) return false;
  if (sel.col?.label !== undefined) {
    const want = compact(sel.col.label);
    const have = compact(w.column?.label ?? '');
    const path = want.split(/(?=小计)/).pop() ?? want;
    if (have && !(have === want || have.includes(path) || want.includes(have))) return false;
  }
  if (sel.line !== undefined && !onLine(w, sel.line)) return false;
  return true;
}

export function touches(report: AuditReport, c: CheckResult, sel: CellSel & { line?: number }): boolean {
  return c.where.some((w) => whereMatches(report, w, sel));
}

/** Whether engine check `c` is a match for key item `item` (rule, figures, line, tables). */
export function matchesItem(report: AuditReport, item: KeyItem, c: CheckResult): boolean {
  const rules = item.rules ?? RULES_BY_TYPE[item.type] ?? [];
  if (!rules.includes(c.rule) || c.verdict === 'undecided') return false;
  if (item.stated !== undefined && item.expected !== undefined) {
    const pairs: [number, number][] = [[item.stated, item.expected], ...(item.pairs ?? [])];
    const pairOk = pairs.some(([a, b]) => (near(c.stated, a) && near(c.expected, b)) || (near(c.stated, b) && near(c.expected, a)));
    if (!pairOk) return false;
  }
  if (item.line !== undefined && !c.where.some((w) => onLine(w, item.line as number))) return false;
  const involved = new Set(c.where.map((w) => templateOf(report, w.table)));
  const tables = item.tables.filter((t) => t !== 'other');
  if (NARRATIVE_TYPES.includes(item.type) || (item.rules && item.rules.every((r) => NARRATIVE_RULES.includes(r)))) {
    // A sentence is compared with one of the tables that show its figure, not all of them;
    // the key's row is a row of the text, located by its line instead.
    return tables.length === 0 || tables.some((t) => involved.has(t)) || c.where.every((w) => !w.table);
  }
  if (item.at && !touches(report, c, { ...item.at, table: item.at.table === 'other' ? undefined : item.at.table })) return false;
  if (!tables.every((t) => involved.has(t))) return false;
  return true;
}

export function findMatch(report: AuditReport, item: KeyItem): CheckResult | undefined {
  return report.checks.find((c) => matchesItem(report, item, c));
}

export interface ItemOutcome {
  item: KeyItem;
  matched: CheckResult[];
  evaluated: boolean;
  agrees: boolean;
}

export function judgeItem(report: AuditReport, item: KeyItem): ItemOutcome {
  if (item.each) {
    const rules = item.rules ?? RULES_BY_TYPE[item.type] ?? [];
    const matched: CheckResult[] = [];
    let all = true;
    for (const sel of item.each) {
      const c = report.checks.find(
        (x) =>
          (sel.rule ? x.rule === sel.rule : rules.includes(x.rule)) &&
          x.verdict !== 'undecided' &&
          touches(report, x, sel) &&
          (!sel.with || x.where.some((w) => templateOf(report, w.table) === sel.with)),
      );
      if (!c) all = false;
      else matched.push(c);
    }
    const evaluated = all && matched.length > 0;
    return { item, matched, evaluated, agrees: evaluated && matched.every((c) => c.verdict === item.verdict || (item.verdict === 'discrepancy' && c.verdict === 'discrepancy')) };
  }
  const c = findMatch(report, item);
  return { item, matched: c ? [c] : [], evaluated: !!c, agrees: !!c && c.verdict === item.verdict };
}
