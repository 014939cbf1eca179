/**
 * PDFs: the fixture documents printed to PDF by Chromium (tests/pages/pdf/, see
 * scripts/make-pdfs.mjs) give through the PDF reader the findings the HTML reader gives on the
 * same pages; an injected error is found; bad PDFs say what is wrong and stop.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../core/analyze.ts';
import { extractHtmlString } from '../core/node/html.ts';
import { extractPdfBytes } from '../core/node/pdf.ts';
import type { AuditReport } from '../core/model/schemas.ts';
import { formatText } from '../core/report.ts';

/** Every figure and sentence a finding names is on a page of the PDF, and the text report says which. */
function expectPages(r: AuditReport): void {
  for (const c of r.checks) for (const w of c.where) if ((w.table && w.value !== null) || w.quote) expect(w.source?.page, `${c.id}`).toBeGreaterThan(0);
  const places = formatText(r).split('\n').filter((l) => /^\s+位置：/.test(l));
  expect(places.length).toBeGreaterThan(0);
  for (const l of places) expect(l).toMatch(/^\s+位置：第[\d, ]+ 页$/);
}

/** Taken before any test loads pdf.js. */
const NATIVE_PUSH = Array.prototype.push;
const pdf = async (f: string) => analyzeDocument(await extractPdfBytes(new Uint8Array(readFileSync(`tests/pages/pdf/${f}`)), { name: f }));
const html = (f: string) => analyzeDocument(extractHtmlString(readFileSync(`tests/pages/gov/${f}`, 'utf8'), { name: f }));
const findings = (r: AuditReport) =>
  r.checks
    .filter((c) => c.verdict === 'discrepancy' || c.verdict === 'rounding')
    .map((c) => `${c.rule} ${c.verdict} ${c.stated} ${c.expected === null ? '' : c.expected.toFixed(2)}`)
    .sort();
const injected = JSON.parse(readFileSync('tests/pages/gov/injected.json', 'utf8')) as Record<string, { expect: { rule: string; stated: number; expected: number }[] }>;

describe('fixture PDFs', () => {
  for (const name of ['donghu-hrss-2023-final', 'hanyang-hr-2023-final', 'jianghan-hr-2024-budget']) {
    it(`${name}.pdf: the same tables and findings as its web page`, async () => {
      const fromPdf = await pdf(`${name}.pdf`);
      const fromPage = html(`${name}.trs.html`);
      expect(fromPdf.document.source.format).toBe('pdf');
      expect(fromPdf.tables.map((t) => `${t.template} ${t.rows.length}`)).toEqual(fromPage.tables.map((t) => `${t.template} ${t.rows.length}`));
      expect(findings(fromPdf)).toEqual(findings(fromPage));
      expect(Math.abs(fromPdf.summary.checks - fromPage.summary.checks)).toBeLessThanOrEqual(Math.ceil(fromPage.summary.checks * 0.02));
      expectPages(fromPdf);
    }, 30_000);
  }

  it('donghu-hrss-2023-final.injected.pdf: the changed figure raises exactly the expected findings', async () => {
    const base = new Set(findings(await pdf('donghu-hrss-2023-final.pdf')));
    const added = [...new Set(findings(await pdf('donghu-hrss-2023-final.injected.pdf')).filter((k) => !base.has(k)))].sort();
    const want = (injected['donghu-hrss-2023-final.trs.injected.html']?.expect ?? []).map((e) => `${e.rule} discrepancy ${e.stated} ${e.expected.toFixed(2)}`);
    expect(added).toEqual([...new Set(want)].sort());
  }, 30_000);
});

