/**
 * @summary The audit's verdict on a dataset: "58 checks ✓ · 2 discrepancies", linked to the
 * source document.
 * @csspart badge - the verdict line
 * @cssproperty --bl-bad - colour of a discrepancy count
 */
import { css, html, nothing } from 'lit';
import type { Dataset } from '../../core/model/dataset.ts';
import { BlElement, baseStyles, define } from '../internal/bl-element.ts';

export class BlAuditBadge extends BlElement {
  static override properties = { ...BlElement.properties, data: { attribute: false } };
  static override styles = [
    baseStyles,
    css`
      :host {
        min-height: 0;
        display: inline-block;
        padding: 2px 8px;
        border-radius: 999px;
      }
      .ok {
        color: #15803d;
      }
      :host([theme='dark']) .ok {
        color: #4ade80;
      }
      .bad {
        color: var(--bl-bad);
        font-weight: 700;
      }
      a {
        color: inherit;
      }
    `,
  ];

  /** A dataset given directly (charts pass theirs). */
  data?: Dataset;

  protected override loadData(): Promise<Dataset> {
    return this.data ? Promise.resolve(this.data) : super.loadData();
  }

  override willUpdate(changed: Map<string, unknown>): void {
    super.willUpdate(changed);
    if (changed.has('data') && this.data) this.dataset_ = this.data;
  }

  override render() {
    const d = this.dataset_;
    if (!d) return this.renderState();
    const s = d.audit.summary;
    const t = this.t;
    // Linked to the source only when it is a web address (never javascript: or data:).
    const url = /^https?:\/\//i.test(d.document.source.url ?? '') ? d.document.source.url : undefined;
    const line = html`<span part="badge" data-checks=${s.checks} data-discrepancies=${s.discrepancy} role="status"
      >${t.verified}: <span class="ok">${t.checks(s.checks)} ✓</span>${s.discrepancy ? html` · <span class="bad">${t.discrepancies(s.discrepancy)}</span>` : nothing}${s.rounding
        ? html` · ${t.rounding(s.rounding)}`
        : nothing}${s.undecided ? html` · ${t.undecided(s.undecided)}` : nothing}</span
    >`;
    return url ? html`<a href=${url} target="_blank" rel="noopener noreferrer" title=${`${t.source}: ${url}`}>${line}</a>` : line;
  }
}

define('bl-audit-badge', BlAuditBadge);

declare global {
  interface HTMLElementTagNameMap {
    'bl-audit-badge': BlAuditBadge;
  }
}
