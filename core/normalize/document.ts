/**
 * RawDocument → BudgetDocument: kind, year, department, unit, tables and narrative paragraphs.
 * Never throws: what cannot be read becomes an issue on the document or the table.
 */
import type { RawDocument, RawLine } from '../model/raw.ts';
import type { BudgetDocument, DocIssue, Paragraph, SourceRef, Unit } from '../model/schemas.ts';
import { compact, toHalfWidth } from '../text/normalize.ts';
import { buildTable, departmentField, type WorkTable } from './table.ts';
import { transposeThree } from './three.ts';
import { splitForm, type FormParts } from './forms.ts';
import { makeColumn } from './columns.ts';
import { parseNumber } from '../text/numbers.ts';
import type { Row, Table } from '../model/schemas.ts';
import type { RawTable } from '../model/raw.ts';
import { identifyTemplate, kindOf, kindOfTemplates, unitOf } from './identify.ts';
import { inferTableUnits, type UnitEvidence } from './units.ts';
import { inferCodes } from './codes.ts';

export interface WorkDocument {
  doc: BudgetDocument;
  tables: WorkTable[];
  /** Text cells of tables that hold a worked calculation (`673.19元*12个月*8000人=6462.73万元`). */
  calculations: { text: string; source: SourceRef; table: string }[];
  /** Tables read in another unit than their label's, by index, with the figures that show it. */
  units: Map<number, UnitEvidence>;
}

const CALCULATION = /\d[^*×xX＊=＝\d]{0,6}[*×xX＊]\s*\d[^=＝]*[=＝]\s*\d/;
/** A worked calculation has an equals sign (looked for first: far cheaper than the pattern). */
const isCalculation = (text: string): boolean => text.length <= 4000 && (text.includes('=') || text.includes('＝')) && CALCULATION.test(text);

function mode<T>(items: T[]): T | undefined {
  const counts = new Map<T, number>();
  let best: T | undefined;
  let n = 0;
  for (const it of items) {
    const c = (counts.get(it) ?? 0) + 1;
    counts.set(it, c);
    if (c > n) [best, n] = [it, c];
  }
  return best;
}

export function normalizeDocument(raw: RawDocument): WorkDocument {
  const issues: DocIssue[] = raw.issues.slice();
  const titles = raw.tables.map((t) => t.title?.text ?? '');
  const headText = raw.text.slice(0, 40).map((l) => l.text);
  let kind = kindOf(titles);
  if (kind === 'unknown') kind = kindOf(headText);
  // The national templates' titles may say neither (`部门收支总表`): the tables they are say it.
  if (kind === 'unknown') kind = kindOfTemplates(titles);

  const printedUnits = raw.tables
    .map((t) => unitOf([t.title?.text ?? '', ...t.preamble.map((p) => p.text)].join('')))
    .filter((u): u is Unit => !!u);
  const docUnit = mode(printedUnits);

  const tables: WorkTable[] = [];
  const calculations: WorkDocument['calculations'] = [];
  for (const rt of raw.tables) {
    for (const row of rt.grid) {
      for (const cell of row.cells) {
        if (!cell.spanned && isCalculation(cell.text)) calculations.push({ text: cell.text, source: cell.source ?? row.source, table: `t${rt.index + 1}` });
      }
    }
    for (const l of rt.stream) if (isCalculation(l.text)) calculations.push({ text: l.text, source: l.source, table: `t${rt.index + 1}` });
    try {
      const id = `t${rt.index + 1}`;
      // A form (prose fields, or no column of figures) is cut into blocks instead of read whole.
      const tpl = identifyTemplate((rt.title?.text ?? '').trim(), kind, undefined)?.id ?? 'other';
      const proseForm = (tpl === 'other' || tpl === 'budget-performance') && hasProse(rt) ? splitForm(rt) : undefined;
      const built = proseForm ? undefined : buildTable(rt, kind, docUnit, id);
      const form = proseForm ?? (built && built.table.template === 'other' && built.table.columns.length === 0 ? splitForm(rt) : undefined);
      if (!form) {
        if (built) tables.push(built);
        continue;
      }
      const parent = built?.table ?? buildTable({ ...rt, grid: rt.grid.slice(0, 1) }, kind, docUnit, id).table;
      // A form: its blocks and its labelled fields become tables of their own.
      form.blocks.forEach((b, k) => tables.push(buildTable(b, kind, docUnit, `${id}.${k + 1}`, { form: id })));
      const fieldsTable = fieldTable(rt, form, parent, `${id}.f`, docUnit);
      if (fieldsTable) tables.push(fieldsTable);
    } catch (e) {
      issues.push({
        code: 'table-unreadable',
        message: `table "${rt.title?.text ?? ''}" could not be read: ${e instanceof Error ? e.message : String(e)}`,
        source: rt.source,
      });
    }
  }

  for (const wt of tables) transposeThree(wt);
  inferCodes(tables);
  const units = inferTableUnits(tables);
  const year = yearOf(raw, titles);
  const department = departmentOf(raw);
  // PDF lines wrap mid-sentence (a PDF read for its positions, or text extracted from one).
  const paragraphs = toParagraphs(raw.text, raw.format === 'pdf-text' || raw.format === 'pdf');
  if (raw.tables.length === 0) {
    issues.push({ code: 'no-tables', message: 'no table was found in the input' });
  }
  const doc: BudgetDocument = {
    kind,
    year,
    department,
    unit: docUnit ?? '万元',
    source: { name: raw.name, format: raw.format, url: raw.url },
    tables: tables.map((t) => t.table),
    paragraphs,
    issues,
  };
  return { doc, tables, calculations, units };
}

