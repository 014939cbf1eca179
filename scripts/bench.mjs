// `npm run bench`: speed figures, printed with their targets. Not a test: numbers to read.
//   engine  per fixture: median time of a full audit (read → model → checks → JSON) over
//           30 runs, beside the median time of one linear pass that only finds the numbers
//           in the text (a floor no real parser beats), and their ratio.
//           Targets: largest fixture < 20 ms median, within 10× the linear pass.
import * as esbuild from 'esbuild';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { pathToFileURL } from 'node:url';

const RUNS = Number(process.env.BENCH_RUNS ?? 30);
const FIXTURES = ['hanyang-hr-2023-final', 'donghu-hrss-2023-final', 'jianghan-hr-2024-budget'];

mkdirSync('.bench', { recursive: true });
await esbuild.build({
  entryPoints: ['core/analyze.ts'],
  outfile: '.bench/engine.mjs',
  bundle: true,
  platform: 'neutral',
  format: 'esm',
  target: 'es2022',
  minify: true,
  logLevel: 'warning',
});
const { analyzeText } = await import(pathToFileURL('.bench/engine.mjs').href);

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
function time(fn, runs = RUNS) {
  for (let i = 0; i < 5; i++) fn(); // warm up
  const t = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    fn();
    t.push(performance.now() - t0);
  }
  return median(t);
}

/** The floor: one pass over the text that finds every number (what any parser must at least do). */
function linearPass(text) {
  let count = 0;
  let sum = 0;
  let inNum = false;
  let v = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 48 && c <= 57) {
      v = v * 10 + (c - 48);
      inNum = true;
    } else if (inNum && (c === 46 || c === 44)) {
      // decimal point or thousands separator: part of the number
    } else if (inNum) {
      count++;
      sum += v;
      v = 0;
      inNum = false;
    }
  }
  return count + (sum > 0 ? 0 : 1);
}

console.log(`engine: median of ${RUNS} runs (Node ${process.version})`);
console.log('fixture                      size     audit      linear    ratio   checks');
let largest;
for (const name of FIXTURES) {
  const path = `tests/fixtures/${name}.txt`;
  const text = readFileSync(path, 'utf8');
  const audit = time(() => JSON.stringify(analyzeText(text, { name })));
  const linear = time(() => linearPass(text), RUNS * 10);
  const checks = analyzeText(text).summary.checks;
  const size = statSync(path).size;
  console.log(`${name.padEnd(28)} ${(size / 1024).toFixed(0).padStart(4)} KB ${audit.toFixed(2).padStart(7)} ms ${linear.toFixed(3).padStart(7)} ms ${(audit / linear).toFixed(0).padStart(6)}× ${String(checks).padStart(7)}`);
  if (!largest || size > largest.size) largest = { name, size, audit, linear };
}
console.log(`largest fixture (${largest.name}): ${largest.audit.toFixed(2)} ms median — target < 20 ms: ${largest.audit < 20 ? 'met' : 'NOT met'}`);
console.log(`ratio to the linear pass: ${(largest.audit / largest.linear).toFixed(0)}× — target ≤ 10×: ${largest.audit / largest.linear <= 10 ? 'met' : 'NOT met'}`);
