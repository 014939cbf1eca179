/**
 * Classification codes for rows printed by name only.
 *
 * Some tables print the 科目名称 without the 科目编码 (a page that left the code column out, a
 * PDF whose codes were lost), while another table of the same document lists the same 科目 with
 * their codes, in the same order (the 支出决算表 and the 一般公共预算财政拨款支出决算表; the 支出总表
 * and the 一般公共预算支出表). Rows are matched by name, in order (a longest common subsequence,
 * so `其他社会保障和就业支出` as 款 and as 项 each find their own), never by position alone; the
 * codes found must form a hierarchy in the table (every 款 and 项 after its 类), or none is taken.
 * Without codes, the table's rows could be neither summed by 类/款/项 nor tied to the other
 * tables (a tie would have found no row, and taken it for zero).
 */
import type { Row } from '../model/schemas.ts';
import { labelKey } from '../text/normalize.ts';
import { classCodeOfName } from '../knowledge.ts';
import type { WorkTable } from './table.ts';
import { commonSubsequence } from '../text/sequence.ts';

/** Rows matched at least, and the share of the table's unnamed rows they must be. */
const MIN_MATCHED = 3;
const MIN_SHARE = 0.6;

const isClassified = (r: Row) => !!r.code && (r.codeKind === 'function' || r.codeKind === 'economic');

/** Rows with a name and figures' place, but no code and no other role: what a code would name. */
function uncodedRows(t: WorkTable): Row[] {
  return t.table.rows.filter((r) => !r.code && !r.role && labelKey(r.label) !== '');
}

/** Every code after its parent (类 → 款 → 项, 类 → 款 for economic codes) among the table's codes. */
function isHierarchy(codes: string[], kind: Row['codeKind']): boolean {
  const seen = new Set<string>();
  for (const c of codes) {
    const parent = kind === 'economic' ? (c.length > 3 ? c.slice(0, 3) : undefined) : c.length > 3 ? c.slice(0, c.length - 2) : undefined;
    if (parent && !seen.has(parent)) return false;
    seen.add(c);
  }
  return true;
}

/**
 * No table to take the codes from, and none printed in the table: the 类 at least are known by
 * name (`社会保障和就业支出` = 208), so the table's total can still be summed by 类 and each 类 tied
 * to the other tables.
 */
function classCodesByName(t: WorkTable, rows: Row[]): void {
  // Only in a table printed by name only: where some codes are printed, a 类 without its code is
  // a garbled line (text out of order), not a name to trust.
  if (t.table.rows.some((r) => r.code && r.codeKind === 'function')) return;
  const named = rows.flatMap((r) => {
    const code = classCodeOfName(r.label);
    return code ? [{ r, code }] : [];
  });
  if (named.length === 0 || new Set(named.map((x) => x.code)).size !== named.length) return;
  for (const { r, code } of named) {
    r.code = code;
    r.codeKind = 'function';
    r.role = 'code';
  }
}

/** Give rows printed by name only the codes another table of the document prints for them. */
export function inferCodes(tables: WorkTable[]): void {
  const donors = tables.filter((t) => !t.table.twoSided && t.table.rows.filter(isClassified).length >= MIN_MATCHED);
  for (const t of tables) {
    if (t.table.twoSided || t.table.template === 'other') continue;
    const rows = uncodedRows(t);
    if (rows.length < MIN_MATCHED) continue;
    const keys = rows.map((r) => labelKey(r.label));
    let best: { pairs: [number, number][]; donor: Row[] } | undefined;
    for (const d of donors) {
      if (d === t) continue;
      const donor = d.table.rows.filter(isClassified);
      const pairs = commonSubsequence(
        keys,
        donor.map((r) => labelKey(r.label)),
      );
      if (!best || pairs.length > best.pairs.length) best = { pairs, donor };
    }
    if (!best || best.pairs.length < MIN_MATCHED || best.pairs.length < rows.length * MIN_SHARE) {
      classCodesByName(t, rows);
      continue;
    }
    const { pairs, donor } = best;
    const kind = donor[pairs[0]![1]]!.codeKind;
    if (pairs.some(([, j]) => donor[j]!.codeKind !== kind)) continue;
    const codeOf = new Map(pairs.map(([i, j]) => [rows[i]!, donor[j]!.code!]));
    // The codes in the table's own order, those it printed among them.
    const order = t.table.rows.flatMap((r) => (r.code && r.codeKind === kind ? [r.code] : codeOf.has(r) ? [codeOf.get(r)!] : []));
    if (!isHierarchy(order, kind)) continue;
    for (const [row, code] of codeOf) {
      row.code = code;
      row.codeKind = kind;
      row.role = 'code';
    }
  }
}
