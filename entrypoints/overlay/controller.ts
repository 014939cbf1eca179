/**
 * The overlay's life on a page:
 *
 *   start() ─ 1. look: do the page's tables look like budget tables? (unless forced)
 *           ─ 2. extract: core/extract/dom.ts on the live DOM, every table, cell and text
 *                block registered by its path (bounded: MAX_CELLS)
 *           ─ 3. analyse: the background runs the engine on the extracted document (off this
 *                page's main thread); the report is checked against its JSON Schema on arrival
 *           ─ 4. draw: core/marks.ts says what to mark; boxes measured from the page's own
 *                elements; lit-html renders into our shadow root
 *           ─ 5. follow: layout changes move the marks (scroll in inner boxes, resize, zoom,
 *                fonts); new tables re-run 1–4, batched and bounded (MAX_RUNS)
 *
 * The page is only read: no element of the page is changed, restyled or moved.
 */
import { render } from 'lit-html';
import { browser } from 'wxt/browser';
import type { AuditReport, CheckResult, Verdict, Where } from '../../core/model/schemas.ts';
import type { RawDocument } from '../../core/model/raw.ts';
import type { Dataset } from '../../core/model/dataset.ts';
import { embedSnippet } from '../../core/embed.ts';
import type { PdfLink } from '../../core/detect/pdf-links.ts';
import { formatCsv, formatTablesCsv } from '../../core/report/csv.ts';
import { formatFdpCsv } from '../../core/report/fdp.ts';
import { isCellPath, pageMarks, type PageMarks, type TableMarks } from '../../core/marks.ts';
import { ruleTitle, type Lang, type RuleId } from '../../core/messages.ts';
import { applyChoices, CHOICES_KEY, NO_CHOICES, pageKey, readChoices, withDismissal, type Choices } from '../../core/choices.ts';
import type { StartOptions } from './api.ts';
import { createHost, keepHost } from './host.ts';
import type { Box } from './locate.ts';
import type { Surface } from './surface.ts';
import { strings } from './strings.ts';
import { type ExportKind, overlayView, type Layout, type ViewActions, type ViewState } from './view.ts';
import { validateReport } from './validate.ts';

/** Table cells read from one page at most; the rest is reported as not read. */
export const MAX_CELLS = 60_000;
/** Marks drawn on the page at most (of each kind); the panel still lists every finding. */
const MAX_MARKS = 600;
/** Room kept for a finding's card and for the open panel (their sizes are set in style.ts). */
const CARD_HEIGHT = 380;
const CARD_WIDTH = 400;
const PANEL_WIDTH = 432;
/** Findings listed in the panel at most. */
const MAX_LISTED = 300;
/** Re-audits of one page at most (pages that keep adding tables). */
const MAX_RUNS = 20;
/** Mutations are handled this long after the last one, and at most this long after the first. */
const QUIET_MS = 400;
const MAX_WAIT_MS = 2000;
/** A page that has no budget tables yet is watched this long for them. */
const WAIT_FOR_TABLES_MS = 60_000;

async function loadChoices(): Promise<Choices> {
  try {
    const got = await browser.storage.local.get(CHOICES_KEY);
    return readChoices(got[CHOICES_KEY]);
  } catch {
    return NO_CHOICES;
  }
}

const VERDICT_ORDER: Record<Verdict, number> = { discrepancy: 0, rounding: 1, undecided: 2, ok: 3 };
const SEVERITY_ORDER = { error: 0, warning: 1, info: 2, none: 3 } as const;

/** Work is cut into tasks of about this many milliseconds (the page stays responsive). */
export const SLICE_MS = 25;
/** A first audit that takes longer than this says "working" meanwhile. */
const WORKING_AFTER_MS = 400;

/** When our current task began (each ends at a pause; `bl:task` measures, for the bench). */
let taskStart = performance.now();

/** End our task and give the page's main thread back for a moment. */
function pause(): Promise<void> {
  measure('bl:task', taskStart);
  return new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => {
      taskStart = performance.now();
      resolve();
    };
    channel.port2.postMessage(null);
  });
}

