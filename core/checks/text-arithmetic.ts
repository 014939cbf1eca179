/**
 * text-arithmetic: worked calculations printed in the text or in a form's 测算依据 column,
 * `673.19元*12个月*8000人=6462.73万元`, recomputed. Factors multiply; a factor in 元 with a
 * result in 万元 divides by 10,000; a factor in % divides by 100. The inputs of such a
 * calculation are exact (prices, counts, months), so only the result's own rounding is allowed.
 * A 明细 line whose 测算 says what this level bears (`区承担50%, 约为24万元`) must carry that
 * much in its own appropriation column (the shares of one line are summed).
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, SourceRef, Where } from '../model/schemas.ts';
import type { Lang } from '../messages.ts';
import type { Check } from './types.ts';
import { refName, whereOf } from './identity.ts';
import { foldChars } from '../narrative/fold.ts';
import { comparisonResult, fmt, isMoneyUnit, moneyFigure } from '../narrative/results.ts';
import { judgeSum } from '../rounding.ts';
import { roundTo } from '../text/numbers.ts';

const NUM = String.raw`\d[\d,]*(?:\.\d+)?`;
const FACTOR = String.raw`${NUM}\s*(?:万元|元|%|[\u4e00-\u9fff]{0,3})?(?:/[\u4e00-\u9fff]{1,3})*`;
const EXPRESSION = new RegExp(String.raw`(${FACTOR}(?:\s*[*×xX]\s*${FACTOR})+)\s*=\s*(${NUM})\s*(万元|元|万|人次|人|次)?`, 'g');

interface Parsed {
  product: number;
  factors: string[];
  result: number;
  resultText: string;
  decimals: number;
  unit: string;
}

export function parseCalculations(text: string): (Parsed & { index: number; length: number })[] {
  const t = foldChars(text).replace(/＊/g, '*');
  const out: (Parsed & { index: number; length: number })[] = [];
  EXPRESSION.lastIndex = 0;
  for (let m; (m = EXPRESSION.exec(t)); ) {
    const lhs = m[1] ?? '';
    const resultText = m[2] ?? '';
    const unit = m[3] === '万' ? '万元' : (m[3] ?? '');
    const factors = lhs.split(/\s*[*×xX]\s*/).filter((f) => f.trim() !== '');
    let product = 1;
    let yuan = false;
    let wan = false;
    let ok = factors.length >= 2;
    for (const f of factors) {
      const n = new RegExp(`^${NUM}`).exec(f.trim());
      if (!n) {
        ok = false;
        break;
      }
      let v = Number(n[0].replace(/,/g, ''));
      const rest = f.trim().slice(n[0].length);
      if (/^\s*%/.test(rest)) v /= 100;
      if (/^\s*万元/.test(rest)) wan = true;
      else if (/^\s*元/.test(rest)) yuan = true;
      product *= v;
    }
    if (!ok) continue;
    if (unit === '万元' && yuan && !wan) product /= 10_000;
    if (unit === '元' && wan) product *= 10_000;
    // Factors with no unit and a result in 万元: the factors are in 元 when that is what fits.
    const result = Number(resultText.replace(/,/g, ''));
    if (unit === '万元' && !yuan && !wan && Math.abs(product / 10_000 - result) < Math.abs(product - result) && Math.abs(product / 10_000 - result) <= Math.max(0.01 * Math.abs(result), 0.01)) product /= 10_000;
    const frac = /\.(\d+)$/.exec(resultText);
    out.push({ product: roundTo(product, 8), factors, result: Number(resultText.replace(/,/g, '')), resultText, decimals: frac?.[1]?.length ?? 0, unit, index: m.index, length: m[0].length });
  }
  return out;
}

const LOCAL_SHARE = /(?:区|县|市|本级|区级|县级|市级)(?:财政)?承担(?:\d+(?:\.\d+)?%)?[,，]?\s*(?:约|共计?|合计)?为?\s*(\d[\d,]*(?:\.\d+)?)\s*万(?:元|(?![人户次个件名家辆台]))/g;

