/**
 * The narrative lexicon (data/narrative.json), validated with zod and compiled once: scope
 * words, measure words, the quantities a subject can name with where the tables hold them,
 * and the identities between quantities.
 */
import { z } from 'zod';
import narrativeJson from '../../data/narrative.json' with { type: 'json' };
import { TieTermSchema } from '../knowledge.ts';

export const Scope = z.enum(['all', 'fiscal', 'gpb', 'gf', 'soe']);
export type Scope = z.infer<typeof Scope>;

export const Measure = z.enum(['actual', 'budget', 'budget-initial', 'budget-adjusted', 'target', 'unspecified']);
export type Measure = z.infer<typeof Measure>;

const Alternatives = z.array(z.array(TieTermSchema).min(1));
const ScopeCells = z.object({ all: Alternatives, fiscal: Alternatives, gpb: Alternatives, gf: Alternatives, soe: Alternatives }).partial();

export const NarrativeFile = z.object({
  $comment: z.string().optional(),
  scopes: z.array(z.object({ scope: Scope, patterns: z.array(z.string()).min(1) })),
  measures: z.array(z.object({ measure: Measure, patterns: z.array(z.string()).min(1) })),
  quantities: z.array(
    z.object({
      id: z.string(),
      terms: z.array(z.string()).min(1),
      /** A part of this quantity (personnel ⊂ basic): equal parents in two scopes make it equal too. */
      parent: z.string().optional(),
      /** Compared with this quantity as a soft tie (机关运行经费 ≈ 公用经费 for administrative units). */
      soft: z.string().optional(),
      /**
       * Whose money it is, where the quantity's definition already says so (机关运行经费 is that of
       * 行政单位 and 参公 事业单位): such words beside its term (patterns, tried in order; `下属1家机关和
       * 1家参公事业单位`) leave the subject naming it.
       */
      implied: z.array(z.string()).optional(),
      cells: z.object({ final: ScopeCells.optional(), budget: ScopeCells.optional() }),
    }),
  ),
  identities: z.array(
    z.object({ id: z.string(), total: z.array(z.string()).min(1), parts: z.array(z.string()).min(1), zero: z.array(z.string()).optional() }),
  ),
  absence: z.array(z.string()).min(1),
});
export type NarrativeFile = z.infer<typeof NarrativeFile>;
export type QuantitySpec = NarrativeFile['quantities'][number];
export type IdentitySpec = NarrativeFile['identities'][number];

export const narrative: NarrativeFile = NarrativeFile.parse(narrativeJson);

const alt = (patterns: string[]) => patterns.map((p) => `(?:${p})`).join('|');

/** Scope words, longest forms first (一般公共预算财政拨款 before 财政拨款). */
export const scopePatterns: { scope: Scope; re: RegExp }[] = narrative.scopes.map((s) => ({ scope: s.scope, re: new RegExp(alt(s.patterns), 'g') }));
export const anyScopeRe = new RegExp(narrative.scopes.map((s) => alt(s.patterns)).join('|'), 'g');

export const measurePatterns: { measure: Measure; re: RegExp }[] = narrative.measures.map((m) => ({
  measure: m.measure,
  re: new RegExp(alt(m.patterns), 'g'),
}));

/**
 * Terms of every quantity, longest first, for matching inside a subject (`bare`: without quotes;
 * `implied`: the words its definition implies, to drop from what is left over).
 */
export const quantityTerms: { term: string; bare: string; id: string; implied?: RegExp }[] = narrative.quantities
  .flatMap((q) => {
    const implied = q.implied?.length ? new RegExp(`(?:${q.implied.join('|')})[和及与、]?`, 'g') : undefined;
    return q.terms.map((term) => ({ term, bare: term.replace(/[“”"]/g, ''), id: q.id, implied }));
  })
  .sort((a, b) => b.term.length - a.term.length);

export const quantityById = new Map(narrative.quantities.map((q) => [q.id, q]));

/** A quantity a 决算's tables print a budget of (三公 预算数): a column of its cells names the phase. */
export function finalTablesPrintBudget(id: string): boolean {
  const spec = quantityById.get(id);
  return !!spec?.cells.final && Object.values(spec.cells.final).some((alts) => alts?.some((a) => a.some((t) => t.col.phase)));
}

/** A quantity the tables give for all funds only (事业收入, 经营收入, 其他收入 …): never a fund's money. */
export function allFundsOnly(id: string): boolean {
  const spec = quantityById.get(id);
  if (!spec) return false;
  const scopes = Object.values(spec.cells).flatMap((c) => Object.keys(c ?? {}));
  return scopes.length > 0 && scopes.every((s) => s === 'all');
}

export const absenceRe = new RegExp(alt(narrative.absence));
