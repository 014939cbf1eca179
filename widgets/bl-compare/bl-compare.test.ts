import { expect } from '@esm-bundle/chai';
import './bl-compare.ts';
import type { BlCompare } from './bl-compare.ts';
import { DATA, download, expectAccessible, mount } from '../internal/test-helpers.ts';

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
    // downloads: the pairs shown; every code of both trees; the chart
    const shown = await download(root, '[data-csv="shown"]');
    expect(shown.text.replace(/^\ufeff/, '').split('\n').length).to.equal(6);
    const all = await download(root, '[data-csv="all"]');
    expect(all.text).to.match(/\n2080101,行政运行,item,1495\.68,/);
    expect((await download(root, '[data-image="svg"]')).text).to.match(/^<svg/);
    expect((await download(root, '[data-image="png"]')).type).to.equal('image/png');
  });

  it('with one 决算 only: the budget and actual its text states, flagged rows outlined', async () => {
    const el = await mount<BlCompare>(`<bl-compare src="${DATA.hanyang}" lang="en"></bl-compare>`);
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelector('h2')?.textContent).to.equal('Comparison: 2023 final Initial budget ⇄ Actual');
    expect(root.querySelectorAll('.chart svg .mark-rect > path').length).to.equal(14);
    // 社会保险补贴 is in a discrepancy: its two bars are outlined
    expect([...root.querySelectorAll('.chart svg .mark-rect > path')].filter((p) => p.getAttribute('stroke-dasharray')).length).to.be.greaterThan(0);
    root.querySelector<HTMLButtonElement>('[data-toggle-table]')?.click();
    await el.updateComplete;
    expect(root.querySelectorAll('table tbody tr').length).to.equal(7);
  });

  it('needs its second dataset when the first states no budget, and says so', async () => {
    const el = await mount<BlCompare>(`<bl-compare src="${DATA.jianghan}"></bl-compare>`);
    expect(el.shadowRoot?.querySelector('.error')?.textContent).to.match(/^对比需要第二份数据：请给出 compare-src/);
  });
});
