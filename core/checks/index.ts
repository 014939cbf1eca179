/**
 * The check registry. Registry order = report order. Adding a check: one file in this folder,
 * one line here (`npm run new:check <id>` scaffolds both, plus a message and a test). The
 * `satisfies` clause makes a rule without a check, or a check without a rule, a type error.
 */
import type { RuleId } from '../messages.ts';
import type { Check } from './types.ts';
import { noteFormula } from './note-formula.ts';
import { columnTotal } from './column-total.ts';
import { summaryBalance } from './summary-balance.ts';
import { functionHierarchy } from './function-hierarchy.ts';
import { economicHierarchy } from './economic-hierarchy.ts';
import { rowOutline } from './row-outline.ts';
import { crossTable } from './cross-table.ts';
import { unitPrice } from './unit-price.ts';
import { emptyTable } from './empty-table.ts';
import { codeName } from './code-name.ts';
import { tableCoverage } from './table-coverage.ts';
import { narrativeExplained } from './narrative-explained.ts';
import { tableDetail } from './table-detail.ts';
import { groupTotal } from './group-total.ts';
import { shareColumn } from './share-column.ts';
import { changeColumn } from './change-column.ts';
import { executionColumn } from './execution-column.ts';
import { projectBudget } from './project-budget.ts';
import { crosswalkCheck } from './crosswalk.ts';
import { procurementServices } from './procurement-services.ts';
import { procurementWithinBudget } from './procurement-within-budget.ts';
import { narrativeTable } from './narrative-table.ts';
import { narrativeChange } from './narrative-change.ts';
import { narrativeShare } from './narrative-share.ts';
import { narrativeExecution } from './narrative-execution.ts';
import { narrativeComparison } from './narrative-comparison.ts';
import { narrativeWithin } from './narrative-within.ts';
import { narrativeReception } from './narrative-reception.ts';
import { narrativeSum } from './narrative-sum.ts';
import { narrativeRepeat } from './narrative-repeat.ts';
import { narrativeUnit } from './narrative-unit.ts';
import { narrativeAbsence } from './narrative-absence.ts';
import { narrativeDirection } from './narrative-direction.ts';
import { narrativeWording } from './narrative-wording.ts';
import { narrativeItems } from './narrative-items.ts';
import { tableDepartment } from './table-department.ts';
import { tableYear } from './table-year.ts';
import { tableUnit } from './table-unit.ts';
import { narrativeYear } from './narrative-year.ts';
import { textArithmetic } from './text-arithmetic.ts';
import { narrativeCoverage } from './narrative-coverage.ts';
import { selfEvaluation } from './self-evaluation.ts';
import { narrativeNaming } from './narrative-naming.ts';

export const checks = {
  'note-formula': noteFormula,
  'column-total': columnTotal,
  'summary-balance': summaryBalance,
  'function-hierarchy': functionHierarchy,
  'economic-hierarchy': economicHierarchy,
  'row-outline': rowOutline,
  'group-total': groupTotal,
  'share-column': shareColumn,
  'change-column': changeColumn,
  'execution-column': executionColumn,
  'project-budget': projectBudget,
  'cross-table': crossTable,
  crosswalk: crosswalkCheck,
  'unit-price': unitPrice,
  'procurement-services': procurementServices,
  'procurement-within-budget': procurementWithinBudget,
  'empty-table': emptyTable,
  'code-name': codeName,
  'table-detail': tableDetail,
  'table-coverage': tableCoverage,
  'table-department': tableDepartment,
  'table-year': tableYear,
  'table-unit': tableUnit,
  'narrative-table': narrativeTable,
  'narrative-change': narrativeChange,
  'narrative-share': narrativeShare,
  'narrative-execution': narrativeExecution,
  'narrative-comparison': narrativeComparison,
  'narrative-within': narrativeWithin,
  'narrative-reception': narrativeReception,
  'narrative-sum': narrativeSum,
  'narrative-repeat': narrativeRepeat,
  'narrative-unit': narrativeUnit,
  'narrative-absence': narrativeAbsence,
  'narrative-direction': narrativeDirection,
  'text-arithmetic': textArithmetic,
  'self-evaluation': selfEvaluation,
  'narrative-naming': narrativeNaming,
  'narrative-explained': narrativeExplained,
  'narrative-wording': narrativeWording,
  'narrative-items': narrativeItems,
  'narrative-year': narrativeYear,
  // Last: reports the figures the checks above could not use.
  'narrative-coverage': narrativeCoverage,
} as const satisfies Record<RuleId, Check>;

export const checkList: Check[] = Object.values(checks);
