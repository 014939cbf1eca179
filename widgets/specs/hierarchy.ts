/**
 * The treemap and the sunburst, written in Vega (Vega-Lite has no hierarchy layouts). Data: a
 * flat list of items under one root (`parent: 'root'`), each with `value`, `label` (the amount
 * as read), `shareLabel` and `flagged` (an item involved in a discrepancy: a dashed red
 * outline); the sunburst's items may have children of their own (`parent` = their code).
 */
export const OKABE_ITO = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442', '#999999'];
/** Text on each colour above: black or white, whichever reads. */
const INK = ['#ffffff', '#111111', '#111111', '#111111', '#111111', '#111111', '#111111', '#111111'];

export interface HierarchyDatum {
  id: string;
  parent: string | null;
  name: string;
  value?: number;
  label?: string;
  shareLabel?: string;
  flagged?: boolean;
  drill?: boolean;
}

const TOOLTIP = "{'·': datum.name, '¥': datum.label, '%': datum.shareLabel}";

export function treemapSpec(values: HierarchyDatum[], width: number, height: number): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width,
    height,
    padding: 0,
    autosize: 'none',
    data: [
      {
        name: 'tree',
        values,
        transform: [
          { type: 'stratify', key: 'id', parentKey: 'parent' },
          { type: 'treemap', field: 'value', sort: { field: 'value' }, round: true, method: 'squarify', ratio: 1.4, size: [{ signal: 'width' }, { signal: 'height' }] },
        ],
      },
      { name: 'items', source: 'tree', transform: [{ type: 'filter', expr: 'datum.parent' }] },
    ],
    scales: [
      { name: 'color', type: 'ordinal', domain: { data: 'items', field: 'id', sort: true }, range: OKABE_ITO },
      { name: 'ink', type: 'ordinal', domain: { data: 'items', field: 'id', sort: true }, range: INK },
    ],
    marks: [
      {
        type: 'rect',
        name: 'cells',
        // The SVG is one image named by the chart's description; the legend buttons are the controls.
        aria: false,
        from: { data: 'items' },
        encode: {
          enter: { cursor: { signal: "datum.drill ? 'pointer' : 'default'" }, tooltip: { signal: TOOLTIP } },
          update: {
            x: { field: 'x0' },
            y: { field: 'y0' },
            x2: { field: 'x1' },
            y2: { field: 'y1' },
            fill: { scale: 'color', field: 'id' },
            stroke: { signal: "datum.flagged ? '#b91c1c' : '#ffffff'" },
            strokeWidth: { signal: 'datum.flagged ? 4 : 1.5' },
            strokeDash: { signal: 'datum.flagged ? [8, 4] : [1, 0]' },
          },
        },
      },
      {
        type: 'text',
        from: { data: 'items' },
        interactive: false,
        aria: false,
        encode: {
          update: {
            x: { signal: 'datum.x0 + 8' },
            y: { signal: 'datum.y0 + 18' },
            fill: { scale: 'ink', field: 'id' },
            fontSize: { value: 13 },
            lineHeight: { value: 17 },
            limit: { signal: 'datum.x1 - datum.x0 - 12' },
            text: { signal: "(datum.x1 - datum.x0) > 60 && (datum.y1 - datum.y0) > 40 ? [datum.name, datum.label, datum.shareLabel] : ((datum.x1 - datum.x0) > 40 && (datum.y1 - datum.y0) > 20 ? datum.shareLabel : '')" },
          },
        },
      },
    ],
  };
}

export function sunburstSpec(values: HierarchyDatum[], size: number): Record<string, unknown> {
  return {
    $schema: 'https://vega.github.io/schema/vega/v6.json',
    width: size,
    height: size,
    padding: 0,
    autosize: 'none',
    data: [
      {
        name: 'tree',
        values,
        transform: [
          { type: 'stratify', key: 'id', parentKey: 'parent' },
          { type: 'partition', field: 'value', sort: { field: 'value' }, size: [{ signal: '2 * PI' }, { signal: `${size / 2}` }], as: ['a0', 'r0', 'a1', 'r1', 'depth', 'children'] },
        ],
      },
      { name: 'rings', source: 'tree', transform: [{ type: 'filter', expr: 'datum.parent' }] },
    ],
    scales: [{ name: 'color', type: 'ordinal', domain: { data: 'rings', field: 'top', sort: true }, range: OKABE_ITO }],
    marks: [
      {
        type: 'arc',
        name: 'cells',
        aria: false,
        from: { data: 'rings' },
        encode: {
          enter: { x: { signal: 'width / 2' }, y: { signal: 'height / 2' }, cursor: { signal: "datum.drill ? 'pointer' : 'default'" }, tooltip: { signal: TOOLTIP } },
          update: {
            startAngle: { field: 'a0' },
            endAngle: { field: 'a1' },
            innerRadius: { field: 'r0' },
            outerRadius: { field: 'r1' },
            fill: { scale: 'color', field: 'top' },
            fillOpacity: { signal: 'datum.depth > 1 ? 0.6 : 1' },
            stroke: { signal: "datum.flagged ? '#b91c1c' : '#ffffff'" },
            strokeWidth: { signal: 'datum.flagged ? 4 : 1' },
          },
        },
      },
    ],
  };
}
