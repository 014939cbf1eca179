/**
 * @summary A department's spending by function: a treemap (default), a sunburst or bars of
 * 类 → 款 → 项, with drill-down (click a block, a legend entry, or press Enter on it),
 * breadcrumbs and "up"; small items grouped as "others"; items involved in a discrepancy
 * outlined; a text description, a table view, CSV / PNG / SVG downloads, and the badge of the
 * audit.
 * @csspart chart - the chart's box
 * @csspart legend - the list of items (buttons: drill down)
 * @cssproperty --bl-height - height reserved for the widget
 * @event bl-drill - the shown level changed; `detail.path` is the list of codes
 */
import { css, html, nothing, unsafeCSS, type PropertyValues } from 'lit';
import { BlElement, baseStyles, define } from '../internal/bl-element.ts';
import { type Chart, imageUrl, renderChart } from '../internal/chart.ts';
import { type Item, allRows, describe, formatAmount, formatShare, levelItems, nodesAt, toCsv, unitTitle } from '../internal/data.ts';
import { type HierarchyDatum, OKABE_ITO, sunburstSpec, treemapSpec } from '../specs/hierarchy.ts';
import barsSpec from '../specs/bars.vg.ts';
import '../bl-audit-badge/bl-audit-badge.ts';

export type StructureView = 'treemap' | 'sunburst' | 'bars';

export class BlSpendingStructure extends BlElement {
  static override properties = {
    ...BlElement.properties,
    view: { type: String, reflect: true },
    path: { state: true },
    asTable: { state: true },
  };
  static override styles = [
    baseStyles,
    css`
      nav {
        display: flex;
        flex-wrap: wrap;
        gap: 4px;
        align-items: center;
        margin: 4px 0 8px;
        font-size: 13px;
      }
      nav .sep {
        color: var(--bl-muted);
      }
      .legend {
        display: flex;
        flex-wrap: wrap;
        gap: 6px;
        margin: 8px 0 0;
        padding: 0;
        list-style: none;
      }
      .legend button {
        display: inline-flex;
        gap: 6px;
        align-items: center;
      }
      .swatch {
        width: 10px;
        height: 10px;
        border-radius: 2px;
        display: inline-block;
      }
      .legend .flag-mark {
        color: var(--bl-bad);
      }
    `,
    // Swatch colours as classes: a style attribute would be refused by a strict style-src.
    unsafeCSS(OKABE_ITO.map((c, i) => `.swatch.c${i}{background:${c}}`).join('')),
  ];

  /** treemap (default), sunburst or bars. */
  view: StructureView = 'treemap';
  protected path: string[] = [];
  protected asTable = false;
  private chart?: Chart;
  /** Resolves when the chart of the current level is drawn (for tests and embedders). */
  rendered: Promise<void> = Promise.resolve();

  /** The items shown now. */
  get items(): Item[] {
    return this.dataset_ ? levelItems(this.dataset_, this.path, this.language) : [];
  }

  drill(code: string): void {
    const d = this.dataset_;
    if (!d) return;
    const { nodes } = nodesAt(d, this.path);
    const node = nodes.find((n) => n.code === code);
    if (!node || !node.children.some((c) => c.total > 0)) return;
    this.path = [...this.path, code];
    this.dispatchEvent(new CustomEvent('bl-drill', { detail: { path: this.path }, bubbles: true, composed: true }));
  }

  up(to = this.path.length - 1): void {
    this.path = this.path.slice(0, Math.max(0, to));
    this.dispatchEvent(new CustomEvent('bl-drill', { detail: { path: this.path }, bubbles: true, composed: true }));
  }

  override render() {
    const d = this.dataset_;
    if (!d) return this.renderState();
    const t = this.t;
    const lang = this.language;
    const items = this.items;
    if (items.length === 0 && this.path.length === 0)
      return html`<h2>${t.structure}</h2>
        <bl-audit-badge .data=${d} lang=${lang} theme=${this.theme}></bl-audit-badge>
        <p class="desc" data-empty>${t.noFunctions}</p>`;
    const crumbs = this.path.map((code, i) => ({ code, name: nodesAt(d, this.path.slice(0, i + 1)).parent?.name ?? code }));
    return html`<h2>${t.structure}</h2>
      <bl-audit-badge .data=${d} lang=${lang} theme=${this.theme}></bl-audit-badge>
      <p class="desc" id="desc">${describe(d, this.path, items, lang)}</p>
      <nav aria-label=${t.structure}>
        <button data-crumb="root" @click=${() => this.up(0)} ?disabled=${this.path.length === 0}>${t.all}</button>
        ${crumbs.map((c, i) => html`<span class="sep">›</span><button data-crumb=${c.code} @click=${() => this.up(i + 1)} ?disabled=${i === crumbs.length - 1}>${c.name}</button>`)}
        ${this.path.length ? html`<button data-up @click=${() => this.up()}>↑ ${t.up}</button>` : nothing}
      </nav>
      ${this.asTable ? this.renderTable(items) : html`<div class="chart" part="chart" role="img" aria-labelledby="desc"></div>`}
      <ul class="legend" part="legend" aria-label=${t.structure}>
        ${items.map(
          (item, i) => html`<li>
            <button
              data-code=${item.code}
              ?disabled=${!item.drill}
              aria-label=${`${item.name} ${formatAmount(item.value, d.document.unit, lang)} ${formatShare(item.share, lang)}${item.flagged ? ` · ${t.flagged}` : ''}${item.drill ? ` · ${t.drill(item.name)}` : ''}`}
              @click=${() => this.drill(item.code)}
            >
              <span class=${`swatch c${i % OKABE_ITO.length}`}></span>${item.name} · ${formatShare(item.share, lang)}${item.flagged ? html` <span class="flag-mark" aria-hidden="true">⚠</span>` : nothing}
            </button>
          </li>`,
        )}
      </ul>
      <div class="tools">
        <button data-toggle-table aria-pressed=${this.asTable ? 'true' : 'false'} @click=${() => (this.asTable = !this.asTable)}>${this.asTable ? t.showChart : t.showTable}</button>
        <button data-csv="shown" @click=${() => this.save('budget-lens-shown.csv', toCsv(this.shownRows(items)))}>${t.csvShown}</button>
        <button data-csv="all" @click=${() => this.save('budget-lens-all.csv', toCsv(allRows(d)))}>${t.csvAll}</button>
        <button data-image="png" ?disabled=${this.asTable} @click=${() => this.exportImage('png')}>${t.png}</button>
        <button data-image="svg" ?disabled=${this.asTable} @click=${() => this.exportImage('svg')}>${t.svg}</button>
      </div>`;
  }

