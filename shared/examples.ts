import type { Day, FrameworkId, LevelName, MeasureType, Status } from './types.js';

// The seed examples that templates fill in with `--examples`: what a good cascade looks like.
// Dates are placed around "today" so that a fresh plan is neither all overdue nor all in the
// future, and are the same for the same "today".

/** One example row; dates as Days, blanks left out. */
export interface ExampleRow {
  id: string;
  level: LevelName;
  parent?: string;
  title: string;
  owner?: string;
  type?: MeasureType;
  start?: number;
  target?: number;
  current?: number | string;
  unit?: string;
  startDate?: Day;
  dueDate?: Day;
  review?: string;
  lastCheckIn?: Day;
  status?: Status;
  weight?: number;
}

const MONTH_NAMES = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];

/** A day as people write it in a title: "April 30". */
export function monthDayText(day: Day): string {
  const date = new Date(day * 86_400_000);
  return `${MONTH_NAMES[date.getUTCMonth()]} ${date.getUTCDate()}`;
}

/** The first day on or after `day` that falls on `weekday` (0 Sunday … 6 Saturday). */
function nextWeekday(day: Day, weekday: number): Day {
  const current = (((day + 4) % 7) + 7) % 7; // 1970-01-01 was a Thursday
  return day + ((weekday - current + 7) % 7);
}

/**
 * Seed 000: migrate a client's infrastructure to AWS. A project goal, three sprint-sized
 * objectives (design by one date, half of the workloads by the next, the security audit last),
 * a milestone confirming each, and the tasks below the milestones.
 */
function projectExamples(t: Day): ExampleRow[] {
  const goalDue = t + 70;
  const o1 = { start: t - 14, due: t + 6 };
  const o2 = { start: t + 7, due: t + 34 };
  const o3 = { start: t + 35, due: t + 62 };
  return [
    {
      id: 'G1',
      level: 'Goal',
      title: `Migrate the client's infrastructure to AWS by ${monthDayText(goalDue)}`,
      owner: 'Dana Ruiz',
      startDate: t - 14,
      dueDate: goalDue,
      review: 'monthly',
      lastCheckIn: t - 3,
      status: 'On track',
    },
    {
      id: 'O1',
      level: 'Objective',
      parent: 'G1',
      title: `Complete the network architecture design by ${monthDayText(o1.due)}`,
      owner: 'Priya Shah',
      type: 'increase',
      start: 0,
      target: 4,
      current: 3,
      unit: 'design documents signed off',
      startDate: o1.start,
      dueDate: o1.due,
      review: 'weekly',
      lastCheckIn: t - 2,
      status: 'On track',
    },
    {
      id: 'M1.1',
      level: 'Milestone',
      parent: 'O1',
      title: 'Network design signed off',
      owner: 'Priya Shah',
      type: 'milestone',
      current: '',
      startDate: o1.due,
      dueDate: o1.due,
      status: 'Not started',
    },
    {
      id: 'T1.1.1',
      level: 'Task',
      parent: 'M1.1',
      title: 'Document the current VPC topology',
      owner: 'Sam Lee',
      dueDate: t - 4,
      status: 'Done',
    },
    {
      id: 'T1.1.2',
      level: 'Task',
      parent: 'M1.1',
      title: 'Draft the subnet allocation plan',
      owner: 'Sam Lee',
      startDate: t + 1,
      dueDate: t + 3,
      status: 'Not started',
    },
    {
      id: 'O2',
      level: 'Objective',
      parent: 'G1',
      title: `Migrate 50% of workloads (40 of 80) to AWS by ${monthDayText(o2.due)}`,
      owner: 'Marco Bianchi',
      type: 'increase',
      start: 0,
      target: 40,
      current: 0,
      unit: 'workloads',
      startDate: o2.start,
      dueDate: o2.due,
      review: 'weekly',
      status: 'Not started',
    },
    {
      id: 'M2.1',
      level: 'Milestone',
      parent: 'O2',
      title: 'First 20 workloads cut over to AWS',
      owner: 'Marco Bianchi',
      type: 'milestone',
      current: '',
      startDate: t + 20,
      dueDate: t + 20,
      status: 'Not started',
    },
    {
      id: 'T2.1.1',
      level: 'Task',
      parent: 'M2.1',
      title: 'Set up the AWS landing zone accounts',
      owner: 'Sam Lee',
      startDate: t + 8,
      dueDate: t + 12,
      status: 'Not started',
    },
    {
      id: 'T2.1.2',
      level: 'Task',
      parent: 'M2.1',
      title: 'Run the pilot cutover of 5 workloads',
      owner: 'Marco Bianchi',
      startDate: t + 15,
      dueDate: t + 20,
      status: 'Not started',
    },
    {
      id: 'O3',
      level: 'Objective',
      parent: 'G1',
      title: `Pass the security audit with 0 critical findings by ${monthDayText(o3.due)}`,
      owner: 'Aisha Khan',
      type: 'at most',
      target: 0,
      unit: 'critical findings',
      startDate: o3.start,
      dueDate: o3.due,
      review: 'weekly',
      status: 'Not started',
    },
    {
      id: 'M3.1',
      level: 'Milestone',
      parent: 'O3',
      title: 'Security audit report signed off',
      owner: 'Aisha Khan',
      type: 'milestone',
      current: '',
      startDate: o3.due,
      dueDate: o3.due,
      status: 'Not started',
    },
    {
      id: 'T3.1.1',
      level: 'Task',
      parent: 'M3.1',
      title: 'Fix the open issues of the pre-audit scan',
      owner: 'Aisha Khan',
      startDate: t + 40,
      dueDate: t + 55,
      status: 'Not started',
    },
  ];
}

