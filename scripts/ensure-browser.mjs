// Make sure Debian's Chromium and a CJK font are present for the browser tests.
// As root with apt: install them (about 25 s). Otherwise: one line naming the command, exit 1.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium fonts-wqy-microhei';

function hasCjkFont() {
  try {
    return /wqy|noto.*cjk|droid.*fallback|source han/i.test(execSync('fc-list 2>/dev/null', { encoding: 'utf8' }));
  } catch {
    return false;
  }
}

export function ensureBrowser() {
  const needChrome = !existsSync(CHROME);
  const needFont = !hasCjkFont();
  if (!needChrome && !needFont) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`browser tests need Chromium and a CJK font: run \`sudo ${INSTALL}\` (or set CHROME_PATH)`);
    return false;
  }
  console.log(`installing ${needChrome ? 'chromium ' : ''}${needFont ? 'fonts-wqy-microhei' : ''} with apt…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const pkgs = [...(needChrome ? ['chromium'] : []), ...(needFont ? ['fonts-wqy-microhei', 'fontconfig'] : [])];
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  if (r.status !== 0 || !existsSync(CHROME)) {
    console.error(`could not install Chromium: run \`${INSTALL}\``);
    return false;
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureBrowser() ? 0 : 1);
