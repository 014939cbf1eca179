import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

describe('cross-table ties', () => {
  it('should not judge a tie whose row is missing from a table that holds figures in rows it could not name', () => {
    const text = readFileSync('tests/fixtures/donghu-hrss-2023-final.txt', 'utf8');
    const tie = (t: string) => analyzeText(t).checks.find((c) => c.id === 'cross-table/final-01-04-class/208');
    expect(tie(text)?.verdict).toBe('ok');
    // the 04表's 208 row, its name lost in conversion: the figures are there, nothing names them
    const garbled = text.replace(/^(\t\d+\t\t)八、社会保障和就业支出(\t40\t)/m, '$1$2');
    expect(garbled).not.toBe(text);
    const c = tie(garbled);
    expect([c?.verdict, c?.messageKey]).toEqual(['undecided', 'check.undecided']);
    expect(c?.reason).toMatch(/名称未能读出/);
  });
});
