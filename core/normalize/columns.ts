/**
 * Column semantics from header paths: role (基本支出 → basic), phase (预算数 / 决算数), and
 * whether the column adds up down the rows (amounts do; counts, prices, shares do not).
 */
import { columnRoles, labels, roleOf, totalWords } from '../knowledge.ts';
import { compact, labelKey } from '../text/normalize.ts';
import type { Column, Side } from '../model/schemas.ts';

const nonAdditive = labels.nonAdditive.map((w) => compact(w));

export function isTotalWord(label: string): boolean {
  return totalWords.has(labelKey(label));
}

/** Header text as shown: wrapped and vertical text joined (`本\n年\n支\n出` → `本年支出`). */
export function tidyHeader(text: string): string {
  return text
    .replace(/\s+/g, ' ')
    .replace(/([^\x00-\x7f])\s+(?=[^\x00-\x7f])/g, '$1')
    .trim();
}

const describeMemo = new Map<string, Pick<Column, 'label' | 'role' | 'phase' | 'additive'>>();

export function describeColumn(path: readonly string[]): Pick<Column, 'label' | 'role' | 'phase' | 'additive'> {
  const memoKey = path.join('\u0001');
  const hit = describeMemo.get(memoKey);
  if (hit) return hit;
  if (describeMemo.size > 5_000) describeMemo.clear();
  const d = describe(path);
  describeMemo.set(memoKey, d);
  return d;
}

function describe(path: readonly string[]): Pick<Column, 'label' | 'role' | 'phase' | 'additive'> {
  const parts = path.map((p) => tidyHeader(p)).filter((p) => compact(p) !== '');
  const leaf = parts[parts.length - 1] ?? '';
  let phase: Column['phase'];
  for (const p of parts) {
    const k = labelKey(p);
    if (k.includes('决算数') || k === '决算') phase = 'final';
    else if (k.includes('预算数') || k === '预算') phase = phase ?? 'budget';
  }
  let role = roleOf(leaf, columnRoles);
  if (!role && isTotalWord(leaf)) {
    for (let i = parts.length - 2; i >= 0 && !role; i--) {
      const parent = parts[i] ?? '';
      if (!isTotalWord(parent)) role = roleOf(parent, columnRoles);
    }
    role = role ?? 'total';
  }
  const lk = compact(leaf);
  const additive = !nonAdditive.some((w) => lk.includes(w)) || role === 'amount';
  return { label: leaf || '(未命名)', role, phase, additive };
}

export function makeColumn(index: number, path: readonly string[], side?: Side, lineNo?: number): Column {
  const d = describeColumn(path);
  return {
    key: `${side === 'income' ? 'i' : side === 'expense' ? 'e' : 'c'}${index + 1}`,
    index,
    label: d.label,
    path: path.map(tidyHeader).filter((p) => compact(p) !== ''),
    lineNo,
    role: d.role,
    phase: d.phase,
    side,
    additive: d.additive,
  };
}