function measure(name: string, start: number): void {
  try {
    performance.measure(name, { start, end: performance.now() });
  } catch {
    // Old engines: timings are optional.
  }
}

export class Overlay {
  private host?: HTMLElement;
  private root?: ShadowRoot;
  private lang: Lang = 'zh';
  private raw?: RawDocument;
  private report?: AuditReport;
  private pdfs: PdfLink[] = [];
  private marks?: PageMarks;
  private byId = new Map<string, CheckResult>();
  private status: ViewState['status'] = 'working';
  private error?: string;
  private notes: string[] = [];
  private expanded = false;
  private showMarks = true;
  private filters: Record<Verdict, boolean> = { discrepancy: true, rounding: true, undecided: true, ok: false };
  private tableFilter?: { id: string; label: string };
  private card?: { findings: CheckResult[]; x: number; y: number };
  private highlight: Box[] = [];
  private layout: Layout = { tables: [], cells: [], totals: [], texts: [], unplaced: 0, capped: 0 };
  private runs = 0;
  private running?: Promise<void>;
  private again = false;
  private force = false;
  private observing = false;
  private following = false;
  private resizes?: ResizeObserver;
  private frame = 0;
  private abort = new AbortController();
  private tableCount = -1;
  private embed?: ViewState['embed'];
  /** The engine's report as it came (exports); `report` is what is shown after the reader's choices. */
  private full?: AuditReport;
  private choices: Choices = NO_CHOICES;
  private dismissed: CheckResult[] = [];
  private hidden = 0;
  private watchingChoices = false;

  /**
   * @param surface what is audited and drawn on: the live page, or the PDF viewer's pages
   * @param onPdf what "audit this PDF" does (opens the viewer); none where PDFs are not listed
   */
  constructor(
    private readonly surface: Surface,
    private readonly onPdf?: (link: PdfLink) => void,
  ) {}

  async start(options: StartOptions): Promise<void> {
    if (options.signal?.aborted) return;
    options.signal?.addEventListener('abort', () => this.stop(), { once: true });
    this.force ||= !!options.force;
    if (this.running) {
      this.again = true;
      return this.running;
    }
    this.running = this.run(options.gateStart).finally(() => {
      this.running = undefined;
      if (this.again) {
        this.again = false;
        void this.start({});
      }
    });
    return this.running;
  }

  /** The extension was reloaded or updated: take everything away. */
  stop(): void {
    this.abort.abort();
    cancelAnimationFrame(this.frame);
    this.host?.remove();
    this.host = undefined;
  }

  /** Does this page link that PDF (one of those listed)? */
  links(url: string): boolean {
    return this.pdfs.some((l) => l.href === url);
  }

  summaryForPopup(): unknown {
    const s = this.report?.summary;
    return {
      ok: true,
      audited: this.status === 'done',
      status: this.status,
      error: this.error,
      notes: this.notes,
      summary: s ? { checks: s.checks, ok: s.ok, rounding: s.rounding, discrepancy: s.discrepancy, undecided: s.undecided } : undefined,
      tables: s?.tablesRecognised,
      dismissed: this.dismissed.length,
      hidden: this.hidden,
      pdfs: this.pdfs,
    };
  }

