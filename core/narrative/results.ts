/**
 * Findings of the narrative checks, in the same shape as the table checks': the figure the
 * text states, the figure recomputed, the difference, the rounding tolerance, the formula,
 * and `where` entries that quote each sentence and point at each table cell compared.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Cause, CheckResult, Paragraph, Severity, Unit, Where } from '../model/schemas.ts';
import { type Lang, type RuleId, headed, message, ruleTitle } from '../messages.ts';
import { type Figure, type Judgement, judgeSum } from '../rounding.ts';
import { formatAmount, roundTo, UNIT_FACTOR, unitFactor } from '../text/numbers.ts';
import { type Ref, whereOf } from '../checks/identity.ts';
import { unitCause } from '../checks/causes.ts';
import type { Claim } from './claims.ts';
import { type NarrativeModel, claimWhere, quoteAt, sentenceSource } from './index.ts';

export type Bilingual = { zh: string; en: string };

export function isMoneyUnit(u: string): u is Unit {
  return u === '元' || u === '万元' || u === '亿元';
}

/** A money claim as a figure in `unit` (its precision scaled with it). */
export function claimFigure(c: Claim, unit: Unit): Figure {
  return moneyFigure(c.value, c.decimals, c.unit, unit);
}

/** An amount printed in `from` with `decimals` places, as a figure in `unit`. */
export function moneyFigure(value: number, decimals: number, from: string, unit: Unit): Figure {
  const factor = (unitFactor(from) ?? 1) / UNIT_FACTOR[unit];
  const d = decimals + Math.round(Math.log10(1 / factor));
  // In a finer unit (万元 read in 元) the text's last place is worth more than one unit.
  return { value: roundTo(value * factor, 8), decimals: Math.max(0, d), ...(d < 0 ? { half: 0.5 * 10 ** -d } : {}) };
}

/** A figure converted between 元 / 万元 / 亿元 (other units unchanged). */
export function convert(value: number, from: string, to: string): number {
  const f = unitFactor(from);
  const t = unitFactor(to);
  return f && t && f !== t ? roundTo((value * f) / t, 8) : value;
}

/** The decimals a figure printed with `decimals` places in `from` has in `to`. */
export function convertDecimals(decimals: number, from: string, to: string): number {
  const f = unitFactor(from);
  const t = unitFactor(to);
  return f && t && f !== t ? decimals + Math.round(Math.log10(t / f)) : decimals;
}

/** A claim's value and precision in `unit` (money converted; other claims as they are). */
export function valueIn(c: Claim, unit: string): number {
  return c.money ? convert(c.value, c.unit, unit) : c.value;
}
export function decimalsIn(c: Claim, unit: string): number {
  return c.money ? convertDecimals(c.decimals, c.unit, unit) : c.decimals;
}

/**
 * Results of one check, the same statement repeated in several sections (一, 三, 四, 五 often
 * repeat a sentence) reported once: a repeat only adds its quotes to the first result.
 */
export class Findings {
  readonly out: CheckResult[] = [];
  private readonly seen = new Map<string, CheckResult>();
  constructor(private readonly model: NarrativeModel) {}
  /** Whether `key` was reported already (the quotes of `repeat` are added to it). */
  repeated(key: string, repeat: Claim[]): boolean {
    const prev = this.seen.get(key);
    if (!prev) return false;
    for (const w of quotes(this.model, repeat)) if (!prev.where.some((x) => x.source?.line === w.source?.line)) prev.where.push(w);
    return true;
  }
  add(key: string, r: CheckResult): void {
    this.seen.set(key, r);
    this.out.push(r);
  }
}

export function halfOf(c: { decimals: number }): number {
  return 0.5 * 10 ** -c.decimals;
}

export function fmt(v: number, decimals: number): string {
  const d = Math.min(Math.max(decimals, 0), 6);
  const s = formatAmount(v, d);
  // Past the second place, trailing zeros say nothing (97,887,500.00 元 in 万元 has six places).
  return d > 2 ? s.replace(/(\.\d\d\d*?)0+$/, '$1') : s;
}

export function cellWhere(work: WorkDocument, ref: Ref, sign?: 1 | -1, role: Where['role'] = 'operand'): Where {
  const cell = work.tables[ref.t]?.table.rows[ref.r]?.cells[ref.c];
  return whereOf(work, ref, role, cell?.value ?? 0, sign);
}

/** An empty table compared with (it holds zero): pointed at as a whole. */
export function emptyTableWhere(work: WorkDocument, t: number): Where {
  const table = work.tables[t]?.table;
  return { role: 'operand', label: table ? `${table.tableNo ?? ''} ${table.title}`.trim() : '', value: 0, table: table?.id, tableTitle: table?.title, tableNo: table?.tableNo, unit: table?.unit, source: table?.source };
}

