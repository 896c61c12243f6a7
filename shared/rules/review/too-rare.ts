import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { quote } from '../text.js';

/** "A review date within two weeks" (seed 000). */
const MAX_REVIEW_DAYS = 14;

export const meta = defineMeta({
  id: 'review/too-rare',
  severity: 'warning',
  label: 'reviews too rare',
  description: 'a Key Result (or project Objective) reviewed less than every two weeks',
  appliesTo: 'Objective in `project`, Key Result (not Done or Dropped)',
  fix: 'Review at least every two weeks (weekly or biweekly).',
  docs: `- **Fires when** the cadence is slower than every two weeks ("a review date within two weeks").
- **Fix:** review at least every two weeks: \`weekly\` or \`biweekly\`.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (item.review.state !== 'ok' || ctx.rank[item.index] < 0) return;
  if (item.status === 'Done' || item.status === 'Dropped') return;
  const measuredOften = item.level === 'Key Result' || (item.level === 'Objective' && ctx.framework.id === 'project');
  const cadence = item.review.value;
  if (!measuredOften || cadence.days <= MAX_REVIEW_DAYS) return;
  out.add(
    meta,
    `Review ${quote(cadence.text)} is slower than every two weeks for this ${item.level}.`,
    'Review it at least every two weeks ("weekly" or "biweekly"), so a slip shows while there is time to act.',
    'review',
  );
}
