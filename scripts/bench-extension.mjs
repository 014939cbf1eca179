// The extension's figures, measured in Debian Chromium with the built extension loaded
// (part of `npm run bench`; alone: `node scripts/bench-extension.mjs`). Printed with targets:
//   overlay   time from document idle (the content script's start) to the overlay drawn on the
//             largest fixture page, each run in a fresh browser (the background starts cold);
//             on a second load in the same browser (warm); and in a browser restarted on the
//             same profile (a user's next day: cold background, Chromium's code cache kept).
//             Target < 300 ms.
//   tasks     the longest main-thread task of the extension's own (its `bl:task` measures:
//             each stretch between two pauses), and the longest task of any cause during the
//             audit (Long Tasks API, ≥ 50 ms) beside the same page without the extension.
//             Target < 50 ms.
//   gate      time the content script spends on a .gov.cn page that is no disclosure (a news
//             article). Target < 1 ms. Chromium rounds page timers to 0.1 ms.
//   size      gzip size of the content script every matching page loads. Target < 30 KB.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBrowser } from './ensure-browser.mjs';

const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 5);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const verdict = (v, target) => `${(v / target).toFixed(2)}× target — ${v < target ? 'met' : 'NOT met'}`;

export async function benchExtension() {
  console.log('\nextension: built with `wxt build`, measured in Debian Chromium (headless)');
  execFileSync('npx', ['wxt', 'build'], { stdio: 'ignore' });
  const gz = (f) => gzipSync(readFileSync(`.output/chrome-mv3/${f}`), { level: 9 }).length / 1024;
  const content = gz('content-scripts/budget.js');
  console.log(`content script (every *.gov.cn page): ${content.toFixed(1)} KB gzip — target < 30 KB: ${verdict(content, 30)}`);
  console.log(`overlay (loaded on disclosure pages only): ${gz('overlay.js').toFixed(1)} KB gzip; background: ${gz('background.js').toFixed(1)} KB gzip`);
  if (!ensureBrowser()) {
    console.log('browser figures: could not measure (no Chromium)');
    return;
  }
  const { launch, auditSummary } = await import('../tests/e2e/browser.mjs');
  const { serve } = await import('../tests/e2e/serve.mjs');
  // The news article again at an article's address (`/art/…/t20240920_….html`, as real sites
  // name them): there the gate reads the headings too.
  const srv = await serve('tests/pages', { 'art/2024/t20240920_1234567.html': () => readFileSync('tests/pages/detect/news-article.html') });
  const dir = 'tests/pages/gov';
  const largest = readdirSync(dir)
    .filter((f) => f.endsWith('.html') && !f.includes('injected'))
    .map((f) => ({ f, size: statSync(`${dir}/${f}`).size }))
    .sort((a, b) => b.size - a.size)[0].f;
  const longtasks = () => {
    window.__longtasks = [];
    new PerformanceObserver((l) => window.__longtasks.push(...l.getEntries().map((e) => ({ start: e.startTime, duration: e.duration })))).observe({ type: 'longtask', buffered: true });
  };
  const read = (page) =>
    page.evaluate(() => {
      const m = (n) => performance.getEntriesByType('measure').filter((x) => x.name === n);
      const gate = m('bl:gate')[0];
      const visible = m('bl:overlay-visible')[0];
      const from = gate?.startTime ?? 0;
      return {
        visible: visible?.duration,
        ownTask: Math.max(0, ...m('bl:task').map((x) => x.duration)),
        stages: Object.fromEntries(['bl:extract', 'bl:analyse', 'bl:sw-send', 'bl:sw-parse', 'bl:engine', 'bl:sw-reply', 'bl:validate', 'bl:draw'].map((n) => [n, m(n).at(-1)?.duration])),
        longest: Math.max(0, ...window.__longtasks.filter((t) => t.start + t.duration >= from).map((t) => t.duration)),
        gate: gate?.duration,
      };
    });
  const url = (p, host = 'www.jianghan.gov.cn') => `http://${host}:${srv.port}/${p}`;

  const cold = [];
  const warm = [];
  for (let i = 0; i < RUNS; i++) {
    const b = await launch();
    await b.context.addInitScript(longtasks);
    for (const bucket of [cold, warm]) {
      const page = await b.context.newPage();
      await page.goto(url(`gov/${largest}`));
      // Waited for by polling the timeline now and then: a selector wait would run queries on
      // the page's main thread at each of our DOM changes, during the audit it times.
      await page.waitForFunction(() => performance.getEntriesByName('bl:overlay-visible').length > 0, null, { polling: 250, timeout: 30_000 });
      await auditSummary(page);
      await page.waitForTimeout(300);
      bucket.push(await read(page));
      await page.close();
    }
    await b.close();
  }
  // A user's browser: installed once, then started again another day on the same profile —
  // the background starts cold, but Chromium's code cache already holds the compiled scripts.
  // The first start (install) is not counted; each run restarts the browser.
  const profile = mkdtempSync(path.join(os.tmpdir(), 'bl-bench-profile-'));
  const restarted = [];
  for (let i = 0; i <= RUNS; i++) {
    const b = await launch({ profile });
    await b.context.addInitScript(longtasks);
    const page = await b.context.newPage();
    await page.goto(url(`gov/${largest}`));
    await page.waitForFunction(() => performance.getEntriesByName('bl:overlay-visible').length > 0, null, { polling: 250, timeout: 30_000 });
    await auditSummary(page);
    await page.waitForTimeout(300);
    if (i > 0) restarted.push(await read(page));
    await b.close();
  }
  rmSync(profile, { recursive: true, force: true });

  // The same page without the extension: its own long tasks.
  const plain = await launch({ extension: false });
  await plain.context.addInitScript(longtasks);
  const base = [];
  for (let i = 0; i < RUNS; i++) {
    const page = await plain.context.newPage();
    await page.goto(url(`gov/${largest}`));
    await page.waitForTimeout(1000);
    base.push(await page.evaluate(() => Math.max(0, ...window.__longtasks.map((t) => t.duration))));
    await page.close();
  }
  await plain.close();

  const v = median(cold.map((r) => r.visible));
  console.log(`largest fixture page (${largest}, ${(statSync(`${dir}/${largest}`).size / 1024).toFixed(0)} KB), ${RUNS} runs:`);
  console.log(`  idle → overlay drawn, cold background: median ${v.toFixed(0)} ms (runs ${cold.map((r) => r.visible.toFixed(0)).join(', ')}) — target < 300 ms: ${verdict(v, 300)}`);
  const r = median(restarted.map((x) => x.visible));
  console.log(`  idle → overlay drawn, browser restarted on the same profile (cold background, code cache kept): median ${r.toFixed(0)} ms (runs ${restarted.map((x) => x.visible.toFixed(0)).join(', ')}) — ${verdict(r, 300)}`);
  const w = median(warm.map((r) => r.visible));
  console.log(`  idle → overlay drawn, warm background: median ${w.toFixed(0)} ms — ${verdict(w, 300)}`);
  const stages = Object.keys(cold[0].stages).map((k) => `${k.slice(3)} ${median(cold.map((r) => r.stages[k] ?? 0)).toFixed(0)}`);
  console.log(`  stages (median, ms): ${stages.join(' · ')}  (analyse = messaging + engine in the background; sw-send: the page's document to the background, sw-reply: the report back)`);
  const restartStages = Object.keys(restarted[0].stages).map((k) => `${k.slice(3)} ${median(restarted.map((x) => x.stages[k] ?? 0)).toFixed(0)}`);
  console.log(`  stages after a restart (median, ms): ${restartStages.join(' · ')}`);
  const own = Math.max(...cold.map((r) => r.ownTask), ...warm.map((r) => r.ownTask), ...restarted.map((r) => r.ownTask));
  console.log(`  longest main-thread task of the extension: ${own.toFixed(0)} ms — target < 50 ms: ${verdict(own, 50)}`);
  const lt = median(cold.map((r) => r.longest));
  console.log(`  longest task of any cause during the audit (Long Tasks API): median ${lt.toFixed(0)} ms; the page alone: ${median(base).toFixed(0)} ms`);

  // A .gov.cn page that is no disclosure: only the gate runs.
  const b = await launch();
  for (const [what, address] of [
    ['a news article', 'detect/news-article.html'],
    ['the same at an article address', 'generated/art/2024/t20240920_1234567.html'],
  ]) {
    const gates = [];
    let loaded = 0;
    for (let i = 0; i < RUNS * 2; i++) {
      const page = await b.context.newPage();
      await page.goto(url(address));
      await page.waitForTimeout(200);
      const r = await page.evaluate(() => ({
        gate: performance.getEntriesByType('measure').find((m) => m.name === 'bl:gate')?.duration,
        more: performance.getEntriesByType('measure').some((m) => m.name === 'bl:look'),
      }));
      gates.push(r.gate);
      if (r.more) loaded++;
      await page.close();
    }
    const g = median(gates);
    console.log(`non-disclosure .gov.cn page (${what}), ${gates.length} loads: gate median ${g.toFixed(2)} ms, max ${Math.max(...gates).toFixed(2)} ms; overlay loaded ${loaded} times — target < 1 ms: ${verdict(Math.max(g, 0.01), 1)}`);
  }
  await b.close();
  srv.server.close();
}

if (import.meta.url === `file://${process.argv[1]}`) await benchExtension();
