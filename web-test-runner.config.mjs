// web-test-runner: the widgets in Debian Chromium (the chrome launcher, puppeteer-core), each
// test file starting with an accessibility check (axe-core, loaded by the test page).
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { chromeLauncher } from '@web/test-runner-chrome';

const executablePath = process.env.CHROME_PATH ?? '/usr/bin/chromium';

export default {
  files: ['widgets/**/*.test.ts'],
  nodeResolve: { exportConditions: ['production', 'browser'] },
  plugins: [esbuildPlugin({ ts: true, target: 'es2022', tsconfig: './tsconfig.json' })],
  testRunnerHtml: (testFramework) => `<html><head><meta charset="utf-8"><script src="/node_modules/axe-core/axe.min.js"></script></head><body><script type="module" src="${testFramework}"></script></body></html>`,
  browsers: [
    chromeLauncher({
      launchOptions: {
        executablePath,
        headless: true,
        args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE localhost'],
      },
    }),
  ],
  testFramework: { config: { timeout: 20000 } },
};
