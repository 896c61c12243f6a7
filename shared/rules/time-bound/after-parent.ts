import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { dayText, parentLabel } from '../text.js';

export const meta = defineMeta({
  id: 'time-bound/after-parent',
  severity: 'warning',
  label: 'due after parent',
  description: 'due after its parent',
  appliesTo: 'rows with a Parent and a Due date of their own',
  fix: "Bring the Due date forward to the parent's, or move the parent's deadline if the plan has changed.",
  docs: `- **Fires when** the row is due after its parent (the parent's own or inherited Due date): a late
  child puts the parent at risk.
- **Fix:** bring the Due date forward to the parent's, or move the parent's deadline if the plan changed.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  if (ctx.rank[i] < 0 || item.level === null || item.dueDate.state !== 'ok') return;
  const parent = ctx.parentIndex[i];
  if (parent < 0 || ctx.brokenParent[i] === 1) return;
  const parentDue = ctx.tree.dueDate[parent];
  if (parentDue === null || item.dueDate.value <= parentDue) return;
  const parentItem = ctx.items[parent];
  out.add(
    meta,
    `Due date ${dayText(item.dueDate.value)} is after its ${parentLabel(parentItem)} is due (${dayText(parentDue)}).`,
    `Bring the Due date forward to ${dayText(parentDue)} or earlier, or move the ${parentItem.level ?? 'parent'}'s ` +
      'deadline if the plan has changed: a late child puts its parent at risk.',
    'dueDate',
  );
}
