import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from './analyze.ts';
import { applyChoices, NO_CHOICES, pageKey, readChoices, withDismissal, withRule } from './choices.ts';

const report = analyzeText(readFileSync('tests/fixtures/hanyang-hr-2023-final.txt', 'utf8'));
const page = pageKey('https://www.example.gov.cn/a/b.html#part2');

describe('the reader\'s choices', () => {
  it('should change nothing when there are none', () => {
    const a = applyChoices(report, NO_CHOICES, page);
    expect(a.report).toBe(report);
    expect(a.dismissed).toEqual([]);
  });

  it('should set a dismissed finding aside on its page only, with the counts recomputed', () => {
    const wrong = report.checks.find((c) => c.verdict === 'discrepancy');
    if (!wrong) throw new Error('the fixture has discrepancies');
    const choices = withDismissal(NO_CHOICES, page, wrong, true);
    const a = applyChoices(report, choices, page);
    expect(a.dismissed.map((c) => c.id)).toEqual([wrong.id]);
    expect(a.report.summary.discrepancy).toBe(report.summary.discrepancy - 1);
    expect(a.report.summary.checks).toBe(report.summary.checks - 1);
    expect(a.report.checks.some((c) => c.id === wrong.id)).toBe(false);
    // Another page, or the same finding with other figures (the page changed): not dismissed.
    expect(applyChoices(report, choices, 'https://other.gov.cn/').dismissed).toEqual([]);
    const changed = { ...report, checks: report.checks.map((c) => (c.id === wrong.id ? { ...c, stated: (c.stated ?? 0) + 1 } : c)) };
    expect(applyChoices(changed, choices, page).dismissed).toEqual([]);
    // Taken back.
    expect(applyChoices(report, withDismissal(choices, page, wrong, false), page).dismissed).toEqual([]);
  });

  it('should hide every result of a rule switched off, and show it again when switched on', () => {
    const choices = withRule(NO_CHOICES, 'narrative-coverage', false);
    const a = applyChoices(report, choices, page);
    const n = report.checks.filter((c) => c.rule === 'narrative-coverage').length;
    expect(n).toBeGreaterThan(0);
    expect(a.hidden).toHaveLength(n);
    expect(a.report.summary.checks).toBe(report.summary.checks - n);
    expect(applyChoices(report, withRule(choices, 'narrative-coverage', true), page).hidden).toEqual([]);
  });

  it('should read whatever storage holds without throwing', () => {
    for (const v of [undefined, null, 3, 'x', [], { rulesOff: 'a' }, { dismissed: { p: [{ id: 1 }] } }, { dismissed: { p: 'x' } }]) {
      expect(readChoices(v)).toEqual(NO_CHOICES);
    }
    expect(readChoices({ rulesOff: ['a', 2], dismissed: { p: [{ id: 'x', stated: 1, expected: null }, { id: 'y' }] } })).toEqual({ rulesOff: ['a'], dismissed: { p: [{ id: 'x', stated: 1, expected: null }] } });
  });
});
