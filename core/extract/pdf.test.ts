import { describe, expect, it } from 'vitest';
import { extractPdf, latticeRegions, unifyColumns, type PdfPage, type PdfRect, type PdfTextItem } from './pdf.ts';

const H = 800;
/** A text item at top-left coordinates (x, top of its line), 10 pt high. */
const text = (str: string, x: number, top: number, w = str.length * 10): PdfTextItem => ({ str, x, y: H - top - 10, w, h: 10 });
/** A thin rule from (x1, y1) to (x2, y2), top-left coordinates. */
const rule = (x1: number, y1: number, x2: number, y2: number): PdfRect =>
  y1 === y2 ? { x: x1, y: H - y1 - 0.5, w: x2 - x1, h: 0.5 } : { x: x1 - 0.25, y: H - y2, w: 0.5, h: y2 - y1 };

/** Rules of a grid with the cells listed in `merged` (row-major indices) joined to their right/below neighbour. */
function grid(xs: number[], ys: number[], joinRight: Set<string> = new Set(), joinDown: Set<string> = new Set()): PdfRect[] {
  const out: PdfRect[] = [];
  for (let i = 0; i + 1 < ys.length; i++) {
    for (let j = 0; j + 1 < xs.length; j++) {
      const [x0, x1, y0, y1] = [xs[j] as number, xs[j + 1] as number, ys[i] as number, ys[i + 1] as number];
      if (i === 0) out.push(rule(x0, y0, x1, y0));
      if (j === 0) out.push(rule(x0, y0, x0, y1));
      if (!joinRight.has(`${i},${j}`)) out.push(rule(x1, y0, x1, y1));
      if (!joinDown.has(`${i},${j}`)) out.push(rule(x0, y1, x1, y1));
    }
  }
  return out;
}

const page = (number: number, items: PdfTextItem[], rects: PdfRect[] = []): PdfPage => ({ number, width: 600, height: H, items, rects });

describe('PDF reader: ruled tables', () => {
  it('should cut a text run that stands over two cells (`行次 金` as one item) at the column edge', () => {
    // Chromium prints the words of neighbouring cells on one baseline as one run: before, the whole
    // run went to the cell of its centre (`行次 金` | `额`), the 行次 column read as figures.
    const xs = [50, 200, 230, 300];
    const ys = [100, 120, 140];
    const items = [
      text('2023年度收入支出决算总表', 50, 60),
      text('项 目', 55, 105, 30),
      text('行次 金', 202, 105, 35),
      text('额', 240, 105, 10),
      text('本年收入合计', 55, 125),
      text('27', 205, 125, 10),
      text('775.40', 235, 125, 30),
    ];
    const raw = extractPdf([page(1, items, grid(xs, ys))]);
    expect(raw.tables[0]?.grid.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['项 目', '行次', '金额'],
      ['本年收入合计', '27', '775.40'],
    ]);
  });

  it('should rebuild a grid with a colspan and a rowspan from the rules', () => {
    const xs = [50, 200, 300, 400];
    const ys = [100, 120, 140, 160, 180];
    // 项目 spans two header rows; 本年支出 spans two columns.
    const rects = grid(xs, ys, new Set(['0,1']), new Set(['0,0']));
    const items = [
      text('2023年度一般公共预算财政拨款支出决算表', 50, 60),
      text('单位：万元', 50, 80),
      text('项目', 55, 105),
      text('本年支出', 205, 102),
      text('基本支出', 205, 125),
      text('项目支出', 305, 125),
      text('合计', 55, 145),
      text('30.00', 205, 145, 30),
      text('70.00', 305, 145, 30),
      text('208 社会保障和就业支出', 55, 165),
      text('30.00', 205, 165, 30),
      text('70.00', 305, 165, 30),
    ];
    const raw = extractPdf([page(1, items, rects)]);
    expect(raw.format).toBe('pdf');
    expect(raw.tables).toHaveLength(1);
    const t = raw.tables[0];
    expect(t?.title?.text).toBe('2023年度一般公共预算财政拨款支出决算表');
    expect(t?.grid.map((r) => r.cells.map((c) => `${c.spanned ? '~' : ''}${c.text}`))).toEqual([
      ['项目', '本年支出', '~本年支出'],
      ['~项目', '基本支出', '项目支出'],
      ['合计', '30.00', '70.00'],
      ['208 社会保障和就业支出', '30.00', '70.00'],
    ]);
    // cells are named as on a page: the spanned slot points at its cell
    expect(t?.grid[1]?.cells[0]?.source?.path).toBe('t0.r0.c0');
    expect(t?.grid[2]?.cells[1]?.source).toMatchObject({ path: 't0.r2.c1', page: 1 });
  });

  it('should give every cell and line its box, and the pieces of a line their offsets', () => {
    const boxes = new Map<string, unknown>();
    const pieces = new Map<string, { start: number; end: number }[]>();
    extractPdf([page(2, [text('收入 1,234.56 万元', 50, 40), text('a', 55, 105), text('1.00', 205, 105, 40)], grid([50, 200, 300], [100, 120]))], {
      onBox: (p, b) => boxes.set(p, b),
      onLine: (p, l) => pieces.set(p, l.map(({ start, end }) => ({ start, end }))),
    });
    const cell = boxes.get('t0.r0.c1') as { page: number; x: number; y: number; w: number; h: number };
    expect([cell.page, cell.x, cell.y, cell.w, cell.h].map((v) => Math.round(v))).toEqual([2, 200, 100, 100, 20]);
    expect(boxes.get('l0')).toMatchObject({ page: 2, x: 50 });
    expect(pieces.get('l0')).toEqual([{ start: 0, end: 14 }]);
  });

  it('should keep wrapped lines of a cell together and a line break where the author put one', () => {
    const rects = grid([50, 150], [100, 150]);
    // Two lines: the first reaches the cell's right edge (a wrap), the next is short (ends), then a third.
    const items = [text('一二三四五六七八九', 52, 102), text('十。', 52, 115), text('新行', 52, 128)];
    const raw = extractPdf([page(1, items, rects)]);
    expect(raw.tables[0]?.grid[0]?.cells[0]?.text).toBe('一二三四五六七八九十。\n新行');
  });

  it('should join a table continued on the next page, columns unified, page numbers dropped', () => {
    const xs = [50, 200, 300];
    const first = page(1, [text('2023年度收入决算表', 50, 60), text('项目', 55, 705), text('金额', 205, 705), text('合计', 55, 725), text('9.00', 205, 725, 40), text('- 1 -', 280, 770)], grid(xs, [700, 720, 740]));
    // The second part draws one more rule (a column split) but keeps the outer edges.
    const second = page(2, [text('208', 55, 105), text('5.00', 205, 105, 40), text('20801', 55, 125), text('4.00', 205, 125, 40)], grid([50, 120, 200, 300], [100, 120, 140]));
    const raw = extractPdf([first, second]);
    expect(raw.tables).toHaveLength(1);
    expect(raw.tables[0]?.grid).toHaveLength(4);
    expect(raw.text.map((l) => l.text)).not.toContain('- 1 -');
  });

  it('should find no table where rules do not make a grid', () => {
    expect(latticeRegions(page(1, [], [rule(50, 100, 500, 100), rule(50, 300, 500, 300)]))).toEqual([]);
  });

  it('should refuse to unify parts whose outer edges differ', () => {
    const a = latticeRegions(page(1, [], grid([50, 200, 300], [100, 120])))[0];
    const b = latticeRegions(page(1, [], grid([80, 200, 400], [100, 120])))[0];
    expect(a && b && unifyColumns(a, b)).toBe(false);
  });
});

