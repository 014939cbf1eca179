/**
 * Domain knowledge kept as data in `data/*.json`: templates, label aliases, classification
 * codes, cross-table ties. This module validates the files with zod (a bad file fails loudly
 * at load time and in `tests/data.test.ts`) and compiles the patterns once.
 */
import { z } from 'zod';
import templatesJson from '../data/templates.json' with { type: 'json' };
import labelsJson from '../data/labels.json' with { type: 'json' };
import classesJson from '../data/function-classes.json' with { type: 'json' };
import tiesJson from '../data/ties.json' with { type: 'json' };
import crosswalkJson from '../data/crosswalk.json' with { type: 'json' };
import { TemplateId } from './model/schemas.ts';
import { labelKey } from './text/normalize.ts';

const ColumnSpec = z.object({ label: z.string(), path: z.array(z.string()) });

export const TemplatesFile = z.object({
  templates: z.array(
    z.object({
      id: TemplateId,
      kind: z.enum(['final', 'budget']),
      name: z.string(),
      tableNo: z.string().optional(),
      twoSided: z.boolean().optional(),
      aliases: z.array(z.string()).min(1),
      columns: z
        .union([z.array(z.array(z.string()).min(1)), z.object({ income: z.array(ColumnSpec), expense: z.array(ColumnSpec) })])
        .optional(),
      /** Another layout the same table is printed in (`国有资本经营…收入支出决算表` with 07's columns). */
      altColumns: z.array(z.array(z.string()).min(1)).optional(),
    }),
  ),
});
export type TemplateSpec = z.infer<typeof TemplatesFile>['templates'][number];

const RoleList = z.array(z.object({ role: z.string(), patterns: z.array(z.string()).min(1) }));
export const LabelsFile = z.object({
  totalWords: z.array(z.string()),
  columnRoles: RoleList,
  nonAdditive: z.array(z.string()),
  stubLabels: z.array(z.string()),
  unitCodeHeaders: z.array(z.string()),
  projectCodeHeaders: z.array(z.string()),
  rowRoles: z.object({ income: RoleList, expense: RoleList, performance: RoleList }),
  emptyStatement: z.array(z.string()),
  unitPatterns: z.record(z.string(), z.string()),
});

export const ClassesFile = z.object({
  classes: z.array(z.object({ code: z.string().regex(/^\d{3}$/), name: z.string(), aliases: z.array(z.string()).optional() })),
  economicClasses: z.array(z.object({ code: z.string().regex(/^\d{3}$/), name: z.string(), group: z.enum(['personnel', 'public']) })),
  economicItems: z.array(z.object({ code: z.string().regex(/^\d{5}$/), name: z.string() })),
});

const ColSel = z.object({
  role: z.union([z.string(), z.array(z.string())]).optional(),
  first: z.literal(true).optional(),
  lineNo: z.number().int().optional(),
  phase: z.enum(['budget', 'final']).optional(),
});
const RowSel = z.object({
  role: z.string().optional(),
  total: z.literal(true).optional(),
  code: z.string().optional(),
  personnelTotal: z.literal(true).optional(),
  publicTotal: z.literal(true).optional(),
  single: z.literal(true).optional(),
});
export const TieTermSchema = z.object({ template: TemplateId, row: RowSel, col: ColSel, sign: z.union([z.literal(1), z.literal(-1)]).optional() });
const Term = TieTermSchema;
export const TiesFile = z.object({
  ties: z.array(
    z.object({
      id: z.string(),
      kind: z.enum(['final', 'budget']),
      zh: z.string(),
      en: z.string(),
      relation: z.enum(['eq', 'ge']).default('eq'),
      /** `eachClass`: repeat for every 类 present; `eachCode`: for every code in either table. */
      each: z.enum(['class', 'code']).optional(),
      condition: z.enum(['onlyFiscal', 'noBalances', 'onlyGpb']).optional(),
      /** Usable to decide which column a figure belongs to (PDF text). */
      solver: z.boolean().default(true),
      stated: Term,
      terms: z.array(Term).min(1),
    }),
  ),
});
export type TieSpec = z.infer<typeof TiesFile>['ties'][number];
export type TieTerm = TieSpec['stated'];

