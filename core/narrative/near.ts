/**
 * Finding the claims a claim goes with: the current amount before a change, the budget
 * before an execution rate, the numerator before a share. Search runs backwards through
 * the claim's sentence, then its paragraph; the topic must agree.
 */
import type { Claim, ClaimKind } from './claims.ts';
import type { NarrativeModel } from './index.ts';

export type Pred = (c: Claim) => boolean;

export function sameTopic(a: Claim, b: Claim): boolean {
  return a.topic !== '' && a.topic === b.topic;
}

/** The same subject: the same words, or words that name the same quantity or row. */
export function sameSubject(model: NarrativeModel, a: Claim, b: Claim): boolean {
  if (sameTopic(a, b)) return true;
  // 收入总计 and 支出总计 name one quantity (the 总表 balances them) but are two figures of the text
  const side = (t: string) => (t.includes('收入') && !t.includes('支出') ? 'income' : t.includes('支出') && !t.includes('收入') ? 'expense' : undefined);
  const sa = side(a.topic);
  const sb = side(b.topic);
  if (sa && sb && sa !== sb) return false;
  const x = model.named.get(a);
  const y = model.named.get(b);
  return !!x && !!y && x.id === y.id;
}

export const budgetish = (c: Claim) => c.measure === 'budget' || c.measure === 'budget-initial' || c.measure === 'budget-adjusted';

/** Claims of the paragraph of `c`, in order (cached per paragraph). */
const byPara = new WeakMap<NarrativeModel, Map<number, Claim[]>>();
export function paragraphClaims(model: NarrativeModel, para: number): Claim[] {
  let m = byPara.get(model);
  if (!m) {
    m = new Map();
    for (const c of model.claims) {
      const l = m.get(c.para);
      if (l) l.push(c);
      else m.set(c.para, [c]);
    }
    byPara.set(model, m);
  }
  return m.get(para) ?? [];
}

/** The nearest claim before `c` (same sentence first, then earlier in the paragraph) matching `pred`. */
export function before(model: NarrativeModel, c: Claim, pred: Pred, sentenceOnly = false): Claim | undefined {
  const list = paragraphClaims(model, c.para);
  const at = list.indexOf(c);
  for (let i = at - 1; i >= 0; i--) {
    const x = list[i] as Claim;
    if (sentenceOnly && x.sentence !== c.sentence) break;
    if (x.depth !== c.depth) continue;
    if (pred(x)) return x;
  }
  return undefined;
}

/** The nearest claim after `c` in the same sentence matching `pred`. */
export function after(model: NarrativeModel, c: Claim, pred: Pred): Claim | undefined {
  const list = paragraphClaims(model, c.para);
  const at = list.indexOf(c);
  for (let i = at + 1; i < list.length; i++) {
    const x = list[i] as Claim;
    if (x.sentence !== c.sentence) break;
    if (x.depth !== c.depth) continue;
    if (pred(x)) return x;
  }
  return undefined;
}

export const isKind = (...kinds: ClaimKind[]): Pred => (c) => kinds.includes(c.kind);