/** A form, not a table: some of its cells are prose. */
function hasProse(raw: RawTable): boolean {
  return raw.layout === 'grid' && raw.grid.some((r) => r.cells.some((c) => c.text.length > 80));
}

const FIELD_KEY_EXCLUDED = /电话|代码|编码|日期|年度|邮编|手机|传真/;

/** A form's labelled figures (`项目当年预算 → 99.09`) as a one-column table; text fields kept aside. */
function fieldTable(raw: RawTable, form: FormParts, parent: Table, id: string, docUnit: Unit | undefined): WorkTable | undefined {
  const col = makeColumn(0, ['数值']);
  const rows: Row[] = [];
  const fields: NonNullable<Table['fields']> = [];
  for (const f of form.fields) {
    if (FIELD_KEY_EXCLUDED.test(f.key)) continue;
    const n = parseNumber(f.value.text);
    if (!n || n.percent) {
      if (/名称$/.test(f.key)) fields.push({ key: f.key, value: f.value.text.replace(/\s+/g, ' ').trim(), source: f.value.source });
      continue;
    }
    rows.push({
      key: `r${rows.length + 1}`,
      index: rows.length,
      label: f.key,
      role: 'field',
      cells: { [col.key]: { value: n.value, text: f.value.text.trim(), decimals: n.decimals, status: 'printed', source: f.value.source } },
      source: f.keySource ?? f.value.source ?? raw.source,
    });
  }
  if (rows.length === 0 && fields.length === 0) return undefined;
  const table: Table = {
    ...parent,
    id,
    title: `${parent.title}${parent.title ? ' · ' : ''}填报项`,
    template: 'other',
    unit: parent.unit ?? docUnit ?? '万元',
    twoSided: false,
    columns: [col],
    rows,
    notes: [],
    formulas: [],
    emptyStatements: [],
    isEmpty: rows.every((r) => !r.cells[col.key]?.value),
    decimals: Math.min(4, Math.max(0, ...rows.map((r) => r.cells[col.key]?.decimals ?? 0))),
    fields,
    form: parent.id,
    issues: [],
  };
  return { table, pending: new Map(), draft: { columns: [col], rows: [], issues: [], headerText: '' } };
}

function yearOf(raw: RawDocument, titles: string[]): number | undefined {
  const years: number[] = [];
  for (const t of titles) {
    const m = /(20\d{2})\s*年/.exec(toHalfWidth(t));
    if (m) years.push(Number(m[1]));
  }
  // No table titled with a year: the year the text most often names a 预算 or 决算 by (one
  // sentence of the opening may name last year's, `纳入…2022年度部门决算编制范围`).
  if (years.length === 0) {
    const YEAR = /(20\d{2})\s*年度?.{0,30}?(?:预算|决算)/g;
    for (const l of raw.text) {
      if (!l.text.includes('算')) continue;
      for (const m of toHalfWidth(l.text).matchAll(YEAR)) years.push(Number(m[1]));
    }
  }
  return mode(years);
}