describe('a PDF in small type', () => {
  it('made-up-final.pdf: its narrow cells read as they are, the same tables and checks as its page', async () => {
    // The made-up 决算 as a plain page in 10px type (scripts/make-final-sample.mjs): Chromium prints
    // the words of neighbouring header cells as one run (`行次 金`). Before: the 行次 columns read
    // as figures, 75 false discrepancies.
    const fromPdf = await pdf('made-up-final.pdf');
    const fromPage = analyzeDocument(extractHtmlString(readFileSync('tests/pages/pdf/made-up-final.html', 'utf8'), { name: 'made-up-final.html' }));
    expect(fromPdf.tables.map((t) => `${t.template} ${t.rows.length}`)).toEqual(fromPage.tables.map((t) => `${t.template} ${t.rows.length}`));
    expect(findings(fromPdf)).toEqual([]);
    expect(fromPdf.summary).toEqual({ ...fromPage.summary });
    expectPages(fromPdf);
  }, 30_000);
});

describe('PDFs whose tables are printed without rules', () => {
  /** Checks of the tables' arithmetic. */
  const isTableCheck = (c: AuditReport['checks'][number]) => !/^(?:narrative|text-arithmetic|self-evaluation|group-total|project-budget|table-coverage)/.test(c.rule);
  const key = (c: AuditReport['checks'][number]) => `${c.rule} ${c.stated} ${c.expected === null ? '' : c.expected.toFixed(2)}`;
  for (const [name, share] of [['hanyang-hr-2023-final', 0.95], ['jianghan-hr-2024-budget', 0.6]] as const) {
    it(`${name}.unruled.pdf: the web page's table discrepancies, none more, and most of its table checks`, async () => {
      const fromPdf = await pdf(`${name}.unruled.pdf`);
      const fromPage = html(`${name}.trs.html`);
      expect(fromPdf.document.source.format).toBe('pdf');
      const discrepancies = (r: AuditReport) => [...new Set(r.checks.filter((c) => isTableCheck(c) && c.verdict === 'discrepancy').map(key))].sort();
      expect(discrepancies(fromPdf)).toEqual(discrepancies(fromPage));
      const verdicts = new Map(fromPdf.checks.filter((c) => c.verdict !== 'undecided').map((c) => [key(c), c.verdict]));
      const evaluated = fromPage.checks.filter((c) => isTableCheck(c) && c.verdict !== 'undecided');
      const same = evaluated.filter((c) => verdicts.get(key(c)) === c.verdict).length;
      console.log(`${name}.unruled.pdf: ${same}/${evaluated.length} table checks of the web page read alike`);
      expect(same / evaluated.length).toBeGreaterThan(share);
      expectPages(fromPdf);
    }, 30_000);
  }
});

describe('pdf.js in Node', () => {
  it('should leave the native Array.prototype.push in place (its legacy build brings a slower one)', async () => {
    await pdf('donghu-hrss-2023-final.pdf');
    expect(Array.prototype.push).toBe(NATIVE_PUSH);
  });
});

describe('bad PDFs', () => {
  it.each([
    ['bad-encrypted.pdf', 'pdf-encrypted', /password/],
    ['bad-corrupt.pdf', 'pdf-invalid', /not a readable PDF/],
    ['bad-truncated.pdf', 'pdf-invalid', /not a readable PDF/],
    ['bad-scanned.pdf', 'pdf-scanned', /images .*nothing could be checked/],
  ])('%s: %s, nothing checked, no exception', async (file, code, message) => {
    const raw = await extractPdfBytes(new Uint8Array(readFileSync(`tests/pages/pdf/${file}`)), { name: file });
    const issue = raw.issues.find((i) => i.code === code);
    expect(issue?.message).toMatch(message);
    expect(raw.tables).toEqual([]);
    const report = analyzeDocument(raw);
    expect(report.summary.ok).toBe(0);
    expect(report.summary.undecided).toBeGreaterThan(0);
  });

  it('should survive bytes that are no PDF at all, and an empty one', async () => {
    for (const bytes of [new Uint8Array(0), new TextEncoder().encode('hello'), new Uint8Array(5000).map((_, i) => (i * 31) % 256)]) {
      const raw = await extractPdfBytes(bytes);
      expect(raw.issues.length).toBeGreaterThan(0);
      expect(raw.tables).toEqual([]);
    }
  });
});
