// Bundle the CLI (core/cli.ts and the engine) into dist/cli.mjs for `budget-lens` / `npx budget-lens`.
import * as esbuild from 'esbuild';

await esbuild.build({
  entryPoints: ['core/cli.ts'],
  outfile: 'dist/cli.mjs',
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: true,
  legalComments: 'none',
  // pdf.js stays a runtime dependency (its legacy build, character maps and fonts).
  external: ['pdfjs-dist'],
  logLevel: 'warning',
  banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);" },
});
