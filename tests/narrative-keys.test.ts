/**
 * The answer keys' narrative entries (types f, g, h: the text against the tables and against
 * itself) as a measure of the narrative checks. Every DISCREPANCY entry the engine reports as
 * a discrepancy is found; the share found is printed type by type and must reach 75 % over the
 * three fixtures. ROUNDING entries of type f must be reported as rounding, and no warning or
 * error may be raised on a figure of types f–h the key marks OK (its printed value, on its line, judged
 * by a check of the figure itself: a list that does not add up to a correct total is another
 * finding).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';
import { judgeItem, loadKey, onLine, type ItemOutcome } from './support/key-match.ts';
import type { AuditReport } from '../core/model/schemas.ts';

const NAMES = ['hanyang-hr-2023-final', 'donghu-hrss-2023-final', 'jianghan-hr-2024-budget'];
const TARGET = 0.75;
/** The checks that judge a printed figure itself (against the tables, or as a share, change or rate). */
const FIGURE_RULES = ['narrative-table', 'narrative-share', 'narrative-change', 'narrative-execution', 'narrative-repeat'];
/**
 * Key entries marked OK whose figure the engine also holds against something else the key does
 * not weigh: each a finding of its own, kept on purpose.
 */
const OTHER_IDENTITY: Record<string, string> = {
  // The key: 10.14 unspent = 8,788.74 budget − 8,778.6 spent (ok). The engine: 10.14 "拟结转下年"
  // against 公开01表 年末结转和结余 0.00 — money said to be carried over that the tables do not carry.
  'D1-f54': 'narrative-table',
  // The key: 9,250.25 final project budget = the sum of its adjustments (ok). The engine: the same
  // project budget stated elsewhere as 项目全年预算数 10,505.69 — one quantity, two values.
  H16: 'narrative-repeat',
};

const outcomes = new Map<string, ItemOutcome[]>();
const reports = new Map<string, { report: AuditReport; key: ReturnType<typeof loadKey> }>();
for (const name of NAMES) {
  const report = analyzeText(readFileSync(`tests/fixtures/${name}.txt`, 'utf8'), { name });
  const key = loadKey(`tests/expected/${name}.key.json`);
  reports.set(name, { report, key });
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

  it('should raise no warning or error on a figure of types f, g, h the key marks OK', () => {
    const wrong: string[] = [];
    for (const [name, { report, key }] of reports) {
      for (const item of key.items.filter((i) => 'fgh'.includes(i.type) && i.verdict === 'ok' && i.stated !== undefined && i.line !== undefined)) {
        const flagged = report.checks.filter(
          (c) =>
            FIGURE_RULES.includes(c.rule) &&
            c.verdict === 'discrepancy' &&
            c.severity !== 'info' &&
            c.stated !== null &&
            Math.abs(Math.abs(c.stated) - Math.abs(item.stated as number)) < 1e-9 &&
            c.where.some((w) => w.role === 'stated' && w.quote !== undefined && onLine(w, item.line as number)),
        );
        for (const c of flagged.filter((x) => OTHER_IDENTITY[item.key] !== x.rule)) wrong.push(`${name} ${item.key} (${item.stated} on line ${item.line}): ${c.id} ${c.message}`);
      }
    }
    expect(wrong).toEqual([]);
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
