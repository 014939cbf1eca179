/**
 * @summary What a department's spending is made of: basic vs project expenditure, personnel
 * vs public costs, and basic expenditure by economic class (301, 302 …), as bars; with a text
 * description, a table view, CSV downloads and the audit's badge.
 * @csspart chart - each chart's box
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import type { Dataset } from '../../core/model/dataset.ts';
import { BlElement, baseStyles, define } from '../internal/bl-element.ts';
import { type Chart, renderChart, stackedImageUrl } from '../internal/chart.ts';
import { flaggedCodes, formatAmount, formatShare, mixRows, toCsv, unitTitle } from '../internal/data.ts';
import barsSpec from '../specs/bars.vg.ts';
import '../bl-audit-badge/bl-audit-badge.ts';

interface Part {
  key: string;
  title: string;
  rows: { code: string; name: string; value: number; flagged: boolean }[];
}

export class BlSpendingMix extends BlElement {
  static override properties = { ...BlElement.properties, asTable: { state: true } };
  static override styles = [
    baseStyles,
    css`
      section + section {
        margin-top: 12px;
      }
      h3 {
        margin: 0 0 4px;
        font-size: 14px;
      }
      /* the host reserves the height; each of the three charts is as tall as its bars */
      section .chart {
        min-height: 0;
      }
    `,
  ];

  protected asTable = false;
  private charts: Chart[] = [];
  rendered: Promise<void> = Promise.resolve();

  /** The three views of the mix, each as rows (empty when the dataset lacks the figures). */
  parts(d: Dataset): Part[] {
    const t = this.t;
    const flagged = flaggedCodes(d);
    const m = d.mix;
    const pair = (key: string, title: string, a: [string, number | null], b: [string, number | null]): Part => ({
      key,
      title,
      rows: a[1] === null && b[1] === null ? [] : [a, b].map(([name, value]) => ({ code: name, name, value: value ?? 0, flagged: false })),
    });
    return [
      pair('basic-project', t.basicProject, [t.basic, m.basic], [t.project, m.project]),
      pair('personnel-public', t.personnelPublic, [t.personnel, m.personnel], [t.public, m.public]),
      { key: 'economic', title: t.economic, rows: d.economic.filter((c) => c.amount > 0).map((c) => ({ code: c.code, name: `${c.code} ${c.name}`, value: c.amount, flagged: flagged.has(c.code) || c.items.some((i) => flagged.has(i.code)) })) },
    ];
  }

  override render() {
    const d = this.dataset_;
    if (!d) return this.renderState();
    const t = this.t;
    const lang = this.language;
    const amount = (v: number | null) => (v === null ? '—' : formatAmount(v, d.document.unit, lang));
    const parts = this.parts(d);
    return html`<h2>${t.mix}</h2>
      <bl-audit-badge .data=${d} lang=${lang} theme=${this.theme}></bl-audit-badge>
      <p class="desc" id="desc">${t.mixDesc(amount(d.mix.basic), amount(d.mix.project))}</p>
      ${parts.map((p) => {
        const total = p.rows.reduce((a, r) => a + r.value, 0);
        return html`<section data-part=${p.key}>
          <h3 id=${`h-${p.key}`}>${p.title}</h3>
          ${p.rows.length === 0
            ? html`<p class="desc">${t.noFigures}</p>`
            : this.asTable
              ? html`<table>
                  <caption>${p.title}</caption>
                  <thead><tr><th scope="col">${t.name}</th><th scope="col">${t.amount}（${d.document.unit}）</th><th scope="col">${t.share}</th></tr></thead>
                  <tbody>${p.rows.map((r) => html`<tr><td>${r.name}${r.flagged ? html` <span class="flag">⚠ ${t.flagged}</span>` : nothing}</td><td class="num">${r.value.toFixed(2)}</td><td class="num">${formatShare(total ? r.value / total : 0, lang)}</td></tr>`)}</tbody>
                </table>`
              : html`<div class="chart" part="chart" role="img" aria-labelledby=${`h-${p.key}`}></div>`}
        </section>`;
      })}
      <div class="tools">
        <button data-toggle-table aria-pressed=${this.asTable ? 'true' : 'false'} @click=${() => (this.asTable = !this.asTable)}>${this.asTable ? t.showChart : t.showTable}</button>
        <button data-csv="shown" @click=${() => this.save('budget-lens-mix.csv', toCsv([['part', 'code', 'name', `amount (${d.document.unit})`], ...parts.flatMap((p) => p.rows.map((r) => [p.key, r.code, r.name, r.value]))]))}>${t.csvShown}</button>
        <button data-csv="all" @click=${() => this.save('budget-lens-mix-all.csv', toCsv(mixRows(d)))}>${t.csvAll}</button>
        <button data-image="png" ?disabled=${this.asTable} @click=${() => this.exportImage('png')}>${t.png}</button>
        <button data-image="svg" ?disabled=${this.asTable} @click=${() => this.exportImage('svg')}>${t.svg}</button>
      </div>`;
  }

  private async exportImage(type: 'png' | 'svg'): Promise<void> {
    if (this.charts.length) this.save(`budget-lens-mix.${type}`, await stackedImageUrl(this.charts, type));
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('dataset_') || changed.has('asTable') || changed.has('lang')) this.rendered = this.draw();
  }

  private async draw(): Promise<void> {
    for (const c of this.charts) c.finalize();
    this.charts = [];
    const d = this.dataset_;
    if (!d || this.asTable) return;
    const lang = this.language;
    for (const p of this.parts(d)) {
      const box = this.renderRoot.querySelector<HTMLElement>(`section[data-part="${p.key}"] .chart`);
      if (!box) continue;
      const total = p.rows.reduce((a, r) => a + r.value, 0);
      const values = p.rows.map((r) => ({ ...r, share: total ? r.value / total : 0, label: formatAmount(r.value, d.document.unit, lang), shareLabel: formatShare(total ? r.value / total : 0, lang) }));
      this.charts.push(await renderChart(box, barsSpec, { values, unit: unitTitle(d.document.unit, lang), description: `${p.title}：${values.map((v) => `${v.name} ${v.label}（${v.shareLabel}）`).join('，')}` }));
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    for (const c of this.charts) c.finalize();
  }
}

define('bl-spending-mix', BlSpendingMix);

declare global {
  interface HTMLElementTagNameMap {
    'bl-spending-mix': BlSpendingMix;
  }
}
