/**
 * Synthetic variants of the fixtures, to check that the rules generalise: one amount changed
 * (a discrepancy at the right cell, nowhere else), a table switched to 元, a unit misprinted
 * (or left out) over a table, rows reordered, a table dropped, an empty-table statement removed.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../core/analyze.ts';
import type { AuditReport } from '../core/model/schemas.ts';

const fixture = (n: string) => readFileSync(`tests/fixtures/${n}.txt`, 'utf8');
const lines = (n: string) => fixture(n).split('\n');
const flagged = (r: AuditReport) => r.checks.filter((c) => c.verdict === 'discrepancy');
/** Discrepancies a variant has that the unaltered fixture does not (the fixtures have real ones in their text). */
const added = (r: AuditReport, base: AuditReport) => {
  const before = new Set(flagged(base).map((c) => `${c.id}|${c.stated}|${c.expected}`));
  return flagged(r).filter((c) => !before.has(`${c.id}|${c.stated}|${c.expected}`));
};

/** Replace line `match` (first line containing it after `after`) using fn. */
function edit(src: string[], after: string, match: string, fn: (l: string) => string): string[] {
  const start = src.findIndex((l) => l.includes(after));
  const i = src.findIndex((l, k) => k > start && l.includes(match));
  if (start < 0 || i < 0) throw new Error(`not found: ${after} / ${match}`);
  const out = src.slice();
  out[i] = fn(out[i] ?? '');
  return out;
}

