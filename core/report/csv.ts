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

/** One line per check. */
export function formatCsv(report: AuditReport): string {
  const header = ['id', 'rule', 'verdict', 'severity', 'stated', 'expected', 'difference', 'tolerance', 'unit', 'formula', 'message', 'cause', 'lines'];
  const rows = report.checks.map((c) =>
    [c.id, c.rule, c.verdict, c.severity, c.stated, c.expected, c.difference, c.tolerance, c.unit, c.formula, c.message, c.cause?.message,
      [...new Set(c.where.map((w) => w.source?.line).filter((x) => x !== undefined))].join(' ')].map(csvCell).join(','),
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