/** Cover titles: `2023年度XX局部门决算公开`, `XX局2024年部门预算`, with what may follow the kind. */
const COVER_END = '(?:部门)?(?:决算|预算)(?:公开|报告|信息公开|公开说明|编制说明|情况说明|说明)?(?:[(（].{0,12}[)）])?$';
const COVER_YEAR_FIRST = new RegExp(`^(20\\d{2})年度?(.{2,40}?)${COVER_END}`);
const COVER_NAME_FIRST = new RegExp(`^(.{2,40}?)(20\\d{2})年度?${COVER_END}`);

function departmentOf(raw: RawDocument): string | undefined {
  const names: string[] = [];
  for (const t of raw.tables) {
    const d = departmentField(t.preamble);
    if (d) names.push(d.name);
  }
  const fromTables = mode(names);
  if (fromTables) return fromTables;
  // Cover title: `2023年度XX局部门决算公开`, `XX局 2024 年预算`.
  const head = raw.text.slice(0, 40).map((l) => compact(l.text).replace(/\*+/g, '')).filter((l) => l);
  // A title is the whole line (a sentence of the text starting `2024年收入预算100万元` is none).
  const nameOk = (n: string | undefined): n is string => !!n && !/[\d,，。;；:：]/.test(n) && !/^(?:本?部门|本?单位)$/.test(n);
  for (let i = 0; i < head.length; i++) {
    const joined = head[i] + (head[i + 1] ?? '');
    const a = COVER_YEAR_FIRST.exec(head[i] ?? '') ?? COVER_YEAR_FIRST.exec(joined);
    if (nameOk(a?.[2])) return a[2];
    const b = COVER_NAME_FIRST.exec(head[i] ?? '');
    if (nameOk(b?.[1])) return b[1];
  }
  // A cover title over two or three lines (`上海市普陀区人民政府` / `石泉路街道办事处 2025` / `年度部门决算`).
  for (let i = 0; i < head.length; i++) {
    if (/^(?:目录|封面|附件)/.test(head[i] ?? '')) continue;
    for (const span of [3, 2]) {
      const lines = head.slice(i, i + span);
      if (lines.length < span || lines.slice(0, -1).some((l) => /[，。；;：:]/.test(l) || COVER_NAME_FIRST.test(l))) continue;
      const b = COVER_NAME_FIRST.exec(lines.join(''));
      if (nameOk(b?.[1])) return b[1];
    }
  }
  return undefined;
}

/** Paragraphs longer than this are cut into pieces (unbroken text, binary input). */
export const MAX_PARAGRAPH = 4_000;

