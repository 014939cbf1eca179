/**
 * A dataset as long-form CSV in the shape of the Fiscal Data Package (one figure per line, each
 * with its classification down to the level printed, its phase and its fiscal year), so a
 * researcher can stack the disclosures of many departments and years in one sheet.
 *
 * Two views in one file, told apart by `classification`: `functional` lines (the 类 → 款 → 项
 * leaves of the function table; split into basic and project where the table splits them and
 * the two add up to the leaf's total) and `economic` lines (the economic classes of basic
 * expenditure). Sum one view, never both: they break down the same money twice. `table` names
 * the table each line comes from (its title says which funds it covers).
 */
import type { Dataset, FunctionNode } from '../model/dataset.ts';
import { unitFactor } from '../text/numbers.ts';
import { csvCell } from './csv.ts';

export const FDP_HEADER = [
  'administrative',
  'fiscalYear',
  'phase',
  'classification',
  'functional:class:code',
  'functional:class:label',
  'functional:section:code',
  'functional:section:label',
  'functional:item:code',
  'functional:item:label',
  'economic:class:code',
  'economic:class:label',
  'economic:item:code',
  'economic:item:label',
  'expenditureType',
  'amount',
  'unit',
  'amountYuan',
  'table',
  'source',
] as const;

type Line = Partial<Record<(typeof FDP_HEADER)[number], string | number | null>>;

/** Two printed figures agree when they differ by no more than the rounding of three terms. */
function adds(parts: number[], total: number, unitFactor: number): boolean {
  // figures are printed to 0.01 of their unit (or to 1 元): half a last digit per term
  const half = unitFactor === 1 ? 0.5 : 0.005;
  return Math.abs(parts.reduce((a, b) => a + b, 0) - total) <= half * (parts.length + 1) + 1e-9;
}

/** The leaves of the function tree, each with its ancestors (类, 款). */
function leaves(nodes: FunctionNode[], path: FunctionNode[] = []): { node: FunctionNode; path: FunctionNode[] }[] {
  return nodes.flatMap((n) => (n.children.length ? leaves(n.children, [...path, n]) : [{ node: n, path }]));
}

export function formatFdpCsv(dataset: Dataset): string {
  const d = dataset.document;
  const factor = unitFactor(d.unit) ?? 1;
  const common: Line = {
    administrative: d.department,
    fiscalYear: d.year,
    phase: d.kind === 'budget' ? 'approved' : d.kind === 'final' ? 'executed' : null,
    unit: d.unit,
    source: d.source.url ?? d.source.name ?? null,
  };
  const lines: Line[] = [];
  const money = (amount: number): Line => ({ amount, amountYuan: Math.round(amount * factor * 100) / 100 });

  for (const { node, path } of leaves(dataset.functions)) {
    const levels: Line = {};
    for (const n of [...path, node]) {
      levels[`functional:${n.level}:code`] = n.code;
      levels[`functional:${n.level}:label`] = n.name;
    }
    const base = { ...common, classification: 'functional', table: dataset.functionsFrom, ...levels };
    const { basic, project, total } = node;
    if (basic !== undefined && project !== undefined && adds([basic, project], total, factor)) {
      lines.push({ ...base, expenditureType: 'basic', ...money(basic) }, { ...base, expenditureType: 'project', ...money(project) });
    } else lines.push({ ...base, expenditureType: 'total', ...money(total) });
  }

  for (const c of dataset.economic) {
    const base = { ...common, classification: 'economic', table: dataset.economicFrom, 'economic:class:code': c.code, 'economic:class:label': c.name, expenditureType: 'basic' };
    // the items when they add up to their class; the class alone otherwise
    if (c.items.length && adds(c.items.map((i) => i.amount), c.amount, factor)) {
      for (const i of c.items) lines.push({ ...base, 'economic:item:code': i.code, 'economic:item:label': i.name, ...money(i.amount) });
    } else lines.push({ ...base, ...money(c.amount) });
  }

  // the templates print every item, most of them zero: a line per figure that holds money
  const held = lines.filter((l) => l.amount !== 0);
  return [FDP_HEADER.join(','), ...held.map((l) => FDP_HEADER.map((k) => csvCell(l[k])).join(','))].join('\n');
}
