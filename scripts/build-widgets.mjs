// `npm run build:widgets`: the widgets into dist/widgets/ and the demo page into dist/demo/.
//   budget-lens-widgets.js / .mjs   the loader a page includes (IIFE, or ESM)
//   budget-lens-charts.js / .mjs    every widget, Lit + Vega (loaded when a chart is present)
//   budget-lens-basic.js / .mjs     badge and findings only (Lit, no Vega)
// The Vega-Lite specs are compiled to Vega first (scripts/compile-specs.mjs).
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { compileSpecs } from './compile-specs.mjs';

compileSpecs();
const OUT = 'dist/widgets';
mkdirSync(OUT, { recursive: true });
const common = {
  bundle: true,
  minify: true,
  target: 'es2022',
  legalComments: 'none',
  conditions: ['production'],
  define: { 'process.env.NODE_ENV': '"production"' },
  logLevel: 'warning',
};
const entries = { widgets: 'widgets/loader.ts', charts: 'widgets/charts.ts', basic: 'widgets/basic.ts' };
for (const [name, entry] of Object.entries(entries)) {
  // the classic script never reads import.meta (its branch is behind __BL_ESM__)
  await esbuild.build({ ...common, define: { ...common.define, __BL_ESM__: 'false' }, logOverride: { 'empty-import-meta': 'silent' }, entryPoints: [entry], format: 'iife', outfile: `${OUT}/budget-lens-${name}.js` });
  await esbuild.build({ ...common, define: { ...common.define, __BL_ESM__: 'true' }, entryPoints: [entry], format: 'esm', outfile: `${OUT}/budget-lens-${name}.mjs` });
}
await esbuild.stop();

// The demo: every widget on the fixture datasets, with the snippet to paste.
mkdirSync('dist/demo', { recursive: true });
const datasets = ['jianghan-hr-2024-budget', 'hanyang-hr-2023-final', 'donghu-hrss-2023-final'];
const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
// JSON safe inside <script> (as core/embed.ts writes it): <, >, & and line separators escaped
const inline = (name) => JSON.stringify(JSON.parse(readFileSync(`data/datasets/${name}.json`, 'utf8'))).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
const demos = [
  { title: '支出结构 · treemap', html: `<bl-spending-structure lang="zh"><script type="application/json">${inline(datasets[1])}</script></bl-spending-structure>`, snippet: `<script src="budget-lens-widgets.js"></script>\n<bl-spending-structure src="hanyang-hr-2023-final.json" lang="zh"></bl-spending-structure>` },
  { title: 'Spending by function · sunburst (English, dark)', html: `<bl-spending-structure view="sunburst" lang="en" theme="dark"><script type="application/json">${inline(datasets[0])}</script></bl-spending-structure>`, snippet: `<bl-spending-structure src="jianghan-hr-2024-budget.json" view="sunburst" lang="en" theme="dark"></bl-spending-structure>` },
  { title: '支出结构 · bars', html: `<bl-spending-structure view="bars"><script type="application/json">${inline(datasets[0])}</script></bl-spending-structure>`, snippet: `<bl-spending-structure src="jianghan-hr-2024-budget.json" view="bars"></bl-spending-structure>` },
  { title: '支出构成', html: `<bl-spending-mix><script type="application/json">${inline(datasets[1])}</script></bl-spending-mix>`, snippet: `<bl-spending-mix src="hanyang-hr-2023-final.json"></bl-spending-mix>` },
  { title: '对比：2023 决算 ⇄ 2024 预算', html: `<bl-compare><script type="application/json">${inline(datasets[1])}</script><script type="application/json">${inline(datasets[0])}</script></bl-compare>`, snippet: `<bl-compare src="hanyang-hr-2023-final.json" compare-src="jianghan-hr-2024-budget.json"></bl-compare>` },
  { title: '年初预算 ⇄ 实际支出（一份决算，正文所述）', html: `<bl-compare><script type="application/json">${inline(datasets[1])}</script></bl-compare>`, snippet: `<bl-compare src="hanyang-hr-2023-final.json"></bl-compare>` },
  { title: '核对结果', html: `<bl-audit-badge><script type="application/json">${inline(datasets[2])}</script></bl-audit-badge><bl-findings><script type="application/json">${inline(datasets[2])}</script></bl-findings>`, snippet: `<bl-audit-badge src="donghu-hrss-2023-final.json"></bl-audit-badge>\n<bl-findings src="donghu-hrss-2023-final.json"></bl-findings>` },
];
writeFileSync(
  'dist/demo/index.html',
  `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Budget Lens widgets · 预决算透镜组件</title>
<link rel="stylesheet" href="demo.css">
<script src="../widgets/budget-lens-widgets.js"></script>
</head>
<body>
<h1>预决算透镜 Budget Lens — widgets</h1>
<p>Every widget on the fixture datasets (<code>data/datasets/</code>). Paste one script tag and an element; give the dataset by <code>src</code> (a JSON file written by <code>budget-lens export</code>) or inline.</p>
${demos.map((d) => `<section class="demo"><h2>${esc(d.title)}</h2>${d.html}<pre><code>${esc(d.snippet)}</code></pre></section>`).join('\n')}
</body>
</html>
`,
);
writeFileSync('dist/demo/demo.css', 'body{max-width:980px;margin:0 auto;padding:16px;font:15px/1.6 system-ui,"PingFang SC","Microsoft YaHei","WenQuanYi Micro Hei",sans-serif}section.demo{margin:24px 0}pre{background:#f3f4f6;padding:8px 12px;overflow:auto;border-radius:6px}bl-spending-structure,bl-spending-mix,bl-compare,bl-findings{margin:8px 0}\n');
console.log(`widgets → ${OUT}/, demo → dist/demo/index.html`);
