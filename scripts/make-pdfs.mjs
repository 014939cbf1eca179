// `node scripts/make-pdfs.mjs`: the fixture PDFs (tests/pages/pdf/), printed by Chromium from
// the fixture pages (tests/pages/gov/*.trs.html) as a department's web team prints a page to
// PDF — A4, backgrounds on, rows kept whole across page breaks (`tr { break-inside: avoid }`,
// as Word keeps them by default) — and the bad PDFs the reader must survive. Needs Chromium.
import { readFileSync, writeFileSync } from 'node:fs';
import { launch } from '../tests/e2e/browser.mjs';
import { serve } from '../tests/e2e/serve.mjs';

const OUT = 'tests/pages/pdf';
const PAGES = {
  'donghu-hrss-2023-final.pdf': 'donghu-hrss-2023-final.trs.html',
  'hanyang-hr-2023-final.pdf': 'hanyang-hr-2023-final.trs.html',
  'jianghan-hr-2024-budget.pdf': 'jianghan-hr-2024-budget.trs.html',
  'donghu-hrss-2023-final.injected.pdf': 'donghu-hrss-2023-final.trs.injected.html',
};
// Tables printed without rules (borders off): columns only by where the text stands.
const UNRULED = {
  'hanyang-hr-2023-final.unruled.pdf': 'hanyang-hr-2023-final.trs.html',
  'jianghan-hr-2024-budget.unruled.pdf': 'jianghan-hr-2024-budget.trs.html',
};
const NO_RULES = 'table, tr, td, th { border: none !important; border-collapse: separate !important; background: none !important; }';
// The made-up 决算 (tests/samples/made-up-final.txt) as a plain page in small type, its tables
// ruled and narrow (header words of neighbouring cells printed on one baseline).
const SAMPLES = { 'made-up-final.pdf': 'pdf/made-up-final.html' };
// `node scripts/make-pdfs.mjs made-up-final.pdf …`: only the PDFs named.
const only = new Set(process.argv.slice(2));
const wanted = (pdf) => only.size === 0 || only.has(pdf);

const srv = await serve('tests/pages');
const b = await launch({ extension: false });
const page = await b.context.newPage();
for (const [pdf, html] of Object.entries(SAMPLES)) {
  if (!wanted(pdf)) continue;
  await page.goto(`http://www.example.gov.cn:${srv.port}/${html}`);
  await page.addStyleTag({ content: 'tr { break-inside: avoid; }' });
  await page.pdf({ path: `${OUT}/${pdf}`, format: 'A4', printBackground: true });
  console.log(`${OUT}/${pdf} ← ${html}`);
}
for (const [pdf, html] of Object.entries(PAGES)) {
  if (!wanted(pdf)) continue;
  await page.goto(`http://www.example.gov.cn:${srv.port}/gov/${html}`);
  await page.addStyleTag({ content: 'tr { break-inside: avoid; }' });
  await page.pdf({ path: `${OUT}/${pdf}`, format: 'A4', printBackground: true });
  console.log(`${OUT}/${pdf} ← gov/${html}`);
}
for (const [pdf, html] of Object.entries(UNRULED)) {
  if (!wanted(pdf)) continue;
  await page.goto(`http://www.example.gov.cn:${srv.port}/gov/${html}`);
  await page.addStyleTag({ content: `tr { break-inside: avoid; } ${NO_RULES}` });
  await page.pdf({ path: `${OUT}/${pdf}`, format: 'A4', printBackground: true });
  console.log(`${OUT}/${pdf} ← gov/${html}, without rules`);
}
if (only.size > 0) {
  await b.close();
  srv.server.close();
  process.exit(0);
}
// A scan: a page that is one image, no text layer.
const icon = readFileSync('public/icon/128.png').toString('base64');
await page.setContent(`<html><body style="margin:0"><img src="data:image/png;base64,${icon}" style="width:500px;height:700px"></body></html>`);
await page.pdf({ path: `${OUT}/bad-scanned.pdf`, format: 'A4' });
await b.close();
srv.server.close();

const good = readFileSync(`${OUT}/donghu-hrss-2023-final.pdf`);
// Cut short: the first third of a real file.
writeFileSync(`${OUT}/bad-truncated.pdf`, good.subarray(0, Math.floor(good.length / 3)));
// A PDF header, then noise.
writeFileSync(`${OUT}/bad-corrupt.pdf`, Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.from(Array.from({ length: 4000 }, (_, i) => (i * 7919) % 251))]));
// Password-protected: a standard security handler whose user password is not empty (its /U
// does not match the empty password), so a reader must ask for one.
writeFileSync(`${OUT}/bad-encrypted.pdf`, encrypted());
console.log('bad PDFs written');

function encrypted() {
  const hex = (n) => Array.from({ length: 32 }, (_, i) => ((i * 37 + n) % 256).toString(16).padStart(2, '0')).join('');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R >>',
    '<< /Length 0 >>\nstream\n\nendstream',
    `<< /Filter /Standard /V 1 /R 2 /O <${hex(1)}> /U <${hex(2)}> /P -4 >>`,
  ];
  let body = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R /Encrypt 5 0 R /ID [<${hex(3)}> <${hex(3)}>] >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}
