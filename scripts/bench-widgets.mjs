// The widgets' figures (part of `npm run bench`; alone: `node scripts/bench-widgets.mjs`):
//   size   gzip size of the loader a page includes, of the chart code it loads when a chart is
//          present, and of the badge-only code; beside plain vega-embed + the Vega-Lite runtime
//          (bundled and minified the same way). Targets: loader < 10 KB; chart code smaller
//          than the plain bundle.
//   first chart  in Debian Chromium (headless), cache disabled, RUNS runs each: time from
//          navigation start to the first chart's marks in the DOM — the same bars of the same
//          dataset by <bl-spending-structure view="bars"> and by plain vega-embed compiling the
//          Vega-Lite spec in the page; and on the demo page (dist/demo/index.html), the first
//          chart and all charts. Target: the widget no slower than plain vega-embed.
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { ensureBrowser } from './ensure-browser.mjs';

const RUNS = Number(process.env.BENCH_BROWSER_RUNS ?? 7);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const kb = (f) => gzipSync(fs.readFileSync(f), { level: 9 }).length / 1024;
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };

/** Plain vega-embed: the Vega-Lite spec compiled in the page, the same rows as the widget's. */
async function buildPlain() {
  fs.mkdirSync('.bench', { recursive: true });
  await esbuild.build({
    stdin: {
      contents: `import embed from 'vega-embed';
import spec from './widgets/specs/bars.vl.json';
import { levelItems, formatAmount, formatShare } from './widgets/internal/data.ts';
const el = document.getElementById('chart');
fetch(el.dataset.src).then((r) => r.json()).then((d) => {
  const values = levelItems(d, [], 'en').map((i) => ({ ...i, label: formatAmount(i.value, d.document.unit, 'en'), shareLabel: formatShare(i.share, 'en') }));
  return embed(el, { ...spec, data: { values } }, { actions: false, renderer: 'svg' });
});`,
      resolveDir: '.',
      sourcefile: 'plain-entry.js',
      loader: 'js',
    },
    outfile: '.bench/plain-vega-embed.js',
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'error',
  });
  await esbuild.stop();
}

function serve() {
  const root = process.cwd();
  const server = http.createServer((req, res) => {
    const p = decodeURIComponent(new URL(req.url, 'http://x').pathname);
    const file = path.join(root, p);
    if (!/^\/(?:dist|data|tests\/pages\/widgets|\.bench)\//.test(p) || !file.startsWith(root)) {
      res.writeHead(404);
      return res.end();
    }
    fs.readFile(file, (err, buf) => {
      if (err) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' });
      res.end(buf);
    });
  });
  return new Promise((r) => server.listen(0, '127.0.0.1', () => r(server)));
}

// Watches every frame for chart marks, in light DOM and in the widgets' shadow roots.
function watchCharts() {
  window.__charts = [];
  const seen = new Set();
  const tick = () => {
    const boxes = [...document.querySelectorAll('#chart'), ...[...document.querySelectorAll('bl-spending-structure, bl-spending-mix, bl-compare')].map((e) => e.shadowRoot).filter(Boolean)];
    boxes.forEach((b, i) => {
      if (!seen.has(i) && b.querySelector('svg .mark-rect path, svg .mark-arc path')) {
        seen.add(i);
        window.__charts.push(performance.now());
      }
    });
    requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
}

export async function benchWidgets() {
  console.log('\nwidgets: built with `npm run build:widgets`');
  execFileSync(process.execPath, ['scripts/build-widgets.mjs'], { stdio: 'ignore' });
  await buildPlain();
  const loader = kb('dist/widgets/budget-lens-widgets.js');
  const charts = kb('dist/widgets/budget-lens-charts.js');
  const basic = kb('dist/widgets/budget-lens-basic.js');
  const plain = kb('.bench/plain-vega-embed.js');
  console.log(`loader (the one script tag): ${loader.toFixed(1)} KB gzip — target < 10 KB: ${loader < 10 ? 'met' : 'NOT met'}`);
  console.log(`chart code (Lit + Vega + interpreter + every widget): ${charts.toFixed(1)} KB gzip; badge/findings only: ${basic.toFixed(1)} KB gzip`);
  console.log(`plain vega-embed + Vega-Lite (same bars): ${plain.toFixed(1)} KB gzip — chart code is ${(charts / plain).toFixed(2)}× of it: ${charts < plain ? 'met' : 'NOT met'}`);
  if (!ensureBrowser()) {
    console.log('first chart: could not measure (no Chromium)');
    return;
  }
  const { launch } = await import('../tests/e2e/browser.mjs');
  const server = await serve();
  const port = server.address().port;
  const browser = await launch({ extension: false });
  await browser.context.addInitScript(watchCharts);
  const timeTo = async (url, charts = 1) => {
    const page = await browser.context.newPage();
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
    await page.goto(`http://localhost:${port}${url}`);
    await page.waitForFunction((n) => window.__charts.length >= n, charts, { timeout: 30_000 });
    const t = await page.evaluate(() => window.__charts);
    await page.close();
    return t;
  };
  const demoCharts = (fs.readFileSync('dist/demo/index.html', 'utf8').match(/<(?:bl-spending-structure|bl-spending-mix|bl-compare)[\s>]/g) ?? []).length;
  const widget = [];
  const vanilla = [];
  const demoFirst = [];
  const demoAll = [];
  try {
    // one unmeasured round first (browser start-up), then alternate
    await timeTo('/tests/pages/widgets/bench-bars.html');
    await timeTo('/tests/pages/widgets/plain-vega-embed.html');
    for (let i = 0; i < RUNS; i++) {
      widget.push((await timeTo('/tests/pages/widgets/bench-bars.html'))[0]);
      vanilla.push((await timeTo('/tests/pages/widgets/plain-vega-embed.html'))[0]);
      const d = await timeTo('/dist/demo/index.html', demoCharts);
      demoFirst.push(d[0]);
      demoAll.push(Math.max(...d));
    }
  } finally {
    await browser.close();
    server.close();
  }
  const w = median(widget);
  const v = median(vanilla);
  console.log(`first chart, median of ${RUNS} (cache disabled): widget ${w.toFixed(0)} ms, plain vega-embed ${v.toFixed(0)} ms — ${(w / v).toFixed(2)}× — target ≤ 1×: ${w <= v ? 'met' : 'NOT met'}`);
  console.log(`demo page (${demoCharts} charts): first chart ${median(demoFirst).toFixed(0)} ms, all charts ${median(demoAll).toFixed(0)} ms`);
}

if (import.meta.url === `file://${process.argv[1]}`) await benchWidgets();
