/**
 * Assembling and rendering the audit report: the JSON contract (AuditReport), a text summary
 * for terminals, and CSV for spreadsheets.
 */
import { countResults } from './counts.ts';
import type { WorkDocument } from './normalize/document.ts';
import { reportClaims } from './narrative/index.ts';
import type { AuditReport, CheckResult, ReportTable, Summary, Table } from './model/schemas.ts';
import type { Lang } from './messages.ts';
import { formatAmount } from './text/numbers.ts';

export const ENGINE_VERSION = '0.1.0';

export function reportTable(t: Table): ReportTable {
  return {
    id: t.id,
    title: t.title,
    template: t.template,
    tableNo: t.tableNo,
    unit: t.unit,
    unitPrinted: t.unitPrinted,
    empty: t.isEmpty,
    source: t.source,
    columns: t.columns.map((c) => ({ key: c.key, label: c.side ? `${c.side === 'income' ? '收入' : '支出'}·${c.label}` : c.label, lineNo: c.lineNo })),
    rows: t.rows.map((r) => ({
      code: r.code,
      label: r.label,
      lineNo: r.lineNo,
      values: t.columns.map((c) => (c.side === r.side ? (r.cells[c.key]?.value ?? null) : null)),
      undecided: r.undecided ? true : undefined,
    })),
  };
}

export function summarize(results: CheckResult[], tables: Table[]): Summary {
  return {
    ...countResults(results),
    tables: tables.length,
    tablesRecognised: tables.filter((t) => t.template !== 'other').length,
  };
}

export function buildReport(work: WorkDocument, results: CheckResult[], lang: Lang): AuditReport {
  const { doc } = work;
  return {
    schemaVersion: 1,
    engine: { name: 'budget-lens', version: ENGINE_VERSION },
    lang,
    document: {
      department: doc.department ?? null,
      year: doc.year ?? null,
      kind: doc.kind,
      unit: doc.unit,
      source: doc.source,
    },
    tables: doc.tables.map(reportTable),
    checks: results,
    claims: reportClaims(work, results),
    summary: summarize(results, doc.tables),
    issues: doc.issues,
  };
}

const KIND = { zh: { final: '决算', budget: '预算', unknown: '未知' }, en: { final: 'final accounts (决算)', budget: 'budget (预算)', unknown: 'unknown kind' } };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, none: 3 } as const;

/** Human-readable report for terminals. */
/** A figure as it reads: amounts with 2 decimals, shares with up to 4, counts as whole numbers. */
function figure(v: number, unit: string | undefined): string {
  if (unit === '%') return formatAmount(v, Number.isInteger(v * 100) ? 2 : 4);
  if (unit && !/元/.test(unit) && Number.isInteger(v)) return formatAmount(v, 0);
  return formatAmount(v, 2);
}

export function formatText(report: AuditReport): string {
  const zh = report.lang === 'zh';
  const s = report.summary;
  const d = report.document;
  const lines: string[] = [];
  lines.push(`${d.department ?? (zh ? '（部门未识别）' : '(department not found)')} · ${d.year ?? '—'} · ${KIND[report.lang][d.kind]}${d.source.name ? ` · ${d.source.name}` : ''}`);
  lines.push(
    zh
      ? `表格 ${s.tables} 张（识别为标准表 ${s.tablesRecognised} 张）；检查 ${s.checks} 项：相符 ${s.ok}，尾数误差 ${s.rounding}，不符 ${s.discrepancy}，无法判断 ${s.undecided}`
      : `${s.tables} tables (${s.tablesRecognised} standard); ${s.checks} checks: ${s.ok} ok, ${s.rounding} rounding, ${s.discrepancy} discrepancies, ${s.undecided} could not be checked`,
  );
  for (const t of report.tables) {
    lines.push(`  ${t.id} ${t.tableNo ?? ''} ${t.title} [${t.template}, ${t.unit}, ${t.rows.length} ${zh ? '行' : 'rows'}${t.empty ? (zh ? '，空表' : ', empty') : ''}]`);
  }
  // Where a figure or sentence is: a PDF's page (its text has no lines a reader can count), a
  // workbook's cell (`公开01表!C7`), else the line.
  const pdf = d.source.format === 'pdf';
  const book = d.source.format === 'spreadsheet';
  const place = (src: { line?: number; page?: number; cell?: string } | undefined) => (pdf ? src?.page : book ? src?.cell : src?.line);
  const [unitZh, unitEn] = pdf ? ['页', 'page'] : book ? ['', 'cell'] : ['行', 'line'];
  const shown = report.checks
    .filter((c) => c.verdict !== 'ok')
    .sort((a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  if (shown.length) lines.push('', zh ? '发现：' : 'Findings:');
  for (const c of shown) {
    const tag = c.verdict === 'discrepancy' ? (c.severity === 'error' ? '✗' : '!') : c.verdict === 'rounding' ? '≈' : '?';
    lines.push(`${tag} [${c.severity}] ${c.message}`);
    if (c.formula) lines.push(`    ${c.formula}`);
    if (c.stated !== null && c.expected !== null && !c.messageKey.startsWith('empty.')) {
      const f = (v: number) => figure(v, c.unit);
      // A finding with no difference (a unit read another way) shows none, not a zero.
      const diff = c.difference === null ? '' : ` · ${zh ? '差' : 'diff'} ${f(c.difference)}`;
      lines.push(`    ${zh ? '印出' : 'stated'} ${f(c.stated)} · ${zh ? '重算' : 'recomputed'} ${f(c.expected)}${diff}${c.unit ? ` ${c.unit}` : ''}`);
    }
    // The sentences of the text a finding is about, quoted.
    const quoted = new Set<string>();
    for (const w of c.where.filter((x) => x.quote && !quoted.has(x.quote) && quoted.add(x.quote)).slice(0, 3)) {
      const at = place(w.source);
      lines.push(`    「${w.quote}」${at !== undefined ? (zh ? (book ? `（${at}）` : `（第${at}${unitZh}）`) : ` (${unitEn} ${at})`) : ''}`);
    }
    const places = c.where.map((w) => place(w.source)).filter((x): x is number | string => x !== undefined);
    const listed = [...new Set(places)].slice(0, 8).join(', ');
    if (places.length) lines.push(`    ${book ? (zh ? `位置：${listed}` : `cells ${listed}`) : zh ? `位置：第${listed} ${unitZh}` : `${unitEn}s ${listed}`}`);
    if (c.cause) lines.push(`    ${zh ? '可能原因：' : 'likely cause: '}${c.cause.message}`);
  }
  if (!shown.length && s.checks > 0) lines.push('', zh ? `✓ 全部 ${s.ok} 项检查相符。` : `✓ all ${s.ok} checks consistent.`);
  for (const i of report.issues) lines.push(`${zh ? '提示' : 'note'}: ${i.message}`);
  return lines.join('\n');
}

export { SUMMARY_HEADER, formatCsv, formatSummaryLine, formatTablesCsv } from './report/csv.ts';

export type { CheckResult };
