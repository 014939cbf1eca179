/**
 * The typed document model and the audit report. The zod schemas are the single source of
 * truth: every TypeScript type here is `z.infer` of its schema, and the JSON Schema committed
 * under `data/schema/` is generated from them (`npm run schema`).
 */
import { z } from 'zod';

// ── basics ─────────────────────────────────────────────────────────────────────────────

export const Unit = z.enum(['元', '万元', '亿元']);
export type Unit = z.infer<typeof Unit>;

/** 决算 (final accounts) or 预算 (budget). */
export const DocumentKind = z.enum(['final', 'budget', 'unknown']);
export type DocumentKind = z.infer<typeof DocumentKind>;

export const SourceFormat = z.enum(['text', 'pdf-text', 'html', 'pdf', 'spreadsheet', 'word']);
export type SourceFormat = z.infer<typeof SourceFormat>;

/** Where something sits in the input: a text line, a DOM path, a PDF page. */
export const SourceRef = z.object({
  line: z.number().int().positive().optional(),
  endLine: z.number().int().positive().optional(),
  path: z.string().optional(),
  page: z.number().int().positive().optional(),
  /** A spreadsheet's cell: sheet name and address (`公开01表!C7`). */
  cell: z.string().optional(),
});
export type SourceRef = z.infer<typeof SourceRef>;

export const TemplateId = z.enum([
  'final-01', 'final-02', 'final-03', 'final-04', 'final-05', 'final-06', 'final-07', 'final-08', 'final-09',
  'budget-summary', 'budget-income', 'budget-expense', 'budget-fiscal', 'budget-gpb', 'budget-gpb-units',
  'budget-basic', 'budget-three', 'budget-gf', 'budget-soe', 'budget-projects', 'budget-performance',
  'other',
]);
export type TemplateId = z.infer<typeof TemplateId>;

export const Side = z.enum(['income', 'expense']);
export type Side = z.infer<typeof Side>;

// ── document model ─────────────────────────────────────────────────────────────────────

export const CellStatus = z.enum(['printed', 'inferred', 'undecided']);
export type CellStatus = z.infer<typeof CellStatus>;

export const Cell = z.object({
  /** `null` = printed blank (or a dash). */
  value: z.number().nullable(),
  text: z.string(),
  decimals: z.number().int().min(0),
  /** printed in its column; inferred from the table's identities; or undecided. */
  status: CellStatus,
  source: SourceRef.optional(),
});
export type Cell = z.infer<typeof Cell>;

export const Column = z.object({
  key: z.string(),
  index: z.number().int().min(0),
  label: z.string(),
  /** Header path from the top header row down (`['基本支出', '人员经费']`). */
  path: z.array(z.string()),
  /** 栏次 as printed, when the table numbers its columns. */
  lineNo: z.number().int().optional(),
  role: z.string().optional(),
  /** For 预算数 / 决算数 groups (the 三公 table). */
  phase: z.enum(['budget', 'final']).optional(),
  side: Side.optional(),
  /** false for counts, unit prices, shares: never summed down the column. */
  additive: z.boolean(),
});
export type Column = z.infer<typeof Column>;

export const CodeKind = z.enum(['function', 'economic', 'unit', 'project', 'other']);
export type CodeKind = z.infer<typeof CodeKind>;

export const Row = z.object({
  key: z.string(),
  index: z.number().int().min(0),
  code: z.string().optional(),
  codeKind: CodeKind.optional(),
  label: z.string(),
  /** 行次 as printed. */
  lineNo: z.number().int().optional(),
  side: Side.optional(),
  role: z.string().optional(),
  /** Outer label of a form row (收入构成 / 支出构成), carried down to the rows it spans. */
  group: z.string().optional(),
  /** Text cells of attribute columns (政府采购品目, 是否包含政府采购 …), by header. */
  attrs: z.record(z.string(), z.string()).optional(),
  cells: z.record(z.string(), Cell),
  /** Printed figures whose column could not be decided, with the reason. */
  undecided: z.object({ values: z.array(z.number()), reason: z.string() }).optional(),
  /** Where the row's empty cells are, by column key (pages only: a blank operand can be shown). */
  blankSources: z.record(z.string(), SourceRef).optional(),
  source: SourceRef,
});
export type Row = z.infer<typeof Row>;

