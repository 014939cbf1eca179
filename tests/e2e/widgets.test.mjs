// End-to-end: the widgets embedded in pages under a strict Content-Security-Policy
// (`script-src 'self'; style-src 'self'`), from the built bundles (dist/widgets/): one classic
// <script> tag (loaded twice, harmless), and an ES module import. Charts render, and no CSP
// violation is reported.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { launch } from './browser.mjs';

const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'";
const TYPES = { '.html': 'text/html; charset=utf-8', '.js': 'text/javascript', '.mjs': 'text/javascript', '.json': 'application/json', '.css': 'text/css' };
let server;
let port;
let browser;

before(async () => {
  assert.ok(fs.existsSync('dist/widgets/budget-lens-widgets.js'), 'run `npm run build:widgets` first');
  server = http.createServer((req, res) => {
    if (req.url === '/favicon.ico') {
      res.writeHead(204);
      return res.end();
    }
    const p = path.join(process.cwd(), decodeURIComponent(new URL(req.url, 'http://x').pathname));
    if (!p.startsWith(process.cwd()) || !/^\/(?:dist|data|tests\/pages\/widgets)\//.test(new URL(req.url, 'http://x').pathname)) {
      res.writeHead(404);
      return res.end();
    }
    fs.readFile(p, (err, buf) => {
      if (err) {
        res.writeHead(404);
        return res.end();
      }
      res.writeHead(200, { 'content-type': TYPES[path.extname(p)] ?? 'application/octet-stream', 'content-security-policy': CSP });
      res.end(buf);
    });
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  port = server.address().port;
  browser = await launch({ extension: false });
  await browser.context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

async function open(file) {
  const page = await browser.context.newPage();
  const errors = [];
  page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`http://localhost:${port}/tests/pages/widgets/${file}`);
  return { page, errors };
}

const marks = (page, tag) =>
  page.waitForFunction((t) => {
    const el = document.querySelector(t);
    const n = el?.shadowRoot?.querySelectorAll('.chart svg .mark-rect > path, .chart svg .mark-arc > path').length ?? 0;
    return n > 0 ? n : false;
  }, tag, { timeout: 20_000 }).then((h) => h.jsonValue());

describe('widgets under a strict CSP', () => {
  it('one classic script tag: the charts render, no CSP violation, no error', async () => {
    const { page, errors } = await open('csp.html');
    assert.ok((await marks(page, 'bl-spending-structure')) >= 2);
    assert.ok((await marks(page, 'bl-spending-mix')) >= 4);
    await page.waitForFunction(() => document.querySelector('bl-audit-badge')?.shadowRoot?.querySelector('[data-checks]'));
    assert.equal(await page.evaluate(() => document.querySelector('bl-audit-badge').shadowRoot.querySelector('[data-checks]').dataset.discrepancies), '3');
    // loaded twice: one definition, one request for the chart code
    assert.equal(await page.evaluate(() => performance.getEntriesByType('resource').filter((r) => r.name.endsWith('budget-lens-charts.js')).length), 1);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('an ES module import: the comparison renders, no CSP violation', async () => {
    const { page, errors } = await open('esm.html');
    assert.equal(await marks(page, 'bl-compare'), 10);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  it('a page with only a badge does not load the chart code', async () => {
    const badgeOnly = await browser.context.newPage();
    await badgeOnly.route('**/badge-only.html', (route) =>
      route.fulfill({ contentType: 'text/html', headers: { 'content-security-policy': CSP }, body: '<!doctype html><script src="/dist/widgets/budget-lens-widgets.js"></script><bl-audit-badge src="/data/datasets/donghu-hrss-2023-final.json"></bl-audit-badge>' }),
    );
    await badgeOnly.goto(`http://localhost:${port}/tests/pages/widgets/badge-only.html`);
    await badgeOnly.waitForFunction(() => document.querySelector('bl-audit-badge')?.shadowRoot?.querySelector('[data-checks]'), null, { timeout: 20_000 });
    const loaded = await badgeOnly.evaluate(() => performance.getEntriesByType('resource').map((r) => r.name.split('/').pop()));
    assert.ok(loaded.includes('budget-lens-basic.js'));
    assert.ok(!loaded.includes('budget-lens-charts.js'));
    await badgeOnly.close();
  });

  it('chart code that cannot be loaded is named in the console, and the host page is unharmed', async () => {
    const probe = await browser.context.newPage();
    const errors = [];
    probe.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    probe.on('pageerror', (e) => errors.push(`page error: ${e.message}`));
    await probe.route('**/budget-lens-charts.js', (route) => route.fulfill({ status: 404, body: '' }));
    await probe.goto(`http://localhost:${port}/tests/pages/widgets/csp.html`);
    await probe.waitForFunction(() => document.readyState === 'complete');
    await probe.waitForTimeout(300);
    assert.ok(errors.some((e) => /Budget Lens: could not load http:\/\/localhost:\d+\/dist\/widgets\/budget-lens-charts\.js/.test(e)), errors.join('\n'));
    assert.ok(!errors.some((e) => e.startsWith('page error')));
    assert.equal(await probe.evaluate(() => document.querySelector('h1').textContent), '区人力资源局的钱花在哪里');
    await probe.close();
  });
});
