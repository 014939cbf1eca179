/**
 * The dataset a widget charts (`budget-lens export`): what a department spends, by function
 * (类 → 款 → 项) and by economic class, basic vs project and personnel vs public costs, where
 * the money comes from, the "三公" costs — and the audit of the same document, so a chart can
 * say how far its figures add up. JSON Schema: data/schema/dataset.schema.json (generated).
 */
import { z } from 'zod';
import { DocumentKind, Severity, Summary, Unit, Verdict } from './schemas.ts';

export interface FunctionNode {
  code: string;
  name: string;
  level: 'class' | 'section' | 'item';
  /** Total expenditure; basic and project where the table splits it. */
  total: number;
  basic?: number;
  project?: number;
  children: FunctionNode[];
}

export const FunctionNode: z.ZodType<FunctionNode> = z.lazy(() =>
  z.object({
    code: z.string().regex(/^\d{3}(?:\d{2}){0,2}$/),
    name: z.string(),
    level: z.enum(['class', 'section', 'item']),
    total: z.number(),
    basic: z.number().optional(),
    project: z.number().optional(),
    children: z.array(FunctionNode),
  }),
);

export const EconomicNode = z.object({
  code: z.string(),
  name: z.string(),
  amount: z.number(),
  items: z.array(z.object({ code: z.string(), name: z.string(), amount: z.number() })),
});
export type EconomicNode = z.infer<typeof EconomicNode>;

const ThreeCosts = z.object({
  total: z.number().nullable(),
  abroad: z.number().nullable(),
  vehiclePurchase: z.number().nullable(),
  vehicleOperation: z.number().nullable(),
  reception: z.number().nullable(),
});

export const BudgetPair = z.object({
  code: z.string().regex(/^\d{3}(?:\d{2}){0,2}$/),
  name: z.string(),
  scope: z.enum(['all', 'fiscal', 'gpb', 'gf', 'soe']),
  /** 年初预算 as the text states it. */
  budget: z.number(),
  /** 调整预算, when stated. */
  adjusted: z.number().nullable(),
  /** 实际支出 / 决算数 as the text states it beside the budget; null when not stated. */
  actual: z.number().nullable(),
  /** 完成年初预算的 …% as stated (percent), when stated. */
  rate: z.number().nullable(),
});
export type BudgetPair = z.infer<typeof BudgetPair>;

export const DatasetFinding = z.object({
  id: z.string(),
  rule: z.string(),
  verdict: Verdict,
  severity: Severity,
  message: z.string(),
  stated: z.number().nullable(),
  expected: z.number().nullable(),
  /** Classification codes of the rows the finding involves (function or economic). */
  codes: z.array(z.string()),
});
export type DatasetFinding = z.infer<typeof DatasetFinding>;

export const Dataset = z.object({
  schemaVersion: z.literal(1),
  document: z.object({
    department: z.string().nullable(),
    year: z.number().int().nullable(),
    kind: DocumentKind,
    unit: Unit,
    source: z.object({ name: z.string().optional(), url: z.string().optional() }),
  }),
  /** The table the function tree comes from (`公开03表 支出决算表`). */
  functionsFrom: z.string().nullable(),
  functions: z.array(FunctionNode),
  economicFrom: z.string().nullable(),
  economic: z.array(EconomicNode),
  mix: z.object({
    basic: z.number().nullable(),
    project: z.number().nullable(),
    personnel: z.number().nullable(),
    public: z.number().nullable(),
  }),
  /** Where the money comes from (income by source), as the income table's total row gives it. */
  sources: z.array(z.object({ key: z.string(), label: z.string(), amount: z.number() })),
  threePublic: z.object({ budget: ThreeCosts.nullable(), actual: ThreeCosts.nullable() }),
  /**
   * Budget vs final by function code, where a 决算 gives both: the 年初预算 (and 调整预算) its text
   * states for a 类/款/项, with the actual figure and the execution rate stated beside it. In
   * `document.unit`. Whether they agree with the tables is in the audit's findings.
   */
  budgetVsFinal: z.array(BudgetPair),
  audit: z.object({
    engine: z.string(),
    summary: Summary,
    findings: z.array(DatasetFinding),
  }),
});
export type Dataset = z.infer<typeof Dataset>;
