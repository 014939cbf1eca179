/**
 * narrative-items: the spending items the text says a part of basic expenditure goes to
 * (`公用经费…主要包括：办公费、印刷费、水费、电费…`, `商品和服务支出…主要用于：…`) against the
 * lines of the basic-expenditure table by economic classification. An item the text names
 * that the table has no line for, or only a zero line, is reported with the sentence: the
 * description was copied from a template or another year. Checked only when the table lists
 * items (款) under the classes the sentence speaks of; names that are no 款 of the economic
 * classification (`办公用房物业管理费`, `日常维修费`) are left alone.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Paragraph } from '../model/schemas.ts';
import { type Lang, headed, message, ruleTitle } from '../messages.ts';
import type { Check } from './types.ts';
import { economicItemsKeyed } from '../knowledge.ts';
import { foldChars } from '../narrative/fold.ts';
import { narrativeOf, quoteAt, sentenceSource } from '../narrative/index.ts';
import { basicTable } from './cross-table.ts';
import { rowHoldsMoney } from './select.ts';

/** What the sentence is about, and the economic classes that hold it. */
const HEADS: [RegExp, string[]][] = [
  [/人员经费/, ['301', '303']],
  [/公用经费|机关运行经费/, ['302', '310']],
  [/工资福利支出/, ['301']],
  [/商品和服务支出/, ['302']],
  [/对个人和家庭的补助/, ['303']],
];
/** `公用经费 60 万元，主要包括：…`, `商品和服务支出 173.07 万元。主要用于：…` (the list may open the next sentence). */
const LIST = /(人员经费|公用经费|机关运行经费|工资福利支出|商品和服务支出|对个人和家庭的补助)([^。;]*?。?\s*)(?:主要用于|主要包括|包括)[:：]?([^。;]+)/g;
/** `机关运行经费：指为保障…`: a definition of the term (名词解释), not this department's spending. */
const DEFINITION = /^\s*[:：(]|指|是指|定义/;
/** At least this many 款 under the classes: the table lists items, not just classes. */
const MIN_ITEMS = 3;

const bare = (s: string) => foldChars(s).replace(/[\s()（）]/g, '');

interface TableItems {
  t: number;
  /** 款 code → the line shows money. */
  items: Map<string, boolean>;
}

function tableItems(work: WorkDocument): TableItems | undefined {
  const t = basicTable(work);
  const table = work.tables[t]?.table;
  if (!table) return undefined;
  const items = new Map<string, boolean>();
  for (const r of table.rows) {
    let code = r.code && /^3\d{4}$/.test(r.code) ? r.code : undefined;
    // A line named without its code (`办公费`): the 款 of that name.
    if (!code && !r.code) code = economicItemsKeyed(r.label, bare)[0]?.code;
    if (!code) continue;
    items.set(code, (items.get(code) ?? false) || rowHoldsMoney(r));
  }
  return { t, items };
}

function listFindings(work: WorkDocument, p: Paragraph, ti: TableItems, lang: Lang): CheckResult[] {
  const out: CheckResult[] = [];
  const text = foldChars(p.text);
  LIST.lastIndex = 0;
  for (let m = LIST.exec(text); m; m = LIST.exec(text)) {
    if (DEFINITION.test(m[2] ?? '')) continue;
    const classes = HEADS.find(([re]) => re.test(m?.[1] ?? ''))?.[1] ?? [];
    const listed = [...ti.items.keys()].filter((code) => classes.includes(code.slice(0, 3)));
    if (listed.length < MIN_ITEMS) continue;
    const names = (m[3] ?? '')
      .split(/[、,，]|及(?=[\u4e00-\u9fff])/)
      .map((x) => x.replace(/(?:等(?:支出|费用)?|方面)$/, '').trim())
      .filter((x) => x.length >= 2);
    const missing: string[] = [];
    for (const name of names) {
      const codes = economicItemsKeyed(name, bare).filter((c) => classes.includes(c.code.slice(0, 3)));
      if (codes.length === 0) continue;
      if (!codes.some((c) => ti.items.get(c.code))) missing.push(`${name}（${codes.map((c) => c.code).join('/')}）`);
    }
    if (missing.length === 0) continue;
    const start = m.index;
    const end = m.index + m[0].length;
    const head = m[1] ?? '';
    const table = work.tables[ti.t]?.table;
    const tableName = table ? `${table.tableNo ?? ''} ${table.title}`.trim() : '';
    out.push({
      id: `narrative-items/p${p.index}@${start}`,
      rule: 'narrative-items',
      verdict: 'discrepancy',
      severity: 'warning',
      message: headed(ruleTitle('narrative-items', lang), lang, message('narr.items-missing', lang, { head, items: missing.join(lang === 'zh' ? '、' : ', '), table: tableName })),
      messageKey: 'narr.items-missing',
      stated: null,
      expected: null,
      difference: null,
      tolerance: null,
      formula: `${head}: ${missing.join('、')} ∉ ${tableName}`,
      where: [
        { role: 'stated', label: head, value: null, quote: quoteAt(p, start, end), source: sentenceSource(p, start, end) },
        { role: 'operand', label: tableName, value: null, table: table?.id, tableTitle: table?.title, tableNo: table?.tableNo, unit: table?.unit, source: table?.source },
      ],
    });
  }
  return out;
}

export const narrativeItems: Check = {
  id: 'narrative-items',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const ti = tableItems(work);
    if (!ti) return [];
    return narrativeOf(work).paragraphs.flatMap((p) => (/主要用于|包括/.test(p.text) ? listFindings(work, p, ti, lang) : []));
  },
};