  private shownRows(items: Item[]): (string | number | null)[][] {
    const unit = this.dataset_?.document.unit ?? '';
    return [['code', 'name', `amount (${unit})`, 'share', 'discrepancy'], ...items.map((i) => [i.code, i.name, i.value, Number(i.share.toFixed(6)), i.flagged ? 'yes' : ''])];
  }

  private renderTable(items: Item[]) {
    const d = this.dataset_;
    if (!d) return nothing;
    const t = this.t;
    return html`<table part="table">
      <caption>${describe(d, this.path, items, this.language)}</caption>
      <thead>
        <tr><th scope="col">${t.code}</th><th scope="col">${t.name}</th><th scope="col">${t.amount}（${d.document.unit}）</th><th scope="col">${t.share}</th></tr>
      </thead>
      <tbody>
        ${items.map(
          (i) => html`<tr data-code=${i.code}>
            <td>${i.code === 'others' ? '' : i.code}</td>
            <td>${i.name}${i.flagged ? html` <span class="flag">⚠ ${t.flagged}</span>` : nothing}</td>
            <td class="num">${i.value.toFixed(2)}</td>
            <td class="num">${formatShare(i.share, this.language)}</td>
          </tr>`,
        )}
      </tbody>
    </table>`;
  }

  override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('dataset_') || changed.has('path') || changed.has('view') || changed.has('asTable') || changed.has('lang')) {
      this.rendered = this.draw();
    }
  }

  private async draw(): Promise<void> {
    this.chart?.finalize();
    this.chart = undefined;
    const d = this.dataset_;
    const box = this.renderRoot.querySelector<HTMLElement>('.chart');
    if (!d || !box) return;
    const lang = this.language;
    const items = this.items;
    const label = (v: number) => formatAmount(v, d.document.unit, lang);
    const width = Math.max(280, box.clientWidth || this.clientWidth - 24 || 600);
    const description = describe(d, this.path, items, lang);
    const onClick = (datum: Record<string, unknown>) => {
      const code = (datum.code ?? datum.id) as string | undefined;
      if (typeof code === 'string') this.drill(code);
    };
    if (this.view === 'bars') {
      const values = items.map((i) => ({ ...i, label: label(i.value), shareLabel: formatShare(i.share, lang) }));
      this.chart = await renderChart(box, barsSpec, { values, unit: unitTitle(d.document.unit, lang), onClick, description });
      return;
    }
    if (this.view === 'sunburst') {
      const values: (HierarchyDatum & { top: string })[] = [{ id: 'root', parent: null, name: '', top: '' }];
      const { nodes } = nodesAt(d, this.path);
      const total = nodes.reduce((a, n) => a + Math.max(0, n.total), 0);
      for (const item of items) {
        const node = nodes.find((n) => n.code === item.code);
        const kids = node?.children.filter((c) => c.total > 0) ?? [];
        values.push({ id: item.code, parent: 'root', name: item.name, top: item.code, value: kids.length ? undefined : item.value, label: label(item.value), shareLabel: formatShare(item.share, lang), flagged: item.flagged, drill: item.drill });
        for (const k of kids) values.push({ id: k.code, parent: item.code, name: k.name, top: item.code, value: k.total, label: label(k.total), shareLabel: formatShare(total ? k.total / total : 0, lang), flagged: false, drill: false });
      }
      this.chart = await renderChart(box, sunburstSpec(values, Math.min(width, this.height - 40)), { onClick, description });
      return;
    }
    const values: HierarchyDatum[] = [
      { id: 'root', parent: null, name: '' },
      ...items.map((i) => ({ id: i.code, parent: 'root', name: i.name, value: i.value, label: label(i.value), shareLabel: formatShare(i.share, lang), flagged: i.flagged, drill: i.drill })),
    ];
    this.chart = await renderChart(box, treemapSpec(values, width, Math.max(200, this.height - 140)), { onClick, description });
  }

  private async exportImage(type: 'png' | 'svg'): Promise<void> {
    if (!this.chart) return;
    this.save(`budget-lens-structure.${type}`, await imageUrl(this.chart, type));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.chart?.finalize();
  }
}

define('bl-spending-structure', BlSpendingStructure);

declare global {
  interface HTMLElementTagNameMap {
    'bl-spending-structure': BlSpendingStructure;
  }
  interface GlobalEventHandlersEventMap {
    'bl-drill': CustomEvent<{ path: string[] }>;
  }
}
