/**
 * table-department: the standard tables of one disclosure name one department above them
 * (`部门：…`, `单位名称：…`). A table naming another one was most likely copied from another
 * document and not re-headed (or holds another unit's figures). Names are the same when one is
 * the other without its city prefix (`某区人力资源局` / `某市某区人力资源局`) or without `(汇总)`.
 * A name the text itself mentions (a subordinate unit), or a table whose template the main name
 * also has (a unit's own set of tables after the department's), is left alone.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Table, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { compact } from '../text/normalize.ts';
import type { Check } from './types.ts';

function nameKey(name: string): string {
  return compact(name).replace(/[(（][^)）]*[)）]$/, '');
}

function sameDepartment(a: string, b: string): boolean {
  if (a === b) return true;
  const [short, long] = a.length < b.length ? [a, b] : [b, a];
  return short.length >= 4 && long.endsWith(short);
}

function departmentWhere(table: Table, role: Where['role']): Where {
  const d = table.department;
  return { role, label: `${table.tableNo ?? table.title} ${d?.name ?? ''}`.trim(), value: null, table: table.id, tableTitle: table.title, tableNo: table.tableNo, source: d?.source ?? table.source };
}

export const tableDepartment: Check = {
  id: 'table-department',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const named = work.tables.map((w) => w.table).filter((t) => t.department && t.template !== 'other' && t.template !== 'budget-performance' && !t.form);
    // The name most tables print (names the same up to a city prefix counted together).
    const groups: { key: string; tables: Table[] }[] = [];
    for (const t of named) {
      const key = nameKey(t.department?.name ?? '');
      const g = groups.find((x) => sameDepartment(x.key, key));
      if (g) g.tables.push(t);
      else groups.push({ key, tables: [t] });
    }
    const main = groups.reduce<(typeof groups)[number] | undefined>((best, g) => (!best || g.tables.length > best.tables.length ? g : best), undefined);
    if (!main || main.tables.length < 2 || groups.length < 2 || groups.some((g) => g !== main && g.tables.length === main.tables.length)) return [];
    const mainTemplates = new Set(main.tables.map((t) => t.template));
    const text = compact(work.doc.paragraphs.map((p) => p.text).join(''));
    const out: CheckResult[] = [];
    for (const g of groups) {
      if (g === main || text.includes(g.key)) continue;
      for (const t of g.tables) {
        if (mainTemplates.has(t.template)) continue;
        const name = t.department?.name ?? '';
        const other = main.tables[0] as Table;
        const mainName = other.department?.name ?? '';
        out.push({
          id: `table-department/${t.id}`,
          rule: 'table-department',
          verdict: 'discrepancy',
          severity: 'warning',
          message: headed(ruleTitle('table-department', lang), lang, message('table.department', lang, { table: t.tableNo ?? t.title, name, main: mainName, n: main.tables.length })),
          messageKey: 'table.department',
          stated: null,
          expected: null,
          difference: null,
          tolerance: null,
          formula: `${name} ≠ ${mainName}`,
          where: [departmentWhere(t, 'stated'), departmentWhere(other, 'context')],
        });
      }
    }
    return out;
  },
};