describe('variants of the tab-separated 决算 (Donghu)', () => {
  const base = lines('donghu-hrss-2023-final');
  const baseReport = analyzeText(base.join('\n'));

  it('should flag one changed amount at its own cell and nowhere unrelated', () => {
    const text = edit(base, '2023年度支出决算表', '2080704', (l) => l.replace('4,928.56\t\t4,928.56', '4,938.56\t\t4,928.56')).join('\n');
    const r = analyzeText(text);
    const bad = added(r, baseReport);
    expect(bad.length).toBeGreaterThan(0);
    for (const c of bad) expect(c.where.some((w) => w.row?.code === '2080704' || w.row?.code === '20807' || w.row?.code === '208' || /合计/.test(w.row?.label ?? '')), c.id).toBe(true);
    expect(bad.some((c) => c.rule === 'note-formula' && c.where[0]?.row?.code === '2080704' && c.stated === 4938.56 && c.expected === 4928.56)).toBe(true);
    expect(bad.some((c) => c.rule === 'function-hierarchy' && c.where[0]?.row?.code === '20807')).toBe(true);
  });

  it('should compare a table printed in 元 with tables in 万元', () => {
    const start = base.findIndex((l) => l.includes('2023年度收入决算表'));
    const end = base.findIndex((l, k) => k > start && l.startsWith('注：'));
    const text = base
      .map((l, k) => {
        if (k <= start || k >= end) return l;
        if (l.startsWith('单位：')) return '单位：元';
        return l.replace(/\d{1,3}(?:,\d{3})*\.\d{1,2}/g, (m) => Math.round(Number(m.replace(/,/g, '')) * 10000).toLocaleString('en-US'));
      })
      .join('\n');
    const r = analyzeText(text);
    expect(r.tables.find((t) => t.template === 'final-02')?.unit).toBe('元');
    expect(added(r, baseReport)).toEqual([]);
    expect(r.checks.some((c) => c.id === 'cross-table/final-01-02-income' && c.verdict === 'ok')).toBe(true);
  });

  /** The lines of the table titled `title`, from its title to its notes, mapped by fn. */
  const inTable = (title: string, fn: (l: string) => string) => {
    const start = base.findIndex((l) => l.includes(title) && !l.startsWith('-'));
    const end = base.findIndex((l, k) => k > start && l.startsWith('注：'));
    return base.map((l, k) => (k > start && k < end ? fn(l) : l)).join('\n');
  };
  const toYuan = (l: string) => l.replace(/\d{1,3}(?:,\d{3})*\.\d{1,2}/g, (m) => Math.round(Number(m.replace(/,/g, '')) * 10000).toLocaleString('en-US'));

  it('should read a table labelled 元 whose figures are 万元 in 万元, and say once that its unit is misprinted', () => {
    // The 总表's own unit line (the first of the document) says 元; its figures stay 万元.
    const first = base.findIndex((l) => l.startsWith('单位：万元'));
    const text = base.map((l, k) => (k === first ? '单位：元' : l)).join('\n');
    const r = analyzeText(text);
    const table = r.tables.find((t) => t.template === 'final-01');
    expect(table?.unit).toBe('万元');
    expect(table?.unitPrinted).toBe('元');
    const bad = added(r, baseReport);
    expect(bad.map((c) => `${c.id} ${c.severity}`)).toEqual([`table-unit/${table?.id} error`]);
    expect(bad[0]?.cause?.kind).toBe('unit');
    expect(bad[0]?.where[0]?.table).toBe(table?.id);
    expect(r.checks.some((c) => c.id === 'cross-table/final-01-02-income' && c.verdict === 'ok')).toBe(true);
  });

  it('should read a table labelled 万元 whose figures are 元 in 元', () => {
    const text = inTable('2023年度收入决算表', toYuan);
    const r = analyzeText(text);
    const table = r.tables.find((t) => t.template === 'final-02');
    expect([table?.unit, table?.unitPrinted]).toEqual(['元', '万元']);
    expect(added(r, baseReport).map((c) => c.id)).toEqual([`table-unit/${table?.id}`]);
  });

  it('should read a table with no unit printed in the unit its figures show, as information', () => {
    const text = inTable('2023年度收入决算表', (l) => (l.startsWith('单位：') ? '' : toYuan(l)));
    const r = analyzeText(text);
    const table = r.tables.find((t) => t.template === 'final-02');
    expect([table?.unit, table?.unitPrinted]).toEqual(['元', undefined]);
    expect(added(r, baseReport)).toEqual([]);
    const unit = r.checks.find((c) => c.id === `table-unit/${table?.id}`);
    expect([unit?.verdict, unit?.severity]).toEqual(['ok', 'none']);
  });

  it('should not say which unit is wrong when two tables agree only with each other', () => {
    // 收入决算表 and 支出决算表 alone, printing the same figures (large enough to be 元 or 万元),
    // the first labelled 元: either label could be the wrong one.
    const from = base.findIndex((l) => l.includes('2023年度收入决算表') && !l.startsWith('-'));
    const to = base.findIndex((l, k) => k > from && l.includes('2023年度财政拨款收入支出决算总表'));
    const two = base.slice(from, to).map((l) => l.replace(/\d{1,3}(?:,\d{3})*\.\d{1,2}/g, (m) => (Number(m.replace(/,/g, '')) * 100).toFixed(2)));
    const unitAt = two.findIndex((l) => l.startsWith('单位：万元'));
    const r = analyzeText(two.map((l, k) => (k === unitAt ? '单位：元' : l)).join('\n'));
    const units = () => r.tables.filter((t) => t.template === 'final-02' || t.template === 'final-03').map((t) => [t.unit, t.unitPrinted]);
    expect(units()).toEqual([
      ['元', undefined],
      ['万元', undefined],
    ]);
    expect(r.checks.filter((c) => c.rule === 'table-unit')).toEqual([]);
    // Where the figures are too small for 元 (9,788.75 元 of income for a department), the 元 label is the wrong one.
    const small = analyzeText(base.slice(from, to).map((l, k) => (k === unitAt ? '单位：元' : l)).join('\n'));
    expect(small.tables.find((t) => t.template === 'final-02')?.unitPrinted).toBe('元');
  });

  it.each([
    ['一、', (n: number) => `${'一二三四五六七八九'[n - 1]}、`],
    ['1.', (n: number) => `${n}.`],
    ['附件1：', (n: number) => `附件${n}：`],
  ])('should find the tables whose titles are numbered %s, with a list of contents numbered alike', (_, prefix) => {
    let n = 0;
    const numbered = base.map((l) => {
      if (/^- [一二三四五六七八九]、/.test(l)) return l.slice(2); // contents entries without their dash
      return /^20\d{2}\s*年度\S*表$/.test(l.trim()) ? `${prefix(++n)}${l}` : l;
    });
    expect(n).toBeGreaterThanOrEqual(9);
    expect(numbered).toContain('一、收入支出决算总表');
    const r = analyzeText(numbered.join('\n'));
    expect(r.summary).toEqual(baseReport.summary);
    // (narrative ids number paragraphs, and the contents lines make paragraphs of their own)
    expect(flagged(r).map((c) => c.formula)).toEqual(flagged(baseReport).map((c) => c.formula));
  });

  /** A table's 科目编码 left out (the name only, in the name's cell), rows found as `inTable` finds them. */
  const dropCodes = (l: string) => l.replace(/^\d{3}(?:\d{2}){0,2}\t(?=[^\t\d])/, '\t');

  it('should give rows printed by name only the codes another table prints for the same names', () => {
    const text = inTable('2023年度一般公共预算财政拨款支出决算表', dropCodes);
    expect(text).toContain('\t人力资源和社会保障管理事务\t');
    const r = analyzeText(text);
    const t05 = r.tables.find((t) => t.template === 'final-05');
    expect(t05?.rows.filter((x) => x.code).map((x) => x.code)).toEqual(baseReport.tables.find((t) => t.template === 'final-05')?.rows.filter((x) => x.code).map((x) => x.code));
    expect(r.summary).toEqual(baseReport.summary);
  });

  it('should not depend on the order of rows', () => {
    const i = base.findIndex((l) => l.startsWith('2080701\t\t'));
    const j = base.findIndex((l) => l.startsWith('2080799\t\t'));
    const swapped = base.slice();
    [swapped[i], swapped[j]] = [swapped[j] ?? '', swapped[i] ?? ''];
    const r = analyzeText(swapped.join('\n'));
    expect(added(r, baseReport)).toEqual([]);
    expect(r.summary.ok).toBe(analyzeText(base.join('\n')).summary.ok);
  });

  it('should say which ties could not run when a table is dropped', () => {
    const start = base.findIndex((l) => l.includes('2023年度一般公共预算财政拨款支出决算表') && !l.startsWith('-'));
    const end = base.findIndex((l, k) => k > start && l.includes('2023年度一般公共预算财政拨款基本支出决算明细表'));
    const r = analyzeText([...base.slice(0, start), ...base.slice(end)].join('\n'));
    expect(r.tables.some((t) => t.template === 'final-05')).toBe(false);
    expect(added(r, baseReport)).toEqual([]);
    const missing = r.checks.find((c) => c.id === 'table-coverage/missing/final-05');
    expect(missing?.verdict).toBe('undecided');
    expect(missing?.reason).toMatch(/公开05表/);
  });
});

