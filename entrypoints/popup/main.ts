/**
 * The popup: the summary of the audit in the current tab, and "audit this page" for any page
 * (a provincial platform off .gov.cn, a saved file). The audit uses activeTab + scripting: the
 * user's click grants access to this one tab, so the extension needs no host permissions.
 */
import { html, render, nothing } from 'lit-html';
import { browser } from 'wxt/browser';
import { CHOICES_KEY, NO_CHOICES, readChoices, withRule, type Choices } from '../../core/choices.ts';
import { ruleTitles, type RuleId } from '../../core/messages.ts';
import { auditLabel } from '../overlay/strings.ts';
import type { PdfLink } from '../../core/detect/pdf-links.ts';

type Summary = { checks: number; ok: number; rounding: number; discrepancy: number; undecided: number };
interface TabState {
  ok?: boolean;
  audited?: boolean;
  status?: string;
  error?: string;
  gate?: string;
  summary?: Summary;
  tables?: number;
  dismissed?: number;
  hidden?: number;
  pdfs?: { href: string; text: string; kind?: PdfLink['kind'] }[];
}

const zh = navigator.language.toLowerCase().startsWith('zh') || !navigator.language.toLowerCase().startsWith('en');
const t = zh
  ? { title: '预决算透镜', checks: '项核对', ok: '相符', discrepancy: '不符', rounding: '舍入差', undecided: '无法核对', tables: '张表', none: '本页尚未核对。', audit: '核对本页', auditPdf: '核对此 PDF', auditWorkbook: '核对此表格', auditWord: '核对此文档', pdfs: '本页链接的预决算附件：', working: '正在核对…', cannot: '无法在此页面运行（浏览器内部页面或扩展商店）。', failed: '核对失败：', note: '核对在本机完成，不发送任何数据。', rules: '检查项目（取消勾选即关闭，所有页面适用）', shot: '保存带标注的截图', shotSaved: (kb: number) => `已保存截图（${kb} KB）。`, shotFailed: '无法截图：', dismissed: (n: number) => `本页 ${n} 项已标为误报，未计入。`, hidden: (n: number) => `关闭的检查隐藏了 ${n} 项结果。` }
  : { title: 'Budget Lens', checks: 'checks', ok: 'ok', discrepancy: 'discrepancies', rounding: 'rounding', undecided: 'could not check', tables: 'tables', none: 'This page has not been audited.', audit: 'Audit this page', auditPdf: 'Audit this PDF', auditWorkbook: 'Audit this workbook', auditWord: 'Audit this document', pdfs: 'Disclosure files linked here:', working: 'Auditing…', cannot: 'Cannot run on this page (a browser page or the extension store).', failed: 'The audit failed: ', note: 'Everything is checked on this computer; nothing is sent anywhere.', rules: 'Checks (untick to switch one off, on every page)', shot: 'Save an annotated screenshot', shotSaved: (kb: number) => `Screenshot saved (${kb} KB).`, shotFailed: 'Could not take a screenshot: ', dismissed: (n: number) => `${n} finding${n === 1 ? '' : 's'} marked not an error here, not counted.`, hidden: (n: number) => `Checks switched off hid ${n} result${n === 1 ? '' : 's'}.` };

const app = document.getElementById('app') as HTMLElement;
const lang = zh ? 'zh' : 'en';

/** The reader's choices (core/choices.ts): the checks switched off are set here. */
let choices: Choices = NO_CHOICES;
let last: { state: TabState | undefined; busy: boolean; error?: string } = { state: undefined, busy: false };

async function setRule(rule: string, on: boolean) {
  choices = withRule(choices, rule, on);
  view(last.state, last.busy, last.error);
  try {
    await browser.storage.local.set({ [CHOICES_KEY]: choices });
  } catch {
    // No storage: nothing to keep.
  }
}

/** The tab shows a PDF itself (the browser's viewer): audit it in ours. */
let pdfTab: string | undefined;

function openViewer(url: string, tabId?: number, granted = false) {
  // `grant=tab`: the file is the tab's own, which the user's click (activeTab) lets us read.
  const query = new URLSearchParams({ src: url, ...(tabId !== undefined ? { tab: String(tabId) } : {}), ...(granted ? { grant: 'tab' } : {}) });
  void browser.tabs.create({ url: browser.runtime.getURL(`/viewer.html?${query}` as '/viewer.html') });
  window.close();
}

