/**
 * project-budget: one project, one budget. The 项目支出预算表 lists each project's budget;
 * the same project appears in the department's performance form (项目支出情况) and in its own
 * 项目支出绩效目标申报表 (项目当年预算). Names vary slightly between them (机关业务经费 /
 * 机关业务工作经费), so projects are paired by name similarity, each with its single best
 * match. A project form whose money also comes from a higher level (上级转移支付) is compared by
 * its local appropriation (区级安排数), which is what the project table lists. The projects
 * listed in a performance form add up to its 特定目标类项目支出; a project form's 项目当年预算
 * equals the total of its sources (当年预算合计).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Column, Row, Table } from '../model/schemas.ts';
import { labelKey } from '../text/normalize.ts';
import type { Identity, Ref } from './identity.ts';
import { isTotalRow } from './group-total.ts';
import type { Check } from './types.ts';

export interface Entry {
  name: string;
  ref: Ref;
}

function firstValueColumn(table: Table): Column | undefined {
  return table.columns.find((c) => c.additive);
}

/** Similarity of two project names (1 = same): common-subsequence length over the longer name. */
export function nameSimilarity(a: string, b: string): number {
  return keySimilarity(labelKey(a), labelKey(b));
}

function keySimilarity(x: string, y: string): number {
  if (!x || !y) return 0;
  if (x === y) return 1;
  const dp = new Uint16Array(y.length + 1);
  for (let i = 1; i <= x.length; i++) {
    const cx = x.charCodeAt(i - 1);
    let prev = 0;
    for (let j = 1; j <= y.length; j++) {
      const tmp = dp[j] as number;
      dp[j] = cx === y.charCodeAt(j - 1) ? prev + 1 : Math.max(tmp, dp[j - 1] as number);
      prev = tmp;
    }
  }
  return (dp[y.length] as number) / Math.max(x.length, y.length);
}

const MIN_SIMILARITY = 0.8;

/** The one entry whose name is most like `name` (at least MIN_SIMILARITY, and no tie). */
export function bestMatch(name: string, pool: Entry[]): Entry | undefined {
  const x = labelKey(name);
  let first: { e: Entry; s: number } | undefined;
  let tie = false;
  for (const e of pool) {
    const y = labelKey(e.name);
    // The common subsequence is at most the shorter name: too different in length to match.
    if (Math.min(x.length, y.length) < MIN_SIMILARITY * Math.max(x.length, y.length)) continue;
    const s = keySimilarity(x, y);
    if (s < MIN_SIMILARITY) continue;
    if (!first || s > first.s) [first, tie] = [{ e, s }, false];
    else if (s === first.s) tie = true;
  }
  return first && !tie ? first.e : undefined;
}

/** The project table's projects (leaf rows with a project code), by name, at their budget. */
export function projectPool(tables: Table[]): Entry[] {
  const pool: Entry[] = [];
  tables.forEach((table, t) => {
    if (table.template !== 'budget-projects') return;
    const col = firstValueColumn(table);
    if (!col) return;
    for (const row of table.rows) {
      if (row.codeKind === 'project' && row.code && row.code.length > 6 && row.label) pool.push({ name: row.label, ref: { t, r: row.index, c: col.key } });
    }
  });
  return pool;
}

export const projectBudget: Check = {
  id: 'project-budget',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    if (scope) return out; // nothing here places figures
    const tables = work.tables.map((w) => w.table);
    // 1. The project table's leaf rows.
    const pool = projectPool(tables);
    // 2. Project lists in forms (a column for this year's budget, rows named by project).
    tables.forEach((table, t) => {
      if (!table.form || table.template === 'budget-performance') return;
      const col = table.columns.find((c) => c.role === 'current');
      if (!col || !/项目/.test(table.title + table.columns.map((c) => c.path.join('')).join(''))) return;
      const listed: Row[] = table.rows.filter((r) => r.label && !isTotalRow(r) && r.cells[col.key]?.value !== null && r.cells[col.key]?.value !== undefined);
      for (const row of listed) {
        const m = bestMatch(row.label, pool);
        if (!m) continue;
        out.push({
          id: `project-budget/${table.id}/${row.key}`,
          rule: 'project-budget',
          relation: 'eq',
          stated: { t, r: row.index, c: col.key },
          terms: [{ ref: m.ref, sign: 1 }],
          solver: false,
        });
      }
      // The list adds up to the form's 特定目标类项目支出.
      const perf = tables.findIndex((x) => x.form === table.form && x.template === 'budget-performance');
      const perfTable = tables[perf];
      const perfCol = perfTable?.columns.find((c) => c.role === 'current');
      const perfRow = perfTable?.rows.find((r) => r.role === 'perf-project');
      if (perfTable && perfCol && perfRow && listed.length) {
        out.push({
          id: `project-budget/${table.id}/list-total`,
          rule: 'project-budget',
          relation: 'eq',
          stated: { t: perf, r: perfRow.index, c: perfCol.key },
          terms: listed.map((r) => ({ ref: { t, r: r.index, c: col.key }, sign: 1 as const })),
          solver: false,
        });
      }
    });
    // 3. A project form's 项目当年预算 = the 当年预算合计 of its sources block.
    tables.forEach((table, t) => {
      if (!table.form || !table.fields) return;
      const col = table.columns[0];
      const budget = table.rows.find((r) => /^项目当年预算$/.test(labelKey(r.label)));
      if (!col || !budget || budget.cells[col.key]?.value == null) return;
      tables.forEach((block, b) => {
        if (block.form !== table.form || block === table) return;
        const v = block.columns.find((c) => c.additive);
        const total = block.rows.find((r) => /^当年预算合计$/.test(labelKey(r.label)));
        if (!v || !total || total.cells[v.key]?.value == null) return;
        out.push({
          id: `project-budget/${table.id}/sources`,
          rule: 'project-budget',
          relation: 'eq',
          stated: { t, r: budget.index, c: col.key },
          terms: [{ ref: { t: b, r: total.index, c: v.key }, sign: 1 }],
          solver: false,
          note: { zh: '项目当年预算 = 资金来源当年预算合计', en: "the project's budget = the total of its sources" },
        });
      });
    });
    // 4. Project forms: 项目名称 + 项目当年预算 (or 区级安排数 when money also comes from above).
    tables.forEach((table, t) => {
      if (!table.form || !table.fields) return;
      const name = table.fields.find((f) => labelKey(f.key) === '项目名称')?.value;
      if (!name) return;
      const col = table.columns[0];
      const budget = table.rows.find((r) => /^项目当年预算$/.test(labelKey(r.label)));
      if (!col || !budget) return;
      const m = bestMatch(name, pool);
      if (!m) return;
      let stated: Ref = { t, r: budget.index, c: col.key };
      // The sources block of the same form: local appropriation vs transfer from above.
      tables.forEach((block, b) => {
        if (block.form !== table.form || block === table) return;
        const v = block.columns.find((c) => c.additive);
        if (!v) return;
        const local = block.rows.find((r) => /区级安排|本级安排|本级财政/.test(r.label));
        const transfer = block.rows.find((r) => /上级转移支付/.test(r.label));
        if (local && transfer && (transfer.cells[v.key]?.value ?? 0) !== 0) stated = { t: b, r: local.index, c: v.key };
      });
      out.push({
        id: `project-budget/${table.id}/budget`,
        rule: 'project-budget',
        relation: 'eq',
        stated,
        terms: [{ ref: m.ref, sign: 1 }],
        solver: false,
      });
    });
    return out;
  },
};
