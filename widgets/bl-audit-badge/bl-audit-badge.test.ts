import { expect } from '@esm-bundle/chai';
import './bl-audit-badge.ts';
import '../bl-findings/bl-findings.ts';
import type { BlAuditBadge } from './bl-audit-badge.ts';
import { DATA, expectAccessible, mount } from '../internal/test-helpers.ts';

describe('bl-audit-badge and bl-findings', () => {
  afterEach(() => document.body.replaceChildren());

  it('is accessible', async () => {
    await expectAccessible(await mount<BlAuditBadge>(`<bl-audit-badge src="${DATA.hanyang}"></bl-audit-badge>`));
    await expectAccessible(await mount<BlAuditBadge>(`<bl-findings src="${DATA.hanyang}" theme="dark"></bl-findings>`));
  });

  it('gives the verdict in a line, in zh and en', async () => {
    const s = (await (await fetch(DATA.hanyang)).json()).audit.summary;
    expect(s.discrepancy).to.be.greaterThan(0);
    const zh = await mount<BlAuditBadge>(`<bl-audit-badge src="${DATA.hanyang}"></bl-audit-badge>`);
    expect(zh.shadowRoot?.textContent?.replace(/\s+/g, ' ').trim()).to.equal(`预决算透镜核对: ${s.checks} 项核对 ✓ · ${s.discrepancy} 处不符 · ${s.rounding} 处舍入差 · ${s.undecided} 项无法核对`);
    const en = await mount<BlAuditBadge>(`<bl-audit-badge src="${DATA.donghu}" lang="en"></bl-audit-badge>`);
    expect(en.shadowRoot?.querySelector('[data-checks]')?.getAttribute('data-discrepancies')).to.equal('3');
    expect(en.shadowRoot?.textContent).to.match(/3 discrepancies/);
  });

  it('links to the source only when it is a web address', async () => {
    const d = await (await fetch(DATA.donghu)).json();
    const inline = (url: string) => JSON.stringify({ ...d, document: { ...d.document, source: { url } } }).replace(/</g, '\\u003c');
    const linked = await mount<BlAuditBadge>(`<bl-audit-badge><script type="application/json">${inline('https://www.example.gov.cn/a.html')}</script></bl-audit-badge>`);
    expect(linked.shadowRoot?.querySelector('a')?.getAttribute('href')).to.equal('https://www.example.gov.cn/a.html');
    const hostile = await mount<BlAuditBadge>(`<bl-audit-badge><script type="application/json">${inline('javascript:alert(1)')}</script></bl-audit-badge>`);
    expect(hostile.shadowRoot?.querySelector('a')).to.equal(null);
    expect(hostile.shadowRoot?.querySelector('[data-checks]')).to.not.equal(null);
  });

  it('lists the findings, discrepancies first', async () => {
    const undecided = (await (await fetch(DATA.donghu)).json()).audit.summary.undecided;
    expect(undecided).to.be.greaterThan(0);
    const el = await mount<BlAuditBadge>(`<bl-findings src="${DATA.donghu}"></bl-findings>`);
    const items = [...(el.shadowRoot?.querySelectorAll('li') ?? [])].map((li) => li.getAttribute('data-verdict'));
    expect(items.slice(0, 3)).to.deep.equal(['discrepancy', 'discrepancy', 'discrepancy']);
    expect(items).to.not.include('ok');
    // what could not be checked: listed, under a closed disclosure button with its count
    const details = el.shadowRoot?.querySelector('details');
    expect(details?.open).to.equal(false);
    expect(details?.querySelector('summary')?.textContent).to.equal(`${undecided} 项无法核对`);
    expect(details?.querySelectorAll('li[data-verdict="undecided"]').length).to.equal(undecided);
  });
});
