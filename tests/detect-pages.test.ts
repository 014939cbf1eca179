/**
 * The page detectors as a matrix: fixture renditions and pages rebuilt from real government
 * listing pages (tests/pages/detect/matrix.json), each with the gate's and the audit's expected
 * answer; and the gate's edge cases as pure functions of the signals.
 */
import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { checkPage, hasDisclosureTables, hasUrlToken, isArticleUrl, isDisclosurePage, lookAtTables, pageSignals, readHeadings, type SignalDocument, splitUrl } from '../core/detect/page.ts';

interface Entry {
  file: string;
  url: string;
  gate: boolean;
  audit: boolean;
  why: string;
}
const { pages } = JSON.parse(readFileSync('tests/pages/detect/matrix.json', 'utf8')) as { pages: Entry[] };

function load(file: string) {
  const { document } = parseHTML(readFileSync(`tests/pages/${file}`, 'utf8'));
  return document;
}

describe('page detection matrix', () => {
  it('should hold positives and negatives of both stages', () => {
    expect(pages.filter((p) => p.audit).length).toBeGreaterThanOrEqual(3);
    expect(pages.filter((p) => p.gate && !p.audit).length).toBeGreaterThanOrEqual(3);
    expect(pages.filter((p) => !p.gate).length).toBeGreaterThanOrEqual(3);
  });

  for (const p of pages) {
    it(`${p.file}: gate ${p.gate ? 'passes' : 'stops'}, audit ${p.audit ? 'runs' : 'does not run'} (${p.why})`, () => {
      const doc = load(p.file);
      const gate = checkPage(doc as unknown as SignalDocument, p.url);
      expect(gate.pass, gate.reason).toBe(p.gate);
      const tables = doc.getElementsByTagName('table') as unknown as ArrayLike<{ textContent: string | null }>;
      expect(gate.pass && hasDisclosureTables(lookAtTables(tables))).toBe(p.audit);
    });
  }
});

