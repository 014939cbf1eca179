import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

const base = readFileSync('tests/samples/made-up-budget.txt', 'utf8');
const items = (sentence: string) =>
  analyzeText(`${base}\n六、一般公共预算基本支出情况\n${sentence}\n`)
    .checks.filter((c) => c.rule === 'narrative-items')
    .map((c) => c.formula);

describe('narrative-items', () => {
  it('should report items the text lists that the basic-expenditure table has no money on', () => {
    expect(items('2024年公用经费5.00万元，主要包括：办公费、水费、公务接待费等。')).toEqual(['公用经费: 水费（30205） ∉ 2024年一般公共预算基本支出表']);
    // the list may open the next sentence
    expect(items('（三）商品和服务支出5.00万元。主要用于：办公费、会议费。')).toHaveLength(1);
  });

  it('should leave alone lists the table bears out, names that are no 款, and definitions', () => {
    expect(items('2024年公用经费5.00万元，主要包括：办公费、公务接待费、公务用车运行维护费。')).toEqual([]);
    expect(items('2024年公用经费5.00万元，主要包括：办公费、办公用房物业管理费、日常维修费。')).toEqual([]);
    expect(items('（九）机关运行经费：指为保障行政单位运行用于购买货物和服务的各项资金，包括办公费、印刷费、水费、会议费。')).toEqual([]);
  });
});
