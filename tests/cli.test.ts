/** The CLI as a user runs it: the built `budget-lens` command, formats, languages, exit codes. */
import { spawn, spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AuditReport } from '../core/model/schemas.ts';
import { main } from '../core/cli.ts';
import { analyzeText } from '../core/analyze.ts';

const run = (...args: string[]) => spawnSync('node', ['bin/budget-lens.mjs', ...args], { encoding: 'utf8' });
const inProcess = async (...args: string[]) => {
  let out = '';
  let err = '';
  const code = await main(args, { out: (s) => (out += s), err: (s) => (err += s) });
  return { code, out, err };
};
const tmp = mkdtempSync(join(tmpdir(), 'bl-cli-'));

describe('budget-lens audit', async () => {
  it('should print the document, the tables, the counts and the findings (built command)', async () => {
    const r = run('audit', 'tests/fixtures/hanyang-hr-2023-final.txt');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/武汉市汉阳区人力资源局 · 2023 · 决算/);
    expect(r.stdout).toMatch(/公开08表/);
    expect(r.stdout).toMatch(/此表为空表无数据/);
  });

  it('should read the document from standard input for `-`', () => {
    const text = spawnSync('node', ['bin/budget-lens.mjs', 'audit', '-', '--format', 'json'], { input: readFileSync('tests/fixtures/donghu-hrss-2023-final.txt'), encoding: 'utf8' });
    expect(text.status).toBe(0);
    const report = AuditReport.parse(JSON.parse(text.stdout));
    expect(report.document.source.name).toBe('stdin');
    expect(report.summary.checks).toBe(analyzeText(readFileSync('tests/fixtures/donghu-hrss-2023-final.txt', 'utf8')).summary.checks);
    // a page piped in is read as a page
    const page = spawnSync('node', ['bin/budget-lens.mjs', 'audit', '-', '--format', 'summary'], { input: readFileSync('tests/pages/gov/donghu-hrss-2023-final.jcms.html'), encoding: 'utf8' });
    expect(page.stdout).toMatch(/^stdin,.*,2023,final,15,9,/m);
    const empty = spawnSync('node', ['bin/budget-lens.mjs', 'audit', '-'], { input: '', encoding: 'utf8' });
    expect([empty.status, empty.stderr.trim()]).toEqual([2, 'standard input: the file is empty']);
  });

  it('should stop quietly when the reader of its output goes away (`… | head -1`)', async () => {
    const child = spawn('node', ['bin/budget-lens.mjs', 'audit', 'tests/fixtures/hanyang-hr-2023-final.txt', '--format', 'json'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let err = '';
    child.stderr.on('data', (d) => (err += d));
    // read the first chunk, then close our end, as `head` does
    child.stdout.once('data', () => child.stdout.destroy());
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    expect(err).not.toMatch(/EPIPE|Unhandled/);
    expect(code).toBe(0);
  });

  it('should write the JSON contract, in English when asked', async () => {
    const r = await inProcess('audit', 'tests/fixtures/donghu-hrss-2023-final.txt', '--format', 'json', '--lang', 'en');
    expect(r.code).toBe(0);
    const report = AuditReport.parse(JSON.parse(r.out));
    expect(report.lang).toBe('en');
    expect(report.document).toMatchObject({ year: 2023, kind: 'final', unit: '万元' });
    expect(report.checks.length).toBe(report.summary.checks);
    expect(report.checks[0]?.message).toMatch(/[a-z]/);
  });

  it('should write CSV, one line per check, and the extracted tables with --tables', async () => {
    const r = await inProcess('audit', 'tests/fixtures/jianghan-hr-2024-budget.txt', '--format=csv');
    expect(r.out.split('\n')[0]).toBe('id,rule,verdict,severity,stated,expected,difference,tolerance,unit,formula,message,cause,lines');
    const t = await inProcess('audit', 'tests/fixtures/jianghan-hr-2024-budget.txt', '--format=csv', '--tables');
    expect(t.out).toMatch(/2024 年一般公共预算基本支出表,30101,基本工资,,185.01,185.01,/);
  });

  it('should read PDF files (the built command, pdf.js from node_modules)', async () => {
    const r = run('audit', 'tests/pages/pdf/donghu-hrss-2023-final.pdf', '--format', 'json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.document.source.format).toBe('pdf');
    expect(report.summary.tablesRecognised).toBe(9);
    const bad = run('audit', 'tests/pages/pdf/bad-encrypted.pdf');
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/password-protected/);
  });

  it('should read Word .docx files and refuse Word 97–2003 .doc with one line (built command)', async () => {
    const r = run('audit', 'tests/pages/doc/donghu-hrss-2023-final.docx', '--format', 'json');
    expect(r.status).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.document.source.format).toBe('word');
    expect(report.summary.tablesRecognised).toBe(9);
    const doc = run('audit', 'tests/pages/doc/word-pasted-split.doc');
    expect(doc.status).toBe(2);
    expect(doc.stderr.trim().split('\n')).toHaveLength(1);
    expect(doc.stderr).toMatch(/Word 97–2003 \.doc is not/);
  });

  it('should read saved HTML pages', async () => {
    const r = await inProcess('audit', 'tests/pages/word-pasted-split.html', '--format', 'json');
    expect(JSON.parse(r.out).tables[0].template).toBe('final-05');
  });

  it.each([
    ['an empty file', '', /empty/],
    ['a binary file', '\u0000\u0001\u0002binary', /binary/],
    ['a truncated PDF', '%PDF-1.7\n', /not a readable PDF/],
  ])('should exit 2 with one line for %s', (what, content, reason) => {
    const f = join(tmp, `${what.replace(/\W+/g, '-')}.dat`);
    writeFileSync(f, content);
    const r = run('audit', f);
    expect(r.status).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(reason);
  });

  it.each([
    ['tests/samples/encodings/hanyang-hr-2023-final.gb18030.txt', 'tests/fixtures/hanyang-hr-2023-final.txt'],
    ['tests/samples/encodings/word-pasted-split.gb2312.html', 'tests/pages/word-pasted-split.html'],
    ['tests/samples/encodings/word-pasted-split.utf16.html', 'tests/pages/word-pasted-split.html'],
  ])('should read %s as its UTF-8 original', async (encoded, original) => {
    const a = await inProcess('audit', encoded, '--format', 'json');
    const b = await inProcess('audit', original, '--format', 'json');
    expect(a.code).toBe(0);
    const [x, y] = [JSON.parse(a.out), JSON.parse(b.out)];
    expect(x.summary).toEqual(y.summary);
    expect(x.summary.tablesRecognised).toBeGreaterThan(0);
    expect(x.checks.map((c: { message: string }) => c.message)).toEqual(y.checks.map((c: { message: string }) => c.message));
  });

  it('should audit every disclosure under a folder, go on past a file it cannot read, and sum each up in one CSV line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'bl-batch-'));
    mkdirSync(join(dir, 'sub'));
    copyFileSync('tests/fixtures/donghu-hrss-2023-final.txt', join(dir, 'a.txt'));
    copyFileSync('tests/pages/word-pasted-split.html', join(dir, 'sub', 'b.html'));
    writeFileSync(join(dir, 'sub', 'c.pdf'), '%PDF-1.7\n');
    writeFileSync(join(dir, 'notes.md'), 'not a disclosure');
    const r = run('audit', dir, '--format', 'summary');
    expect(r.status).toBe(2);
    const lines = r.stdout.trim().split('\n');
    expect(lines[0]).toBe('file,department,year,kind,tables,tablesRecognised,checks,ok,rounding,discrepancy,undecided,errors,warnings');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual([join(dir, 'a.txt'), join(dir, 'sub', 'b.html')]);
    const donghu = JSON.parse(run('audit', 'tests/fixtures/donghu-hrss-2023-final.txt', '--format', 'json').stdout).summary;
    expect(lines[1]?.split(',').slice(6).map(Number)).toEqual([donghu.checks, donghu.ok, donghu.rounding, donghu.discrepancy, donghu.undecided, donghu.errors, donghu.warnings]);
    expect(r.stderr).toMatch(/c\.pdf: not a readable PDF/);
    expect(r.stderr).toMatch(/2 of 3 files audited; 1 could not be read/);
    const json = run('audit', dir, '--format', 'json');
    expect(JSON.parse(json.stdout).map((x: { document: { source: { name: string } } }) => x.document.source.name)).toEqual(['a.txt', 'b.html']);
  });

  it('should exit 2 for a missing file or a bad option', async () => {
    expect((await inProcess('audit', 'no/such/file.txt')).code).toBe(2);
    expect((await inProcess('audit', 'x.txt', '--format', 'xml')).code).toBe(2);
    expect((await inProcess('frobnicate')).code).toBe(2);
  });
});

