import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';
import type { CheckResult } from '../core/model/schemas.ts';

// The fixtures as `pdftotext -layout` prints them (tests/samples/README.md): the same documents,
// so the table checks must come out as they do on the fixtures' own text.
const NAMES = ['donghu-hrss-2023-final', 'hanyang-hr-2023-final', 'jianghan-hr-2024-budget'];

/** Checks of the tables' arithmetic (the narrative reads text that this conversion reorders). */
const isTableCheck = (c: CheckResult) => !/^(?:narrative|text-arithmetic|self-evaluation|group-total|project-budget|table-coverage)/.test(c.rule);
const key = (c: CheckResult) => `${c.rule} ${c.stated} ${c.expected}`;

describe('text laid out by position (pdftotext -layout)', () => {
  it.each(NAMES)('%s: the same table discrepancies as the fixture, none more, and most of its table checks', (name) => {
    const fixture = analyzeText(readFileSync(`tests/fixtures/${name}.txt`, 'utf8')).checks.filter(isTableCheck);
    const laidOut = analyzeText(readFileSync(`tests/samples/laid-out/${name}.txt`, 'utf8')).checks.filter(isTableCheck);
    const discrepancies = (cs: CheckResult[]) => [...new Set(cs.filter((c) => c.verdict === 'discrepancy').map(key))].sort();
    expect(discrepancies(laidOut)).toEqual(discrepancies(fixture));
    // identities evaluated (not left undecided) on the fixture that are evaluated here too, with the same verdict
    const verdicts = new Map(laidOut.filter((c) => c.verdict !== 'undecided').map((c) => [key(c), c.verdict]));
    const evaluated = fixture.filter((c) => c.verdict !== 'undecided');
    const same = evaluated.filter((c) => verdicts.get(key(c)) === c.verdict).length;
    console.log(`${name}: ${same}/${evaluated.length} table checks of the fixture read alike from the laid-out text`);
    expect(same / evaluated.length).toBeGreaterThan(0.85);
  });
});
