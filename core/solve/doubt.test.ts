import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';
import { DOUBT_PLACES } from './doubt.ts';

// A made-up 公开05表 with every row printed in full. `flat` lays it out as PDF text does (cells
// apart by spaces: the reader rebuilds the columns), `tabbed` as tab-separated cells.
const ROWS: [string, string, number, number][] = [
  ['合计', '', 160, 60],
  ['208', '社会保障和就业支出', 100, 40],
  ['20801', '人力资源和社会保障管理事务', 50, 20],
  ['2080101', '行政运行', 30, 10],
  ['2080102', '一般行政管理事务', 20, 10],
  ['20805', '行政事业单位养老支出', 50, 20],
  ['2080501', '行政单位离退休', 20, 5],
  ['2080505', '机关事业单位基本养老保险缴费支出', 30, 15],
  ['221', '住房保障支出', 60, 20],
  ['22102', '住房改革支出', 60, 20],
  ['2210201', '住房公积金', 40, 15],
  ['2210202', '提租补贴', 20, 5],
];

function document(wrong: string[], sep: ' ' | '\t'): string {
  const rows = ROWS.map(([code, name, basic, project]) => {
    const total = basic + project + (wrong.includes(code || name) ? 7 : 0);
    const label = code ? `${code}${sep}${name}` : `合计${sep}`;
    return [label, total.toFixed(2), basic.toFixed(2), project.toFixed(2)].join(sep);
  });
  const head = sep === '\t' ? '科目编码\t科目名称\t小计\t基本支出\t项目支出\n栏次\t\t1\t2\t3' : '项目 本年支出\n科目编码\n科目名称 小计 基本支出 项目支出\n栏次 1 2 3';
  return `2023 年度一般公共预算财政拨款支出决算表
公开 05 表
部门：测试局 金额单位：万元
${head}
${rows.join('\n')}
注：本表反映部门本年度一般公共预算财政拨款支出情况。
1 栏各行＝（2＋3）栏各行。
`;
}

const discrepancies = (text: string) => analyzeText(text).checks.filter((c) => c.verdict === 'discrepancy');
const doubted = (text: string) => analyzeText(text).checks.filter((c) => c.reason?.includes('还原'));

describe('doubting a rebuilt table whose errors are scattered', () => {
  it('should keep a single error in text rebuilt from a PDF as a discrepancy', () => {
    const found = discrepancies(document(['2080102'], ' '));
    expect(found.length).toBeGreaterThan(0);
    expect(found.every((c) => c.where.some((w) => w.row?.code === '2080102'))).toBe(true);
    expect(doubted(document(['2080102'], ' '))).toEqual([]);
  });

  it(`should turn discrepancies at ${DOUBT_PLACES} unrelated rows of rebuilt text into could-not-check, with the arithmetic kept`, () => {
    const text = document(['2080102', '2080505', '2210201'], ' ');
    expect(discrepancies(text)).toEqual([]);
    const d = doubted(text);
    expect(d.length).toBeGreaterThanOrEqual(DOUBT_PLACES);
    for (const c of d) {
      expect(c).toMatchObject({ verdict: 'undecided', severity: 'info', messageKey: 'check.undecided' });
      expect(c.stated).not.toBeNull();
      expect(c.expected).not.toBeNull();
      expect(c.cause).toBeUndefined();
      expect(c.message).toMatch(/一般公共预算财政拨款支出决算表 是从 PDF 文本/);
    }
    const en = analyzeText(text, { lang: 'en' }).checks.filter((c) => c.reason?.includes('rebuilt from PDF text'));
    expect(en.length).toBe(d.length);
  });

  it('should never doubt a table whose cells are given (tab-separated)', () => {
    const text = document(['2080102', '2080505', '2210201'], '\t');
    expect(doubted(text)).toEqual([]);
    const rows = new Set(discrepancies(text).filter((c) => c.rule === 'note-formula').flatMap((c) => c.where.filter((w) => w.role === 'stated').map((w) => w.row?.code)));
    expect([...rows].sort()).toEqual(['2080102', '2080505', '2210201']);
  });
});
