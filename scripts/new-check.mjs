// `npm run new:check <id>`: scaffold a check — core/checks/<id>.ts, a registry line, a rule
// title in core/messages.ts, a test, and a reminder for the README table.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';

const id = process.argv[2];
if (!id || !/^[a-z][a-z0-9-]*$/.test(id)) {
  console.error('usage: npm run new:check <kebab-case-id>');
  process.exit(2);
}
const camel = id.replace(/-([a-z0-9])/g, (_, c) => c.toUpperCase());
const file = `core/checks/${id}.ts`;
if (existsSync(file)) {
  console.error(`${file} exists already`);
  process.exit(2);
}
writeFileSync(
  file,
  `/**
 * ${id}: TODO one paragraph — what identity this checks, where it comes from, what it ignores.
 */
import type { WorkDocument } from '../normalize/document.ts';
import type { Identity } from './identity.ts';
import type { Check } from './types.ts';

export const ${camel}: Check = {
  id: '${id}',
  identities(work: WorkDocument): Identity[] {
    const out: Identity[] = [];
    void work;
    return out;
  },
};
`,
);
let index = readFileSync('core/checks/index.ts', 'utf8');
index = index.replace(/(import \{ tableCoverage \} from '\.\/table-coverage\.ts';)/, `$1\nimport { ${camel} } from './${id}.ts';`);
index = index.replace(/(  'table-coverage': tableCoverage,)/, `  '${id}': ${camel},\n$1`);
writeFileSync('core/checks/index.ts', index);
let messages = readFileSync('core/messages.ts', 'utf8');
messages = messages.replace(/(  'table-coverage': \{ zh: [^\n]*\n)/, `$1  '${id}': { zh: 'TODO', en: 'TODO' },\n`);
writeFileSync('core/messages.ts', messages);
writeFileSync(
  `core/checks/${id}.test.ts`,
  `import { describe, expect, it } from 'vitest';
import { analyzeText } from '../analyze.ts';

describe('${id}', () => {
  it('should … (write the first case)', () => {
    const report = analyzeText('');
    expect(report.checks.filter((c) => c.rule === '${id}')).toEqual([]);
  });
});
`,
);
console.log(`created ${file}, core/checks/${id}.test.ts; registered in index.ts and messages.ts.
Add a row "| \`${id}\` | … |" to the checks table in README.md (tests/conventions.test.ts checks it).`);
