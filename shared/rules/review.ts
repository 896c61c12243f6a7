// review/*: a cadence on every goal and objective, often enough, and check-ins that keep to it.
import { idKey } from '../tree.js';
import type { PlanItem, Status } from '../types.js';
import type { RuleContext, RowFindings } from './context.js';
import { dayText, itemLabel, plural, quote } from './text.js';

/** "A review date within two weeks" (seed 000). */
const MAX_REVIEW_DAYS = 14;
const CADENCES = 'weekly, biweekly, every 2 weeks, monthly, quarterly, every N days/weeks/months';
const UNDER_WAY: ReadonlySet<Status> = new Set<Status>(['On track', 'At risk', 'Off track']);
const AT_REST: ReadonlySet<Status> = new Set<Status>(['Done', 'Dropped', 'Paused']);

export function checkReview(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const review = item.review;
  if (review.state === 'invalid') {
    out.add(
      'review/no-cadence',
      'warning',
      `Review ${quote(review.text)} is not a cadence Cascade can read.`,
      `Use one of: ${CADENCES}.`,
      'review',
    );
    return;
  }
  if (ctx.rank[item.index] < 0) return;
  const finished = item.status === 'Done' || item.status === 'Dropped';

  if (review.state === 'blank') {
    if ((item.level === 'Goal' || item.level === 'Objective') && !finished) {
      out.add(
        'review/no-cadence',
        'warning',
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
    return;
  }

  const cadence = review.value;
  const measuredOften = item.level === 'Key Result' || (item.level === 'Objective' && ctx.framework.id === 'project');
  if (measuredOften && !finished && cadence.days > MAX_REVIEW_DAYS) {
    out.add(
      'review/too-rare',
      'warning',
      `Review ${quote(cadence.text)} is slower than every two weeks for this ${item.level}.`,
      'Review it at least every two weeks ("weekly" or "biweekly"), so a slip shows while there is time to act.',
      'review',
    );
  }

  if (item.status !== null && AT_REST.has(item.status)) return;
  const stale = staleness(ctx, item, cadence.days);
  if (stale !== null) {
    out.add(
      'review/stale',
      'warning',
      `${stale} Review is ${quote(cadence.text)} (every ${plural(cadence.days, 'day')}).`,
      `Update Current or Status, and set Last check-in to the date of the update (today: ${dayText(ctx.today)}).`,
      'lastCheckIn',
    );
  }
}

/** Why the row's check-ins are behind its cadence (the message's first sentence), or null. */
function staleness(ctx: RuleContext, item: PlanItem, periodDays: number): string | null {
  const last = item.lastCheckIn;
  const logged = last.state === 'blank' ? ctx.lastCheckIns?.get(idKey(item.id)) : undefined;
  if (last.state === 'ok' || logged !== undefined) {
    const day = last.state === 'ok' ? last.value : logged!;
    const age = ctx.today - day;
    const where = last.state === 'ok' ? '' : ' (in the Check-ins history)';
    return age > periodDays ? `Last check-in${where} ${dayText(day)} was ${plural(age, 'day')} ago, longer than a review period.` : null;
  }
  if (last.state === 'invalid') return null; // time-bound/bad-date says it
  if (item.status !== null && UNDER_WAY.has(item.status)) {
    return `There is no Last check-in, though Status says ${quote(item.status)}.`;
  }
  const start = ctx.tree.startDate[item.index];
  if (item.status === 'Not started' || start === null || ctx.today - start <= periodDays) return null;
  return `There is no Last check-in, though it started on ${dayText(start)}.`;
}
