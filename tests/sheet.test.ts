/**
 * Workbooks (.xlsx and Excel 97–2003 .xls): the fixture tables saved by LibreOffice one sheet per
 * table (scripts/make-workbooks.ts) are read into the same checks, with the same verdicts, as the
 * pages they came from; findings point at sheet cells; damaged files give a one-line reason.
 */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../core/analyze.ts';
import { InputError, main, readDisclosure } from '../core/cli.ts';
import type { AuditReport } from '../core/model/schemas.ts';
import { formatNumber } from '../core/sheet/numfmt.ts';
import { readXls } from '../core/sheet/xls.ts';
import { readXlsx } from '../core/sheet/xlsx.ts';
import { extractWorkbook } from '../core/extract/sheet.ts';
import { MAX_SHEET_CELLS } from '../core/sheet/workbook.ts';
import { readWorkbook, workbookKind } from '../core/sheet/open.ts';
import { MAX_ENTRY_BYTES } from '../core/sheet/zip.ts';
import { inflateWithStreams } from '../core/pdf/drawn.ts';

const BOOKS = 'tests/pages/xls';
const NARRATIVE = /^(?:narrative|text-|self-)/;
const audit = async (path: string) => analyzeDocument(await readDisclosure(path), { lang: 'zh' });
const inflate = (d: Uint8Array) => inflateRawSync(d);

/** Checks keyed by rule and place, the table named by its title (table numbers differ between a page and a workbook). */
function keyed(r: AuditReport): Map<string, AuditReport['checks'][number]> {
  const title = new Map(r.tables.map((t) => [t.id, t.title.replace(/\s/g, '')]));
  return new Map(r.checks.map((c) => [c.id.replace(/\bt\d+(?:\.\w+)?/g, (m) => title.get(m) ?? m), c]));
}

/** A ZIP archive of stored entries (for hand-made workbooks). */
function zip(files: Record<string, string>): Uint8Array {
  const enc = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const [name, text] of Object.entries(files)) {
    const n = enc.encode(name);
    const data = enc.encode(text);
    const local = new Uint8Array(30 + n.length);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    lv.setUint32(18, data.length, true);
    lv.setUint32(22, data.length, true);
    lv.setUint16(26, n.length, true);
    local.set(n, 30);
    const c = new Uint8Array(46 + n.length);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint32(20, data.length, true);
    cv.setUint32(24, data.length, true);
    cv.setUint16(28, n.length, true);
    cv.setUint32(42, offset, true);
    c.set(n, 46);
    parts.push(local, data);
    central.push(c);
    offset += local.length + data.length;
  }
  const size = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, size, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

const sheetXml = (rows: string[][]) =>
  `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>${rows
    .map((r, i) => `<row r="${i + 1}">${r.map((v) => (/^-?\d+(\.\d+)?$/.test(v) ? `<c s="1"><v>${v}</v></c>` : `<c t="inlineStr"><is><t>${v}</t></is></c>`)).join('')}</row>`)
    .join('')}</sheetData></worksheet>`;

function workbook(sheets: Record<string, string>): Uint8Array {
  const names = Object.keys(sheets);
  return zip({
    'xl/workbook.xml': `<workbook xmlns:r="r"><sheets>${names.map((n, i) => `<sheet name="${n}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>`,
    'xl/_rels/workbook.xml.rels': `<Relationships>${names.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>`,
    'xl/styles.xml': '<styleSheet><numFmts><numFmt numFmtId="170" formatCode="#,##0.00;-#,##0.00;&quot;&quot;"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="170"/></cellXfs></styleSheet>',
    ...Object.fromEntries(names.map((n, i) => [`xl/worksheets/sheet${i + 1}.xml`, sheets[n] as string])),
  });
}

describe('number formats: a cell as the sheet shows it', () => {
  it.each([
    [6689.8245, '#,##0.00', '6,689.82'],
    [-1234.5, '#,##0.00;[Red]-#,##0.00', '-1,234.50'],
    [0, '#,##0.00;-#,##0.00;""', ''],
    [0, '#,##0.00;-#,##0.00;"-"', '-'],
    [0.0741, '0.00%', '7.41%'],
    [6689.820000000001, 'General', '6689.82'],
    [1234567, '#,##0,', '1,235'],
    [3, '0.00_ ', '3.00'],
    [208, 'General', '208'],
    [0, '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', '-'],
    [1234.567, '_ * #,##0.00_ ;_ * \\-#,##0.00_ ;_ * "-"??_ ;_ @_ ', '1,234.57'],
    [-3.456, '0.00_);[Red]\\(0.00\\)', '-3.46'],
  ])('%s under %s is %s', (value, code, shown) => {
    expect(formatNumber(value, code)).toBe(shown);
  });
});

