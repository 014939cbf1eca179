/**
 * Sections of the narrative and the scope each one speaks of: `四、财政拨款收入支出决算总体情况
 * 说明` → 财政拨款, `五、一般公共预算财政拨款支出…` → 一般公共预算, `一、收入支出决算总体情况说明`
 * → all funds. Sub-headings narrow their section's scope; a part heading (第三部分 …) starts
 * afresh. Sections with no scope word and no all-funds wording (附件, 绩效, 重点工作) have none.
 */
import type { Paragraph } from '../model/schemas.ts';
import { compact } from '../text/normalize.ts';
import { foldChars } from './fold.ts';
import type { Scope } from './lexicon.ts';
import { scopeOf, type ScanContext } from './claims.ts';

const PART = /^第[一二三四五六七八九十]+部分/;
const LEVEL1 = /^[一二三四五六七八九十]+、/;
const LEVEL2 = /^\([一二三四五六七八九十]+\)/;
const ALL_FUNDS = /收入支出(?:决算|预算)?总体|收支(?:决算|预算)?总体|收入(?:决算|预算)(?:情况|安排)|支出(?:决算|预算)(?:情况|安排)|收支预算|项目支出(?:安排|决算)(?:情况)?/;

function headingLike(p: Paragraph, text: string): boolean {
  return p.heading || (text.length <= 40 && !/[，。；]/.test(text.slice(0, -1)));
}

export function sectionsOf(paragraphs: Paragraph[], docYear: number | undefined): ScanContext {
  const sectionScopes: (Scope | undefined)[] = [];
  const sectionStarts = new Set<number>();
  let part: Scope | undefined;
  let level1: Scope | undefined;
  let level2: Scope | undefined;
  for (const p of paragraphs) {
    // Headings are short: the start of a paragraph says whether it is one.
    const text = compact(foldChars(p.text.length > 120 ? p.text.slice(0, 120) : p.text));
    if (PART.test(text) && text.length <= 60) {
      part = scopeOf(text);
      level1 = level2 = undefined;
      sectionStarts.add(p.index);
    } else if (LEVEL1.test(text) && headingLike(p, text)) {
      level1 = scopeOf(text) ?? (ALL_FUNDS.test(text) ? 'all' : undefined);
      level2 = undefined;
      sectionStarts.add(p.index);
    } else if (LEVEL2.test(text) && headingLike(p, text)) {
      level2 = scopeOf(text);
      sectionStarts.add(p.index);
    }
    sectionScopes[p.index] = level2 ?? level1 ?? part;
  }
  return { docYear, sectionScopes, sectionStarts };
}
