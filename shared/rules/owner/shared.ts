import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { quote } from '../text.js';
import { ownerProblem } from './owner-problem.js';

export const meta = defineMeta({
  id: 'owner/shared',
  severity: 'error',
  label: 'shared owner',
  description: 'several owners, or a team',
  appliesTo: 'every row with an Owner',
  fix: 'Keep one accountable person; mention the others in the tasks below.',
  docs: `- **Fires when** Owner names
  - several people, separated by \`,\` \`;\` \`/\` \`&\` \`|\` \` + \` or \` and \`: "Ana and Ben", "ana@x.com, ben@x.com";
  - or a team: "team", "the team", "everyone", "all", "all hands", a department (Marketing, Sales,
    Engineering, IT, HR, Finance, Ops, Support, Product, Design, Legal, R&D, QA, …), a name
    with *team, squad, department, dept, group, committee, crew*, or a team mailbox
    (\`sales@…\`, \`team@…\`, \`all@…\`).
  Ordinary names and emails are fine: "Ana Lima", "Mary-Jane O'Neil", "Mark Sales",
  "ana+okr@acme.com", "Ana Lima <ana@acme.com>". Write "Last, First" names as "First Last", as
  a comma reads as two people.
- **Fix:** keep one accountable person; give the others the tasks below ("shared ownership means
  no ownership").`,
});

export function check(_ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  const problem = item.owner === '' ? null : ownerProblem(item.owner);
  if (problem?.kind === 'team') {
    out.add(
      meta,
      `Owner ${quote(item.owner)} is a team, not one person.`,
      "Name the one person who answers for it (e.g. the team's lead); the team can own the tasks below.",
      'owner',
    );
  } else if (problem?.kind === 'several') {
    out.add(
      meta,
      `Owner ${quote(item.owner)} names several people: shared ownership means no ownership.`,
      `Keep one accountable person (e.g. ${quote(problem.first)}) and give the others the tasks below.`,
      'owner',
    );
  }
}
