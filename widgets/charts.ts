/** Every widget (Lit + Vega): what the loader brings in when a chart is on the page. */
export { BlSpendingStructure } from './bl-spending-structure/bl-spending-structure.ts';
export { BlSpendingMix } from './bl-spending-mix/bl-spending-mix.ts';
export { BlCompare } from './bl-compare/bl-compare.ts';
export { BlAuditBadge } from './bl-audit-badge/bl-audit-badge.ts';
export { BlFindings } from './bl-findings/bl-findings.ts';