describe('tables carried over to a new page (Donghu)', () => {
  const base = lines('donghu-hrss-2023-final');
  const baseReport = analyzeText(base.join('\n'));

  /**
   * Each table broken after its 8th data row as a PDF's pages break it: a page number, then
   * `carry` (what the new page prints above the rest: `续表`, the title with `（续）` …), then
   * the table's header rows again.
   */
  function paged(carry: (title: string, unit: string) => string[]): { text: string; breaks: number } {
    const out: string[] = [];
    let title = '';
    let unit = '';
    let header: string[] = [];
    let data = -1;
    let breaks = 0;
    for (const l of base) {
      out.push(l);
      if (!l.includes('\t') && /\d{4}年度.*表$/.test(l.trim())) title = l.trim();
      if (/^单位[：:]/.test(l.trim())) [unit, header, data] = [l, [], 0];
      else if (!l.includes('\t')) data = l.trim() ? -1 : data;
      else if (data >= 0) {
        if (data === 0 && !/\t-?\d[\d,]*\.\d+/.test(l) && !/^\d{3,7}\t/.test(l)) header.push(l);
        else if (++data === 8 && header.length) {
          out.push('', '- 5 -', '', ...carry(title, unit), ...header);
          breaks++;
        }
      }
    }
    return { text: out.join('\n'), breaks };
  }

  it.each([
    ['the header rows only', () => []],
    ['续表 and the header rows', () => ['续表']],
    ['the title with （续）, the unit and the header rows', (title: string, unit: string) => [`${title}（续）`, '', unit]],
  ])('should read a table the same when a page break repeats %s', (_, carry) => {
    const { text, breaks } = paged(carry);
    expect(breaks).toBeGreaterThanOrEqual(4);
    const r = analyzeText(text);
    expect(r.tables.map((t) => t.title)).toEqual(baseReport.tables.map((t) => t.title));
    expect(r.summary).toEqual(baseReport.summary);
    expect(flagged(r).map((c) => c.formula)).toEqual(flagged(baseReport).map((c) => c.formula));
  });
});

