import { dayFromIso, isoFromDay } from '../../dates.js';
import type { Day, PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { dayText, itemLabel } from '../text.js';
import { plural } from '../../format.js';
import { memoise } from '../../memo.js';

/** "Sprint-sized, one to four weeks" (seed 000). */
const PROJECT_OBJECTIVE_DAYS = 28;

export const meta = defineMeta({
  id: 'achievable/timeframe',
  severity: 'warning',
  label: 'timeframe too long',
  description: 'a project Objective longer than 4 weeks; an OKR Objective longer than a year',
  appliesTo: 'Objective in `project`, `okr` and `alignment`, with a Due date of its own',
  fix: 'Split it into shorter objectives, or move the Due date closer.',
  docs: `- **Fires when** Start date (inherited from above when blank) → Due date is
  - longer than **4 weeks (28 days)** in a \`project\` ("sprint-sized objectives, one to four weeks");
  - longer than **one year** in \`okr\` and \`alignment\`.
- **Fix:** split it into shorter objectives, or bring the Due date closer. If the objective starts
  later than its Goal, give it its own Start date.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (item.level !== 'Objective' || ctx.rank[item.index] < 0 || ctx.framework.id === 'personal') return;
  // Without a Due date of its own, time-bound/no-due-date speaks; the Start date may be inherited.
  if (item.dueDate.state !== 'ok') return;
  const due = item.dueDate.value;
  const start = ctx.tree.startDate[item.index];
  if (start === null || due < start) return;

  const project = ctx.framework.id === 'project';
  const tooLong = project ? due - start > PROJECT_OBJECTIVE_DAYS : due > oneYearAfter(start);
  if (!tooLong) return;

  const from = item.startDate.state === 'ok' ? dayText(start) : `${dayText(start)} (inherited)`;
  const span = `${itemLabel(item)} runs ${plural(due - start, 'day')}, from ${from} to ${dayText(due)}`;
  out.add(
    meta,
    project ? `${span}: longer than the four weeks of a sprint-sized objective.` : `${span}: longer than one year.`,
    project
      ? 'Split it into objectives of one to four weeks each, or bring the Due date closer' +
          (item.startDate.state === 'ok' ? '.' : ' (or set its own Start date if it starts later).')
      : 'Split it into objectives of one OKR cycle (a quarter to a year), or bring the Due date closer.',
    'dueDate',
  );
}

/** The same calendar day one year later (29 February → 1 March); objectives share a few start days. */
const oneYearAfter = memoise(yearAfter);

function yearAfter(day: Day): Day {
  const [year, month, date] = isoFromDay(day).split('-').map(Number);
  const next = `${String(year + 1).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(date).padStart(2, '0')}`;
  return month === 2 && date === 29 ? dayFromIso(`${String(year + 1).padStart(4, '0')}-03-01`) : dayFromIso(next);
}
