import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';
import { extractText } from './text.ts';

describe('text a site printed with its markup', () => {
  const TEXT = [
    '示例局2024年部门预算',
    '一、收支预算总体情况',
    '<p>2024年收入预算总额100.00万元。</p><p>2024年支出预算总额100.00万元。</p>',
    '项目一：<p>1.2023年预算160万元</p><p>2.执行108.37万元</p>',
    '项目二：<p>1.2023年预算58万元</p><p>2.执行43.2万元</p>',
    '项目类别 1. 运转类 <input type="checkbox"/> 2. 特定目标类 <input checked="" type="checkbox"/>',
  ].join('\n');

  it('should read printed tags (`<p>`, `</p>`) as spaces as wide as themselves', () => {
    const raw = extractText(TEXT);
    const line = raw.text.find((l) => l.text.includes('收入预算总额'))?.text ?? '';
    expect(line).not.toMatch(/<\/?p>/);
    expect(line.indexOf('2024年收入')).toBe(3);
    expect(raw.text.find((l) => l.text.includes('项目类别'))?.text).not.toMatch(/<input/);
  });

  it('should take no tag into a subject, nor compare items of two projects named only by their tags', () => {
    const r = analyzeText(TEXT);
    expect((r.claims ?? []).map((c) => c.subject).filter((s) => s?.includes('<'))).toEqual([]);
    expect(r.checks.filter((c) => c.rule === 'narrative-repeat' && c.verdict === 'discrepancy')).toEqual([]);
  });
});
