/** The dataset as Fiscal Data Package CSV: one line per figure, each view summing to its table's total. */
import { readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../model/dataset.ts';
import { FDP_HEADER, formatFdpCsv } from './fdp.ts';

const datasets = readdirSync('data/datasets').filter((f) => f.endsWith('.json'));

/** A CSV line's fields (the test data quotes no commas but department names may: a small reader). */
function fields(line: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i] as string;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') out.push(cur), (cur = '');
    else cur += c;
  }
  return [...out, cur];
}

function rows(csv: string): Record<string, string>[] {
  const [head, ...lines] = csv.split('\n');
  expect(fields(head as string)).toEqual([...FDP_HEADER]);
  return lines.map((l) => {
    const f = fields(l);
    expect(f.length).toBe(FDP_HEADER.length);
    return Object.fromEntries(FDP_HEADER.map((k, i) => [k, f[i] as string]));
  });
}

const sum = (xs: Record<string, string>[]) => xs.reduce((a, r) => a + Number(r.amount), 0);

describe('Fiscal Data Package CSV', () => {
  for (const f of datasets) {
    it(`${f}: each view sums to what its table breaks down, one line per non-zero figure`, () => {
      const d = JSON.parse(readFileSync(`data/datasets/${f}`, 'utf8')) as Dataset;
      const lines = rows(formatFdpCsv(d));
      const functional = lines.filter((r) => r.classification === 'functional');
      const economic = lines.filter((r) => r.classification === 'economic');
      expect(functional.length + economic.length).toBe(lines.length);
      expect(functional.length).toBeGreaterThan(0);
      // the leaves add up to the classes (the function table's own total, where it adds up)
      expect(sum(functional)).toBeCloseTo(d.functions.reduce((a, c) => a + c.total, 0), 1);
      expect(sum(economic)).toBeCloseTo(d.economic.reduce((a, c) => a + c.amount, 0), 1);
      for (const r of lines) {
        expect(Number(r.amount)).not.toBe(0);
        expect(Number(r.amountYuan)).toBeCloseTo(Number(r.amount) * (r.unit === '万元' ? 10_000 : r.unit === '亿元' ? 1e8 : 1), 1);
        expect(r.phase).toBe(d.document.kind === 'budget' ? 'approved' : 'executed');
        expect(r.fiscalYear).toBe(String(d.document.year));
        expect(r.administrative).toBe(d.document.department);
      }
      for (const r of functional) {
        // each level's code extends its parent's
        expect(r['functional:class:code']).toMatch(/^\d{3}$/);
        if (r['functional:section:code']) expect(r['functional:section:code'].slice(0, 3)).toBe(r['functional:class:code']);
        if (r['functional:item:code']) expect(r['functional:item:code'].slice(0, 5)).toBe(r['functional:section:code']);
        expect(['basic', 'project', 'total']).toContain(r.expenditureType);
        expect(r.table).toBe(d.functionsFrom);
      }
      for (const r of economic) {
        if (r['economic:item:code']) expect(r['economic:item:code'].slice(0, 3)).toBe(r['economic:class:code']);
        expect(r.table).toBe(d.economicFrom);
      }
    });
  }

  it('should give a leaf as its total when basic and project do not add up to it, and as both when they do', () => {
    const d = JSON.parse(readFileSync(`data/datasets/${datasets[0]}`, 'utf8')) as Dataset;
    const leaf = (code: string, total: number, basic?: number, project?: number) => ({ code, name: `项${code}`, level: 'item' as const, total, basic, project, children: [] });
    const made: Dataset = {
      ...d,
      document: { ...d.document, department: '某部门, "甲"', unit: '万元' },
      functions: [
        {
          code: '201',
          name: '类',
          level: 'class',
          total: 30,
          children: [{ code: '20101', name: '款', level: 'section', total: 30, children: [leaf('2010101', 10, 4, 6), leaf('2010102', 20, 4, 6)] }],
        },
      ],
      economic: [],
    };
    const lines = rows(formatFdpCsv(made));
    expect(lines.map((r) => [r['functional:item:code'], r.expenditureType, r.amount])).toEqual([
      ['2010101', 'basic', '4'],
      ['2010101', 'project', '6'],
      ['2010102', 'total', '20'],
    ]);
    // a department name with a comma and quotes stays one field
    expect(lines[0]?.administrative).toBe('某部门, "甲"');
    expect(lines[0]?.amountYuan).toBe('40000');
  });
});
