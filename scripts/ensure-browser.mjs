// Make sure Debian's Chromium, a CJK font, and Xvfb + xdotool (the tests that need a real
// window: the browser's PDF viewer, keyboard shortcuts, permission prompts) are present for the
// browser tests. As root with apt: install them (about 30 s). Otherwise: one line naming the
// command, exit 1.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const CHROME = process.env.CHROME_PATH ?? '/usr/bin/chromium';
const INSTALL = 'apt-get install -y chromium fonts-wqy-microhei xvfb xdotool';
export const XVFB = '/usr/bin/Xvfb';
export const XDOTOOL = '/usr/bin/xdotool';

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
  const needX = !existsSync(XVFB) || !existsSync(XDOTOOL);
  if (!needChrome && !needFont && !needX) return true;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  const hasApt = existsSync('/usr/bin/apt-get');
  if (!isRoot || !hasApt) {
    console.error(`browser tests need Chromium, a CJK font, Xvfb and xdotool: run \`sudo ${INSTALL}\` (or set CHROME_PATH)`);
    return false;
  }
  console.log(`installing ${needChrome ? 'chromium ' : ''}${needFont ? 'fonts-wqy-microhei ' : ''}${needX ? 'xvfb xdotool' : ''} with apt…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const pkgs = [...(needChrome ? ['chromium'] : []), ...(needFont ? ['fonts-wqy-microhei', 'fontconfig'] : []), ...(needX ? ['xvfb', 'xdotool'] : [])];
  const r = spawnSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...pkgs], { stdio: 'inherit', env });
  if (r.status !== 0 || !existsSync(CHROME) || !existsSync(XVFB) || !existsSync(XDOTOOL)) {
    console.error(`could not install the browser tests' needs: run \`${INSTALL}\``);
    return false;
  }
  return true;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exit(ensureBrowser() ? 0 : 1);
