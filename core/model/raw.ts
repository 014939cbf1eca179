/**
 * What extraction produces: tables as cells or token lines, and the text around them,
 * with source locations. Nothing here is interpreted yet (no numbers, no units, no roles).
 */
import { z } from 'zod';
import { SourceFormat, SourceRef } from './schemas.ts';

export const RawLine = z.object({
  text: z.string(),
  source: SourceRef,
  /** The line begins a paragraph by its layout (a PDF line indented from the text's left edge). */
  start: z.boolean().optional(),
});
export type RawLine = z.infer<typeof RawLine>;

export const RawCell = z.object({
  text: z.string(),
  /** This slot repeats a cell spanning from the left (`col`) or from above (`row`). */
  spanned: z.enum(['col', 'row']).optional(),
  source: SourceRef.optional(),
});
export type RawCell = z.infer<typeof RawCell>;

export const RawGridRow = z.object({ cells: z.array(RawCell), source: SourceRef });
export type RawGridRow = z.infer<typeof RawGridRow>;

export const RawTable = z.object({
  index: z.number().int().min(0),
  /** `grid`: cells by position (HTML, tab-separated text). `stream`: token lines (PDF text). */
  layout: z.enum(['grid', 'stream']),
  /** true when cell positions are reliable (HTML markup with spans expanded). */
  alignedCells: z.boolean(),
  title: RawLine.optional(),
  /** Lines between the title and the body: table number, 部门, 单位. */
  preamble: z.array(RawLine),
  grid: z.array(RawGridRow),
  stream: z.array(RawLine),
  /** Notes, formulas and empty-table statements printed under the table. */
  tail: z.array(RawLine),
  source: SourceRef,
});
export type RawTable = z.infer<typeof RawTable>;

export const RawDocument = z.object({
  format: SourceFormat,
  name: z.string().optional(),
  url: z.string().optional(),
  tables: z.array(RawTable),
  /** Text outside tables, one entry per source line (blank lines kept as ''). */
  text: z.array(RawLine),
  issues: z.array(z.object({ code: z.string(), message: z.string(), source: SourceRef.optional() })),
});
export type RawDocument = z.infer<typeof RawDocument>;