/** Lines of forms whose explanation states the local share: Σ shares = the line's local figure. */
function localShares(work: WorkDocument, lang: Lang): CheckResult[] {
  const out: CheckResult[] = [];
  work.tables.forEach((wt, t) => {
    const table = wt.table;
    const col = table.columns.find((c) => c.additive && /本级|区级|财政拨款/.test(c.label));
    if (!col) return;
    const unit = isMoneyUnit(table.unit) ? table.unit : '万元';
    for (const row of table.rows) {
      const text = Object.values(row.attrs ?? {}).join(' ');
      if (!text.includes('承担')) continue;
      // 约为 … 万元: each share rounded to the unit it prints, then read in the table's unit.
      const figures = [...foldChars(text).matchAll(LOCAL_SHARE)].map((m) => moneyFigure(Number((m[1] ?? '').replace(/,/g, '')), 0, '万元', unit));
      const shares = figures.map((f) => f.value);
      const cell = row.cells[col.key];
      if (shares.length === 0 || !cell || cell.value === null) continue;
      const sum = roundTo(shares.reduce((a, b) => a + b, 0), 8);
      const ref = { t, r: row.index, c: col.key };
      const j = judgeSum({ value: cell.value, decimals: cell.decimals }, figures, sum, 'eq', true);
      out.push(
        comparisonResult(
          {
            rule: 'text-arithmetic',
            id: `text-arithmetic/${table.id}/${row.key}/local-share`,
            claim: { zh: `${refName(work, ref)}`, en: `${refName(work, ref)}` },
            basis: { zh: `测算依据所述本级承担 ${shares.map((v) => fmt(v, 2)).join(' + ')} 合计`, en: `the local shares stated in its explanation (${shares.map((v) => fmt(v, 2)).join(' + ')}) add up to` },
            stated: cell.value,
            expected: sum,
            unit: table.unit,
            decimals: Math.max(cell.decimals, 2),
            judgement: j,
            formula: `${refName(work, ref)} = ${shares.map((v) => fmt(v, 2)).join(' + ')}`,
            where: [whereOf(work, ref, 'stated', cell.value), { role: 'operand', label: text.slice(0, 120), value: sum, quote: text.slice(0, 200), table: table.id, source: row.source }],
          },
          lang,
        ),
      );
    }
  });
  return out;
}

export const textArithmetic: Check = {
  id: 'text-arithmetic',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const sources: { text: string; source: SourceRef; table?: string }[] = [
      ...work.doc.paragraphs.map((p) => ({ text: p.text, source: p.source })),
      ...work.calculations,
    ];
    const out: CheckResult[] = [];
    const seen = new Set<string>();
    for (const s of sources) {
      if (!/[*×xX＊]/.test(s.text) || !/[=＝]/.test(s.text)) continue;
      for (const c of parseCalculations(s.text)) {
        const expr = s.text.slice(c.index, c.index + c.length).trim();
        const key = `${expr}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const j = judgeSum({ value: c.result, decimals: c.decimals }, [], c.product, 'eq', true);
        const where: Where[] = [{ role: 'stated', label: expr, value: c.result, quote: expr, table: s.table, source: s.source }];
        out.push(
          comparisonResult(
            {
              rule: 'text-arithmetic',
              id: `text-arithmetic/${s.source.line ?? s.source.path ?? 0}/${c.index}`,
              claim: { zh: `测算式“${expr}”的结果`, en: `the result of "${expr}"` },
              basis: { zh: `按 ${c.factors.join(' × ')} 计算为`, en: `${c.factors.join(' × ')} gives` },
              stated: c.result,
              expected: c.product,
              unit: c.unit,
              decimals: Math.max(c.decimals, 2),
              judgement: j,
              formula: `${fmt(c.result, c.decimals)} = ${c.factors.join(' × ')}`,
              where,
            },
            lang,
          ),
        );
      }
    }
    out.push(...localShares(work, lang));
    return out;
  },
};
