/**
 * share-column: a printed share (占比 19%) equals its row's amount over the group total, in the
 * form or table that prints it; judged as a percentage (the printed digits are an interval).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Column, Row } from '../model/schemas.ts';
import type { Lang } from '../messages.ts';
import { judgePercent } from '../rounding.ts';
import { percentResult, whereOf } from './identity.ts';
import { groupMembers, isGroupTable, isShareColumn } from './group-total.ts';
import { sideColumns } from './select.ts';
import type { Check } from './types.ts';

export const shareColumn: Check = {
  id: 'share-column',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    work.tables.forEach((wt, t) => {
      const table = wt.table;
      if (!isGroupTable(table)) return;
      const cols = sideColumns(table, undefined);
      cols.forEach((share, k) => {
        if (!isShareColumn(share)) return;
        const amount: Column | undefined = cols.slice(0, k).reverse().find((c) => c.additive && !isShareColumn(c));
        if (!amount) return;
        for (const { total, members } of groupMembers(table)) {
          const whole = total.cells[amount.key]?.value;
          if (!whole) continue;
          for (const row of members as Row[]) {
            const cell = row.cells[share.key];
            const part = row.cells[amount.key]?.value;
            if (!cell || cell.value === null || cell.status === 'undecided' || part === null || part === undefined) continue;
            const recomputed = (part / whole) * 100;
            const decimals = /\.(\d+)/.exec(cell.text)?.[1]?.length ?? 0;
            out.push(
              percentResult(lang, 'share-column', {
                id: `share-column/${table.id}/${row.key}/${share.key}`,
                printed: cell.value,
                decimals,
                recomputed,
                j: judgePercent(cell.value, decimals, recomputed),
                terms: 2,
                formula: `${row.label} ${share.label} = ${row.label} ${amount.label} ÷ ${total.label} ${amount.label} × 100%`,
                where: [
                  whereOf(work, { t, r: row.index, c: share.key }, 'stated', cell.value),
                  whereOf(work, { t, r: row.index, c: amount.key }, 'operand', part),
                  whereOf(work, { t, r: total.index, c: amount.key }, 'operand', whole),
                ],
              }),
            );
          }
        }
      });
    });
    return out;
  },
};
