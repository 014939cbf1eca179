/**
 * Golden results per fixture: every check's id, verdict and figures, committed under
 * tests/expected/*.golden.json and reviewed as diffs. Regenerate deliberately with
 * `UPDATE_GOLDEN=1 npx vitest run tests/golden.test.ts`.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';

const FIXTURES = ['hanyang-hr-2023-final', 'donghu-hrss-2023-final', 'jianghan-hr-2024-budget'];

function golden(name: string) {
  const report = analyzeText(readFileSync(`tests/fixtures/${name}.txt`, 'utf8'), { name: `${name}.txt`, lang: 'en' });
  return {
    document: report.document,
    summary: report.summary,
    tables: report.tables.map((t) => `${t.id} ${t.template} ${t.unit} ${t.rows.length}r${t.empty ? ' empty' : ''} ${t.title}`),
    checks: report.checks.map((c) => [c.id, c.verdict, c.stated, c.expected].join(' | ')),
  };
}

describe('golden results', () => {
  it.each(FIXTURES)('should match the committed results for %s', (name) => {
    const path = `tests/expected/${name}.golden.json`;
    const now = golden(name);
    if (process.env.UPDATE_GOLDEN || !existsSync(path)) writeFileSync(path, `${JSON.stringify(now, null, 1)}\n`);
    expect(now).toEqual(JSON.parse(readFileSync(path, 'utf8')));
  });

  it('should give the same report twice (no clock, no randomness, no hidden state)', () => {
    const text = readFileSync('tests/fixtures/hanyang-hr-2023-final.txt', 'utf8');
    expect(JSON.stringify(analyzeText(text))).toBe(JSON.stringify(analyzeText(text)));
  });
});

describe('shares', () => {
  it('should judge a column of shares that adds up to 100 in percent, not in the table’s money unit', () => {
    const report = analyzeText(readFileSync('tests/fixtures/jianghan-hr-2024-budget.txt', 'utf8'), { lang: 'zh' });
    const shares = report.checks.filter((c) => c.rule === 'group-total' && c.where.every((w) => /占比|比例|比重/.test(w.column?.label ?? '')));
    expect(shares.length).toBeGreaterThan(0);
    for (const c of shares) {
      expect(c.unit).toBe('%');
      expect(c.where.every((w) => w.unit === undefined)).toBe(true);
      expect(c.message).toMatch(/%/);
      expect(c.message).not.toMatch(/万元/);
    }
  });
});
