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
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { judgeRange } from '../rounding.ts';
import { formatAmount, roundTo } from '../text/numbers.ts';
import { labelKey } from '../text/normalize.ts';
import { type Identity, shortTableName, whereOf } from './identity.ts';
import { ref } from './select.ts';
import type { Check } from './types.ts';

type Kind = 'change' | 'rate';

const CHANGE = /增减|增加|减少|变动|变化|增长|下降|增幅|降幅/;
const RATE = /%|率|幅度|比例|百分比|增幅|降幅/;
const PRIOR = /上年|上一年|去年|上年度/;
const CURRENT = /本年|当年|今年|本年度/;
const TOTAL = /(?:合计|小计|总计)$/;

/** Header text as printed, full-width percent signs and spaces aside (labelKey drops `%`). */
function plain(text: string): string {
  return text.replace(/％/g, '%').replace(/[\s\u3000]+/g, '');
}

function pathKey(col: Column): string {
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

export interface YearPair {
  prior: Column;
  current: Column;
  changes: Column[];
  rates: Column[];
}

/** A table's last-year and this-year columns with the change and rate columns beside them. */
export function yearPairs(table: Table): YearPair[] {
  const out: YearPair[] = [];
  const sides = [...new Set(table.columns.map((c) => c.side))];
  for (const side of sides) {
    const cols = table.columns.filter((c) => c.side === side);
    const changes = cols.filter((c) => kindOf(c) === 'change');
    const rates = cols.filter((c) => kindOf(c) === 'rate');
    if (!changes.length && !rates.length) continue;
    const amounts = cols.filter((c) => c.additive && !kindOf(c));
    const years = [...new Set(amounts.map(yearOf).filter((y): y is number => y !== undefined))].sort();
    let prior: Column | undefined;
    let current: Column | undefined;
    if (years.length === 2) {
      prior = single(amounts.filter((c) => yearOf(c) === years[0]));
      current = single(amounts.filter((c) => yearOf(c) === years[1]));
    } else if (years.length === 0) {
      prior = single(amounts.filter((c) => PRIOR.test(pathKey(c))));
      current = single(amounts.filter((c) => CURRENT.test(pathKey(c)) && !PRIOR.test(pathKey(c))));
    }
    if (prior && current && prior !== current) out.push({ prior, current, changes, rates });
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
  x: { now: number; last: number | undefined; current: Column; prior: Column; growth: boolean },
): CheckResult | undefined {
  const table = work.tables[t]!.table;
  const cell = row.cells[col.key];
  const printed = cell?.status === 'undecided' ? undefined : (cell?.value ?? undefined);
  const { now, last, growth } = x;
  if (printed === undefined || !cell || last === undefined || last === 0) return undefined;
  const f = (a: number, b: number) => ((growth ? a - b : a) / b) * 100;
  const half = 0.5 * 10 ** -table.decimals;
  const recomputed = f(now, last);
  const bounds = [f(now - half, last + half), f(now + half, last - half), f(now - half, last - half), f(now + half, last + half)];
  const decimals = /\.(\d+)/.exec(cell.text)?.[1]?.length ?? 0;
  const j = judgeRange(printed, decimals, recomputed, Math.min(...bounds), Math.max(...bounds));
  const fmt = (v: number) => formatAmount(v, Math.max(decimals, 2));
  const key = `sum.${j.verdict}` as const;
  const a = `[${x.current.label}]`;
  const b = `[${x.prior.label}]`;
  return {
    id: `${rule}/${table.id}/${row.key}/${col.key}`,
    rule,
    verdict: j.verdict,
    severity: j.severity,
    message: headed(ruleTitle(rule, lang), lang, message(key, lang, {
      stated: `${fmt(printed)}%`,
      expected: `${fmt(recomputed)}%`,
      difference: fmt(Math.abs(j.difference)),
      tolerance: fmt(j.tolerance),
      unit: lang === 'zh' ? '个百分点' : 'points',
      terms: 3,
      relation: 'eq',
    })),
    messageKey: key,
    stated: printed,
    expected: roundTo(recomputed, 4),
    difference: j.difference,
    tolerance: j.tolerance,
    unit: '%',
    formula: `${shortTableName(table)} · ${row.code ? `${row.code} ` : ''}${row.label}: [${col.label}] = ${growth ? `(${a} − ${b})` : a} ÷ ${b} × 100%`,
    where: [
      whereOf(work, { t, r: row.index, c: col.key }, 'stated', printed, undefined, true),
      whereOf(work, { t, r: row.index, c: x.current.key }, 'operand', now, 1),
      whereOf(work, { t, r: row.index, c: x.prior.key }, 'operand', last, growth ? -1 : 1),
    ],
  };
}

export const changeColumn: Check = {
  id: 'change-column',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      for (const { prior, current, changes } of yearPairs(table)) {
        for (const change of changes) {
          for (const row of table.rows) {
            if (row.side !== change.side) continue;
            out.push({
              id: `change-column/${table.id}/${row.key}/${change.key}`,
              rule: 'change-column',
              relation: 'eq',
              stated: ref(t, row, change),
              terms: [
                { ref: ref(t, row, current), sign: 1 },
                { ref: ref(t, row, prior), sign: -1 },
              ],
              solver: false,
            });
          }
        }
      }
    });
    return out;
  },
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    work.tables.forEach((wt, t) => {
      const table = wt.table;
      for (const { prior, current, rates } of yearPairs(table)) {
        for (const rate of rates) {
          for (const row of table.rows) {
            if (row.side !== rate.side) continue;
            const last = figure(row, prior);
            const now = figure(row, current) ?? 0;
            const r = percentOf(work, lang, 'change-column', t, row, rate, { now, last, current, prior, growth: true });
            if (r) out.push(r);
          }
        }
      }
    });
    return out;
  },
};
