/**
 * @summary The audit's findings on a dataset: every discrepancy first, then rounding
 * differences; what could not be checked is listed under a disclosure button, closed.
 * @csspart list - the list of findings
 */
import { css, html, nothing } from 'lit';
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
      details {
        margin-top: 8px;
      }
      summary {
        cursor: pointer;
        padding: 4px 0;
      }
      summary:focus-visible {
        outline: 2px solid var(--bl-focus, #2563eb);
        outline-offset: 2px;
      }
    `,
  ];

  override render() {
    const d = this.dataset_;
    if (!d) return this.renderState();
    const t = this.t;
    const list = [...d.audit.findings].sort((a, b) => ORDER[a.verdict] - ORDER[b.verdict]);
    const shown = list.filter((f) => f.verdict !== 'undecided');
    const undecided = list.filter((f) => f.verdict === 'undecided');
    const item = (f: (typeof list)[number]) =>
      html`<li class=${f.verdict} data-verdict=${f.verdict}><span class="v" aria-hidden="true">${f.verdict === 'discrepancy' ? '✗' : f.verdict === 'rounding' ? '≈' : '?'}</span>${f.message}</li>`;
    return html`<h2>${t.findings}</h2>
      <bl-audit-badge .data=${d} lang=${this.language} theme=${this.theme}></bl-audit-badge>
      ${shown.length === 0 ? html`<p class="desc">${t.noFindings}</p>` : html`<ul part="list">${shown.map(item)}</ul>`}
      ${undecided.length === 0
        ? nothing
        : html`<details part="undecided"><summary>${t.undecided(undecided.length)}</summary><ul>${undecided.map(item)}</ul></details>`}`;
  }
}

define('bl-findings', BlFindings);

declare global {
  interface HTMLElementTagNameMap {
    'bl-findings': BlFindings;
  }
}
