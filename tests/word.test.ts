/** Word documents (.docx): the reader of word/document.xml, and the fixtures saved by LibreOffice Writer. */
import { readFileSync } from 'node:fs';
import { inflateRawSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { analyzeDocument } from '../core/analyze.ts';
import { extractHtmlString } from '../core/node/html.ts';
import { extractWord } from '../core/node/word.ts';
import { readDocumentXml, wordToHtml } from '../core/sheet/docx.ts';
import { readOffice } from '../core/sheet/open.ts';
import type { AuditReport } from '../core/model/schemas.ts';

const W = 'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"';
const doc = (body: string) => `<?xml version="1.0" encoding="UTF-8"?><w:document ${W}><w:body>${body}</w:body></w:document>`;
const p = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;
const tc = (text: string, pr = '') => `<w:tc>${pr ? `<w:tcPr>${pr}</w:tcPr>` : ''}${p(text)}</w:tc>`;

describe('word/document.xml', () => {
  it('should read paragraphs in order, split at line breaks, without deleted text, field codes or a text box\'s fallback copy', () => {
    const xml = doc(
      [
        p('一、部门概况'),
        '<w:p><w:r><w:t>第一行</w:t></w:r><w:r><w:br/><w:t>第二行</w:t></w:r></w:p>',
        '<w:p><w:r><w:t>保留</w:t></w:r><w:del><w:r><w:delText>删去</w:delText></w:r></w:del><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> PAGEREF _Toc25831 \\h </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>3</w:t></w:r></w:p>',
        '<w:p><w:r><mc:AlternateContent><mc:Choice><w:t>框内</w:t></mc:Choice><mc:Fallback><w:t>副本</w:t></mc:Fallback></mc:AlternateContent></w:r></w:p>',
        p('a &lt;b&gt; &amp; c'),
      ].join(''),
    );
    expect(readDocumentXml(xml).blocks).toEqual([
      { kind: 'paragraph', text: '一、部门概况' },
      { kind: 'paragraph', text: '第一行' },
      { kind: 'paragraph', text: '第二行' },
      { kind: 'paragraph', text: '保留3' },
      { kind: 'paragraph', text: '框内' },
      { kind: 'paragraph', text: 'a <b> & c' },
    ]);
  });

  it('should give table cells their spans: gridSpan across, vMerge down, gridBefore skipped; a table in a cell gives it its text', () => {
    const xml = doc(
      '<w:tbl>' +
        `<w:tr>${tc('项目', '<w:vMerge w:val="restart"/>')}${tc('本年支出', '<w:gridSpan w:val="2"/>')}</w:tr>` +
        `<w:tr>${tc('', '<w:vMerge/>')}${tc('基本支出')}${tc('项目支出')}</w:tr>` +
        `<w:tr><w:trPr><w:gridBefore w:val="1"/></w:trPr>${tc('1')}${tc('2')}</w:tr>` +
        `<w:tr>${tc('合计')}<w:tc>${p('外')}<w:tbl><w:tr>${tc('内1')}${tc('内2')}</w:tr></w:tbl></w:tc>${tc('3')}</w:tr>` +
        '</w:tbl>',
    );
    const [table] = readDocumentXml(xml).blocks;
    expect(table).toEqual({
      kind: 'table',
      rows: [
        [
          { lines: ['项目'], colSpan: 1, rowSpan: 2 },
          { lines: ['本年支出'], colSpan: 2, rowSpan: 1 },
        ],
        [
          { lines: ['基本支出'], colSpan: 1, rowSpan: 1 },
          { lines: ['项目支出'], colSpan: 1, rowSpan: 1 },
        ],
        [
          { lines: ['1'], colSpan: 1, rowSpan: 1 },
          { lines: ['2'], colSpan: 1, rowSpan: 1 },
        ],
        [
          { lines: ['合计'], colSpan: 1, rowSpan: 1 },
          { lines: ['外', '内1 内2'], colSpan: 1, rowSpan: 1 },
          { lines: ['3'], colSpan: 1, rowSpan: 1 },
        ],
      ],
    });
  });

  it('should write page text into HTML as text, never as markup', () => {
    const html = wordToHtml(readDocumentXml(doc(p('&lt;img src=x onerror=alert(1)&gt;') + `<w:tbl><w:tr>${tc('&lt;script&gt;x()&lt;/script&gt;')}</w:tr></w:tbl>`)));
    expect(html).not.toMatch(/<img|<script/);
    const raw = extractHtmlString(html);
    expect(raw.text.map((l) => l.text)).toContain('<img src=x onerror=alert(1)>');
  });
});

/** What a report found, table ids aside: rule, verdict, stated and expected of each check. */
const found = (r: AuditReport) =>
  r.checks
    .map((c) => `${c.rule}|${c.verdict}|${c.stated}|${c.expected}`)
    .sort();

describe('the fixtures as .docx (saved by LibreOffice Writer from their TRS renditions)', () => {
  it.each([
    ['donghu-hrss-2023-final', 'donghu-hrss-2023-final.trs.html'],
    ['hanyang-hr-2023-final', 'hanyang-hr-2023-final.trs.html'],
    ['donghu-hrss-2023-final.injected', 'donghu-hrss-2023-final.trs.injected.html'],
  ])('should read %s.docx as its page is read: the same checks with the same verdicts', async (name, page) => {
    const bytes = new Uint8Array(readFileSync(`tests/pages/doc/${name}.docx`));
    const office = await readOffice(bytes, (d) => inflateRawSync(d));
    expect(office.kind).toBe('word');
    if (office.kind !== 'word') return;
    const fromWord = analyzeDocument(extractWord(office.doc, { name }));
    const fromPage = analyzeDocument(extractHtmlString(readFileSync(`tests/pages/gov/${page}`, 'utf8')));
    expect(fromWord.document.source.format).toBe('word');
    expect(fromWord.summary.tablesRecognised).toBe(9);
    expect(fromWord.summary.checks).toBeGreaterThan(200);
    expect(found(fromWord)).toEqual(found(fromPage));
  });
});
