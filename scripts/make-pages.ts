// `npx tsx scripts/make-pages.ts`: HTML renditions of the three fixture documents as two real CMS templates
// publish them, for the extension's end-to-end tests (tests/pages/gov/, committed; see its
// README for what is real and what is rebuilt).
//
//   trs   TRS WCM article with Word-pasted content: MsoNormal paragraphs, MsoNormalTable tables
//         with rowspan/colspan headers, vertical header text (行<br>次), a long table split in two
//         <table>s at a page break, the 信息公开 index table above the article;
//   jcms  大汉 JCMS article: clean <p> and <table border=1>, #zoom content box.
//
// Tables come from the fixtures as printed: tab-separated rows as they are; the PDF text's
// flattened tables (Hanyang) from the engine's reading of them, every figure in its column.
// Variants with injected errors are written beside them, with the findings they must raise.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { extractText } from '../core/extract/text.ts';
import { normalizeDocument, toParagraphs } from '../core/normalize/document.ts';
import { runChecks } from '../core/analyze.ts';
import type { RawLine, RawTable } from '../core/model/raw.ts';
import type { Table } from '../core/model/schemas.ts';
import { formatAmount } from '../core/text/numbers.ts';

const OUT = 'tests/pages/gov';
const FIXTURES = [
  { name: 'hanyang-hr-2023-final', site: '武汉市汉阳区人民政府', host: 'www.hanyang.gov.cn', dept: '武汉市汉阳区人力资源局', date: '2024-09-20', pdf: true },
  { name: 'donghu-hrss-2023-final', site: '武汉东湖新技术开发区管委会', host: 'www.wehdz.gov.cn', dept: '武汉市人力资源和社会保障局东湖新技术开发区分局', date: '2024-09-29', pdf: false },
  { name: 'jianghan-hr-2024-budget', site: '武汉市江汉区人民政府', host: 'www.jianghan.gov.cn', dept: '武汉市江汉区人力资源局', date: '2024-02-06', pdf: false },
] as const;

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

type Style = 'trs' | 'jcms';

interface Block {
  line: number;
  html: string;
}

// ── tables ─────────────────────────────────────────────────────────────────────────────

const isNumberText = (t: string) => /^[-−－]?[\d,，.．]+%?$/.test(t.trim()) && /\d/.test(t);

/** Header rows: before the first row with a figure in it. */
function headerCount(rows: string[][]): number {
  const i = rows.findIndex((r) => r.filter((c) => isNumberText(c) && !/^\d{1,2}$/.test(c.trim())).length >= 1);
  return i < 0 ? Math.min(1, rows.length) : i;
}

function vertical(t: string): string {
  // 行次 / 栏次 printed one character per line, as Word tables often do.
  return /^(?:行次|栏次)$/.test(t.trim()) ? t.trim().split('').map(esc).join('<br>') : esc(t);
}

function cellHtml(style: Style, text: string, attrs: string, header: boolean): string {
  const body = header ? vertical(text) : esc(text);
  if (style === 'trs') {
    const align = isNumberText(text) ? ' align=right style=\'text-align:right\'' : header ? ' align=center style=\'text-align:center\'' : '';
    return `<td${attrs} valign=middle style='border:solid windowtext 1.0pt;mso-border-alt:solid windowtext .5pt;padding:0cm 5.4pt 0cm 5.4pt'><p class=MsoNormal${align}><span style='font-size:9.0pt;font-family:宋体;mso-bidi-font-family:宋体;color:black;mso-font-kerning:0pt'>${body}<span lang=EN-US><o:p></o:p></span></span></p></td>`;
  }
  const tag = header ? 'th' : 'td';
  return `<${tag}${attrs}>${body}</${tag}>`;
}

/** Rows of cells as printed → <tr>s; in header rows a blank after a filled cell widens it (colspan). */
function rowsHtml(style: Style, rows: string[][], headers: number): string[] {
  const width = Math.max(...rows.map((r) => r.length));
  return rows.map((r, k) => {
    const cells = Array.from({ length: width }, (_, i) => r[i] ?? '');
    const out: string[] = [];
    for (let i = 0; i < cells.length; i++) {
      let span = 1;
      // A group heading over the sub-headings of the next header row (本年支出 over 小计 · 基本支出 · 项目支出).
      if (k + 1 < headers && (cells[i] ?? '').trim() !== '') while (i + span < cells.length && (cells[i + span] ?? '').trim() === '' && (rows[k + 1]?.[i + span] ?? '').trim() !== '') span++;
      out.push(cellHtml(style, cells[i] ?? '', span > 1 ? ` colspan=${span}` : '', k < headers));
      i += span - 1;
    }
    return style === 'trs' ? `<tr style='height:15.0pt'>${out.join('')}</tr>` : `<tr>${out.join('')}</tr>`;
  });
}

