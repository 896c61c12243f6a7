// structure/*: the cascade itself (one id per row, known levels, parents that exist and sit above).
import { idKey } from '../tree.js';
import type { PlanItem } from '../types.js';
import type { RuleContext, RowFindings } from './context.js';
import { itemLabel, parentLabel, quote, withArticle } from './text.js';

/** How many steps of a loop a cycle message shows; the rest is "…" (keeps the check linear). */
const CYCLE_STEPS_SHOWN = 6;

export function checkStructure(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const i = item.index;
  const { framework } = ctx;

  if (ctx.duplicate[i] === 1) {
    const first = ctx.tree.byId.get(idKey(item.id));
    const where = first === undefined ? 'an earlier row' : `row ${ctx.items[first].row}`;
    out.add(
      'structure/duplicate-id',
      'error',
      `ID ${quote(item.id)} is already used on ${where}.`,
      'Give this row an ID of its own, or clear the ID and let Cascade fill a new one. ' +
        `Rows whose Parent is ${quote(item.id)} belong to ${where}.`,
      'id',
    );
  }

  if (ctx.rank[i] < 0) {
    const message =
      item.levelText === ''
        ? `${itemLabel(item)} has no Level.`
        : `Level ${quote(item.levelText)} is not a level of the ${framework.label} framework.`;
    out.add('structure/unknown-level', 'error', message, `Use one of: ${framework.levels.join(', ')}.`, 'level');
  }

  if (ctx.missingParent[i] === 1) {
    const top = ctx.rank[i] === 0;
    out.add(
      'structure/missing-parent',
      'error',
      `Parent ${quote(item.parentId)} names no row of the plan.`,
      top
        ? `${withArticle(framework.levels[0])} is the top level and needs no Parent: clear it, or check the Level.`
        : 'Use the ID of an existing row on a higher level (check the spelling), or add that row.',
      'parent',
    );
  }

  if (ctx.tree.inCycle[i] === 1) {
    out.add(
      'structure/cycle',
      'error',
      `Parent ${quote(item.parentId)} leads back to this row: ${loopPath(ctx, item)}.`,
      `Point Parent at a row on a higher level so that the chain ends at the top (${framework.levels[0]}).`,
      'parent',
    );
    return; // a row in a loop has no real parent: level order means nothing yet
  }

  const parent = ctx.parentIndex[i];
  if (parent >= 0 && ctx.rank[i] >= 0 && ctx.rank[parent] >= 0 && ctx.rank[parent] >= ctx.rank[i]) {
    const level = framework.levels[ctx.rank[i]];
    const above = framework.levels.slice(0, ctx.rank[i]);
    out.add(
      'structure/level-order',
      'error',
      `Parent ${parentLabel(ctx.items[parent])} is not on a level above this ${level}.`,
      above.length === 0
        ? `${withArticle(level)} is the top level of the ${framework.label} framework: clear Parent, or correct the Level.`
        : `In the ${framework.label} framework ${withArticle(level)} sits under ${withArticle(above[above.length - 1])}` +
            `${above.length > 1 ? ` (or higher: ${above.slice(0, -1).join(', ')})` : ''}: point Parent at one, or correct a Level.`,
      'parent',
    );
  }
}

/** "O1 → KR1 → O1", cut after a few steps. Follows Parent IDs, as the user wrote them. */
function loopPath(ctx: RuleContext, item: PlanItem): string {
  const steps = [item.id || `row ${item.row}`];
  let current = item;
  for (let step = 0; step < CYCLE_STEPS_SHOWN; step++) {
    const next = ctx.tree.byId.get(idKey(current.parentId));
    if (next === undefined) break;
    current = ctx.items[next];
    steps.push(current.id || `row ${current.row}`);
    if (next === item.index) return steps.join(' → ');
  }
  return `${steps.join(' → ')} → …`;
}
