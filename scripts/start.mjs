// `npm start`: build what the project ships, then audit the bundled sample documents and
// print the findings.
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { resolve } from 'node:path';

function step(title, cmd, args) {
  console.log(`\n▶ ${title}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`✗ ${title} failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}

step('build the command line (dist/cli.mjs)', 'node', ['scripts/build-cli.mjs']);
step('build the browser extension (.output/chrome-mv3)', 'npx', ['wxt', 'build']);
step('build the widgets (dist/widgets) and their demo page (dist/demo)', 'node', ['scripts/build-widgets.mjs']);

const samples = [
  ...readdirSync('tests/fixtures').filter((f) => f.endsWith('.txt')).map((f) => `tests/fixtures/${f}`),
  ...readdirSync('tests/pages').filter((f) => f.endsWith('.html')).map((f) => `tests/pages/${f}`),
  // the fixture pages with an injected error, as the extension sees them
  ...readdirSync('tests/pages/gov').filter((f) => f.endsWith('.injected.html')).map((f) => `tests/pages/gov/${f}`),
  // a workbook as departments publish their tables (one sheet per table), with an injected error
  'tests/pages/xls/donghu-hrss-2023-final.injected.xls',
].sort();
for (const file of samples) step(`audit ${file}`, 'node', ['bin/budget-lens.mjs', 'audit', file]);
console.log(`\nDone: ${samples.length} documents audited. Run \`npx budget-lens audit <file> --format json\` for the full report.`);
console.log(`The widgets' demo page: file://${resolve('dist/demo/index.html')} (open it in a browser; every widget on the sample datasets, with the snippet to paste).`);
console.log('The extension is built in .output/chrome-mv3: load it in Chromium at chrome://extensions (Developer mode → Load unpacked).');