function tableOpen(style: Style): string {
  return style === 'trs'
    ? `<table class=MsoNormalTable border=0 cellspacing=0 cellpadding=0 width=640 style='width:480.0pt;border-collapse:collapse;mso-yfti-tbllook:1184;mso-padding-alt:0cm 5.4pt 0cm 5.4pt'>`
    : `<table border="1" cellspacing="0" cellpadding="4" style="border-collapse:collapse;width:100%">`;
}

/** A model table (figures placed in their columns): header cells with their spans, and body rows. */
interface HeaderCell {
  text: string;
  colspan: number;
  rowspan: number;
}

function modelTable(t: Table): { header: HeaderCell[][]; body: string[][] } {
  const cols = t.columns;
  const depth = Math.max(1, ...cols.map((c) => c.path.length));
  const withLines = cols.some((c) => c.lineNo !== undefined);
  const sides = t.twoSided ? (['income', 'expense'] as const) : ([undefined] as const);
  const header: HeaderCell[][] = Array.from({ length: depth + (withLines ? 1 : 0) }, () => []);
  const coded = t.rows.some((r) => r.code);
  const stubOf = (side: (typeof sides)[number]) => {
    const hasLine = t.rows.some((r) => r.side === side && r.lineNo !== undefined);
    return t.twoSided ? ['项目', ...(hasLine ? ['行次'] : [])] : coded ? ['科目编码', '科目名称'] : ['项目'];
  };
  for (const side of sides) {
    const stub = stubOf(side);
    for (const s of stub) header[0]?.push({ text: s, colspan: 1, rowspan: depth });
    const sc = cols.filter((c) => c.side === side);
    for (let d = 0; d < depth; d++) {
      for (let i = 0; i < sc.length; ) {
        const c = sc[i] as Table['columns'][number];
        const path = c.path.length ? c.path : [c.label];
        if (path.length <= d) {
          i++;
          continue;
        }
        const prefix = path.slice(0, d + 1).join('/');
        let j = i + 1;
        while (j < sc.length && ((sc[j] as Table['columns'][number]).path.length ? (sc[j] as Table['columns'][number]).path : [(sc[j] as Table['columns'][number]).label]).slice(0, d + 1).join('/') === prefix) j++;
        const leaf = path.length === d + 1;
        header[d]?.push({ text: path[d] ?? '', colspan: j - i, rowspan: leaf ? depth - d : 1 });
        i = j;
      }
    }
    if (withLines) {
      header[depth]?.push({ text: '栏次', colspan: stub.length, rowspan: 1 });
      for (const c of sc) header[depth]?.push({ text: c.lineNo !== undefined ? String(c.lineNo) : '', colspan: 1, rowspan: 1 });
    }
  }
  const fmt = (r: Table['rows'][number], c: Table['columns'][number]) => {
    const cell = r.cells[c.key];
    return cell && cell.value !== null ? (c.additive ? formatAmount(cell.value, t.decimals) : cell.text) : '';
  };
  const body: string[][] = [];
  if (t.twoSided) {
    const inc = t.rows.filter((r) => r.side === 'income');
    const exp = t.rows.filter((r) => r.side === 'expense');
    for (let i = 0; i < Math.max(inc.length, exp.length); i++) {
      const row: string[] = [];
      for (const [side, list] of [['income', inc], ['expense', exp]] as const) {
        const r = list[i];
        row.push(r?.label ?? '');
        if (stubOf(side).length > 1) row.push(r?.lineNo !== undefined ? String(r.lineNo) : '');
        for (const c of cols.filter((x) => x.side === side)) row.push(r ? fmt(r, c) : '');
      }
      body.push(row);
    }
  } else {
    for (const r of t.rows) body.push([...(coded ? [r.code ?? '', r.label] : [r.label]), ...cols.map((c) => fmt(r, c))]);
  }
  return { header, body };
}

