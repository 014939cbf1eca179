/**
 * What an audit report marks on the page it came from — pure data, no DOM: the counts for the
 * page and for each table, the cells in a discrepancy (or off by rounding), the total rows
 * with their recomputed values, and the numbers of the text that were checked. The overlay
 * draws these over the page's own elements, which it finds by `source.path` (`t3` a table,
 * `t3.r2.c1` a cell, `l17` a block of text, `t3.r2` a row of a prose table).
 */
import type { AuditReport, CheckResult, Verdict } from './model/schemas.ts';

export interface Counts {
  checks: number;
  ok: number;
  rounding: number;
  discrepancy: number;
  undecided: number;
}

export interface TableMarks {
  /** Report table id (`t2`). */
  id: string;
  /** The `<table>` element (`t1`) when the report came from a page. */
  path?: string;
  title: string;
  tableNo?: string;
  /** False for a table of no known template (a form, the page's own index table). */
  recognised: boolean;
  counts: Counts;
  /** Finding ids, in report order. */
  findings: string[];
}

export interface CellMark {
  path: string;
  verdict: 'discrepancy' | 'rounding';
  findings: string[];
  stated: number | null;
  expected: number | null;
  unit?: string;
}

/** A total the checks recomputed and found right (or off by rounding only). */
export interface TotalMark {
  path: string;
  verdict: Verdict;
  finding: string;
  stated: number | null;
  expected: number | null;
  unit?: string;
}

export interface TextMark {
  claim: string;
  /** The block of text (`l17`) or prose-table row (`t11.r2`) the number is in. */
  path: string;
  /** The number's offset in that line's text and its length. */
  lineOffset: number;
  length: number;
  text: string;
  /** The worst verdict of the checks that test this figure (or, for an operand only, that use it). */
  verdict: Verdict;
  /** `operand`: no check tests this figure; it is a term of others' checks. */
  role: 'stated' | 'operand';
  findings: string[];
}

export interface PageMarks {
  counts: Counts;
  tables: TableMarks[];
  /** Checks of the text that do not rest on one table. */
  text: Counts & { findings: string[] };
  cells: CellMark[];
  totals: TotalMark[];
  texts: TextMark[];
}

const RANK: Record<Verdict, number> = { discrepancy: 3, rounding: 2, undecided: 1, ok: 0 };

export function worse(a: Verdict, b: Verdict): Verdict {
  return RANK[b] > RANK[a] ? b : a;
}

const CELL = /^t\d+\.r\d+\.c\d+$/;
const TOTAL_ROW = /合计|总计|小计/;

export function isCellPath(path: string | undefined): path is string {
  return !!path && CELL.test(path);
}

function emptyCounts(): Counts {
  return { checks: 0, ok: 0, rounding: 0, discrepancy: 0, undecided: 0 };
}

function add(c: Counts, v: Verdict): void {
  c.checks++;
  c[v]++;
}

/** The table a check belongs to: that of its printed figure, else of its first table operand. */
function tableOf(check: CheckResult): string | undefined {
  const stated = check.where.find((w) => w.role === 'stated');
  if (stated) return stated.claim ? undefined : stated.table;
  return check.where.find((w) => w.table)?.table;
}

export function pageMarks(report: AuditReport): PageMarks {
  const counts = emptyCounts();
  const tables = new Map<string, TableMarks>();
  for (const t of report.tables) tables.set(t.id, { id: t.id, path: t.source?.path, title: t.title, tableNo: t.tableNo, recognised: t.template !== 'other', counts: emptyCounts(), findings: [] });
  const text = { ...emptyCounts(), findings: [] as string[] };
  const cells = new Map<string, CellMark>();
  const totals = new Map<string, TotalMark>();
  /** Per claim of the text: the worst verdict where it is the figure under test, and where it is a term. */
  const claimVerdict = new Map<string, { stated?: Verdict; operand?: Verdict }>();

  for (const check of report.checks) {
    add(counts, check.verdict);
    const tm = tables.get(tableOf(check) ?? '');
    if (tm) {
      add(tm.counts, check.verdict);
      tm.findings.push(check.id);
    } else {
      add(text, check.verdict);
      text.findings.push(check.id);
    }
    for (const w of check.where) {
      if (w.claim) {
        const v = claimVerdict.get(w.claim) ?? {};
        const k = w.role === 'stated' ? 'stated' : 'operand';
        v[k] = worse(v[k] ?? 'ok', check.verdict);
        claimVerdict.set(w.claim, v);
      }
      if (w.role !== 'stated' || !isCellPath(w.source?.path)) continue;
      const path = w.source.path;
      if (check.verdict === 'discrepancy' || check.verdict === 'rounding') {
        const m = cells.get(path);
        if (!m) cells.set(path, { path, verdict: check.verdict, findings: [check.id], stated: check.stated, expected: check.expected, unit: check.unit });
        else {
          m.findings.push(check.id);
          if (m.verdict === 'rounding' && check.verdict === 'discrepancy') Object.assign(m, { verdict: 'discrepancy', stated: check.stated, expected: check.expected, unit: check.unit });
        }
      } else if (check.verdict === 'ok' && TOTAL_ROW.test(w.row?.label ?? '') && !totals.has(path)) {
        totals.set(path, { path, verdict: check.verdict, finding: check.id, stated: check.stated, expected: check.expected, unit: check.unit });
      }
    }
  }
  // A total that some check found off is shown by its cell mark, not as confirmed.
  for (const p of cells.keys()) totals.delete(p);

  const texts: TextMark[] = [];
  for (const c of report.claims ?? []) {
    const path = c.source.path;
    if (!path || c.checks.length === 0) continue;
    const v = claimVerdict.get(c.id);
    const role = v?.stated ? 'stated' : 'operand';
    texts.push({ claim: c.id, path, lineOffset: c.lineOffset, length: c.end - c.start, text: c.text, verdict: v?.stated ?? v?.operand ?? 'ok', role, findings: c.checks });
  }
  return { counts, tables: [...tables.values()].filter((t) => t.counts.checks > 0 || t.recognised), text, cells: [...cells.values()], totals: [...totals.values()], texts };
}
