// End-to-end in a headed Chromium (a virtual X display): what needs the browser's own window —
// a PDF shown by the browser's PDF viewer, the toolbar popup opened by the user (its keyboard
// shortcut, which grants activeTab like a click), the browser's permission prompt answered by
// the user. Keys are typed into the window with xdotool. Run by `npm test` after `wxt build`.
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { auditSummary, cliSummary, launch } from './browser.mjs';
import { serve } from './serve.mjs';

let srv;
before(async () => {
  srv = await serve('tests/pages');
});
after(() => srv?.server.close());

const pdf = (host, file) => `http://${host}:${srv.port}/pdf/${file}`;
const { tablesRecognised: _j, ...jianghan } = cliSummary('tests/pages/pdf/jianghan-hr-2024-budget.pdf');
const { tablesRecognised: _h, ...hanyang } = cliSummary('tests/pages/pdf/hanyang-hr-2023-final.pdf');

/** A page target Playwright does not list (the toolbar popup), driven over the browser's CDP session. */
async function attach(b, urlPart, timeout = 10_000) {
  const cdp = await b.context.browser().newBrowserCDPSession();
  const end = Date.now() + timeout;
  let target;
  while (!target && Date.now() < end) {
    const { targetInfos } = await cdp.send('Target.getTargets');
    target = targetInfos.find((t) => t.type === 'page' && t.url.includes(urlPart));
    if (!target) await new Promise((r) => setTimeout(r, 200));
  }
  assert.ok(target, `a page ${urlPart} opened`);
  const { sessionId } = await cdp.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let next = 1;
  const waiting = new Map();
  cdp.on('Target.receivedMessageFromTarget', (e) => {
    const m = JSON.parse(e.message);
    waiting.get(m.id)?.(m);
    waiting.delete(m.id);
  });
  /** Evaluate in the page; its value. */
  const evaluate = (expression) =>
    new Promise((resolve) => {
      const id = next++;
      waiting.set(id, (m) => resolve(m.result?.result?.value));
      void cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true, awaitPromise: true } }) });
    });
  return { evaluate };
}

async function until(fn, timeout = 10_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > end) return v;
    await new Promise((r) => setTimeout(r, 200));
  }
}