// (`11“. 灾害防治…”`: a quote mark the PDF put before the item's dot)
const HEADING = /^\s*(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）]|[\d０-９]+["“”]?[.、．](?![\d０-９])|附件)/;
/** The caption of a figure or table (`图 1：收、支决算总计变动情况`, `图2 收入决算结构`): a line of its own. */
const CAPTION = /^\s*(?:附?图|附?表)\s*[\d０-９一二三四五六七八九十]+(?:[-－][\d０-９]+)?\s*[：:.、．\s]/;

/**
 * Narrative lines → paragraphs. In PDF text, lines wrap mid-sentence and blank lines appear
 * between wrapped lines, so a paragraph ends only at sentence-final punctuation or a heading.
 * A heading-like line that fills the page width and ends without punctuation is a wrapped
 * sentence (`2.就业补助资金本年 7019.95 万元比 2022 年 6780.90 万元` + its continuation), not a
 * heading. Digits on both sides of a PDF line break are one number (`62` / `7 人`).
 */
export function toParagraphs(lines: RawLine[], pdfText: boolean): Paragraph[] {
  const out: Paragraph[] = [];
  const width = pdfText ? lineWidth(lines) : Infinity;
  let cur: { text: string; lineStarts: Paragraph['lineStarts']; first: number; last: number; open: boolean } | undefined;
  let blank = false;
  const flush = () => {
    if (cur && cur.text.trim() !== '') {
      const text = cur.text;
      out.push({
        index: out.length,
        text,
        lineStarts: cur.lineStarts,
        heading: isHeading(text),
        // Lines of a page also have paths (the element they were read from), a PDF's their page.
        source: { line: cur.first, endLine: cur.last, ...(cur.lineStarts[0]?.path ? { path: cur.lineStarts[0].path } : {}), ...(cur.lineStarts[0]?.page ? { page: cur.lineStarts[0].page } : {}) },
      });
    }
    cur = undefined;
  };
  // Pages whose layout marks paragraph starts (a PDF read for its positions): there a line
  // ending in 。 ends its paragraph only when the next line starts one.
  const laidOut = new Set(lines.filter((l) => l.start && l.source.page).map((l) => l.source.page));
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k] as RawLine;
    const t = l.text.replace(/\s+$/g, '');
    const line = l.source.line ?? 0;
    if (t.trim() === '') {
      if (!pdfText) blank = true;
      continue;
    }
    const trimmed = t.trim();
    // A line the layout shows as a paragraph's first (indented) ends the one before, as a
    // blank line does in plain text (unless that one stops mid-sentence).
    if (l.start) blank = true;
    // In plain text a blank line ends a paragraph, unless it cuts a sentence in two
    // (`…授予小微企业合同金` / `额771.95万元，…`, or after a comma).
    if (blank && cur) {
      // A short line of its own before the blank is a title (`2023年度部门决算`), not a cut sentence
      // (a grid's header row, `序号⇥项目⇥完成情况`, still heads the rows after it).
      const runsOn =
        (cur.lineStarts.length > 1 || cur.text.length > 30 || cur.text.includes('\t')) &&
        !/[。！？!?：:；;]$/.test(cur.text) && !isHeading(cur.text) && !CAPTION.test(cur.text) && !HEADING.test(trimmed) && /[\u4e00-\u9fff，,、]$/.test(cur.text) && !/^[#*\-|]/.test(trimmed);
      if (!runsOn) flush();
    }
    blank = false;
    // A numbered line starts a paragraph; in PDF text only a short one (a long one may be a
    // wrapped sentence that happens to begin with a figure).
    const startsBlock = (trimmed.length < 60 || !pdfText) && HEADING.test(trimmed);
    // A chart's caption (`图 1：收、支决算总计变动情况`) is a line of its own: the text after it is none of it.
    const caption = trimmed.length <= 40 && CAPTION.test(trimmed) && !/[，,。]/.test(trimmed);
    if (cur && (cur.text.length > MAX_PARAGRAPH || ((startsBlock || caption) && !cur.open) || (startsBlock && !pdfText))) flush();
    if (!cur) cur = { text: '', lineStarts: [], first: line, last: line, open: false };
    const prev = cur.text;
    const digits = pdfText && /\d$/.test(prev) && /^\d/.test(trimmed) && !/^\d+[.、．]\D/.test(trimmed);
    const join = !digits && prev !== '' && /[A-Za-z0-9]$/.test(prev) && /^[A-Za-z0-9]/.test(trimmed) ? ' ' : '';
    cur.text += join;
    const start: Paragraph['lineStarts'][number] = { offset: cur.text.length, line };
    if (l.source.path) start.path = l.source.path;
    if (l.source.page) start.page = l.source.page;
    cur.lineStarts.push(start);
    cur.text += trimmed;
    cur.last = line;
    // A short heading line closes its paragraph; a full-width one without end punctuation runs on.
    const full = width !== Infinity && trimmed.replace(/\s+/g, '').length >= 0.8 * width;
    cur.open = pdfText && full && !/[。！？!?：:；;]$/.test(trimmed);
    const next = lines[k + 1];
    const endsHere = !laidOut.has(l.source.page) || !next || next.start || next.source.page !== l.source.page;
    if ((/[。！？!?：:]$/.test(trimmed) && endsHere) || (trimmed.length <= 40 && isHeading(trimmed) && !cur.open) || caption) flush();
  }
  flush();
  return out;
}

/** Typical width of a full PDF text line (compact characters): the 75th percentile. */
function lineWidth(lines: RawLine[]): number {
  const lens = lines.map((l) => l.text.replace(/\s+/g, '').length).filter((n) => n >= 8).sort((a, b) => a - b);
  if (lens.length < 10) return Infinity;
  return lens[Math.floor(lens.length * 0.75)] ?? Infinity;
}

function isHeading(text: string): boolean {
  if (text.length > 80 || !HEADING.test(text)) return false;
  const t = compact(text);
  // A numbered line that ends in a comma is the first line of a sentence (`(一)某某支出 850 元,`).
  return t.length <= 40 && HEADING.test(t) && !/[，,。]/.test(t.slice(0, -1)) && !/[，,、；;]$/.test(t);
}
