/**
 * The overlay's host: one `<budget-lens-overlay>` element with an open shadow root, appended
 * to <html> (outside <body>, so the page's layout never sees it). It is styled inline with
 * !important, so global CSS (`* { … !important }`, `div { display: none }`, even a rule on our
 * tag name) cannot hide or move it; inside, a constructed stylesheet (no <style> element for a
 * strict CSP to block) and lit-html templates, which insert page text as text only.
 *
 * `customElements` is null in a content script's world, so this is not a custom element: just
 * a valid custom-element name, which may carry a shadow root.
 */
import { OVERLAY_CSS } from './style.ts';

export const HOST_TAG = 'budget-lens-overlay';

const HOST_STYLE: Record<string, string> = {
  all: 'initial',
  display: 'block',
  position: 'absolute',
  left: '0px',
  top: '0px',
  width: '0px',
  height: '0px',
  margin: '0px',
  padding: '0px',
  border: '0px',
  overflow: 'visible',
  transform: 'none',
  filter: 'none',
  opacity: '1',
  visibility: 'visible',
  'z-index': '2147483647',
  'pointer-events': 'none',
  contain: 'none',
};

export function createHost(doc: Document): { host: HTMLElement; root: ShadowRoot } {
  doc.querySelectorAll(HOST_TAG).forEach((old) => old.remove());
  const host = doc.createElement(HOST_TAG);
  for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
  const root = host.attachShadow({ mode: 'open' });
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(OVERLAY_CSS);
  root.adoptedStyleSheets = [sheet];
  doc.documentElement.append(host);
  return { host, root };
}

/** Put the host back if the page removed it or moved it (a script rewriting <html>). */
export function keepHost(doc: Document, host: HTMLElement): void {
  if (host.parentNode !== doc.documentElement || host.style.getPropertyValue('display') !== 'block') {
    for (const [k, v] of Object.entries(HOST_STYLE)) host.style.setProperty(k, v, 'important');
    doc.documentElement.append(host);
  }
}
