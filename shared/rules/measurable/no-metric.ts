import type { PlanItem } from '../../types.js';
import { isMeasuredLevel, type RowFindings, type RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel } from '../text.js';

export const meta = defineMeta({
  id: 'measurable/no-metric',
  severity: 'error',
  severityByLevel: { Subgoal: 'warning' },
  label: 'no number',
  description: 'a measured row has no number',
  appliesTo: 'Key Result, Objective in project, Subgoal (not Milestones, which are done or not done)',
  fix: 'Add the number that says when it is achieved: in the title, or in Start and Target.',
  docs: `- **Fires when** there is no number in Title, Start or Target ("objectives need a number and a
  deadline"). Deadlines and names are not numbers: \`Q3\`, \`April 30\`, \`2026\`, \`v2\`. A row whose
  Type is \`milestone\` is measured as done/not done and needs no number.
- **Fix:** put the value to reach in Target and the baseline in Start, or write the number in the
  title ("… from 30 to 45"). If it is simply done or not done ("Pass the security audit"), set
  Type to \`milestone\`.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.rank[item.index] < 0 || !isMeasuredLevel(ctx.framework, item.level) || item.level === 'Milestone') return;
  if (item.type === 'milestone') return;
  if (item.start.state === 'invalid' || item.target.state === 'invalid') return; // progress/bad-number says it
  if (item.start.state === 'ok' || item.target.state === 'ok' || ctx.titleHasNumber(item)) return;
  out.add(
    meta,
    `${itemLabel(item)} has no number, so nothing says when it is achieved.`,
    out.fill(
      'target',
      'Put the value to reach in Target and the baseline in Start, or write it in the title ("… from 30 to 45"). ' +
        'If it is simply done or not done, set Type to milestone.',
    ),
    'target',
  );
}