export const Statement = z.object({ text: z.string(), source: SourceRef });
export type Statement = z.infer<typeof Statement>;

export const Table = z.object({
  id: z.string(),
  template: TemplateId,
  title: z.string(),
  /** `公开01表`, `预算05表` as printed. */
  tableNo: z.string().optional(),
  /** The department printed above the table (`部门：…`, `单位名称：…`), and where. */
  department: z.object({ name: z.string(), source: SourceRef }).optional(),
  unit: Unit,
  /** true when no unit is printed for this table and the document's unit was assumed. */
  unitAssumed: z.boolean(),
  /**
   * The unit printed (or assumed) when the table's figures show it is in another: its figures are
   * the other tables' read in `unit` (a 万元 table labelled 元). Absent when the label is right.
   */
  unitPrinted: Unit.optional(),
  twoSided: z.boolean(),
  columns: z.array(Column),
  rows: z.array(Row),
  notes: z.array(Statement),
  /** Formulas printed in the notes, as printed. */
  formulas: z.array(Statement),
  /** Statements that the table is empty (此表为空表, 本单位无…). */
  emptyStatements: z.array(Statement),
  /** Labelled text fields of a form (项目名称 → …). */
  fields: z.array(z.object({ key: z.string(), value: z.string(), source: SourceRef.optional() })).optional(),
  /** For a block cut out of a form: the id of the form it belongs to. */
  form: z.string().optional(),
  /** true when the table holds no non-zero figure. */
  isEmpty: z.boolean(),
  /** Precision: the most decimals any amount in the table prints (trailing zeros are often dropped). */
  decimals: z.number().int().min(0).max(6),
  source: SourceRef,
  issues: z.array(z.string()),
});
export type Table = z.infer<typeof Table>;

export const Paragraph = z.object({
  index: z.number().int().min(0),
  text: z.string(),
  /** Offsets in `text` where each source line starts, for positions of quotes (`path` for DOM lines). */
  lineStarts: z.array(z.object({ offset: z.number().int().min(0), line: z.number().int().min(0), path: z.string().optional(), page: z.number().int().positive().optional() })),
  heading: z.boolean(),
  source: SourceRef,
});
export type Paragraph = z.infer<typeof Paragraph>;

export const DocIssue = z.object({ code: z.string(), message: z.string(), source: SourceRef.optional() });
export type DocIssue = z.infer<typeof DocIssue>;

export const BudgetDocument = z.object({
  kind: DocumentKind,
  year: z.number().int().optional(),
  department: z.string().optional(),
  /** The document's dominant unit. */
  unit: Unit,
  source: z.object({ name: z.string().optional(), format: SourceFormat, url: z.string().optional() }),
  tables: z.array(Table),
  paragraphs: z.array(Paragraph),
  issues: z.array(DocIssue),
});
export type BudgetDocument = z.infer<typeof BudgetDocument>;

// ── audit report (the CLI's JSON contract) ─────────────────────────────────────────────

export const Verdict = z.enum(['ok', 'rounding', 'discrepancy', 'undecided']);
export type Verdict = z.infer<typeof Verdict>;

export const Severity = z.enum(['none', 'info', 'warning', 'error']);
export type Severity = z.infer<typeof Severity>;

export const Where = z.object({
  /** `stated` for the printed figure under test, `operand` for the terms it is compared with. */
  role: z.enum(['stated', 'operand', 'context']),
  label: z.string(),
  value: z.number().nullable(),
  sign: z.union([z.literal(1), z.literal(-1)]).optional(),
  table: z.string().optional(),
  tableTitle: z.string().optional(),
  tableNo: z.string().optional(),
  row: z.object({ code: z.string().optional(), label: z.string(), lineNo: z.number().int().optional() }).optional(),
  column: z.object({ label: z.string(), lineNo: z.number().int().optional() }).optional(),
  unit: Unit.optional(),
  quote: z.string().optional(),
  /** The claim of the text this entry quotes (`claims[].id`). */
  claim: z.string().optional(),
  source: SourceRef.optional(),
});
export type Where = z.infer<typeof Where>;

export const Cause = z.object({ kind: z.string(), message: z.string() });
export type Cause = z.infer<typeof Cause>;

