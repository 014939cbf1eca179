/**
 * What the overlay script (`overlay.js`) offers the content script and the popup's injection:
 * `globalThis.__budgetLensOverlay.start(options)`, idempotent (a second call re-audits).
 */
export interface StartOptions {
  /** Audit even when the page has no table that looks like a budget table. */
  force?: boolean;
  /** What let the page through the gate (shown in the panel). */
  gate?: string;
  /** `performance.now()` when the content script started (for the bench's timings). */
  gateStart?: number;
  /** Invalidated with the content script (extension reloaded or updated). */
  signal?: AbortSignal;
}

export interface OverlayApi {
  start(options: StartOptions): Promise<void>;
}

/** Messages between the page, the background and the popup. */
export type Message =
  | { type: 'bl:analyze'; raw: unknown; lang: 'zh' | 'en' }
  | { type: 'bl:dataset'; raw: unknown; lang: 'zh' | 'en' }
  | { type: 'bl:audit' }
  | { type: 'bl:summary' };

/** What a page reports to the popup. */
export interface TabSummary {
  ok: true;
  audited: boolean;
  gate?: string;
  summary?: { checks: number; ok: number; rounding: number; discrepancy: number; undecided: number };
  tables?: number;
  stopped?: string;
}
