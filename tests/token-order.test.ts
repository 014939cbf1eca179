import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';
import type { CheckResult } from '../core/model/schemas.ts';

// Two fixtures as plain `pdftotext` prints them, without -layout (tests/samples/README.md): text
// in the order the PDF draws it, one cell a line, the two sides of a 总表 and parts of headers
// out of row order. No reader rebuilds every table from it; what it must not do is report its
// own misreadings as the document's errors. Bounds are the figures measured when the doubting of
// scattered readings (core/solve/doubt.ts) came in, with a title's year and a 栏次 printed apart
// from their lines read as header; before these there were 40 and 50. Hanyang's went from 14 to 6
// when a row printing more figures than its table's columns became undecided (not blank) and a
// place of doubt.
const CASES = [
  { name: 'donghu-hrss-2023-final', bound: 5 },
  { name: 'hanyang-hr-2023-final', bound: 6 },
];

const isTableCheck = (c: CheckResult) => !/^(?:narrative|text-arithmetic|self-evaluation|group-total|project-budget|table-coverage)/.test(c.rule);
const key = (c: CheckResult) => `${c.rule} ${c.stated} ${c.expected}`;

describe('text in drawing order (pdftotext without -layout)', () => {
  it.each(CASES)('$name: table discrepancies the fixture does not have stay within $bound, and the doubted say why', ({ name, bound }) => {
    const real = new Set(analyzeText(readFileSync(`tests/fixtures/${name}.txt`, 'utf8')).checks.filter((c) => c.verdict === 'discrepancy').map(key));
    const report = analyzeText(readFileSync(`tests/samples/token-order/${name}.txt`, 'utf8'));
    const table = report.checks.filter(isTableCheck);
    const misread = table.filter((c) => c.verdict === 'discrepancy' && !real.has(key(c)));
    const doubted = report.checks.filter((c) => c.verdict === 'undecided' && /是从 PDF 文本按位置或顺序还原的/.test(c.reason ?? ''));
    console.log(`${name}: ${misread.length} table discrepancies not in the fixture, ${doubted.length} doubted (could-not-check)`);
    expect(misread.length).toBeLessThanOrEqual(bound);
    expect(doubted.length).toBeGreaterThan(0);
    for (const c of doubted) expect(c.stated === null || c.expected !== null).toBe(true);
  });
});
