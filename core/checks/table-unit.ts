/**
 * table-unit: the unit a table is read in, where its figures say another than its label
 * (normalize/units.ts decides, before any other check reads the table). A table labelled
 * `单位：元` whose figures are the other tables' 万元 figures was labelled wrongly: one finding
 * says so, with a figure it shares, and every other check reads the table in the unit its
 * figures show, instead of failing each tie with it by a factor of 10,000. A table with no unit
 * printed, read in the unit its figures show, is reported as read that way (no error: nothing
 * printed is wrong).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Table, Unit, Where } from '../model/schemas.ts';
import type { Figure } from '../normalize/units.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { formatAmount } from '../text/numbers.ts';
import { shortTableName } from './identity.ts';
import type { Check } from './types.ts';

function figureWhere(table: Table, f: Figure, unit: Unit, role: Where['role']): Where {
  return {
    role,
    label: `${shortTableName(table)} ${formatAmount(f.value, 2)}`,
    value: f.value,
    table: table.id,
    tableTitle: table.title,
    tableNo: table.tableNo,
    unit,
    source: f.source ?? table.source,
  };
}

export const tableUnit: Check = {
  id: 'table-unit',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    for (const [t, e] of work.units) {
      const table = work.tables[t]?.table;
      const other = work.tables[e.example.there.t]?.table;
      if (!table || !other) continue;
      const assumed = table.unitAssumed;
      const key = assumed ? 'table.unit-assumed' : 'table.unit';
      const params = {
        table: table.tableNo ?? table.title,
        printed: e.printed,
        unit: table.unit,
        n: e.asRead,
        m: e.asPrinted,
        value: formatAmount(e.example.here.value, 2),
        other: other.tableNo ?? other.title,
        otherValue: formatAmount(e.example.there.value, 2),
        otherUnit: other.unit,
      };
      out.push({
        id: `table-unit/${table.id}`,
        rule: 'table-unit',
        verdict: assumed ? 'ok' : 'discrepancy',
        severity: assumed ? 'none' : 'error',
        message: headed(ruleTitle('table-unit', lang), lang, message(key, lang, params)),
        messageKey: key,
        stated: null,
        expected: null,
        difference: null,
        tolerance: null,
        formula: `${shortTableName(table)}: ${e.printed} → ${table.unit} (${e.asRead} : ${e.asPrinted})`,
        where: [figureWhere(table, e.example.here, table.unit, 'stated'), figureWhere(other, e.example.there, other.unit, 'context')],
        cause: assumed ? undefined : { kind: 'unit', message: message('cause.unit', lang, undefined as never) },
      });
    }
    return out;
  },
};