/**
 * Seeds 001 and 003: enhance customer satisfaction with an NPS of 80 and the tasks behind it;
 * sales to $120 million (at $60 million: 50 %) and 1,000 qualified leads (at 700: 70 %).
 */
function okrExamples(t: Day): ExampleRow[] {
  const quarter = { start: t - 45, due: t + 46 };
  return [
    {
      id: 'O1',
      level: 'Objective',
      title: 'Enhance customer satisfaction to an NPS of 80',
      owner: 'Lena Park',
      startDate: quarter.start,
      dueDate: quarter.due,
      review: 'biweekly',
      lastCheckIn: t - 4,
      status: 'On track',
    },
    {
      id: 'KR1.1',
      level: 'Key Result',
      parent: 'O1',
      title: 'Achieve a Net Promoter Score (NPS) of 80',
      owner: 'Tom Baker',
      type: 'increase',
      start: 62,
      target: 80,
      current: 71,
      unit: 'NPS',
      review: 'weekly',
      lastCheckIn: t - 4,
      status: 'On track',
    },
    {
      id: 'T1.1.1',
      level: 'Task',
      parent: 'KR1.1',
      title: 'Conduct customer surveys',
      owner: 'Tom Baker',
      dueDate: t - 20,
      status: 'Done',
    },
    {
      id: 'T1.1.2',
      level: 'Task',
      parent: 'KR1.1',
      title: 'Analyze the survey feedback',
      owner: 'Mei Chen',
      startDate: t + 1,
      dueDate: t + 5,
      status: 'Not started',
    },
    {
      id: 'T1.1.3',
      level: 'Task',
      parent: 'KR1.1',
      title: 'Implement the top 3 improvements',
      owner: 'Mei Chen',
      startDate: t + 6,
      dueDate: t + 30,
      status: 'Not started',
    },
    {
      id: 'T1.1.4',
      level: 'Task',
      parent: 'KR1.1',
      title: 'Monitor NPS after each release',
      owner: 'Tom Baker',
      startDate: t + 31,
      dueDate: quarter.due,
      status: 'Not started',
    },
    {
      id: 'O2',
      level: 'Objective',
      title: 'Grow sales to $120 million this year',
      owner: 'Carlos Mendes',
      startDate: quarter.start,
      dueDate: quarter.due,
      review: 'biweekly',
      lastCheckIn: t - 4,
      status: 'On track',
    },
    {
      id: 'KR2.1',
      level: 'Key Result',
      parent: 'O2',
      title: 'Increase sales to $120 million',
      owner: 'Nina Novak',
      type: 'increase',
      start: 0,
      target: 120_000_000,
      current: 60_000_000,
      unit: '$',
      review: 'weekly',
      lastCheckIn: t - 4,
      status: 'On track',
    },
    {
      id: 'T2.1.1',
      level: 'Task',
      parent: 'KR2.1',
      title: 'Close the 12 largest open deals',
      owner: 'Nina Novak',
      startDate: t + 10,
      dueDate: t + 40,
      status: 'Not started',
    },
    {
      id: 'KR2.2',
      level: 'Key Result',
      parent: 'O2',
      title: 'Generate 1,000 qualified leads',
      owner: 'Omar Haddad',
      type: 'increase',
      start: 0,
      target: 1000,
      current: 700,
      unit: 'leads',
      review: 'weekly',
      lastCheckIn: t - 4,
      status: 'On track',
    },
    {
      id: 'T2.2.1',
      level: 'Task',
      parent: 'KR2.2',
      title: 'Run the spring webinar series',
      owner: 'Omar Haddad',
      startDate: t + 7,
      dueDate: t + 20,
      status: 'Not started',
    },
    {
      id: 'T2.2.2',
      level: 'Task',
      parent: 'KR2.2',
      title: 'Publish 4 customer case studies',
      owner: 'Omar Haddad',
      startDate: t + 21,
      dueDate: t + 35,
      status: 'Not started',
    },
  ];
}

