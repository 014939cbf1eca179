/** Helpers of the widgets' browser tests. */
import { expect } from '@esm-bundle/chai';

declare global {
  interface Window {
    axe: { run(context: Element, options?: unknown): Promise<{ violations: { id: string; help: string; nodes: unknown[] }[] }> };
  }
}

/** No accessibility violation (axe-core, WCAG 2 A/AA rules) inside the element, shadow root included. */
export async function expectAccessible(el: Element): Promise<void> {
  const r = await window.axe.run(el, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa'] } });
  expect(r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).to.deep.equal([]);
}

/** A fresh element in the page, waited for until its data is in and its chart drawn. */
export async function mount<T extends HTMLElement & { updateComplete: Promise<boolean>; rendered?: Promise<void> }>(html: string): Promise<T> {
  const wrap = document.createElement('div');
  wrap.style.width = '900px';
  wrap.innerHTML = html;
  document.body.append(wrap);
  const el = wrap.firstElementChild as T;
  await until(() => !!el.shadowRoot && el.shadowRoot.childElementCount > 0 && !el.shadowRoot.querySelector('.loading'));
  await el.updateComplete;
  await el.rendered;
  return el;
}

export async function until(test: () => boolean, timeout = 10_000): Promise<void> {
  const t0 = performance.now();
  while (!test()) {
    if (performance.now() - t0 > timeout) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 20));
  }
}

export const DATA = {
  hanyang: '/data/datasets/hanyang-hr-2023-final.json',
  jianghan: '/data/datasets/jianghan-hr-2024-budget.json',
  donghu: '/data/datasets/donghu-hrss-2023-final.json',
};

/** Click a widget's download button; what it saves (the link it clicks is stopped and read). */
export async function download(root: ShadowRoot, button: string): Promise<{ name: string; type: string; text: string; size: number }> {
  let listener: (e: Event) => void = () => {};
  const saved = new Promise<{ name: string; href: string }>((resolve) => {
    listener = (e: Event) => {
      const a = e.target;
      if (!(a instanceof HTMLAnchorElement) || !a.download) return;
      e.preventDefault();
      resolve({ name: a.download, href: a.href });
    };
    root.addEventListener('click', listener, { capture: true });
  });
  const b = root.querySelector<HTMLButtonElement>(button);
  if (!b) throw new Error(`no ${button}`);
  b.click();
  const { name, href } = await saved;
  root.removeEventListener('click', listener, { capture: true });
  const blob = await (await fetch(href)).blob();
  return { name, type: blob.type, text: blob.type.startsWith('image/png') ? '' : await blob.text(), size: blob.size };
}
