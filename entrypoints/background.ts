/**
 * The background service worker: runs the engine on what a page's overlay extracted (off the
 * page's main thread) and keeps the toolbar badge — the number of discrepancies — per tab.
 * It makes no network request and stores nothing.
 */
import { defineBackground } from 'wxt/utils/define-background';
import { browser } from 'wxt/browser';
import { analyzeDocument, analyzeText } from '../core/analyze.ts';
import { RawDocument } from '../core/model/raw.ts';

type Respond = (response: unknown) => void;

export default defineBackground({
  type: 'module',
  main() {
    browser.runtime.onMessage.addListener((message: unknown, sender, respond: Respond) => {
      const m = message as { type?: string; raw?: unknown; lang?: unknown } | null;
      if (m?.type === 'bl:warm') {
        // A page passed the gate: wake up and compile the engine while the page extracts.
        warm();
        respond({ ok: true });
        return false;
      }
      if (m?.type !== 'bl:analyze') return undefined;
      const parsed = RawDocument.safeParse(m.raw);
      if (!parsed.success) {
        respond({ ok: false, error: `the page's extracted document is malformed: ${parsed.error.issues[0]?.message ?? 'invalid'}` });
        return false;
      }
      try {
        const t0 = performance.now();
        const report = analyzeDocument(parsed.data, { lang: m.lang === 'en' ? 'en' : 'zh' });
        const ms = performance.now() - t0;
        const tabId = sender.tab?.id;
        if (tabId !== undefined && sender.frameId === 0) void badge(tabId, report.summary.discrepancy);
        respond({ ok: true, report, ms });
      } catch (e) {
        respond({ ok: false, error: e instanceof Error ? e.message : String(e) });
      }
      return false;
    });
  },
});

/** A small disclosure, audited once per service-worker life to have the engine compiled. */
const SAMPLE = [
  '2023年度一般公共预算财政拨款支出决算表',
  '公开05表',
  '单位：万元',
  '科目编码\t科目名称\t小计\t基本支出\t项目支出',
  '\t合计\t30.00\t10.00\t20.00',
  '208\t社会保障和就业支出\t30.00\t10.00\t20.00',
  '20801\t人力资源和社会保障管理事务\t30.00\t10.00\t20.00',
  '注：1栏各行＝（2＋3）栏各行。',
  '',
  '2023年度一般公共预算财政拨款支出30.00万元，比2022年增加3.00万元，增长11.1%。',
].join('\n');
let warmed = false;
function warm(): void {
  if (warmed) return;
  warmed = true;
  try {
    analyzeText(SAMPLE);
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
