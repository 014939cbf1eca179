/**
 * change-column: tables that print a year beside the year before (上年预算数 | 本年预算数 |
 * 增减额 | 增减%, 2023年预算数 | 2024年预算数 | 增减, 三公 tables …): on each row the change
 * column equals this year − last year, and the rate column equals that change ÷ last year × 100
 * (judged as a percentage: the printed digits and the figures it is computed from are intervals).
 * The two years are told by the years printed in the headers, or by 上年 / 本年 words; where more
 * than one column could be either year (a year split into 合计 / 基本 / 项目), the total one is
 * taken, and a table where it stays ambiguous is left alone. A rate on a zero or blank base is
 * undefined and not judged.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Column, Row, Table } from '../model/schemas.ts';
import type { Lang } from '../messages.ts';
import { judgeRange } from '../rounding.ts';
import { labelKey } from '../text/normalize.ts';
import { columnName, type Identity, percentResult, shortTableName, whereOf } from './identity.ts';
import { ref } from './select.ts';
import type { Check } from './types.ts';

type Kind = 'change' | 'rate';

const CHANGE = /增减|增加|减少|变动|变化|增长|下降|增幅|降幅/;
const RATE = /%|率|幅度|比例|百分比|增幅|降幅/;
const PRIOR = /上年|上一年|去年|上年度/;
const CURRENT = /本年|当年|今年|本年度/;
const TOTAL = /(?:合计|小计|总计)$/;

/** Header text as printed, full-width percent signs and spaces aside (labelKey drops `%`). */
export function plain(text: string): string {
  return text.replace(/％/g, '%').replace(/[\s\u3000]+/g, '');
}

export function pathKey(col: Column): string {
  return plain(col.path.join('|'));
}

function kindOf(col: Column): Kind | undefined {
  if (!CHANGE.test(pathKey(col))) return undefined;
  if (RATE.test(plain(col.label)) || (!col.additive && RATE.test(pathKey(col)))) return 'rate';
  return col.additive ? 'change' : undefined;
}

function yearOf(col: Column): number | undefined {
  const years = [...pathKey(col).matchAll(/(\d{4})年/g)].map((m) => Number(m[1]));
  return years.length === 1 ? years[0] : undefined;
}

/** The one column of a candidate set: itself, or the set's total column. */
export function single(cols: Column[]): Column | undefined {
  if (cols.length === 1) return cols[0];
  const totals = cols.filter((c) => TOTAL.test(labelKey(c.label)));
  return totals.length === 1 ? totals[0] : undefined;
}

/** A change or rate column with the two year columns it compares; `sign` −1 for 减少 columns. */
export interface YearPair {
  col: Column;
  kind: Kind;
  prior: Column;
  current: Column;
  sign: 1 | -1;
}

/** What a column is about, when its leaf names it (a 三公 item under 增减), else ''. */
function subjectOf(col: Column): string {
  const leaf = labelKey(col.label);
  return CHANGE.test(leaf) || RATE.test(plain(col.label)) || /\d{4}年|上年|本年|预算数|决算数/.test(leaf) || TOTAL.test(leaf) ? '' : leaf;
}

/**
 * A table's change and rate columns, each with last year's and this year's column: those of its
 * own subject when the years are split by item (因公出国 | 公务接待 … under each year), else the
 * years' total columns. Years are told by the years in the headers, or by 上年 / 本年.
 */
export function yearPairs(table: Table): YearPair[] {
  const out: YearPair[] = [];
  const sides = [...new Set(table.columns.map((c) => c.side))];
  for (const side of sides) {
    const cols = table.columns.filter((c) => c.side === side);
    const derived = cols.filter((c) => kindOf(c));
    if (!derived.length) continue;
    const amounts = cols.filter((c) => c.additive && !kindOf(c));
    const years = [...new Set(amounts.map(yearOf).filter((y): y is number => y !== undefined))].sort();
    let priors: Column[] = [];
    let currents: Column[] = [];
    if (years.length === 2) {
      priors = amounts.filter((c) => yearOf(c) === years[0]);
      currents = amounts.filter((c) => yearOf(c) === years[1]);
    } else if (years.length === 0) {
      priors = amounts.filter((c) => PRIOR.test(pathKey(c)));
      currents = amounts.filter((c) => CURRENT.test(pathKey(c)) && !PRIOR.test(pathKey(c)));
    }
    for (const col of derived) {
      const subject = subjectOf(col);
      const of = (list: Column[]) => (subject ? single(list.filter((c) => subjectOf(c) === subject)) : single(list));
      const prior = of(priors);
      const current = of(currents);
      const k = pathKey(col);
      const sign = /减少|下降|降幅/.test(k) && !/增/.test(k) ? -1 : 1;
      if (prior && current && prior !== current) out.push({ col, kind: kindOf(col) as Kind, prior, current, sign });
    }
  }
  return out;
}

