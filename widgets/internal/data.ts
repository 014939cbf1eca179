/**
 * What a chart shows of a dataset, as plain data (no DOM, tested in vitest): the items of one
 * level of the function tree (small ones grouped as "others" so the total still adds up), the
 * codes a finding involves, the mix, a comparison of two datasets, CSV.
 */
import type { Dataset, FunctionNode } from '../../core/model/dataset.ts';

export type Lang = 'zh' | 'en';

export interface Item {
  /** Function code, or `others`. */
  code: string;
  name: string;
  value: number;
  share: number;
  /** A discrepancy involves this row (or, for "others", one of the rows it groups). */
  flagged: boolean;
  /** It has a level below to drill into. */
  drill: boolean;
  /** The codes of the rows grouped under "others". */
  grouped?: string[];
}

/** Items smaller than this share of their level are grouped (at least two of them). */
export const OTHERS_SHARE = 0.02;

export function flaggedCodes(d: Dataset): Set<string> {
  // information (a gap in the write-up, a word typed twice) marks no figure of the chart
  return new Set(d.audit.findings.filter((f) => f.verdict === 'discrepancy' && f.severity !== 'info').flatMap((f) => f.codes));
}

/** The node at a path of codes (`['208', '20807']`), or the root list. */
export function nodesAt(d: Dataset, path: string[]): { nodes: FunctionNode[]; parent?: FunctionNode } {
  let nodes = d.functions;
  let parent: FunctionNode | undefined;
  for (const code of path) {
    const next = nodes.find((n) => n.code === code);
    if (!next) break;
    parent = next;
    nodes = next.children;
  }
  return { nodes, parent };
}

export function levelItems(d: Dataset, path: string[], lang: Lang): Item[] {
  const { nodes } = nodesAt(d, path);
  const flagged = flaggedCodes(d);
  const total = nodes.reduce((a, n) => a + Math.max(0, n.total), 0);
  const items: Item[] = nodes
    .filter((n) => n.total > 0)
    .map((n) => ({ code: n.code, name: n.name, value: n.total, share: total ? n.total / total : 0, flagged: flaggedUnder(flagged, n.code), drill: n.children.some((c) => c.total > 0) }))
    .sort((a, b) => b.value - a.value);
  const small = items.filter((i) => i.share < OTHERS_SHARE);
  if (small.length < 2) return items;
  const big = items.filter((i) => i.share >= OTHERS_SHARE);
  const value = small.reduce((a, i) => a + i.value, 0);
  return [
    ...big,
    {
      code: 'others',
      name: lang === 'zh' ? `其他（${small.length} 项）` : `Others (${small.length})`,
      value,
      share: total ? value / total : 0,
      flagged: small.some((i) => i.flagged),
      drill: false,
      grouped: small.map((i) => i.code),
    },
  ];
}

/** Amounts as Chinese readers read them (万元, 亿元 from 10,000 万元) or in English. */
export function formatAmount(v: number, unit: Dataset['document']['unit'], lang: Lang): string {
  const wan = toWan(v, unit);
  const fmt = (x: number, d: number) => x.toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { minimumFractionDigits: d, maximumFractionDigits: d });
  if (lang === 'zh') return Math.abs(wan) >= 10_000 ? `${fmt(wan / 10_000, 2)} 亿元` : `${fmt(wan, 2)} 万元`;
  // 1 万元 = 10,000 yuan
  const yuan = wan * 10_000;
  if (Math.abs(yuan) >= 1e9) return `¥${fmt(yuan / 1e9, 2)} bn`;
  if (Math.abs(yuan) >= 1e6) return `¥${fmt(yuan / 1e6, 2)} m`;
  return `¥${fmt(yuan, 0)}`;
}

export function formatShare(s: number, lang: Lang): string {
  return `${(s * 100).toLocaleString(lang === 'zh' ? 'zh-CN' : 'en-US', { maximumFractionDigits: 1 })}%`;
}

/** One sentence saying what the chart shows (its text alternative). */
export function describe(d: Dataset, path: string[], items: Item[], lang: Lang): string {
  const { parent } = nodesAt(d, path);
  const who = d.document.department ?? (lang === 'zh' ? '该部门' : 'The department');
  const year = d.document.year ?? '';
  const kind = d.document.kind === 'budget' ? (lang === 'zh' ? '预算' : 'budget') : lang === 'zh' ? '决算' : 'final accounts';
  const total = items.reduce((a, i) => a + i.value, 0);
  const top = items.slice(0, 3).map((i) => `${i.name} ${formatAmount(i.value, d.document.unit, lang)}（${formatShare(i.share, lang)}）`);
  if (lang === 'zh')
    return `${who}${year}年${kind}${parent ? `“${parent.name}”之下` : ''}按功能分类的支出共 ${formatAmount(total, d.document.unit, lang)}，分为 ${items.length} 项；最大的是${top.join('、')}。`;
  return `${who}, ${year} ${kind}: spending ${parent ? `under "${parent.name}" ` : ''}by function totals ${formatAmount(total, d.document.unit, lang)} in ${items.length} items; the largest are ${top.join(', ')}.`;
}

