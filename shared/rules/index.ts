// Every rule of the SMART check, one module per rule (`{ meta, check }`), in catalog order: the
// order of findings within a row (errors first) and of the docs. Rule ids, severities and the
// docs (docs/rules.md, the README's table: `npm run docs:rules`) all come from the modules' meta.
import * as achievableTimeframe from './achievable/timeframe.js';
import * as countTooMany from './count/too-many.js';
import * as measurableKrIsTask from './measurable/kr-is-task.js';
import * as measurableNoMetric from './measurable/no-metric.js';
import * as measurableNoTarget from './measurable/no-target.js';
import { ruleFamily, severityText, type RuleMeta, type RuleModule } from './meta.js';
import * as ownerMissing from './owner/missing.js';
import * as ownerShared from './owner/shared.js';
import * as planPlaceholder from './plan/placeholder.js';
import * as progressBadNumber from './progress/bad-number.js';
import * as progressOverdue from './progress/overdue.js';
import * as relevantChildless from './relevant/childless.js';
import * as relevantOrphan from './relevant/orphan.js';
import * as reviewNoCadence from './review/no-cadence.js';
import * as reviewStale from './review/stale.js';
import * as reviewTooRare from './review/too-rare.js';
import * as specificVague from './specific/vague.js';
import * as statusUnknown from './status/unknown.js';
import * as structureCycle from './structure/cycle.js';
import * as structureDuplicateId from './structure/duplicate-id.js';
import * as structureLevelOrder from './structure/level-order.js';
import * as structureMissingParent from './structure/missing-parent.js';
import * as structureUnknownLevel from './structure/unknown-level.js';
import * as timeBoundAfterParent from './time-bound/after-parent.js';
import * as timeBoundBadDate from './time-bound/bad-date.js';
import * as timeBoundNoDueDate from './time-bound/no-due-date.js';

export const RULE_MODULES = [
  structureDuplicateId,
  structureUnknownLevel,
  structureMissingParent,
  structureCycle,
  structureLevelOrder,
  relevantOrphan,
  relevantChildless,
  specificVague,
  measurableNoMetric,
  measurableNoTarget,
  measurableKrIsTask,
  timeBoundNoDueDate,
  timeBoundBadDate,
  timeBoundAfterParent,
  achievableTimeframe,
  ownerMissing,
  ownerShared,
  reviewNoCadence,
  reviewTooRare,
  reviewStale,
  countTooMany,
  progressBadNumber,
  progressOverdue,
  statusUnknown,
  planPlaceholder,
] as const;

/** A rule's stable id, `family/name`: the ids of the modules above. */
export type RuleId = (typeof RULE_MODULES)[number]['meta']['id'];

export type { RuleModule };

/** A rule's metadata with what follows from it: its family and its severity in words. */
export interface RuleInfo extends RuleMeta<RuleId> {
  /** "structure" of "structure/cycle". */
  family: string;
  /** "error", "error (Task, Tactic: warning)". */
  severityText: string;
}

/** Every rule's metadata, in catalog order. */
export const RULES: readonly RuleInfo[] = RULE_MODULES.map(({ meta }) => ({
  ...meta,
  family: ruleFamily(meta),
  severityText: severityText(meta),
}));

export const RULE_BY_ID: Readonly<Record<RuleId, RuleInfo>> = Object.fromEntries(
  RULES.map((rule) => [rule.id, rule]),
) as Record<RuleId, RuleInfo>;

/** Position of a rule in the catalog: the order of findings within one row and severity. */
export const RULE_ORDER: Readonly<Record<RuleId, number>> = Object.fromEntries(
  RULES.map((rule, i) => [rule.id, i]),
) as Record<RuleId, number>;

/** Section headings of docs/rules.md, one per family, with what the family's rules share. */
export const RULE_FAMILIES: Readonly<Record<string, { heading: string; intro?: string }>> = {
  structure: { heading: 'Structure: the cascade itself' },
  relevant: { heading: 'Relevant: every row serves something' },
  specific: { heading: 'Specific' },
  measurable: { heading: 'Measurable' },
  'time-bound': { heading: 'Time-bound' },
  achievable: { heading: 'Achievable' },
  owner: { heading: 'Owner: one name, one accountable person' },
  review: {
    heading: 'Review: a cadence, kept',
    intro:
      'Cadences Cascade reads: `weekly`, `biweekly`, `every 2 weeks`, `monthly`, `quarterly`,\n' +
      '`every N days/weeks/months`. A month counts as 30 days, a quarter as 91.',
  },
  count: { heading: 'Count' },
  progress: { heading: 'Progress' },
  status: { heading: 'Status' },
  plan: { heading: 'Plan-wide' },
};
