/**
 * The overlay's templates (lit-html): marks over the page's cells and numbers, a summary above
 * each table, a findings panel, and the card that explains a finding. Every string from the
 * page or the report goes in as text (lit-html escapes it); bidi controls are removed so a
 * page cannot reorder what we display. Positions are set through styleMap (CSSOM, which a
 * strict style-src allows), never through a style attribute.
 */
import { html, nothing, type TemplateResult } from 'lit-html';
import { styleMap } from 'lit-html/directives/style-map.js';
import type { CheckResult, Summary, Verdict, Where } from '../../core/model/schemas.ts';
import type { CellMark, Counts, TableMarks, TextMark, TotalMark } from '../../core/marks.ts';
import type { PdfLink } from '../../core/detect/pdf-links.ts';
import { formatAmount } from '../../core/text/numbers.ts';
import type { Box } from './locate.ts';
import { auditLabel, type Strings } from './strings.ts';

export interface Layout {
  tables: { t: TableMarks; box: Box }[];
  cells: { m: CellMark; box: Box }[];
  totals: { m: TotalMark; box: Box; compact: boolean }[];
  texts: { m: TextMark; boxes: Box[]; check?: CheckResult }[];
  /** Marks that could not be placed (the page changed, or over the cap). */
  unplaced: number;
  capped: number;
}

export interface ViewState {
  s: Strings;
  /** `links`: nothing audited here, but the page links PDFs that may be. */
  status: 'working' | 'done' | 'error' | 'links';
  error?: string;
  notes: string[];
  summary?: Summary;
  expanded: boolean;
  showMarks: boolean;
  filters: Record<Verdict, boolean>;
  tableFilter?: { id: string; label: string };
  /** Disclosure PDFs the page links. */
  pdfs: PdfLink[];
  listed: CheckResult[];
  listTotal: number;
  layout: Layout;
  card?: { findings: CheckResult[]; x: number; y: number };
  highlight: Box[];
  ruleTitle: (rule: string) => string;
  /** The embed code asked for: its text, whether it reached the clipboard, or why not. */
  embed?: { text?: string; copied?: boolean; error?: string };
  /** Set aside by the reader's choices: findings marked not an error, results of rules switched off. */
  dismissed: CheckResult[];
  hidden: number;
  rulesOff: number;
}

/** What the panel exports: the report (JSON), its findings or tables (CSV), its figures as a Fiscal Data Package CSV. */
export type ExportKind = 'json' | 'findings' | 'tables' | 'fdp';

export interface ViewActions {
  toggle(): void;
  setFilter(v: Verdict, on: boolean): void;
  clearTableFilter(): void;
  showTable(t: TableMarks): void;
  switchLang(): void;
  toggleMarks(): void;
  exportAs(kind: ExportKind): void;
  copyEmbed(): void;
  open(findings: string[], box: Box): void;
  openFinding(id: string): void;
  closeCard(): void;
  hover(w: Where | null): void;
  jump(w: Where): void;
  auditPdf(link: PdfLink): void;
  /** Mark a finding "not an error" on this page, or take the mark back. */
  dismiss(id: string, on: boolean): void;
  /** Forget every choice that sets something aside on this page. */
  restore(): void;
}

const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069\u061c]/g;
/** Page text as we show it: no bidi controls, bounded length. */
export function clean(s: string | undefined, max = 400): string {
  const t = (s ?? '').replace(BIDI, '');
  return t.length > max ? `${t.slice(0, max)}…` : t;
}

export function figure(v: number | null | undefined, unit?: string): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (unit === '%') return `${formatAmount(v, 2)}%`;
  const text = formatAmount(v, Number.isInteger(v) && unit && !/元/.test(unit) ? 0 : 2);
  return unit && unit !== '%' ? `${text} ${unit}` : text;
}

const px = (b: Box) => ({ left: `${Math.round(b.x)}px`, top: `${Math.round(b.y)}px`, width: `${Math.round(b.w)}px`, height: `${Math.round(b.h)}px` });
const at = (x: number, y: number) => ({ left: `${Math.round(x)}px`, top: `${Math.round(y)}px` });

const SYMBOL: Record<Verdict, string> = { discrepancy: '!', rounding: '≈', undecided: '?', ok: '✓' };

