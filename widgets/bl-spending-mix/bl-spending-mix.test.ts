import { expect } from '@esm-bundle/chai';
import './bl-spending-mix.ts';
import type { BlSpendingMix } from './bl-spending-mix.ts';
import { DATA, download, expectAccessible, mount } from '../internal/test-helpers.ts';

describe('bl-spending-mix', () => {
  afterEach(() => document.body.replaceChildren());

  it('is accessible', async () => {
    await expectAccessible(await mount<BlSpendingMix>(`<bl-spending-mix src="${DATA.hanyang}"></bl-spending-mix>`));
  });

  it('draws basic vs project, personnel vs public and the economic classes', async () => {
    const el = await mount<BlSpendingMix>(`<bl-spending-mix src="${DATA.hanyang}"></bl-spending-mix>`);
    const root = el.shadowRoot as ShadowRoot;
    const bars = (part: string) => root.querySelectorAll(`section[data-part="${part}"] .chart svg .mark-rect > path`).length;
    expect(bars('basic-project')).to.equal(2);
    expect(bars('personnel-public')).to.equal(2);
    expect(bars('economic')).to.be.greaterThan(1);
    expect(root.querySelector('.desc')?.textContent).to.equal('基本支出 1,131.59 万元，项目支出 8,320.58 万元。');
  });

  it('says when a part has no figures, and shows tables', async () => {
    const el = await mount<BlSpendingMix>(`<bl-spending-mix src="${DATA.donghu}" lang="en"></bl-spending-mix>`);
    const root = el.shadowRoot as ShadowRoot;
    (root.querySelector('button[data-toggle-table]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(root.querySelectorAll('table').length).to.be.greaterThan(0);
    await expectAccessible(el);
  });

  it('downloads the shown data and all data as CSV, and its three charts as one PNG and one SVG', async () => {
    const el = await mount<BlSpendingMix>(`<bl-spending-mix src="${DATA.hanyang}"></bl-spending-mix>`);
    const root = el.shadowRoot as ShadowRoot;
    const shown = await download(root, '[data-csv="shown"]');
    expect(shown.text.replace(/^\ufeff/, '').split('\n')[0]).to.equal('part,code,name,amount (万元)');
    expect(shown.text).to.include('basic-project,基本支出,基本支出,1131.59');
    const all = await download(root, '[data-csv="all"]');
    expect(all.text).to.match(/\neconomic,30101,/);
    const svg = await download(root, '[data-image="svg"]');
    expect(svg.name).to.equal('budget-lens-mix.svg');
    expect((svg.text.match(/<svg/g) ?? []).length).to.equal(4);
    const png = await download(root, '[data-image="png"]');
    expect(png.type).to.equal('image/png');
    expect(png.size).to.be.greaterThan(1000);
  });
});
