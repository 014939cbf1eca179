/**
 * Small budget tables as tab-separated text, for the checks' unit tests: a title, its unit, a
 * header, a 合计 row summed from the rows at the top level, then the rows (code, name, amount; the
 * amount printed in the first two value columns).
 */
type Rows = [code: string, name: string, amount: string][];

function budgetTable(title: string, header: string[], top: number, rows: Rows): string {
  const total = rows
    .filter(([c]) => c.length === top)
    .reduce((s, [, , v]) => s + Number(v), 0)
    .toFixed(2);
  return [
    '某局2024年部门预算',
    '',
    title,
    '单位：万元',
    ['科目编码', '科目名称', ...header].join('\t'),
    `\t合计\t${total}\t${total}\t`,
    ...rows.map(([c, n, v]) => `${c}\t${n}\t${v}\t${v}\t`),
  ].join('\n');
}

/** A 一般公共预算基本支出表 by economic classification; the 合计 sums the `top`-digit rows. */
export function basicTable(rows: Rows, top = 3): string {
  return budgetTable('2024年一般公共预算基本支出表', ['合计', '人员经费', '公用经费'], top, rows);
}

/** A 一般公共预算支出表 by function classification (or another title), the 合计 summing the 类. */
export function gpbTable(rows: Rows, title = '2024年一般公共预算支出表'): string {
  return budgetTable(title, ['合计', '基本支出', '项目支出'], 3, rows);
}