describe('the gate', () => {
  const base = { url: 'http://www.example.gov.cn/xwzx/index.html', title: '', metas: {} };
  it('should pass a page that names a disclosure in its title, metas or headings', () => {
    expect(isDisclosurePage({ ...base, title: '2024年区财政局部门预算公开' }).pass).toBe(true);
    expect(isDisclosurePage({ ...base, metas: { ArticleTitle: '2023年度 区教育局 部门决算' } }).pass).toBe(true);
    expect(isDisclosurePage({ ...base, headings: ['2023年度部门决算'] }).pass).toBe(true);
  });
  it('should pass a 预决算 URL with a weak word, and stop on a URL token alone', () => {
    expect(isDisclosurePage({ ...base, url: 'http://x.gov.cn/zwgk/czyjs/index.html', title: '财政预决算' }).pass).toBe(true);
    expect(isDisclosurePage({ ...base, url: 'http://x.gov.cn/zwgk/czyjs/index.html', title: '通知公告' })).toEqual({ pass: false, reason: 'url-only' });
    // a token is a whole path segment, or one followed by digits: `czyjsgk` and `czyjs2024` are, `czyjsx` is not
    expect(isDisclosurePage({ ...base, url: 'http://x.gov.cn/czyjsgk/a.html', title: '预算' }).pass).toBe(true);
    expect(isDisclosurePage({ ...base, url: 'http://x.gov.cn/czyjs2024/a.html', title: '预算' }).pass).toBe(true);
    expect(isDisclosurePage({ ...base, url: 'http://x.gov.cn/czyjsx/a.html', title: '预算' }).pass).toBe(false);
    expect(isDisclosurePage({ ...base, url: 'http://x.gov.cn/a.html?channel=bmys', title: '预算' }).pass).toBe(true);
  });
  it('should split a URL into host and path as the URL parser does, without it', () => {
    for (const url of [
      'http://www.jianghan.gov.cn/xwzx/gzdt/202403/t20240315_2345.shtml',
      'https://user:pw@CZJ.Example.gov.cn:8443/zwgk/czyjs/index.html?channel=bmys&x=1#top',
      'http://x.gov.cn',
      'http://x.gov.cn?a=1',
      'http://x.gov.cn#frag',
      'http://[::1]:8080/yjsgk/a.html',
    ]) {
      const u = new URL(url);
      expect(splitUrl(url), url).toEqual({ host: u.hostname, path: `${u.pathname}${u.search}` });
    }
    expect(splitUrl('not a url/czyjs')).toEqual({ host: '', path: 'not a url/czyjs' });
  });
  it('should tell article URLs (whose headings are read) from column pages', () => {
    const old = /\d{3,}[^/]*\.s?html?(?:[?#]|$)|\/(?:art|post|content|info|detail)[/_]/i;
    for (const url of [
      'http://www.jianghan.gov.cn/xwzx/gzdt/202403/t20240315_2345.shtml',
      'http://x.gov.cn/art/2024/3/15/art_123_456.html',
      'http://x.gov.cn/Content/abc.jsp',
      'http://x.gov.cn/zwgk/czyjs/index.html',
      'http://x.gov.cn/zwgk/czyjs/index_2.html',
      'http://x.gov.cn/2024/0315/123.htm?x=1',
      'http://x.gov.cn/a/12.html',
      'http://x.gov.cn/detail_99',
    ])
      expect(isArticleUrl(url), url).toBe(old.test(url));
  });
  it('should find path tokens segment by segment', () => {
    expect(hasUrlToken('/zwgk/CZYJS/index.html')).toBe(true);
    expect(hasUrlToken('/a_bmjs-2024.html')).toBe(true);
    expect(hasUrlToken('/yjs2023/')).toBe(true);
    expect(hasUrlToken('/yjsx2023/')).toBe(false);
    expect(hasUrlToken('/2023yjs/')).toBe(false);
    expect(hasUrlToken('')).toBe(false);
  });
  it('should read words across white space of every kind', () => {
    expect(isDisclosurePage({ ...base, title: '2024年 部门\u3000预\u00a0算\t公开' }).pass).toBe(true);
  });
  it('should not take everyday words for a disclosure', () => {
    for (const title of ['区人社局开展招聘会', '关于2024年预算执行情况的审计工作报告的通知', '财政局领导班子', '统计公报']) {
      expect(isDisclosurePage({ ...base, title }).pass, title).toBe(false);
    }
  });
  it('should survive a malformed URL and empty signals', () => {
    expect(isDisclosurePage({ url: 'not a url', title: '', metas: {} }).pass).toBe(false);
    expect(isDisclosurePage({ url: '', title: '部门决算', metas: {} }).pass).toBe(true);
  });
  it('should read headings only where they can decide, and bounded', () => {
    const doc = load('detect/article-no-meta.html') as unknown as SignalDocument;
    expect(pageSignals(doc, 'http://x.gov.cn/a/').headings).toBeUndefined();
    expect(readHeadings(doc)).toEqual(['2023年度武汉市汉阳区人力资源局部门决算']);
    // not an article URL: the headings are not read, the page is let go
    expect(checkPage(doc, 'http://x.gov.cn/zwgk/').pass).toBe(false);
    expect(checkPage(doc, 'http://x.gov.cn/zwgk/t20240101_1.html').pass).toBe(true);
    const many = parseHTML(`<html><head><meta name="ColumnName" content="${'x'.repeat(500)}"></head><body>${'<h2>标题</h2>'.repeat(50)}</body></html>`).document;
    expect(readHeadings(many as unknown as SignalDocument)).toHaveLength(4);
    expect(pageSignals(many as unknown as SignalDocument, '').metas.ColumnName).toHaveLength(120);
  });
  it('should not look for headings when the title already names a disclosure', () => {
    const asked: string[] = [];
    const doc: SignalDocument = {
      title: '2024年度区人力资源局部门预算公开',
      getElementsByTagName: () => [],
      querySelectorAll: (s) => (asked.push(s), []),
    };
    expect(checkPage(doc, 'http://x.gov.cn/bmys/t20240101_1.html')).toEqual({ pass: true, reason: 'words' });
    expect(asked.filter((s) => s.includes('h1'))).toEqual([]);
    doc.title = '区人力资源局';
    expect(checkPage(doc, 'http://x.gov.cn/bmys/list.html').pass).toBe(false);
    expect(asked.filter((s) => s.includes('h1'))).toHaveLength(1);
  });
  it('should read the meta tags of the head (and those pushed into the body), not every element', () => {
    const { document } = parseHTML('<html><head><title>x</title><meta name="ArticleTitle" content="2024年部门决算"></head><body><div><meta name="ColumnName" content="部门预算"></div></body></html>');
    expect(pageSignals(document as unknown as SignalDocument, '').metas).toEqual({ ArticleTitle: '2024年部门决算' });
  });
});
