import { readFileSync } from 'node:fs';
import { parseHTML } from 'linkedom';
import { describe, expect, it } from 'vitest';
import { disclosurePdfLinks } from '../core/detect/pdf-links.ts';

const page = 'http://www.jianghan.gov.cn/zwgk/art/2024/2/6/art_1234_56790.html';

describe('disclosure PDF links', () => {
  it('should list a page’s disclosure attachments, absolute, once each', () => {
    const { document } = parseHTML(readFileSync('tests/pages/detect/budget-pdf-article.html', 'utf8'));
    const links = [...document.querySelectorAll('a')].map((a) => ({ href: a.getAttribute('href') ?? '', text: a.textContent ?? '' }));
    expect(disclosurePdfLinks([...links, ...links], page)).toEqual([
      { href: 'http://www.jianghan.gov.cn/attachment/2024/02/jhrlzy2024bmys.pdf', text: '2024年武汉市江汉区人力资源局部门预算.pdf', kind: 'pdf' },
    ]);
  });

  it('should take TRS attachment names on a disclosure page, and workbooks and Word documents named as disclosures, and leave other files', () => {
    const links = [
      { href: './P020240920512345678901.pdf', text: '附件1' },
      { href: '/files/招聘公告.pdf', text: '2024年招聘公告' },
      { href: '/xxgk/2024预算.xls', text: '2024年部门预算（Excel）' },
      { href: 'javascript:void(0)', text: '部门预算.pdf' },
      { href: '/download?file=2023部门决算.pdf', text: '下载' },
      { href: '/files/W020240920512345678901.xlsx', text: '附件2' },
      { href: '/files/通讯录.xlsx', text: '联系方式' },
      { href: '/files/公开表.doc', text: '2024年部门预算公开表' },
      { href: '/files/2024年部门预算公开.docx', text: '附件3' },
      { href: '/files/P020240920512345678902.docx', text: '附件4' },
      { href: '/files/会议通知.docx', text: '会议通知' },
    ];
    expect(disclosurePdfLinks(links, page).map((l) => [l.kind, l.href])).toEqual([
      ['pdf', 'http://www.jianghan.gov.cn/zwgk/art/2024/2/6/P020240920512345678901.pdf'],
      ['workbook', 'http://www.jianghan.gov.cn/xxgk/2024%E9%A2%84%E7%AE%97.xls'],
      ['pdf', 'http://www.jianghan.gov.cn/download?file=2023%E9%83%A8%E9%97%A8%E5%86%B3%E7%AE%97.pdf'],
      ['workbook', 'http://www.jianghan.gov.cn/files/W020240920512345678901.xlsx'],
      ['word', 'http://www.jianghan.gov.cn/files/2024%E5%B9%B4%E9%83%A8%E9%97%A8%E9%A2%84%E7%AE%97%E5%85%AC%E5%BC%80.docx'],
      ['word', 'http://www.jianghan.gov.cn/files/P020240920512345678902.docx'],
    ]);
    expect(disclosurePdfLinks(links, page, false).map((l) => l.href)).toHaveLength(3);
  });

  it('should take a PDF the page shows in itself on a disclosure page, and the file a viewer page shows', () => {
    const links = [
      { href: '/pdfjs/web/viewer.html?file=%2Fuploads%2F20240206093015.pdf', text: '', embedded: true },
      { href: '/uploads/20240206093015.pdf', text: '' , embedded: true },
      { href: '/static/viewer.html?file=../files/2023部门决算.pdf', text: '在线查看' },
      { href: '/pdfjs/web/viewer.html?file=javascript:alert(1)//x.pdf', text: '部门预算', embedded: true },
      { href: '/uploads/banner.pdf', text: '' },
    ];
    expect(disclosurePdfLinks(links, page)).toEqual([
      { href: 'http://www.jianghan.gov.cn/uploads/20240206093015.pdf', text: '20240206093015.pdf', kind: 'pdf' },
      { href: 'http://www.jianghan.gov.cn/files/2023%E9%83%A8%E9%97%A8%E5%86%B3%E7%AE%97.pdf', text: '在线查看', kind: 'pdf' },
    ]);
    // on a page that is no disclosure, an embedded PDF needs its name to say what it is
    expect(disclosurePdfLinks(links, page, false).map((l) => l.href)).toEqual(['http://www.jianghan.gov.cn/files/2023%E9%83%A8%E9%97%A8%E5%86%B3%E7%AE%97.pdf']);
  });
});
