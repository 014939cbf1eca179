import type { CheckResult, Summary } from './model/schemas.ts';

/** The verdict and severity counts of a summary, for a list of results. */
export function countResults(results: CheckResult[]): Pick<Summary, 'checks' | 'ok' | 'rounding' | 'discrepancy' | 'undecided' | 'errors' | 'warnings'> {
  const count = (v: CheckResult['verdict']) => results.filter((r) => r.verdict === v).length;
  return {
    checks: results.length,
    ok: count('ok'),
    rounding: count('rounding'),
    discrepancy: count('discrepancy'),
    undecided: count('undecided'),
    errors: results.filter((r) => r.severity === 'error').length,
    warnings: results.filter((r) => r.severity === 'warning').length,
  };
}
