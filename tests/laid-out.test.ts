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

  it('should keep the number of a list item (`1. 贯彻…`, `目标1：…`) with its words, not read it as a figure', () => {
    // The 部门整体绩效目标申报表 prints numbered duties and targets in its cells. Read as figures,
    // their numbers left rows labelled `.贯彻执行…` / `:通过开展…` (102 of them) with checks that
    // could not run; the bound is what remains (numbers printed apart from their words: at most
    // four or five in each project's form).
    const r = analyzeText(readFileSync('tests/samples/laid-out/jianghan-hr-2024-budget.txt', 'utf8'));
    const split = r.tables.flatMap((t) => t.rows).filter((x) => /^[.:：、]/.test(x.label));
    const forms = r.tables.filter((t) => /项目支出.*申报表/.test(t.title.replace(/\s/g, ''))).length;
    expect(forms).toBeGreaterThanOrEqual(4);
    expect(split.length).toBeLessThanOrEqual(5 * forms);
    expect(r.tables.flatMap((t) => t.rows).some((x) => x.label.includes('1.贯彻执行'))).toBe(true);
  });
});