describe('in the browser window', () => {
  it('a tab showing a PDF: the popup (opened by the user, Alt+Shift+L) offers "audit this PDF"; the viewer audits it without asking for a permission', async () => {
    const b = await launch({ headed: true });
    try {
      const page = await b.context.newPage();
      const url = pdf('www.jianghan.gov.cn', 'jianghan-hr-2024-budget.pdf');
      await page.goto(url);
      await page.waitForTimeout(1000);
      // Before the user asks, the extension cannot even see the tab's address.
      const before = await b.worker.evaluate(async () => (await chrome.tabs.query({ active: true, lastFocusedWindow: true }))[0]?.url ?? null);
      assert.equal(before, null);
      b.keys('alt+shift+l');
      const popup = await attach(b, '/popup.html');
      assert.ok(await until(() => popup.evaluate('!!document.querySelector("button[data-audit-pdf]")')), 'the popup offers to audit the PDF');
      const [viewer] = await Promise.all([b.context.waitForEvent('page'), popup.evaluate('document.querySelector("button[data-audit-pdf]").click(), true')]);
      assert.match(viewer.url(), /viewer\.html\?src=/);
      assert.deepEqual(await auditSummary(viewer, 90_000), jianghan);
      // No prompt was needed, and no lasting permission was taken.
      assert.equal(await viewer.locator('[data-viewer-status] button').count(), 0);
      assert.equal(await b.worker.evaluate((o) => chrome.permissions.contains({ origins: [o] }), `http://${new URL(url).hostname}/*`), false);
    } finally {
      await b.close();
    }
  });

  it('a PDF on a site the extension may not read: the viewer asks; allowed in the browser\'s prompt, it audits; refused, it says so', async () => {
    const b = await launch({ headed: true });
    try {
      const viewerUrl = (src) => `chrome-extension://${b.extensionId}/viewer.html?${new URLSearchParams({ src })}`;
      // Refused (Escape on the prompt): a clear message, nothing audited.
      const refused = await b.context.newPage();
      await refused.goto(viewerUrl(pdf('www.hanyang.gov.cn', 'hanyang-hr-2023-final.pdf')));
      await refused.locator('[data-viewer-status] button').click();
      await refused.waitForTimeout(800);
      b.keys('Escape');
      await refused.locator('[data-viewer-status="error"]').waitFor({ timeout: 10_000 });
      assert.match(await refused.locator('[data-viewer-status="error"]').innerText(), /refused/);
      await refused.close();
      // Allowed: the file is read and audited, as by the CLI.
      const src = pdf('www.hanyang.gov.cn', 'hanyang-hr-2023-final.pdf');
      const page = await b.context.newPage();
      await page.goto(viewerUrl(src));
      await page.locator('[data-viewer-status] button').click();
      await page.waitForTimeout(800);
      b.keys('Tab', 'Return');
      assert.deepEqual(await auditSummary(page, 90_000), hanyang);
      assert.equal(await b.worker.evaluate((o) => chrome.permissions.contains({ origins: [o] }), 'http://www.hanyang.gov.cn/*'), true);
    } finally {
      await b.close();
    }
  });

  it('an audited page: the popup saves a screenshot of the tab with the marks on it', async () => {
    const b = await launch({ headed: true });
    try {
      const page = await b.context.newPage();
      await page.goto(`http://www.wehdz.gov.cn:${srv.port}/gov/donghu-hrss-2023-final.trs.injected.html`);
      await auditSummary(page);
      // a discrepancy marker in view
      await page.evaluate(() => {
        const m = document.querySelector('budget-lens-overlay').shadowRoot.querySelector('.mark.discrepancy');
        window.scrollTo(0, parseFloat(m.style.top) - 200);
      });
      await page.waitForTimeout(300);
      b.keys('alt+shift+l');
      const popup = await attach(b, '/popup.html');
      assert.ok(await until(() => popup.evaluate('!!document.querySelector("button[data-screenshot]")')), 'the popup offers a screenshot');
      await popup.evaluate('document.querySelector("button[data-screenshot]").click(), true');
      const saved = await until(() => popup.evaluate('document.querySelector("[data-screenshot-status]")?.dataset.screenshotStatus ?? ""'));
      assert.equal(saved, 'saved');
      assert.ok(Number(await popup.evaluate('document.querySelector("[data-screenshot-status]").dataset.screenshotBytes')) > 20_000);
      // What it captures carries our marks: the same view with the marks hidden has far less of their red.
      const red = () =>
        b.worker.evaluate(async () => {
          const url = await chrome.tabs.captureVisibleTab({ format: 'png' });
          const bmp = await createImageBitmap(await (await fetch(url)).blob());
          const ctx = new OffscreenCanvas(bmp.width, bmp.height).getContext('2d');
          ctx.drawImage(bmp, 0, 0);
          const px = ctx.getImageData(0, 0, bmp.width, bmp.height).data;
          let n = 0;
          for (let i = 0; i < px.length; i += 4) if (Math.abs(px[i] - 220) < 20 && Math.abs(px[i + 1] - 38) < 25 && Math.abs(px[i + 2] - 38) < 25) n++;
          return n;
        });
      const shown = await red();
      await page.locator('budget-lens-overlay >> [data-bl-summary]').click();
      await page.locator('budget-lens-overlay >> [data-bl-marks]').click();
      await page.waitForTimeout(300);
      const hidden = await red();
      assert.ok(shown > hidden + 100, `marks' red: ${shown} shown, ${hidden} hidden`);
    } finally {
      await b.close();
    }
  });
});
