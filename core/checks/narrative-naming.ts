/**
 * narrative-naming: the same classification item named two ways. A text usually lists the
 * 功能分类 items it uses twice (each 项's budget and spending, and the glossary 本部门使用的
 * 支出功能分类科目), each item written `…（类）…（款）…（项）`. The two lists are aligned on the
 * items they name identically; where one item sits between the same neighbours in both lists
 * under the same 类 but with a different 款 or 项 name, it is the same item named two ways.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph, Where } from '../model/schemas.ts';
import { type Lang, headed, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import { foldChars } from '../narrative/fold.ts';
import { enumeratorOf } from '../narrative/claims.ts';
import { narrativeOf, quoteAt, sentenceSource } from '../narrative/index.ts';
import { commonSubsequence } from '../text/sequence.ts';

interface Item {
  n: number;
  name: string;
  cls: string;
  para: number;
  start: number;
  end: number;
}

const ITEM = /^\s*(?:\d+\s*[.、](?!\d)|[(（]\d+[)）])\s*([^。：:]{2,40}?[(（]类[)）][^。：:]{2,60}?[(（]款[)）][^。：:]{2,80}?[(（]项[)）])/;

function itemsOf(p: Paragraph, sentences: { start: number; end: number }[]): Omit<Item, 'n'>[] {
  const out: Omit<Item, 'n'>[] = [];
  for (const s of sentences) {
    const text = foldChars(p.text.slice(s.start, s.end));
    const m = ITEM.exec(text);
    if (!m?.[1]) continue;
    const name = m[1].replace(/\s+/g, '').replace(/[（]/g, '(').replace(/[）]/g, ')');
    const cls = name.slice(0, name.indexOf('(类)'));
    out.push({ name, cls, para: p.index, start: s.start, end: s.start + m[0].length });
  }
  return out;
}

export const narrativeNaming: Check = {
  id: 'narrative-naming',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const model = narrativeOf(work);
    // Enumerated classification items, grouped into lists (numbering restarting at 1 starts a new list).
    const lists: Item[][] = [];
    let cur: Item[] = [];
    for (const p of model.paragraphs) {
      const sents = model.sentencesOf(p.index);
      for (const it of itemsOf(p, sents.length ? sents : [{ start: 0, end: p.text.length }])) {
        const n = enumeratorOf(foldChars(p.text.slice(it.start)))?.n ?? 0;
        if (n <= 1 || (cur.length && n !== (cur[cur.length - 1] as Item).n + 1)) {
          if (cur.length >= 3) lists.push(cur);
          cur = [];
        }
        cur.push({ ...it, n });
      }
    }
    if (cur.length >= 3) lists.push(cur);
    const out: CheckResult[] = [];
    const seen = new Set<string>();
    for (let x = 0; x < lists.length; x++) {
      for (let y = x + 1; y < lists.length; y++) {
        const a = lists[x] as Item[];
        const b = lists[y] as Item[];
        const pairs = commonSubsequence(
          a.map((i) => i.name),
          b.map((i) => i.name),
        );
        if (pairs.length < Math.min(a.length, b.length) / 2) continue;
        const anchors: [number, number][] = [[-1, -1], ...pairs, [a.length, b.length]];
        for (let k = 0; k + 1 < anchors.length; k++) {
          const [i0, j0] = anchors[k] as [number, number];
          const [i1, j1] = anchors[k + 1] as [number, number];
          if (i1 - i0 !== 2 || j1 - j0 !== 2) continue;
          const u = a[i0 + 1] as Item;
          const v = b[j0 + 1] as Item;
          if (u.cls !== v.cls || u.name === v.name) continue;
          const key = [u.name, v.name].sort().join('|');
          if (seen.has(key)) continue;
          seen.add(key);
          const pu = model.paragraphs[u.para] as Paragraph;
          const pv = model.paragraphs[v.para] as Paragraph;
          const where: Where[] = [
            { role: 'stated', label: u.name, value: null, quote: quoteAt(pu, u.start, u.end), source: sentenceSource(pu, u.start, u.end) },
            { role: 'stated', label: v.name, value: null, quote: quoteAt(pv, v.start, v.end), source: sentenceSource(pv, v.start, v.end) },
          ];
          const text =
            lang === 'zh'
              ? `两处列出的科目在同一位置名称不同：“${u.name}”与“${v.name}”，应为同一科目。`
              : `the two lists name the item in the same place differently: "${u.name}" and "${v.name}"; they should be the same item.`;
          out.push({
            id: `narrative-naming/p${u.para}@${u.start}`,
            rule: 'narrative-naming',
            verdict: 'discrepancy',
            severity: 'warning',
            message: headed(ruleTitle('narrative-naming', lang), lang, text),
            messageKey: 'narr.naming',
            stated: null,
            expected: null,
            difference: null,
            tolerance: null,
            formula: `${u.name} ≠ ${v.name}`,
            where,
          });
        }
      }
    }
    return out;
  },
};