  private async run(gateStart?: number): Promise<void> {
    if (this.abort.signal.aborted) return;
    const t0 = performance.now();
    taskStart = t0;
    const surface = this.surface;
    this.tableCount = surface.tableCount();
    this.pdfs = this.onPdf ? surface.pdfLinks() : [];
    // 1. Look (a listing page of a 预决算 column passes the gate but has no budget tables;
    //    an article whose disclosure is a PDF attachment only lists the attachment).
    if (!this.force && !surface.worthAuditing()) {
      measure('bl:look', t0);
      if (surface.live) this.observeMutations();
      if (this.pdfs.length) {
        this.ensureHost();
        this.status = 'links';
        this.draw();
      } else if (this.host) this.clear();
      return;
    }
    measure('bl:look', t0);
    if (++this.runs > MAX_RUNS) return;
    // "Working" is said at once where our overlay is already up; on a first audit only once it
    // takes long enough to notice: drawn earlier, the page would render a frame for it while we
    // read (measured: 20–90 ms more to the overlay on the largest fixture page).
    this.status = 'working';
    let working: number | undefined;
    if (this.host) this.draw();
    else working = window.setTimeout(() => this.status === 'working' && (this.ensureHost(), this.draw()), WORKING_AFTER_MS);

    // 2. Read the document, registering where everything is.
    const t1 = performance.now();
    try {
      await pause();
      this.raw = await surface.read(pause);
    } catch (e) {
      window.clearTimeout(working);
      this.fail(e);
      return;
    }
    measure('bl:extract', t1);

    // 3. Analyse in the background.
    const analysed = await this.analyse();
    window.clearTimeout(working);
    if (!analysed) return;
    // 4. Draw; 5. follow the page.
    await pause();
    const t3 = performance.now();
    this.ensureHost();
    // Measuring where the marks go and drawing them are two tasks (each well under 50 ms).
    this.place();
    await pause();
    this.draw();
    measure('bl:draw', t3);
    measure('bl:task', taskStart);
    if (gateStart !== undefined) {
      requestAnimationFrame(() => {
        measure('bl:overlay-visible', gateStart);
      });
    }
    if (surface.live) this.observeMutations();
    this.followLayout();
  }

  private ensureHost(): void {
    if (this.host) return;
    const { host, root } = createHost(document);
    this.host = host;
    this.root = root;
  }

  private async analyse(): Promise<boolean> {
    const t2 = performance.now();
    let response: { ok?: boolean; report?: unknown; error?: string; ms?: number; parseMs?: number; timeline?: { warm?: [number, number]; received?: number; done?: number } } | undefined;
    // The reader's choices are read while the background works (not after it).
    const choices = loadChoices();
    try {
      // Handing the document to the channel (serialising a few hundred KB) is a task of its own.
      await pause();
      const sent = browser.runtime.sendMessage({ type: 'bl:analyze', raw: this.raw, lang: this.lang });
      measure('bl:task', taskStart);
      response = await sent;
      taskStart = performance.now();
    } catch (e) {
      this.fail(e);
      return false;
    }
    measure('bl:analyse', t2);
    if (typeof response?.ms === 'number') {
      try {
        performance.measure('bl:engine', { start: t2, duration: response.ms });
        if (typeof response.parseMs === 'number') performance.measure('bl:sw-parse', { start: t2, duration: response.parseMs });
        // The background's wall clock on this page's timeline (both clocks are the system's).
        const at = (epoch: number) => epoch - performance.timeOrigin;
        const tl = response.timeline;
        if (tl?.warm && tl.warm[0] >= performance.timeOrigin) performance.measure('bl:sw-warm', { start: at(tl.warm[0]), end: at(tl.warm[1]) });
        if (tl?.received) performance.measure('bl:sw-send', { start: t2, end: at(tl.received) });
        if (tl?.done) performance.measure('bl:sw-reply', { start: at(tl.done), end: performance.now() });
      } catch {
        // optional
      }
    }
    if (!response?.ok) {
      this.fail(response?.error ?? 'no answer from the extension');
      return false;
    }
    const t4 = performance.now();
    const parsed = await validateReport(response.report, pause);
    measure('bl:validate', t4);
    if (!parsed.success) {
      this.fail(`malformed report: ${parsed.error}`);
      return false;
    }
    const report = parsed.data;
    this.full = report;
    this.embed = undefined;
    this.byId = new Map(report.checks.map((c) => [c.id, c]));
    this.choices = await choices;
    this.watchChoices();
    this.applyChoices();
    this.status = 'done';
    this.error = undefined;
    const s = strings(this.lang);
    this.notes = [];
    if (report.issues.some((i) => i.code === 'cells-truncated')) this.notes.push(`${s.stopped}${MAX_CELLS.toLocaleString('en')} cells`);
    // what kept a file (a PDF, a workbook) from being read whole
    for (const i of report.issues) if (/^(?:pdf-|sheet-unreadable$|sheets-hidden$|no-sheets$)/.test(i.code)) this.notes.push(i.message);
    if (report.summary.tablesRecognised === 0) this.notes.push(s.noTables);
    return true;
  }