export function figure(row: Row, col: Column): number | undefined {
  const cell = row.cells[col.key];
  if (!cell || cell.status === 'undecided') return undefined;
  return cell.value ?? undefined;
}

/**
 * A printed percentage column judged on one row: `now ÷ base × 100` (a ratio), or with
 * `growth`, `(now − base) ÷ base × 100`. The figures' own rounding widens what it can be.
 * Nothing when the percentage is blank or the base is zero or blank (undefined).
 */
export function percentOf(
  work: WorkDocument,
  lang: Lang,
  rule: 'change-column' | 'execution-column',
  t: number,
  row: Row,
  col: Column,
  x: { now: number; last: number | undefined; current: Column; prior: Column; growth: boolean; sign?: 1 | -1 },
): CheckResult | undefined {
  const table = work.tables[t]!.table;
  const cell = row.cells[col.key];
  const printed = cell?.status === 'undecided' ? undefined : (cell?.value ?? undefined);
  const { now, last, growth } = x;
  if (printed === undefined || !cell || last === undefined || last === 0) return undefined;
  const sign = x.sign ?? 1;
  const f = (a: number, b: number) => ((growth ? sign * (a - b) : a) / b) * 100;
  const half = 0.5 * 10 ** -table.decimals;
  const recomputed = f(now, last);
  const bounds = [f(now - half, last + half), f(now + half, last - half), f(now - half, last - half), f(now + half, last + half)];
  const decimals = /\.(\d+)/.exec(cell.text)?.[1]?.length ?? 0;
  const j = judgeRange(printed, decimals, recomputed, Math.min(...bounds), Math.max(...bounds));
  const a = `[${columnName(x.current, table)}]`;
  const b = `[${columnName(x.prior, table)}]`;
  return percentResult(lang, rule, {
    id: `${rule}/${table.id}/${row.key}/${col.key}`,
    printed,
    decimals,
    recomputed,
    j,
    terms: 3,
    formula: `${shortTableName(table)} · ${row.code ? `${row.code} ` : ''}${row.label}: [${columnName(col, table)}] = ${growth ? (sign === 1 ? `(${a} − ${b})` : `(${b} − ${a})`) : a} ÷ ${b} × 100%`,
    where: [
      whereOf(work, { t, r: row.index, c: col.key }, 'stated', printed, undefined, true),
      whereOf(work, { t, r: row.index, c: x.current.key }, 'operand', now, growth ? sign : 1),
      whereOf(work, { t, r: row.index, c: x.prior.key }, 'operand', last, growth ? (sign === 1 ? -1 : 1) : 1),
    ],
  });
}

export const changeColumn: Check = {
  id: 'change-column',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      for (const { col: change, kind, prior, current, sign } of yearPairs(table)) {
        if (kind !== 'change') continue;
        for (const row of table.rows) {
          if (row.side !== change.side) continue;
          out.push({
            id: `change-column/${table.id}/${row.key}/${change.key}`,
            rule: 'change-column',
            relation: 'eq',
            stated: ref(t, row, change),
            terms: [
              { ref: ref(t, row, current), sign },
              { ref: ref(t, row, prior), sign: sign === 1 ? -1 : 1 },
            ],
            solver: false,
          });
        }
      }
    });
    return out;
  },
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    work.tables.forEach((wt, t) => {
      const table = wt.table;
      for (const { col: rate, kind, prior, current, sign } of yearPairs(table)) {
        if (kind !== 'rate') continue;
        for (const row of table.rows) {
          if (row.side !== rate.side) continue;
          const r = percentOf(work, lang, 'change-column', t, row, rate, { now: figure(row, current) ?? 0, last: figure(row, prior), current, prior, growth: true, sign });
          if (r) out.push(r);
        }
      }
    });
    return out;
  },
};
