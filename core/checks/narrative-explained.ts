/**
 * narrative-explained: a 决算's text explains the general-budget spending item by item
 * (`（三）一般公共预算财政拨款支出决算具体情况`: `1.社会保障和就业支出（类）…（款）行政运行（项）。年初
 * 预算为…，支出决算为…，主要原因…`), as the disclosure templates ask. Every 项 of the table of
 * that spending (公开05表) with money should be named in that section; the items it leaves out
 * are reported with their table rows. Names are compared without spaces and brackets, over the
 * whole section (PDF text wraps names across lines), by any name the 项's code has in the tables (a
 * name the PDF's text garbled in one table is read right in another). When the section cannot be
 * found, nothing is said: the heading's wording is not fixed, and a missing section is no arithmetic.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph, Where } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import { foldChars } from '../narrative/fold.ts';
import type { Check } from './types.ts';
import { rowHoldsMoney } from './select.ts';

/** The section's heading: `（三）一般公共预算财政拨款支出决算具体情况`, `…决算明细情况说明`. */
const SECTION = /一般公共预算财政拨款支出(?:决算)?(?:具体|明细)情况/;
/** A heading of the section's level or above, which ends it (numbered items `1.` do not). */
const NEXT_SECTION = /^\s*(?:[(（][一二三四五六七八九十]+[)）]|[一二三四五六七八九十]+[、.．]|第[一二三四五六七八九十]+部分)/;
const MAX_HEADING = 60;

const key = (s: string) => foldChars(s).replace(/[\s()（）[\]【】"“”·、,，.。:：;；]/g, '');

function section(paragraphs: Paragraph[]): { heading: Paragraph; text: string } | undefined {
  const at = paragraphs.findIndex((p) => p.text.length <= MAX_HEADING && SECTION.test(foldChars(p.text)));
  const heading = paragraphs[at];
  if (!heading) return undefined;
  const body: string[] = [];
  for (let i = at + 1; i < paragraphs.length; i++) {
    const p = paragraphs[i] as Paragraph;
    if (p.text.length <= MAX_HEADING && NEXT_SECTION.test(foldChars(p.text))) break;
    body.push(p.text);
  }
  return { heading, text: key(body.join('')) };
}

export const narrativeExplained: Check = {
  id: 'narrative-explained',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    if (work.doc.kind !== 'final') return [];
    const wt = work.tables.find((w) => w.table.template === 'final-05');
    if (!wt) return [];
    const table = wt.table;
    const items = table.rows.filter((r) => r.codeKind === 'function' && r.code?.length === 7 && rowHoldsMoney(r) && key(r.label) !== '');
    if (items.length === 0) return [];
    const found = section(work.doc.paragraphs);
    if (!found || found.text === '') return [];
    const name = found.heading.text.trim().replace(NEXT_SECTION, '');
    // A 项's names in every table: the PDF's text may garble one (a wrapped name read interleaved).
    const names = new Map<string, Set<string>>();
    for (const w of work.tables) {
      for (const r of w.table.rows) {
        if (r.codeKind !== 'function' || !r.code || key(r.label) === '') continue;
        const set = names.get(r.code) ?? new Set<string>();
        set.add(key(r.label));
        names.set(r.code, set);
      }
    }
    const missing = items.filter((r) => ![...(names.get(r.code as string) ?? [key(r.label)])].some((n) => found.text.includes(n)));
    const headingWhere: Where = { role: 'context', label: name, value: null, quote: found.heading.text.trim(), source: found.heading.source };
    const base = { id: `narrative-explained/${table.id}`, rule: 'narrative-explained' as const, stated: null, expected: null, difference: null, tolerance: null, formula: '' };
    if (missing.length === 0) {
      return [
        {
          ...base,
          verdict: 'ok',
          severity: 'none',
          message: headed(ruleTitle('narrative-explained', lang), lang, message('narr.explained-ok', lang, { section: name, n: items.length })),
          messageKey: 'narr.explained-ok',
          where: [headingWhere],
        },
      ];
    }
    const tableName = table.tableNo ?? table.title;
    return [
      {
        ...base,
        verdict: 'discrepancy',
        // a gap in the write-up, not a figure that is wrong: information
        severity: 'info',
        message: headed(
          ruleTitle('narrative-explained', lang),
          lang,
          message('narr.explained-missing', lang, { section: name, table: tableName, items: missing.map((r) => `${r.code} ${r.label}`).join(lang === 'zh' ? '、' : '; '), n: missing.length, total: items.length }),
        ),
        messageKey: 'narr.explained-missing',
        where: [
          ...missing.map(
            (r, i): Where => ({ role: i === 0 ? 'stated' : 'operand', label: `${tableName} ${r.code} ${r.label}`, value: null, table: table.id, tableTitle: table.title, tableNo: table.tableNo, row: { code: r.code, label: r.label }, source: r.source }),
          ),
          headingWhere,
        ],
      },
    ];
  },
};
