import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { extractHtmlString } from '../node/html.ts';
import { cellText, extractDom, extractDomInSlices, type DomNode } from './dom.ts';
import { readdirSync, statSync } from 'node:fs';
import { analyzeDocument } from '../analyze.ts';

const page = (name: string) => readFileSync(`tests/pages/${name}`, 'utf8');

describe('extractDom', () => {
  it('should read a Word-pasted table: caption rows, spans, vertical headers, a table split in two', () => {
    const raw = extractHtmlString(page('word-pasted-split.html'));
    expect(raw.format).toBe('html');
    expect(raw.tables).toHaveLength(1);
    const t = raw.tables[0];
    expect(t?.title?.text).toBe('2023年度一般公共预算财政拨款支出决算表');
    expect(t?.preamble.map((p) => p.text).join(' ')).toMatch(/公开05表.*金额单位：万元/);
    expect(t?.tail.map((l) => l.text)).toEqual(['注：本表反映部门本年度一般公共预算财政拨款支出情况。', '1栏各行＝（2＋3）栏各行。']);
    // the continuation <table> was joined: 5 data rows after the header
    expect(t?.grid.filter((r) => /\d{3,7}|合计/.test(r.cells[0]?.text ?? '') || r.cells.some((c) => c.text === '合计'))).toHaveLength(5);
    expect(t?.grid.some((r) => r.cells.some((c) => c.text === '基\n本\n支\n出'))).toBe(true);
  });

  it('should audit the page through the same engine and find the injected error', () => {
    const report = analyzeDocument(extractHtmlString(page('word-pasted-split.html')));
    const t = report.tables[0];
    expect(t?.template).toBe('final-05');
    expect(t?.columns.map((c) => c.label)).toEqual(['小计', '基本支出', '项目支出']);
    expect(t?.rows.find((r) => r.code === '2080102')?.values).toEqual([610, null, 610]);
    const bad = report.checks.filter((c) => c.verdict === 'discrepancy');
    // 20801 = 2080101 + 2080102 fails in 小计 (1,000 vs 1,010) and in 项目支出 (600 vs 610).
    expect(bad.map((c) => c.rule)).toEqual(['function-hierarchy', 'function-hierarchy']);
    expect(bad[0]).toMatchObject({ stated: 1000, expected: 1010, difference: -10 });
    expect(bad[1]).toMatchObject({ stated: 600, expected: 610, difference: -10 });
    expect(bad[0]?.where.map((w) => w.row?.code)).toEqual(['20801', '2080101', '2080102']);
    expect(bad[0]?.where[0]?.source?.path).toMatch(/^t0\.r\d+\.c\d+$/);
  });

  it('should read a <caption> as the title and unit above its table', () => {
    const raw = extractHtmlString(
      '<html><body><p>正文。</p><table><caption>2023年度一般公共预算财政拨款支出决算表<br>金额单位：万元</caption>' +
        '<tr><td>科目编码</td><td>科目名称</td><td>合计</td></tr><tr><td></td><td>合计</td><td>10.00</td></tr><tr><td>208</td><td>社会保障和就业支出</td><td>10.00</td></tr></table></body></html>',
    );
    expect(raw.tables.map((t) => t.title?.text)).toEqual(['2023年度一般公共预算财政拨款支出决算表']);
    expect(raw.tables[0]?.preamble.map((p) => p.text)).toEqual(['金额单位：万元']);
    expect(raw.text.map((l) => l.text)).toEqual(['正文。']);
  });

  it('should say that a page without tables could not be checked', () => {
    const report = analyzeDocument(extractHtmlString(page('listing-no-tables.html')));
    expect(report.tables).toEqual([]);
    expect(report.summary.ok).toBe(0);
    expect(report.summary.undecided).toBeGreaterThan(0);
    expect(report.checks.every((c) => c.verdict === 'undecided' && c.reason)).toBe(true);
  });

  it('should stop reading cells at the limit and say so', () => {
    const rows = Array.from({ length: 300 }, (_, i) => `<tr><td>${i}</td><td>${i}.00</td></tr>`).join('');
    const raw = extractHtmlString(`<table>${rows}</table>`, { maxCells: 100 });
    expect(raw.issues.map((i) => i.code)).toContain('cells-truncated');
    expect(raw.tables[0]?.grid.flatMap((r) => r.cells.filter((c) => c.text)).length).toBeLessThanOrEqual(100);
  });

  it('should read the same page in slices, pausing between tables, as in one go', async () => {
    const { document } = parseHTML(page('gov/jianghan-hr-2024-budget.jcms.html'));
    const root = document.body as unknown as DomNode;
    const paths: string[] = [];
    const whole = extractDom(root, { onNode: (p) => paths.push(p) });
    let pauses = 0;
    let clock = 0;
    const slicedPaths: string[] = [];
    const sliced = await extractDomInSlices(root, {
      onNode: (p) => slicedPaths.push(p),
      // the clock moves past the slice at every look: a pause before every table
      now: () => (clock += 10),
      pause: async () => {
        pauses++;
      },
      slice: 5,
    });
    expect(sliced).toEqual(whole);
    expect(slicedPaths).toEqual(paths);
    expect(pauses).toBeGreaterThan(10);
  });

  it('should number text lines and table rows in one reading order and name their elements', () => {
    const raw = extractHtmlString('<p>一、概况</p><table><tr><td>合计</td><td>1.00</td></tr><tr><td>a</td><td>1.00</td></tr></table><p>二、说明</p>');
    expect(raw.text.map((l) => [l.text, l.source.line, l.source.path])).toEqual([
      ['一、概况', 1, 'l0'],
      ['二、说明', 4, 'l1'],
    ]);
    expect(raw.tables[0]?.grid.map((r) => [r.source.line, r.source.path])).toEqual([
      [2, 't0.r0'],
      [3, 't0.r1'],
    ]);
  });
});

