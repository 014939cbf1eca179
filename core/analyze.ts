/**
 * analyzeDocument(): the one pipeline behind the CLI, the extension and the widgets.
 *
 *   input (text · DOM · PDF text items)
 *      │  1. extract     extract/*: tables as cells or token lines, text around them
 *      ▼
 *   RawDocument
 *      │  2. normalize   normalize/*: templates, units, columns, rows, roles; figures whose
 *      ▼                 column the layout lost are kept as candidates
 *   WorkDocument ── 3. identities (checks/*) ──► 4. solve (solve/columns.ts): place figures
 *      │  5. check       identities again on the placed figures, judged with the rounding
 *      ▼                 model; non-arithmetic checks add their own results
 *   CheckResult[]
 *      │  6. report      report.ts: AuditReport (the JSON contract), text, CSV
 *      ▼
 *   AuditReport
 *
 * Pure: no I/O, no clock, no randomness; the same input gives the same report everywhere.
 */
import type { RawDocument } from './model/raw.ts';
import type { AuditReport, CheckResult } from './model/schemas.ts';
import { normalizeDocument, type WorkDocument } from './normalize/document.ts';
import { checkList } from './checks/index.ts';
import { evaluate, isBlankIdentity, type Identity } from './checks/identity.ts';
import { uniqueById } from './checks/select.ts';
import { propagatedCauses } from './checks/causes.ts';
import { solveColumns } from './solve/columns.ts';
import { doubtScatteredReadings } from './solve/doubt.ts';
import { type Lang, message } from './messages.ts';
import { buildReport } from './report.ts';
import { extractText, type TextExtractOptions } from './extract/text.ts';

export interface AnalyzeOptions {
  lang?: Lang;
}

export function collectIdentities(work: WorkDocument, results: CheckResult[], lang: Lang, scope?: ReadonlySet<number>): Identity[] {
  const out: Identity[] = [];
  for (const check of checkList) {
    if (!check.identities) continue;
    try {
      out.push(...check.identities(work, scope));
    } catch (e) {
      results.push(internalError(check.id, e, lang));
    }
  }
  return uniqueById(out);
}

function internalError(rule: string, e: unknown, lang: Lang): CheckResult {
  const error = e instanceof Error ? e.message : String(e);
  return {
    id: `${rule}/internal-error`,
    rule,
    verdict: 'undecided',
    severity: 'error',
    message: message('check.undecided', lang, { reason: message('reason.internal', lang, { error }) }),
    messageKey: 'reason.internal',
    stated: null,
    expected: null,
    difference: null,
    tolerance: null,
    formula: '',
    where: [],
    reason: error,
  };
}

/** Run every check on a normalised document. */
export function runChecks(work: WorkDocument, lang: Lang): CheckResult[] {
  const errors: CheckResult[] = [];
  // 3. Identities from structure alone, 4. used to place figures the layout left unplaced.
  //    Only tables with figures to place need their own identities here; ties span tables.
  const scope = new Set(work.tables.flatMap((t, i) => (t.pending.size > 0 ? [i] : [])));
  if (scope.size > 0) solveColumns(work, collectIdentities(work, [], lang, scope));
  // 5. Identities on the placed figures, each judged.
  const identities = collectIdentities(work, errors, lang);
  const byRule = new Map<string, CheckResult[]>();
  for (const id of identities) {
    if (!id.keepBlank && isBlankIdentity(work, id)) continue;
    let r: CheckResult;
    try {
      r = evaluate(work, id, lang);
    } catch (e) {
      r = internalError(id.rule, e, lang);
    }
    const list = byRule.get(id.rule);
    if (list) list.push(r);
    else byRule.set(id.rule, [r]);
  }
  // A total off only because one of its items is: said on the total's finding.
  propagatedCauses([...byRule.values()].flat(), lang);
  for (const check of checkList) {
    if (!check.findings) continue;
    try {
      for (const r of check.findings(work, lang)) {
        const list = byRule.get(r.rule);
        if (list) list.push(r);
        else byRule.set(r.rule, [r]);
      }
    } catch (e) {
      errors.push(internalError(check.id, e, lang));
    }
  }
  const results: CheckResult[] = [];
  const seen = new Set<string>();
  for (const check of checkList) {
    for (const r of byRule.get(check.id) ?? []) {
      if (seen.has(r.id)) continue;
      seen.add(r.id);
      results.push(r);
    }
  }
  // Results filed under another rule (coverage reports ties as cross-table).
  for (const [rule, list] of byRule) {
    if (checkList.some((c) => c.id === rule)) continue;
    for (const r of list) if (!seen.has(r.id)) results.push(r);
  }
  return [...doubtScatteredReadings(work, results, lang), ...errors];
}

/** 1–6 for an already extracted document. */
export function analyzeDocument(raw: RawDocument, options: AnalyzeOptions = {}): AuditReport {
  const lang = options.lang ?? 'zh';
  const work = normalizeDocument(raw);
  const results = runChecks(work, lang);
  return buildReport(work, results, lang);
}

/** Plain text (tab-separated tables or PDF text) → report. */
export function analyzeText(text: string, options: AnalyzeOptions & TextExtractOptions = {}): AuditReport {
  return analyzeDocument(extractText(text, options), options);
}
