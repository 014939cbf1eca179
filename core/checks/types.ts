import type { WorkDocument } from '../normalize/document.ts';
import type { CheckResult } from '../model/schemas.ts';
import type { Lang, RuleId } from '../messages.ts';
import type { Identity } from './identity.ts';

/**
 * One check = one file. A check declares identities (judged by the common evaluator and
 * usable by the column solver) and/or produces results of its own (non-arithmetic checks).
 * Both functions are pure and must not throw on odd input; the runner isolates them anyway.
 */
export interface Check {
  id: RuleId;
  /**
   * `scope`: when given, only tables with these indices need identities (the solver asks for
   * the tables whose figures are still to be placed); ties between tables may ignore it.
   */
  identities?(work: WorkDocument, scope?: ReadonlySet<number>): Identity[];
  findings?(work: WorkDocument, lang: Lang): CheckResult[];
}
