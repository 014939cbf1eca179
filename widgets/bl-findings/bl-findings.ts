/**
 * @summary The audit's findings on a dataset: every discrepancy first, then rounding
 * differences and what could not be checked.
 * @csspart list - the list of findings
 */
import { css, html } from 'lit';
import { BlElement, baseStyles, define } from '../internal/bl-element.ts';

const ORDER = { discrepancy: 0, rounding: 1, undecided: 2, ok: 3 } as const;

export class BlFindings extends BlElement {
  static override styles = [
    baseStyles,
    css`
      ul {
        margin: 0;
        padding: 0;
        list-style: none;
      }
      li {
        padding: 6px 0;
        border-bottom: 1px solid var(--bl-line);
      }
      .v {
        font-weight: 700;
        margin-right: 6px;
      }
      .discrepancy .v {
        color: var(--bl-bad);
      }
    `,
  ];

  override render() {
    const d = this.dataset_;
    if (!d) return this.renderState();
    const t = this.t;
    const list = [...d.audit.findings].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict]);
    return html`<h2>${t.findings}</h2>
      <bl-audit-badge .data=${d} lang=${this.language} theme=${this.theme}></bl-audit-badge>
      ${list.length === 0
        ? html`<p class="desc">${t.noFindings}</p>`
        : html`<ul part="list">
            ${list.map((f) => html`<li class=${f.verdict} data-verdict=${f.verdict}><span class="v">${f.verdict === 'discrepancy' ? '✗' : f.verdict === 'rounding' ? '≈' : '?'}</span>${f.message}</li>`)}
          </ul>`}`;
  }
}

define('bl-findings', BlFindings);

declare global {
  interface HTMLElementTagNameMap {
    'bl-findings': BlFindings;
  }
}
