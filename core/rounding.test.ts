import { describe, expect, it } from 'vitest';
import { judgePercent, judgeSum, sumTolerance } from './rounding.ts';

const f = (value: number, decimals = 2) => ({ value, decimals });

describe('rounding model', () => {
  it('should call exact agreement ok', () => {
    expect(judgeSum(f(9452.17), [f(9441.67), f(10.5)], 9452.17).verdict).toBe('ok');
  });
  it('should call a cent or two rounding, as information', () => {
    const j = judgeSum(f(1131.58), [f(1131.59)], 1131.59);
    expect(j).toMatchObject({ verdict: 'rounding', severity: 'info' });
  });
  it('should widen the tolerance with the number of terms', () => {
    const terms = Array.from({ length: 10 }, () => f(1));
    expect(sumTolerance(f(10), terms)).toBeCloseTo(0.055, 6);
    expect(judgeSum(f(10.05), terms, 10).verdict).toBe('rounding');
    expect(judgeSum(f(10.05), [f(10)], 10).verdict).toBe('discrepancy');
  });
  it('should not give rounding error to blank cells', () => {
    expect(sumTolerance(f(0), [{ value: 0, decimals: 2, blank: true }])).toBe(0.02);
  });
  it('should grade discrepancies by size', () => {
    expect(judgeSum(f(100.1), [f(100)], 100).severity).toBe('warning');
    expect(judgeSum(f(110), [f(100)], 100).severity).toBe('error');
  });
  it('should take a coarser figure cut to its digits (not rounded) for rounding, and nothing further', () => {
    // `328,661万元` for 3,286,618,082.20 元: 0.81 万元 cut off
    const coarse = { value: 3_286_610_000, decimals: 2, half: 5_000 };
    expect(judgeSum(coarse, [f(3_286_618_082.2)], 3_286_618_082.2)).toMatchObject({ verdict: 'rounding', severity: 'info', tolerance: 10_000 });
    // cut the other way (a larger figure) is no cut; a whole unit off is no cut either
    expect(judgeSum({ ...coarse, value: 3_286_630_000 }, [f(3_286_621_917.8)], 3_286_621_917.8).verdict).toBe('discrepancy');
    expect(judgeSum({ ...coarse, value: 3_286_600_000 }, [f(3_286_618_082.2)], 3_286_618_082.2).verdict).toBe('discrepancy');
  });
  it('should accept a covering figure for ≥ relations', () => {
    expect(judgeSum(f(100), [f(90)], 90, 'ge').verdict).toBe('ok');
    expect(judgeSum(f(80), [f(90)], 90, 'ge').verdict).toBe('discrepancy');
  });
  it('should judge percentages against the interval their digits stand for', () => {
    expect(judgePercent(7.54, 2, (583.47 / 7737.11) * 100).verdict).toBe('ok');
    expect(judgePercent(7.41, 2, (583.47 / 7737.11) * 100).verdict).toBe('discrepancy');
    expect(judgePercent(19, 0, 18.5534).verdict).toBe('ok');
    expect(judgePercent(11.2, 1, 11.17).verdict).toBe('ok');
    expect(judgePercent(11.3, 1, 11.17).verdict).toBe('rounding');
  });
});
