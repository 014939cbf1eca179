/**
 * row-outline: in tables listed by 单位编码 or 项目编码 (收入总表, 分单位表, 项目支出表, 采购表),
 * each row equals the sum of the rows nested under it: 合计 = Σ 单位, 201 = Σ 201001…,
 * 本级支出项目 = Σ projects. Nesting comes from the kind of code (3-digit unit, 6-digit unit,
 * category, project) and the order of rows; rows printed without figures are headings only.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Row } from '../model/schemas.ts';
import type { Identity } from './identity.ts';
import { additiveColumns, columnMayHaveData, ref, rowMayHaveData, terms } from './select.ts';
import type { Check } from './types.ts';

function level(row: Row): number {
  if (row.role === 'total') return 0;
  const code = row.code ?? '';
  if (row.codeKind === 'unit' || (/^\d+$/.test(code) && code.length % 3 === 0 && code.length <= 9 && row.codeKind !== 'project')) return code.length / 3;
  if (row.codeKind === 'project' && /^\d{3,9}$/.test(code) && code.length % 3 === 0) return code.length / 3;
  if (code && code.length <= 2) return 10;
  if (code) return 20;
  return 30;
}

export const rowOutline: Check = {
  id: 'row-outline',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      if (table.twoSided) return;
      const coded = table.rows.filter((r) => r.code);
      if (coded.length === 0 || !coded.some((r) => r.codeKind === 'unit' || r.codeKind === 'project')) return;
      if (coded.some((r) => r.codeKind === 'function' && r.code && r.code.length >= 5)) return; // a 功能分类 table
      const rows = table.rows.filter((r) => rowMayHaveData(wt, r.index));
      const levels = rows.map(level);
      for (let i = 0; i < rows.length; i++) {
        const parent = rows[i] as Row;
        const lv = levels[i] ?? 0;
        if (lv >= 30) continue;
        const span: { row: Row; level: number }[] = [];
        for (let j = 0; j < rows.length; j++) {
          if (j === i) continue;
          if (lv === 0) {
            span.push({ row: rows[j] as Row, level: levels[j] ?? 0 });
            continue;
          }
          if (j < i) continue;
          if ((levels[j] ?? 0) <= lv) break;
          span.push({ row: rows[j] as Row, level: levels[j] ?? 0 });
        }
        if (span.length === 0) continue;
        const minLevel = Math.min(...span.map((s) => s.level));
        const kids = span.filter((s) => s.level === minLevel).map((s) => s.row);
        for (const col of additiveColumns(table)) {
          if (!columnMayHaveData(wt, col.key)) continue;
          out.push({
            id: `row-outline/${table.id}/${parent.key}/${col.key}`,
            rule: 'row-outline',
            relation: 'eq',
            stated: ref(t, parent, col),
            terms: terms(t, kids, col),
            solver: true,
            keepBlank: true,
          });
        }
      }
    });
    return out;
  },
};
