// count/too-many: "3–5 objectives"; more spread the resources thin.
import { pluralLevel } from '../frameworks.js';
import type { LevelName, PlanItem } from '../types.js';
import { nextLevel, type RuleContext, type RowFindings } from './context.js';
import { itemLabel } from './text.js';

const MAX_CHILDREN = 5;
const COUNTED: ReadonlySet<LevelName> = new Set<LevelName>(['Goal', 'Objective', 'Outcome']);

export function checkCount(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
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
    'count/too-many',
    'warning',
    `${itemLabel(item)} has ${count} ${pluralLevel(below)}: more than ${MAX_CHILDREN} spread the effort thin.`,
    `Keep the 3–5 ${pluralLevel(below)} that matter most: merge or drop the others (Status Dropped), or move them to a later cycle.`,
    'title',
  );
}
