import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { dayText, itemLabel } from '../text.js';
import { percentText, plural } from '../../format.js';

/** The replanning choices of seed 004, for a goal that slips. */
export const REPLAN_HINT =
  'Replan it: keep the goal and shrink the next action, reduce the scope, extend the deadline (Due date), ' +
  'or pause it (Status Paused).';

export const meta = defineMeta({
  id: 'progress/overdue',
  severity: 'warning',
  label: 'overdue',
  description: 'past due and not done; the hint offers replanning choices',
  appliesTo: 'all rows whose Status is not Done, Dropped or Paused',
  fix: 'Replan: keep the goal and shrink the next action, reduce the scope, extend the deadline, or pause it.',
  docs: `- **Fires when** the Due date (own or inherited) has passed and progress is below 100 % or
  unknown. The message says how late and how far along it is, quoting the progress the plan shows
  (its own measure, or the manual progress typed in Progress or after the Status: "was due on
  2026-04-15, 16 days ago, and is at 58%"); a roll-up whose children are partly unmeasured says
  so ("its progress is unknown (2 of 6 key results measured)").
- **Fix — replan it** (seed 004): keep the goal and shrink the next action, reduce the scope,
  extend the deadline, or pause it (Status Paused).`,
});

/** progress/overdue: the deadline has passed and the work is not done (seed 004's replanning). */
export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  if (ctx.rank[i] < 0) return;
  if (item.status === 'Done' || item.status === 'Dropped' || item.status === 'Paused') return;
  const due = ctx.tree.dueDate[i];
  if (due === null || ctx.today <= due) return;
  const progress = ctx.progress[i];
  if (progress !== null && progress >= 1) return;
  const inherited = item.dueDate.state === 'ok' ? '' : ' (inherited from above)';
  const note = progress === null ? ctx.progressNote(i) : null;
  const where =
    progress !== null
      ? `is at ${percentText(progress)}`
      : note !== null
        ? `its progress is unknown (${note})`
        : 'is not done';
  out.add(
    meta,
    `${itemLabel(item)} was due on ${dayText(due)}${inherited}, ${plural(ctx.today - due, 'day')} ago, and ${where}.`,
    REPLAN_HINT,
    'dueDate',
  );
}
