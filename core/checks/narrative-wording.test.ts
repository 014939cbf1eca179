import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

const FINAL = '江城市江北区人力资源和社会保障局2023年度部门决算';
const BUDGET = '江城市江北区人力资源和社会保障局2024年部门预算';

function found(title: string, ...paragraphs: string[]) {
  const report = analyzeText([title, '', ...paragraphs.flatMap((p) => [p, ''])].join('\n'));
  return report.checks.filter((c) => c.rule === 'narrative-wording' || c.rule === 'narrative-year').map((c) => [c.rule, c.severity, c.where[0]?.label]);
}

describe('narrative-wording', () => {
  it('should report a template alternative left before a figure, an unfilled placeholder and a word typed twice', () => {
    expect(found(FINAL, '一般公共预算财政拨款收入 9,000.00 万元，比上年增加（减少）711.72 万元。')).toEqual([['narrative-wording', 'warning', '增加（减少）']]);
    expect(found(FINAL, '项目支出比上年增长/下降 8.27%。')).toEqual([['narrative-wording', 'warning', '增长/下降']]);
    expect(found(FINAL, '会议费支出XX万元，主要用于召开工作会议。')).toEqual([['narrative-wording', 'warning', 'XX']]);
    expect(found(FINAL, '本年支出比上年增加增加 584.09 万元，主要是人员增加。')).toEqual([['narrative-wording', 'info', '增加增加']]);
    expect(found(FINAL, '主要用于用于就业补助。这是的的确确的。')).toEqual([['narrative-wording', 'info', '用于用于']]);
  });

  it('should report a year half filled where the text names the document, and no other short number before 年', () => {
    expect(found(FINAL, '第三部分 某局 202 年度部门决算情况说明')).toEqual([['narrative-wording', 'warning', '202 年度']]);
    expect(found(FINAL, '一、20  年部门决算表')).toEqual([['narrative-wording', 'warning', '20  年']]);
    expect(found(FINAL, '本局成立20年来，累计服务202年度预算单位。连续20年预算执行良好。')).toEqual([]);
  });

  it('should report a change and no change said of one figure', () => {
    expect(found(FINAL, '公务接待费支出决算减少为0.00万元，与2022年持平。')).toEqual([['narrative-wording', 'warning', '减少为0.00万元，与2022年持平']]);
    expect(found(BUDGET, '政府性基金拨款支出预算0万元，与2023年预算增加持平；')).toEqual([['narrative-wording', 'warning', '增加持平']]);
    // a change against last year and no change against the budget are two statements
    expect(found(FINAL, '公务接待费支出决算减少0.50万元，与年初预算持平。因公出国（境）费0万元，与2022年持平。')).toEqual([]);
  });

  it('should leave alone both directions named as a heading, a table label repeated by a form read as text, and Latin words', () => {
    expect(found(FINAL, '（三）增减变化情况：比上年增加（减少）的主要原因是人员变动。')).toEqual([]);
    expect(found(FINAL, '预算编制预算编制科学性绩效基本型 100% 100%立项规范性绩效基本型 100% 100%')).toEqual([]);
    expect(found(FINAL, '信息系统 XXGK 平台运维费 12.00 万元。乘以 2×3 的系数。')).toEqual([]);
  });
});

describe('narrative-year', () => {
  it('should report last year naming the document itself, and in a 决算 the department\'s own doings', () => {
    expect(found(FINAL, '纳入江城市江北区人力资源和社会保障局 2022 年度部门决算编制范围的二级预算单位包括：')).toEqual([['narrative-year', 'warning', '2022 年度部门决算编制范围']]);
    expect(found(FINAL, '1.因公出国(境)费支出决算为 0.00 万元。2022年度江北区人力资源和社会保障局因公出国(境)团组 0个，0人次。')).toEqual([
      ['narrative-year', 'warning', '2022年度江北区人力资源和社会保障局'],
    ]);
    expect(found(BUDGET, '纳入本部门 2023 年部门预算编制范围的单位共 3 个。')).toEqual([['narrative-year', 'warning', '2023 年部门预算编制范围']]);
  });

  it('should leave alone the year before when it is compared with, a source, a range or other years\' money', () => {
    expect(
      found(
        FINAL,
        '一般公共预算财政拨款收入 9,441.67 万元，比 2022 年度决算数增加 711.72 万元。',
        '与 2022 年度江北区人力资源和社会保障局相比，人员增加 2 人。',
        '根据 2022 年度本部门决算数据测算，支付了 2022 年度中央就业补助资金结转 377.89 万元。',
        '2021—2022年度本部门连续两年获评先进。补缴 2022 年度养老保险 43.11 万元。',
        '2023 年度部门决算编制范围包括本级。',
      ),
    ).toEqual([]);
  });

  it('should leave alone last year\'s work told in a budget', () => {
    expect(found(BUDGET, '2023年，江北区人力资源和社会保障局全年城镇新增就业 19391 人。', '2023年度本部门完成职业技能培训 5000 人次。')).toEqual([]);
  });
});
