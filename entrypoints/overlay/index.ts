/**
 * `overlay.js`: the engine's page side and the overlay, loaded only where it is needed — by
 * the content script when a page passes the gate, or injected by the popup's "audit this
 * page". It registers `globalThis.__budgetLensOverlay` (in the extension's isolated world,
 * invisible to the page) and answers the popup's summary requests.
 */
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { browser } from 'wxt/browser';
import type { OverlayApi } from './api.ts';
import { MAX_CELLS, Overlay, SLICE_MS } from './controller.ts';
import { PageSurface } from './surface.ts';

declare global {
  // eslint-disable-next-line no-var
  var __budgetLensOverlay: OverlayApi | undefined;
}

const MAX_PDF_BYTES = 100 * 1024 * 1024;

async function fetchPdf(url: string): Promise<string> {
  const res = await fetch(url, { credentials: 'include' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const buf = new Uint8Array(await res.arrayBuffer());
  if (buf.byteLength > MAX_PDF_BYTES) throw new Error('the file is too large');
  let bin = '';
  for (let i = 0; i < buf.length; i += 0x8000) bin += String.fromCharCode(...buf.subarray(i, i + 0x8000));
  return btoa(bin);
}

export default defineUnlistedScript(() => {
  if (globalThis.__budgetLensOverlay) return;
  // "Audit this PDF": the background opens the viewer, which asks this page for the file.
  const openPdf = (link: { href: string }) => void browser.runtime.sendMessage({ type: 'bl:open-pdf', url: link.href }).catch(() => undefined);
  const overlay = new Overlay(new PageSurface(document, { maxCells: MAX_CELLS, slice: SLICE_MS }), openPdf);
  globalThis.__budgetLensOverlay = { start: (options) => overlay.start(options) };
  browser.runtime.onMessage.addListener((message: unknown, _sender, respond: (r: unknown) => void) => {
    const type = (message as { type?: string } | null)?.type;
    if (type === 'bl:summary') {
      respond(overlay.summaryForPopup());
      return false;
    }
    if (type === 'bl:fetch-pdf') {
      // The viewer asks for a PDF this page links (fetched here: the page's own site).
      const url = (message as { url?: unknown }).url;
      if (typeof url !== 'string' || !overlay.links(url)) {
        respond({ ok: false, error: 'not a PDF this page links' });
        return false;
      }
      fetchPdf(url).then(
        (base64) => respond({ ok: true, base64 }),
        (e: unknown) => respond({ ok: false, error: e instanceof Error ? e.message : String(e) }),
      );
      return true;
    }
    if (type === 'bl:audit') {
      overlay.start({ force: true }).then(
        () => respond({ ok: true }),
        (e: unknown) => respond({ ok: false, error: String(e) }),
      );
      return true;
    }
    return undefined;
  });
});
