/**
 * @summary Two datasets of one department side by side — budget vs final accounts, or two
 * years — by 类 (click a pair to compare its 款). Datasets from `src` and `compare-src`, or
 * two inline `<script type="application/json">` children. With one 决算 dataset only: its
 * 年初预算 beside its 实际支出 for each 项 whose text states both.
 * @csspart chart - the chart's box
 */
import { css, html, nothing, type PropertyValues } from 'lit';
import type { Dataset } from '../../core/model/dataset.ts';
import { BlElement, baseStyles, define, loadDataset } from '../internal/bl-element.ts';
import { type Chart, imageUrl, renderChart } from '../internal/chart.ts';
import { type CompareRow, budgetRows, compareAllRows, compareItems, datasetLabel, formatAmount, nodesAt, toCsv, unitTitle } from '../internal/data.ts';
import compareSpec from '../specs/compare.vg.ts';
import '../bl-audit-badge/bl-audit-badge.ts';

export class BlCompare extends BlElement {
  static override properties = {
    ...BlElement.properties,
    compareSrc: { type: String, attribute: 'compare-src' },
    other: { state: true },
    path: { state: true },
    asTable: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      .which {
        display: flex;
        align-items: center;
        gap: 8px;
      }
      .which > span {
        min-width: 6em;
        font-weight: 600;
      }
    `,
  ];

  /** URL of the second dataset. */
  compareSrc: string | null = null;
  protected other?: Dataset;
  protected path: string[] = [];
  protected asTable = false;
  private chart?: Chart;
  rendered: Promise<void> = Promise.resolve();

  protected override async reload(): Promise<void> {
    await super.reload();
    const a = this.dataset_;
    if (!a) return;
    // One 决算 whose text states budgets and actuals: compare those.
    if (!this.wantsSecond() && budgetRows(a).length > 0) {
      this.other = undefined;
      return;
    }
    if (!this.wantsSecond()) {
      this.other = undefined;
      this.error = this.t.needSecond;
      return;
    }
    try {
      this.other = await loadDataset(this, this.compareSrc, this.language, 1);
    } catch (e) {
      this.other = undefined;
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  /** A second dataset is given (compare-src, or a second inline JSON child). */
  private wantsSecond(): boolean {
    return !!this.compareSrc || this.querySelectorAll(':scope > script[type="application/json"]').length > 1;
  }

  /** What is compared: two datasets by function, or one dataset's budget and actual. */
  private pairs(): { la: string; lb: string; rows: CompareRow[]; drill: boolean } | undefined {
    const a = this.dataset_;
    if (!a) return undefined;
    const lang = this.language;
    const b = this.other;
    if (this.wantsSecond() && !b) return undefined;
    if (b) return { la: datasetLabel(a, lang), lb: datasetLabel(b, lang), rows: compareItems(a, b, this.path), drill: this.path.length === 0 };
    const rows = budgetRows(a);
    return rows.length ? { la: this.t.initialBudget, lb: this.t.actualStated, rows, drill: false } : undefined;
  }

  override render() {
    const a = this.dataset_;
    const b = this.other;
    const p = this.pairs();
    const t = this.t;
    if (!a || this.error) return this.renderState();
    if (!p) return html`<div class="loading" part="loading">${t.loading}</div>`;
    const lang = this.language;
    const { la, lb, rows } = p;
    const parent = b ? (nodesAt(a, this.path).parent ?? nodesAt(b, this.path).parent) : undefined;
    const colon = lang === 'zh' ? '：' : ': ';
    const heading = b ? `${t.compare}${colon}${la} ⇄ ${lb}${parent ? ` · ${parent.name}` : ''}` : `${t.compare}${colon}${datasetLabel(a, lang)} ${la} ⇄ ${lb}`;
    return html`<h2>${heading}</h2>
      ${b
        ? html`<div class="which"><span>${la}</span><bl-audit-badge .data=${a} lang=${lang} theme=${this.theme}></bl-audit-badge></div>
            <div class="which"><span>${lb}</span><bl-audit-badge .data=${b} lang=${lang} theme=${this.theme}></bl-audit-badge></div>`
        : html`<bl-audit-badge .data=${a} lang=${lang} theme=${this.theme}></bl-audit-badge>`}
      <p class="desc" id="desc">${b ? t.compareDesc(la, lb, rows.length) : t.budgetDesc(rows.length)}</p>
      ${rows.length === 0 ? html`<p class="desc" data-empty>${t.noFunctions}</p>` : nothing}
      ${b && a.document.department && b.document.department && a.document.department !== b.document.department
        ? html`<p class="note" data-note="departments">${t.otherDepartment(a.document.department, b.document.department)}</p>`
        : nothing}
      ${this.path.length ? html`<div class="tools"><button data-up @click=${() => (this.path = [])}>↑ ${t.up}</button></div>` : nothing}
      ${this.asTable
        ? html`<table>
            <caption>${t.compareDesc(la, lb, rows.length)}</caption>
            <thead><tr><th scope="col">${t.code}</th><th scope="col">${t.name}</th><th scope="col">${la}（${unitTitle('万元', lang)}）</th><th scope="col">${lb}（${unitTitle('万元', lang)}）</th></tr></thead>
            <tbody>${rows.map((r) => html`<tr><td>${r.code}</td><td>${r.name}${r.flagged ? html` <span class="flag">⚠ ${t.flagged}</span>` : nothing}</td><td class="num">${r.a.toFixed(2)}</td><td class="num">${r.b.toFixed(2)}</td></tr>`)}</tbody>
          </table>`
        : html`<div class="chart" part="chart" role="img" aria-labelledby="desc"></div>`}
      <div class="tools">
        <button data-toggle-table aria-pressed=${this.asTable ? 'true' : 'false'} @click=${() => (this.asTable = !this.asTable)}>${this.asTable ? t.showChart : t.showTable}</button>
        <button data-csv="shown" @click=${() => this.save('budget-lens-compare.csv', toCsv([['code', 'name', `${la} (万元)`, `${lb} (万元)`], ...rows.map((r) => [r.code, r.name, r.a, r.b])]))}>${t.csvShown}</button>
        <button data-csv="all" @click=${() => this.save('budget-lens-compare-all.csv', toCsv(b ? compareAllRows(a, b, la, lb) : [['code', 'name', 'scope', 'budget', 'adjusted', 'actual', 'rate (%)', 'unit'], ...a.budgetVsFinal.map((x) => [x.code, x.name, x.scope, x.budget, x.adjusted, x.actual, x.rate, a.document.unit])]))}>${t.csvAll}</button>
        <button data-image="png" ?disabled=${this.asTable} @click=${() => this.exportImage('png')}>${t.png}</button>
        <button data-image="svg" ?disabled=${this.asTable} @click=${() => this.exportImage('svg')}>${t.svg}</button>
      </div>`;
  }

  private async exportImage(type: 'png' | 'svg'): Promise<void> {
    if (this.chart) this.save(`budget-lens-compare.${type}`, await imageUrl(this.chart, type));
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('dataset_') || changed.has('other') || changed.has('path') || changed.has('asTable') || changed.has('lang')) this.rendered = this.draw();
  }

  private async draw(): Promise<void> {
    this.chart?.finalize();
    this.chart = undefined;
    const p = this.pairs();
    const box = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (!p || !box || this.asTable) return;
    const lang = this.language;
    const { la, lb, rows, drill } = p;
    const values = rows.flatMap((r) => [
      { code: r.code, name: r.name, series: la, value: r.a, max: Math.max(r.a, r.b), flagged: r.flagged, label: formatAmount(r.a, '万元', lang) },
      { code: r.code, name: r.name, series: lb, value: r.b, max: Math.max(r.a, r.b), flagged: r.flagged, label: formatAmount(r.b, '万元', lang) },
    ]);
    this.chart = await renderChart(box, compareSpec, {
      values,
      unit: unitTitle('万元', lang),
      description: this.other ? this.t.compareDesc(la, lb, rows.length) : this.t.budgetDesc(rows.length),
      onClick: (datum) => {
        const code = datum.code as string | undefined;
        if (code && drill && this.path.length === 0) this.path = [code];
      },
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.finalize();
  }
}

define('bl-compare', BlCompare);

declare global {
  interface HTMLElementTagNameMap {
    'bl-compare': BlCompare;
  }
}