function modelRowsHtml(style: Style, t: Table): string[] {
  const { header, body } = modelTable(t);
  const head = header.map((cells) => {
    const out = cells.map((c) => cellHtml(style, c.text, `${c.colspan > 1 ? ` colspan=${c.colspan}` : ''}${c.rowspan > 1 ? ` rowspan=${c.rowspan}` : ''}`, true));
    return style === 'trs' ? `<tr style='height:15.0pt'>${out.join('')}</tr>` : `<tr>${out.join('')}</tr>`;
  });
  return [...head, ...rowsHtml(style, body, 0)];
}

function tableBlocks(style: Style, title: RawLine | undefined, preamble: RawLine[], trs: string[], headers: number, tail: RawLine[], split: boolean): string {
  const out: string[] = [];
  const p = (text: string, center = false, bold = false) =>
    style === 'trs'
      ? `<p class=MsoNormal${center ? ' align=center style=\'text-align:center\'' : ''}>${bold ? '<b>' : ''}<span style='font-size:${bold ? '14.0' : '10.5'}pt;font-family:宋体'>${esc(text)}</span>${bold ? '</b>' : ''}</p>`
      : `<p${center ? ' style="text-align:center"' : ''}>${bold ? '<strong>' : ''}${esc(text)}${bold ? '</strong>' : ''}</p>`;
  if (title) out.push(p(title.text.replace(/\t/g, ' ').trim(), true, true));
  for (const l of preamble) out.push(p(l.text.replace(/\t+/g, '　　').trim()));
  if (split && trs.length > headers + 12) {
    // A page break in Word: the table goes on in a second <table>, with no title of its own.
    const cut = headers + Math.floor((trs.length - headers) / 2);
    out.push(`${tableOpen(style)}\n${trs.slice(0, cut).join('\n')}\n</table>`);
    out.push(`<span lang=EN-US style='font-size:10.5pt'><br clear=all style='mso-special-character:line-break;page-break-before:always'></span>`);
    out.push(`${tableOpen(style)}\n${trs.slice(cut).join('\n')}\n</table>`);
  } else out.push(`${tableOpen(style)}\n${trs.join('\n')}\n</table>`);
  for (const l of tail) out.push(p(l.text.replace(/\t+/g, ' ').trim()));
  return out.join('\n');
}

// ── text ───────────────────────────────────────────────────────────────────────────────

const HEADING = /^(?:第[一二三四五六七八九十]+部分|[一二三四五六七八九十]+、|[(（][一二三四五六七八九十]+[)）])/;

function paragraphHtml(style: Style, text: string): string {
  const t = text.replace(/^\*\*|\*\*$/g, '').replace(/^-\s+/, '').trim();
  if (!t) return '';
  const heading = t.length <= 40 && HEADING.test(t);
  if (style === 'trs') {
    return heading
      ? `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><b><span style='font-size:16.0pt;font-family:黑体'>${esc(t)}</span></b></p>`
      : `<p class=MsoNormal style='text-indent:32.0pt;line-height:28.0pt'><span style='font-size:16.0pt;font-family:仿宋_GB2312'>${esc(t)}</span></p>`;
  }
  return heading ? `<h3>${esc(t)}</h3>` : `<p style="text-indent:2em">${esc(t)}</p>`;
}

// ── pages ──────────────────────────────────────────────────────────────────────────────

interface Fix {
  /** Replace the first `from` in the page's markup after `after` (a table title or a phrase). */
  after: string;
  from: string;
  to: string;
}

/** The page with each fix applied to its markup: one cell or one phrase changed. */
function inject(html: string, fixes: Fix[]): string {
  for (const f of fixes) {
    const at = html.indexOf(f.after);
    const i = html.indexOf(f.from, at < 0 ? 0 : at);
    if (at < 0 || i < 0) throw new Error(`injection not found: ${f.after} / ${f.from}`);
    html = html.slice(0, i) + f.to + html.slice(i + f.from.length);
  }
  return html;
}

