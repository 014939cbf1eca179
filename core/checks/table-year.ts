/**
 * table-year: the standard tables of a disclosure carry its year in their titles (`2023年度收入
 * 支出决算总表`, `2024年一般公共预算基本支出表`). A standard table titled with another year, while
 * most titled tables carry the document's, was most likely left from the year before. Titles
 * with two years (a range, a comparison) and tables outside the templates are left alone.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Table, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { toHalfWidth } from '../text/normalize.ts';
import type { Check } from './types.ts';

/** The one year a title carries, if it carries exactly one. */
function titleYear(title: string): number | undefined {
  const years = toHalfWidth(title).match(/(?<!\d)(?:19|20)\d{2}(?=\s*年)/g) ?? [];
  return years.length === 1 ? Number(years[0]) : undefined;
}

function titleWhere(table: Table, role: Where['role']): Where {
  return { role, label: table.title, value: null, table: table.id, tableTitle: table.title, tableNo: table.tableNo, source: table.source };
}

export const tableYear: Check = {
  id: 'table-year',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const year = work.doc.year;
    if (year === undefined) return [];
    const titled = work.tables
      .map((w) => w.table)
      .filter((t) => t.template !== 'other' && t.template !== 'budget-performance' && !t.form)
      .flatMap((t) => {
        const y = titleYear(t.title);
        return y === undefined ? [] : [{ t, y }];
      });
    const same = titled.filter((x) => x.y === year);
    // the document's year is the tables' own: most titled tables print it
    if (same.length < 2 || same.length * 2 <= titled.length) return [];
    const other = (same[0] as { t: Table }).t;
    return titled
      .filter((x) => x.y !== year)
      .map(({ t, y }) => ({
        id: `table-year/${t.id}`,
        rule: 'table-year',
        verdict: 'discrepancy',
        severity: 'warning',
        message: headed(ruleTitle('table-year', lang), lang, message('table.year', lang, { table: t.tableNo ?? t.title, year: String(y), docYear: String(year), n: same.length })),
        messageKey: 'table.year',
        stated: y,
        expected: year,
        difference: y - year,
        tolerance: 0,
        formula: `${y} ≠ ${year}`,
        where: [titleWhere(t, 'stated'), titleWhere(other, 'context')],
      }));
  },
};
