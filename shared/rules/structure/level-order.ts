import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { parentLabel } from '../text.js';
import { withArticle } from '../../format.js';

export const meta = defineMeta({
  id: 'structure/level-order',
  severity: 'error',
  onDroppedRows: true,
  label: 'parent on wrong level',
  description: 'the parent is not on a higher level',
  appliesTo: 'rows with a Parent',
  fix: 'Point Parent at a row on a higher level (usually the level right above), or correct a Level.',
  docs: `- **Fires when** the parent's level is not above the row's level: a Key Result under a Task, a Key
  Result under another Key Result, an Objective under an Objective in OKR. Skipping a level is
  allowed (a Task straight under an Objective). A row in a loop is not checked: it has no real parent.
- **Fix:** point Parent at a row of a higher level (usually the level right above), or correct the Level.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  if (ctx.tree.inCycle[i] === 1) return; // a row in a loop has no real parent: level order means nothing yet
  const parent = ctx.parentIndex[i];
  if (parent < 0 || ctx.rank[i] < 0 || ctx.rank[parent] < 0 || ctx.rank[parent] < ctx.rank[i]) return;
  const { framework } = ctx;
  const level = framework.levels[ctx.rank[i]];
  const above = framework.levels.slice(0, ctx.rank[i]);
  out.add(
    meta,
    `Parent ${parentLabel(ctx.items[parent])} is not on a level above this ${level}.`,
    above.length === 0
      ? `${withArticle(level)} is the top level of the ${framework.label} framework: clear Parent, or correct the Level.`
      : `In the ${framework.label} framework ${withArticle(level)} sits under ${withArticle(above[above.length - 1])}` +
          `${above.length > 1 ? ` (or higher: ${above.slice(0, -1).join(', ')})` : ''}: point Parent at one, or correct a Level.`,
    'parent',
  );
}
