import type { LevelName, PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel, parentLabel } from '../text.js';
import { withArticle } from '../../format.js';

/** Levels that must carry their own Due date; Key Result and Task may inherit one. */
const OWN_DUE_DATE: ReadonlySet<LevelName> = new Set<LevelName>(['Goal', 'Objective', 'Milestone', 'Subgoal']);
const INHERITED_DUE_DATE: ReadonlySet<LevelName> = new Set<LevelName>(['Key Result', 'Task']);

export const meta = defineMeta({
  id: 'time-bound/no-due-date',
  severity: 'error',
  severityByLevel: { Task: 'warning' },
  label: 'no due date',
  description: 'no Due date (own, or inherited where allowed)',
  appliesTo: 'Goal, Objective, Key Result, Milestone, Subgoal, Task',
  fix: 'Set a Due date (or, for a Key Result or a Task, one on its parent).',
  docs: `- **Fires when** Due date is blank. Goals, Objectives, Milestones and Subgoals need their own; a Key
  Result or a Task is fine when an ancestor has one to inherit.
- Not reported when the Due date is there but unreadable (see \`time-bound/bad-date\`), nor on a row
  whose Parent is missing or loops (fix that first: the row may inherit a date then).
- **Fix:** set a Due date — on the row, or for a Key Result or a Task on its parent.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  if (ctx.rank[i] < 0 || item.level === null || item.dueDate.state !== 'blank') return;
  if (OWN_DUE_DATE.has(item.level)) {
    out.add(
      meta,
      `${itemLabel(item)} has no Due date.`,
      out.fill('dueDate', `Set a Due date: ${withArticle(item.level)} needs a deadline of its own.`),
      'dueDate',
    );
    return;
  }
  if (
    !INHERITED_DUE_DATE.has(item.level) ||
    ctx.tree.dueDate[i] !== null ||
    ctx.brokenParent[i] === 1 || // fix the Parent first: the row may inherit then
    ctx.dueUnreadable[i] === 1 // an ancestor's Due date is there but unreadable: bad-date says it
  ) {
    return;
  }
  const parent = ctx.parentIndex[i];
  const message =
    parent < 0
      ? `${itemLabel(item)} has no Due date, and no Parent to take one from.`
      : `${itemLabel(item)} has no Due date, and neither has its ${parentLabel(ctx.items[parent])} or anything above it.`;
  const where =
    parent < 0 ? '' : `, or on its ${ctx.items[parent].level ?? 'parent'} so that the rows under it inherit it`;
  out.add(meta, message, out.fill('dueDate', `Set a Due date on this row${where}.`), 'dueDate');
}