function countsView(s: Strings, c: Counts | Summary): TemplateResult {
  return html`<span class="count">${c.checks} ${s.checks}</span>
    <span class="count ok">✓ ${c.ok}</span>
    <span class="count discrepancy">✗ ${c.discrepancy}</span>
    <span class="count rounding">≈ ${c.rounding}</span>
    <span class="count undecided">? ${c.undecided}</span>`;
}

function marksView(st: ViewState, a: ViewActions): unknown[] {
  const { s, layout } = st;
  const out: unknown[] = [];
  for (const { t, box } of layout.tables) {
    const c = t.counts;
    out.push(html`<button
      class="table-summary ${c.discrepancy > 0 ? 'has-discrepancy' : ''}"
      data-bl-table=${t.id}
      data-checks=${c.checks}
      data-ok=${c.ok}
      data-rounding=${c.rounding}
      data-discrepancies=${c.discrepancy}
      data-undecided=${c.undecided}
      style=${styleMap(at(box.x, Math.max(0, box.y - 20)))}
      title=${s.tableSummary(c)}
      @click=${() => a.showTable(t)}
    >${clean(t.tableNo ?? t.title, 40)}　✓ ${c.ok}　✗ ${c.discrepancy}　≈ ${c.rounding}　? ${c.undecided}</button>`);
  }
  for (const { m, box } of layout.cells) {
    out.push(html`<div
      class="mark ${m.verdict}"
      data-bl-finding=${m.findings.join(' ')}
      data-verdict=${m.verdict}
      data-stated=${m.stated ?? ''}
      data-expected=${m.expected ?? ''}
      data-path=${m.path}
      style=${styleMap(px(box))}
    ></div>`);
    out.push(html`<button
      class="badge ${m.verdict}"
      data-for=${m.path}
      style=${styleMap(at(box.x + box.w - 9, box.y - 8))}
      title="${s.stated} ${figure(m.stated, m.unit)} · ${s.expected} ${figure(m.expected, m.unit)}"
      aria-label="${s[m.verdict]}: ${s.stated} ${figure(m.stated, m.unit)}, ${s.expected} ${figure(m.expected, m.unit)}"
      @click=${() => a.open(m.findings, box)}
    >${SYMBOL[m.verdict]}</button>`);
  }
  for (const { m, box, compact } of layout.totals) {
    const label = `${s.recomputed} ${figure(m.expected, m.unit)} ✓`;
    out.push(html`<button
      class="total"
      data-bl-total=${m.path}
      data-expected=${m.expected ?? ''}
      style=${styleMap(at(box.x + 2, box.y + Math.max(0, (box.h - 16) / 2)))}
      title=${label}
      aria-label=${label}
      @click=${() => a.open([m.finding], box)}
    >${compact ? '✓' : `Σ ${figure(m.expected)} ✓`}</button>`);
  }
  for (const { m, boxes, check } of layout.texts) {
    const first = boxes[0];
    if (!first) continue;
    for (const b of boxes) {
      out.push(html`<div
        class="mark text ${m.role === 'stated' ? m.verdict : 'operand'}"
        data-bl-claim=${m.claim}
        data-bl-finding=${m.findings.join(' ')}
        data-verdict=${m.role === 'stated' ? m.verdict : 'operand'}
        data-stated=${check?.stated ?? ''}
        data-expected=${check?.expected ?? ''}
        style=${styleMap({ ...px(b), 'pointer-events': 'auto', cursor: 'pointer' })}
        title=${clean(check?.message, 200)}
        @click=${() => a.open(m.findings, first)}
      ></div>`);
    }
  }
  return out;
}

function whereValue(w: Where, unit?: string): string {
  return figure(w.value, w.unit ?? unit);
}

