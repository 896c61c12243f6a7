import { titleNumberText } from '../../numbers.js';
import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel } from '../text.js';

export const meta = defineMeta({
  id: 'measurable/no-target',
  severity: 'warning',
  label: 'no target',
  description: 'a Key Result names a number but has no Target',
  appliesTo: 'Key Result (not Type milestone)',
  fix: 'Put the value to reach in Target (and the baseline in Start).',
  docs: `- **Fires when** the title has a number but Target is blank, so progress cannot be computed
  ("Sign 50 new SMB accounts by Q3" with no Target).
- **Fix:** put the value to reach in Target (50) and the baseline in Start. When the title holds one
  number, the hint offers it ("Target (50, as the title says)").`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (item.level !== 'Key Result' || ctx.rank[item.index] < 0 || item.type === 'milestone') return;
  if (item.target.state !== 'blank' || !ctx.titleHasNumber(item)) return;
  out.add(
    meta,
    `${itemLabel(item)} has a number in its title but no Target, so its progress cannot be computed.`,
    out.fill('target', noTargetHint(item.title)),
    'target',
  );
}

/** "Put the value to reach in Target (50, as the title says) …" when the title has one number. */
function noTargetHint(title: string): string {
  const number = titleNumberText(title);
  return `Put the value to reach in Target${number === null ? '' : ` (${number}, as the title says)`} and the baseline in Start.`;
}