/** CSV of rows (header first); text that a spreadsheet would run is quoted as text. */
export function toCsv(rows: (string | number | null)[][]): string {
  const cell = (v: string | number | null) => {
    let s = v === null ? '' : String(v);
    if (typeof v === 'string' && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
    return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return `\ufeff${rows.map((r) => r.map(cell).join(',')).join('\n')}`;
}

/** Every node of the function tree, flat, for "all data" downloads. */
export function allRows(d: Dataset): (string | number | null)[][] {
  const out: (string | number | null)[][] = [['code', 'name', 'level', 'total', 'basic', 'project', 'unit']];
  const walk = (n: FunctionNode) => {
    out.push([n.code, n.name, n.level, n.total, n.basic ?? null, n.project ?? null, d.document.unit]);
    n.children.forEach(walk);
  };
  d.functions.forEach(walk);
  return out;
}

/** An amount in 万元, from the dataset's unit. */
export function toWan(v: number, unit: Dataset['document']['unit']): number {
  return unit === '元' ? v / 10_000 : unit === '亿元' ? v * 10_000 : v;
}

/** The unit of a value axis, in words. */
export function unitTitle(unit: Dataset['document']['unit'], lang: Lang): string {
  if (lang === 'zh') return unit;
  return unit === '元' ? 'yuan' : unit === '亿元' ? '100 million yuan' : '10,000 yuan';
}

/** Everything a mix is drawn from: the mix, every economic class and item, income by source, 三公. */
export function mixRows(d: Dataset): (string | number | null)[][] {
  const unit = d.document.unit;
  const out: (string | number | null)[][] = [['part', 'code', 'name', 'amount', 'unit']];
  for (const [k, v] of Object.entries(d.mix)) out.push(['mix', k, k, v, unit]);
  for (const c of d.economic) {
    out.push(['economic', c.code, c.name, c.amount, unit]);
    for (const i of c.items) out.push(['economic', i.code, i.name, i.amount, unit]);
  }
  for (const s of d.sources) out.push(['sources', s.key, s.label, s.amount, unit]);
  for (const [group, costs] of Object.entries(d.threePublic)) if (costs) for (const [k, v] of Object.entries(costs)) out.push([`three-public-${group}`, k, k, v, unit]);
  return out;
}

/** Every code of two datasets' function trees at every level, both values in 万元. */
export function compareAllRows(a: Dataset, b: Dataset, la: string, lb: string): (string | number | null)[][] {
  const flat = (d: Dataset) => {
    const m = new Map<string, { name: string; level: string; total: number }>();
    const walk = (n: FunctionNode) => {
      m.set(n.code, { name: n.name, level: n.level, total: toWan(n.total, d.document.unit) });
      n.children.forEach(walk);
    };
    d.functions.forEach(walk);
    return m;
  };
  const [fa, fb] = [flat(a), flat(b)];
  const codes = [...new Set([...fa.keys(), ...fb.keys()])].sort();
  return [['code', 'name', 'level', `${la} (万元)`, `${lb} (万元)`], ...codes.map((c) => [c, (fa.get(c) ?? fb.get(c))?.name ?? c, (fa.get(c) ?? fb.get(c))?.level ?? '', fa.get(c)?.total ?? null, fb.get(c)?.total ?? null])];
}

/**
 * Two datasets by 类 (or by 款 under one 类): one row per code in either, a value for each,
 * both in 万元 (the datasets' units may differ).
 */
export function compareItems(a: Dataset, b: Dataset, path: string[]): CompareRow[] {
  const la = nodesAt(a, path).nodes;
  const lb = nodesAt(b, path).nodes;
  const codes = [...new Set([...la.map((n) => n.code), ...lb.map((n) => n.code)])];
  const [fa, fb] = [flaggedCodes(a), flaggedCodes(b)];
  return codes
    .map((code) => {
      const na = la.find((n) => n.code === code);
      const nb = lb.find((n) => n.code === code);
      return { code, name: (na ?? nb)?.name ?? code, a: toWan(na?.total ?? 0, a.document.unit), b: toWan(nb?.total ?? 0, b.document.unit), flagged: flaggedUnder(fa, code) || flaggedUnder(fb, code) };
    })
    .sort((x, y) => Math.max(y.a, y.b) - Math.max(x.a, x.b));
}

/** A discrepancy involves this function code or a row under it (codes nest by prefix). */
export function flaggedUnder(flagged: ReadonlySet<string>, code: string): boolean {
  if (flagged.has(code)) return true;
  for (const f of flagged) if (f.startsWith(code)) return true;
  return false;
}

export interface CompareRow {
  code: string;
  name: string;
  /** In 万元. */
  a: number;
  b: number;
  flagged: boolean;
}

/** Budget vs final of one 决算, from what its text states (年初预算 beside 实际支出), in 万元. */
export function budgetRows(d: Dataset): CompareRow[] {
  const flagged = flaggedCodes(d);
  return d.budgetVsFinal
    .filter((p) => p.actual !== null)
    .map((p) => ({ code: p.code, name: p.name, a: toWan(p.budget, d.document.unit), b: toWan(p.actual ?? 0, d.document.unit), flagged: flaggedUnder(flagged, p.code) }))
    .sort((x, y) => Math.max(y.a, y.b) - Math.max(x.a, x.b));
}

/** A short label for a dataset: `2023 决算`. */
export function datasetLabel(d: Dataset, lang: Lang): string {
  const kind = d.document.kind === 'budget' ? (lang === 'zh' ? '预算' : 'budget') : d.document.kind === 'final' ? (lang === 'zh' ? '决算' : 'final') : '';
  return `${d.document.year ?? ''} ${kind}`.trim();
}
