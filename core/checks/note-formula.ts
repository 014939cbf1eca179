/**
 * note-formula: the audit formulas printed in a table's 注, parsed and run.
 *
 *   27行＝（1＋2＋…＋8）行        row 27 = rows 1…8, in every column of its side
 *   1栏各行＝（2＋3）栏各行       column 1 = columns 2 + 3, on every row
 *   6栏各行＝（1＋2－3）栏各行    signs are kept
 *
 * Full-width and ASCII forms, `…`, `...` and `⋯` ranges are accepted.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Table } from '../model/schemas.ts';
import { message, ruleTitle, type Lang, headed } from '../messages.ts';
import { toHalfWidth } from '../text/normalize.ts';
import type { Identity, Term } from './identity.ts';
import { columnMayHaveData, ref, rowMayHaveData, sideColumns } from './select.ts';
import type { Check } from './types.ts';

export interface ParsedFormula {
  axis: 'row' | 'col';
  stated: number;
  terms: { n: number; sign: 1 | -1 }[];
  printed: string;
}

export function parseFormulas(text: string): ParsedFormula[] {
  const t = toHalfWidth(text)
    .replace(/\s+/g, '')
    .replace(/[…⋯]+|\.{2,}|。{2,}/g, '…')
    .replace(/＝/g, '=');
  const out: ParsedFormula[] = [];
  const re = /(\d+)(行|栏)(?:各行)?=\(?([\d+\-…]+)\)?(行|栏)/g;
  for (const m of t.matchAll(re)) {
    const axis = m[2] === '行' ? 'row' : 'col';
    const body = m[3] ?? '';
    const terms: ParsedFormula['terms'] = [];
    const tokens = body.match(/[+\-]?(?:\d+|…)/g) ?? [];
    for (let i = 0; i < tokens.length; i++) {
      const tok = tokens[i] ?? '';
      if (tok.endsWith('…')) {
        const prev = terms[terms.length - 1];
        const next = /(\d+)/.exec(tokens[i + 1] ?? '')?.[1];
        if (prev && next) for (let n = prev.n + 1; n < Number(next); n++) terms.push({ n, sign: prev.sign });
        continue;
      }
      terms.push({ n: Number(/(\d+)/.exec(tok)?.[1]), sign: tok.startsWith('-') ? -1 : 1 });
    }
    if (terms.length && terms.every((x) => Number.isFinite(x.n))) out.push({ axis, stated: Number(m[1]), terms, printed: m[0] });
  }
  return out;
}

const parsedCache = new WeakMap<Table, ParsedFormula[]>();

function formulasOf(table: Table): ParsedFormula[] {
  let parsed = parsedCache.get(table);
  if (!parsed) parsedCache.set(table, (parsed = table.formulas.flatMap((f) => parseFormulas(f.text))));
  return parsed;
}

/** Columns whose value a printed column formula defines (used by column-total to avoid repeats). */
export function columnsDefinedByNotes(table: Table): Set<string> {
  const out = new Set<string>();
  for (const f of formulasOf(table)) {
    if (f.axis !== 'col') continue;
    const col = columnByNumber(table, f.stated);
    if (col) out.add(col.key);
  }
  return out;
}

/** Row numbers (行次) whose value a printed row formula defines. */
export function rowsDefinedByNotes(table: Table): Set<number> {
  return new Set(formulasOf(table).filter((f) => f.axis === 'row').map((f) => f.stated));
}

function columnByNumber(table: Table, n: number) {
  const numbered = table.columns.find((c) => c.lineNo === n);
  if (numbered) return numbered;
  if (table.columns.every((c) => c.lineNo === undefined && c.side === undefined)) return table.columns[n - 1];
  return undefined;
}

export const noteFormula: Check = {
  id: 'note-formula',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      for (const f of formulasOf(table)) {
        if (f.axis === 'row') {
          const stated = table.rows.find((r) => r.lineNo === f.stated);
          if (!stated) continue;
          const cols = sideColumns(table, stated.side);
          for (const col of cols) {
            if (cols.length > 1 && !columnMayHaveData(wt, col.key)) continue;
            const terms: Term[] = [];
            const missing: string[] = [];
            for (const x of f.terms) {
              const row = table.rows.find((r) => r.lineNo === x.n && r.side === stated.side) ?? table.rows.find((r) => r.lineNo === x.n);
              if (row) terms.push({ ref: ref(t, row, col), sign: x.sign });
              else missing.push(`${x.n}行`);
            }
            out.push({
              id: `note-formula/${table.id}/${f.printed}/${col.key}`,
              rule: 'note-formula',
              relation: 'eq',
              stated: ref(t, stated, col),
              terms,
              solver: true,
              printed: f.printed,
              missing: missing.length ? missing : undefined,
              keepBlank: true,
            });
          }
        } else {
          const statedCol = columnByNumber(table, f.stated);
          const termCols = f.terms.map((x) => ({ col: columnByNumber(table, x.n), sign: x.sign }));
          if (!statedCol || termCols.some((x) => !x.col)) continue;
          for (const row of table.rows) {
            if (row.side !== statedCol.side) continue;
            if (!rowMayHaveData(wt, row.index) && row.role !== 'total') continue;
            out.push({
              id: `note-formula/${table.id}/${f.printed}/${row.key}`,
              rule: 'note-formula',
              relation: 'eq',
              stated: ref(t, row, statedCol),
              terms: termCols.map((x) => ({ ref: ref(t, row, x.col as NonNullable<typeof x.col>), sign: x.sign })),
              solver: true,
              printed: f.printed,
              keepBlank: true,
            });
          }
        }
      }
    });
    return out;
  },
  /** Formulas printed under a table with no row at all: they hold trivially; said so. */
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    for (const wt of work.tables) {
      const table = wt.table;
      if (table.rows.length > 0) continue;
      for (const f of formulasOf(table)) {
        out.push({
          id: `note-formula/${table.id}/${f.printed}/empty`,
          rule: 'note-formula',
          verdict: 'ok',
          severity: 'none',
          message: headed(ruleTitle('note-formula', lang), lang, message('formula.empty-table', lang, { formula: f.printed })),
          messageKey: 'formula.empty-table',
          stated: 0,
          expected: 0,
          difference: 0,
          tolerance: 0,
          unit: table.unit,
          formula: `${table.tableNo ?? table.title}: ${f.printed}`,
          where: [{ role: 'stated', label: table.title, value: 0, table: table.id, tableTitle: table.title, tableNo: table.tableNo, source: table.source }],
        });
      }
    }
    return out;
  },
};