describe('PDF reader: tables without rules', () => {
  it('should read a table printed without rules as text laid out by position, each line keeping its page and boxes', () => {
    const rows = [
      ['科目编码', '科目名称', '合计'],
      ['208', '社会保障和就业支出', '30.00'],
      ['20801', '人力资源和社会保障管理事务', '30.00'],
      ['2080101', '行政运行', '30.00'],
    ];
    const items = rows.flatMap((r, i) => [text(r[0] as string, 50, 100 + i * 24), text(r[1] as string, 150, 100 + i * 24), text(r[2] as string, 450, 100 + i * 24, 40)]);
    const boxes = new Map<string, unknown>();
    const raw = extractPdf([page(1, [text('2023年度一般公共预算财政拨款支出决算表', 50, 60), ...items])], { onBox: (p, b) => boxes.set(p, b) });
    expect(raw.format).toBe('pdf');
    expect(raw.tables).toHaveLength(1);
    const t = raw.tables[0];
    expect(t?.layout).toBe('stream');
    // each row a line, its cells apart by runs of spaces, at their columns
    const lines = [...(t?.preamble ?? []), ...(t?.stream ?? [])].map((l) => l.text);
    for (const r of rows) expect(lines.some((l) => l.trim().split(/\s{2,}/).join('|') === r.join('|')), r.join('|')).toBe(true);
    const at = (s: string) => lines.find((l) => l.includes(s))?.indexOf(s);
    expect(at('社会保障和就业支出')).toBe(at('行政运行'));
    expect(t?.source).toMatchObject({ page: 1, path: 't0' });
    for (const l of t?.stream ?? []) {
      expect(l.source.page).toBe(1);
      expect(boxes.get(l.source.path ?? '')).toMatchObject({ page: 1 });
    }
  });

  it('should read running text as lines in reading order, indented ones starting paragraphs', () => {
    const raw = extractPdf([page(1, [text('第二段。', 70, 140), text('第一段的第一行', 70, 100), text('第一段的第二行', 50, 114), text('第二段的第二行', 50, 154), text('x', 50, 200)])]);
    expect(raw.text.map((l) => [l.text, l.start ?? false])).toEqual([
      ['第一段的第一行', true],
      ['第一段的第二行', false],
      ['第二段。', true],
      ['第二段的第二行', false],
      ['x', false],
    ]);
  });
});
