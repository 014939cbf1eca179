// `npm run datasets`: data/datasets/<fixture>.json, the datasets of the three fixture documents
// as `budget-lens export` writes them (tests/datasets.test.ts checks they are current).
import { execFileSync } from 'node:child_process';
import { readdirSync, writeFileSync } from 'node:fs';

for (const f of readdirSync('tests/fixtures').filter((x) => x.endsWith('.txt'))) {
  const out = execFileSync(process.execPath, ['bin/budget-lens.mjs', 'export', `tests/fixtures/${f}`], { encoding: 'utf8', maxBuffer: 64 << 20 });
  writeFileSync(`data/datasets/${f.replace(/\.txt$/, '.json')}`, out.endsWith('\n') ? out : `${out}\n`);
  console.log(`data/datasets/${f.replace(/\.txt$/, '.json')}`);
}
