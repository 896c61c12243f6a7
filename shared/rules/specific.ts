// specific/vague: a title says what will be true, not a direction ("Improve client satisfaction").
import type { PlanItem } from '../types.js';
import type { RuleContext, RowFindings } from './context.js';
import { taskLikeOpening } from './measurable.js';
import { itemLabel, quote } from './text.js';
import { vagueWording, wordCount } from './wording.js';

const MIN_WORDS = 3;
const EXAMPLE = 'e.g. "Raise NPS from 30 to 45 by June 30"';

export function checkSpecific(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.rank[item.index] < 0 || item.level === 'Purpose' || item.level === 'Vision') return;
  if (taskLikeOpening(ctx, item) !== null) return; // measurable/kr-is-task is the sharper diagnosis

  if (item.title === '') {
    out.add(
      'specific/vague',
      'warning',
      `${itemLabel(item)} has no title.`,
      `Write what this row will achieve: what changes, by how much, by when (${EXAMPLE}).`,
      'title',
    );
    return;
  }

  const words = wordCount(item.title, MIN_WORDS);
  if (words < MIN_WORDS) {
    out.add(
      'specific/vague',
      'warning',
      `Title ${quote(item.title)} is under three words: too short to say what will be achieved.`,
      `Write a whole statement: what changes, by how much, by when (${EXAMPLE}).`,
      'title',
    );
    return;
  }

  const vague = vagueWording(item.title);
  if (vague !== null && item.target.state !== 'ok' && !ctx.titleHasNumber(item)) {
    out.add(
      'specific/vague',
      'warning',
      `Title ${quote(item.title)} is vague: "${vague}" does not say how much, or when it is done.`,
      `Say what changes, by how much and by when (${EXAMPLE}), or put the number to reach in Target.`,
      'title',
    );
  }
}
