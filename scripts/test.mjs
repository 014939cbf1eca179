// `npm test`: every test runner of the project, then one closing line `N passed, N failed`.
//   1. type check (tsc)                 counted as one test
//   2. vitest                           engine, fixtures, answer keys, pages, detectors, data
//   3. builds                           the CLI, the extension for Chromium and for Firefox
//                                       (each build counted as one test)
//   4. widgets                          web-test-runner in Debian Chromium (widgets/**/*.test.ts,
//                                       each opening with an axe-core accessibility check)
//   5. end to end                       node --test + playwright-core in Debian Chromium: the
//                                       built extension loaded (tests/e2e/extension.test.mjs;
//                                       headed.test.mjs in a virtual display: the browser's PDF
//                                       viewer, the popup from its shortcut, permission prompts),
//                                       the built widgets on strict-CSP pages (widgets.test.mjs)
// Browser runners need Chromium, a CJK font, Xvfb and xdotool: scripts/ensure-browser.mjs installs them when
// it can, else says how, and those runners count as failed (never skipped).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { ensureBrowser } from './ensure-browser.mjs';

const results = [];
function run(name, cmd, args, parse) {
  console.log(`\n▶ ${name}: ${cmd} ${args.join(' ')}`);
  const r = spawnSync(cmd, args, { stdio: parse?.capture ? ['inherit', 'pipe', 'pipe'] : 'inherit', env: { ...process.env, FORCE_COLOR: '0' }, encoding: 'utf8', maxBuffer: 256 << 20 });
  if (parse?.capture) {
    process.stdout.write(r.stdout ?? '');
    process.stderr.write(r.stderr ?? '');
  }
  const output = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.replace(/\x1b\[[0-9;]*m/g, '');
  const counts = parse ? parse.count(r.status, output) : { passed: r.status === 0 ? 1 : 0, failed: r.status === 0 ? 0 : 1 };
  results.push({ name, ...counts, status: r.status });
  return r.status === 0;
}

mkdirSync('.test-results', { recursive: true });
run('typecheck', 'npx', ['tsc', '--noEmit', '-p', '.']);

const vitestJson = '.test-results/vitest.json';
rmSync(vitestJson, { force: true });
run('vitest', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile=${vitestJson}`], {
  count(status) {
    if (!existsSync(vitestJson)) return { passed: 0, failed: 1 };
    const j = JSON.parse(readFileSync(vitestJson, 'utf8'));
    const failed = j.numFailedTests + (status !== 0 && j.numFailedTests === 0 ? 1 : 0);
    return { passed: j.numPassedTests, failed };
  },
});

run('build: CLI', 'node', ['scripts/build-cli.mjs']);
const built = run('build: extension (Chromium)', 'npx', ['wxt', 'build']);
run('build: extension (Firefox)', 'npx', ['wxt', 'build', '-b', 'firefox']);
const widgets = run('build: widgets', 'node', ['scripts/build-widgets.mjs']);
// The Firefox build writes .output/firefox-mv3; the Chromium one stays for the browser tests.

const browserReady = ensureBrowser();
if (!browserReady) {
  results.push({ name: 'widgets (web-test-runner)', passed: 0, failed: 1 });
  results.push({ name: 'end to end', passed: 0, failed: 1 });
  console.log('browser tests: could not run without Chromium (see the line above)');
} else {
  run('widgets (web-test-runner)', 'npx', ['web-test-runner'], {
    capture: true,
    count(status, out) {
      const m = [...out.matchAll(/(\d+) passed, (\d+) failed/g)].pop();
      const passed = Number(m?.[1] ?? 0);
      const failed = Number(m?.[2] ?? 0);
      return { passed, failed: failed + (status !== 0 && failed === 0 ? 1 : 0) };
    },
  });
  const files = [...(built ? ['tests/e2e/extension.test.mjs', 'tests/e2e/headed.test.mjs'] : []), ...(widgets ? ['tests/e2e/widgets.test.mjs'] : [])];
  if (!built) results.push({ name: 'extension e2e: not run, the extension did not build', passed: 0, failed: 1 });
  if (!widgets) results.push({ name: 'widgets e2e: not run, the widgets did not build', passed: 0, failed: 1 });
  if (files.length)
    run('end to end', 'node', ['--test', '--test-concurrency=1', '--test-reporter=tap', ...files], {
      capture: true,
      count(status, out) {
        const pass = Number(/^# pass (\d+)/m.exec(out)?.[1] ?? 0);
        const fail = Number(/^# fail (\d+)/m.exec(out)?.[1] ?? 0) + Number(/^# cancelled (\d+)/m.exec(out)?.[1] ?? 0);
        return { passed: pass, failed: fail + (status !== 0 && fail === 0 ? 1 : 0) };
      },
    });
}

for (const r of results) console.log(`  ${r.name}: ${r.passed} passed, ${r.failed} failed`);
const passed = results.reduce((a, r) => a + r.passed, 0);
const failed = results.reduce((a, r) => a + r.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
