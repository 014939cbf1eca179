/** CSV renderings of an audit report: the findings, and the extracted tables. */
import type { AuditReport } from '../model/schemas.ts';

/**
 * One CSV field. Text that a spreadsheet would run as a formula (`=…`, `+…`, `-…`, `@…`: page
 * text is not ours to trust) is prefixed with an apostrophe; numbers are written as numbers.
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s) && !/^[-+]?\d[\d,.]*%?$/.test(s)) s = `'${s}`;
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Line numbers, space-separated; a workbook's cells, `; `-separated (sheet names hold spaces). */
function places(where: AuditReport['checks'][number]['where']): string {
  const cells = [...new Set(where.map((w) => w.source?.cell).filter((x) => x !== undefined))];
  if (cells.length) return cells.join('; ');
  return [...new Set(where.map((w) => w.source?.line).filter((x) => x !== undefined))].join(' ');
}

/** One line per check; `lines`: the source lines of its figures (a workbook's cells, `公开01表!C7`). */
export function formatCsv(report: AuditReport): string {
  const header = ['id', 'rule', 'verdict', 'severity', 'stated', 'expected', 'difference', 'tolerance', 'unit', 'formula', 'message', 'cause', 'lines'];
  const rows = report.checks.map((c) =>
    [c.id, c.rule, c.verdict, c.severity, c.stated, c.expected, c.difference, c.tolerance, c.unit, c.formula, c.message, c.cause?.message,
      places(c.where)].map(csvCell).join(','),
  );
  return [header.join(','), ...rows].join('\n');
}

/** The extracted tables as CSV (one block per table). */
export function formatTablesCsv(report: AuditReport): string {
  const out: string[] = [];
  for (const t of report.tables) {
    out.push(['table', 'code', 'label', 'lineNo', ...t.columns.map((c) => c.label)].map(csvCell).join(','));
    for (const r of t.rows) out.push([t.title, r.code, r.label, r.lineNo, ...r.values].map(csvCell).join(','));
  }
  return out.join('\n');
}


/** The header of a batch summary: one line of counts per audited file, for a spreadsheet. */
export const SUMMARY_HEADER = 'file,department,year,kind,tables,tablesRecognised,checks,ok,rounding,discrepancy,undecided,errors,warnings';

export function formatSummaryLine(file: string, { document: d, summary: s }: AuditReport): string {
  return [file, d.department, d.year, d.kind, s.tables, s.tablesRecognised, s.checks, s.ok, s.rounding, s.discrepancy, s.undecided, s.errors, s.warnings].map(csvCell).join(',');
}
