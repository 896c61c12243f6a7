import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { itemLabel, quote } from '../text.js';
import { activityOpening } from '../wording.js';

export const meta = defineMeta({
  id: 'measurable/kr-is-task',
  severity: 'warning',
  label: 'a task, not a result',
  description: 'a Key Result is an activity, not an outcome',
  appliesTo: 'Key Result',
  fix: 'State the outcome the activity should bring, with a number; move the activity to a Task under the Key Result.',
  docs: `- **Fires when** the title's verb is an activity — it opens with *conduct, launch, write, build,
  create, implement, develop, hold, run, organise/organize, prepare, design, set up, hire, publish,
  send, schedule, review, analyse/analyze, draft, plan, research, migrate, deploy, roll out, …*
  (also in the -ing form: "Conducting surveys"), with *realizar, implementar, lanzar, crear,
  llevar a cabo, …* in Spanish and *réaliser, lancer, créer, mettre en place, …* in French, or
  ends with *durchführen, einführen, erstellen, umsetzen, …* in German — and there is no number in
  the title and no Target. "OKRs are not a checklist": "Conduct customer surveys" is a task that
  serves a key result. The test looks at the verb, not the noun: when the title states its
  result with a participle ("Design system implementado", "Test coverage reached", "Designsystem
  eingeführt", "Refonte déployée"), its first word is a noun and the row is a result.
- **Fix:** write the result the activity should bring, with a number ("Raise NPS from 30 to 45"),
  and move the activity to a Task under the Key Result.
- **Not a task:** "Launch 3 landing pages with 5% conversion"; "Launch the website" with Target 1.`,
});

/** The activity verb when a Key Result reads like a task and carries no number and no Target. */
export function taskLikeOpening(ctx: RuleContext, item: PlanItem): string | null {
  if (item.level !== 'Key Result' || item.target.state !== 'blank' || ctx.titleHasNumber(item)) return null;
  return activityOpening(item.title);
}

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.rank[item.index] < 0) return;
  const verb = taskLikeOpening(ctx, item);
  if (verb === null) return;
  out.add(
    meta,
    `${itemLabel(item)} reads as a task ("${verb} …"), not as a result.`,
    'Write the result this work should bring, with a number (e.g. "Raise NPS from 30 to 45"), ' +
      `and move ${quote(item.title)} to a Task under this Key Result.`,
    'title',
  );
}