function documentBlocks(name: string, style: Style, pdf: boolean): { blocks: Block[]; title: string } {
  const text = readFileSync(`tests/fixtures/${name}.txt`, 'utf8');
  const raw = extractText(text, { name });
  const work = normalizeDocument(raw);
  // Figures the text left out of their columns are placed by the checks' solver first.
  runChecks(work, 'zh');
  const blocks: Block[] = [];
  // The table split over two <table>s: the longest standard one.
  let longest = -1;
  raw.tables.forEach((rt, k) => {
    const t = work.tables.find((w) => w.table.id === `t${rt.index + 1}`)?.table;
    if (t && t.template !== 'other' && !t.twoSided && (longest < 0 || t.rows.length > (work.tables.find((w) => w.table.id === `t${(raw.tables[longest]?.index ?? 0) + 1}`)?.table.rows.length ?? 0))) longest = k;
  });
  raw.tables.forEach((rt: RawTable, k) => {
    // Standard tables as the engine read them (every figure in its column, headers as a tree);
    // forms and other tables as printed.
    const t = work.tables.find((w) => w.table.id === `t${rt.index + 1}`)?.table;
    let trs: string[];
    let headers: number;
    if (t && t.template !== 'other' && t.template !== 'budget-performance' && t.columns.length) {
      trs = modelRowsHtml(style, t);
      headers = modelTable(t).header.length;
    } else if (rt.layout === 'grid') {
      const rows = rt.grid.map((r) => r.cells.map((c) => c.text));
      headers = headerCount(rows);
      trs = rowsHtml(style, rows, headers);
    } else if (t) {
      trs = modelRowsHtml(style, t);
      headers = modelTable(t).header.length;
    } else return;
    if (trs.length === 0) return;
    blocks.push({ line: rt.title?.source.line ?? rt.source.line ?? 0, html: tableBlocks(style, rt.title, rt.preamble, trs, headers, rt.tail, style === 'trs' && k === longest) });
  });
  const paras = pdf ? toParagraphs(raw.text, true).map((p) => ({ line: p.source.line ?? 0, text: p.text })) : raw.text.filter((l) => l.text.trim()).map((l) => ({ line: l.source.line ?? 0, text: l.text }));
  // Lines of a table the text reader did not take as one (a grid without a title) stay rows
  // of one table.
  let grid: { line: number; rows: string[][] } | undefined;
  const endGrid = () => {
    if (grid) blocks.push({ line: grid.line, html: `${tableOpen(style)}\n${rowsHtml(style, grid.rows, headerCount(grid.rows)).join('\n')}\n</table>` });
    grid = undefined;
  };
  for (const p of paras) {
    if (p.text.includes('\t')) {
      grid = grid ?? { line: p.line, rows: [] };
      grid.rows.push(p.text.split('\t'));
      continue;
    }
    endGrid();
    const h = paragraphHtml(style, p.text);
    if (h) blocks.push({ line: p.line, html: h });
  }
  endGrid();
  blocks.sort((a, b) => a.line - b.line);
  const title = `${work.doc.year ?? ''}年度${work.doc.department ?? ''}部门${work.doc.kind === 'budget' ? '预算' : '决算'}公开`;
  return { blocks, title };
}

function page(style: Style, f: (typeof FIXTURES)[number], title: string, body: string): string {
  const meta = `<meta name="SiteName" content="${esc(f.site)}">
<meta name="SiteDomain" content="${f.host}">
<meta name="SiteIDCode" content="4201050001">
<meta name="ColumnName" content="部门预决算">
<meta name="ColumnType" content="财政预决算">
<meta name="ArticleTitle" content="${esc(title)}">
<meta name="PubDate" content="${f.date} 09:30">
<meta name="ContentSource" content="${esc(f.dept)}">`;
  if (style === 'trs') {
    return `<!DOCTYPE html>
<html>
<head>
<meta http-equiv="Content-Type" content="text/html; charset=utf-8">
<title>${esc(title)}_${esc(f.site)}</title>
${meta}
<link rel="stylesheet" href="../css/trs.css">
</head>
<body>
<div class="head"><div class="logo">${esc(f.site)}</div>
<ul class="nav"><li><a href="#">首页</a></li><li><a href="#">政务公开</a></li><li><a href="#">政务服务</a></li><li><a href="#">互动交流</a></li></ul></div>
<div class="position">当前位置：<a href="#">首页</a> &gt; <a href="#">政务公开</a> &gt; <a href="#">财政预决算</a> &gt; 部门预决算</div>
<div class="xxgk"><table class="xxgk_table" width="100%">
<tr><td class="t1">索 引 号：</td><td>011043401/${f.date.slice(0, 4)}-0${f.date.slice(5, 7)}77</td><td class="t1">分　　类：</td><td>财政预决算</td></tr>
<tr><td class="t1">发布机构：</td><td>${esc(f.dept)}</td><td class="t1">发文日期：</td><td>${f.date}</td></tr>
<tr><td class="t1">名　　称：</td><td colspan="3">${esc(title)}</td></tr>
</table></div>
<div class="article">
<h1 class="title">${esc(title)}</h1>
<div class="info">发布时间：${f.date}　　来源：${esc(f.dept)}　　【字体：<a href="#">大</a> <a href="#">中</a> <a href="#">小</a>】</div>
<div class="TRS_Editor"><div class=WordSection1 style='layout-grid:15.6pt'>
${body}
</div></div>
</div>
<div class="foot">主办：${esc(f.site)}办公室　网站标识码：4201050001　鄂ICP备05003333号</div>
</body>
</html>
`;
  }
  return `<!DOCTYPE html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}</title>
${meta}
<link rel="stylesheet" href="../css/jcms.css">
</head>
<body>
<div id="barrierfree_container">
<div class="top"><div class="top-in"><span class="sitename">${esc(f.site)}</span><span class="links"><a href="#">无障碍</a> | <a href="#">长者模式</a></span></div></div>
<div class="crumbs"><a href="#">首页</a> &gt; <a href="#">信息公开</a> &gt; <a href="#">法定主动公开内容</a> &gt; <a href="#">财政预决算</a></div>
<div class="main">
<div class="article">
<div class="article-title">${esc(title)}</div>
<div class="article-meta"><span>发布日期：${f.date}</span><span>信息来源：${esc(f.dept)}</span><span>浏览次数：<b>1024</b></span></div>
<div id="zoom" class="article-content">
${body}
</div>
</div>
</div>
<div class="footer"><p>${esc(f.site)} 版权所有　网站标识码：4201030001</p></div>
</div>
</body>
</html>
`;
}