export const CheckResult = z.object({
  id: z.string(),
  rule: z.string(),
  verdict: Verdict,
  severity: Severity,
  message: z.string(),
  messageKey: z.string(),
  /** The printed figure, in the unit of its table (percentages as percent numbers). */
  stated: z.number().nullable(),
  /** The recomputed figure, in the same unit. */
  expected: z.number().nullable(),
  /** stated − expected. */
  difference: z.number().nullable(),
  /** Largest difference rounding alone can explain. */
  tolerance: z.number().nullable(),
  unit: z.string().optional(),
  formula: z.string(),
  where: z.array(Where),
  cause: Cause.optional(),
  /** Why a check could not be decided. */
  reason: z.string().optional(),
});
export type CheckResult = z.infer<typeof CheckResult>;

export const Summary = z.object({
  checks: z.number().int(),
  ok: z.number().int(),
  rounding: z.number().int(),
  discrepancy: z.number().int(),
  undecided: z.number().int(),
  errors: z.number().int(),
  warnings: z.number().int(),
  tables: z.number().int(),
  tablesRecognised: z.number().int(),
});
export type Summary = z.infer<typeof Summary>;

export const ReportTable = z.object({
  id: z.string(),
  title: z.string(),
  template: TemplateId,
  tableNo: z.string().optional(),
  /** The unit the figures are in: the printed one, unless they show another (then `unitPrinted`). */
  unit: Unit,
  /** The unit printed over the table, when its figures are in another (a check `table-unit` says why). */
  unitPrinted: Unit.optional(),
  empty: z.boolean(),
  /** Where the table was read: its first line, or the `<table>` element on a page (`t3`). */
  source: SourceRef.optional(),
  columns: z.array(z.object({ key: z.string(), label: z.string(), lineNo: z.number().int().optional() })),
  rows: z.array(
    z.object({
      code: z.string().optional(),
      label: z.string(),
      lineNo: z.number().int().optional(),
      values: z.array(z.number().nullable()),
      undecided: z.boolean().optional(),
    }),
  ),
});
export type ReportTable = z.infer<typeof ReportTable>;

/** A figure the text states, with what it was read as and where it is. */
export const ReportClaim = z.object({
  id: z.string(),
  kind: z.enum(['amount', 'prior', 'change', 'overrun', 'rate', 'share', 'execution', 'percent', 'count']),
  /** Signed by direction for changes and rates. */
  value: z.number(),
  unit: z.string(),
  /** The number and unit as printed. */
  text: z.string(),
  subject: z.string(),
  /** What the subject names in the tables: a quantity (`basic`, `personnel` …) or a row (`fn:20807`, `econ:303`). */
  quantity: z.string().optional(),
  measure: z.enum(['actual', 'budget', 'budget-initial', 'budget-adjusted', 'target', 'unspecified']),
  scope: z.enum(['all', 'fiscal', 'gpb', 'gf', 'soe']).optional(),
  year: z.number().int().optional(),
  /** Paragraph index and offsets of the number in that paragraph's text; the line it is on. */
  paragraph: z.number().int().min(0),
  start: z.number().int().min(0),
  end: z.number().int().min(0),
  /** The line (`source.line`, or `source.path` for a page) and the number's offset in that line's text. */
  source: SourceRef,
  lineOffset: z.number().int().min(0),
  /** Checks that read this claim. */
  checks: z.array(z.string()),
});
export type ReportClaim = z.infer<typeof ReportClaim>;

export const AuditReport = z.object({
  schemaVersion: z.literal(1),
  engine: z.object({ name: z.literal('budget-lens'), version: z.string() }),
  lang: z.enum(['zh', 'en']),
  document: z.object({
    department: z.string().nullable(),
    year: z.number().int().nullable(),
    kind: DocumentKind,
    unit: Unit,
    source: z.object({ name: z.string().optional(), format: SourceFormat, url: z.string().optional() }),
  }),
  tables: z.array(ReportTable),
  checks: z.array(CheckResult),
  /** The figures of the text that the checks quote (positions for highlighting). */
  claims: z.array(ReportClaim).optional(),
  summary: Summary,
  issues: z.array(DocIssue),
});
export type AuditReport = z.infer<typeof AuditReport>;
