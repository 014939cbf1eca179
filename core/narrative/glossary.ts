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

/** `…(类)…(款)…(项)` then what it holds, up to `；` or `。`. */
const ENTRY = /((?:[^。；;:：()]*\((?:类|款)\)\s*)*[^。；;:：()]*\(项\))\s*(?:明细如下|主要用于|主要包括|包括|是指|指|为)?\s*[:：]?\s*([^；;。]+)/g;

export function glossaryAliases(paragraphs: Paragraph[]): Alias[] {
  const out: Alias[] = [];
  for (const p of paragraphs) {
    if (!p.text.includes('项')) continue;
    const text = foldChars(p.text).replace(/（/g, '(').replace(/）/g, ')');
    if (!text.includes('(项)')) continue;
    ENTRY.lastIndex = 0;
    for (let m; (m = ENTRY.exec(text)); ) {
      const items = (m[2] ?? '')
        .split(/[、，,]/)
        .map((s) => s.replace(/\s+/g, '').replace(/等$/, ''))
        .filter(Boolean);
      if (items.length !== 1) continue;
      const item = items[0] as string;
      // An item that names no money of its own (`为行政事业单位养老保险缴费` is the 项 itself).
      if (item.length < 4 || /\(项\)/.test(item)) continue;
      out.push({ item, subject: compactSubject((m[1] ?? '').replace(/^\s*\d+[.、．]\s*/, '')) });
    }
  }
  return out;
}
