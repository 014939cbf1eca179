/**
 * Conventions, enforced: failures read as instructions.
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checks } from '../core/checks/index.ts';
import { messages, ruleTitles } from '../core/messages.ts';

const readme = readFileSync('README.md', 'utf8');
const golden = ['hanyang-hr-2023-final', 'donghu-hrss-2023-final', 'jianghan-hr-2024-budget'].map((n) => readFileSync(`tests/expected/${n}.golden.json`, 'utf8')).join('\n');
const tests = [...readdirSync('tests'), ...readdirSync('core/checks')].filter((f) => f.endsWith('.test.ts'));
const testText = tests.map((f) => readFileSync(existsSync(`tests/${f}`) ? `tests/${f}` : `core/checks/${f}`, 'utf8')).join('\n');

describe('conventions', () => {
  for (const id of Object.keys(checks)) {
    describe(`check ${id}`, () => {
      it('should live in core/checks/<id>.ts', () => {
        expect(existsSync(`core/checks/${id}.ts`), `Should have a file core/checks/${id}.ts`).toBe(true);
      });
      it('should have a title in core/messages.ts', () => {
        expect(ruleTitles[id as keyof typeof ruleTitles], `Should have a title for ${id} in ruleTitles (core/messages.ts)`).toBeDefined();
      });
      it('should have a row in the README checks table', () => {
        expect(readme.includes(`| \`${id}\` |`), `Should have a row "| \`${id}\` | …" in README.md`).toBe(true);
      });
      it('should be exercised by a fixture or a test', () => {
        expect(golden.includes(`"${id}/`) || testText.includes(`'${id}`), `Should produce a result on a fixture or be named in a test (tests/*.test.ts)`).toBe(true);
      });
    });
  }

  it('should keep every user-visible message in both languages', () => {
    for (const [key, m] of Object.entries(messages)) {
      expect(typeof m.zh, `${key}.zh`).toBe('function');
      expect(typeof m.en, `${key}.en`).toBe('function');
    }
    for (const [key, t] of Object.entries(ruleTitles)) expect(t.zh && t.en, key).toBeTruthy();
  });

  it('should keep fixture names and figures out of shipped code', () => {
    const shipped = (dir: string): string[] =>
      readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
        e.isDirectory() ? shipped(`${dir}/${e.name}`) : e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [`${dir}/${e.name}`] : [],
      );
    for (const f of [...shipped('core'), ...(existsSync('entrypoints') ? shipped('entrypoints') : [])]) {
      const text = readFileSync(f, 'utf8');
      expect(/汉阳|东湖|江汉|9,?452\.17|9,?788\.75|6,?689\.82/.test(text), `Should not mention a fixture in ${f}: rules must be general`).toBe(false);
    }
  });

  it('should leave no focused or skipped test behind', () => {
    for (const f of tests) {
      const text = readFileSync(existsSync(`tests/${f}`) ? `tests/${f}` : `core/checks/${f}`, 'utf8');
      expect(/\b(?:it|test|describe)\.(?:only|skip)\(|\bx(?:it|describe)\(/.test(text), f).toBe(false);
    }
  });
});
