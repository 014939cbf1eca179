/** The widgets without charts (badge and findings: Lit only, no Vega). */
export { BlAuditBadge } from './bl-audit-badge/bl-audit-badge.ts';
export { BlFindings } from './bl-findings/bl-findings.ts';
