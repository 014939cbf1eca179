/**
 * unit-price: where a table prints 数量, 单价 and an amount (采购预算表, 购买服务表),
 * quantity × unit price = amount on every row. The tolerance is the price's rounding
 * multiplied by the quantity, plus the amount's own rounding.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Column } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { judgeSum } from '../rounding.ts';
import { formatAmount, roundTo } from '../text/numbers.ts';
import { tableDecimals, whereOf } from './identity.ts';
import type { Check } from './types.ts';

export const unitPrice: Check = {
  id: 'unit-price',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    work.tables.forEach((wt, t) => {
      const table = wt.table;
      const qty = table.columns.find((c) => c.role === 'quantity');
      const price = table.columns.find((c) => c.role === 'unit-price');
      const amount: Column | undefined = table.columns.find((c) => c.role === 'amount');
      if (!qty || !price || !amount) return;
      const d = tableDecimals(table);
      for (const row of table.rows) {
        if (row.role === 'total') continue;
        const q = row.cells[qty.key];
        const p = row.cells[price.key];
        const a = row.cells[amount.key];
        if (!q || !p || !a || q.value === null || p.value === null || a.value === null) continue;
        if (q.status === 'undecided' || p.status === 'undecided' || a.status === 'undecided') continue;
        const expected = roundTo(q.value * p.value, 6);
        const pd = Math.max(p.decimals, d);
        const j = judgeSum({ value: a.value, decimals: Math.max(a.decimals, d) }, [{ value: expected, decimals: pd }], expected);
        const tolerance = roundTo(Math.abs(q.value) * 0.5 * 10 ** -pd + 0.5 * 10 ** -Math.max(a.decimals, d), 6);
        const verdict = j.verdict === 'ok' || Math.abs(j.difference) <= tolerance ? (j.verdict === 'ok' ? 'ok' : 'rounding') : 'discrepancy';
        const fmt = (v: number) => formatAmount(v, d);
        const key = `sum.${verdict}` as const;
        const refA = { t, r: row.index, c: amount.key };
        out.push({
          id: `unit-price/${table.id}/${row.key}`,
          rule: 'unit-price',
          verdict,
          severity: verdict === 'ok' ? 'none' : verdict === 'rounding' ? 'info' : j.severity,
          message: headed(ruleTitle('unit-price', lang), lang, message(key, lang, {
            stated: fmt(a.value),
            expected: fmt(expected),
            difference: fmt(Math.abs(j.difference)),
            tolerance: fmt(tolerance),
            unit: table.unit,
            terms: 3,
            relation: 'eq',
          })),
          messageKey: key,
          stated: a.value,
          expected,
          difference: j.difference,
          tolerance,
          unit: table.unit,
          formula: `${table.tableNo ?? table.title}: ${row.label || row.code || ''} ${amount.label} = ${qty.label} × ${price.label}`,
          where: [
            whereOf(work, refA, 'stated', a.value),
            whereOf(work, { t, r: row.index, c: qty.key }, 'operand', q.value),
            whereOf(work, { t, r: row.index, c: price.key }, 'operand', p.value),
          ],
        });
      }
    });
    return out;
  },
};
