// `npx tsx scripts/make-word.ts`: the fixture documents as Word files (tests/pages/doc/), as
// departments publish a 决算 as a .docx attachment: the article body of a TRS rendition (its
// Word-pasted markup: rowspan/colspan headers, vertical header text, paragraphs) opened and saved
// by LibreOffice Writer as "MS Word 2007 XML". Needs LibreOffice (Debian: apt-get install
// libreoffice-writer-nogui).
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseHTML } from 'linkedom';

const OUT = 'tests/pages/doc';
const DOCS: Record<string, string> = {
  'donghu-hrss-2023-final': 'tests/pages/gov/donghu-hrss-2023-final.trs.html',
  'hanyang-hr-2023-final': 'tests/pages/gov/hanyang-hr-2023-final.trs.html',
  // The page with an injected error (tests/pages/gov/injected.json says which findings it gives).
  'donghu-hrss-2023-final.injected': 'tests/pages/gov/donghu-hrss-2023-final.trs.injected.html',
};

const tmp = mkdtempSync(join(tmpdir(), 'bl-word-'));
for (const [name, page] of Object.entries(DOCS)) {
  const { document } = parseHTML(readFileSync(page, 'utf8'));
  const body = document.querySelector('.TRS_Editor');
  if (!body) throw new Error(`${page}: no .TRS_Editor`);
  const html = join(tmp, `${name}.html`);
  writeFileSync(html, `<!doctype html><html><head><meta charset="utf-8"><title>${name}</title></head><body>${body.innerHTML}</body></html>`);
  execFileSync('soffice', ['--headless', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', tmp, html], { stdio: 'ignore' });
  renameSync(join(tmp, `${name}.docx`), join(OUT, `${name}.docx`));
  console.log(join(OUT, `${name}.docx`));
}