/**
 * Seed 004: launch a side project in three months, with subgoals and near-term tasks; one
 * subgoal has slipped past its date on purpose, so the check shows the replanning choices.
 */
function personalExamples(t: Day): ExampleRow[] {
  const wednesday = nextWeekday(t + 1, 3);
  const tuesday = nextWeekday(t + 1, 2);
  const thursday = nextWeekday(t + 1, 4);
  return [
    {
      id: 'G1',
      level: 'Goal',
      title: 'Launch a side project in three months',
      owner: 'Alex Kim',
      startDate: t - 21,
      dueDate: t + 70,
      review: 'weekly',
      lastCheckIn: t - 2,
      status: 'On track',
    },
    {
      id: 'SG1.1',
      level: 'Subgoal',
      parent: 'G1',
      title: 'Publish the landing page and collect 50 email sign-ups',
      owner: 'Alex Kim',
      type: 'increase',
      start: 0,
      target: 50,
      current: 18,
      unit: 'sign-ups',
      startDate: t - 21,
      dueDate: t + 35,
      review: 'weekly',
      lastCheckIn: t - 2,
      status: 'On track',
    },
    {
      id: 'T1.1.1',
      level: 'Task',
      parent: 'SG1.1',
      title: 'Wednesday: write three landing-page CTA options',
      owner: 'Alex Kim',
      startDate: wednesday,
      dueDate: wednesday,
      status: 'Not started',
    },
    {
      id: 'T1.1.2',
      level: 'Task',
      parent: 'SG1.1',
      title: 'Build the landing page',
      owner: 'Alex Kim',
      startDate: t + 7,
      dueDate: t + 14,
      status: 'Not started',
    },
    {
      id: 'SG1.2',
      level: 'Subgoal',
      parent: 'G1',
      title: 'Interview 5 potential users',
      owner: 'Alex Kim',
      type: 'increase',
      start: 0,
      target: 5,
      current: 1,
      unit: 'interviews',
      startDate: t - 21,
      dueDate: t - 3,
      review: 'weekly',
      lastCheckIn: t - 2,
      status: 'At risk',
    },
    {
      id: 'T1.2.1',
      level: 'Task',
      parent: 'SG1.2',
      title: 'Contact two user interview candidates',
      owner: 'Alex Kim',
      dueDate: t - 10,
      status: 'Done',
    },
    {
      id: 'G2',
      level: 'Goal',
      title: 'Rebuild my health routine: exercise 3 times a week',
      owner: 'Alex Kim',
      startDate: t - 7,
      dueDate: t + 49,
      review: 'weekly',
      lastCheckIn: t - 1,
      status: 'On track',
    },
    {
      id: 'SG2.1',
      level: 'Subgoal',
      parent: 'G2',
      title: 'Complete 24 workouts in 8 weeks',
      owner: 'Alex Kim',
      type: 'increase',
      start: 0,
      target: 24,
      current: 3,
      unit: 'workouts',
      startDate: t - 7,
      dueDate: t + 49,
      review: 'weekly',
      lastCheckIn: t - 1,
      status: 'On track',
    },
    {
      id: 'T2.1.1',
      level: 'Task',
      parent: 'SG2.1',
      title: 'Tuesday: walk for 30 minutes',
      owner: 'Alex Kim',
      startDate: tuesday,
      dueDate: tuesday,
      status: 'Not started',
    },
    {
      id: 'T2.1.2',
      level: 'Task',
      parent: 'SG2.1',
      title: 'Thursday: strength training for 20 minutes',
      owner: 'Alex Kim',
      startDate: thursday,
      dueDate: thursday,
      status: 'Not started',
    },
  ];
}