describe('budget-lens embed', () => {
  it('should print the loader tag and the widget asked for, holding the dataset export writes', async () => {
    const r = await inProcess('embed', 'tests/fixtures/jianghan-hr-2024-budget.txt', '--widget', 'bl-spending-mix', '--script', 'https://example.org/budget-lens-widgets.js');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/^<!-- 预决算透镜 Budget Lens: 武汉市江汉区人力资源局 2024 预算/);
    expect(r.out).toContain('<script src="https://example.org/budget-lens-widgets.js"></script>\n<bl-spending-mix lang="zh">');
    const json = /<script type="application\/json">(.*)<\/script>/.exec(r.out)?.[1] ?? '';
    const exported = await inProcess('export', 'tests/fixtures/jianghan-hr-2024-budget.txt');
    expect(JSON.parse(json)).toEqual(JSON.parse(exported.out));
  });

  it('should refuse a widget it does not know, naming the ones it does', async () => {
    const r = await inProcess('embed', 'tests/fixtures/jianghan-hr-2024-budget.txt', '--widget', 'bl-pie');
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/--widget must be one of bl-spending-structure/);
  });
});

describe('budget-lens export', () => {
  it('should write the dataset as Fiscal Data Package CSV with --format fdp (and only for export)', async () => {
    const r = await inProcess('export', 'tests/fixtures/hanyang-hr-2023-final.txt', '--format', 'fdp');
    expect(r.code).toBe(0);
    const [head, first] = r.out.split('\n');
    expect(head).toMatch(/^administrative,fiscalYear,phase,classification,functional:class:code/);
    expect(first).toMatch(/^武汉市汉阳区人力资源局,2023,executed,functional,208,/);
    const refused = await inProcess('audit', 'tests/fixtures/hanyang-hr-2023-final.txt', '--format', 'fdp');
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/format of export/);
    expect((await inProcess('export', 'tests/fixtures/hanyang-hr-2023-final.txt', '--format', 'csv')).code).toBe(2);
  });
});
