/**
 * summary-balance: the structure of the two-sided 总表s (收入支出决算总表, 财政拨款收入支出
 * 决算总表, 收支预算总表 …), by row role rather than row number:
 *   本年收入合计 = Σ income sources (财政拨款收入 standing for its fund rows, which it sums);  总计 = 本年收入合计 + 使用非财政拨款结余 + 年初结转;
 *   年初结转 = Σ its fund rows;  本年支出合计 = Σ 类;  总计 = 本年支出合计 + 结余分配 + 年末结转;
 *   收入总计 = 支出总计;  per fund column: 支出总计 = fund income + its carry-over.
 * Rows whose value a printed note formula already defines are not repeated.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Column, Row } from '../model/schemas.ts';
import type { Identity, Term } from './identity.ts';
import { rowsDefinedByNotes } from './note-formula.ts';
import { columnMayHaveData, ref, sideColumns } from './select.ts';
import type { Check } from './types.ts';

const SOURCES = new Set(['inc-gpb', 'inc-gf', 'inc-soe', 'inc-special', 'inc-business', 'inc-operating', 'inc-superior', 'inc-affiliated', 'inc-other']);
const FUNDS = ['gpb', 'gf', 'soe'] as const;

export const summaryBalance: Check = {
  id: 'summary-balance',
  identities(work: WorkDocument, scope?: ReadonlySet<number>): Identity[] {
    const out: Identity[] = [];
    work.tables.forEach((wt, t) => {
      if (scope && !scope.has(t)) return;
      const table = wt.table;
      if (!table.twoSided) return;
      const byNotes = rowsDefinedByNotes(table);
      const inc = table.rows.filter((r) => r.side === 'income');
      const exp = table.rows.filter((r) => r.side === 'expense');
      const incCols = sideColumns(table, 'income');
      const expCols = sideColumns(table, 'expense');
      const incCol = incCols[0];
      const expTotalCol = expCols.find((c) => c.role === 'total') ?? expCols[0];
      if (!incCol || !expTotalCol) return;
      const one = (role: string, rows: Row[]) => rows.find((r) => r.role === role);
      const notDefined = (r: Row | undefined) => r && !(r.lineNo !== undefined && byNotes.has(r.lineNo));
      const push = (name: string, stated: Row, parts: Row[], cols: Column[], requireData = true) => {
        for (const col of cols) {
          if (requireData && cols.length > 1 && !columnMayHaveData(wt, col.key)) continue;
          const terms: Term[] = parts.map((p) => ({ ref: ref(t, p, col), sign: 1 }));
          out.push({ id: `summary-balance/${table.id}/${name}/${col.key}`, rule: 'summary-balance', relation: 'eq', stated: ref(t, stated, col), terms, solver: true, keepBlank: true });
        }
      };

      const incTotal = one('inc-total', inc);
      const incGrand = one('inc-grand', inc);
      const incCarry = one('inc-carry', inc);
      const nonFiscal = one('inc-nonfiscal', inc);
      let sources = inc.filter((r) => r.role && SOURCES.has(r.role));
      // `一、财政拨款收入` over `1、一般公共预算资金 2、政府性基金 …`: the parent sums its fund
      // rows and stands for them in 本年收入合计.
      const fiscal = one('inc-fiscal', inc);
      const fundRows = sources.filter((r) => FUNDS.some((f) => r.role === `inc-${f}`));
      if (fiscal) {
        if (fundRows.length) push('fiscal', fiscal, fundRows, incCols);
        sources = [fiscal, ...sources.filter((r) => !fundRows.includes(r))];
      }
      if (incTotal && sources.length && notDefined(incTotal)) push('income-total', incTotal, sources, incCols);
      const carryKids = inc.filter((r) => r.role?.startsWith('inc-carry-'));
      if (incCarry && carryKids.length && notDefined(incCarry)) push('carry-in', incCarry, carryKids, incCols);
      if (incGrand && incTotal && notDefined(incGrand)) push('income-grand', incGrand, [incTotal, ...(nonFiscal ? [nonFiscal] : []), ...(incCarry ? [incCarry] : [])], incCols);
      // No 本年收入合计 and nothing carried in (a district's 财务收支预算总表): 收入总计 = Σ sources.
      else if (incGrand && !incTotal && !incCarry && !nonFiscal && !carryKids.length && sources.length && notDefined(incGrand)) push('income-grand', incGrand, sources, incCols);

      const expTotal = one('exp-total', exp);
      const expGrand = one('exp-grand', exp);
      const classes = exp.filter((r) => r.role === 'class');
      if (expTotal && classes.length && notDefined(expTotal)) push('expense-total', expTotal, classes, expCols);
      const surplus = one('exp-surplus', exp);
      const carryOut = one('exp-carry', exp);
      if (expGrand && expTotal && notDefined(expGrand)) push('expense-grand', expGrand, [expTotal, ...(surplus ? [surplus] : []), ...(carryOut ? [carryOut] : [])], expCols);
      // No 本年支出合计 and nothing carried out: 支出总计 = Σ 类.
      else if (expGrand && !expTotal && !surplus && !carryOut && classes.length && notDefined(expGrand)) push('expense-grand', expGrand, classes, expCols);

      // 收入总计 = 支出总计 (the balance no note prints).
      if (incGrand && expGrand) {
        out.push({
          id: `summary-balance/${table.id}/balance`,
          rule: 'summary-balance',
          relation: 'eq',
          stated: ref(t, expGrand, expTotalCol),
          terms: [{ ref: ref(t, incGrand, incCol), sign: 1 }],
          solver: true,
          keepBlank: true,
        });
      }
      // Per fund: 支出总计 (fund column) = fund income + fund carry-over.
      if (expGrand) {
        for (const f of FUNDS) {
          const col = expCols.find((c) => c.role === f);
          const income = one(`inc-${f}`, inc);
          if (!col || !income) continue;
          const carry = one(`inc-carry-${f}`, inc);
          out.push({
            id: `summary-balance/${table.id}/fund-${f}`,
            rule: 'summary-balance',
            relation: 'eq',
            stated: ref(t, expGrand, col),
            terms: [{ ref: ref(t, income, incCol), sign: 1 }, ...(carry ? [{ ref: ref(t, carry, incCol), sign: 1 as const }] : [])],
            solver: true,
          });
        }
      }
    });
    return out;
  },
};