/**
 * Each variant changes one printed figure; `expect` lists every new discrepancy it must raise
 * (rule, the figure as stated and as recomputed) and `marked` the page text that must carry a
 * marker (its first occurrence after the text `after`).
 */
const INJECTED: Record<string, { style: Style; fixes: Fix[]; expect: { rule: string; stated: number; expected: number }[]; marked: { after: string; text: string }[] }> = {
  'donghu-hrss-2023-final': {
    style: 'trs',
    // 05表 2080704 社会保险补贴 小计 4,928.56 → 4,938.56: the row's 1栏 = 2栏 + 3栏 fails, so
    // does its 款 20807 = Σ项, and 05表 no longer ties to 03表 and 04表.
    fixes: [{ after: '2023年度一般公共预算财政拨款支出决算表', from: '>4,928.56<', to: '>4,938.56<' }],
    expect: [
      { rule: 'note-formula', stated: 4938.56, expected: 4928.56 },
      { rule: 'function-hierarchy', stated: 8443.02, expected: 8453.02 },
      { rule: 'cross-table', stated: 4928.56, expected: 4938.56 },
    ],
    marked: [
      { after: '2023年度一般公共预算财政拨款支出决算表', text: '4,938.56' },
      { after: '2023年度一般公共预算财政拨款支出决算表', text: '8,443.02' },
    ],
  },
  'jianghan-hr-2024-budget': {
    style: 'jcms',
    // A growth rate of the text: 841.4 ÷ (6689.82 + 841.4) is 11.2 %, not 12.2 %.
    fixes: [{ after: '2024年收支总预算', from: '下降11.2%', to: '下降12.2%' }],
    expect: [{ rule: 'narrative-change', stated: 12.2, expected: 11.172161 }],
    marked: [{ after: '2024年收支总预算', text: '12.2%' }],
  },
};

mkdirSync(OUT, { recursive: true });
const expectations: Record<string, unknown> = {};
for (const f of FIXTURES) {
  for (const style of ['trs', 'jcms'] as const) {
    const { blocks, title } = documentBlocks(f.name, style, f.pdf);
    const html = page(style, f, title, blocks.map((b) => b.html).join('\n'));
    writeFileSync(`${OUT}/${f.name}.${style}.html`, html);
    const inj = INJECTED[f.name];
    if (inj && inj.style === style) {
      const file = `${f.name}.${style}.injected.html`;
      const injected = inject(html, inj.fixes);
      writeFileSync(`${OUT}/${file}`, injected);
      expectations[file] = { base: `${f.name}.${style}.html`, fixes: inj.fixes, expect: inj.expect, marked: inj.marked };
      // The same page under hostile global CSS (tests/pages/css/hostile.css).
      if (style === 'trs') writeFileSync('tests/pages/hostile/css.html', injected.replace('</head>', '<link rel="stylesheet" href="../css/hostile.css">\n</head>'));
    }
  }
}
writeFileSync(`${OUT}/injected.json`, `${JSON.stringify(expectations, null, 1)}\n`);
console.log(`pages written to ${OUT}`);
