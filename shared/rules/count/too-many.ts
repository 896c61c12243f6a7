import { pluralLevel } from '../../frameworks.js';
import type { LevelName, PlanItem } from '../../types.js';
import { nextLevel, type RowFindings, type RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel } from '../text.js';

const MAX_CHILDREN = 5;
const COUNTED: ReadonlySet<LevelName> = new Set<LevelName>(['Goal', 'Objective', 'Outcome']);

export const meta = defineMeta({
  id: 'count/too-many',
  severity: 'warning',
  label: 'too many under it',
  description: 'more than 5 children of the next level',
  appliesTo: 'Goal, Objective, Outcome',
  fix: 'Keep 3–5: merge or drop the weakest (Status Dropped), or move some to a later cycle.',
  docs: `- **Fires when** more than 5 rows of the next level (Key Results under an Objective, Objectives
  under a Goal or an Outcome) have it as Parent; Dropped rows do not count ("3–5 objectives";
  "too many objectives spread resources thin").
- **Fix:** keep the 3–5 that matter most: merge or drop the others (Status Dropped), or move them
  to a later cycle.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const rank = ctx.rank[item.index];
  if (rank < 0 || !COUNTED.has(item.level as LevelName) || ctx.duplicate[item.index] === 1) return;
  const below = nextLevel(ctx.framework, rank);
  if (below === null) return;
  let count = 0;
  for (const child of ctx.tree.children[item.index]) {
    const childItem = ctx.items[child];
    if (childItem.level === below && childItem.status !== 'Dropped') count++;
  }
  if (count <= MAX_CHILDREN) return;
  out.add(
    meta,
    `${itemLabel(item)} has ${count} ${pluralLevel(below)}: more than ${MAX_CHILDREN} spread the effort thin.`,
    `Keep the 3–5 ${pluralLevel(below)} that matter most: merge or drop the others (Status Dropped), or move them to a later cycle.`,
    'title',
  );
}
