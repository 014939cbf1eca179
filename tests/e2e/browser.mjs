// Debian Chromium with the built extension (or without it, for comparison), as the end-to-end
// tests and the bench use it. Every host name resolves to nothing except *.gov.cn, which maps
// to the local test server: the production match pattern (*://*.gov.cn/*) is what is tested,
// and no request can leave the machine.
import { chromium } from 'playwright-core';
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export const EXT = path.resolve('.output/chrome-mv3');
export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--host-resolver-rules=MAP *.gov.cn 127.0.0.1 , MAP * ~NOTFOUND , EXCLUDE localhost',
];

/**
 * A browser context; `extension: false` for the same browser without Budget Lens. `profile`: a
 * user-data directory to reuse (a browser restarted on the same profile, as a user's is), kept
 * on close; by default a fresh one, removed on close.
 */
export async function launch({ extension = true, netlog, viewport = { width: 1280, height: 900 }, profile, headed = false } = {}) {
  if (extension && !fs.existsSync(path.join(EXT, 'manifest.json'))) throw new Error('the extension is not built: run `npx wxt build`');
  const dir = profile ?? fs.mkdtempSync(path.join(os.tmpdir(), 'bl-profile-'));
  const args = [...ARGS, ...(extension ? [`--disable-extensions-except=${EXT}`, `--load-extension=${EXT}`] : ['--disable-extensions'])];
  if (netlog) args.push(`--log-net-log=${netlog}`, '--net-log-capture-mode=Default');
  const x = headed ? await startXvfb() : undefined;
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: CHROME,
    headless: !headed,
    args,
    viewport,
    // Headed, in a virtual display: the browser's own PDF viewer (a component extension that
    // Playwright's defaults switch off) and its window for keyboard shortcuts and prompts.
    ...(x ? { env: { ...process.env, DISPLAY: x.display }, ignoreDefaultArgs: ['--disable-component-extensions-with-background-pages'] } : {}),
  });
  let worker;
  if (extension) {
    [worker] = context.serviceWorkers();
    worker ??= await context.waitForEvent('serviceworker', { timeout: 15_000 });
  }
  return {
    context,
    worker,
    extensionId: worker ? new URL(worker.url()).host : undefined,
    /** Headed only: keys typed into the browser window (xdotool), as a user would. */
    keys(...keys) {
      if (!x) throw new Error('keys() needs launch({ headed: true })');
      const env = { ...process.env, DISPLAY: x.display };
      const win = execFileSync('xdotool', ['search', '--onlyvisible', '--class', 'chromium'], { env, encoding: 'utf8' }).trim().split('\n').at(-1);
      execFileSync('xdotool', ['windowfocus', '--sync', win, 'key', '--clearmodifiers', ...keys], { env });
    },
    async close() {
      await context.close();
      x?.stop();
      if (!profile) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Wait for the overlay's page summary; its data attributes as numbers. */
export async function auditSummary(page, timeout = 30_000) {
  const el = await page.waitForSelector('budget-lens-overlay >> [data-bl-summary]', { state: 'attached', timeout });
  const d = await el.evaluate((e) => ({ ...e.dataset }));
  return { checks: +d.checks, ok: +d.ok, rounding: +d.rounding, discrepancy: +d.discrepancies, undecided: +d.undecided };
}

/** The CLI's summary of the same saved page. */
export function cliSummary(file) {
  const r = spawnSync(process.execPath, ['bin/budget-lens.mjs', 'audit', file, '--format', 'json'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const report = JSON.parse(r.stdout);
  const s = report.summary;
  return { checks: s.checks, ok: s.ok, rounding: s.rounding, discrepancy: s.discrepancy, undecided: s.undecided, tablesRecognised: s.tablesRecognised };
}

/** Every URL Chromium's network stack was asked for (from a NetLog written at browser exit). */
export function netlogUrls(file) {
  let text = fs.readFileSync(file, 'utf8').trim();
  let log;
  try {
    log = JSON.parse(text);
  } catch {
    // Cut short (browser killed): close the events list.
    text = text.replace(/,\s*$/, '');
    log = JSON.parse(`${text}]}`);
  }
  const urls = new Set();
  for (const e of log.events ?? []) {
    const u = e.params?.url;
    if (typeof u === 'string') urls.add(u);
  }
  return [...urls];
}

/** A virtual X display (Xvfb) on a free display number, for a headed browser. */
async function startXvfb() {
  const proc = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x900x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const n = await new Promise((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('Xvfb did not start')), 10_000);
    proc.stdio[3].on('data', (d) => {
      out += d;
      if (out.includes('\n')) {
        clearTimeout(timer);
        resolve(out.trim());
      }
    });
    proc.on('error', (e) => {
      clearTimeout(timer);
      reject(e);
    });
  });
  return { display: `:${n}`, stop: () => proc.kill() };
}
