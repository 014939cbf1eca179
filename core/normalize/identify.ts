/**
 * Which standard table is this, and in what unit? Decided from the printed title, the table
 * number and the preamble — never from the table's position in the document.
 */
import type { DocumentKind, TemplateId, Unit } from '../model/schemas.ts';
import { templates, type TemplateSpec } from '../knowledge.ts';
import { compact } from '../text/normalize.ts';

const aliasIndex = templates.flatMap((t) => t.aliases.map((a) => ({ key: wording(compact(a).replace(/[()]/g, '')), raw: a, spec: t })));

/**
 * The same table under the other wordings the templates use, on titles and aliases alike:
 * `部门收支总体情况表` = `部门收支总表`, `一般公共预算支出情况表` = `一般公共预算支出表`,
 * `政府性基金预算财政拨款支出表` = `政府性基金预算支出表`, `…支出功能分类预算表` = `…支出预算表`.
 */
function wording(key: string): string {
  return key
    .replace(/总体情况表/g, '总表')
    // `收入决算总表`, `支出决算总表` (some provinces): the 02 and 03 tables, not the 总表 of both sides.
    .replace(/(?<!收入)(收入|支出)决算总表/g, '$1决算表')
    .replace(/情况表/g, '表')
    .replace(/预算(?:财政)?拨款(?=支出|基本支出|三公|收入支出|收支)/g, '预算')
    .replace(/按?(?:功能|经济)分类(?:科目)?/g, '');
}

/** Title without year, quotes and brackets: `2023年度财政拨款“三公”经费支出决算表` → `财政拨款三公经费支出决算表`. */
export function titleKey(title: string): string {
  return compact(title)
    .replace(/\*+/g, '')
    .replace(/^.*?\d{4}年度?/, '')
    .replace(/[()]/g, '');
}

const BUDGET_BY_NUMBER: Record<number, TemplateId> = {
  1: 'budget-summary', 2: 'budget-income', 3: 'budget-expense', 4: 'budget-fiscal', 5: 'budget-gpb',
  6: 'budget-gpb-units', 7: 'budget-basic', 8: 'budget-three', 9: 'budget-gf', 10: 'budget-soe',
};

/** Words that, right before a template's name, make the table one of that part only. */
const NARROWER = /(?:项目|基本|人员|公用|专项|费|采购|资金|拨款|政府性基金(?:预算)?|国有资本经营(?:预算)?)$/;

/** A title saying its rows are the economic classification (`…支出预算表（按政府预算经济分类）`). */
const ECONOMIC_ROWS = /经济(?:分类|科目)/;

export function identifyTemplate(title: string, kind: DocumentKind, tableNo?: string): TemplateSpec | undefined {
  const key = wording(titleKey(title));
  const economic = ECONOMIC_ROWS.test(titleKey(title));
  let best: { len: number; spec: TemplateSpec; kindMatch: boolean } | undefined;
  for (const a of aliasIndex) {
    if (!a.key || !key.includes(a.key)) continue;
    // `项目支出决算表` is no 支出决算表: a kind of spending named right before the alias.
    if (NARROWER.test(key.slice(0, key.indexOf(a.key)))) continue;
    // Rows by economic class are no table of function rows (`一般公共预算支出表`); 基本支出 tables are.
    if (economic && !/基本支出|经济/.test(a.raw)) continue;
    const kindMatch = a.spec.kind === kind;
    const better =
      !best || a.key.length > best.len || (a.key.length === best.len && kindMatch && !best.kindMatch);
    if (better) best = { len: a.key.length, spec: a.spec, kindMatch };
  }
  // A 决算 title matched by a budget alias only (or the reverse) is still accepted when the
  // title itself says which kind it is.
  if (best) {
    const titleKind = /决算/.test(key) ? 'final' : /预算/.test(key) ? 'budget' : undefined;
    if (!titleKind || titleKind === best.spec.kind || best.kindMatch) return best.spec;
  }
  if (tableNo) {
    const m = /^(公开|预算)0?(\d{1,2})表$/.exec(tableNo);
    if (m) {
      const n = Number(m[2]);
      const id: TemplateId | undefined =
        m[1] === '公开' && n >= 1 && n <= 9 ? (`final-0${n}` as TemplateId) : m[1] === '预算' ? BUDGET_BY_NUMBER[n] : undefined;
      if (id) return templates.find((t) => t.id === id);
    }
  }
  return undefined;
}

/**
 * The unit printed for a table: `单位：万元`, `金额单位：万` / `元` (split over lines),
 * `（单位：元）`. Returns undefined when none is printed.
 */
export function unitOf(text: string): Unit | undefined {
  const t = compact(text);
  const m = /(?:金额)?单位:?(亿元|万元|元)(?![a-z\u4e00-\u9fff]*名称)/.exec(t);
  if (m) return m[1] as Unit;
  return undefined;
}

/** The kind the tables' templates say, when no title says 预算 or 决算 (`部门收支总表`). */
export function kindOfTemplates(titles: string[]): DocumentKind {
  let budget = 0;
  let final = 0;
  for (const t of titles) {
    const id = identifyTemplate(t.trim(), 'unknown', undefined)?.id ?? '';
    if (id.startsWith('budget-')) budget++;
    else if (id.startsWith('final-')) final++;
  }
  return budget > final ? 'budget' : final > budget ? 'final' : 'unknown';
}

/** Document kind from titles: 决算 or 预算, by majority. */
export function kindOf(titles: string[]): DocumentKind {
  let final = 0;
  let budget = 0;
  for (const t of titles) {
    const k = compact(t);
    if (/决算/.test(k)) final++;
    else if (/预算/.test(k)) budget++;
  }
  if (final === 0 && budget === 0) return 'unknown';
  return final >= budget ? 'final' : 'budget';
}
