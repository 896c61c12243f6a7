import { idKey } from '../../tree.js';
import type { PlanItem, Status } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { dayText, quote } from '../text.js';
import { plural } from '../../format.js';

const UNDER_WAY: ReadonlySet<Status> = new Set<Status>(['On track', 'At risk', 'Off track']);
const AT_REST: ReadonlySet<Status> = new Set<Status>(['Done', 'Dropped', 'Paused']);

export const meta = defineMeta({
  id: 'review/stale',
  severity: 'warning',
  label: 'check-in overdue',
  description: 'the last check-in is older than one review period',
  appliesTo: 'rows with a Review cadence whose Status is not Done, Dropped or Paused',
  fix: 'Update Current or Status and set Last check-in to the date of the update.',
  docs: `- **Fires when** Last check-in is older than one review period (a weekly row last checked in 11
  days ago), or Last check-in is blank while the row is under way: its Status is On track, At
  risk or Off track, or its Start date (own or inherited) is more than one period ago and its
  Status is not \`Not started\`.
- **Fix:** update Current or Status, and set Last check-in to the date of the update.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (item.review.state !== 'ok' || ctx.rank[item.index] < 0) return;
  if (item.status !== null && AT_REST.has(item.status)) return;
  const cadence = item.review.value;
  const stale = staleness(ctx, item, cadence.days);
  if (stale === null) return;
  out.add(
    meta,
    `${stale} Review is ${quote(cadence.text)} (every ${plural(cadence.days, 'day')}).`,
    `Update Current or Status, and set Last check-in to the date of the update (today: ${dayText(ctx.today)}).`,
    'lastCheckIn',
  );
}

/** Why the row's check-ins are behind its cadence (the message's first sentence), or null. */
function staleness(ctx: RuleContext, item: PlanItem, periodDays: number): string | null {
  const last = item.lastCheckIn;
  // Where Last check-in is blank, the row's latest check-in in the history counts (issue 12).
  const logged = last.state === 'blank' ? ctx.lastCheckIns?.get(idKey(item.id)) : undefined;
  if (last.state === 'ok' || logged !== undefined) {
    const day = last.state === 'ok' ? last.value : logged!;
    const age = ctx.today - day;
    const where = last.state === 'ok' ? '' : ' (in the Check-ins history)';
    return age > periodDays
      ? `Last check-in${where} ${dayText(day)} was ${plural(age, 'day')} ago, longer than a review period.`
      : null;
  }
  if (last.state === 'invalid') return null; // time-bound/bad-date says it
  if (item.status !== null && UNDER_WAY.has(item.status)) {
    return `There is no Last check-in, though Status says ${quote(item.status)}.`;
  }
  const start = ctx.tree.startDate[item.index];
  if (item.status === 'Not started' || start === null || ctx.today - start <= periodDays) return null;
  return `There is no Last check-in, though it started on ${dayText(start)}.`;
}
