/**
 * The answer keys as regression tests: every check of types a–e in a fixture's key must be
 * evaluated by the engine with the key's verdict. Coverage (the share of key checks the
 * engine evaluates) is printed per type; it may only go up (floors below).
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';
import { judgeItem, loadKey, matchesItem, type ItemOutcome } from './support/key-match.ts';

const FIXTURES = {
  'hanyang-hr-2023-final': { floor: 120 },
  'donghu-hrss-2023-final': { floor: 142 },
  'jianghan-hr-2024-budget': { floor: 344 },
} as const;

for (const [name, { floor }] of Object.entries(FIXTURES)) {
  describe(`answer key: ${name}`, () => {
    const report = analyzeText(readFileSync(`tests/fixtures/${name}.txt`, 'utf8'), { name });
    const key = loadKey(`tests/expected/${name}.key.json`);
    const items = key.items.filter((i) => 'abcde'.includes(i.type) && !i.subtype);
    const outcomes: ItemOutcome[] = items.map((i) => judgeItem(report, i));

    it('should evaluate the key checks of types a–e with the key verdict', () => {
      const byType = new Map<string, { n: number; evaluated: number; agree: number }>();
      for (const o of outcomes) {
        const s = byType.get(o.item.type) ?? { n: 0, evaluated: 0, agree: 0 };
        s.n++;
        if (o.evaluated) s.evaluated++;
        if (o.agrees) s.agree++;
        byType.set(o.item.type, s);
      }
      const total = outcomes.filter((o) => o.evaluated).length;
      const lines = [...byType].map(([t, s]) => `  ${t}: ${s.evaluated}/${s.n} evaluated (${((100 * s.evaluated) / s.n).toFixed(0)}%), ${s.agree} with the key's verdict`);
      console.log(`${name}: coverage ${total}/${items.length} (${((100 * total) / items.length).toFixed(1)}%)\n${lines.join('\n')}`);
      const disagreements = outcomes.filter((o) => o.evaluated && !o.agrees).map((o) => `${o.item.key}: key ${o.item.verdict}, engine ${o.matched.map((m) => `${m.verdict} (${m.id})`).join(', ')}`);
      expect(disagreements).toEqual([]);
      expect(total).toBeGreaterThanOrEqual(floor);
    });

    it('should report every key DISCREPANCY of types a–e that it evaluates as a discrepancy', () => {
      for (const o of outcomes.filter((x) => x.item.verdict === 'discrepancy' && x.evaluated)) {
        expect(o.matched.every((m) => m.verdict === 'discrepancy'), o.item.key).toBe(true);
      }
    });

    it('should raise no warning or error that the key does not list as a discrepancy', () => {
      const keyDiscrepancies = key.items.filter((i) => i.verdict === 'discrepancy');
      const flagged = report.checks.filter((c) => c.verdict === 'discrepancy' && c.severity !== 'info');
      const unexplained = flagged.filter((c) => {
        return !keyDiscrepancies.some((k) => {
          return matchesItem(report, { ...k, rules: [c.rule] }, c) || (k.stated !== undefined && (c.stated === k.stated || c.expected === k.stated) && (c.stated === k.expected || c.expected === k.expected));
        });
      });
      expect(unexplained.map((c) => `${c.id}: ${c.message}`)).toEqual([]);
    });
  });
}
