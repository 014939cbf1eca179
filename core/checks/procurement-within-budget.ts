/**
 * procurement-within-budget: what a department plans to buy through government procurement
 * (政府采购预算表) is paid from a budget line, so it cannot exceed that line:
 * - a purchase under a listed project (its 项目 is a row of the 项目支出预算表): the project's
 *   purchases together ≤ the project's budget;
 * - a purchase under basic expenditure (项目 such as 在职人员公用 / 日常公用 / 运转类, charged to
 *   an economic item like [30209]物业管理费) and paid from the general budget: the purchases
 *   charged to that item together ≤ the item's line in the basic-expenditure table (07表).
 * A purchase whose project is neither a listed project nor recognisably basic expenditure, or
 * whose item has no line in the basic-expenditure table, could not be checked (said so).
 * Purchases paid from other funds (政府性基金, 财政专户, 单位资金, 上年结转 …) are not held against the
 * general-budget table.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Column, Row, Table } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { labelKey } from '../text/normalize.ts';
import { type Identity, type Ref, rowOf, whereOf } from './identity.ts';
import { isTotalRow } from './group-total.ts';
import { bestMatch, projectPool } from './project-budget.ts';
import { rowAttr } from './select.ts';
import type { Check } from './types.ts';

const NOTE = { zh: '政府采购不超过其预算', en: 'procurement within its budget' };
/** Basic expenditure named as a "project" in the 预算管理一体化 forms. */
const BASIC_PROJECT = /公用|基本支出|运转|日常运行|机关运行|人员类/;
/** Funds outside the general public budget. */
const OTHER_FUNDS = /政府性基金|国有资本|专户|单位资金|事业收入|经营收入|其他收入|结转|结余/;

interface Purchase {
  row: Row;
  project: string;
  economic: string | undefined;
  generalBudget: boolean;
}

function purchases(table: Table, amount: Column): Purchase[] {
  const out: Purchase[] = [];
  for (const row of table.rows) {
    if (isTotalRow(row) || !rowAttr(row, /采购品目/)) continue;
    if ((row.cells[amount.key]?.value ?? null) === null) continue;
    const econ = /(?:^|\D)(3\d{2}(?:\d{2})?)(?!\d)/.exec(rowAttr(row, /经济分类/) ?? '');
    const funds = [rowAttr(row, /资金来源/), rowAttr(row, /资金性质/)].join(' ');
    out.push({ row, project: rowAttr(row, /^项目(名称)?$/) ?? '', economic: econ?.[1], generalBudget: !OTHER_FUNDS.test(funds) });
  }
  return out;
}

function basicLine(table: Table, code: string): Row | undefined {
  return table.rows.find((r) => r.code === code);
}

export const procurementWithinBudget: Check = {
  id: 'procurement-within-budget',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    if (scope) return []; // nothing here places figures
    return plan(work).identities;
  },
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    return plan(work).unchecked.map(({ id, ref, reason }) => {
      const why = message(`reason.procurement-${reason}`, lang, undefined);
      const where = whereOf(work, ref, 'stated', rowOf(work, ref).cells[ref.c]?.value ?? null);
      return {
        id,
        rule: 'procurement-within-budget',
        verdict: 'undecided',
        severity: 'info',
        message: headed(ruleTitle('procurement-within-budget', lang), lang, message('check.undecided', lang, { reason: why })),
        messageKey: 'check.undecided',
        stated: where.value,
        expected: null,
        difference: null,
        tolerance: null,
        unit: where.unit,
        formula: `${where.label} ≤ ?`,
        where: [where],
        reason: why,
      } satisfies CheckResult;
    });
  },
};

interface Plan {
  identities: Identity[];
  unchecked: { id: string; ref: Ref; reason: 'project' | 'item' }[];
}

const plans = new WeakMap<WorkDocument, Plan>();

function plan(work: WorkDocument): Plan {
  const cached = plans.get(work);
  if (cached) return cached;
  const out: Plan = { identities: [], unchecked: [] };
  plans.set(work, out);
  const tables = work.tables.map((w) => w.table);
  const p = tables.findIndex((t) => t.rows.some((r) => rowAttr(r, /采购品目/)));
  const proc = tables[p];
  const amount = proc?.columns.find((c) => c.role === 'amount');
  if (!proc || !amount) return out;
  const pool = projectPool(tables);
  const b = tables.findIndex((t) => t.template === 'budget-basic');
  const basic = tables[b];
  const basicCol = basic?.columns.find((c) => c.role === 'total') ?? basic?.columns.find((c) => c.additive);
  const byProject = new Map<string, { budget: Ref; rows: Row[] }>();
  const byItem = new Map<string, { budget: Ref; rows: Row[] }>();
  for (const buy of purchases(proc, amount)) {
    const ref = { t: p, r: buy.row.index, c: amount.key };
    const project = buy.project ? bestMatch(buy.project, pool) : undefined;
    if (project) {
      const key = `${tables[project.ref.t]?.id}/${tables[project.ref.t]?.rows[project.ref.r]?.key}`;
      const group = byProject.get(key) ?? { budget: project.ref, rows: [] };
      group.rows.push(buy.row);
      byProject.set(key, group);
      continue;
    }
    if (!BASIC_PROJECT.test(labelKey(buy.project))) {
      out.unchecked.push({ id: `procurement-within-budget/${proc.id}/${buy.row.key}`, ref, reason: 'project' });
      continue;
    }
    if (!buy.generalBudget) continue;
    const line = basic && basicCol && buy.economic ? basicLine(basic, buy.economic) : undefined;
    if (!line || !basicCol) {
      out.unchecked.push({ id: `procurement-within-budget/${proc.id}/${buy.row.key}`, ref, reason: 'item' });
      continue;
    }
    const group = byItem.get(line.key) ?? { budget: { t: b, r: line.index, c: basicCol.key }, rows: [] };
    group.rows.push(buy.row);
    byItem.set(line.key, group);
  }
  for (const [kind, groups] of [['project', byProject], ['basic', byItem]] as const) {
    for (const [key, g] of groups) {
      out.identities.push({
        id: `procurement-within-budget/${kind}/${key}`,
        rule: 'procurement-within-budget',
        relation: 'ge',
        stated: g.budget,
        terms: g.rows.map((r) => ({ ref: { t: p, r: r.index, c: amount.key }, sign: 1 as const })),
        solver: false,
        note: NOTE,
      });
    }
  }
  return out;
}
