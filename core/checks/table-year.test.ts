import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

const TEXT = readFileSync(new URL('../../tests/fixtures/donghu-hrss-2023-final.txt', import.meta.url), 'utf8');
const findings = (text: string) => analyzeText(text).checks.filter((c) => c.rule === 'table-year');

/** The fixture with the year of the `n`-th standard table title (from 0) replaced. */
function retitled(n: number, year: string): string {
  let i = 0;
  return TEXT.replace(/^2023(年度[^\n]*决算[^\n]*表)$/gm, (line, rest: string) => (i++ === n ? `${year}${rest}` : line));
}

describe('table-year', () => {
  it('should find every standard table titled with the document\'s year in the fixture', () => {
    expect(findings(TEXT)).toEqual([]);
  });

  it('should report a table titled with another year, the title quoted, the years as stated and expected', () => {
    const f = findings(retitled(4, '2022'));
    expect(f.map((c) => [c.verdict, c.severity, c.stated, c.expected, c.where[0]?.label])).toEqual([['discrepancy', 'warning', 2022, 2023, '2022年度一般公共预算财政拨款支出决算表']]);
  });

  it('should leave a title with two years alone', () => {
    expect(findings(retitled(4, '2022年与2023'))).toEqual([]);
  });
});
