// The SMART check: every rule of rules.md (catalog in shared/rules/catalog.ts), one pass over the rows.
import { RULE_ORDER } from './rules/catalog.js';
import { buildContext, RowFindings, type ItemRule } from './rules/context.js';
import { checkAchievable } from './rules/achievable.js';
import { checkCount } from './rules/count.js';
import { checkMeasurable } from './rules/measurable.js';
import { checkOwner } from './rules/owner.js';
import { checkNumbers, checkOverdue } from './rules/progress.js';
import { checkRelevant } from './rules/relevant.js';
import { checkReview } from './rules/review.js';
import { checkSpecific } from './rules/specific.js';
import { checkStructure } from './rules/structure.js';
import { checkDates, checkDeadlines } from './rules/time-bound.js';
import type { CheckOptions, Finding, Plan } from './types.js';

export { RULES, RULE_BY_ID, type RuleMeta } from './rules/catalog.js';
export { CHECK_OK, checkSummary, checkSummaries, countFindings } from './summary.js';

const ALL_RULES: readonly ItemRule[] = [
  checkStructure,
  checkRelevant,
  checkSpecific,
  checkMeasurable,
  checkDates,
  checkDeadlines,
  checkAchievable,
  checkOwner,
  checkReview,
  checkCount,
  checkNumbers,
  checkOverdue,
];
/** A Dropped row is out of the plan: only its structure and unreadable cells are reported. */
const DROPPED_RULES: readonly ItemRule[] = [checkStructure, checkDates, checkNumbers];

const byRuleOrder = (a: Finding, b: Finding): number => RULE_ORDER[a.rule] - RULE_ORDER[b.rule];

/**
 * Every finding of the plan, sorted by row, errors before warnings within a row, then in catalog
 * order. Never throws on bad cells: they are findings. Linear in the number of rows.
 */
export function checkPlan(plan: Plan, options: CheckOptions): Finding[] {
  const ctx = buildContext(plan, options.today, options.lastCheckIns);
  const row = new RowFindings(ctx);
  const findings: Finding[] = [];
  let inRowOrder = true;
  let lastRow = -Infinity;
  for (const item of plan.items) {
    row.start(item);
    for (const rule of item.status === 'Dropped' ? DROPPED_RULES : ALL_RULES) rule(ctx, item, row);
    if (row.errors.length > 1) row.errors.sort(byRuleOrder);
    if (row.warnings.length > 1) row.warnings.sort(byRuleOrder);
    for (const finding of row.errors) findings.push(finding);
    for (const finding of row.warnings) findings.push(finding);
    if (item.row < lastRow) inRowOrder = false;
    lastRow = item.row;
  }
  // Items come in sheet order; should an adapter hand them over otherwise, sort (stably) by row.
  if (!inRowOrder) findings.sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  return findings;
}
