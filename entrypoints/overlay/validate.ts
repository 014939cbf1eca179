/**
 * The report from the background, checked against the JSON Schema generated from the zod
 * report schema (data/schema/audit-report.schema.json) before anything is drawn from it — in
 * slices, pausing between them, so a report of thousands of findings does not hold the page's
 * main thread. (core/json-schema.ts interprets the schema: no zod in the overlay's bundle.)
 */
import schemaJson from '../../data/schema/audit-report.schema.json' with { type: 'json' };
import { type JsonSchema, schemaError } from '../../core/json-schema.ts';
import type { AuditReport } from '../../core/model/schemas.ts';

const schema = schemaJson as unknown as JsonSchema;
const LISTS = ['tables', 'checks', 'claims'] as const;
/** The report without its long lists (checked item by item). */
const head: JsonSchema = {
  ...schema,
  properties: Object.fromEntries(Object.entries(schema.properties ?? {}).filter(([k]) => !(LISTS as readonly string[]).includes(k))),
  required: (schema.required ?? []).filter((k) => !(LISTS as readonly string[]).includes(k)),
  additionalProperties: true,
};
const CHUNK = 200;

type Checked = { success: true; data: AuditReport } | { success: false; error: string };

export async function validateReport(value: unknown, pause: () => Promise<void>): Promise<Checked> {
  const headError = schemaError(head, value);
  if (headError) return { success: false, error: headError };
  const v = value as Record<string, unknown>;
  for (const list of LISTS) {
    const items = v[list];
    const required = schema.required?.includes(list);
    if (items === undefined && !required) continue;
    if (!Array.isArray(items)) return { success: false, error: `$.${list}: expected array` };
    const itemSchema = schema.properties?.[list]?.items;
    if (!itemSchema) continue;
    for (let i = 0; i < items.length; i++) {
      const e = schemaError(itemSchema, items[i], `$.${list}[${i}]`);
      if (e) return { success: false, error: e };
      if ((i + 1) % CHUNK === 0) await pause();
    }
  }
  for (const k of Object.keys(v)) if (!(k in (schema.properties ?? {}))) return { success: false, error: `$.${k}: not allowed` };
  return { success: true, data: value as AuditReport };
}
