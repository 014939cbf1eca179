/**
 * Node-only: parse an HTML string with linkedom (a real HTML parser) and extract it with the
 * same DOM code the extension runs on live pages. Kept out of browser bundles.
 */
import { parseHTML } from 'linkedom';
import type { RawDocument } from '../model/raw.ts';
import { extractDom, type DomExtractOptions, type DomNode } from '../extract/dom.ts';

export function extractHtmlString(html: string, options: DomExtractOptions = {}): RawDocument {
  const { document } = parseHTML(html.includes('<html') ? html : `<!doctype html><html><body>${html}</body></html>`);
  const root = (document.body ?? document.documentElement) as unknown as DomNode;
  const titleEl = document.querySelector('title');
  return extractDom(root, { ...options, name: options.name ?? titleEl?.textContent?.trim() ?? undefined });
}