function cardView(st: ViewState, a: ViewActions): TemplateResult | typeof nothing {
  const card = st.card;
  if (!card) return nothing;
  const { s } = st;
  return html`<div class="card" role="dialog" aria-label=${s.name} style=${styleMap(at(card.x, card.y))}>
    <button class="close" aria-label=${s.closeFinding} @click=${() => a.closeCard()}>×</button>
    ${card.findings.map(
      (f) => html`<div class="finding" data-bl-card=${f.id}>
        <h3>${st.ruleTitle(f.rule)} · ${s[f.verdict]}</h3>
        <p>${clean(f.message, 600)}</p>
        <dl>
          <dt>${s.stated}</dt><dd>${figure(f.stated, f.unit)}</dd>
          <dt>${s.expected}</dt><dd>${figure(f.expected, f.unit)}</dd>
          ${f.difference !== null ? html`<dt>${s.difference}</dt><dd>${figure(f.difference, f.unit)}</dd>` : nothing}
          ${f.tolerance !== null ? html`<dt>${s.tolerance}</dt><dd>± ${figure(f.tolerance, f.unit)}</dd>` : nothing}
          ${f.cause ? html`<dt>${s.cause}</dt><dd>${clean(f.cause.message)}</dd>` : nothing}
          ${f.reason ? html`<dt>${s.reason}</dt><dd>${clean(f.reason)}</dd>` : nothing}
        </dl>
        ${f.formula ? html`<p>${s.formula}: <code>${clean(f.formula, 600)}</code></p>` : nothing}
        ${f.verdict === 'discrepancy'
          ? html`<p><button class="tool" data-bl-dismiss=${f.id} @click=${() => a.dismiss(f.id, !st.dismissed.some((d) => d.id === f.id))}>${st.dismissed.some((d) => d.id === f.id) ? s.undismiss : s.dismiss}</button></p>`
          : nothing}
        ${f.where.length
          ? html`<p>${s.operands}</p>
              <ul>
                ${f.where.slice(0, 60).map(
                  (w) => html`<li
                    data-role=${w.role}
                    @mouseenter=${() => a.hover(w)}
                    @mouseleave=${() => a.hover(null)}
                    @click=${() => a.jump(w)}
                  >
                    <span>${w.role === 'stated' ? '▶ ' : w.sign === -1 ? '− ' : ''}${clean(w.quote && !w.table ? w.quote : w.label, 160)}</span>
                    <span class="v">${whereValue(w, f.unit)}</span>
                  </li>`,
                )}
              </ul>`
          : nothing}
      </div>`,
    )}
  </div>`;
}

