/**
 * The overlay's stylesheet, adopted by its shadow root (a constructed sheet: no <style> element
 * for a page's CSP to refuse). The host element itself is styled inline with !important
 * (see host.ts), so the page's global CSS cannot hide, move or resize it.
 */
export const OVERLAY_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.layer { position: absolute; left: 0; top: 0; width: 0; height: 0; pointer-events: none;
  font: 12px/1.4 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #111; }
.mark { position: absolute; pointer-events: none; border-radius: 2px; }
.mark.discrepancy { outline: 2px solid #dc2626; background: rgba(220, 38, 38, .10); }
.mark.rounding { outline: 1px dashed #d97706; background: rgba(217, 119, 6, .06); }
.mark.ok { border-bottom: 2px solid #16a34a; }
.mark.undecided { border-bottom: 2px dotted #6b7280; }
.mark.text.discrepancy { outline: none; background: rgba(220, 38, 38, .16); border-bottom: 2px solid #dc2626; }
.mark.text.rounding { outline: none; background: rgba(217, 119, 6, .10); border-bottom: 2px dashed #d97706; }
.mark.text.operand { border-bottom: 2px dotted #2563eb; }
.mark.flash { animation: bl-flash 1.2s ease-out 2; }
@keyframes bl-flash { 50% { box-shadow: 0 0 0 6px rgba(37, 99, 235, .45); } }
.badge { position: absolute; pointer-events: auto; cursor: pointer; border: 0; margin: 0; padding: 0 4px;
  min-width: 16px; height: 16px; border-radius: 8px; font: 600 11px/16px system-ui, sans-serif; color: #fff; background: #dc2626; }
.badge.rounding { background: #d97706; }
.badge.ok { background: #16a34a; }
.badge.undecided { background: #6b7280; }
.badge:focus-visible { outline: 2px solid #2563eb; outline-offset: 1px; }
.total { position: absolute; pointer-events: auto; cursor: pointer; white-space: nowrap; padding: 0 4px; border-radius: 3px;
  font: 10px/14px system-ui, sans-serif; color: #14532d; background: rgba(220, 252, 231, .92); border: 1px solid #86efac; }
.table-summary { position: absolute; pointer-events: auto; cursor: pointer; white-space: nowrap; padding: 1px 8px; border-radius: 4px 4px 0 0;
  font: 12px/18px system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; color: #111; background: #f8fafc; border: 1px solid #94a3b8; border-bottom: 0; }
.table-summary.has-discrepancy { background: #fef2f2; border-color: #dc2626; color: #7f1d1d; }
.highlight { position: absolute; pointer-events: none; outline: 3px solid #2563eb; background: rgba(37, 99, 235, .15); border-radius: 2px; }
.panel { position: fixed; z-index: 1; right: 12px; bottom: 12px; width: 420px; max-width: calc(100vw - 24px); max-height: 70vh; display: flex; flex-direction: column;
  pointer-events: auto; background: #fff; color: #111; border: 1px solid #94a3b8; border-radius: 8px; box-shadow: 0 6px 24px rgba(0, 0, 0, .18);
  font: 13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.panel.collapsed { width: auto; }
.summary { display: flex; gap: 8px; align-items: center; padding: 6px 10px; cursor: pointer; border: 0; background: transparent; font: inherit; color: inherit; text-align: left; }
.summary .name { font-weight: 700; }
.count { white-space: nowrap; }
.count.discrepancy { color: #b91c1c; font-weight: 700; }
.count.rounding { color: #b45309; }
.count.ok { color: #15803d; }
.count.undecided { color: #4b5563; }
.tools { display: flex; flex-wrap: wrap; gap: 6px; align-items: center; padding: 4px 10px 6px; border-top: 1px solid #e2e8f0; }
.tools label { display: inline-flex; gap: 3px; align-items: center; cursor: pointer; }
button.tool { font: inherit; font-size: 12px; padding: 1px 8px; border: 1px solid #94a3b8; border-radius: 4px; background: #f8fafc; color: #111; cursor: pointer; }
button.tool:hover { background: #e2e8f0; }
.pdfs { padding: 4px 10px 6px; border-top: 1px solid #e2e8f0; }
.pdfs-title { color: #475569; margin-bottom: 2px; }
.pdf { display: flex; gap: 8px; align-items: center; justify-content: space-between; padding: 2px 0; }
.pdf-name { overflow: hidden; text-overflow: ellipsis; white-space: nowrap; max-width: 260px; }
.note { padding: 4px 10px; color: #92400e; background: #fffbeb; border-top: 1px solid #fde68a; }
.note.embed textarea { display: block; box-sizing: border-box; width: 100%; margin: 4px 0; font: 11px/1.4 ui-monospace, monospace; color: #111827; background: #fff; border: 1px solid #d1d5db; resize: vertical; }
.note.error { color: #7f1d1d; background: #fef2f2; border-color: #fecaca; }
.list { overflow: auto; border-top: 1px solid #e2e8f0; margin: 0; padding: 0; list-style: none; }
.item { padding: 6px 10px; border-bottom: 1px solid #f1f5f9; cursor: pointer; }
.item:hover, .item:focus-visible { background: #f8fafc; outline: none; }
.item .rule { font-weight: 600; }
.item.discrepancy .rule { color: #b91c1c; }
.item.rounding .rule { color: #b45309; }
.item.undecided .rule { color: #4b5563; }
.item.ok .rule { color: #15803d; }
.item .msg { color: #334155; overflow-wrap: anywhere; }
.card { position: absolute; z-index: 2; width: 400px; max-width: calc(100vw - 24px); max-height: 380px; overflow: auto; pointer-events: auto; background: #fff; color: #111;
  border: 1px solid #64748b; border-radius: 8px; box-shadow: 0 8px 28px rgba(0, 0, 0, .22); padding: 10px 12px;
  font: 13px/1.5 system-ui, "PingFang SC", "Microsoft YaHei", "WenQuanYi Micro Hei", sans-serif; }
.card h3 { margin: 0 24px 6px 0; font-size: 14px; }
.card .close { position: absolute; right: 6px; top: 4px; border: 0; background: transparent; font-size: 18px; cursor: pointer; color: #475569; }
.card p { margin: 4px 0; overflow-wrap: anywhere; }
.card dl { display: grid; grid-template-columns: auto 1fr; gap: 2px 10px; margin: 6px 0; }
.card dt { color: #475569; }
.card dd { margin: 0; font-variant-numeric: tabular-nums; }
.card code { font: 12px/1.4 ui-monospace, monospace; white-space: pre-wrap; overflow-wrap: anywhere; }
.card ul { margin: 4px 0 0; padding: 0; list-style: none; }
.card li { padding: 2px 4px; border-radius: 3px; cursor: pointer; display: flex; justify-content: space-between; gap: 8px; }
.card li:hover { background: #dbeafe; }
.card li .v { font-variant-numeric: tabular-nums; white-space: nowrap; }
.card .finding + .finding { border-top: 1px solid #e2e8f0; margin-top: 8px; padding-top: 8px; }
`;
