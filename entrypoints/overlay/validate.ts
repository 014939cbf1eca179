/**
 * The report from the background, validated against the zod schema before anything is drawn
 * from it — in slices, pausing between them, so a report of thousands of findings does not
 * hold the page's main thread for long.
 */
import { z } from 'zod';
import { AuditReport, CheckResult, ReportClaim, ReportTable } from '../../core/model/schemas.ts';

const Head = AuditReport.omit({ checks: true, claims: true, tables: true });
const CHUNK = 150;

type Parsed = { success: true; data: AuditReport } | { success: false; error: string };

export async function validateReport(value: unknown, pause: () => Promise<void>): Promise<Parsed> {
  const v = value as { checks?: unknown; claims?: unknown; tables?: unknown } | null;
  const head = Head.safeParse(value);
  if (!head.success) return { success: false, error: head.error.issues[0]?.message ?? 'invalid report' };
  if (!Array.isArray(v?.checks) || !Array.isArray(v?.tables) || (v?.claims !== undefined && !Array.isArray(v.claims))) return { success: false, error: 'invalid report lists' };
  const lists: [unknown[], z.ZodType][] = [
    [v.tables as unknown[], ReportTable],
    [v.checks as unknown[], CheckResult],
    [(v.claims as unknown[] | undefined) ?? [], ReportClaim],
  ];
  const out: unknown[][] = [];
  for (const [items, schema] of lists) {
    const parsed: unknown[] = [];
    for (let i = 0; i < items.length; i += CHUNK) {
      const r = z.array(schema).safeParse(items.slice(i, i + CHUNK));
      if (!r.success) return { success: false, error: r.error.issues[0]?.message ?? 'invalid report item' };
      parsed.push(...(r.data as unknown[]));
      await pause();
    }
    out.push(parsed);
  }
  const [tables, checks, claims] = out;
  return { success: true, data: { ...head.data, tables, checks, claims: v.claims === undefined ? undefined : claims } as AuditReport };
}