function view(state: TabState | undefined, busy: boolean, error?: string) {
  last = { state, busy, error };
  const s = state?.summary;
  const pdfs = state?.pdfs ?? [];
  render(
    html`<h1>${t.title}</h1>
      ${s
        ? html`<div class="counts" data-popup-summary data-discrepancies=${s.discrepancy}>
            <span>${s.checks}</span><span>${t.checks}${state?.tables !== undefined ? ` · ${state.tables} ${t.tables}` : ''}</span>
            <span class="ok">✓ ${s.ok}</span><span>${t.ok}</span>
            <span class="discrepancy">✗ ${s.discrepancy}</span><span>${t.discrepancy}</span>
            <span class="rounding">≈ ${s.rounding}</span><span>${t.rounding}</span>
            <span class="undecided">? ${s.undecided}</span><span>${t.undecided}</span>
          </div>`
        : html`<p class="muted">${busy ? t.working : t.none}</p>`}
      ${state?.error ? html`<p class="error">${t.failed}${state.error}</p>` : nothing}
      ${error ? html`<p class="error">${error}</p>` : nothing}
      ${pdfTab
        ? html`<button data-audit-pdf @click=${() => openViewer(pdfTab as string, undefined, true)}>${t.auditPdf}</button>`
        : html`<button data-audit ?disabled=${busy} @click=${audit}>${t.audit}</button>`}
      ${pdfs.length
        ? html`<p class="muted">${t.pdfs}</p>
            ${pdfs.map((l) => html`<p><button data-audit-pdf=${l.href} @click=${() => activeTab().then((tab) => openViewer(l.href, tab?.id))}>${auditLabel(l.kind, t)}</button> ${l.text}</p>`)}`
        : nothing}
      ${s && state?.audited
        ? html`<p><button data-screenshot @click=${screenshot}>${t.shot}</button></p>
            ${shot ? html`<p class=${shot.error ? 'error' : 'muted'} data-screenshot-status=${shot.error ? 'error' : 'saved'} data-screenshot-bytes=${shot.bytes ?? 0}>${shot.error ? `${t.shotFailed}${shot.error}` : t.shotSaved(Math.round((shot.bytes ?? 0) / 1024))}</p>` : nothing}`
        : nothing}
      ${state?.dismissed ? html`<p class="muted" data-popup-dismissed=${state.dismissed}>${t.dismissed(state.dismissed)}</p>` : nothing}
      ${state?.hidden ? html`<p class="muted" data-popup-hidden=${state.hidden}>${t.hidden(state.hidden)}</p>` : nothing}
      <details data-popup-rules ?open=${choices.rulesOff.length > 0}>
        <summary>${t.rules}</summary>
        ${(Object.keys(ruleTitles) as RuleId[]).map(
          (rule) => html`<label class="rule"
            ><input type="checkbox" data-rule=${rule} .checked=${!choices.rulesOff.includes(rule)} @change=${(e: Event) => void setRule(rule, (e.target as HTMLInputElement).checked)} />${ruleTitles[rule][lang]}</label
          >`,
        )}
      </details>
      <p class="muted">${t.note}</p>`,
    app,
  );
}

/** The last screenshot: its size, or why it failed. */
let shot: { bytes?: number; error?: string } | undefined;

/**
 * "Save an annotated screenshot": the visible part of the tab with the overlay's marks on it,
 * as a PNG download. The user's click on the toolbar button (activeTab) allows the capture.
 */
async function screenshot() {
  try {
    const url = await browser.tabs.captureVisibleTab({ format: 'png' });
    const tab = await activeTab();
    const host = tab?.url ? new URL(tab.url).hostname.replace(/[^\w.-]+/g, '_') : 'page';
    const a = document.createElement('a');
    a.href = url;
    a.download = `budget-lens-${host}.png`;
    document.body.append(a);
    a.click();
    a.remove();
    shot = { bytes: Math.floor((url.length - url.indexOf(',') - 1) * 0.75) };
  } catch (e) {
    shot = { error: e instanceof Error ? e.message : String(e) };
  }
  view(last.state, last.busy, last.error);
}

async function activeTab() {
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab;
}

async function ask(tabId: number): Promise<TabState | undefined> {
  try {
    return (await browser.tabs.sendMessage(tabId, { type: 'bl:summary' })) as TabState;
  } catch {
    return undefined; // no script of ours in that tab
  }
}

async function audit() {
  const tab = await activeTab();
  if (tab?.id === undefined) return;
  view(undefined, true);
  try {
    // A *.gov.cn page already has the content script; anywhere else, inject the overlay.
    const answered = await browser.tabs.sendMessage(tab.id, { type: 'bl:audit' }).catch(() => undefined);
    if (!answered) {
      await browser.scripting.executeScript({ target: { tabId: tab.id }, files: ['/overlay.js'] });
      await browser.scripting.executeScript({
        target: { tabId: tab.id },
        func: () => (globalThis as { __budgetLensOverlay?: { start(o: { force: boolean }): Promise<void> } }).__budgetLensOverlay?.start({ force: true }),
      });
    }
    view(await ask(tab.id), false);
  } catch (e) {
    view(undefined, false, `${t.cannot} (${e instanceof Error ? e.message : String(e)})`);
  }
}

async function main() {
  try {
    choices = readChoices((await browser.storage.local.get(CHOICES_KEY))[CHOICES_KEY]);
  } catch {
    choices = NO_CHOICES;
  }
  view(undefined, false);
  const tab = await activeTab();
  // activeTab lets the popup see the tab's address: a PDF shown by the browser itself.
  if (tab?.url && /^https?:.*\.pdf(?:[?#]|$)/i.test(tab.url)) pdfTab = tab.url;
  if (tab?.id !== undefined) view(await ask(tab.id), false);
}

void main();
