/**
 * execution-column: tables that print a budget, the actual figure and the share of the budget
 * it reached (年初预算数 | 决算数 | 决算数为年初预算数的%, 预算数 | 执行数 | 执行率): on each row
 * the percentage equals actual ÷ budget × 100, judged as a percentage with the figures' own
 * rounding. The budget column names 预算 (and not 决算); the actual one 决算, 执行 or 实际; where
 * more than one column could be either, the total one is taken, else the table is left alone.
 * Blank percentages and zero budgets are not judged.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Column, Table } from '../model/schemas.ts';
import type { Lang } from '../messages.ts';
import { figure, pathKey, percentOf, plain, single } from './change-column.ts';
import type { Check } from './types.ts';

const PERCENT = /%|率/;
/** A score column names the rate it is computed from (得分(20分*执行率)): not a rate itself. */
const SCORE = /得分|分值|权重|分\*/;
/** 决算数为年初预算数的%, 占预算%, 完成率, 完成预算%, 执行率 — a share of the budget, not of a total. */
const RATIO = /(?:为|占).*预算|完成|执行/;
const BUDGET = /预算/;
const ACTUAL = /决算|执行数|实际|支出数|完成数/;

/** A table's budget and actual columns with the percentage columns that compare them. */
export function executionPairs(table: Table): { budget: Column; actual: Column; ratios: Column[] }[] {
  const out: { budget: Column; actual: Column; ratios: Column[] }[] = [];
  for (const side of new Set(table.columns.map((c) => c.side))) {
    const cols = table.columns.filter((c) => c.side === side);
    const isRatio = (c: Column) => {
      const label = plain(c.label);
      return !c.additive && PERCENT.test(label) && RATIO.test(label) && !SCORE.test(label);
    };
    const ratios = cols.filter(isRatio);
    if (!ratios.length) continue;
    const amounts = cols.filter((c) => c.additive && !isRatio(c));
    const budget = single(amounts.filter((c) => BUDGET.test(pathKey(c)) && !ACTUAL.test(pathKey(c))));
    const actual = single(amounts.filter((c) => ACTUAL.test(pathKey(c)) && !BUDGET.test(pathKey(c))));
    if (budget && actual) out.push({ budget, actual, ratios });
  }
  return out;
}

export const executionColumn: Check = {
  id: 'execution-column',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    work.tables.forEach((wt, t) => {
      const table = wt.table;
      for (const { budget, actual, ratios } of executionPairs(table)) {
        for (const ratio of ratios) {
          for (const row of table.rows) {
            if (row.side !== ratio.side) continue;
            const r = percentOf(work, lang, 'execution-column', t, row, ratio, { now: figure(row, actual) ?? 0, last: figure(row, budget), current: actual, prior: budget, growth: false });
            if (r) out.push(r);
          }
        }
      }
    });
    return out;
  },
};
