/**
 * narrative-unit: an amount written in 元 that can only be 万元. Two signs, each enough:
 * the figure read as 万元 is a figure of the tables (`就业补助项目资金 6759.96 元` ↔ 2080704
 * 6,759.97 万元), or it sits among amounts in 万元 in the same sentence or list and as 元 it
 * would be a thousandth of theirs (`…增加了 175.40 元。…增加了 111.56 万元…`). Prices and
 * rates (`每人…元`, `元/人`, `标准`) are in 元 by nature and left alone. When the table figure
 * it matches differs within rounding, the comparison itself is reported too (as rounding).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import { refName, type Ref } from './identity.ts';
import type { Claim } from '../narrative/claims.ts';
import { narrativeOf, type NarrativeModel } from '../narrative/index.ts';
import { paragraphClaims } from '../narrative/near.ts';
import { cellWhere, claimName, comparisonResult, convert, fmt, judgeAmounts, quotes } from '../narrative/results.ts';
import { locate } from '../narrative/resolve.ts';
import { roundTo } from '../text/numbers.ts';

const PRICE_CONTEXT = /每|标准|单价|人均|户均|月均|\/|补助标准|不超过/;

/** Table cells in 万元 within rounding of `v`: the first in each table. */
export function cellsNear(work: WorkDocument, v: number): Ref[] {
  const out: Ref[] = [];
  work.tables.forEach((wt, t) => {
    if (wt.table.unit !== '万元') return;
    for (const row of wt.table.rows) {
      for (const [c, cell] of Object.entries(row.cells)) {
        if (cell.value !== null && cell.status !== 'undecided' && Math.abs(cell.value - v) <= 0.02 + 1e-9) {
          out.push({ t, r: row.index, c });
          return;
        }
      }
    }
  });
  return out;
}

function siblingsOf(model: NarrativeModel, c: Claim): Claim[] {
  const inList = model.lists.find((l) => l.items.includes(c) || l.head === c);
  const pool = inList ? [inList.head, ...inList.items] : paragraphClaims(model, c.para).filter((x) => x.sentence === c.sentence);
  return pool.filter((x) => x !== c && x.money && x.unit === '万元' && x.value !== 0);
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)] ?? 0;
}

const TOTAL_IDS = ['grand-total', 'income-total', 'expense-total'];

/** The department's whole budget in 万元: the tables' 收支总计, else the largest total the text states. */
function wholeInWan(work: WorkDocument, model: NarrativeModel): number | undefined {
  const l = locate(work, 'grand-total', 'all');
  if (l) return convert(l.value, l.unit, '万元');
  let best: number | undefined;
  for (const c of model.claims) {
    if (!c.money || c.kind !== 'amount' || c.approx || c.bound || c.depth !== 0) continue;
    const id = model.named.get(c)?.id;
    if (!id || !TOTAL_IDS.includes(id)) continue;
    const v = convert(Math.abs(c.value), c.unit, '万元');
    if (best === undefined || v > best) best = v;
  }
  return best;
}

/**
 * The other way round: a figure of the department's own budget (a quantity the tables give)
 * printed in 万元 that is more than ten times the department's whole budget, while read as 元
 * it fits: 元 digits under the word 万元 (`机关运行经费支出 600,000.00 万元` in a budget of
 * 1,000 万元).
 */
function yuanAsWan(work: WorkDocument, model: NarrativeModel, lang: Lang, out: CheckResult[]): void {
  const whole = wholeInWan(work, model);
  if (whole === undefined || whole <= 0) return;
  for (const c of model.claims) {
    if (!c.money || c.unit !== '万元' || c.value === 0 || c.approx || c.bound || c.kind !== 'amount' || c.measure === 'target') continue;
    const id = model.named.get(c)?.id;
    if (!id || TOTAL_IDS.includes(id)) continue;
    const v = Math.abs(c.value);
    if (v <= whole * 10 || v / 10_000 > whole) continue;
    model.used.add(c);
    const expected = roundTo(v / 10_000, 6);
    const d = Math.max(2, c.decimals);
    out.push({
      id: `narrative-unit/${c.id}/yuan`,
      rule: 'narrative-unit',
      verdict: 'discrepancy',
      severity: 'warning',
      message: headed(ruleTitle('narrative-unit', lang), lang, message('narr.unit-slip-yuan', lang, { stated: c.text, expected: fmt(expected, d), whole: fmt(whole, 2) })),
      messageKey: 'narr.unit-slip-yuan',
      stated: c.value,
      expected,
      difference: null,
      tolerance: null,
      unit: '万元',
      formula: `${claimName(c)} ${c.text} → ${fmt(expected, d)} 万元`,
      where: quotes(model, [c]),
      cause: { kind: 'unit', message: message('cause.unit', lang, undefined) },
    });
  }
}

