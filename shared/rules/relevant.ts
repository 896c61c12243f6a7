// relevant/*: every row serves something above it, and every goal has something under it.
import { pluralLevel } from '../frameworks.js';
import type { LevelName, PlanItem } from '../types.js';
import { nextLevel, type RuleContext, type RowFindings } from './context.js';
import { itemLabel, quote, withArticle } from './text.js';

const NEEDS_CHILDREN: ReadonlySet<LevelName> = new Set<LevelName>(['Goal', 'Objective', 'Outcome', 'Subgoal']);

export function checkRelevant(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  const rank = ctx.rank[i];
  if (rank < 0) return; // unknown level: structure/unknown-level says it

  if (rank > 0 && item.parentId === '') {
    const above = ctx.framework.levels[rank - 1];
    out.add(
      'relevant/orphan',
      'warning',
      `${itemLabel(item)} has no Parent, so nothing shows which ${above} it serves.`,
      out.fill('parent', `Set Parent to the ID of the ${above} it serves.`),
      'parent',
    );
  }

  if (
    NEEDS_CHILDREN.has(item.level as LevelName) &&
    ctx.tree.children[i].length === 0 &&
    item.status !== 'Done' &&
    item.status !== 'Dropped' &&
    ctx.tree.inCycle[i] === 0 &&
    ctx.duplicate[i] === 0
  ) {
    const below = nextLevel(ctx.framework, rank) ?? 'Task';
    const ref = item.id === '' ? 'this row\'s ID' : quote(item.id);
    out.add(
      'relevant/childless',
      'warning',
      `${itemLabel(item)} has no ${pluralLevel(below)} under it, so nothing delivers it yet.`,
      `Add ${withArticle(below)} (or a few) with Parent ${ref}, or drop this row if nobody will work on it.`,
      'title',
    );
  }
}
