// `node scripts/screenshot.mjs`: docs/overlay.png, the overlay on a fixture page with an
// injected error (the README's picture). Needs the built extension and Chromium.
import { launch, auditSummary } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/serve.mjs';

const srv = await serve('tests/pages');
const b = await launch({ viewport: { width: 1280, height: 860 } });
const page = await b.context.newPage();
await page.goto(`http://www.wehdz.gov.cn:${srv.port}/gov/donghu-hrss-2023-final.trs.injected.html`);
await auditSummary(page);
// The injected cell near the top of the view; the panel open; the cell's finding open, one of
// its operands hovered (highlighted on the page).
const path = await page.evaluate(() => {
  const m = document.querySelector('budget-lens-overlay').shadowRoot.querySelector('.mark.discrepancy[data-stated="4938.56"]');
  window.scrollTo(0, parseFloat(m.style.top) - 160);
  return m.dataset.path;
});
await page.waitForTimeout(300);
await page.locator('budget-lens-overlay >> [data-bl-summary]').click();
await page.locator(`budget-lens-overlay >> .badge[data-for="${path}"]`).click();
await page.locator('budget-lens-overlay >> .card li').nth(1).hover();
await page.waitForTimeout(300);
await page.screenshot({ path: 'docs/overlay.png' });
console.log('docs/overlay.png written');
await b.close();
srv.server.close();
