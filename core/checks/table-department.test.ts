import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

const TEXT = readFileSync(new URL('../../tests/fixtures/donghu-hrss-2023-final.txt', import.meta.url), 'utf8');
const LINE = /^部门：(.+)$/m;
const OWN = LINE.exec(TEXT)?.[1] ?? '';

/** The fixture with the department line above its `n`-th table (from 0) replaced. */
function reheaded(n: number, name: string): string {
  let i = 0;
  return TEXT.replace(/^部门：.+$/gm, (line) => (i++ === n ? `部门：${name}` : line));
}

const findings = (text: string) => analyzeText(text).checks.filter((c) => c.rule === 'table-department');

describe('table-department', () => {
  it('should find every table naming the same department in the fixture', () => {
    expect(OWN.length).toBeGreaterThan(4);
    expect(findings(TEXT)).toEqual([]);
  });

  it('should report the one table headed with another department, pointing at its heading', () => {
    const f = findings(reheaded(2, '武汉市某区民政局'));
    expect(f.map((c) => [c.verdict, c.severity, c.formula])).toEqual([['discrepancy', 'warning', `武汉市某区民政局 ≠ ${OWN}`]]);
    const headings = TEXT.split('\n').flatMap((l, k) => (l.startsWith('部门：') ? [k + 1] : []));
    expect(f[0]?.where[0]?.source?.line).toBe(headings[2]);
  });

  it('should take the name without its city prefix, or with (汇总), for the same department', () => {
    const short = OWN.replace(/^.{2,4}?市/, '');
    expect(short).not.toBe(OWN);
    expect(findings(reheaded(2, short))).toEqual([]);
    expect(findings(reheaded(3, `${OWN}（汇总）`))).toEqual([]);
  });

  it('should leave alone a unit the text mentions', () => {
    const unit = '武汉市某区就业训练中心';
    const text = reheaded(2, unit).replace(/\n/, `\n纳入本部门决算编制范围的单位包括：${unit}。\n`);
    expect(findings(text)).toEqual([]);
  });
});
