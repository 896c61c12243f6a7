import { idKey } from '../../tree.js';
import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { quote } from '../text.js';

/** How many steps of a loop a cycle message shows; the rest is "…" (keeps the check linear). */
const CYCLE_STEPS_SHOWN = 6;

export const meta = defineMeta({
  id: 'structure/cycle',
  severity: 'error',
  onDroppedRows: true,
  label: 'parent loop',
  description: 'following Parent loops back to the row',
  appliesTo: 'all rows',
  fix: 'Point Parent at a row on a higher level so the chain ends at the top.',
  docs: `- **Fires when** following Parent from row to row comes back to the row, for example
  \`O1 → KR1 → O1\`, or a row that is its own parent. Every row of the loop gets the finding; rows
  that merely hang below a loop do not.
- **Fix:** point Parent at a row on a higher level so that the chain ends at the top level.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.tree.inCycle[item.index] !== 1) return;
  out.add(
    meta,
    `Parent ${quote(item.parentId)} leads back to this row: ${loopPath(ctx, item)}.`,
    `Point Parent at a row on a higher level so that the chain ends at the top (${ctx.framework.levels[0]}).`,
    'parent',
  );
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
