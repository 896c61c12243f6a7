import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel, quote } from '../text.js';

const CADENCES = 'weekly, biweekly, every 2 weeks, monthly, quarterly, every N days/weeks/months';

export const meta = defineMeta({
  id: 'review/no-cadence',
  severity: 'warning',
  label: 'no review cadence',
  description: 'a Goal or Objective has no Review cadence',
  appliesTo: 'Goal and Objective (not Done or Dropped); and any row whose Review cannot be read',
  fix: 'Set Review to a cadence: weekly, biweekly, every 2 weeks, monthly, quarterly, every N days/weeks/months.',
  docs: `- **Fires when** Review is blank ("no review cadence is where progress quietly dies"), or is text
  Cascade cannot read as a cadence ("whenever").
- **Fix:** set Review: \`monthly\` or \`quarterly\` for a Goal, \`weekly\` or \`biweekly\` for an Objective.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const review = item.review;
  if (review.state === 'invalid') {
    out.add(
      meta,
      `Review ${quote(review.text)} is not a cadence Cascade can read.`,
      `Use one of: ${CADENCES}.`,
      'review',
    );
    return;
  }
  if (review.state !== 'blank' || ctx.rank[item.index] < 0) return;
  if (item.level !== 'Goal' && item.level !== 'Objective') return;
  if (item.status === 'Done' || item.status === 'Dropped') return;
  out.add(
    meta,
    `${itemLabel(item)} has no Review cadence, so nobody is due to look at its progress.`,
    out.fill(
      'review',
      item.level === 'Goal'
        ? 'Set Review to "monthly" or "quarterly", the rhythm of a business review.'
        : 'Set Review to "weekly" or "biweekly", so a slip shows before the deadline.',
    ),
    'review',
  );
}
