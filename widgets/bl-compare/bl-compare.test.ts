import { expect } from '@esm-bundle/chai';
import './bl-compare.ts';
import type { BlCompare } from './bl-compare.ts';
import { DATA, expectAccessible, mount } from '../internal/test-helpers.ts';

describe('bl-compare', () => {
  afterEach(() => document.body.replaceChildren());

  it('is accessible', async () => {
    await expectAccessible(await mount<BlCompare>(`<bl-compare src="${DATA.hanyang}" compare-src="${DATA.jianghan}"></bl-compare>`));
  });

  it('puts two datasets side by side by 类, with both badges', async () => {
    const el = await mount<BlCompare>(`<bl-compare src="${DATA.hanyang}" compare-src="${DATA.jianghan}"></bl-compare>`);
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('h2')?.textContent).to.equal('对比：2023 决算 ⇄ 2024 预算');
    // 208 210 213 221 223 in one or the other: a pair of bars each
    expect(root.querySelectorAll('.chart svg .mark-rect > path').length).to.equal(10);
    expect(root.querySelectorAll('bl-audit-badge').length).to.equal(2);
    // two departments: said so; the value axis in 万元
    expect(root.querySelector('[data-note="departments"]')?.textContent).to.match(/不同部门/);
    expect(root.querySelector('.chart svg')?.textContent).to.include('万元');
  });

  it('needs its second dataset, and says so', async () => {
    const el = await mount<BlCompare>(`<bl-compare src="${DATA.hanyang}"></bl-compare>`);
    expect(el.shadowRoot?.querySelector('.error')?.textContent).to.match(/没有数据/);
  });
});
