/**
 * The content script on every *.gov.cn page. It must cost nothing on the pages that are not
 * budget disclosures, so it holds only the gate (core/detect/page.ts: URL tokens, the
 * 《政府网站发展指引》 meta tags, title and headings); the engine and the overlay are imported
 * from the extension (entrypoints/overlay) only when the gate passes, or when the popup asks
 * for an audit of this page.
 *
 * Timings go to the page's performance timeline as `bl:*` measures (read by `npm run bench`).
 */
import { defineContentScript } from 'wxt/utils/define-content-script';
import { browser } from 'wxt/browser';
import { checkPage } from '../../core/detect/page.ts';
import type { OverlayApi, StartOptions } from '../overlay/api.ts';

export default defineContentScript({
  matches: ['*://*.gov.cn/*'],
  runAt: 'document_idle',
  main(ctx) {
    const t0 = performance.now();
    const gate = checkPage(document, location);
    performance.measure('bl:gate', { start: t0, end: performance.now(), detail: gate.reason });

    let loading: Promise<OverlayApi | undefined> | undefined;
    const overlay = () =>
      (loading ??= import(/* @vite-ignore */ browser.runtime.getURL('/overlay.js'))
        .then(() => (globalThis as { __budgetLensOverlay?: OverlayApi }).__budgetLensOverlay)
        .catch((e: unknown) => {
          console.warn('Budget Lens: the overlay could not be loaded', e);
          loading = undefined;
          return undefined;
        }));
    const start = (options: StartOptions) => overlay().then((api) => api?.start({ ...options, signal: ctx.signal }));

    // The popup's "audit this page" reaches pages the gate let go.
    const onMessage = (message: unknown, _sender: unknown, respond: (r: unknown) => void) => {
      const type = (message as { type?: string } | null)?.type;
      if (type === 'bl:audit' && !loading) {
        // Once loaded, the overlay answers for itself.
        start({ force: true }).then(() => respond({ ok: true }), (e: unknown) => respond({ ok: false, error: String(e) }));
        return true;
      }
      if (type === 'bl:summary' && !loading) {
        respond({ ok: true, audited: false, gate: gate.reason });
        return false;
      }
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    const begin = (reason: string, from: number) => {
      // Wake the background (it runs the engine) while the overlay loads and reads the page.
      browser.runtime.sendMessage({ type: 'bl:warm' }).catch(() => undefined);
      void start({ force: false, gate: reason, gateStart: from });
    };
    if (gate.pass) {
      begin(gate.reason, t0);
      return;
    }
    // A single-page site changes page without loading one (a 预决算 platform's router): after
    // each navigation inside the document, once its title and content have had a moment to
    // change, the gate looks again. Events only (Navigation API, popstate, hashchange): no timer
    // runs on a page that does not navigate.
    let seen = location.href;
    let timers: number[] = [];
    const look = () => {
      if (loading) return;
      const t = performance.now();
      const again = checkPage(document, location);
      performance.measure('bl:gate', { start: t, end: performance.now(), detail: again.reason });
      if (again.pass) begin(again.reason, t);
    };
    const navigated = () => {
      if (loading || location.href === seen) return;
      seen = location.href;
      for (const id of timers) clearTimeout(id);
      timers = NAVIGATION_LOOKS_MS.map((ms) => window.setTimeout(look, ms));
    };
    const navigation = (globalThis as { navigation?: EventTarget }).navigation;
    navigation?.addEventListener('navigatesuccess', navigated);
    window.addEventListener('popstate', navigated);
    window.addEventListener('hashchange', navigated);
    ctx.onInvalidated(() => {
      navigation?.removeEventListener('navigatesuccess', navigated);
      window.removeEventListener('popstate', navigated);
      window.removeEventListener('hashchange', navigated);
      for (const id of timers) clearTimeout(id);
    });
  },
});

/** After a navigation inside the page, the gate looks again this long after it (ms). */
const NAVIGATION_LOOKS_MS = [400, 1500];
