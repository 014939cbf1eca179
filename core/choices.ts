/**
 * The reader's own choices, applied to a report for display: checks switched off (by rule, for
 * every page) and findings marked "not an error" (per page). Nothing is deleted from the
 * engine's report — exports stay complete; the overlay shows the adjusted view and says what
 * it set aside, with the counts. A dismissal holds the figures it was made on: when the page
 * changes and the finding's figures change, the dismissal no longer applies.
 */
import type { AuditReport, CheckResult } from './model/schemas.ts';
import { countResults } from './counts.ts';

export interface Dismissal {
  id: string;
  stated: number | null;
  expected: number | null;
}

export interface Choices {
  /** Rules whose results are not shown (all pages). */
  rulesOff: string[];
  /** Findings marked "not an error", by page (see `pageKey`). */
  dismissed: Record<string, Dismissal[]>;
}

/** Where the extension keeps them (browser.storage.local; the popup and the overlay share it). */
export const CHOICES_KEY = 'bl:choices';

export const NO_CHOICES: Choices = { rulesOff: [], dismissed: {} };

/** The page a dismissal belongs to: its address without the fragment. */
export function pageKey(url: string | undefined): string {
  return (url ?? '').replace(/#.*$/, '');
}

/** Whatever storage held, as choices (a damaged or foreign value counts as none). */
export function readChoices(value: unknown): Choices {
  const v = value as Partial<Choices> | null | undefined;
  const rulesOff = Array.isArray(v?.rulesOff) ? v.rulesOff.filter((r): r is string => typeof r === 'string') : [];
  const dismissed: Record<string, Dismissal[]> = {};
  if (v?.dismissed && typeof v.dismissed === 'object') {
    for (const [page, list] of Object.entries(v.dismissed)) {
      if (!Array.isArray(list)) continue;
      const ok = list.filter((d): d is Dismissal => !!d && typeof d.id === 'string' && (typeof d.stated === 'number' || d.stated === null) && (typeof d.expected === 'number' || d.expected === null));
      if (ok.length) dismissed[page] = ok;
    }
  }
  return { rulesOff, dismissed };
}

export interface Applied {
  /** The report as shown: results of switched-off rules and dismissed findings left out, counts recomputed. */
  report: AuditReport;
  dismissed: CheckResult[];
  /** Results of switched-off rules. */
  hidden: CheckResult[];
}

export function applyChoices(report: AuditReport, choices: Choices, page: string): Applied {
  const off = new Set(choices.rulesOff);
  const marked = choices.dismissed[page] ?? [];
  if (off.size === 0 && marked.length === 0) return { report, dismissed: [], hidden: [] };
  const isDismissed = (c: CheckResult) => c.verdict === 'discrepancy' && marked.some((d) => d.id === c.id && d.stated === c.stated && d.expected === c.expected);
  const shown: CheckResult[] = [];
  const dismissed: CheckResult[] = [];
  const hidden: CheckResult[] = [];
  for (const c of report.checks) {
    if (off.has(c.rule)) hidden.push(c);
    else if (isDismissed(c)) dismissed.push(c);
    else shown.push(c);
  }
  if (dismissed.length === 0 && hidden.length === 0) return { report, dismissed, hidden };
  return { report: { ...report, checks: shown, summary: { ...report.summary, ...countResults(shown) } }, dismissed, hidden };
}

/** Choices with a finding marked "not an error" on a page (or the mark taken back). */
export function withDismissal(choices: Choices, page: string, finding: CheckResult, on: boolean): Choices {
  const list = (choices.dismissed[page] ?? []).filter((d) => d.id !== finding.id);
  if (on) list.push({ id: finding.id, stated: finding.stated, expected: finding.expected });
  const dismissed = { ...choices.dismissed };
  if (list.length) dismissed[page] = list;
  else delete dismissed[page];
  return { ...choices, dismissed };
}

/** Choices with a rule switched off or on. */
export function withRule(choices: Choices, rule: string, on: boolean): Choices {
  const rulesOff = choices.rulesOff.filter((r) => r !== rule);
  if (!on) rulesOff.push(rule);
  return { ...choices, rulesOff: rulesOff.sort() };
}
