/**
 * The viewer (an extension page: `viewer.html?src=<file url>[&tab=<tab id>]`) for a PDF, a
 * workbook (.xlsx, .xls) or a Word document (.docx), told apart by their bytes. The file is
 * fetched once, for this audit only: through the page that links it when it can (the page's
 * own site, no permission needed), else by the viewer, after asking the user for permission to
 * read that one site. pdf.js runs with its worker, character maps and fonts from the extension.
 */
import * as pdfjs from 'pdfjs-dist';
import { browser } from 'wxt/browser';
import { Overlay } from '../overlay/controller.ts';
import { PdfSurface, type ViewerDocument } from './pdf-surface.ts';
import { WorkbookSurface } from './workbook-surface.ts';
import { officeKind } from '../../core/sheet/open.ts';
import { WordSurface } from './word-surface.ts';

const MAX_BYTES = 100 * 1024 * 1024;
const params = new URLSearchParams(location.search);
const src = params.get('src') ?? '';
const tab = Number(params.get('tab') ?? NaN);
const status = document.getElementById('status') as HTMLElement;
const zh = !navigator.language.toLowerCase().startsWith('en');
const t = zh
  ? { reading: '正在读取文件…', allow: (h: string) => `读取此文件需要访问 ${h} 的权限（仅此一次用途：下载此文件）。`, grant: '允许读取', failed: '无法取得此文件：', none: '没有指定要核对的文件。' }
  : { reading: 'Reading the file…', allow: (h: string) => `Reading this file needs access to ${h} (used only to download this file).`, grant: 'Allow', failed: 'Could not get this file: ', none: 'No file to audit was given.' };

function say(kind: 'info' | 'error', text: string, button?: { label: string; onClick: () => void }): void {
  const box = document.createElement('div');
  box.className = kind;
  box.dataset.viewerStatus = kind;
  box.textContent = text;
  if (button) {
    const b = document.createElement('button');
    b.textContent = button.label;
    b.addEventListener('click', button.onClick);
    box.append(document.createElement('br'), b);
  }
  status.replaceChildren(box);
}

function decode(base64: string): Uint8Array {
  const bin = atob(base64);
  const out = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i);
  return out;
}

/** The file, from the page that links it, or fetched here with the user's permission. */
async function bytes(): Promise<Uint8Array> {
  if (Number.isInteger(tab)) {
    const r = (await browser.tabs.sendMessage(tab, { type: 'bl:fetch-pdf', url: src }).catch(() => undefined)) as { ok?: boolean; base64?: string } | undefined;
    if (r?.ok && r.base64) return decode(r.base64);
  }
  const url = new URL(src);
  const origins = [`${url.protocol}//${url.hostname}/*`];
  if (params.get('grant') === 'tab') {
    // Opened from the popup for the PDF its tab shows: the click on the toolbar button
    // (activeTab) lets the extension read that tab's site, so no permission is asked for.
    const got = await download().catch(() => undefined);
    if (got) return got;
  }
  if (!(await browser.permissions.contains({ origins }))) {
    await new Promise<void>((resolve, reject) => {
      say('info', t.allow(url.hostname), {
        label: t.grant,
        onClick: () => {
          browser.permissions.request({ origins }).then((granted) => (granted ? resolve() : reject(new Error('permission refused'))), reject);
        },
      });
    });
    say('info', t.reading);
  }
  return download();
}

async function download(): Promise<Uint8Array> {
  const res = await fetch(src, { credentials: 'include' });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  const buf = await res.arrayBuffer();
  if (buf.byteLength > MAX_BYTES) throw new Error(`the file is larger than ${MAX_BYTES / 1024 / 1024} MB`);
  return new Uint8Array(buf);
}

/** A file of pdf.js shipped in the extension (modules/pdfjs-assets.ts; not in WXT's typed list). */
const asset = (path: string) => browser.runtime.getURL(path as '/viewer.html');

async function main(): Promise<void> {
  if (!src) {
    say('error', t.none);
    return;
  }
  const name = decodeURIComponent(new URL(src).pathname.split('/').pop() ?? src);
  (document.getElementById('file') as HTMLElement).textContent = name;
  const source = document.getElementById('source') as HTMLAnchorElement;
  source.href = src;
  source.textContent = src;
  document.title = `${name} · 预决算透镜`;
  say('info', t.reading);
  let data: Uint8Array;
  try {
    data = await bytes();
  } catch (e) {
    say('error', `${t.failed}${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  status.replaceChildren();
  const pages = document.getElementById('pages') as HTMLElement;
  const office = officeKind(data);
  if (office) {
    // a workbook (.xlsx, .xls): its sheets shown as tables; a Word document (.docx): its
    // paragraphs and tables; each read as the CLI reads it
    pages.classList.add(office === 'docx' ? 'word' : 'sheets');
    const meta = { url: src, name };
    const surface = office === 'docx' ? new WordSurface(data, pages, meta) : new WorkbookSurface(data, pages, meta);
    await new Overlay(surface).start({ force: true, gateStart: performance.now() });
    return;
  }
  pdfjs.GlobalWorkerOptions.workerSrc = asset('/pdfjs/pdf.worker.min.mjs');
  const load = () =>
    pdfjs.getDocument({
      data,
      cMapUrl: asset('/pdfjs/cmaps/'),
      cMapPacked: true,
      standardFontDataUrl: asset('/pdfjs/standard_fonts/'),
      wasmUrl: asset('/pdfjs/wasm/'),
      isEvalSupported: false,
    }).promise as unknown as Promise<ViewerDocument>;
  const surface = new PdfSurface(load, pdfjs.OPS as unknown as Record<string, number>, pages, { url: src, name });
  await new Overlay(surface).start({ force: true, gateStart: performance.now() });
}

void main();
