/** The fast RawDocument check agrees with the zod schema: on real reads and on every mutation of them. */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { extractText } from '../core/extract/text.ts';
import { extractHtmlString } from '../core/node/html.ts';
import { RawDocument } from '../core/model/raw.ts';
import { rawDocumentError } from '../core/model/raw-check.ts';

const reads = [
  extractText(readFileSync('tests/fixtures/hanyang-hr-2023-final.txt', 'utf8'), { name: 'h' }),
  extractHtmlString(readFileSync('tests/pages/word-pasted-split.html', 'utf8'), { name: 'w' }),
];

/** Every place in a value, and a few wrong things to put there (a different type, nothing, a bad number). */
function* mutations(doc: unknown): Generator<unknown> {
  const paths: (string | number)[][] = [];
  const walk = (v: unknown, p: (string | number)[]) => {
    paths.push(p);
    if (Array.isArray(v)) v.slice(0, 2).forEach((x, i) => walk(x, [...p, i]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, [...p, k]);
  };
  walk(doc, []);
  const replacements: unknown[] = [undefined, null, 'x', 0, -1, 1.5, true, [], {}];
  for (const p of paths.slice(1)) {
    for (const r of replacements) {
      const copy = structuredClone(doc) as Record<string | number, unknown>;
      let at: Record<string | number, unknown> = copy;
      for (const k of p.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
      const last = p[p.length - 1] as string | number;
      if (r === undefined && !Array.isArray(at)) delete at[last];
      else at[last] = r;
      yield copy;
    }
  }
}

describe('the fast RawDocument check', () => {
  it('should accept what the readers produce', () => {
    for (const r of reads) expect(rawDocumentError(JSON.parse(JSON.stringify(r)))).toBeUndefined();
  });

  it('should agree with the zod schema on every mutation of a read', () => {
    let n = 0;
    for (const r of reads) {
      // a small read, so that every path is mutated
      const small = { ...r, tables: r.tables.slice(0, 2).map((t) => ({ ...t, grid: t.grid.slice(0, 2), stream: t.stream.slice(0, 2), tail: t.tail.slice(0, 2), preamble: t.preamble.slice(0, 2) })), text: r.text.slice(0, 3), issues: [{ code: 'c', message: 'm', source: { line: 1 } }] };
      for (const m of mutations(JSON.parse(JSON.stringify(small)))) {
        n++;
        const zodOk = RawDocument.safeParse(m).success;
        const fastOk = rawDocumentError(m) === undefined;
        if (zodOk !== fastOk) expect.fail(`disagree on ${JSON.stringify(m).slice(0, 300)}: zod ${zodOk}, fast ${fastOk} (${rawDocumentError(m)})`);
      }
    }
    expect(n).toBeGreaterThan(500);
  });
});
