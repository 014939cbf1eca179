/**
 * procurement-services: the purchase-of-services table (政府购买服务预算表) marks the purchases
 * that go through government procurement (是否包含政府采购 = 是); they are the procurement
 * table's services — the rows whose 采购品目 code is a service (C…; A are goods, B works).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Column, Row, Table } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { judgeSum } from '../rounding.ts';
import { exactSum, formatAmount } from '../text/numbers.ts';
import { whereOf } from './identity.ts';
import { rowAttr as attr } from './select.ts';
import type { Check } from './types.ts';

function amountColumn(table: Table): Column | undefined {
  return table.columns.find((c) => c.role === 'amount');
}

export const procurementServices: Check = {
  id: 'procurement-services',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const proc = work.tables.findIndex((w) => w.table.rows.some((r) => attr(r, /采购品目/)));
    const serv = work.tables.findIndex((w) => w.table.rows.some((r) => attr(r, /是否包含政府采购/)));
    const p = work.tables[proc]?.table;
    const s = work.tables[serv]?.table;
    if (!p || !s || proc === serv) return [];
    const pc = amountColumn(p);
    const sc = amountColumn(s);
    if (!pc || !sc) return [];
    const services = p.rows.filter((r) => /^[[【(]?C/i.test(attr(r, /采购品目/) ?? '') && r.cells[pc.key]?.value !== null);
    const included = s.rows.filter((r) => /^是$/.test(attr(r, /是否包含政府采购/) ?? '') && r.cells[sc.key]?.value !== null);
    if (services.length === 0 && included.length === 0) return [];
    const stated = exactSum(included.map((r) => r.cells[sc.key]?.value ?? 0));
    const expected = exactSum(services.map((r) => r.cells[pc.key]?.value ?? 0));
    const d = Math.max(p.decimals, s.decimals);
    const fig = (v: number) => ({ value: v, decimals: d });
    const j = judgeSum(fig(stated), [...included, ...services].map((r) => fig(r.cells[sc.key]?.value ?? 0)), expected);
    const key = `sum.${j.verdict}` as const;
    const fmt = (v: number) => formatAmount(v, d);
    return [
      {
        id: 'procurement-services/total',
        rule: 'procurement-services',
        verdict: j.verdict,
        severity: j.severity,
        message: headed(ruleTitle('procurement-services', lang), lang, message(key, lang, {
          stated: fmt(stated),
          expected: fmt(expected),
          difference: fmt(Math.abs(j.difference)),
          tolerance: fmt(j.tolerance),
          unit: s.unit,
          terms: included.length + services.length,
          relation: 'eq',
        })),
        messageKey: key,
        stated,
        expected,
        difference: j.difference,
        tolerance: j.tolerance,
        unit: s.unit,
        formula: `Σ ${s.tableNo ?? s.title} (是否包含政府采购 = 是) = Σ ${p.tableNo ?? p.title} (采购品目 C…)`,
        where: [
          ...included.map((r) => whereOf(work, { t: serv, r: r.index, c: sc.key }, 'stated', r.cells[sc.key]?.value ?? null)),
          ...services.map((r) => whereOf(work, { t: proc, r: r.index, c: pc.key }, 'operand', r.cells[pc.key]?.value ?? null, 1)),
        ],
      },
    ];
  },
};
