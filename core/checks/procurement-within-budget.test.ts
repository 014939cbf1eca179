import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

const BASIC = [
  '2024年一般公共预算基本支出表',
  '单位：万元',
  '科目编码\t科目名称\t合计\t人员经费\t公用经费',
  '\t合计\t100.00\t60.00\t40.00',
  '301\t工资福利支出\t60.00\t60.00\t',
  '30101\t基本工资\t60.00\t60.00\t',
  '302\t商品和服务支出\t40.00\t\t40.00',
  '30201\t办公费\t30.00\t\t30.00',
  '30209\t物业管理费\t10.00\t\t10.00',
];
const PROJECTS = ['2024年项目支出预算表', '单位：万元', '单位名称（项目）\t合计\t一般公共预算', '\t合计\t50.00\t50.00', '201001\t某局本级\t50.00\t50.00', '42010323201T000000100\t业务工作经费\t50.00\t50.00'];
const HEADER = '单位代码\t单位名称\t项目\t政府采购品目\t功能科目\t部门支出经济分类\t资金来源\t资金性质\t采购数量\t单价 (万元)\t计量单位\t采购金额合计 (万元)';

/** A purchase: project, 品目, economic item, fund source, amount. */
function purchase(project: string, item: string, econ: string, source: string, amount: string): string {
  return ['201001', '某局本级', project, item, '[2080101]行政运行', econ, source, '经费拨款补助', '1', amount, '项', amount].join('\t');
}

function results(purchases: string[]) {
  const text = ['某局2024年部门预算', ...BASIC, '', ...PROJECTS, '', '2024年政府采购预算表', '单位：万元', HEADER, ...purchases].join('\n');
  return analyzeText(text).checks.filter((c) => c.rule === 'procurement-within-budget');
}

describe('procurement-within-budget', () => {
  it('should hold a project\'s purchases against its budget and basic purchases against their economic item', () => {
    const r = results([
      purchase('在职人员公用', '[C21040000]物业管理服务', '[30209]物业管理费', '预算安排', '8.00'),
      purchase('在职人员公用', '[A05049900]其他办公用品', '[30201]办公费', '预算安排', '6.00'),
      purchase('在职人员公用', '[C23029900]其他会计服务', '[30201]办公费', '预算安排', '4.00'),
      purchase('业务工作经费', '[C23010500]仲裁服务', '[30227]委托业务费', '预算安排', '40.00'),
    ]);
    expect(r.map((c) => [c.verdict, c.stated, c.expected]).sort()).toEqual([['ok', 10, 8], ['ok', 30, 10], ['ok', 50, 40]]);
    expect(r.every((c) => c.formula.includes('≥'))).toBe(true);
  });

  it('should report purchases beyond their budget line', () => {
    const r = results([
      purchase('在职人员公用', '[C21040000]物业管理服务', '[30209]物业管理费', '预算安排', '12.00'),
      purchase('业务工作经费', '[C23010500]仲裁服务', '[30227]委托业务费', '预算安排', '55.00'),
    ]);
    const wrong = r.filter((c) => c.verdict === 'discrepancy').map((c) => [c.stated, c.expected]).sort();
    expect(wrong).toEqual([[10, 12], [50, 55]]);
    expect(r.every((c) => c.severity !== 'info')).toBe(true);
  });

  it('should say what it could not hold against a budget, and leave other funds out of the general budget', () => {
    const r = results([
      purchase('宣传活动经费', '[C23010500]会议服务', '[30215]会议费', '预算安排', '25.00'),
      purchase('在职人员公用', '[C99000000]其他服务', '[30216]培训费', '预算安排', '2.00'),
      purchase('在职人员公用', '[C21040000]物业管理服务', '[30209]物业管理费', '单位资金', '90.00'),
      purchase('在职人员公用', '[C21040000]物业管理服务', '[30209]物业管理费', '上年结转', '90.00'),
    ]);
    expect(r.map((c) => [c.verdict, c.stated])).toEqual([['undecided', 25], ['undecided', 2]]);
    expect(r[0]?.reason).toContain('项目');
    expect(r[1]?.reason).toContain('经济分类');
  });
});