  private fail(e: unknown): void {
    this.status = 'error';
    this.error = e instanceof Error ? e.message : String(e);
    this.ensureHost();
    this.draw();
  }

  private clear(): void {
    this.report = undefined;
    this.marks = undefined;
    this.host?.remove();
    this.host = undefined;
  }

  // ── 4. placing marks ──────────────────────────────────────────────────────────────

  /** Measure where each mark goes. Reads layout only; writes nothing to the page. */
  private place(): void {
    const marks = this.marks;
    // The marks' layer sits at the host's top left corner (style.ts): the host's box is its origin.
    if (!marks || !this.host) return;
    const origin = this.host.getBoundingClientRect();
    const surface = this.surface;
    const out: Layout = { tables: [], cells: [], totals: [], texts: [], unplaced: 0, capped: 0 };
    const first = (path: string | undefined) => (path ? surface.boxes(path, origin)[0] : undefined);
    for (const t of marks.tables) {
      const box = first(t.path);
      if (box) out.tables.push({ t, box });
    }
    for (const m of marks.cells) {
      if (out.cells.length >= MAX_MARKS) {
        out.capped++;
        continue;
      }
      const box = first(m.path);
      if (box) out.cells.push({ m, box });
      else out.unplaced++;
    }
    for (const m of marks.totals) {
      if (out.totals.length >= MAX_MARKS) {
        out.capped++;
        continue;
      }
      const box = first(m.path);
      if (!box) continue;
      // Room on the left of a right-aligned figure for "Σ 1,234.56 ✓"?
      const label = `Σ ${m.expected ?? ''} ✓`;
      out.totals.push({ m, box, compact: surface.freeWidth(m.path) < label.length * 6 + 12 });
    }
    for (const m of marks.texts) {
      if (out.texts.length >= MAX_MARKS) {
        out.capped++;
        continue;
      }
      const boxes = surface.numberBoxes(m, origin);
      if (boxes.length === 0) {
        out.unplaced++;
        continue;
      }
      // The finding that tests this figure, for its printed and recomputed values.
      const check = m.findings.map((id) => this.byId.get(id)).find((c) => c?.verdict === m.verdict && c.where.some((w) => w.role === 'stated' && w.claim === m.claim));
      out.texts.push({ m, boxes, check });
    }
    this.layout = out;
  }

  private draw(): void {
    if (!this.root || !this.host) return;
    keepHost(document, this.host);
    const s = strings(this.lang);
    const listedAll = this.listed();
    const notes = [...this.notes];
    if (this.layout.capped > 0) notes.push(s.shown(MAX_MARKS, MAX_MARKS + this.layout.capped));
    const state: ViewState = {
      s,
      status: this.status,
      error: this.error,
      notes,
      summary: this.report?.summary,
      expanded: this.expanded,
      showMarks: this.showMarks,
      filters: this.filters,
      tableFilter: this.tableFilter,
      pdfs: this.pdfs,
      listed: listedAll.slice(0, MAX_LISTED),
      listTotal: listedAll.length,
      layout: this.layout,
      card: this.card,
      highlight: this.highlight,
      embed: this.embed,
      dismissed: this.dismissed,
      hidden: this.hidden,
      rulesOff: this.choices.rulesOff.length,
      ruleTitle: (rule) => {
        try {
          return ruleTitle(rule as RuleId, this.lang) ?? rule;
        } catch {
          return rule;
        }
      },
    };
    render(overlayView(state, this.actions), this.root);
  }

