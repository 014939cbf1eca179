/**
 * The 名词解释 of a 决算 lists the 功能分类 项 the department used and what each holds:
 * `2.社会保障和就业支出(类) 人力资源和社会保障管理事务(款) 一般行政管理事务(项)明细如下：局买岗人员经费；`.
 * A 项 that holds one item only gives that item's name (a project, a kind of spending) as
 * another name of the 项: a later `局买岗人员劳务派遣服务经费预算 31.60 万元，实际支出 31.60 万元`
 * is about 2080102 一般行政管理事务, and its figures are that row's. A 项 listing several items
 * gives no names (one item is not the whole 项).
 */
import type { Paragraph } from '../model/schemas.ts';
import { foldChars } from './fold.ts';
import { compactSubject } from './claims.ts';

export interface Alias {
  /** The item's name, compacted (suffixes such as 经费 dropped by the caller's `core`). */
  item: string;
  /** The 项 as a subject with its level markers (`…‹类›…‹款›一般行政管理事务‹项›`). */
  subject: string;
}

/** What follows a 项: `明细如下：` / `为` …, then the items up to `；` or `。`. */
const HOLDS = /^\s*(?:明细如下|主要用于|主要包括|包括|是指|指|为)?\s*[:：]?\s*([^；;。]{1,200})/;
/** A 项's name with its 类 and 款 is shorter than this. */
const NAME_WINDOW = 120;

export function glossaryAliases(paragraphs: Paragraph[]): Alias[] {
  const out: Alias[] = [];
  for (const p of paragraphs) {
    if (!/项\s*[)）]/.test(p.text)) continue;
    const text = foldChars(p.text).replace(/（/g, '(').replace(/）/g, ')');
    // Each `(项)`, its name read back to the sentence's start (bounded: linear in the text).
    for (let at = text.indexOf('(项)'); at >= 0; at = text.indexOf('(项)', at + 3)) {
      const back = text.slice(Math.max(0, at - NAME_WINDOW), at);
      const start = Math.max(back.lastIndexOf('。'), back.lastIndexOf('；'), back.lastIndexOf(';'), back.lastIndexOf('：'), back.lastIndexOf(':')) + 1;
      const name = `${back.slice(start)}(项)`;
      const holds = HOLDS.exec(text.slice(at + 3, at + 260));
      if (!holds) continue;
      const items = (holds[1] ?? '')
        .split(/[、，,]/)
        .map((x) => x.replace(/\s+/g, '').replace(/等$/, ''))
        .filter(Boolean);
      if (items.length !== 1) continue;
      const item = items[0] as string;
      // Too short to be a name, or another 项 (the entry describes the 项 itself).
      if (item.length < 4 || item.includes('(')) continue;
      out.push({ item, subject: compactSubject(name.replace(/^\s*\d+[.、．]\s*/, '')) });
    }
  }
  return out;
}
