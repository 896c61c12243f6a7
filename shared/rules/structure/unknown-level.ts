import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel, quote } from '../text.js';

export const meta = defineMeta({
  id: 'structure/unknown-level',
  severity: 'error',
  onDroppedRows: true,
  label: 'unknown level',
  description: "Level is not a level of the plan's framework",
  appliesTo: 'all rows',
  fix: "Pick one of the framework's levels (the hint lists them).",
  docs: `- **Fires when** Level is blank, or is not a level of the plan's framework (for example \`Sprint\`,
  or \`Milestone\` in an OKR plan). Level names match in any case, and \`KR\` means Key Result.
- **Fix:** pick one of the framework's levels; the hint lists them (OKR: Objective, Key Result, Task).`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.rank[item.index] >= 0) return;
  const message =
    item.levelText === ''
      ? `${itemLabel(item)} has no Level.`
      : `Level ${quote(item.levelText)} is not a level of the ${ctx.framework.label} framework.`;
  out.add(meta, message, `Use one of: ${ctx.framework.levels.join(', ')}.`, 'level');
}
