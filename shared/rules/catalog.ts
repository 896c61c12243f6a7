import type { RuleId, Severity } from '../types.js';

/** What a rule is, for people: the docs, the sidebar's help and the tests read it from here. */
export interface RuleMeta {
  id: RuleId;
  /** The SMART letter or concern the rule belongs to: the part of the id before the slash. */
  family: string;
  /** The usual severity; `severityText` names the levels where it is lower. */
  severity: Severity;
  severityText: string;
  /** A few words for the row's Check cell ("no owner"). */
  label: string;
  appliesTo: string;
  firesWhen: string;
  fix: string;
}

/** Every rule of rules.md, in the order findings of one row are listed (errors first). */
export const RULES: readonly RuleMeta[] = [
  {
    id: 'structure/duplicate-id',
    family: 'structure',
    severity: 'error',
    severityText: 'error',
    label: 'duplicate ID',
    appliesTo: 'all rows',
    firesWhen: 'the ID repeats the ID of an earlier row (ignoring case and surrounding spaces)',
    fix: 'Give the row an ID of its own, or clear it and let Cascade fill a new one.',
  },
  {
    id: 'structure/unknown-level',
    family: 'structure',
    severity: 'error',
    severityText: 'error',
    label: 'unknown level',
    appliesTo: 'all rows',
    firesWhen: "Level is blank or is not a level of the plan's framework",
    fix: "Pick one of the framework's levels (the hint lists them).",
  },
  {
    id: 'structure/missing-parent',
    family: 'structure',
    severity: 'error',
    severityText: 'error',
    label: 'parent not found',
    appliesTo: 'rows below the top level (and a top-level row that names a Parent)',
    firesWhen: 'Parent names no row of the plan',
    fix: 'Use the ID of an existing row on a higher level, or clear Parent on a top-level row.',
  },
  {
    id: 'structure/cycle',
    family: 'structure',
    severity: 'error',
    severityText: 'error',
    label: 'parent loop',
    appliesTo: 'all rows',
    firesWhen: 'following Parent from row to row comes back to the row',
    fix: 'Point Parent at a row on a higher level so the chain ends at the top.',
  },
  {
    id: 'structure/level-order',
    family: 'structure',
    severity: 'error',
    severityText: 'error',
    label: 'parent on wrong level',
    appliesTo: 'all rows with a Parent',
    firesWhen: "the parent's level is not above the row's level",
    fix: 'Point Parent at a row on a higher level (usually the level right above), or correct a Level.',
  },
  {
    id: 'relevant/orphan',
    family: 'relevant',
    severity: 'warning',
    severityText: 'warning',
    label: 'no parent',
    appliesTo: 'rows below the top level',
    firesWhen: 'Parent is blank',
    fix: 'Set Parent to the ID of the row this one serves.',
  },
  {
    id: 'relevant/childless',
    family: 'relevant',
    severity: 'warning',
    severityText: 'warning',
    label: 'nothing under it',
    appliesTo: 'Goal, Objective, Outcome, Subgoal (not Done or Dropped)',
    firesWhen: 'no row names it as Parent',
    fix: 'Add the rows of the next level that deliver it, with this row\'s ID as their Parent.',
  },
  {
    id: 'specific/vague',
    family: 'specific',
    severity: 'warning',
    severityText: 'warning',
    label: 'vague title',
    appliesTo: 'all levels but Purpose and Vision',
    firesWhen:
      'the title uses vague wording ("improve", "enhance", "better", "optimize", "work on", "as soon as possible", …) ' +
      'with no number in the title and no Target, or the title is under three words',
    fix: 'Say what changes, by how much and by when, e.g. "Raise NPS from 30 to 45 by June 30".',
  },
  {
    id: 'measurable/no-metric',
    family: 'measurable',
    severity: 'error',
    severityText: 'error (Subgoal: warning)',
    label: 'no number',
    appliesTo: 'Key Result (all frameworks), Objective in project, Subgoal',
    firesWhen: 'there is no number in Title, Start or Target (and Type is not milestone)',
    fix: 'Add the number that says when it is achieved: in the title, or in Start and Target.',
  },
  {
    id: 'measurable/no-target',
    family: 'measurable',
    severity: 'warning',
    severityText: 'warning',
    label: 'no target',
    appliesTo: 'Key Result',
    firesWhen: 'the title has a number but Target is blank, so progress cannot be computed',
    fix: 'Put the value to reach in Target (and the baseline in Start).',
  },
  {
    id: 'measurable/kr-is-task',
    family: 'measurable',
    severity: 'warning',
    severityText: 'warning',
    label: 'a task, not a result',
    appliesTo: 'Key Result',
    firesWhen:
      'the title starts with an activity ("Conduct surveys", "Launch the website", "Write docs") and there is no number and no Target',
    fix: 'State the outcome the activity should bring, with a number; move the activity to a Task under the Key Result.',
  },
  {
    id: 'time-bound/no-due-date',
    family: 'time-bound',
    severity: 'error',
    severityText: 'error (Task: warning)',
    label: 'no due date',
    appliesTo: 'Goal, Objective, Key Result, Milestone, Subgoal, Task',
    firesWhen:
      'Due date is blank; a Key Result or a Task may inherit it from the nearest ancestor that has one, the other levels need their own',
    fix: 'Set a Due date (or, for a Key Result or a Task, one on its parent).',
  },
  {
    id: 'time-bound/bad-date',
    family: 'time-bound',
    severity: 'error',
    severityText: 'error',
    label: 'bad date',
    appliesTo: 'all rows',
    firesWhen: 'Start date, Due date or Last check-in cannot be read as a date, or Due date is before Start date',
    fix: 'Type the date as YYYY-MM-DD (or use a date cell), and keep Start date before Due date.',
  },
  {
    id: 'time-bound/after-parent',
    family: 'time-bound',
    severity: 'warning',
    severityText: 'warning',
    label: 'due after parent',
    appliesTo: 'all rows with a Parent',
    firesWhen: "the row's Due date is later than its parent's Due date (own or inherited)",
    fix: "Bring the Due date forward to the parent's, or move the parent's deadline if the plan has changed.",
  },
  {
    id: 'achievable/timeframe',
    family: 'achievable',
    severity: 'warning',
    severityText: 'warning',
    label: 'timeframe too long',
    appliesTo: 'Objective in project, okr and alignment',
    firesWhen:
      'Start date (inherited when blank) → its own Due date is longer than 4 weeks (28 days) in project, or longer than one year in okr and alignment',
    fix: 'Split it into shorter objectives, or move the Due date closer.',
  },
  {
    id: 'owner/missing',
    family: 'owner',
    severity: 'error',
    severityText: 'error (Task, Tactic: warning)',
    label: 'no owner',
    appliesTo: 'Goal, Objective, Key Result, Milestone, Tactic, Task',
    firesWhen: 'Owner is blank or a placeholder ("TBD", "?", "n/a", "none", …)',
    fix: 'Name one accountable person (a name or an email).',
  },
  {
    id: 'owner/shared',
    family: 'owner',
    severity: 'error',
    severityText: 'error',
    label: 'shared owner',
    appliesTo: 'all rows with an Owner',
    firesWhen:
      'Owner names several people (separated by , ; / & + | or "and") or a team ("team", "everyone", "all", a department such as Marketing or Sales, "the X team", a team mailbox such as sales@…)',
    fix: 'Keep one accountable person; mention the others in the tasks below.',
  },
  {
    id: 'review/no-cadence',
    family: 'review',
    severity: 'warning',
    severityText: 'warning',
    label: 'no review cadence',
    appliesTo: 'Goal, Objective (not Done or Dropped); any row whose Review cannot be read',
    firesWhen: 'Review is blank, or is not a cadence Cascade can read',
    fix: 'Set Review to a cadence: weekly, biweekly, every 2 weeks, monthly, quarterly, every N days/weeks/months.',
  },
  {
    id: 'review/too-rare',
    family: 'review',
    severity: 'warning',
    severityText: 'warning',
    label: 'reviews too rare',
    appliesTo: 'Objective in project, Key Result (not Done or Dropped)',
    firesWhen: 'Review is slower than every two weeks',
    fix: 'Review at least every two weeks (weekly or biweekly).',
  },
  {
    id: 'review/stale',
    family: 'review',
    severity: 'warning',
    severityText: 'warning',
    label: 'check-in overdue',
    appliesTo: 'rows with a Review cadence whose Status is not Done, Dropped or Paused',
    firesWhen:
      'Last check-in is older than one review period, or blank while the row has been under way for more than one period (or its Status says it is under way)',
    fix: 'Update Current or Status and set Last check-in to the date of the update.',
  },
  {
    id: 'count/too-many',
    family: 'count',
    severity: 'warning',
    severityText: 'warning',
    label: 'too many under it',
    appliesTo: 'Goal, Objective, Outcome',
    firesWhen: 'more than 5 rows of the next level (not Dropped) have it as Parent',
    fix: 'Keep 3–5: merge or drop the weakest (Status Dropped), or move some to a later cycle.',
  },
  {
    id: 'progress/bad-number',
    family: 'progress',
    severity: 'error',
    severityText: 'error',
    label: 'bad number',
    appliesTo: 'measured levels (Key Result, Objective in project, Milestone, Subgoal) and any row with a Target; Weight on every row',
    firesWhen:
      'Start, Target, Current or Weight is filled but not a number; Type is not a known type; Start equals Target on increase/decrease; a decrease has no Start',
    fix: 'Type plain numbers (1,000 · $120M · 45% · 1.5k), and give Start and Target different values.',
  },
  {
    id: 'progress/overdue',
    family: 'progress',
    severity: 'warning',
    severityText: 'warning',
    label: 'overdue',
    appliesTo: 'all rows whose Status is not Done, Dropped or Paused',
    firesWhen: 'the Due date (own or inherited) has passed and progress is below 100%',
    fix: 'Replan: keep the goal and shrink the next action, reduce the scope, extend the deadline, or pause it.',
  },
];

export const RULE_BY_ID: Readonly<Record<RuleId, RuleMeta>> = Object.fromEntries(RULES.map((r) => [r.id, r])) as Record<
  RuleId,
  RuleMeta
>;

/** Position of a rule in the catalog: the order of findings within one row and severity. */
export const RULE_ORDER: Readonly<Record<RuleId, number>> = Object.fromEntries(RULES.map((r, i) => [r.id, i])) as Record<
  RuleId,
  number
>;
