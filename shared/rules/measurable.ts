// measurable/*: a result says how much, and a key result is an outcome, not a to-do.
import type { PlanItem } from '../types.js';
import { titleNumberText } from '../numbers.js';
import { isMeasuredLevel, type RuleContext, type RowFindings } from './context.js';
import { itemLabel, quote } from './text.js';
import { activityOpening } from './wording.js';

/** The activity verb when a Key Result reads like a task and carries no number and no Target. */
export function taskLikeOpening(ctx: RuleContext, item: PlanItem): string | null {
  if (item.level !== 'Key Result' || item.target.state !== 'blank' || ctx.titleHasNumber(item)) return null;
  return activityOpening(item.title);
}

export function checkMeasurable(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.rank[item.index] < 0 || !isMeasuredLevel(ctx.framework, item.level) || item.level === 'Milestone') return;
  const binary = item.type === 'milestone';

  const badInput = item.start.state === 'invalid' || item.target.state === 'invalid'; // progress/bad-number says it
  if (!binary && !badInput && item.start.state !== 'ok' && item.target.state !== 'ok' && !ctx.titleHasNumber(item)) {
    out.add(
      'measurable/no-metric',
      item.level === 'Subgoal' ? 'warning' : 'error',
      `${itemLabel(item)} has no number, so nothing says when it is achieved.`,
      out.fill(
        'target',
        'Put the value to reach in Target and the baseline in Start, or write it in the title ("… from 30 to 45"). ' +
          'If it is simply done or not done, set Type to milestone.',
      ),
      'target',
    );
  }

  if (item.level !== 'Key Result') return;

  if (!binary && item.target.state === 'blank' && ctx.titleHasNumber(item)) {
    out.add(
      'measurable/no-target',
      'warning',
      `${itemLabel(item)} has a number in its title but no Target, so its progress cannot be computed.`,
      out.fill('target', noTargetHint(item.title)),
      'target',
    );
  }

  const verb = taskLikeOpening(ctx, item);
  if (verb !== null) {
    out.add(
      'measurable/kr-is-task',
      'warning',
      `${itemLabel(item)} reads as a task ("${verb} …"), not as a result.`,
      'Write the result this work should bring, with a number (e.g. "Raise NPS from 30 to 45"), ' +
        `and move ${quote(item.title)} to a Task under this Key Result.`,
      'title',
    );
  }
}

/** "Put the value to reach in Target (50, as the title says) …" when the title has one number. */
function noTargetHint(title: string): string {
  const number = titleNumberText(title);
  return `Put the value to reach in Target${number === null ? '' : ` (${number}, as the title says)`} and the baseline in Start.`;
}
