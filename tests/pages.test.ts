/**
 * The fixture documents as web pages (tests/pages/gov/, two CMS styles each) read through the
 * DOM extractor: the same findings as from the text, and the injected errors found — no
 * more, no less.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeDocument, analyzeText } from '../core/analyze.ts';
import { extractHtmlString } from '../core/node/html.ts';
import type { AuditReport } from '../core/model/schemas.ts';

const DIR = 'tests/pages/gov';
const pages = readdirSync(DIR).filter((f) => f.endsWith('.html') && !f.includes('.injected.'));
const injected = JSON.parse(readFileSync(`${DIR}/injected.json`, 'utf8')) as Record<string, { base: string; expect: { rule: string; stated: number; expected: number }[]; marked: { after: string; text: string }[] }>;

const page = (f: string) => analyzeDocument(extractHtmlString(readFileSync(`${DIR}/${f}`, 'utf8'), { name: f }));
/** What a report finds wrong: rule, figure and recomputed figure of each non-ok finding. */
const findings = (r: AuditReport) =>
  r.checks
    .filter((c) => c.verdict === 'discrepancy' || c.verdict === 'rounding')
    .map((c) => `${c.rule} ${c.verdict} ${c.stated} ${c.expected === null ? '' : c.expected.toFixed(2)}`)
    .sort();

describe('fixture pages', () => {
  it('should have both CMS styles of every fixture', () => {
    expect(pages).toHaveLength(6);
  });

  for (const f of pages) {
    it(`${f}: the same discrepancies and rounding differences as the text`, () => {
      const fromPage = page(f);
      const fromText = analyzeText(readFileSync(`tests/fixtures/${f.replace(/\.(trs|jcms)\.html$/, '.txt')}`, 'utf8'));
      expect(findings(fromPage)).toEqual(findings(fromText));
      expect(fromPage.summary.tablesRecognised).toBe(fromText.summary.tablesRecognised);
      // the same identities checked, give or take which rule claims a shared one
      expect(Math.abs(fromPage.summary.checks - fromText.summary.checks)).toBeLessThanOrEqual(Math.ceil(fromText.summary.checks * 0.06));
      expect(fromPage.checks.filter((c) => c.id.endsWith('/internal-error'))).toEqual([]);
      // every finding about a table cell names the cell on the page, empty cells too
      for (const c of fromPage.checks) for (const w of c.where) if (w.table && w.row && w.value !== null) expect(w.source?.path, `${c.id} ${w.label}`).toMatch(/^t\d+\.r\d+\.c\d+$/);
    });
  }

  for (const [file, v] of Object.entries(injected)) {
    it(`${file}: the injected error raises exactly its expected findings`, () => {
      const before = new Set(findings(page(v.base)));
      const after = page(file);
      const added = findings(after).filter((k) => !before.has(k));
      const want = v.expect.map((e) => `${e.rule} discrepancy ${e.stated} ${e.expected.toFixed(2)}`);
      expect([...new Set(added)].sort()).toEqual([...new Set(want)].sort());
    });
  }

  it('should take a title numbered in front (`一、`, `附件1：`) above a table for its title', () => {
    const f = 'donghu-hrss-2023-final.jcms.html';
    let n = 0;
    const html = readFileSync(`${DIR}/${f}`, 'utf8')
      .replace(/>(2023年度\S{2,30}表)</g, (_, t: string) => `>${++n % 2 ? `${'一二三四五六七八九'[(n - 1) % 9]}、` : `附件${n}：`}${t}<`)
      // without their table numbers, the titles alone say which tables they are
      .replace(/<p>公开0\d表<\/p>/g, '');
    expect(n).toBeGreaterThanOrEqual(9);
    expect(html).toContain('>一、2023年度收入支出决算总表<');
    const r = analyzeDocument(extractHtmlString(html, { name: f }));
    expect(findings(r)).toEqual(findings(page(f)));
    expect(r.summary.tablesRecognised).toBe(page(f).summary.tablesRecognised);
    expect(r.tables.find((t) => t.template === 'final-02')?.title).toBe('附件2：2023年度收入决算表');
  });
});
