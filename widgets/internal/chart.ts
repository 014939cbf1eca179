/**
 * Vega in the widgets: parsed with `ast: true` and run by the expression interpreter (no eval:
 * strict-CSP host pages), rendered to SVG. Exports: PNG and SVG of the chart as shown.
 */
import { View, parse } from 'vega';
import { expressionInterpreter } from 'vega-interpreter';

export interface Chart {
  view: View;
  finalize(): void;
}

export interface ChartOptions {
  /** Data for the spec's `table` dataset (compiled Vega-Lite specs). */
  values?: unknown[];
  /** The value axis's unit (its title), for the compiled bar specs. */
  unit?: string;
  /** What the chart shows, in words (the SVG's accessible name). */
  description?: string;
  onClick?: (datum: Record<string, unknown>) => void;
}

export async function renderChart(container: HTMLElement, spec: Record<string, unknown>, options: ChartOptions = {}): Promise<Chart> {
  const s = structuredClone(spec) as { data?: { name: string; values?: unknown[] }[]; description?: string; axes?: { scale?: string; grid?: boolean; title?: unknown }[] };
  if (options.values) for (const d of s.data ?? []) if (d.name === 'table') d.values = options.values;
  // the labelled x axis (not its grid) carries the unit
  if (options.unit) for (const a of s.axes ?? []) if (a.scale === 'x' && !a.grid) a.title = options.unit;
  if (options.description) s.description = options.description;
  const runtime = parse(s as never, undefined, { ast: true });
  const view = new View(runtime, { expr: expressionInterpreter as never, renderer: 'svg', container, hover: true });
  if (options.onClick) {
    view.addEventListener('click', (_event, item) => {
      const datum = (item as { datum?: Record<string, unknown> } | null | undefined)?.datum;
      if (datum) options.onClick?.(datum);
    });
  }
  await view.runAsync();
  // The SVG is an image named by the chart's description (Vega writes it as aria-label).
  const svg = container.querySelector('svg');
  if (svg && options.description) svg.setAttribute('aria-label', options.description);
  return { view, finalize: () => view.finalize() };
}

export async function imageUrl(chart: Chart, type: 'png' | 'svg'): Promise<string> {
  return chart.view.toImageURL(type, type === 'png' ? 2 : 1);
}

/** Several charts, one above the other, as one PNG or SVG (a widget that shows more than one). */
export async function stackedImageUrl(charts: Chart[], type: 'png' | 'svg'): Promise<string> {
  if (charts.length === 1 && charts[0]) return imageUrl(charts[0], type);
  if (type === 'png') {
    const canvases = await Promise.all(charts.map((c) => c.view.toCanvas(2)));
    const out = document.createElement('canvas');
    out.width = Math.max(0, ...canvases.map((c) => c.width));
    out.height = canvases.reduce((a, c) => a + c.height, 0);
    const g = out.getContext('2d');
    let y = 0;
    for (const c of canvases) {
      g?.drawImage(c, 0, y);
      y += c.height;
    }
    return out.toDataURL('image/png');
  }
  const svgs = await Promise.all(charts.map((c) => c.view.toSVG()));
  const size = (svg: string, attr: string) => Number(new RegExp(`<svg[^>]*\\s${attr}="([\\d.]+)"`).exec(svg)?.[1] ?? 0);
  let y = 0;
  const parts = svgs.map((svg) => {
    const part = svg.replace(/^<svg /, `<svg x="0" y="${y}" `);
    y += size(svg, 'height');
    return part;
  });
  const width = Math.max(0, ...svgs.map((svg) => size(svg, 'width')));
  const text = `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" version="1.1" width="${width}" height="${y}" viewBox="0 0 ${width} ${y}">${parts.join('')}</svg>`;
  return `data:image/svg+xml;charset=utf-8,${encodeURIComponent(text)}`;
}