describe('variants of the 预算 (Jianghan)', () => {
  const base = lines('jianghan-hr-2024-budget');

  /**
   * The fixture with the cells of its tab-separated tables rewritten by `cell` (its index in
   * the row, and the index of the row's first amount), and each table's unit line by `unit`.
   */
  function rewriteTables(cell: (text: string, i: number, firstAmount: number) => string, unit = (l: string) => l): string {
    let inTable = false;
    return base
      .map((l) => {
        if (/^单位[：:]/.test(l.trim())) {
          inTable = true;
          return unit(l);
        }
        if (!l.includes('\t')) {
          if (l.trim().length > 40) inTable = false;
          return l;
        }
        if (!inTable) return l;
        const cells = l.split('\t');
        const first = cells.findIndex((c) => AMOUNT.test(c.trim()));
        return cells.map((c, i) => cell(c, i, first)).join('\t');
      })
      .join('\n');
  }
  /** Amounts only (a decimal point or thousands separator): not 行次, codes or counts. */
  const AMOUNT = /^-?\d[\d,]*\.\d+$|^-?\d{1,3}(?:,\d{3})+$/;
  const baseReport = analyzeText(base.join('\n'));

  it('should find the same discrepancies with every table printed in 元 and the text left in 万元', () => {
    const text = rewriteTables(
      (c) => (AMOUNT.test(c.trim()) ? (Number(c.replace(/,/g, '')) * 10000).toLocaleString('en-US', { minimumFractionDigits: 2, maximumFractionDigits: 2 }) : c),
      (l) => l.replace(/万元\s*$/, '元'),
    );
    const r = analyzeText(text);
    expect(r.tables.filter((t) => t.unit === '元').length).toBeGreaterThan(10);
    const ids = (x: AuditReport) => flagged(x).map((c) => c.id).sort();
    expect(ids(r)).toEqual(ids(baseReport));
    // the text's 区承担 … 万元 shares are read in the form's 元
    const share = r.checks.find((c) => c.id.endsWith('/local-share') && c.stated === 270000);
    expect(share?.verdict).toBe('ok');
  });

  it('should read amounts of the text written in 万 alone (`1047.25万`) as in 万元', () => {
    const text = base.join('\n').replace(/(\d)\s?万元/g, '$1万');
    expect(text).not.toMatch(/\d\s?万元/);
    // (offsets in the text move by the characters taken out)
    const verdicts = (x: AuditReport) => x.checks.map((c) => `${c.id.replace(/@\d+/g, '@').replace(/^(text-arithmetic\/\d+)\/\d+$/, '$1')} ${c.verdict}`).sort();
    expect(verdicts(analyzeText(text))).toEqual(verdicts(baseReport));
  });

  it.each(['－', '/', '— —', '--'])('should read %s in an empty cell as the blank it stands for', (mark) => {
    const text = rewriteTables((c, i, first) => (first >= 0 && i > first && c.trim() === '' ? mark : c));
    expect(text.split(mark).length).toBeGreaterThan(100);
    expect(analyzeText(text).summary).toEqual(baseReport.summary);
  });

  it('should read years written in Chinese numerals (`二〇二四年`) as the years they are, in titles, columns and text', () => {
    const text = base.join('\n').replace(/20\d{2}(?=\s*年)/g, (y) => [...y].map((d) => '〇一二三四五六七八九'[Number(d)]).join(''));
    expect(text).toContain('二〇二三年');
    const r = analyzeText(text);
    expect(r.document.year).toBe(2024);
    const verdicts = (x: AuditReport) => x.checks.map((c) => `${c.id} ${c.verdict}`).sort();
    expect(verdicts(r)).toEqual(verdicts(baseReport));
  });

  it('should leave a tie undecided, not take a row for zero, where a table prints its 科目 by name only', () => {
    // every function table without its codes: no table to take them from
    const text = rewriteTables((c, i, first) => (i === 0 && first > 1 && /^\d{3}(?:\d{2}){0,2}$/.test(c.trim()) ? '' : c));
    const r = analyzeText(text);
    const before = new Set(flagged(baseReport).map((c) => c.id));
    expect(flagged(r).filter((c) => c.rule === 'cross-table' && !before.has(c.id))).toEqual([]);
    const undecided = r.checks.filter((c) => c.rule === 'cross-table' && c.verdict === 'undecided' && /找不到所需的行/.test(c.message));
    expect(undecided.length).toBeGreaterThan(0);
    // the 类 are known by name: each is still tied to the 总表s, and the total summed by 类
    const classTies = r.checks.filter((c) => /^cross-table\/budget-01-03-class\/\d{3}$/.test(c.id));
    expect(classTies.length).toBeGreaterThanOrEqual(2);
    for (const c of classTies) expect(c.verdict, c.id).toBe('ok');
    expect(r.checks.some((c) => c.rule === 'function-hierarchy' && c.id.endsWith('/total/c1') && c.verdict === 'ok')).toBe(true);
    // and no 类 is said to lack its 款 and 项: they are printed, by name
    expect(r.checks.filter((c) => c.rule === 'table-detail' && c.verdict === 'discrepancy')).toEqual([]);
  });

  it('should read the tables and forms the same with their figures in full-width digits', () => {
    const text = rewriteTables((c) => (AMOUNT.test(c.trim()) ? c.replace(/[0-9.,]/g, (d) => String.fromCharCode(d.charCodeAt(0) + 0xfee0)) : c));
    expect(text).toContain('６，６８９．８２');
    expect(analyzeText(text).summary).toEqual(baseReport.summary);
  });

  it('should read tables written as Markdown (`| 科目 | 金额 |`, a rule under the header) as the tab-separated ones', () => {
    const src = fixture('jianghan-hr-2024-budget').split('\n');
    const out: string[] = [];
    src.forEach((l, k) => {
      if (!l.includes('\t')) return void out.push(l);
      out.push(`| ${l.split('\t').join(' | ')} |`);
      // A rule under the first row of each table.
      if (!(src[k - 1] ?? '').includes('\t')) out.push(`|${l.split('\t').map(() => '---').join('|')}|`);
    });
    const text = out.join('\n');
    expect(text).not.toContain('\t');
    expect(text).toContain('|---|');
    // Before: no table was found at all.
    expect(analyzeText(text).summary).toEqual(baseReport.summary);
  });

  it('should take the header fields printed in cells of their own (`编制单位：… | | 金额单位：万元`) for the preamble', () => {
    const text = rewriteTables((c) => c, () => '编制单位：某某局\t\t\t金额单位：万元');
    expect(text).toContain('\t\t\t金额单位：万元');
    expect(analyzeText(text).summary).toEqual(baseReport.summary);
  });

  it('should take a row of whole numbers printed without decimals (`1 | | 1`) for figures, not for a header', () => {
    const text = rewriteTables((c) => (AMOUNT.test(c.trim()) ? c.replace(/\.0+$/, '') : c));
    const r = analyzeText(text);
    const three = r.tables.find((t) => t.template === 'budget-three');
    expect(three?.rows.length).toBeGreaterThan(0);
    expect(r.checks.filter((c) => c.rule === 'empty-table' && c.verdict === 'discrepancy')).toEqual([]);
  });

  it('should accept an empty table explained in the text, and warn when nothing explains it', () => {
    const noNote = base.filter((l) => !l.includes('注：本单位无政府性基金预算相关支出'));
    const explained = analyzeText(noNote.join('\n')).checks.find((c) => c.rule === 'empty-table' && c.where[0]?.tableTitle?.includes('政府性基金'));
    expect(explained?.verdict).toBe('ok');
    const silent = noNote.filter((l) => !/无政府性基金预算/.test(l));
    const unexplained = analyzeText(silent.join('\n')).checks.find((c) => c.rule === 'empty-table' && c.where[0]?.tableTitle?.includes('政府性基金'));
    expect(unexplained).toMatchObject({ verdict: 'discrepancy', severity: 'warning', messageKey: 'empty.unexplained' });
  });

  it('should flag a figure printed under an empty-table statement', () => {
    const text = edit(base, '2024 年国有资本经营预算支出表', '项目支出', (l) => l).join('\n').replace(
      '注：本单位无国有资本经营预算相关支出',
      '\t合计\t5.00\t\t5.00\n\n注：本单位无国有资本经营预算相关支出',
    );
    const r = analyzeText(text);
    expect(r.checks.find((c) => c.rule === 'empty-table' && c.verdict === 'discrepancy')?.expected).toBe(5);
  });
});