export interface Comparison {
  rule: RuleId;
  id: string;
  /** What the text states, in words (`项目支出`, `项目支出增长率`). */
  claim: Bilingual;
  /** What it is compared with (`表中 公开03表 合计 [项目支出]`). */
  basis: Bilingual;
  stated: number;
  expected: number;
  /** Unit shown with the figures: 万元, %, 人 … */
  unit: string;
  decimals: number;
  judgement: Judgement;
  formula: string;
  where: Where[];
  cause?: Cause;
}

export function comparisonResult(c: Comparison, lang: Lang): CheckResult {
  const j = c.judgement;
  const pct = c.unit === '%';
  const unitShown = c.unit === '%' ? '%' : c.unit;
  const text = message('narr.compare', lang, {
    claim: c.claim[lang],
    stated: fmt(c.stated, c.decimals),
    expected: fmt(c.expected, Math.max(c.decimals, c.unit === '%' ? c.decimals : 0)),
    unit: unitShown,
    basis: c.basis[lang],
    verdict: j.verdict,
    // Percentages: two more places, so that a difference and its bound can be told apart.
    difference: fmt(Math.abs(j.difference), pct && Math.abs(j.difference) < 1 ? c.decimals + 2 : Math.max(c.decimals, 2)),
    tolerance: fmt(j.tolerance, pct && Math.abs(j.difference) < 1 ? c.decimals + 2 : Math.max(c.decimals, 2)),
  });
  return {
    id: c.id,
    rule: c.rule,
    verdict: j.verdict,
    severity: j.severity,
    message: headed(ruleTitle(c.rule, lang), lang, text),
    messageKey: 'narr.compare',
    stated: c.stated,
    expected: roundTo(c.expected, 6),
    difference: j.difference,
    tolerance: j.tolerance,
    unit: c.unit,
    formula: c.formula,
    where: c.where,
    cause: c.cause ?? (j.verdict === 'discrepancy' && !pct ? unitCause(c.stated, c.expected, lang) : undefined),
  };
}

export function undecidedResult(rule: RuleId, id: string, claim: Bilingual, reason: Bilingual, where: Where[], lang: Lang, stated: number | null = null): CheckResult {
  return {
    id,
    rule,
    verdict: 'undecided',
    severity: 'info',
    message: headed(ruleTitle(rule, lang), lang, message('narr.undecided', lang, { claim: claim[lang], reason: reason[lang] })),
    messageKey: 'narr.undecided',
    stated,
    expected: null,
    difference: null,
    tolerance: null,
    formula: '',
    where,
    reason: reason.en,
  };
}

/**
 * A slip of wording in one passage of the text (nothing recomputed): the passage quoted where
 * it stands, `start..end` being the words at fault.
 */
export function wordingResult(rule: RuleId, p: Paragraph, start: number, end: number, f: { severity: Severity; messageKey: string; text: string; formula: string }, lang: Lang): CheckResult {
  const words = p.text.slice(start, end);
  return {
    id: `${rule}/p${p.index}@${start}`,
    rule,
    verdict: 'discrepancy',
    severity: f.severity,
    message: headed(ruleTitle(rule, lang), lang, f.text),
    messageKey: f.messageKey,
    stated: null,
    expected: null,
    difference: null,
    tolerance: null,
    formula: f.formula,
    where: [{ role: 'stated', label: words, value: null, quote: quoteAt(p, start, end), source: sentenceSource(p, start, end) }],
  };
}

/** stated vs an expected sum of figures, in one unit. */
export function judgeAmounts(stated: Figure, terms: Figure[], expected: number): Judgement {
  return judgeSum(stated, terms, expected, 'eq', true);
}

/** All claims in `group` quoted once each, the first as `stated`. */
/**
 * Where entries for the claims of a finding, one per figure (each with its sentence quoted).
 * With `stated`, that claim is the figure under test and the others its operands.
 */
export function quotes(model: NarrativeModel, group: Claim[], role: Where['role'] = 'stated', stated?: Claim): Where[] {
  const seen = new Set<string>();
  const out: Where[] = [];
  for (const c of group) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    out.push(claimWhere(model, c, stated ? (c === stated ? 'stated' : 'operand') : role));
  }
  // The figure under test first.
  if (stated) out.sort((a, b) => (a.role === 'stated' ? 0 : 1) - (b.role === 'stated' ? 0 : 1));
  return out;
}

export function claimName(c: Claim): string {
  return (c.topic || c.subject || c.text).replace(/‹([类款项])›/g, '($1)');
}
