#!/usr/bin/env node
// Entry point of the `budget-lens` command: runs the bundled CLI (built by `npm install`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const bundle = new URL('../dist/cli.mjs', import.meta.url);
if (!existsSync(fileURLToPath(bundle))) {
  console.error('budget-lens: the CLI is not built yet; run `npm install` (or `npm run build:cli`) first');
  process.exit(2);
}
// `budget-lens audit … | head`: the reader went away; stop quietly, as other commands do.
process.stdout.on('error', (e) => {
  if (e.code === 'EPIPE') process.exit(process.exitCode ?? 0);
  throw e;
});
const { main } = await import(bundle.href);
process.exitCode = await main(process.argv.slice(2), {
  out: (s) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`),
  err: (s) => process.stderr.write(s.endsWith('\n') ? s : `${s}\n`),
});
