/**
 * The widgets' base: a dataset from `src` (a URL) or from an inline
 * `<script type="application/json">` child, checked against the dataset's JSON Schema
 * (data/schema/dataset.schema.json, generated from the zod schema) before anything is drawn;
 * `lang` (zh / en), `theme` (light / dark / auto), `height` (reserved before the data arrives).
 * A dataset that cannot be had or is invalid shows a readable error in the widget's box.
 */
import { LitElement, css, html, nothing, type PropertyValues } from 'lit';
import schema from './dataset-schema.ts';
import { schemaError } from '../../core/json-schema.ts';
import type { Dataset } from '../../core/model/dataset.ts';
import type { Lang } from './data.ts';
import { text } from './strings.ts';

const MAX_BYTES = 5 * 1024 * 1024;

/** Define a widget once: loading the script twice on one page is harmless. */
export function define(tag: string, element: CustomElementConstructor): void {
  if (!customElements.get(tag)) customElements.define(tag, element);
}

export async function loadDataset(host: HTMLElement, src: string | null, lang: Lang, index = 0): Promise<Dataset> {
  const t = text(lang);
  let value: unknown;
  const inline = [...host.querySelectorAll(':scope > script[type="application/json"]')][index];
  if (inline) {
    try {
      value = JSON.parse(inline.textContent ?? '');
    } catch {
      throw new Error(t.badJson);
    }
  } else if (src) {
    let res: Response;
    try {
      res = await fetch(src, { credentials: 'omit' });
    } catch {
      throw new Error(t.unreachable(src));
    }
    if (!res.ok) throw new Error(t.unreachable(`${src} (HTTP ${res.status})`));
    const body = await res.text();
    if (body.length > MAX_BYTES) throw new Error(t.tooLarge);
    try {
      value = JSON.parse(body);
    } catch {
      throw new Error(t.badJson);
    }
  } else throw new Error(t.noData);
  const error = schemaError(schema, value);
  if (error) throw new Error(t.badSchema(error));
  return value as Dataset;
}

/** The dark palette: theme="dark", and theme="auto" when the reader's system is dark. */
const DARK = css`
  --bl-ink: #f3f4f6;
  --bl-paper: #111827;
  --bl-line: #374151;
  --bl-muted: #9ca3af;
  --bl-accent: #56b4e9;
  --bl-bad: #f87171;
`;

export const baseStyles = css`
  :host {
    display: block;
    box-sizing: border-box;
    min-height: var(--bl-height, 360px);
    font: 14px/1.5 system-ui, 'PingFang SC', 'Microsoft YaHei', 'WenQuanYi Micro Hei', sans-serif;
    color: var(--bl-ink, #111827);
    background: var(--bl-paper, #ffffff);
    border: 1px solid var(--bl-line, #d1d5db);
    border-radius: 8px;
    padding: 12px;
    --bl-accent: #0072b2;
    --bl-bad: #b91c1c;
    --bl-muted: #4b5563;
  }
  :host([theme='dark']) {
    ${DARK}
  }
  @media (prefers-color-scheme: dark) {
    :host([theme='auto']) {
      ${DARK}
    }
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    margin: 0 0 4px;
    font-size: 16px;
  }
  .desc {
    margin: 0 0 8px;
    color: var(--bl-muted);
  }
  .note {
    margin: 0 0 8px;
    padding: 4px 8px;
    border-left: 3px solid var(--bl-warn, #b45309);
  }
  .error {
    padding: 10px 12px;
    border: 1px solid var(--bl-bad);
    border-radius: 6px;
    color: var(--bl-bad);
  }
  .loading {
    color: var(--bl-muted);
  }
  button {
    font: inherit;
    font-size: 13px;
    color: inherit;
    background: transparent;
    border: 1px solid var(--bl-muted);
    border-radius: 4px;
    padding: 2px 8px;
    cursor: pointer;
  }
  button:hover {
    border-color: var(--bl-accent);
  }
  button:focus-visible,
  a:focus-visible {
    outline: 3px solid var(--bl-accent);
    outline-offset: 2px;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
    margin-top: 8px;
  }
  table {
    border-collapse: collapse;
    width: 100%;
    font-size: 13px;
  }
  caption {
    text-align: left;
    color: var(--bl-muted);
    padding-bottom: 4px;
  }
  th,
  td {
    border-bottom: 1px solid var(--bl-line);
    padding: 3px 6px;
    text-align: left;
  }
  td.num {
    text-align: right;
    font-variant-numeric: tabular-nums;
  }
  .flag {
    color: var(--bl-bad);
    font-weight: 700;
  }
  .chart {
    min-height: 200px;
  }
  .chart svg {
    max-width: 100%;
    height: auto;
  }
`;

/** The common attributes and the dataset's life cycle. */
export class BlElement extends LitElement {
  static override properties = {
    src: { type: String },
    lang: { type: String, reflect: true },
    theme: { type: String, reflect: true },
    height: { type: Number },
    dataset_: { state: true },
    error: { state: true },
  };

  /** URL of a dataset (JSON written by `budget-lens export`). */
  src: string | null = null;
  lang: Lang = 'zh';
  theme: 'light' | 'dark' | 'auto' = 'light';
  /** Height reserved for the chart, in pixels. */
  height = 360;
  protected dataset_?: Dataset;
  protected error?: string;
  private loaded?: string;

  protected get t() {
    return text(this.lang === 'en' ? 'en' : 'zh');
  }

  protected get language(): Lang {
    return this.lang === 'en' ? 'en' : 'zh';
  }

  override willUpdate(changed: PropertyValues): void {
    if (changed.has('height')) this.style.setProperty('--bl-height', `${this.height}px`);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Reserve the height now, before the first render and the data.
    this.style.setProperty('--bl-height', `${this.height}px`);
    void this.reload();
  }

  override updated(changed: PropertyValues): void {
    if (changed.has('src') && this.loaded !== undefined && this.loaded !== (this.src ?? '')) void this.reload();
  }

  protected async reload(): Promise<void> {
    this.loaded = this.src ?? '';
    try {
      this.dataset_ = await this.loadData();
      this.error = undefined;
    } catch (e) {
      this.dataset_ = undefined;
      this.error = e instanceof Error ? e.message : String(e);
    }
  }

  protected loadData(): Promise<Dataset> {
    return loadDataset(this, this.src, this.language);
  }

  protected renderState(): unknown {
    if (this.error) return html`<div class="error" role="alert" part="error">${this.error}</div>`;
    if (!this.dataset_) return html`<div class="loading" part="loading">${this.t.loading}</div>`;
    return nothing;
  }

  /** Save text, or an image URL, as a file (a link in our shadow root, clicked). */
  protected save(name: string, content: string, type = 'text/csv;charset=utf-8'): void {
    // An image comes as a data: or blob: URL (Vega's SVG is a blob:); text is wrapped in a blob.
    const isUrl = /^(?:data|blob):/.test(content);
    const url = isUrl ? content : URL.createObjectURL(new Blob([content], { type }));
    const a = document.createElement('a');
    a.href = url;
    a.download = name;
    this.renderRoot.appendChild(a);
    a.click();
    a.remove();
    if (!content.startsWith('data:')) setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
}