export const CrosswalkFile = z.object({
  pairs: z.array(z.object({ economic: z.array(z.string().regex(/^\d{5}$/)).min(1), function: z.array(z.string().regex(/^\d{7}$/)).min(1), zh: z.string(), en: z.string() })),
});

export const templates = TemplatesFile.parse(templatesJson).templates;
export const crosswalk = CrosswalkFile.parse(crosswalkJson).pairs;
export const labels = LabelsFile.parse(labelsJson);
export const classes = ClassesFile.parse(classesJson);
export const ties = TiesFile.parse(tiesJson).ties;

const compileRoles = (list: z.infer<typeof RoleList>) =>
  list.map((r) => ({ role: r.role, patterns: r.patterns.map((p) => new RegExp(p)) }));

export const columnRoles = compileRoles(labels.columnRoles);
export const incomeRowRoles = compileRoles(labels.rowRoles.income);
export const expenseRowRoles = compileRoles(labels.rowRoles.expense);
export const performanceRowRoles = compileRoles(labels.rowRoles.performance);
export const totalWords = new Set(labels.totalWords.map(labelKey));
export const stubLabels = new Set(labels.stubLabels.map(labelKey));

const roleMemo = new WeakMap<object, Map<string, string | undefined>>();

/** Role of a label against a compiled role list, or undefined. */
export function roleOf(label: string, list: ReturnType<typeof compileRoles>): string | undefined {
  const key = labelKey(label);
  let memo = roleMemo.get(list);
  if (!memo) roleMemo.set(list, (memo = new Map()));
  if (memo.has(key)) return memo.get(key);
  let found: string | undefined;
  for (const r of list) {
    if (r.patterns.some((p) => p.test(key))) {
      found = r.role;
      break;
    }
  }
  if (memo.size > 10_000) memo.clear();
  memo.set(key, found);
  return found;
}

const classByName = new Map<string, string>();
for (const c of classes.classes) {
  for (const n of [c.name, ...(c.aliases ?? [])]) classByName.set(labelKey(n), c.code);
}
/** 类 code for a 总表 row label: `八、社会保障和就业支出` → `208`. */
export function classCodeOfName(label: string): string | undefined {
  const key = labelKey(label);
  const direct = classByName.get(key);
  if (direct) return direct;
  // Labels wrapped or abbreviated: `社会保障和就业` (no 支出).
  return classByName.get(`${key}支出`);
}

export function functionClassName(code: string): string | undefined {
  return classes.classes.find((c) => c.code === code)?.name;
}

/** The name of a 部门支出经济分类 款 (`30113` → 住房公积金), where the data lists it. */
export function economicItemName(code: string): string | undefined {
  return classes.economicItems.find((c) => c.code === code)?.name;
}

/** The economic items whose name is `name` (compared with `same`). */
export function economicItemsNamed(name: string, same: (a: string, b: string) => boolean): { code: string; name: string }[] {
  return classes.economicItems.filter((c) => same(c.name, name));
}

const keyedItems = new WeakMap<(s: string) => string, Map<string, { code: string; name: string }[]>>();

/** The economic items whose name has key `key(name)`: an index built once per key function. */
export function economicItemsKeyed(name: string, key: (s: string) => string): { code: string; name: string }[] {
  let index = keyedItems.get(key);
  if (!index) {
    index = new Map();
    for (const c of classes.economicItems) {
      const k = key(c.name);
      const list = index.get(k);
      if (list) list.push(c);
      else index.set(k, [c]);
    }
    keyedItems.set(key, index);
  }
  return index.get(key(name)) ?? [];
}

export function economicGroup(code: string): 'personnel' | 'public' | undefined {
  return classes.economicClasses.find((c) => c.code === code.slice(0, 3))?.group;
}