describe('workbooks', () => {
  it('should read the same cells from the .xlsx and the .xls of one workbook', async () => {
    for (const name of ['donghu-hrss-2023-final', 'jianghan-hr-2024-budget']) {
      const a = await readXlsx(new Uint8Array(readFileSync(`${BOOKS}/${name}.xlsx`)), inflate);
      const b = readXls(new Uint8Array(readFileSync(`${BOOKS}/${name}.xls`)));
      expect(b.sheets.map((s) => s.name)).toEqual(a.sheets.map((s) => s.name));
      expect(b.sheets.map((s) => s.rows)).toEqual(a.sheets.map((s) => s.rows));
      expect(b.sheets.map((s) => s.merges.length)).toEqual(a.sheets.map((s) => s.merges.length));
      expect(a.sheets.length).toBeGreaterThanOrEqual(11);
    }
  });

  for (const [name, page] of [
    ['donghu-hrss-2023-final', 'tests/pages/gov/donghu-hrss-2023-final.trs.html'],
    ['jianghan-hr-2024-budget', 'tests/pages/gov/jianghan-hr-2024-budget.trs.html'],
  ] as const) {
    it(`should give ${name}'s tables the checks and verdicts of its page`, async () => {
      const web = keyed(await audit(page));
      for (const ext of ['xlsx', 'xls']) {
        const r = await audit(`${BOOKS}/${name}.${ext}`);
        expect(r.document.source.format).toBe('spreadsheet');
        expect(r.summary.tablesRecognised).toBeGreaterThanOrEqual(9);
        const book = keyed(r);
        const titles = new Set(r.tables.map((t) => t.title.replace(/\s/g, '')));
        // Every check of the workbook is one of the page's, with the page's verdict …
        for (const [k, c] of book) expect(`${k} ${web.get(k)?.verdict}`).toBe(`${k} ${c.verdict}`);
        // … and every table check of the page on a table the workbook holds is made.
        const onBookTables = [...web].filter(([k, c]) => !NARRATIVE.test(c.rule) && [...titles].some((t) => k.includes(t)));
        const missing = onBookTables.filter(([k]) => !book.has(k)).map(([k]) => k);
        expect(missing).toEqual([]);
        console.log(`${name}.${ext}: ${book.size} checks, all with the page's verdict; the page's table checks on these tables: ${onBookTables.length}`);
      }
    });
  }

  it('should report the injected error on the cells that hold it, located by sheet and cell', async () => {
    const expected = JSON.parse(readFileSync('tests/pages/gov/injected.json', 'utf8'))['donghu-hrss-2023-final.trs.injected.html'].expect as { rule: string; stated: number; expected: number }[];
    const r = await audit(`${BOOKS}/donghu-hrss-2023-final.injected.xls`);
    const found = r.checks.filter((c) => c.verdict === 'discrepancy');
    for (const e of expected) {
      expect(found.some((c) => c.rule === e.rule && c.stated === e.stated && Math.abs((c.expected ?? NaN) - e.expected) < 0.01)).toBe(true);
    }
    for (const c of found) {
      for (const w of c.where.filter((x) => x.value !== null && x.value !== undefined)) expect(w.source?.cell).toMatch(/^公开\d\d表![A-Z]+\d+$/);
    }
    let out = '';
    await main(['audit', `${BOOKS}/donghu-hrss-2023-final.injected.xls`], { out: (s) => (out += s), err: () => {} });
    expect(out).toMatch(/位置：公开05表![A-Z]+\d+/);
    let csv = '';
    await main(['audit', `${BOOKS}/donghu-hrss-2023-final.injected.xls`, '--format', 'csv'], { out: (s) => (csv += s), err: () => {} });
    expect(csv.split('\n').find((l) => l.includes(',discrepancy,'))).toMatch(/公开05表![A-Z]+\d+(; |$)/);
  });

  it('should read a sheet that holds two tables, each under its title, and its notes', async () => {
    const book = workbook({
      Sheet1: sheetXml([
        ['2024年一般公共预算“三公”经费支出表'],
        ['单位：万元'],
        ['合计', '因公出国（境）费', '公务接待费', '公务用车购置及运行费'],
        ['10.00', '0', '4.00', '6.50'],
        ['注：本表反映本部门“三公”经费预算。'],
        ['2024年政府性基金预算支出表'],
        ['单位：万元'],
        ['科目编码', '科目名称', '合计'],
        ['本部门无政府性基金预算支出，此表为空表。'],
      ]),
    });
    const raw = extractWorkbook(await readXlsx(book, inflate), { name: 'two.xlsx' });
    expect(raw.tables.map((t) => t.title?.text)).toEqual(['2024年一般公共预算“三公”经费支出表', '2024年政府性基金预算支出表']);
    expect(raw.tables[0]?.tail.map((l) => l.text)).toEqual(['注：本表反映本部门“三公”经费预算。']);
    const r = analyzeDocument(raw, { lang: 'zh' });
    const three = r.checks.filter((c) => c.verdict === 'discrepancy');
    expect(three.map((c) => [c.stated, c.expected])).toContainEqual([10, 10.5]);
    expect(r.tables[1]?.empty).toBe(true);
  });

  it('should give a one-line reason for damaged or unsupported files, quickly', async () => {
    const xlsx = new Uint8Array(readFileSync(`${BOOKS}/donghu-hrss-2023-final.xlsx`));
    const xls = new Uint8Array(readFileSync(`${BOOKS}/donghu-hrss-2023-final.xls`));
    const reason = async (bytes: Uint8Array, ext: string) => {
      const path = `${process.env.TMPDIR ?? '/tmp'}/bl-sheet-${process.pid}.${ext}`;
      const { writeFileSync, rmSync } = await import('node:fs');
      writeFileSync(path, bytes);
      const t0 = performance.now();
      try {
        const raw = await readDisclosure(path);
        analyzeDocument(raw, { lang: 'zh' });
        return { ok: true as const, ms: performance.now() - t0, issues: raw.issues.map((i) => i.code) };
      } catch (e) {
        expect(e).toBeInstanceOf(InputError);
        expect(String((e as Error).message)).not.toMatch(/\n/);
        return { ok: false as const, ms: performance.now() - t0, message: (e as Error).message };
      } finally {
        rmSync(path, { force: true });
      }
    };
    // A Word document is read as one (tests/word.test.ts); one without text says so.
    const docx = zip({ 'word/document.xml': '<w:document/>' });
    expect(await reason(docx, 'docx')).toMatchObject({ ok: true, issues: expect.arrayContaining(['no-text']) });
    expect((await reason(xlsx.subarray(0, xlsx.length >> 1), 'xlsx')).message).toMatch(/not a ZIP archive|damaged|cut short/);
    // The .xls with its Workbook stream renamed: a compound file that is no workbook.
    const renamed = xls.slice();
    const name = new Uint8Array([...'Workbook'].flatMap((c) => [c.charCodeAt(0), 0]));
    for (let i = 0; i < renamed.length - name.length; i++) if (name.every((b, k) => renamed[i + k] === b)) renamed[i] = 'X'.charCodeAt(0);
    expect((await reason(renamed, 'xls')).message).toMatch(/not an Excel workbook/);
    // Cut anywhere or overwritten anywhere: a report or a reason, never a crash or a hang.
    await fc.assert(
      fc.asyncProperty(fc.boolean(), fc.double({ min: 0.02, max: 0.98, noNaN: true }), fc.integer({ min: 0, max: 255 }), async (isX, at, byte) => {
        const src = isX ? xlsx : xls;
        const cut = Math.floor(src.length * at);
        const bytes = byte % 2 ? src.subarray(0, cut) : Uint8Array.from(src, (b, i) => (i >= cut && i < cut + 64 ? byte : b));
        const r = await reason(bytes, isX ? 'xlsx' : 'xls');
        expect(r.ms).toBeLessThan(2000);
      }),
      { numRuns: 40 },
    );
  });

  it('should stop reading at the cell limit and say so', async () => {
    const rows = Array.from({ length: Math.ceil((MAX_SHEET_CELLS + 1000) / 10) }, (_, i) => Array.from({ length: 10 }, (_, c) => String(i * 10 + c)));
    const raw = extractWorkbook(await readXlsx(workbook({ 大表: sheetXml(rows) }), inflate));
    expect(raw.issues.map((i) => i.code)).toContain('cells-truncated');
    const cells = raw.tables.reduce((s, t) => s + t.grid.reduce((n, r) => n + r.cells.filter((c) => c.text).length, 0), 0);
    expect(cells).toBeLessThanOrEqual(MAX_SHEET_CELLS);
  });
});

describe('workbooks read as the extension reads them', () => {
  const bytes = (name: string) => new Uint8Array(readFileSync(`${BOOKS}/${name}`));

  it('should give the same workbook whether ZIP entries are inflated by zlib or by DecompressionStream', async () => {
    const data = bytes('jianghan-hr-2024-budget.xlsx');
    const byZlib = await readWorkbook(data, inflate);
    const byStreams = await readWorkbook(data, (d) => inflateWithStreams(d, 'deflate-raw', MAX_ENTRY_BYTES));
    expect(byStreams).toEqual(byZlib);
    expect(byZlib.sheets.length).toBeGreaterThan(5);
    expect(workbookKind(bytes('jianghan-hr-2024-budget.xls'))).toBe('xls');
    expect(workbookKind(new TextEncoder().encode('%PDF-1.7'))).toBeUndefined();
  });

  it('should stop inflating a part past its limit, with a reason', async () => {
    const data = bytes('jianghan-hr-2024-budget.xlsx');
    await expect(readWorkbook(data, (d) => inflateWithStreams(d, 'deflate-raw', 1000))).rejects.toThrow(/larger than the limit/);
  });
});
