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

// docs/viewer.png: the PDF viewer on the fixture PDF with the same error, opened from the
// article that links it.
{
  const srv2 = await serve('tests/pages');
  const b2 = await launch({ viewport: { width: 1280, height: 860 } });
  const article = await b2.context.newPage();
  await article.goto(`http://www.wehdz.gov.cn:${srv2.port}/pdf/article.html`);
  const button = article.locator('budget-lens-overlay >> [data-bl-audit-pdf]');
  await button.waitFor();
  const [viewer] = await Promise.all([b2.context.waitForEvent('page'), button.click()]);
  await auditSummary(viewer, 60_000);
  await viewer.waitForFunction(() => [...document.querySelectorAll('.page')].every((p) => p.dataset.rendered), null, { timeout: 60_000 });
  const path = await viewer.evaluate(() => {
    const m = document.querySelector('budget-lens-overlay').shadowRoot.querySelector('.mark.discrepancy[data-stated="4938.56"]');
    window.scrollTo(0, window.scrollY + m.getBoundingClientRect().top - 200);
    return m.dataset.path;
  });
  await viewer.waitForTimeout(300);
  await viewer.locator(`budget-lens-overlay >> .badge[data-for="${path}"]`).click();
  await viewer.waitForTimeout(300);
  await viewer.screenshot({ path: 'docs/viewer.png' });
  console.log('docs/viewer.png written');
  await b2.close();
  srv2.server.close();
}

// docs/widget-*.png: each widget as the demo page (dist/demo, `npm run build:widgets`) shows it.
{
  const { resolve } = await import('node:path');
  const b3 = await launch({ extension: false, viewport: { width: 1060, height: 900 } });
  const demo = await b3.context.newPage();
  await demo.goto(`file://${resolve('dist/demo/index.html')}`);
  await demo.waitForFunction(() =>
    [...document.querySelectorAll('bl-spending-structure, bl-spending-mix, bl-compare')].every((e) => e.shadowRoot?.querySelector('.chart svg path')),
  );
  await demo.waitForTimeout(300);
  const shots = [
    ['widget-structure.png', 'bl-spending-structure >> nth=0'],
    ['widget-sunburst.png', 'bl-spending-structure >> nth=1'],
    ['widget-mix.png', 'bl-spending-mix'],
    ['widget-compare.png', 'bl-compare >> nth=0'],
    ['widget-budget.png', 'bl-compare >> nth=1'],
    ['widget-findings.png', 'section.demo:has(bl-findings)'],
  ];
  for (const [file, selector] of shots) {
    await demo.locator(selector).screenshot({ path: `docs/${file}` });
    console.log(`docs/${file} written`);
  }
  await b3.close();
}