export const narrativeUnit: Check = {
  id: 'narrative-unit',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    const out: CheckResult[] = [];
    yuanAsWan(work, model, lang, out);
    const wanTables = work.tables.some((wt) => wt.table.unit === '万元');
    if (!wanTables) return out;
    for (const c of model.claims) {
      if (!c.money || c.unit !== '元' || c.value === 0 || c.approx) continue;
      const p = model.paragraphs[c.para];
      const left = p ? p.text.slice(Math.max(0, c.start - 12), c.start) : '';
      const right = p ? p.text.slice(c.end, c.end + 2) : '';
      if (PRICE_CONTEXT.test(left) || PRICE_CONTEXT.test(c.subject) || /^[/每]/.test(right)) continue;
      const v = Math.abs(c.value);
      // 1. Read as 万元 it is a figure of the tables.
      const digits = c.text.replace(/[^\d]/g, '').replace(/^0+/, '').length;
      const near = v >= 100 && digits >= 5 ? cellsNear(work, v) : [];
      let basis: { zh: string; en: string } | undefined;
      let cell: Ref | undefined;
      if (near.length > 0) {
        cell = near[0] as Ref;
        const name = refName(work, cell);
        basis = { zh: `读作万元即与表中 ${name} 相符`, en: `read as 万元 it is the table's ${name}` };
      } else {
        // 2. Among amounts in 万元 it is a thousandth of theirs.
        const sib = siblingsOf(model, c).map((x) => Math.abs(x.value));
        if (sib.length >= 2) {
          const m = median(sib);
          if (v / 10_000 < m / 1000 && v >= m / 100 && v <= m * 100) basis = { zh: `同一句（或同一列表）中其余金额均以万元计（中位数 ${fmt(m, 2)} 万元）`, en: `the other amounts of the sentence or list are in 万元 (median ${fmt(m, 2)} 万元)` };
        }
      }
      if (!basis) continue;
      model.used.add(c);
      const cellValue = cell ? (work.tables[cell.t]?.table.rows[cell.r]?.cells[cell.c]?.value ?? v) : v;
      // Every table showing that figure (02, 03 and 05 often repeat it).
      const where: Where[] = [...quotes(model, [c]), ...near.slice(0, 8).map((r) => cellWhere(work, r))];
      out.push({
        id: `narrative-unit/${c.id}`,
        rule: 'narrative-unit',
        verdict: 'discrepancy',
        severity: 'warning',
        message: headed(ruleTitle('narrative-unit', lang), lang, message('narr.unit-slip', lang, { stated: fmt(c.value, c.decimals), unit: c.unit, expected: fmt(cellValue, c.decimals), basis: basis[lang] })),
        messageKey: 'narr.unit-slip',
        stated: c.value,
        expected: cellValue,
        difference: null,
        tolerance: null,
        unit: '元',
        formula: `${claimName(c)} ${c.text} → ${fmt(c.value, c.decimals)} 万元`,
        where,
        cause: { kind: 'unit', message: message('cause.unit', lang, undefined) },
      });
      if (cell && cellValue !== v) {
        // The figure itself, read in 万元, against the cell it matches.
        const j = judgeAmounts({ value: v, decimals: c.decimals }, [{ value: cellValue, decimals: work.tables[cell.t]?.table.decimals ?? 2 }], cellValue);
        out.push(
          comparisonResult(
            {
              rule: 'narrative-table',
              id: `narrative-table/${c.id}/as-wan`,
              claim: { zh: `正文“${claimName(c)}”（读作万元）`, en: `the text's "${claimName(c)}" (read as 万元)` },
              basis: { zh: `表中 ${refName(work, cell)}`, en: `the table's ${refName(work, cell)}` },
              stated: v,
              expected: cellValue,
              unit: '万元',
              decimals: Math.max(c.decimals, 2),
              judgement: j,
              formula: `${claimName(c)} ${fmt(v, c.decimals)} = ${refName(work, cell)}`,
              where,
            },
            lang,
          ),
        );
      }
    }
    return out;
  },
};
