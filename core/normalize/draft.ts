/**
 * The intermediate shape between extraction and the typed model: value columns and rows
 * whose printed figures may not yet be placed in a column (PDF text drops empty cells).
 */
import type { Column, CodeKind, Side, SourceRef } from '../model/schemas.ts';
import { compact, stripSpaces, toHalfWidth } from '../text/normalize.ts';

export interface DraftValue {
  value: number;
  /** printed as a dash or explicit blank: occupies a column, counts as 0. */
  blank: boolean;
  percent: boolean;
  text: string;
  decimals: number;
  source: SourceRef;
  /** Index of the value column the layout puts it in, when the layout tells. */
  hint?: number;
}

export interface DraftRow {
  code?: string;
  codeKind?: CodeKind;
  label: string;
  /** Outer label of a form row (forward-filled), see forms.ts. */
  group?: string;
  lineNo?: number;
  side?: Side;
  values: DraftValue[];
  /** Cells of text in value columns (`≥85分`, `有效促进`): not numbers. */
  texts: { text: string; hint?: number }[];
  /** Text cells of attribute columns (资金性质, 是否包含政府采购 …), by header. */
  attrs?: Record<string, string>;
  /** Positions are reliable (HTML markup): no inference. */
  fixed: boolean;
  /** Where the empty cells of value columns are (by column index), when positions are reliable. */
  blanks?: Record<number, SourceRef>;
  /** Why the row's figures cannot all be placed (header words printed among them): its cells are undecided. */
  garbled?: string;
  source: SourceRef;
}

export interface TableDraft {
  columns: Column[];
  rows: DraftRow[];
  /** 栏次 printed in the header, per side. */
  columnNumbers?: number[][];
  issues: string[];
  /** Header text, compacted (for template hints). */
  headerText: string;
  /** Code column header says the codes are units / projects. */
  codeHeader?: 'function' | 'economic' | 'unit' | 'project';
}

const FUNCTION_CODE = /^2\d{2}(?:\d{2}){0,2}$/;
const ECONOMIC_CODE = /^(?:3|5)\d{2}(?:\d{2})?$/;

/** Read a code cell: `2080101`, `[30209]物业管理费`, `42010322201 T000000109`. */
export function parseCode(text: string): { code: string; rest: string } | undefined {
  if (text.length > 80 || !/\d{2}/.test(text)) return undefined;
  const t = toHalfWidth(text).trim();
  const bracket = /^[[【(]\s*([0-9A-Z]{3,24})\s*[\]】)]\s*(.*)$/.exec(t);
  if (bracket) return { code: bracket[1] ?? '', rest: bracket[2] ?? '' };
  const compactText = stripSpaces(t);
  if (/^\d{3,9}$/.test(compactText)) return { code: compactText, rest: '' };
  if (/^\d{6,}[A-Z]\d{3,}$/.test(compactText)) return { code: compactText, rest: '' };
  const lead = /^(\d{3,7})\s+([^\d年月日].*)$/.exec(t);
  if (lead) return { code: lead[1] ?? '', rest: lead[2] ?? '' };
  return undefined;
}

export function codeKindOf(code: string, header?: TableDraft['codeHeader']): CodeKind {
  if (header === 'unit') return 'unit';
  if (header === 'project' || /[A-Z]/.test(code) || code.length > 9) return 'project';
  if (header === 'economic' && ECONOMIC_CODE.test(code)) return 'economic';
  if (FUNCTION_CODE.test(code) && code.length !== 6) return 'function';
  if (ECONOMIC_CODE.test(code)) return 'economic';
  return 'other';
}

/** Total-row labels: 合计, 总计, 合 计. */
export function isTotalLabel(label: string): boolean {
  return /^(?:合计|总计|小计)$/.test(compact(label).replace(/[:：]/g, ''));
}
