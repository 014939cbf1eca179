import { describe, expect, it } from 'vitest';
import type { Paragraph } from '../model/schemas.ts';
import { type Claim, scanParagraphs } from './claims.ts';
import { sectionsOf } from './sections.ts';
import { foldChars } from './fold.ts';
import { toParagraphs } from '../normalize/document.ts';

function para(text: string, index = 0, heading = false): Paragraph {
  return { index, text, lineStarts: [{ offset: 0, line: index + 1 }], heading, source: { line: index + 1 } };
}

function claimsOf(texts: string[], docYear = 2023): Claim[] {
  const ps = texts.map((t, i) => para(t, i, t.length < 30 && /^[一二三四五六七八九十]+、/.test(t)));
  return scanParagraphs(ps, sectionsOf(ps, docYear)).claims;
}

const pick = (cs: Claim[]) => cs.map((c) => ({ kind: c.kind, value: c.value, unit: c.unit, topic: c.topic }));

describe('narrative claims', () => {
  it('should take 收入 on its own (收入预算, 本年收入) as naming the income total, with the change and rate after it', () => {
    const cs = claimsOf(['2024年收入预算6689.82万元，比2023年预算减少841.4万元，下降11.2%。'], 2024);
    expect(pick(cs)).toEqual([
      { kind: 'amount', value: 6689.82, unit: '万元', topic: '收入' },
      { kind: 'change', value: -841.4, unit: '万元', topic: '收入' },
      { kind: 'rate', value: -11.2, unit: '%', topic: '收入' },
    ]);
  });

  it('should take what an amount is used for as its subject (`项目支出主要用于某经费…`)', () => {
    const cs = claimsOf(['项目支出主要用于公共服务专项8,778.6万元；项目支出主要用于业务经费1,010.15万元。']);
    expect(cs.map((c) => c.topic)).toEqual(['公共服务专项', '业务经费']);
  });

  it('should read 项目全年预算数 as the named project’s budget in that project’s review, else as 项目支出', () => {
    const one = claimsOf(['1.社会保险经办业务经费项目绩效自评综述：项目全年预算数为1,010.15万元，执行数为1,010.15万元。']);
    expect(one.map((c) => c.topic)).toEqual(['社会保险经办业务经费', '社会保险经办业务经费']);
    const all = claimsOf(['1.项目绩效自评综述：项目全年预算数为 10505.69 万元，执行数为 8320.58 万元。']);
    expect(all.map((c) => c.topic)).toEqual(['项目支出', '项目支出']);
  });

  it('should keep 本年支出 and 本年收入 whole: the tables’ names for the totals, not a time word and a generic one', () => {
    expect(claimsOf(['本年支出100.00万元，本年收入100.00万元。']).map((c) => c.topic)).toEqual(['本年支出', '本年收入']);
    // other time words still go
    expect(claimsOf(['本年度项目支出8,320.58万元。']).map((c) => c.topic)).toEqual(['项目支出']);
  });

  it('should read 支出预算 as the expense total and 约为 as approximate', () => {
    const cs = claimsOf(['2024年支出预算100.00万元，比上年减少10.00万元。工资总额约为13.9亿元。']);
    expect(cs.map((c) => [c.topic, c.approx])).toEqual([
      ['支出预算', false],
      ['支出预算', false],
      ['工资总额', true],
    ]);
  });

  it('should read the upper end of a range as a bound, named without the lower end', () => {
    const cs = claimsOf(['职业培训补贴人均标准目标值400-4000元，完成值400-4000元；社会保险补贴人均标准673.17～923.73元，鉴定补贴80至400元，培训补贴标准400 元—4000 元。']);
    expect(cs.map((c) => c.value)).toEqual([4000, 4000, 923.73, 400, 400, 4000]);
    expect(cs.every((c) => c.bound)).toBe(true);
    for (const c of cs) expect(c.subject, c.subject).not.toMatch(/[\d-～至]$/);
    // a single figure after a dash that is no range is still a value
    expect(claimsOf(['项目支出—8320.58万元。']).map((c) => c.bound)).toEqual([false]);
  });

  it('should read 同比 as a comparison with last year and 下降率 / 增长率 / 降幅 as rates', () => {
    const cs = claimsOf(['财政拨款支出9,000.00万元，同比增加500.00万元，增长5.88%。', '机关运行经费支出100.00万元，比上年减少10.00万元，下降率9.09%。', '基本支出3,000.00万元，较2022年决算数减少300.00万元，降幅9.09%。']);
    expect(cs.map((c) => [c.kind, c.value, c.topic, c.base])).toEqual([
      ['amount', 9000, '财政拨款支出', undefined],
      ['change', 500, '财政拨款支出', 2022],
      ['rate', 5.88, '财政拨款支出', undefined],
      ['amount', 100, '机关运行经费支出', undefined],
      ['change', -10, '机关运行经费支出', 2022],
      ['rate', -9.09, '机关运行经费支出', undefined],
      ['amount', 3000, '基本支出', undefined],
      ['change', -300, '基本支出', 2022],
      ['rate', -9.09, '基本支出', undefined],
    ]);
  });

  it('should read amounts with thousands separators and units written apart or together', () => {
    const cs = claimsOf(['2023 年度收、支总计 9,452.17 万元，基本支出1131.58万元，项目支出 8,320.58 万元。']);
    expect(pick(cs)).toEqual([
      { kind: 'amount', value: 9452.17, unit: '万元', topic: '收、支总计' },
      { kind: 'amount', value: 1131.58, unit: '万元', topic: '基本支出' },
      { kind: 'amount', value: 8320.58, unit: '万元', topic: '项目支出' },
    ]);
    expect(cs[0]?.year).toBe(2023);
  });

  it('should read changes and rates with their direction, and last year’s figure', () => {
    const cs = claimsOf(['项目支出 8320.58 万元比 2022 年 7,737.11 万元增加了583.47 万元，支出增加了 7.41%。', '2024年收支总预算6689.82万元，比2023年预算减少841.4万元，下降11.2%。']);
    expect(pick(cs)).toEqual([
      { kind: 'amount', value: 8320.58, unit: '万元', topic: '项目支出' },
      { kind: 'prior', value: 7737.11, unit: '万元', topic: '项目支出' },
      { kind: 'change', value: 583.47, unit: '万元', topic: '项目支出' },
      { kind: 'rate', value: 7.41, unit: '%', topic: '项目支出' },
      { kind: 'amount', value: 6689.82, unit: '万元', topic: '收支总' },
      { kind: 'change', value: -841.4, unit: '万元', topic: '收支总' },
      { kind: 'rate', value: -11.2, unit: '%', topic: '收支总' },
    ]);
    expect(cs[1]?.year).toBe(2022);
    expect(cs[2]?.base).toBe(2022);
  });

  it('should read shares with their whole, spaced percentages and full-width digits', () => {
    const cs = claimsOf(['其中：财政拨款收入９，４５２．１７万元， 占本年收入100.00 %；授予中小企业合同金额585.60万元，占政府采购支出总额的95.88 %。']);
    const shares = cs.filter((c) => c.kind === 'share');
    expect(shares.map((c) => [c.value, c.denominator])).toEqual([
      [100, '本年收入'],
      [95.88, '政府采购支出总额'],
    ]);
    expect(cs[0]?.value).toBe(9452.17);
    expect(cs[0]?.scope).toBe('fiscal');
  });

  it('should read execution rates with the budget and actual figures they come from', () => {
    const cs = claimsOf(['行政运行年初预算639.75 万元，实际支出 639.57 万元，完成预算的 99.97%。']);
    expect(cs.map((c) => [c.kind, c.measure])).toEqual([
      ['amount', 'budget-initial'],
      ['amount', 'actual'],
      ['execution', 'budget-initial'],
    ]);
  });

  it('should keep a section’s scope, and a clause’s own scope', () => {
    const cs = claimsOf(['五、一般公共预算财政拨款支出决算情况说明', '基本支出1131.58万元，国有资本经营预算财政拨款收入 10.50 万元。']);
    expect(cs.map((c) => [c.topic, c.scope ?? c.contextScope ?? c.sectionScope])).toEqual([
      ['基本支出', 'gpb'],
      ['国有资本经营预算财政拨款收入', 'soe'],
    ]);
  });

  it('should mark approximate figures, bounds and targets', () => {
    const cs = claimsOf(['审核发放各类就业创业补贴共计 6900 余万元，提供岗位 2.8 万余个，结案率达到 94%以上，城镇新增就业人数目标值32000人，完成值43183人。']);
    expect(cs.map((c) => [c.value, c.approx, c.bound, c.measure])).toEqual([
      [6900, true, false, 'unspecified'],
      [28000, true, false, 'unspecified'],
      [94, false, true, 'unspecified'],
      [32000, false, false, 'target'],
      [43183, false, false, 'actual'],
    ]);
  });

  it('should record lists with their head and items, not counting bracketed asides', () => {
    const ps = [para('在职实有人数 37人，其中：行政 10 人，事业 25 人(其中：参照公务员法管理 10人)。')];
    const scan = scanParagraphs(ps, sectionsOf(ps, 2023));
    expect(scan.lists.map((l) => [l.head.value, l.items.map((i) => i.value)])).toEqual([[37, [10, 25]]]);
  });

  it('should read a statement that there was none', () => {
    const ps = [para('2023 年度本部门当年无国有资本经营预算财政拨款支出。')];
    const scan = scanParagraphs(ps, sectionsOf(ps, 2023));
    expect(scan.absences.map((a) => [a.what, a.scope])).toEqual([['国有资本经营预算财政拨款支出', 'soe']]);
  });

  it.each([
    ['本部门2023年度未发生国有资本经营预算财政拨款支出。', '国有资本经营预算财政拨款支出'],
    ['本部门2023年度未安排政府性基金预算财政拨款支出。', '政府性基金预算财政拨款支出'],
    ['本部门2023年度国有资本经营预算财政拨款支出为零。', '国有资本经营预算财政拨款支出'],
    ['2023年度政府性基金预算财政拨款收入、支出均为0。', '政府性基金预算财政拨款收入支出'],
  ])('should read `%s` as a statement that there was none', (text, what) => {
    const ps = [para(text)];
    expect(scanParagraphs(ps, sectionsOf(ps, 2023)).absences.map((a) => a.what)).toEqual([what]);
  });

  it.each(['项目支出结转结余为零。', '“三公”经费支出与上年相比增减变化为零。', '基本支出为0万元。', '公务用车购置数量为0。'])('should not read `%s` as a statement that a spending was none', (text) => {
    const ps = [para(text)];
    expect(scanParagraphs(ps, sectionsOf(ps, 2023)).absences).toEqual([]);
  });

  it('should join a number split over two lines of PDF text', () => {
    const lines = ['审批事业单位人员工资异动手续 1500 余人次，办理一次性安葬费和抚恤金审批手续 1', '89 人。'].map((text, i) => ({ text, source: { line: i + 1 } }));
    const [p] = toParagraphs(lines, true);
    const cs = claimsOf([p?.text ?? '']);
    expect(cs.map((c) => c.value)).toEqual([1500, 189]);
  });

  it('should read a Chinese comma typed between a figure’s thousands as grouping, and nowhere else', () => {
    // A real district budget's `（项）3，518.85万元`: before, read as 518.85万元.
    const cs = claimsOf(['“城乡社区支出（类）建设市场管理与监督（款）建设市场管理与监督（项）3，518.85万元，主要用于人员工资。']);
    expect(cs.map((c) => [c.value, c.unit])).toEqual([[3518.85, '万元']]);
    expect(foldChars('3，518.85万元').length).toBe('3，518.85万元'.length);
    // a clause's comma between two figures stays one: no decimals and unit after three digits
    expect(foldChars('完成3，518项')).toBe('完成3，518项');
    expect(foldChars('共1234，567.80万元')).toBe('共1234，567.80万元');
  });

  it('should keep the item a 决算 explains as the topic of its budget and actual, however the sentences run', () => {
    const cs = claimsOf([
      // the item's name, then what it is used for, in a sentence of its own; `当年` before 支出决算
      '15.节能环保支出（类）污染防治（款）水体（项），主要用于地表水水质监测、入河排污口长效管理等项目支出。年初预算为 215.00 万元，当年支出决算为 213.10 万元。',
      // what it is used for running into the figures' sentence, a clause of it naming other spending
      '17.节能环保支出（类）污染减排（款）生态环境监测与信息（项），主要用于监测站基本工资、津贴补贴等人员支出，公用支出及项目支出，年初预算为 1464.65 万元，当年支出决算为 1493.39 万元。',
    ]);
    expect(cs.map((c) => [c.value, c.subject, c.topic])).toEqual([
      [215, '', '节能环保支出‹类›污染防治‹款›水体‹项›'],
      [213.1, '', '节能环保支出‹类›污染防治‹款›水体‹项›'],
      [1464.65, '', '节能环保支出‹类›污染减排‹款›生态环境监测与信息‹项›'],
      [1493.39, '', '节能环保支出‹类›污染减排‹款›生态环境监测与信息‹项›'],
    ]);
    // a scope before 支出决算 still names the spending
    expect(claimsOf(['2025年度一般公共预算财政拨款支出决算为4733.14万元。']).map((c) => c.subject)).toEqual(['一般公共预算财政拨款支出']);
  });

  it('should fold full-width characters one for one', () => {
    const s = '占１００．００％（含）';
    expect(foldChars(s)).toBe('占100.00%(含)');
    expect(foldChars(s).length).toBe(s.length);
  });
});
