// The SMART check: every rule module of shared/rules (one per rule), one pass over the rows.
import { buildContext, RowFindings } from './rules/context.js';
import { RULE_MODULES, RULE_ORDER } from './rules/index.js';
import type { RuleCheck } from './rules/meta.js';
import type { CheckOptions, Finding, Plan } from './types.js';

export { RULES, RULE_BY_ID, RULE_FAMILIES, type RuleInfo as RuleMeta } from './rules/index.js';
export { CHECK_OK, checkSummary, checkSummaries, countFindings, findingsByRow } from './summary.js';

const ALL_RULES: readonly RuleCheck[] = RULE_MODULES.map((rule) => rule.check);
/** A Dropped row is out of the plan: only its structure and unreadable cells are reported. */
const DROPPED_RULES: readonly RuleCheck[] = RULE_MODULES.filter((rule) => rule.meta.onDroppedRows === true).map(
  (rule) => rule.check,
);

const byRuleOrder = (a: Finding, b: Finding): number => RULE_ORDER[a.rule] - RULE_ORDER[b.rule];

/**
 * Every finding of the plan: first the plan-wide ones (on the header row, with the `rows` they
 * concern: a column the plan lacks, placeholders in a column), then by row, errors before
 * warnings within a row, then in catalog order. Never throws on bad cells: they are findings.
 * Linear in the number of rows.
 */
export function checkPlan(plan: Plan, options: CheckOptions): Finding[] {
  const findings: Finding[] = [];
  const rows = checkRows(plan, options);
  let next = rows.next();
  for (; !next.done; next = rows.next()) for (const finding of next.value) findings.push(finding);
  // Items come in sheet order; should an adapter hand them over otherwise, sort (stably) by row.
  if (!itemsInRowOrder(plan))
    findings.sort((a, b) => a.row - b.row || (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1));
  const planWide = next.value;
  return planWide.length === 0 ? findings : [...planWide, ...findings];
}

/** True when the items come in sheet order (as every reader hands them over): then checkRows yields findings by row. */
export function itemsInRowOrder(plan: Plan): boolean {
  for (let i = 1; i < plan.items.length; i++) if (plan.items[i].row < plan.items[i - 1].row) return false;
  return true;
}

/**
 * The check one item at a time, so that a large plan's findings need not all be held at once:
 * yields each item's findings (errors before warnings, then in catalog order) in item order,
 * skipping items without any, and returns the plan-wide findings, which are known only once
 * every row is seen (checkPlan puts them first).
 */
export function checkRows(plan: Plan, options: CheckOptions): Generator<Finding[], Finding[], undefined> {
  return rowChecker(plan, options)();
}

/**
 * checkRows, to be run more than once (a report that finds the plan-wide findings first, then
 * writes the rows' as they are made again): what every rule looks at is computed once.
 */
export function rowChecker(plan: Plan, options: CheckOptions): () => Generator<Finding[], Finding[], undefined> {
  const ctx = buildContext(plan, options.today, options.lastCheckIns);
  return function* () {
    const row = new RowFindings(ctx);
    // Indexed loops: a generator's for-of would make an iterator result per rule and row.
    for (let i = 0; i < plan.items.length; i++) {
      const item = plan.items[i];
      row.start(item);
      const rules = item.status === 'Dropped' ? DROPPED_RULES : ALL_RULES;
      for (let r = 0; r < rules.length; r++) rules[r](ctx, item, row);
      if (row.errors.length === 0 && row.warnings.length === 0) continue;
      if (row.errors.length > 1) row.errors.sort(byRuleOrder);
      if (row.warnings.length > 1) row.warnings.sort(byRuleOrder);
      yield row.errors.concat(row.warnings); // at its length: a spread would grow it as it goes
    }
    return row.planFindings((rule) => RULE_ORDER[rule]);
  };
}