/** Seed 002: from purpose and vision down to the tasks of the day, one chain. */
function alignmentExamples(t: Day): ExampleRow[] {
  return [
    {
      id: 'P1',
      level: 'Purpose',
      title: 'Help small businesses spend their time on customers, not paperwork',
      owner: 'Ruth Adler',
    },
    {
      id: 'V1',
      level: 'Vision',
      parent: 'P1',
      title: 'Every small business in our region runs its back office on our platform',
      owner: 'Ruth Adler',
    },
    {
      id: 'OC1',
      level: 'Outcome',
      parent: 'V1',
      title: 'Customers spend under 2 hours a week on admin',
      owner: 'Ruth Adler',
      review: 'quarterly',
      lastCheckIn: t - 20,
    },
    {
      id: 'O1',
      level: 'Objective',
      parent: 'OC1',
      title: 'Cut onboarding time for new customers in half',
      owner: 'Jon Ito',
      startDate: t - 30,
      dueDate: t + 60,
      review: 'biweekly',
      lastCheckIn: t - 5,
      status: 'On track',
    },
    {
      id: 'KR1.1',
      level: 'Key Result',
      parent: 'O1',
      title: 'Reduce median onboarding time from 10 days to 5',
      owner: 'Jon Ito',
      type: 'decrease',
      start: 10,
      target: 5,
      current: 7,
      unit: 'days',
      review: 'weekly',
      lastCheckIn: t - 5,
      status: 'On track',
    },
    {
      id: 'TC1.1.1',
      level: 'Tactic',
      parent: 'KR1.1',
      title: 'Launch a guided setup wizard for new accounts',
      owner: 'Mia Costa',
      dueDate: t + 40,
      status: 'On track',
    },
    {
      id: 'T1.1.1.1',
      level: 'Task',
      parent: 'TC1.1.1',
      title: 'Design the 4 wizard steps',
      owner: 'Mia Costa',
      dueDate: t - 10,
      status: 'Done',
    },
    {
      id: 'T1.1.1.2',
      level: 'Task',
      parent: 'TC1.1.1',
      title: 'Write help texts for each wizard step',
      owner: 'Leo Grant',
      startDate: t + 1,
      dueDate: t + 20,
      status: 'Not started',
    },
  ];
}

const EXAMPLES: Record<FrameworkId, (today: Day) => ExampleRow[]> = {
  okr: okrExamples,
  project: projectExamples,
  alignment: alignmentExamples,
  personal: personalExamples,
};

/** The seed examples of a framework, with dates placed around `today`. */
export function examplesFor(framework: FrameworkId, today: Day): ExampleRow[] {
  return EXAMPLES[framework](today);
}
