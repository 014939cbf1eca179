/**
 * Ships pdf.js's worker, character maps (Chinese PDFs need them), standard fonts and image
 * decoders inside the extension under `pdfjs/`, from the installed pdfjs-dist: the viewer
 * loads nothing from elsewhere.
 */
import { readdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { defineWxtModule } from 'wxt/modules';

export default defineWxtModule({
  name: 'pdfjs-assets',
  setup(wxt) {
    const root = dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json'));
    wxt.hooks.hook('build:publicAssets', (_wxt, files) => {
      files.push({ absoluteSrc: join(root, 'build', 'pdf.worker.min.mjs'), relativeDest: 'pdfjs/pdf.worker.min.mjs' });
      for (const dir of ['cmaps', 'standard_fonts', 'wasm']) {
        for (const f of readdirSync(join(root, dir))) files.push({ absoluteSrc: join(root, dir, f), relativeDest: `pdfjs/${dir}/${f}` });
      }
    });
  },
});
