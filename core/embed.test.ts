import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseHTML } from 'linkedom';
import { embedSnippet, inlineJson } from './embed.ts';
import { Dataset } from './model/dataset.ts';

const dataset = Dataset.parse(JSON.parse(readFileSync('data/datasets/donghu-hrss-2023-final.json', 'utf8')));

describe('embed code', () => {
  it('should keep JSON that holds markup inside its script element, and read back unchanged', () => {
    const hostile = { ...dataset, document: { ...dataset.document, department: '</script><script>alert(1)</script><!-- x' } };
    const text = inlineJson(hostile);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(hostile);
    const { document } = parseHTML(`<!doctype html><html><body>${embedSnippet(hostile)}</body></html>`);
    expect(document.querySelectorAll('script').length).toBe(2);
    const inline = document.querySelector('bl-spending-structure > script[type="application/json"]');
    expect(JSON.parse(inline?.textContent ?? '')).toEqual(hostile);
  });

  it('should name the widget, the language and the loader asked for', () => {
    const text = embedSnippet(dataset, { widget: 'bl-findings', lang: 'en', script: 'https://example.org/w/budget-lens-widgets.js?a=1&b="2"' });
    const { document } = parseHTML(`<!doctype html><html><body>${text}</body></html>`);
    expect(document.querySelector('script[src]')?.getAttribute('src')).toBe('https://example.org/w/budget-lens-widgets.js?a=1&b="2"');
    expect(document.querySelector('bl-findings')?.getAttribute('lang')).toBe('en');
    expect(text.split('\n')[0]).toMatch(/^<!-- 预决算透镜 Budget Lens: .*2023 决算.* -->$/);
  });
});
