/**
 * function-hierarchy: in every table listed by 功能分类科目 (3/5/7-digit codes), column by
 * column: 类 = Σ款, 款 = Σ项, and the table's 合计 = Σ top-level rows. A code's parent is
 * its prefix two digits shorter; codes whose parent is not listed are top-level.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Row } from '../model/schemas.ts';
import type { Identity } from './identity.ts';
import { additiveColumns, columnMayHaveData, ref, terms, totalRow } from './select.ts';
import type { Check } from './types.ts';

type CodeTree = { byCode: Map<string, Row>; children: Map<string, Row[]>; top: Row[] };
const treeCache = new WeakMap<Row[], Map<string, CodeTree>>();

/** The code hierarchy of a table's rows (codes do not change once read: cached per row list). */
export function codeTree(rows: Row[], kind: Row['codeKind']): CodeTree {
  let byKind = treeCache.get(rows);
  if (!byKind) treeCache.set(rows, (byKind = new Map()));
  const hit = byKind.get(kind ?? '');
  if (hit) return hit;
  const tree = buildTree(rows, kind);
  byKind.set(kind ?? '', tree);
  return tree;
}

function buildTree(rows: Row[], kind: Row['codeKind']): CodeTree {
  const byCode = new Map<string, Row>();
  const dup = new Set<string>();
  for (const r of rows) {
    if (!r.code || r.codeKind !== kind) continue;
    if (byCode.has(r.code)) dup.add(r.code);
    byCode.set(r.code, r);
  }
  for (const d of dup) byCode.delete(d);
  const children = new Map<string, Row[]>();
  const top: Row[] = [];
  for (const [code, row] of byCode) {
    const parent = code.length > 3 ? code.slice(0, code.length - 2) : undefined;
    if (parent && byCode.has(parent)) children.set(parent, [...(children.get(parent) ?? []), row]);
    else top.push(row);
  }
  return { byCode, children, top };
}

export const functionHierarchy: Check = {
  id: 'function-hierarchy',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      if (table.twoSided) return;
      const { byCode, children, top } = codeTree(table.rows, 'function');
      if (byCode.size === 0) return;
      const total = totalRow(table);
      for (const col of additiveColumns(table)) {
        if (!columnMayHaveData(wt, col.key)) continue;
        for (const [code, kids] of children) {
          const parent = byCode.get(code) as Row;
          out.push({
            id: `function-hierarchy/${table.id}/${code}/${col.key}`,
            rule: 'function-hierarchy',
            relation: 'eq',
            stated: ref(t, parent, col),
            terms: terms(t, kids, col),
            solver: true,
            keepBlank: true,
          });
        }
        if (total && top.length) {
          out.push({
            id: `function-hierarchy/${table.id}/total/${col.key}`,
            rule: 'function-hierarchy',
            relation: 'eq',
            stated: ref(t, total, col),
            terms: terms(t, top, col),
            solver: true,
            keepBlank: true,
          });
        }
      }
    });
    return out;
  },
};
