import type { LevelName, PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { brokenFormulaHint, itemLabel, quote } from '../text.js';
import { ownerProblem } from './owner-problem.js';

const NEEDS_OWNER: ReadonlySet<LevelName> = new Set<LevelName>([
  'Goal',
  'Objective',
  'Key Result',
  'Milestone',
  'Tactic',
  'Task',
]);

export const meta = defineMeta({
  id: 'owner/missing',
  severity: 'error',
  severityByLevel: { Task: 'warning', Tactic: 'warning' },
  label: 'no owner',
  description: 'no Owner',
  appliesTo: 'Goal, Objective, Key Result, Milestone, Tactic, Task',
  fix: 'Name one accountable person (a name or an email).',
  docs: `- **Fires when** Owner is blank, or a placeholder that names nobody: \`TBD\`, \`TBA\`, \`?\`, \`-\`, \`n/a\`,
  \`none\`, \`unassigned\`, \`unknown\`, \`someone\`, …, or a spreadsheet error (\`#REF!\`, \`#N/A\`, …).
- **Fix:** name one accountable person (a name or an email); for a spreadsheet error, fix the
  cell's formula or type the name.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.rank[item.index] < 0 || item.level === null || !NEEDS_OWNER.has(item.level)) return;
  const problem = item.owner === '' ? null : ownerProblem(item.owner);
  if (item.owner !== '' && problem?.kind !== 'placeholder' && problem?.kind !== 'error') return;
  const broken = problem?.kind === 'error';
  out.add(
    meta,
    item.owner === ''
      ? `${itemLabel(item)} has no Owner.`
      : `Owner ${quote(item.owner)} of ${itemLabel(item)} is ${broken ? 'a spreadsheet error' : 'a placeholder'}, not a person.`,
    broken
      ? brokenFormulaHint(item.owner, 'type the name of one accountable person')
      : out.fill('owner', 'Name one accountable person (a name or an email).'),
    'owner',
  );
}
