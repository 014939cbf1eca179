/**
 * `budget-lens-widgets.js`: the one script a page includes. It looks for `bl-*` elements not yet
 * defined and loads what they need, from beside itself — Vega only when a chart is on the
 * page — and keeps looking as the page adds elements. Loaded twice, it does nothing twice.
 */
const CHARTS = ['bl-spending-structure', 'bl-spending-mix', 'bl-compare'];
const BASIC = ['bl-audit-badge', 'bl-findings'];
type Flag = { __blLoader?: boolean };
/** Set by the build: true in the ES module, false in the classic script. */
declare const __BL_ESM__: boolean;

(() => {
  const g = globalThis as unknown as Flag;
  if (g.__blLoader) return;
  g.__blLoader = true;
  const esm = typeof __BL_ESM__ !== 'undefined' && __BL_ESM__;
  // Where the bundles are: beside this module (ESM), or beside this script (classic).
  const base = esm ? new URL('.', import.meta.url).href : new URL('.', (document.currentScript as HTMLScriptElement | null)?.src ?? location.href).href;
  const requested = new Set<string>();
  const load = (name: 'charts' | 'basic') => {
    if (requested.has(name) || (name === 'basic' && requested.has('charts'))) return;
    requested.add(name);
    const url = `${base}budget-lens-${name}.${esm ? 'mjs' : 'js'}`;
    // The one thing the loader cannot show in a widget's box: the widget code itself missing.
    const failed = () => console.error(`Budget Lens: could not load ${url}; serve it beside budget-lens-widgets.js`);
    if (esm) {
      import(/* @vite-ignore */ url).catch(failed);
      return;
    }
    const s = document.createElement('script');
    s.src = url;
    s.async = true;
    s.onerror = failed;
    document.head.append(s);
  };
  const scan = () => {
    const undefinedTags = new Set([...document.querySelectorAll(':not(:defined)')].map((e) => e.localName).filter((n) => n.startsWith('bl-')));
    if (CHARTS.some((t) => undefinedTags.has(t))) load('charts');
    else if (BASIC.some((t) => undefinedTags.has(t))) load('basic');
  };
  scan();
  if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', scan, { once: true });
  // Elements added later: one scan per frame at most, and none once everything is loading.
  let queued = false;
  const observer = new MutationObserver(() => {
    if (requested.has('charts')) return observer.disconnect();
    if (queued) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      scan();
    });
  });
  observer.observe(document.documentElement, { childList: true, subtree: true });
})();
