import { expect } from '@esm-bundle/chai';
import './bl-spending-structure.ts';
import '../bl-spending-mix/bl-spending-mix.ts';
import '../bl-compare/bl-compare.ts';
import type { BlSpendingStructure } from './bl-spending-structure.ts';
import { DATA, download, expectAccessible, mount, until } from '../internal/test-helpers.ts';

describe('bl-spending-structure', () => {
  afterEach(() => document.body.replaceChildren());

  it('is accessible', async () => {
    const el = await mount<BlSpendingStructure>(`<bl-spending-structure src="${DATA.jianghan}"></bl-spending-structure>`);
    await expectAccessible(el);
  });

  it('draws a treemap block per item of the top level, with the text description and the badge', async () => {
    const el = await mount<BlSpendingStructure>(`<bl-spending-structure src="${DATA.jianghan}"></bl-spending-structure>`);
    const root = el.shadowRoot as ShadowRoot;
    expect(root.querySelectorAll('.chart .mark-rect path, .chart g.role-mark path').length).to.be.greaterThan(0);
    const cells = root.querySelectorAll('.chart svg .mark-rect > path');
    expect(cells.length).to.equal(el.items.length);
    expect(root.querySelector('.desc')?.textContent).to.match(/武汉市江汉区人力资源局2024年预算按功能分类的支出共 6,689\.82 万元/);
    // The badge carries the dataset's own count (what the engine found on the document).
    const data = (await (await fetch(DATA.jianghan)).json()) as { audit: { summary: { discrepancy: number } } };
    const badge = root.querySelector('bl-audit-badge')?.shadowRoot?.querySelector('[data-checks]');
    expect(data.audit.summary.discrepancy).to.be.greaterThan(0);
    expect(badge?.getAttribute('data-discrepancies')).to.equal(String(data.audit.summary.discrepancy));
  });

  it('drills down by click and by keyboard, shows breadcrumbs, and goes back up', async () => {
    const el = await mount<BlSpendingStructure>(`<bl-spending-structure src="${DATA.jianghan}"></bl-spending-structure>`);
    const root = el.shadowRoot as ShadowRoot;
    const events: string[][] = [];
    el.addEventListener('bl-drill', (e) => events.push(e.detail.path));
    (root.querySelector('.legend button[data-code="208"]') as HTMLButtonElement).click();
    await el.updateComplete;
    await el.rendered;
    expect(events).to.deep.equal([['208']]);
    expect(el.items.every((i) => i.code.startsWith('208') || i.code === 'others')).to.equal(true);
    expect(root.querySelector('nav button[data-crumb="208"]')?.textContent).to.equal('社会保障和就业支出');
    // keyboard: focus a legend entry and press Enter (buttons: native keyboard activation)
    const next = root.querySelector('.legend button:not([disabled])') as HTMLButtonElement;
    next.focus();
    expect(root.activeElement).to.equal(next);
    next.click();
    await el.updateComplete;
    expect(events.length).to.equal(2);
    (root.querySelector('button[data-up]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(events.at(-1)).to.deep.equal(['208']);
    (root.querySelector('nav button[data-crumb="root"]') as HTMLButtonElement).click();
    await el.updateComplete;
    expect(events.at(-1)).to.deep.equal([]);
  });

  it('marks the items a discrepancy involves', async () => {
    // Hanyang: 2080704 社会保险补贴 is in a discrepancy, under 208
    const el = await mount<BlSpendingStructure>(`<bl-spending-structure src="${DATA.hanyang}"></bl-spending-structure>`);
    const flagged = el.items.filter((i) => i.flagged);
    expect(flagged.map((i) => i.code)).to.deep.equal(['208']);
    expect(flagged.length).to.be.greaterThan(0);
    const root = el.shadowRoot as ShadowRoot;
    const dashed = [...root.querySelectorAll('.chart svg .mark-rect > path')].filter((p) => p.getAttribute('stroke') === '#b91c1c');
    expect(dashed.length).to.equal(flagged.length);
    expect(root.querySelector(`.legend button[data-code="${flagged[0]?.code}"] .flag-mark`)).to.not.equal(null);
  });

  it('switches to a real table, and to a sunburst and bars', async () => {
    const el = await mount<BlSpendingStructure>(`<bl-spending-structure src="${DATA.hanyang}"></bl-spending-structure>`);
    const root = el.shadowRoot as ShadowRoot;
    (root.querySelector('button[data-toggle-table]') as HTMLButtonElement).click();
    await el.updateComplete;
    const rows = root.querySelectorAll('table tbody tr');
    expect(rows.length).to.equal(el.items.length);
    expect(root.querySelector('table caption')?.textContent).to.match(/按功能分类的支出/);
    (root.querySelector('button[data-toggle-table]') as HTMLButtonElement).click();
    el.view = 'sunburst';
    await el.updateComplete;
    await el.rendered;
    expect(root.querySelectorAll('.chart svg .mark-arc > path').length).to.be.greaterThan(el.items.length);
    el.view = 'bars';
    await el.updateComplete;
    await el.rendered;
    expect(root.querySelectorAll('.chart svg .mark-rect > path').length).to.equal(el.items.length);
  });

  it('downloads the shown level and the whole tree as CSV, and the chart as PNG and SVG', async () => {
    const el = await mount<BlSpendingStructure>(`<bl-spending-structure src="${DATA.hanyang}"></bl-spending-structure>`);
    const root = el.shadowRoot as ShadowRoot;
    const shown = (await download(root, '[data-csv="shown"]')).text.replace(/^\ufeff/, '').split('\n');
    expect(shown[0]).to.equal('code,name,amount (万元),share,discrepancy');
    expect(shown.length).to.equal(3);
    const all = (await download(root, '[data-csv="all"]')).text;
    expect(all).to.match(/\n2080704,社会保险补贴,item,6759\.97,/);
    const svg = await download(root, '[data-image="svg"]');
    expect(svg.text).to.match(/^<svg[^>]*>/);
    expect(svg.text).to.include('社会保障和就业支出');
    const png = await download(root, '[data-image="png"]');
    expect([png.name, png.type]).to.deep.equal(['budget-lens-structure.png', 'image/png']);
  });

  it('groups small items as "others" so the level still adds up', async () => {
    const el = await mount<BlSpendingStructure>(`<bl-spending-structure src="${DATA.hanyang}"></bl-spending-structure>`);
    const others = el.items.find((i) => i.code === 'others');
    expect(others?.grouped?.length).to.be.greaterThan(1);
    expect(el.items.reduce((a, i) => a + i.value, 0)).to.be.closeTo(9452.17, 0.01);
  });

  it('reads an inline dataset, speaks English, and reserves its height before the data', async () => {
    const data = await (await fetch(DATA.jianghan)).text();
    const wrap = document.createElement('div');
    wrap.innerHTML = `<bl-spending-structure lang="en" height="420"><script type="application/json">${data}</script></bl-spending-structure>`;
    document.body.append(wrap);
    const el = wrap.firstElementChild as BlSpendingStructure;
    expect(el.getBoundingClientRect().height).to.be.at.least(419);
    await until(() => !!el.shadowRoot?.querySelector('h2'));
    expect(el.shadowRoot?.querySelector('h2')?.textContent).to.equal('Spending by function');
    expect(el.shadowRoot?.querySelector('.desc')?.textContent).to.match(/¥66\.90 m/);
  });

  it('shows a readable error for an unreachable URL, invalid JSON and data that fails the schema', async () => {
    const bad = await mount<BlSpendingStructure>(`<bl-spending-structure src="/no/such/dataset.json"></bl-spending-structure>`);
    expect(bad.shadowRoot?.querySelector('.error[role="alert"]')?.textContent).to.match(/无法取得数据/);
    const json = await mount<BlSpendingStructure>(`<bl-spending-structure><script type="application/json">{ not json</script></bl-spending-structure>`);
    expect(json.shadowRoot?.querySelector('.error')?.textContent).to.match(/不是有效的 JSON/);
    const wrong = await mount<BlSpendingStructure>(`<bl-spending-structure lang="en"><script type="application/json">{"schemaVersion": 1}</script></bl-spending-structure>`);
    expect(wrong.shadowRoot?.querySelector('.error')?.textContent).to.match(/not a Budget Lens dataset: \$\.document: missing/);
    await expectAccessible(wrong);
  });

  it('says so when a dataset has no function tree (tables not found), in every chart', async () => {
    const d = await (await fetch(DATA.jianghan)).json();
    const empty = JSON.stringify({ ...d, functions: [], functionsFrom: null, economic: [], economicFrom: null, mix: { basic: null, project: null, personnel: null, public: null } }).replace(/</g, '\\u003c');
    for (const tag of ['bl-spending-structure', 'bl-spending-mix', 'bl-compare']) {
      const el = await mount<BlSpendingStructure>(`<${tag}><script type="application/json">${empty}</script>${tag === 'bl-compare' ? `<script type="application/json">${empty}</script>` : ''}</${tag}>`);
      const root = el.shadowRoot as ShadowRoot;
      expect(root.querySelector('.error'), tag).to.equal(null);
      expect(root.querySelector('bl-audit-badge'), tag).to.not.equal(null);
      expect(root.textContent, tag).to.match(/没有按功能分类的支出数字|没有这部分数字/);
    }
  });

  it('tolerates its script being loaded twice', async () => {
    const again: string = './bl-spending-structure.ts?again';
    await import(again);
    expect(customElements.get('bl-spending-structure')).to.not.equal(undefined);
  });

  it('renders under a Content-Security-Policy without eval (Vega’s interpreter)', async () => {
    const meta = document.createElement('meta');
    meta.httpEquiv = 'Content-Security-Policy';
    meta.content = "script-src 'self' 'unsafe-inline'";
    document.head.append(meta);
    expect(() => new Function('return 1')).to.throw(EvalError);
    const el = await mount<BlSpendingStructure>(`<bl-spending-structure src="${DATA.donghu}" view="bars"></bl-spending-structure>`);
    expect(el.shadowRoot?.querySelectorAll('.chart svg .mark-rect > path').length).to.equal(el.items.length);
  });
});