describe('variants of the PDF text (Hanyang)', () => {
  it.each(['- 23 -', '第 23 页 共 60 页', '\f23 / 60'])('should read a table broken by the page number %j as if it were not there', (marker) => {
    const base = lines('hanyang-hr-2023-final');
    const broken = base.flatMap((l) => (/^(?:2080104|20807) /.test(l) ? [l, '', marker, ''] : [l]));
    expect(broken.length).toBeGreaterThan(base.length);
    expect(analyzeText(broken.join('\n')).summary).toEqual(analyzeText(base.join('\n')).summary);
  });

  it.each([[[]], [['续表', '']]])('should read a table whose header block a page break prints again (after %j) as one table', (carry) => {
    const base = lines('hanyang-hr-2023-final');
    // each table's header block (from below `部门：…` down to the 栏次 line) again before its 3rd coded row
    const inserts = new Map<number, string[]>();
    base.forEach((l, i) => {
      if (!/^\d{4}\s*年度.*表$/.test(l.trim())) return;
      const dept = base.findIndex((x, k) => k > i && k < i + 8 && /^部门[：:]/.test(x.trim()));
      const col = base.findIndex((x, k) => k > i && k < i + 60 && /^栏次/.test(x.trim()));
      if (dept < 0 || col < 0) return;
      const next = base.findIndex((x, k) => k > col && /^\d{4}\s*年度.*表$/.test(x.trim()));
      const coded = base.map((x, k) => [x, k] as const).filter(([x, k]) => k > col && (next < 0 || k < next) && /^\d{3}(?:\d{2}){0,2}$/.test(x.trim()));
      const at = coded[2]?.[1];
      if (at !== undefined) inserts.set(at, ['', '- 5 -', '', ...carry, ...base.slice(dept + 1, col + 1), '']);
    });
    expect(inserts.size).toBeGreaterThanOrEqual(2);
    const paged = base.flatMap((l, k) => [...(inserts.get(k) ?? []), l]);
    const r = analyzeText(paged.join('\n'));
    const baseReport = analyzeText(base.join('\n'));
    expect(r.summary).toEqual(baseReport.summary);
    expect(flagged(r).map((c) => c.formula)).toEqual(flagged(baseReport).map((c) => c.formula));
  });

  it('should read titles and headings with their year in Chinese numerals (`二〇二三年度`)', () => {
    const base = lines('hanyang-hr-2023-final');
    const cn = base.map((l) => (l.length < 60 ? l.replace(/20\d{2}(?=\s*年)/g, (y) => [...y].map((d) => '〇一二三四五六七八九'[Number(d)]).join('')) : l));
    expect(cn.join('\n')).toMatch(/^二〇二三 ?年度收入支出决算总表$/m);
    const r = analyzeText(cn.join('\n'));
    const baseReport = analyzeText(base.join('\n'));
    expect(r.document.year).toBe(2023);
    // the year of the text left from last year's (`二〇二二年度部门决算编制范围`) is still found
    expect(flagged(r).map((c) => c.id).sort()).toEqual(flagged(baseReport).map((c) => c.id).sort());
    expect(r.summary).toEqual(baseReport.summary);
  });

  it('should take the document year from the text when no table title carries one', () => {
    const base = lines('hanyang-hr-2023-final');
    const untitled = base.map((l) => (/^20\d{2}\s*年度\S*表$/.test(l.trim()) ? l.replace(/^20\d{2}\s*年度/, '') : l));
    expect(untitled.join('\n')).not.toMatch(/^20\d{2}\s*年度收入支出决算总表$/m);
    const r = analyzeText(untitled.join('\n'));
    expect(r.document.year).toBe(2023);
    expect(r.summary).toEqual(analyzeText(base.join('\n')).summary);
  });

  it('should flag a changed figure even where columns had to be inferred', () => {
    const base = lines('hanyang-hr-2023-final');
    const text = edit(base, '2023 年度一般公共预算财政拨款支出决算表', '2210202 提租补贴', (l) => l.replace('13.64 13.64', '13.64 13.46')).join('\n');
    const bad = flagged(analyzeText(text));
    expect(bad.length).toBeGreaterThan(0);
    expect(bad.some((c) => c.where.some((w) => w.row?.code === '2210202'))).toBe(true);
  });
});
