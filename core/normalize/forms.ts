/**
 * Forms: tables that are not grids of figures but fill-in forms (绩效目标申报表, 自评表). They
 * mix labelled fields (`项目当年预算 | 99.09`), small tables with their own header rows (收入
 * 构成 / 支出构成 with 当年金额 · 占比 · 近两年), and prose. A form is cut into:
 *   - blocks: header row(s) + the rows of figures under them, each read as a table of its own;
 *   - fields: `label → value` pairs printed side by side, kept as a two-column table.
 * Only tables no template recognises are treated as forms.
 */
import type { RawCell, RawGridRow, RawLine, RawTable } from '../model/raw.ts';
import { parseNumber } from '../text/numbers.ts';
import { compact, hasCjk, isBlankText, toHalfWidth } from '../text/normalize.ts';

export interface FormParts {
  blocks: RawTable[];
  fields: { key: string; value: RawCell; keySource?: RawCell['source'] }[];
}

const MAX_HEADER_CELL = 30;

function isAmount(text: string): boolean {
  const n = parseNumber(text);
  return !!n && (n.decimals > 0 || /,/.test(text) || n.percent || (n.value >= 1 && n.value < 1e7));
}

function cells(row: RawGridRow): RawCell[] {
  return row.cells.filter((c) => !c.spanned);
}

function kind(row: RawGridRow): 'numeric' | 'header' | 'label' | 'prose' | 'blank' {
  const cs = cells(row).filter((c) => !isBlankText(c.text));
  if (cs.length === 0) return 'blank';
  // One or two digits alone are a 序号 or a score (分), not an amount.
  const amount = (c: RawCell) => {
    if (!isAmount(c.text)) return false;
    const t = toHalfWidth(c.text).trim();
    return /[\d.,%]/.test(t) && !/^\d{1,2}$/.test(t);
  };
  // A long explanation beside a figure (测算依据 | 2,798.35) is still a row of figures.
  if (cs.some((c) => c.text.length > 80)) return cs.some((c) => c.text.length <= 30 && amount(c)) ? 'numeric' : 'prose';
  if (cs.some(amount)) return 'numeric';
  if (cs.length >= 2 && cs.every((c) => c.text.length <= MAX_HEADER_CELL && (hasCjk(c.text) || /^\d{4}年?$/.test(toHalfWidth(c.text).trim())))) return 'header';
  return 'label';
}

/** `label | value` pairs on one row: a text cell followed (after blanks) by a figure or a text. */
function fieldsOf(row: RawGridRow): FormParts['fields'] {
  const out: FormParts['fields'] = [];
  const cs = row.cells;
  for (let i = 0; i < cs.length; i++) {
    const k = cs[i];
    if (!k || k.spanned || isBlankText(k.text) || !hasCjk(k.text) || k.text.length > MAX_HEADER_CELL || isAmount(k.text)) continue;
    let j = i + 1;
    while (j < cs.length && (isBlankText(cs[j]?.text ?? '') || cs[j]?.spanned)) j++;
    const v = cs[j];
    if (!v || isBlankText(v.text)) continue;
    out.push({ key: compact(k.text), value: v, keySource: k.source });
    i = j;
  }
  return out;
}

export function splitForm(raw: RawTable): FormParts | undefined {
  if (raw.layout !== 'grid' || raw.grid.length < 3) return undefined;
  const kinds = raw.grid.map(kind);
  const blocks: RawTable[] = [];
  const fields: FormParts['fields'] = [];
  const used = new Set<number>();
  for (let r = 0; r < raw.grid.length; r++) {
    if (kinds[r] !== 'numeric' || used.has(r)) continue;
    // Header rows just above (at most two), not already used.
    const header: number[] = [];
    for (let h = r - 1; h >= 0 && header.length < 2 && !used.has(h); h--) {
      if (kinds[h] === 'header') header.unshift(h);
      else if (kinds[h] === 'blank') continue;
      else break;
    }
    // The run of figures, with label-only rows (blank figures) inside it.
    let end = r;
    for (let k = r + 1; k < raw.grid.length; k++) {
      if (kinds[k] === 'numeric') end = k;
      else if (kinds[k] === 'label' || kinds[k] === 'blank') {
        const next = kinds.slice(k + 1, k + 4).findIndex((x) => x === 'numeric');
        if (next < 0 && !(kinds[k] === 'label' && cells(raw.grid[k] as RawGridRow).filter((c) => !isBlankText(c.text)).length <= 2 && k === end + 1)) break;
      } else break;
    }
    // Trailing label rows that belong to the block (blank figures at the end of a list).
    while (end + 1 < raw.grid.length && kinds[end + 1] === 'label' && cells(raw.grid[end + 1] as RawGridRow).filter((c) => !isBlankText(c.text)).length <= 2) end++;
    if (header.length === 0) {
      // No header: the figures are labelled fields (`项目当年预算 | 99.09`).
      for (let k = r; k <= end; k++) if (kinds[k] === 'numeric') fields.push(...fieldsOf(raw.grid[k] as RawGridRow));
      for (let k = r; k <= end; k++) used.add(k);
      continue;
    }
    const rows = [...header, ...Array.from({ length: end - r + 1 }, (_, i) => r + i)];
    rows.forEach((k) => used.add(k));
    const head = cells(raw.grid[header[0] as number] as RawGridRow).find((c) => !isBlankText(c.text))?.text ?? '';
    const title: RawLine | undefined = raw.title ? { text: `${raw.title.text} · ${head.replace(/\s+/g, '')}`, source: raw.title.source } : undefined;
    blocks.push({
      ...raw,
      index: raw.index,
      title,
      grid: rows.map((k) => raw.grid[k] as RawGridRow),
      tail: [],
      preamble: raw.preamble,
      source: { ...raw.source, line: raw.grid[rows[0] as number]?.source.line ?? raw.source.line },
    });
  }
  // Labelled text fields anywhere (项目名称 | …), for naming the form.
  for (let r = 0; r < raw.grid.length; r++) {
    if (used.has(r) || kinds[r] === 'prose') continue;
    for (const f of fieldsOf(raw.grid[r] as RawGridRow)) if (!isAmount(f.value.text)) fields.push(f);
  }
  if (blocks.length === 0 && fields.length === 0) return undefined;
  return { blocks, fields };
}
