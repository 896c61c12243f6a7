import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { quote } from '../text.js';
import { withArticle } from '../../format.js';

export const meta = defineMeta({
  id: 'structure/missing-parent',
  severity: 'error',
  onDroppedRows: true,
  label: 'parent not found',
  description: 'Parent names no row of the plan',
  appliesTo: 'every row whose Parent is filled in',
  fix: 'Use the ID of an existing row on a higher level, or clear Parent on a top-level row.',
  docs: `- **Fires when** Parent names no row of the plan (matched ignoring case and spaces).
- **Fix:** use the ID of an existing row on a higher level (check the spelling), or add that row.
  A top-level row (an Objective in OKR, a Goal in a project) needs no Parent: clear it.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.missingParent[item.index] !== 1) return;
  const top = ctx.rank[item.index] === 0;
  out.add(
    meta,
    `Parent ${quote(item.parentId)} names no row of the plan.`,
    top
      ? `${withArticle(ctx.framework.levels[0])} is the top level and needs no Parent: clear it, or check the Level.`
      : 'Use the ID of an existing row on a higher level (check the spelling), or add that row.',
    'parent',
  );
}
