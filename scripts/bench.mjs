// `npm run bench`: speed figures, printed with their targets. Not a test: numbers to read.
//   engine  per fixture, each in a fresh Node process: median time of a full audit
//           (read → model → checks → JSON) over RUNS runs after 40 warm-up runs, beside the
//           median time of one linear pass that finds every number in the text (a regular
//           expression scan that parses each token: a floor no real parser beats), and the
//           ratio. Targets: largest fixture < 20 ms median, within 10× the linear pass.
//           The narrative stage (claims read from the text and the checks on them) is part of
//           the audit; its own median is printed beside it.
//  huge     10 MB of random Chinese text, once, in its own process: a hang would show here.
//  pdf      the largest fixture PDF: pdf.js text extraction alone vs the full audit
//           (scripts/bench-pdf.mjs).
//  extension  the built extension in Chromium: idle → overlay, longest task, the gate on a
//           page that is no disclosure, content-script size (scripts/bench-extension.mjs).
//  widgets  gzip sizes of the loader and the chart code beside plain vega-embed + Vega-Lite;
//           time to first chart, widget vs plain vega-embed, and on the demo page
//           (scripts/bench-widgets.mjs).
import * as esbuild from 'esbuild';
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';

// `npm run bench -- engine` runs the engine part only.
const ONLY_ENGINE = process.argv.includes('engine');
const RUNS = Number(process.env.BENCH_RUNS ?? 60);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 40);
const FIXTURES = ['hanyang-hr-2023-final', 'donghu-hrss-2023-final', 'jianghan-hr-2024-budget'];

mkdirSync('.bench', { recursive: true });
await esbuild.build({
  stdin: {
    contents: [
      "export { analyzeText } from './core/analyze.ts';",
      "export { extractText } from './core/extract/text.ts';",
      "export { normalizeDocument } from './core/normalize/document.ts';",
      "export { narrativeOf } from './core/narrative/index.ts';",
      "export { checkList } from './core/checks/index.ts';",
    ].join('\n'),
    resolveDir: '.',
    sourcefile: 'bench-entry.ts',
    loader: 'ts',
  },
  outfile: '.bench/engine.mjs',
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
await esbuild.stop();

// One fixture, measured in its own process so that fixtures do not share a heap.
writeFileSync(
  '.bench/engine-one.mjs',
  `import { readFileSync } from 'node:fs';
import { analyzeText, extractText, normalizeDocument, narrativeOf, checkList } from './engine.mjs';
const [path, runs] = [process.argv[2], Number(process.argv[3])];
const WARMUP = Number(process.argv[4]);
const text = readFileSync(path, 'utf8');
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
const q = (xs, p) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * p)];
function time(fn, n) {
  for (let i = 0; i < WARMUP; i++) fn();
  const t = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); fn(); t.push(performance.now() - t0); }
  return t;
}
const NUMBER = /-?\\d[\\d,]*(?:\\.\\d+)?/g;
function linearPass(s) {
  const out = [];
  for (const m of s.matchAll(NUMBER)) out.push(Number(m[0].replace(/,/g, '')));
  return out.length;
}
const audit = time(() => JSON.stringify(analyzeText(text)), runs);
// The narrative stage alone: claims, then the checks that read them, on a fresh document each time.
const raw = extractText(text, {});
const narrativeChecks = checkList.filter((c) => c.findings && /^(?:narrative|text-arithmetic|self-evaluation)/.test(c.id));
const docs = Array.from({ length: WARMUP + runs }, () => normalizeDocument(raw));
let k = 0;
const narrative = time(() => {
  const w = docs[k++];
  narrativeOf(w);
  for (const c of narrativeChecks) c.findings(w, 'zh');
}, runs);
const linear = time(() => linearPass(text), runs * 5);
const report = analyzeText(text);
console.log(JSON.stringify({ audit: median(audit), p25: q(audit, 0.25), p75: q(audit, 0.75), linear: median(linear), narrative: median(narrative), checks: report.summary.checks }));
`,
);

console.log(`engine: each fixture in a fresh process, median of ${RUNS} runs after ${WARMUP} warm-up runs (Node ${process.version})`);
console.log('fixture                      size    audit (p25–p75)        linear     ratio  checks  narrative stage');
let largest;
for (const name of FIXTURES) {
  const path = `tests/fixtures/${name}.txt`;
  const r = JSON.parse(execFileSync(process.execPath, ['.bench/engine-one.mjs', path, String(RUNS), String(WARMUP)], { encoding: 'utf8' }));
  const size = statSync(path).size;
  console.log(
    `${name.padEnd(28)} ${(size / 1024).toFixed(0).padStart(4)} KB ${r.audit.toFixed(2).padStart(6)} ms (${r.p25.toFixed(1)}–${r.p75.toFixed(1)}) ${r.linear.toFixed(3).padStart(8)} ms ${(r.audit / r.linear).toFixed(0).padStart(6)}× ${String(r.checks).padStart(6)}  ${r.narrative.toFixed(2).padStart(6)} ms`,
  );
  if (!largest || size > largest.size) largest = { name, size, ...r };
}
void readFileSync;
console.log(`largest fixture (${largest.name}): ${largest.audit.toFixed(2)} ms median — target < 20 ms: ${largest.audit < 20 ? 'met' : 'NOT met'}`);
console.log(`ratio to the linear pass: ${(largest.audit / largest.linear).toFixed(0)}× — target ≤ 10×: ${largest.audit / largest.linear <= 10 ? 'met' : 'NOT met'}`);

if (!ONLY_ENGINE) {
// 10 MB of random Chinese text (the input bad-input.test.ts feeds the engine), timed once.
writeFileSync(
  '.bench/huge.mjs',
  `import { analyzeText } from './engine.mjs';
import { randomChineseText } from '../scripts/random-text.mjs';
const text = randomChineseText(10_000_000);
const t0 = performance.now();
const report = analyzeText(text);
console.log(JSON.stringify({ ms: performance.now() - t0, issues: report.issues.map((i) => i.code) }));
`,
);
const huge = JSON.parse(execFileSync(process.execPath, ['.bench/huge.mjs'], { encoding: 'utf8' }));
console.log(`10 MB of random Chinese text: ${huge.ms.toFixed(0)} ms (issues: ${huge.issues.join(', ') || 'none'})`);
}

if (!ONLY_ENGINE) {
  const { benchPdf } = await import('./bench-pdf.mjs');
  await benchPdf();

  const { benchExtension } = await import('./bench-extension.mjs');
  await benchExtension();

  const { benchWidgets } = await import('./bench-widgets.mjs');
  await benchWidgets();
}
