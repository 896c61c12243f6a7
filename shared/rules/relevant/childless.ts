import { pluralLevel } from '../../frameworks.js';
import type { LevelName, PlanItem } from '../../types.js';
import { nextLevel, type RowFindings, type RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel, quote } from '../text.js';
import { withArticle } from '../../format.js';

const NEEDS_CHILDREN: ReadonlySet<LevelName> = new Set<LevelName>(['Goal', 'Objective', 'Outcome', 'Subgoal']);

export const meta = defineMeta({
  id: 'relevant/childless',
  severity: 'warning',
  label: 'nothing under it',
  description: 'a Goal, Objective, Outcome or Subgoal has nothing under it',
  appliesTo: 'Goal, Objective, Outcome, Subgoal that are not Done or Dropped',
  fix: "Add the rows of the next level that deliver it, with this row's ID as their Parent.",
  docs: `- **Fires when** no row names it as Parent ("goals without assigned objectives become aspirations").
- **Fix:** add the rows of the next level that deliver it (Key Results under an Objective,
  Objectives under a Goal, Tasks under a Subgoal) with this row's ID as their Parent.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  const rank = ctx.rank[i];
  if (
    rank < 0 ||
    !NEEDS_CHILDREN.has(item.level as LevelName) ||
    ctx.tree.children[i].length > 0 ||
    item.status === 'Done' ||
    item.status === 'Dropped' ||
    ctx.tree.inCycle[i] === 1 ||
    ctx.duplicate[i] === 1
  ) {
    return;
  }
  const below = nextLevel(ctx.framework, rank) ?? 'Task';
  const ref = item.id === '' ? "this row's ID" : quote(item.id);
  out.add(
    meta,
    `${itemLabel(item)} has no ${pluralLevel(below)} under it, so nothing delivers it yet.`,
    `Add ${withArticle(below)} (or a few) with Parent ${ref}, or drop this row if nobody will work on it.`,
    'title',
  );
}
