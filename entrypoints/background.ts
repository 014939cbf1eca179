/**
 * The background service worker: runs the engine on what a page's overlay extracted (off the
 * page's main thread) and writes the dataset for the embed code, keeps the toolbar badge — the number of discrepancies — per tab, and
 * opens the PDF viewer when asked. It makes no network request and stores nothing (the reader's
 * choices are kept by the overlay and the popup in browser.storage.local, on this computer).
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { analyzeDocument } from '../core/analyze.ts';
import { extractText } from '../core/extract/text.ts';
import { exportDataset } from '../core/dataset.ts';
import type { RawDocument } from '../core/model/raw.ts';
import { rawDocumentError } from '../core/model/raw-check.ts';

type Respond = (response: unknown) => void;

export default defineBackground({
  type: 'module',
  main() {
    browser.runtime.onMessage.addListener((message: unknown, sender, respond: Respond) => {
      const m = message as { type?: string; raw?: unknown; lang?: unknown } | null;
      if (m?.type === 'bl:warm') {
        // A page passed the gate: wake up and compile the engine while the page extracts.
        const at = Date.now();
        warm();
        timeline.warm ??= [at, Date.now()];
        respond({ ok: true });
        return false;
      }
      if (m?.type === 'bl:open-pdf') {
        // "Audit this PDF": the viewer, beside the page that links the file (it will hand it over).
        const url = (message as { url?: unknown }).url;
        if (typeof url !== 'string' || !/^https?:/i.test(url)) return undefined;
        const tab = sender.tab;
        const query = new URLSearchParams({ src: url, ...(tab?.id !== undefined ? { tab: String(tab.id) } : {}) });
        void browser.tabs.create({ url: browser.runtime.getURL(`/viewer.html?${query}` as '/viewer.html'), index: tab ? tab.index + 1 : undefined, openerTabId: tab?.id });
        respond({ ok: true });
        return false;
      }
      if (m?.type === 'bl:badge') {
        // The overlay's count after the reader's choices (findings marked not an error, checks off).
        const n = (message as { discrepancies?: unknown }).discrepancies;
        const tabId = sender.tab?.id;
        if (typeof n === 'number' && Number.isInteger(n) && n >= 0 && tabId !== undefined && sender.frameId === 0) void badge(tabId, n);
        respond({ ok: true });
        return false;
      }
      if (m?.type !== 'bl:analyze' && m?.type !== 'bl:dataset') return undefined;
      // What the page read, checked for shape (the zod schema's rules, as loops: raw-check.ts).
      const received = Date.now();
      const tp = performance.now();
      const problem = rawDocumentError(m.raw);
      const parseMs = performance.now() - tp;
      if (problem) {
        respond({ ok: false, error: `the page's extracted document is malformed: ${problem}` });
        return false;
      }
      const raw = m.raw as RawDocument;
      if (m.type === 'bl:dataset') {
        // "Copy embed code": the dataset the widgets chart, as `budget-lens export` writes it.
        try {
          respond({ ok: true, dataset: exportDataset(raw, m.lang === 'en' ? 'en' : 'zh') });
        } catch (e) {
          respond({ ok: false, error: e instanceof Error ? e.message : String(e) });
        }
        return false;
      }
      try {
        const t0 = performance.now();
        const report = analyzeDocument(raw, { lang: m.lang === 'en' ? 'en' : 'zh' });
        const ms = performance.now() - t0;
        const tabId = sender.tab?.id;
        if (tabId !== undefined && sender.frameId === 0) void badge(tabId, report.summary.discrepancy);
        // Where the background's time went, in wall-clock milliseconds (for the bench's stages).
        respond({ ok: true, report, ms, parseMs, timeline: { ...timeline, received, done: Date.now() } });
      } catch (e) {
        respond({ ok: false, error: e instanceof Error ? e.message : String(e) });
      }
      return false;
    });
  },
});

/**
 * A small disclosure (a summary table, a function table with its note, a basic-expenditure
 * list, a paragraph of text), audited when a page passes the gate: the service worker starts
 * and the engine's code is compiled while the page is still being read.
 */
const SAMPLE = [
  '2023年度收入支出决算总表',
  '公开01表',
  '单位：万元',
  '收入\t\t\t支出\t\t',
  '项目\t行次\t金额\t项目\t行次\t金额',
  '栏次\t\t1\t栏次\t\t2',
  '一、一般公共预算财政拨款收入\t1\t30.00\t一、一般公共服务支出\t32\t',
  '二、政府性基金预算财政拨款收入\t2\t\t八、社会保障和就业支出\t39\t30.00',
  '本年收入合计\t27\t30.00\t本年支出合计\t58\t30.00',
  '总计\t31\t30.00\t总计\t62\t30.00',
  '',
  '2023年度一般公共预算财政拨款支出决算表',
  '公开05表',
  '单位：万元',
  '科目编码\t科目名称\t小计\t基本支出\t项目支出',
  '\t合计\t30.00\t10.00\t20.00',
  '208\t社会保障和就业支出\t30.00\t10.00\t20.00',
  '20801\t人力资源和社会保障管理事务\t30.00\t10.00\t20.00',
  '2080101\t行政运行\t10.00\t10.00\t',
  '2080102\t一般行政管理事务\t20.00\t\t20.00',
  '注：1栏各行＝（2＋3）栏各行。',
  '',
  '2023年度一般公共预算财政拨款基本支出决算明细表',
  '公开06表',
  '单位：万元',
  '科目编码\t科目名称\t决算数',
  '301\t工资福利支出\t8.00',
  '30101\t基本工资\t8.00',
  '302\t商品和服务支出\t2.00',
  '30201\t办公费\t2.00',
  '\t人员经费合计\t8.00',
  '\t公用经费合计\t2.00',
  '',
  '一、收入支出决算总体情况说明',
  '2023年度收、支总计30.00万元。与2022年度相比，收、支总计各增加3.00万元，增长11.1%，主要原因是政策调整。',
  '二、一般公共预算财政拨款支出决算情况说明',
  '2023年度一般公共预算财政拨款支出30.00万元，占本年支出合计的100%。其中：基本支出10.00万元，占33.3%；项目支出20.00万元，占66.7%。年初预算为32.00万元，完成年初预算的93.8%。',
].join('\n');
let warmed = false;
/** When the warm-up ran (wall clock), for the bench's stages. */
const timeline: { warm?: [number, number] } = {};
function warm(): void {
  if (warmed) return;
  warmed = true;
  try {
    // The same path as a page's audit: the read document checked against its schema, then
    // analysed, a few rounds (more did not shorten the first audit: measured).
    for (let i = 0; i < 3; i++) {
      const raw = JSON.parse(JSON.stringify(extractText(SAMPLE, { name: 'warm-up' }))) as RawDocument;
      if (rawDocumentError(raw)) return;
      analyzeDocument(raw, { lang: i === 1 ? 'en' : 'zh' });
    }
  } catch {
    // Only a warm-up.
  }
}

async function badge(tabId: number, discrepancies: number): Promise<void> {
  try {
    await browser.action.setBadgeBackgroundColor({ tabId, color: discrepancies > 0 ? '#b91c1c' : '#15803d' });
    await browser.action.setBadgeText({ tabId, text: discrepancies > 0 ? String(Math.min(discrepancies, 999)) : '✓' });
  } catch {
    // The tab closed meanwhile.
  }
}