function panelView(st: ViewState, a: ViewActions): TemplateResult {
  const { s, summary } = st;
  const done = st.status === 'done' && summary;
  return html`<section class="panel ${st.expanded ? '' : 'collapsed'}" aria-label=${s.name}>
    <button
      class="summary"
      aria-expanded=${st.expanded ? 'true' : 'false'}
      title=${st.expanded ? s.close : s.open}
      data-bl-summary=${done ? '' : nothing}
      data-checks=${done ? summary.checks : nothing}
      data-ok=${done ? summary.ok : nothing}
      data-rounding=${done ? summary.rounding : nothing}
      data-discrepancies=${done ? summary.discrepancy : nothing}
      data-undecided=${done ? summary.undecided : nothing}
      data-dismissed=${done ? st.dismissed.length : nothing}
      data-hidden=${done ? st.hidden : nothing}
      data-status=${st.status}
      @click=${() => a.toggle()}
    >
      <span class="name">${s.name}</span>
      ${st.status === 'working' ? html`<span>${s.working}</span>` : nothing}
      ${st.status === 'links' ? html`<span>${s.pdfsFound(st.pdfs.length)}</span>` : nothing}
      ${st.status === 'error' ? html`<span class="count discrepancy">${s.failed}</span>` : nothing}
      ${done ? countsView(s, summary) : nothing}
    </button>
    ${st.status === 'error' ? html`<div class="note error" data-bl-error>${clean(st.error)}</div>` : nothing}
    ${st.pdfs.length && (st.expanded || st.status === 'links')
      ? html`<div class="pdfs" data-bl-pdfs>
          <div class="pdfs-title">${s.pdfs}</div>
          ${st.pdfs.map(
            (l) => html`<div class="pdf">
              <span class="pdf-name" title=${clean(l.href, 300)}>${clean(l.text, 80)}</span>
              <button class="tool" data-bl-audit-pdf=${l.href} @click=${() => a.auditPdf(l)}>${auditLabel(l.kind, s)}</button>
            </div>`,
          )}
        </div>`
      : nothing}
    ${st.notes.map((n) => html`<div class="note" data-bl-note>${clean(n, 600)}</div>`)}
    ${done && (st.dismissed.length || st.rulesOff)
      ? html`<div class="note" data-bl-choices>
          ${s.setAside(st.dismissed.length, st.hidden, st.rulesOff)}
          <button class="tool" data-bl-restore @click=${() => a.restore()}>${s.restore}</button>
        </div>`
      : nothing}
    ${st.expanded && done
      ? html`<div class="tools">
            ${(['discrepancy', 'rounding', 'undecided', 'ok'] as const).map(
              (v) => html`<label
                ><input type="checkbox" data-filter=${v} .checked=${st.filters[v]} @change=${(e: Event) => a.setFilter(v, (e.target as HTMLInputElement).checked)} />${s[v]}</label
              >`,
            )}
            ${st.tableFilter ? html`<button class="tool" data-bl-table-filter @click=${() => a.clearTableFilter()}>${clean(st.tableFilter.label, 30)} ×</button>` : nothing}
          </div>
          <div class="tools">
            <button class="tool" data-bl-lang @click=${() => a.switchLang()}>${s.language}</button>
            <button class="tool" data-bl-marks @click=${() => a.toggleMarks()}>${st.showMarks ? s.hide : s.show}</button>
            <span>${s.export}:</span>
            <button class="tool" data-bl-export="json" @click=${() => a.exportAs('json')}>${s.exportJson}</button>
            <button class="tool" data-bl-export="findings" @click=${() => a.exportAs('findings')}>${s.exportFindings}</button>
            <button class="tool" data-bl-export="tables" @click=${() => a.exportAs('tables')}>${s.exportTables}</button>
            <button class="tool" data-bl-export="fdp" title=${s.exportFdpTitle} @click=${() => a.exportAs('fdp')}>${s.exportFdp}</button>
            <button class="tool" data-bl-embed @click=${() => a.copyEmbed()}>${s.embed}</button>
          </div>
          ${st.embed
            ? html`<div class="note embed" data-bl-embed-status=${st.embed.error ? 'error' : st.embed.copied ? 'copied' : 'select'}>
                ${st.embed.error ? s.embedFailed(clean(st.embed.error, 200)) : st.embed.copied ? s.embedCopied : s.embedSelect}
                ${st.embed.text ? html`<textarea data-bl-embed-code readonly rows="4" aria-label=${s.embedLabel} .value=${st.embed.text}></textarea>` : nothing}
              </div>`
            : nothing}
          ${st.listTotal > st.listed.length ? html`<div class="note">${s.listed(st.listed.length, st.listTotal)}</div>` : nothing}
          <ul class="list" role="list">
            ${st.listed.map(
              (f) => html`<li
                class="item ${f.verdict}"
                data-bl-item=${f.id}
                data-verdict=${f.verdict}
                tabindex="0"
                @click=${() => a.openFinding(f.id)}
                @keydown=${(e: KeyboardEvent) => (e.key === 'Enter' || e.key === ' ') && a.openFinding(f.id)}
              >
                <div class="rule">${SYMBOL[f.verdict]} ${st.ruleTitle(f.rule)}</div>
                <div class="msg">${clean(f.message, 300)}</div>
              </li>`,
            )}
          </ul>
          ${st.dismissed.length
            ? html`<div class="pdfs-title">${s.dismissedTitle}</div>
                <ul class="list" role="list" data-bl-dismissed-list>
                  ${st.dismissed.map(
                    (f) => html`<li class="item" data-bl-dismissed=${f.id}>
                      <div class="rule">${st.ruleTitle(f.rule)}</div>
                      <div class="msg">${clean(f.message, 300)}</div>
                      <button class="tool" data-bl-undismiss=${f.id} @click=${() => a.dismiss(f.id, false)}>${s.undismiss}</button>
                    </li>`,
                  )}
                </ul>`
            : nothing}`
      : nothing}
  </section>`;
}

export function overlayView(st: ViewState, a: ViewActions): TemplateResult {
  return html`<div class="layer">
      ${st.showMarks && st.status === 'done' ? marksView(st, a) : nothing}
      ${st.highlight.map((b) => html`<div class="highlight" data-bl-highlight style=${styleMap(px(b))}></div>`)}
      ${cardView(st, a)}
    </div>
    ${panelView(st, a)}`;
}
