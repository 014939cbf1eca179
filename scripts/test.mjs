// `npm test`: every test runner of the project, then one closing line `N passed, N failed`.
//   1. type check (tsc)        counted as one test
//   2. vitest                  engine, fixtures, answer keys, bad input, data, conventions
//   3. browser tests           (added with the extension and the widgets) need Chromium:
//                              scripts/ensure-browser.mjs installs it when it can
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';

const results = [];
function run(name, cmd, args, parse) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit', env: { ...process.env, FORCE_COLOR: '0' } });
  const counts = parse ? parse(r.status) : { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1 };
  results.push({ name, ...counts, status: r.status });
  return r.status === 0;
}

mkdirSync('.test-results', { recursive: true });
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);

const vitestJson = '.test-results/vitest.json';
rmSync(vitestJson, { force: true });
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`], (status) => {
  if (!existsSync(vitestJson)) return { passed: 0, failed: 1 };
  const j = JSON.parse(readFileSync(vitestJson, 'utf8'));
  const failed = j.numFailedTests + (status !== 0 && j.numFailedTests === 0 ? 1 : 0);
  return { passed: j.numPassedTests, failed };
});

for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
