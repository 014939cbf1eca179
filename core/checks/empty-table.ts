/**
 * empty-table: a table stated to be empty (此表为空表, 本单位无…支出) must hold no figure;
 * an empty 政府性基金 / 国有资本经营 / "三公" table must say why (in its note or the text).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Table, Where } from '../model/schemas.ts';
import { type Lang, message, ruleTitle, headed } from '../messages.ts';
import { compact } from '../text/normalize.ts';
import { formatAmount } from '../text/numbers.ts';
import type { Check } from './types.ts';

const NEEDS_STATEMENT = new Set(['final-07', 'final-08', 'final-09', 'budget-gf', 'budget-soe', 'budget-three']);
const TOPIC: Record<string, RegExp> = {
  'final-07': /政府性基金/,
  'final-08': /国有资本经营/,
  'final-09': /三公/,
  'budget-gf': /政府性基金/,
  'budget-soe': /国有资本经营/,
  'budget-three': /三公/,
};

function largestFigure(table: Table): number {
  let best = 0;
  for (const r of table.rows) for (const c of Object.values(r.cells)) if (c.value !== null && Math.abs(c.value) > Math.abs(best)) best = c.value;
  return best;
}

function tableWhere(table: Table, value: number | null, quote?: string): Where {
  return { role: 'stated', label: table.tableNo ?? table.title, value, table: table.id, tableTitle: table.title, tableNo: table.tableNo, quote, source: table.source };
}

export const emptyTable: Check = {
  id: 'empty-table',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const out: CheckResult[] = [];
    const title = ruleTitle('empty-table', lang);
    for (const { table } of work.tables) {
      const statement = table.emptyStatements[0];
      const base = {
        rule: 'empty-table',
        unit: table.unit,
        formula: `${table.tableNo ?? table.title}: ${lang === 'zh' ? '空表说明 ⇔ 表中无数字' : 'empty statement ⇔ no figures'}`,
      };
      if (statement && !table.isEmpty) {
        const total = largestFigure(table);
        out.push({
          ...base,
          id: `empty-table/${table.id}`,
          verdict: 'discrepancy',
          severity: 'error',
          message: headed(title, lang, message('empty.stated-but-filled', lang, { statement: statement.text, total: formatAmount(total) })),
          messageKey: 'empty.stated-but-filled',
          stated: 0,
          expected: total,
          difference: -total,
          tolerance: 0,
          where: [tableWhere(table, total, statement.text), { role: 'context', label: statement.text, value: null, quote: statement.text, source: statement.source }],
        });
      } else if (statement && table.isEmpty) {
        out.push({
          ...base,
          id: `empty-table/${table.id}`,
          verdict: 'ok',
          severity: 'none',
          message: headed(title, lang, message('empty.consistent', lang, { statement: statement.text })),
          messageKey: 'empty.consistent',
          stated: 0,
          expected: 0,
          difference: 0,
          tolerance: 0,
          where: [tableWhere(table, 0, statement.text)],
        });
      } else if (!statement && table.isEmpty && NEEDS_STATEMENT.has(table.template)) {
        const topic = TOPIC[table.template];
        const said = work.doc.paragraphs.find((p) => topic?.test(p.text) && /无|没有|未(?:发生|安排|使用)|为0|为零|均为0/.test(compact(p.text)));
        out.push({
          ...base,
          id: `empty-table/${table.id}`,
          verdict: said ? 'ok' : 'discrepancy',
          severity: said ? 'none' : 'warning',
          message: headed(title, lang, said ? message('empty.consistent', lang, { statement: said.text.slice(0, 60) }) : message('empty.unexplained', lang, undefined as never)),
          messageKey: said ? 'empty.consistent' : 'empty.unexplained',
          stated: 0,
          expected: 0,
          difference: 0,
          tolerance: 0,
          where: [tableWhere(table, 0, said?.text.slice(0, 120))],
        });
      }
    }
    return out;
  },
};
