/**
 * table-coverage: says what could not be checked and why, so that a document whose tables
 * were not found never reads as "all passed": no table at all (images, scans, unknown
 * layouts), or a standard table missing, which leaves the ties that need it unchecked.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult } from '../model/schemas.ts';
import { type Lang, message, ruleTitle, type RuleId, headed } from '../messages.ts';
import { templates } from '../knowledge.ts';
import { applicableTies, firstTable } from './cross-table.ts';
import type { Check } from './types.ts';

const REQUIRED = {
  final: ['final-01', 'final-02', 'final-03', 'final-04', 'final-05', 'final-06', 'final-07', 'final-08', 'final-09'],
  budget: ['budget-summary', 'budget-income', 'budget-expense', 'budget-fiscal', 'budget-gpb', 'budget-basic', 'budget-three', 'budget-gf', 'budget-soe'],
} as const;

const TABLE_RULES: RuleId[] = ['note-formula', 'column-total', 'summary-balance', 'function-hierarchy', 'economic-hierarchy', 'row-outline', 'cross-table', 'empty-table'];

function undecided(id: string, rule: RuleId, lang: Lang, reason: string): CheckResult {
  return {
    id,
    rule,
    verdict: 'undecided',
    severity: 'warning',
    message: headed(ruleTitle(rule, lang), lang, message('check.undecided', lang, { reason })),
    messageKey: 'check.undecided',
    stated: null,
    expected: null,
    difference: null,
    tolerance: null,
    formula: '',
    where: [],
    reason,
  };
}

export const tableCoverage: Check = {
  id: 'table-coverage',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    const recognised = work.tables.filter((t) => t.table.template !== 'other');
    const withRows = work.tables.filter((t) => t.table.rows.length > 0);
    if (recognised.length === 0 && (withRows.length === 0 || work.doc.kind === 'unknown')) {
      const reason = message('coverage.no-tables', lang, undefined as never);
      for (const rule of TABLE_RULES) out.push(undecided(`table-coverage/no-tables/${rule}`, rule, lang, reason));
      return out;
    }
    const kind = work.doc.kind;
    if (kind === 'unknown') return out;
    const present = REQUIRED[kind].filter((id) => firstTable(work, id) >= 0);
    if (present.length === 0) return out;
    for (const id of REQUIRED[kind]) {
      if (firstTable(work, id) >= 0) continue;
      const spec = templates.find((t) => t.id === id);
      const name = spec ? `${spec.tableNo ? `${spec.tableNo} ` : ''}${spec.name}` : id;
      const needing = applicableTies(work).filter((t) => t.stated.template === id || t.terms.some((x) => x.template === id));
      const reason = message('coverage.missing-table', lang, { name, ties: needing.length });
      out.push({ ...undecided(`table-coverage/missing/${id}`, 'table-coverage', lang, reason), severity: 'info', formula: needing.map((t) => t[lang]).join('; ') });
    }
    return out;
  },
};