describe('cell text read from text content', () => {
  const pages = (dir: string): string[] => readdirSync(dir).flatMap((f) => (statSync(`${dir}/${f}`).isDirectory() ? pages(`${dir}/${f}`) : f.endsWith('.html') ? [`${dir}/${f}`] : []));

  it('every cell of every test page: the same text as walking the cell node by node', () => {
    let cells = 0;
    let fast = 0;
    for (const file of pages('tests/pages')) {
      const { document } = parseHTML(readFileSync(file, 'utf8'));
      for (const td of document.querySelectorAll('td, th') as unknown as DomNode[]) {
        const walked = cellText(td, true);
        expect(cellText(td), `${file}: ${walked.slice(0, 40)}`).toBe(walked);
        cells++;
        if ((td.querySelectorAll?.('p,div,br') ?? []).length <= 1) fast++;
      }
    }
    expect(cells).toBeGreaterThan(20_000);
    expect(fast / cells).toBeGreaterThan(0.9);
  });

  it('cells whose blocks, breaks or hidden content shape their lines are walked', () => {
    const cases: [string, string][] = [
      ['<td>a<p>b</p>c</td>', 'a\nb\nc'],
      ['<td><p>a</p><p>b</p></td>', 'a\nb'],
      ['<td>a<br>b</td>', 'a\nb'],
      ['<td> <p> 1,234.56 </p> </td>', '1,234.56'],
      ['<td>a<script>x()</script>b</td>', 'ab'],
      ['<td><span>基</span>\n<span>本</span></td>', '基\n本'],
      ['<td><div>a<span>b</span></div>\u3000</td>', 'ab'],
      ['<td>x<table><tr><td>y</td></tr></table></td>', 'x\ny'],
    ];
    for (const [html, want] of cases) {
      const { document } = parseHTML(`<table><tr>${html}</tr></table>`);
      const td = document.querySelector('td') as unknown as DomNode;
      expect(cellText(td), html).toBe(want);
      expect(cellText(td, true), html).toBe(want);
    }
  });
});
