// `npx tsx scripts/make-workbooks.ts`: the fixture workbooks (tests/pages/xls/), one sheet per
// table as departments publish their 决算/预算 tables as a spreadsheet: the title merged across
// the top, the table number and the unit on the row below, the header with its merged cells, the
// figures as numbers with a number format (thousands, two decimals), the notes merged under the
// table. Written as a flat OpenDocument spreadsheet, then saved by LibreOffice as .xlsx and as
// Excel 97–2003 .xls (BIFF8). Needs LibreOffice (Debian: apt-get install libreoffice-calc-nogui).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { extractHtmlString } from '../core/node/html.ts';
import type { RawTable } from '../core/model/raw.ts';
import { parseNumber } from '../core/text/numbers.ts';

const OUT = 'tests/pages/xls';
const BOOKS: Record<string, { page: string; as: ('xlsx' | 'xls')[] }> = {
  'donghu-hrss-2023-final': { page: 'tests/pages/gov/donghu-hrss-2023-final.trs.html', as: ['xlsx', 'xls'] },
  'jianghan-hr-2024-budget': { page: 'tests/pages/gov/jianghan-hr-2024-budget.trs.html', as: ['xlsx', 'xls'] },
  // The page with an injected error (tests/pages/gov/injected.json says which findings it gives).
  'donghu-hrss-2023-final.injected': { page: 'tests/pages/gov/donghu-hrss-2023-final.trs.injected.html', as: ['xls'] },
};
const FILTERS = { xlsx: 'xlsx:Calc MS Excel 2007 XML', xls: 'xls:MS Excel 97' } as const;
/** The titled tables, up to the standard ones (the performance forms are Word documents). */
const MAX_TABLES = 12;
const tablesOf = (tables: RawTable[]) => tables.filter((t) => t.title).slice(0, MAX_TABLES);

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function cellXml(text: string, span: { cols: number; rows: number } | undefined): string {
  const spans = span ? ` table:number-columns-spanned="${span.cols}" table:number-rows-spanned="${span.rows}"` : '';
  const n = text.includes('\n') ? undefined : parseNumber(text);
  const paras = text.split('\n').map((l) => `<text:p>${esc(l)}</text:p>`).join('');
  if (n && !n.percent && /\d/.test(text)) {
    // Amounts keep their printed form through a number format; whole numbers without a comma
    // (codes, 栏次) are typed in as plain numbers (General), as a clerk types them.
    const style = n.decimals === 2 ? 'ce2' : n.decimals === 1 ? 'ce1' : /,/.test(text) ? 'ce0' : undefined;
    return `<table:table-cell${style ? ` table:style-name="${style}"` : ''} office:value-type="float" office:value="${n.value}"${spans}>${paras}</table:table-cell>`;
  }
  return `<table:table-cell office:value-type="string"${spans}>${paras}</table:table-cell>`;
}

function sheetXml(t: RawTable, name: string): string {
  const width = Math.max(1, ...t.grid.map((r) => r.cells.length));
  const rows: string[] = [];
  const full = (text: string) =>
    `<table:table-row>${cellXml(text, { cols: width, rows: 1 })}${'<table:covered-table-cell/>'.repeat(width - 1)}</table:table-row>`;
  if (t.title) rows.push(full(t.title.text));
  // The table number at the left, the unit at the right (as the templates print them).
  const pre = t.preamble.map((p) => p.text);
  if (pre.length) {
    const cells = [pre.slice(0, -1).join(' '), ...Array(Math.max(0, width - 2)).fill(''), pre[pre.length - 1] ?? ''].slice(0, width);
    rows.push(`<table:table-row>${cells.map((c) => cellXml(c, undefined)).join('')}</table:table-row>`);
  }
  // Merged cells: the cells one source path covers (a rowspan/colspan of the page).
  const seen = new Set<string>();
  t.grid.forEach((row, r) => {
    const out: string[] = [];
    row.cells.forEach((cell, c) => {
      const path = cell.source?.path ?? '';
      if (cell.spanned || seen.has(path)) {
        out.push('<table:covered-table-cell/>');
        return;
      }
      seen.add(path);
      let cols = 1;
      while (row.cells[c + cols]?.source?.path === path && path) cols++;
      let rows2 = 1;
      while (t.grid[r + rows2]?.cells[c]?.source?.path === path && path) rows2++;
      out.push(cellXml(cell.text, cols > 1 || rows2 > 1 ? { cols, rows: rows2 } : undefined));
    });
    rows.push(`<table:table-row>${out.join('')}</table:table-row>`);
  });
  for (const l of t.tail) rows.push(full(l.text));
  return `<table:table table:name="${esc(name)}">${'<table:table-column/>'.repeat(width)}${rows.join('')}</table:table>`;
}

function fods(tables: RawTable[]): string {
  const used = new Set<string>();
  const sheets = tables.map((t, i) => {
    const no = t.preamble.map((p) => /公开\s*\d+\s*表|预算\s*\d+\s*表/.exec(p.text)?.[0]).find(Boolean);
    let name = (no ?? `${(t.title?.text ?? `表${i + 1}`).replace(/^\s*\d{4}\s*年(?:度)?/, '')}`).replace(/[[\]:*?/\\]/g, '').slice(0, 31);
    while (used.has(name)) name = `${name.slice(0, 28)}(${i + 1})`;
    used.add(name);
    return sheetXml(t, name);
  });
  const numberStyle = (name: string, decimals: number) =>
    `<number:number-style style:name="${name}"><number:number number:decimal-places="${decimals}" number:min-decimal-places="${decimals}" number:min-integer-digits="1" number:grouping="true"/></number:number-style>`;
  return `<?xml version="1.0" encoding="UTF-8"?>
<office:document xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" xmlns:number="urn:oasis:names:tc:opendocument:xmlns:datastyle:1.0" xmlns:fo="urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0" office:version="1.2" office:mimetype="application/vnd.oasis.opendocument.spreadsheet">
<office:automatic-styles>${numberStyle('N0', 0)}${numberStyle('N1', 1)}${numberStyle('N2', 2)}
<style:style style:name="ce0" style:family="table-cell" style:data-style-name="N0"/>
<style:style style:name="ce1" style:family="table-cell" style:data-style-name="N1"/>
<style:style style:name="ce2" style:family="table-cell" style:data-style-name="N2"/>
</office:automatic-styles>
<office:body><office:spreadsheet>${sheets.join('\n')}</office:spreadsheet></office:body></office:document>`;
}

const dir = mkdtempSync(join(tmpdir(), 'bl-books-'));
for (const [name, { page, as }] of Object.entries(BOOKS)) {
  const raw = extractHtmlString(readFileSync(page, 'utf8'), { name });
  const src = join(dir, `${name}.fods`);
  writeFileSync(src, fods(tablesOf(raw.tables)));
  for (const ext of as) {
    execFileSync('soffice', ['--headless', '--convert-to', FILTERS[ext], '--outdir', dir, src], { stdio: 'ignore' });
    renameSync(join(dir, `${name}.${ext}`), join(OUT, `${name}.${ext}`));
    console.log(`${OUT}/${name}.${ext} ← ${page} (${tablesOf(raw.tables).length} tables)`);
  }
}
