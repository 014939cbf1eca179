/**
 * The answer keys' narrative entries (types f, g, h: the text against the tables and against
 * itself) as a measure of the narrative checks. Every DISCREPANCY entry the engine reports as
 * a discrepancy is found; the share found is printed type by type and must reach 75 % over the
 * three fixtures. ROUNDING entries of type f must be reported as rounding. (That no warning is
 * raised on an entry the key marks OK is asserted for every finding in keys.test.ts.)
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';
import { judgeItem, loadKey, type ItemOutcome } from './support/key-match.ts';

const NAMES = ['hanyang-hr-2023-final', 'donghu-hrss-2023-final', 'jianghan-hr-2024-budget'];
const TARGET = 0.75;

const outcomes = new Map<string, ItemOutcome[]>();
for (const name of NAMES) {
  const report = analyzeText(readFileSync(`tests/fixtures/${name}.txt`, 'utf8'), { name });
  const key = loadKey(`tests/expected/${name}.key.json`);
  outcomes.set(
    name,
    key.items.filter((i) => 'fgh'.includes(i.type) && i.verdict !== 'ok').map((i) => judgeItem(report, i)),
  );
}

const found = (o: ItemOutcome) => o.evaluated && o.matched.some((m) => m.verdict === 'discrepancy');

describe('answer keys: narrative discrepancies (types f, g, h)', () => {
  it(`should find at least ${TARGET * 100} % of the key discrepancies`, () => {
    let n = 0;
    let hits = 0;
    const lines: string[] = [];
    for (const [name, list] of outcomes) {
      const byType = new Map<string, { n: number; hit: number; missed: string[] }>();
      for (const o of list.filter((x) => x.item.verdict === 'discrepancy')) {
        const s = byType.get(o.item.type) ?? { n: 0, hit: 0, missed: [] };
        s.n++;
        if (found(o)) s.hit++;
        else s.missed.push(o.item.key);
        byType.set(o.item.type, s);
      }
      for (const [t, s] of [...byType].sort()) {
        n += s.n;
        hits += s.hit;
        lines.push(`  ${name} ${t}: ${s.hit}/${s.n} found${s.missed.length ? ` (not found: ${s.missed.join(', ')})` : ''}`);
      }
    }
    console.log(`narrative discrepancies found: ${hits}/${n} (${((100 * hits) / n).toFixed(0)}%)\n${lines.join('\n')}`);
    expect(hits / n).toBeGreaterThanOrEqual(TARGET);
  });

  it('should report the ROUNDING entries of type f as rounding', () => {
    const wrong: string[] = [];
    for (const list of outcomes.values()) {
      for (const o of list.filter((x) => x.item.type === 'f' && x.item.verdict === 'rounding')) {
        if (!o.agrees) wrong.push(`${o.item.key}: ${o.matched.map((m) => `${m.verdict} ${m.id}`).join(', ') || 'not evaluated'}`);
      }
    }
    expect(wrong).toEqual([]);
  });
});
