import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel } from '../text.js';

export const meta = defineMeta({
  id: 'relevant/orphan',
  severity: 'warning',
  label: 'no parent',
  description: 'a row below the top level has no Parent',
  appliesTo: 'rows below the top level',
  fix: 'Set Parent to the ID of the row this one serves.',
  docs: `- **Fires when** Parent is blank: nothing shows which goal the row serves ("goals disappear into the task list").
- **Fix:** set Parent to the ID of the row it serves.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const rank = ctx.rank[item.index];
  if (rank <= 0 || item.parentId !== '') return; // unknown level: structure/unknown-level says it
  const above = ctx.framework.levels[rank - 1];
  out.add(
    meta,
    `${itemLabel(item)} has no Parent, so nothing shows which ${above} it serves.`,
    out.fill('parent', `Set Parent to the ID of the ${above} it serves.`),
    'parent',
  );
}
