import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { taskLikeOpening } from '../measurable/kr-is-task.js';
import { defineMeta } from '../meta.js';
import { itemLabel, quote } from '../text.js';
import { vagueWording, wordCount } from '../wording.js';

const MIN_WORDS = 3;
const EXAMPLE = 'e.g. "Raise NPS from 30 to 45 by June 30"';

export const meta = defineMeta({
  id: 'specific/vague',
  severity: 'warning',
  label: 'vague title',
  description: 'vague wording with no number, or a title under three words',
  appliesTo: 'all levels but Purpose and Vision',
  fix: 'Say what changes, by how much and by when, e.g. "Raise NPS from 30 to 45 by June 30".',
  docs: `- **Fires when** the title
  - uses vague wording — *improve, enhance, better, optimize/optimise, maximize, minimize, boost,
    strengthen, streamline, work on, look into, focus on, try to, as soon as possible, ASAP, as
    much as possible, more, world-class, best-in-class, various, etc.* — and there is no number in
    the title and no Target ("Improve client satisfaction"). A date is not a number here:
    "Improve onboarding by June 30" is still vague;
  - or is under three words ("Grow ARR", "NPS 45"), or is blank.
  Wording is not judged on a row whose numbers say what is measured: a Target (or a Start and a
  Current) — "Active channels" from 1 to 4 is specific enough.
  "Increase", "reduce" and "grow" are not vague on their own: "Reduce customer churn" states an
  outcome. A Key Result that reads as a task gets \`measurable/kr-is-task\` instead.
- **Fix:** say what changes, by how much and by when: "Raise NPS from 30 to 45 by June 30" — or put
  the number to reach in Target.
- **Not vague:** "Improve NPS from 30 to 45"; "Improve our Net Promoter Score" with Target 45.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.rank[item.index] < 0 || item.level === 'Purpose' || item.level === 'Vision') return;
  if (taskLikeOpening(ctx, item) !== null) return; // measurable/kr-is-task is the sharper diagnosis

  if (item.title === '') {
    out.add(
      meta,
      `${itemLabel(item)} has no title.`,
      `Write what this row will achieve: what changes, by how much, by when (${EXAMPLE}).`,
      'title',
    );
    return;
  }

  // "Active channels" from 1 to 4: Start, Target and Current say what is measured and by how much.
  if (item.target.state === 'ok' || (item.start.state === 'ok' && item.current.state === 'ok')) return;

  const words = wordCount(item.title, MIN_WORDS);
  if (words < MIN_WORDS) {
    out.add(
      meta,
      `Title ${quote(item.title)} is under three words: too short to say what will be achieved.`,
      `Write a whole statement: what changes, by how much, by when (${EXAMPLE}).`,
      'title',
    );
    return;
  }

  const vague = vagueWording(item.title);
  if (vague !== null && !ctx.titleHasNumber(item)) {
    out.add(
      meta,
      `Title ${quote(item.title)} is vague: "${vague}" does not say how much, or when it is done.`,
      `Say what changes, by how much and by when (${EXAMPLE}), or put the number to reach in Target.`,
      'title',
    );
  }
}