  private listed(): CheckResult[] {
    const report = this.report;
    if (!report) return [];
    const inTable = this.tableFilter ? new Set(this.marks?.tables.find((t) => t.id === this.tableFilter?.id)?.findings ?? []) : undefined;
    return report.checks
      .filter((c) => this.filters[c.verdict] && (!inTable || inTable.has(c.id)))
      .sort((a, b) => VERDICT_ORDER[a.verdict] - VERDICT_ORDER[b.verdict] || SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity]);
  }

  // ── actions ───────────────────────────────────────────────────────────────────────

  private readonly actions: ViewActions = {
    toggle: () => {
      this.expanded = !this.expanded;
      this.draw();
    },
    setFilter: (v, on) => {
      this.filters = { ...this.filters, [v]: on };
      this.draw();
    },
    clearTableFilter: () => {
      this.tableFilter = undefined;
      this.draw();
    },
    showTable: (t: TableMarks) => {
      this.tableFilter = { id: t.id, label: t.tableNo ?? t.title };
      this.expanded = true;
      this.draw();
    },
    switchLang: () => {
      this.lang = this.lang === 'zh' ? 'en' : 'zh';
      this.card = undefined;
      void this.analyse().then(() => {
        this.place();
        this.draw();
      });
    },
    toggleMarks: () => {
      this.showMarks = !this.showMarks;
      this.draw();
    },
    exportAs: (kind) => void this.download(kind),
    copyEmbed: () => void this.copyEmbed(),
    open: (findings, box) => this.openCard(findings, box),
    openFinding: (id) => {
      const f = this.byId.get(id);
      if (!f) return;
      const target = f.where.find((w) => w.role === 'stated') ?? f.where[0];
      const box = target ? this.reveal(target) : null;
      this.openCard([id], box ?? this.viewportBox());
    },
    closeCard: () => {
      this.card = undefined;
      this.highlight = [];
      this.draw();
    },
    hover: (w) => {
      this.highlight = w ? this.boxesOf(w) : [];
      this.draw();
    },
    jump: (w) => {
      this.reveal(w);
    },
    auditPdf: (link) => this.onPdf?.(link),
    dismiss: (id, on) => {
      const f = this.byId.get(id);
      if (!f || !this.full) return;
      void this.saveChoices(withDismissal(this.choices, this.page(), f, on));
    },
    restore: () => {
      const dismissed = { ...this.choices.dismissed };
      delete dismissed[this.page()];
      void this.saveChoices({ rulesOff: [], dismissed });
    },
  };

  // ── the reader's choices (core/choices.ts) ─────────────────────────────────────────

  private page(): string {
    return pageKey(this.full?.document.source.url ?? location.href);
  }

  /** The shown report: the engine's, less what the reader set aside; the badge follows it. */
  private applyChoices(): void {
    if (!this.full) return;
    const applied = applyChoices(this.full, this.choices, this.page());
    const before = this.report?.summary.discrepancy;
    this.report = applied.report;
    this.dismissed = applied.dismissed;
    this.hidden = applied.hidden.length;
    this.marks = pageMarks(applied.report);
    if (this.card) this.card = { ...this.card, findings: this.card.findings.filter((f) => applied.report.checks.some((c) => c.id === f.id)) };
    if (this.card?.findings.length === 0) this.card = undefined;
    const now = applied.report.summary.discrepancy;
    if (now !== this.full.summary.discrepancy || (before !== undefined && before !== now)) {
      void browser.runtime.sendMessage({ type: 'bl:badge', discrepancies: now }).catch(() => undefined);
    }
  }

  private async saveChoices(next: Choices): Promise<void> {
    this.choices = next;
    this.applyChoices();
    this.place();
    this.draw();
    try {
      await browser.storage.local.set({ [CHOICES_KEY]: next });
    } catch {
      // No storage here: the choice holds until the page is left.
    }
  }

  /** Choices made elsewhere (the popup's checks, another tab of the same page) apply at once. */
  private watchChoices(): void {
    if (this.watchingChoices) return;
    this.watchingChoices = true;
    const listener = (changes: Record<string, { newValue?: unknown }>, area: string) => {
      if (area !== 'local' || !(CHOICES_KEY in changes) || !this.full) return;
      this.choices = readChoices(changes[CHOICES_KEY]?.newValue);
      this.applyChoices();
      this.place();
      this.draw();
    };
    try {
      browser.storage.onChanged.addListener(listener);
      this.abort.signal.addEventListener('abort', () => browser.storage.onChanged.removeListener(listener));
    } catch {
      // No storage here.
    }
  }

  private openCard(ids: string[], box: Box): void {
    const findings = ids.map((id) => this.byId.get(id)).filter((f): f is CheckResult => !!f);
    if (findings.length === 0) return;
    const layer = this.root?.querySelector('.layer');
    const origin = layer?.getBoundingClientRect();
    // Keep the card inside the viewport: beside the figure horizontally, below it, or above it
    // when there is no room below.
    // Left of the panel when the window is wide enough for both.
    const width = document.documentElement.clientWidth;
    const panel = this.expanded && width >= PANEL_WIDTH + CARD_WIDTH + 40 ? PANEL_WIDTH + 20 : 0;
    const minX = origin ? -origin.left + 8 : 0;
    const maxX = origin ? -origin.left + width - CARD_WIDTH - 10 - panel : box.x;
    const top = origin ? -origin.top : 0;
    const bottom = top + window.innerHeight;
    const below = box.y + box.h + 6;
    const y = below + CARD_HEIGHT > bottom && box.y - CARD_HEIGHT - 6 > top ? box.y - CARD_HEIGHT - 6 : below;
    this.card = { findings, x: Math.max(minX, Math.min(box.x, maxX)), y };
    this.draw();
  }

  private viewportBox(): Box {
    const origin = this.root?.querySelector('.layer')?.getBoundingClientRect();
    return { x: (origin ? -origin.left : 0) + 40, y: (origin ? -origin.top : 0) + 40, w: 0, h: 0 };
  }

  /** The page element(s) a finding's entry points at, as boxes. */
  private boxesOf(w: Where): Box[] {
    const origin = this.root?.querySelector('.layer')?.getBoundingClientRect();
    if (!origin) return [];
    const path = w.source?.path;
    if (isCellPath(path)) return this.surface.boxes(path, origin);
    const mark = w.claim ? this.marks?.texts.find((t) => t.claim === w.claim) : undefined;
    if (mark) {
      const boxes = this.surface.numberBoxes(mark, origin);
      if (boxes.length) return boxes;
    }
    return path ? this.surface.boxes(path, origin) : [];
  }

  /** Scroll the page to what an entry points at (scrolling only; nothing is restyled). */
  private reveal(w: Where): Box | null {
    const path = w.source?.path;
    if (!path || !this.surface.reveal(path)) return null;
    this.place();
    const boxes = this.boxesOf(w);
    this.highlight = boxes;
    this.draw();
    window.setTimeout(() => {
      this.highlight = [];
      this.draw();
    }, 1600);
    return boxes[0] ?? null;
  }

  private async download(kind: ExportKind): Promise<void> {
    // Exports are the engine's whole report, whatever the reader set aside.
    const report = this.full;
    if (!report) return;
    const base = `budget-lens-${report.document.year ?? ''}-${(report.document.department ?? 'page').replace(/[\\/:*?"<>|\s]+/g, '_').slice(0, 40)}`;
    let fdp = '';
    if (kind === 'fdp') {
      const got = await this.fetchDataset();
      if ('error' in got) {
        this.embed = { error: got.error };
        this.draw();
        return;
      }
      fdp = formatFdpCsv(got.dataset);
    }
    const [text, type, ext] =
      kind === 'json'
        ? [JSON.stringify(report, null, 2), 'application/json', 'json']
        : kind === 'findings'
          ? [`\ufeff${formatCsv(report)}`, 'text/csv', 'findings.csv']
          : kind === 'fdp'
            ? [`\ufeff${fdp}`, 'text/csv', 'fdp.csv']
            : [`\ufeff${formatTablesCsv(report)}`, 'text/csv', 'tables.csv'];
    const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
    const a = document.createElement('a');
    a.href = url;
    a.download = `${base}.${ext}`;
    // The link lives in our shadow root, never in the page.
    this.root?.append(a);
    a.click();
    a.remove();
    window.setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }

  /** The dataset the widgets chart, built by the background from the page as read. */
  private async fetchDataset(): Promise<{ dataset: Dataset } | { error: string }> {
    if (!this.raw) return { error: 'nothing read on this page' };
    let response: { ok?: boolean; dataset?: Dataset; error?: string } | undefined;
    try {
      response = await browser.runtime.sendMessage({ type: 'bl:dataset', raw: this.raw, lang: this.lang });
    } catch (e) {
      response = { ok: false, error: e instanceof Error ? e.message : String(e) };
    }
    return response?.ok && response.dataset ? { dataset: response.dataset } : { error: response?.error ?? 'no answer from the extension' };
  }

  /** "Copy embed code": the dataset from the background, a widget holding it inline. */
  private async copyEmbed(): Promise<void> {
    if (!this.raw) return;
    const got = await this.fetchDataset();
    if ('error' in got) {
      this.embed = { error: got.error };
      this.draw();
      return;
    }
    const text = embedSnippet(got.dataset, { lang: this.lang });
    let copied = false;
    try {
      await navigator.clipboard.writeText(text);
      copied = true;
    } catch {
      // No clipboard here (an http page, or no permission): the code is shown, selected.
    }
    this.embed = { text, copied };
    this.draw();
    if (!copied) this.root?.querySelector<HTMLTextAreaElement>('textarea[data-bl-embed-code]')?.select();
  }

  // ── 5. following the page ─────────────────────────────────────────────────────────

  /** Mutations: new or replaced tables re-run the audit (batched, bounded); others move marks. */
  private observeMutations(): void {
    if (this.observing) return;
    this.observing = true;
    const signal = this.abort.signal;
    const since = performance.now();
    let first = 0;
    let timer = 0;
    const observer = new MutationObserver((records) => {
      if (!this.host && performance.now() - since > WAIT_FOR_TABLES_MS) {
        // Waited long enough for budget tables that never came.
        observer.disconnect();
        this.observing = false;
        return;
      }
      // Our own host is outside <body>; anything else may have changed the tables.
      if (!records.some((r) => r.addedNodes.length > 0 || r.removedNodes.length > 0)) return;
      const now = performance.now();
      if (!first) first = now;
      window.clearTimeout(timer);
      const wait = Math.max(0, Math.min(QUIET_MS, MAX_WAIT_MS - (now - first)));
      timer = window.setTimeout(() => {
        first = 0;
        if (this.surface.tableCount() !== this.tableCount || this.layoutLost()) void this.start({});
        else this.schedulePlace();
      }, wait);
    });
    observer.observe(document.body ?? document.documentElement, { childList: true, subtree: true });
    signal.addEventListener('abort', () => {
      observer.disconnect();
      window.clearTimeout(timer);
    });
  }

  /** Layout: marks follow resize, zoom, fonts, and scrolling inside inner boxes. */
  private followLayout(): void {
    this.resizes?.disconnect();
    const signal = this.abort.signal;
    const onChange = () => this.schedulePlace();
    if (!this.following) {
      this.following = true;
      window.addEventListener('resize', onChange, { passive: true, signal });
      // Tables inside scrolling boxes: scroll events do not bubble, but they can be captured.
      document.addEventListener('scroll', (e) => e.target !== document && onChange(), { capture: true, passive: true, signal });
      void document.fonts?.ready.then(onChange);
      signal.addEventListener('abort', () => this.resizes?.disconnect());
    }
    // A ResizeObserver reports every target once when it starts observing: nothing has moved yet.
    let started = false;
    const ro = new ResizeObserver(() => (started ? onChange() : (started = true)));
    for (const el of this.surface.resizeTargets()) ro.observe(el);
    this.resizes = ro;
  }

  /** Some audited table left the page (a script replaced the content). */
  private layoutLost(): boolean {
    const origin = this.root?.querySelector('.layer')?.getBoundingClientRect();
    if (!origin) return false;
    return (this.marks?.tables ?? []).some((t) => t.path && this.surface.boxes(t.path, origin).length === 0);
  }

  private schedulePlace(): void {
    if (this.frame || !this.host) return;
    this.frame = requestAnimationFrame(() => {
      this.frame = 0;
      this.place();
      if (this.card) this.card = { ...this.card };
      this.draw();
    });
  }
}
