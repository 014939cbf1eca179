/**
 * The embed code for a dataset: the widgets' one script tag and an element holding the dataset
 * inline (`<script type="application/json">`), as the overlay's "copy embed code" and
 * `budget-lens embed` give it. Pure: no DOM.
 */
import type { Dataset } from './model/dataset.ts';

/** The widgets the embed code can name (the elements that take one dataset). */
export const EMBED_WIDGETS = ['bl-spending-structure', 'bl-spending-mix', 'bl-findings', 'bl-audit-badge'] as const;
export type EmbedWidget = (typeof EMBED_WIDGETS)[number];

/** Where the page gets the loader: beside it, unless told (the site hosts dist/widgets/). */
export const DEFAULT_WIDGETS_SCRIPT = 'budget-lens-widgets.js';

/**
 * JSON that is safe inside a `<script>` element: no `<`, `>` or `&` (so no `</script>` and no
 * `<!--`) and no line separators, all as JSON escapes, which JSON.parse reads back unchanged.
 */
export function inlineJson(value: unknown, indent?: number): string {
  return JSON.stringify(value, null, indent).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** Text inside an HTML comment: no `--`, no `>` right after the opening, bounded. */
function commentText(s: string): string {
  return s.replace(/-{2,}/g, '-').replace(/[<>]/g, '').replace(/\s+/g, ' ').slice(0, 200);
}

/** An attribute value, quoted. */
function attr(s: string): string {
  return `"${s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;')}"`;
}

export interface EmbedOptions {
  widget?: EmbedWidget;
  lang?: 'zh' | 'en';
  /** URL of budget-lens-widgets.js (the files it loads sit beside it). */
  script?: string;
}

export function embedSnippet(dataset: Dataset, options: EmbedOptions = {}): string {
  const widget = options.widget ?? 'bl-spending-structure';
  const lang = options.lang ?? 'zh';
  const script = options.script ?? DEFAULT_WIDGETS_SCRIPT;
  const d = dataset.document;
  const kind = d.kind === 'budget' ? '预算 budget' : d.kind === 'final' ? '决算 final accounts' : '';
  const what = commentText([d.department, d.year, kind].filter(Boolean).join(' '));
  const from = d.source.url ? commentText(d.source.url) : '';
  return [
    `<!-- 预决算透镜 Budget Lens: ${what}${from ? ` · ${from}` : ''}. ${script === DEFAULT_WIDGETS_SCRIPT ? 'Host dist/widgets/ beside this page, or set src to where it is served. ' : ''}-->`,
    `<script src=${attr(script)}></script>`,
    `<${widget} lang=${attr(lang)}>`,
    `<script type="application/json">${inlineJson(dataset)}</script>`,
    `</${widget}>`,
  ].join('\n');
}
