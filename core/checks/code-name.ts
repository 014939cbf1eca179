/**
 * code-name: one 科目编码 should carry one name in every table. A slight variant (a wrapped or
 * cut label, 的 for 和) is reported as information; a different name as a warning. An economic
 * 款 printed with the name of another 款 of the classification (`30110 住房公积金`, which is
 * 30113) is a warning too: the figure sits on the wrong code, or the code is wrong. A name that reads
 * as another with a piece of a third threaded through it (two wrapped names a PDF's text layer read
 * interleaved) is said to be so and left out of the comparison.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult, Where } from '../model/schemas.ts';
import { type Lang, message, ruleTitle, headed } from '../messages.ts';
import { compareText, labelKey } from '../text/normalize.ts';
import type { Check } from './types.ts';
import { economicGroup, economicItemName, economicItemsNamed, functionClassName } from '../knowledge.ts';

/**
 * A code of the classifications (a 类 of 支出功能分类, of the 部门 or 政府 economic classification):
 * a figure of a form that happens to have the shape of one (`20000 人`, `500 件`) is none.
 */
function isClassificationCode(code: string, kind: 'function' | 'economic'): boolean {
  const cls = code.slice(0, 3);
  return kind === 'function' ? functionClassName(cls) !== undefined : economicGroup(cls) !== undefined || /^5(?:0[1-9]|[1-9]\d)$/.test(cls);
}

/** A name read whole: no bracket of a code cut from it (`]行政运行`, `[C`). */
function isCleanName(name: string): boolean {
  return !/[[\]【】]/.test(name);
}

function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return 99;
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0] ?? 0;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j] ?? 0;
      dp[j] = Math.min((dp[j] ?? 0) + 1, (dp[j - 1] ?? 0) + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length] ?? 99;
}

export function isNameVariant(a: string, b: string): boolean {
  const x = labelKey(a);
  const y = labelKey(b);
  if (x === y) return true;
  if (!x || !y) return true;
  if (x.includes(y) || y.includes(x)) return true;
  return editDistance(x, y) <= 1;
}

/**
 * Where the characters of `a` that a longest common subsequence with `b` leaves over stand in `a`,
 * the subsequence's length, and how many characters of `b` it leaves over.
 */
function leftOver(a: string, b: string): { lcs: number; rest: number[]; missing: number } {
  const dp = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = 1; i <= a.length; i++) for (let j = 1; j <= b.length; j++) dp[i]![j] = a[i - 1] === b[j - 1] ? dp[i - 1]![j - 1]! + 1 : Math.max(dp[i - 1]![j]!, dp[i]![j - 1]!);
  const rest: number[] = [];
  for (let i = a.length, j = b.length; i > 0; ) {
    if (j > 0 && a[i - 1] === b[j - 1]) {
      i--;
      j--;
    } else if (j > 0 && dp[i]![j - 1]! >= dp[i - 1]![j]!) j--;
    else rest.unshift(--i);
  }
  const lcs = dp[a.length]![b.length]!;
  return { lcs, rest, missing: b.length - lcs };
}

/**
 * `a` reads as `b` with a few other characters threaded through it, the way a PDF's text layer
 * interleaves two names wrapped in neighbouring cells (`险机缴关费事支业出单位职业年金缴`: 机关事业单位职业
 * 年金缴… and …险缴费支出): most of `b` in order, and the rest of `a` in two runs or more between.
 */
function isInterleaved(a: string, b: string): boolean {
  const x = labelKey(a);
  const y = labelKey(b);
  if (x.length > 40 || y.length > 40) return false;
  const { lcs, rest, missing } = leftOver(x, y);
  if (lcs < 4 || lcs < 0.6 * y.length || missing > 3 || rest.length < 2 || rest.length > 8) return false;
  const runs = rest.filter((at, k) => k === 0 || at !== (rest[k - 1] ?? -2) + 1).length;
  return runs >= 2;
}

/** Names that are one name, written a little differently (not one contained in the other). */
function sameName(a: string, b: string): boolean {
  const x = labelKey(a);
  const y = labelKey(b);
  return x === y || editDistance(x, y) <= 1;
}

/** An economic 款 printed with another 款's name: that other item, if so. */
function otherItem(code: string, name: string): { code: string; name: string } | undefined {
  const own = economicItemName(code);
  if (!own || isNameVariant(name, own)) return undefined;
  const others = economicItemsNamed(name, sameName).filter((c) => c.code !== code);
  return others.length === 1 ? others[0] : undefined;
}

export const codeName: Check = {
  id: 'code-name',
  findings(work: WorkDocument, lang: Lang): CheckResult[] {
    const byCode = new Map<string, { name: string; where: Where }[]>();
    for (const { table } of work.tables) {
      for (const row of table.rows) {
        if (!row.code || row.role === 'class' || !row.label) continue;
        if (row.codeKind !== 'function' && row.codeKind !== 'economic') continue;
        if (!isClassificationCode(row.code, row.codeKind) || !isCleanName(row.label)) continue;
        const list = byCode.get(row.code) ?? [];
        list.push({
          name: row.label,
          where: { role: 'operand', label: `${table.tableNo ?? table.title} ${row.code} ${row.label}`, value: null, table: table.id, tableTitle: table.title, tableNo: table.tableNo, row: { code: row.code, label: row.label }, source: row.source },
        });
        byCode.set(row.code, list);
      }
    }
    const out: CheckResult[] = [];
    for (const [code, list] of [...byCode].sort(([a], [b]) => compareText(a, b))) {
      const reported = new Set<string | undefined>();
      for (const x of list) {
        const other = /^\d{5}$/.test(code) && !reported.has(x.where.table) ? otherItem(code, x.name) : undefined;
        if (!other) continue;
        reported.add(x.where.table);
        const own = economicItemName(code) ?? '';
        out.push({
          id: `code-name/${code}/${x.where.table ?? ''}`,
          rule: 'code-name',
          verdict: 'discrepancy',
          severity: 'warning',
          message: headed(ruleTitle('code-name', lang), lang, message('code-name.other-item', lang, { code, name: x.name, other: other.code, own })),
          messageKey: 'code-name.other-item',
          stated: null,
          expected: null,
          difference: null,
          tolerance: null,
          formula: `${code} ${x.name} ≠ ${code} ${own}`,
          where: [{ ...x.where, role: 'stated' }],
        });
      }
      const all = [...new Map(list.map((x) => [labelKey(x.name), x.name])).values()];
      if (all.length < 2) continue;
      // A name garbled by the PDF's text layer is no name the document gives: left out of the comparison.
      const garbled = all.filter((n) => all.some((m) => m !== n && !isNameVariant(n, m) && isInterleaved(n, m)));
      const names = all.filter((n) => !garbled.includes(n));
      const variant = names.every((n) => isNameVariant(n, names[0] ?? ''));
      const quoted = (ns: string[]) => ns.map((n) => `“${n}”`).join(lang === 'zh' ? '、' : ', ');
      const namesText = quoted(names);
      const key = garbled.length && variant ? 'code-name.garbled' : variant ? 'code-name.variant' : 'code-name.differs';
      out.push({
        id: `code-name/${code}`,
        rule: 'code-name',
        verdict: variant ? 'ok' : 'discrepancy',
        severity: variant ? 'info' : 'warning',
        message: headed(ruleTitle('code-name', lang), lang, message(key, lang, { code, names: namesText, garbled: quoted(garbled) })),
        messageKey: key,
        stated: null,
        expected: null,
        difference: null,
        tolerance: null,
        formula: `${code}: ${names.join(' | ')}`,
        where: list.map((x) => x.where),
      });
    }
    return out;
  },
};
