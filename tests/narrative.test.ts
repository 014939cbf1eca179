/**
 * The narrative checks end to end: claims linked to the sentences and cells they were compared
 * with, text-only arithmetic, and claims that cannot be compared counted as could-not-check.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';

describe('narrative checks', () => {
  const name = 'hanyang-hr-2023-final';
  const text = readFileSync(`tests/fixtures/${name}.txt`, 'utf8');
  const lines = text.split('\n');
  const report = analyzeText(text, { name });

  it('should list every quoted claim with its position, and link it to the cells it was compared with', () => {
    const claims = new Map((report.claims ?? []).map((c) => [c.id, c]));
    const quoted = report.checks.flatMap((c) => c.where.filter((w) => w.claim).map((w) => ({ check: c, claim: w.claim as string })));
    expect(quoted.length).toBeGreaterThan(100);
    for (const { check, claim } of quoted) {
      const c = claims.get(claim);
      expect(c, claim).toBeDefined();
      expect(c?.checks).toContain(check.id);
      // The number as printed starts on the line the claim gives.
      const line = lines[(c?.source.line ?? 0) - 1] ?? '';
      expect(line.replace(/\s+/g, '').includes((c?.text ?? '').replace(/\s+/g, '').slice(0, 2)), `${claim} on line ${c?.source.line}`).toBe(true);
    }
    // "this sentence ↔ these cells": a comparison with the tables quotes one and points at the other.
    const vsTable = report.checks.filter((c) => c.rule === 'narrative-table' && c.verdict !== 'undecided');
    expect(vsTable.length).toBeGreaterThan(10);
    for (const c of vsTable) {
      expect(c.where.some((w) => w.quote)).toBe(true);
      expect(c.where.some((w) => w.table)).toBe(true);
    }
  });

  it('should check the text against itself when there are no tables', () => {
    const r = analyzeText('一、收入支出决算总体情况说明\n\n2023 年度收、支总计 9,000.00 万元。与 2022 年度相比，收、支总计各增加 500.00 万元，增长 6.50%。');
    const rate = r.checks.find((c) => c.rule === 'narrative-change' && c.unit === '%');
    expect(rate?.verdict).toBe('discrepancy');
    expect(rate?.expected).toBeCloseTo((500 / 8500) * 100, 4);
    // The tables' checks are counted as could-not-check, not passed.
    expect(r.checks.filter((c) => !c.rule.startsWith('narrative') && c.verdict === 'undecided').length).toBeGreaterThan(0);
  });

  it('should count a figure it cannot identify as could-not-check, with the reason', () => {
    const r = analyzeText('十、其他\n\n2023 年度某某专项工作经费 12.34 万元，用于日常运转。');
    const c = r.checks.find((x) => x.rule === 'narrative-coverage');
    expect(c?.verdict).toBe('undecided');
    expect(c?.reason).toMatch(/identified|compare/);
    expect(c?.where[0]?.quote).toContain('12.34');
  });

  it('should report a growth rate over a zero base as undefined', () => {
    const r = analyzeText('一、收入支出决算总体情况说明\n\n2023 年度培训费 3.00 万元，比 2022 年增加 3.00 万元，增长 100%。');
    const c = r.checks.find((x) => x.rule === 'narrative-change' && x.messageKey === 'narr.zero-base');
    expect(c?.verdict).toBe('discrepancy');
    expect(c?.cause?.kind).toBe('zero-base');
  });
});

describe('figures the text does not name', () => {
  it('are called figures in the could-not-check list, never named by their own digits or a range’s other end', () => {
    for (const name of ['donghu-hrss-2023-final', 'hanyang-hr-2023-final', 'jianghan-hr-2024-budget']) {
      const report = analyzeText(readFileSync(`tests/fixtures/${name}.txt`, 'utf8'), { name });
      const coverage = report.checks.filter((c) => c.rule === 'narrative-coverage');
      expect(coverage.length).toBeGreaterThan(0);
      for (const c of coverage) expect(c.message, `${name} ${c.id}`).not.toMatch(/正文“[\s\d.,，—–~～-]*(?:[万亿]?元)?”|\d\s*[-—～~]”/);
    }
  });
});
