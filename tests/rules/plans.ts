// Clean plans, one per framework: each test changes one cell and looks at what that changes.
import { date, type Row } from './helpers.js';

/** OKR: Objective (row 2) → Key Result (row 3) → Task (row 4); today is 2026-05-01. */
export const OKR_O: Row = {
  id: 'O1',
  level: 'Objective',
  title: 'Delight our small-business customers this quarter',
  owner: 'Lena Park',
  startDate: date('2026-04-01'),
  dueDate: date('2026-06-30'),
  review: 'biweekly',
  lastCheckIn: date('2026-04-28'),
  status: 'On track',
};
export const OKR_KR: Row = {
  id: 'KR1',
  level: 'Key Result',
  parent: 'O1',
  title: 'Raise NPS from 30 to 45',
  owner: 'Tom Baker',
  start: 30,
  target: 45,
  current: 35,
  review: 'weekly',
  lastCheckIn: date('2026-04-28'),
  status: 'On track',
};
export const OKR_T: Row = {
  id: 'T1',
  level: 'Task',
  parent: 'KR1',
  title: 'Survey 200 customers about onboarding',
  owner: 'Mei Chen',
  dueDate: date('2026-05-20'),
  status: 'On track',
};
export const okrRows = (): Row[] => [{ ...OKR_O }, { ...OKR_KR }, { ...OKR_T }];

/** Project (seed 000): Goal (2) → Objective (3) → Milestone (4) → Task (5). */
export const PROJECT_G: Row = {
  id: 'G1',
  level: 'Goal',
  title: "Migrate the client's infrastructure to AWS by July 31",
  owner: 'Dana Ruiz',
  startDate: date('2026-04-01'),
  dueDate: date('2026-07-31'),
  review: 'monthly',
  lastCheckIn: date('2026-04-20'),
  status: 'On track',
};
export const PROJECT_O: Row = {
  id: 'O1',
  level: 'Objective',
  parent: 'G1',
  title: 'Migrate 50% of workloads to AWS',
  owner: 'Priya Shah',
  start: 0,
  target: 40,
  current: 10,
  unit: 'workloads',
  startDate: date('2026-04-20'),
  dueDate: date('2026-05-15'),
  review: 'weekly',
  lastCheckIn: date('2026-04-28'),
  status: 'On track',
};
export const PROJECT_M: Row = {
  id: 'M1',
  level: 'Milestone',
  parent: 'O1',
  title: 'First 20 workloads cut over',
  owner: 'Marco Bianchi',
  type: 'milestone',
  dueDate: date('2026-05-10'),
  status: 'On track',
};
export const PROJECT_T: Row = {
  id: 'T1',
  level: 'Task',
  parent: 'M1',
  title: 'Set up the AWS landing zone accounts',
  owner: 'Sam Lee',
  dueDate: date('2026-05-05'),
  status: 'On track',
};
export const projectRows = (): Row[] => [{ ...PROJECT_G }, { ...PROJECT_O }, { ...PROJECT_M }, { ...PROJECT_T }];

/** Personal (seed 004): Goal (2) → Subgoal (3) → Task (4). */
export const PERSONAL_G: Row = {
  id: 'G1',
  level: 'Goal',
  title: 'Launch a side project in three months',
  owner: 'Alex Kim',
  startDate: date('2026-04-01'),
  dueDate: date('2026-06-30'),
  review: 'weekly',
  lastCheckIn: date('2026-04-29'),
  status: 'On track',
};
export const PERSONAL_S: Row = {
  id: 'S1',
  level: 'Subgoal',
  parent: 'G1',
  title: 'Collect 50 email sign-ups',
  owner: 'Alex Kim',
  start: 0,
  target: 50,
  current: 12,
  dueDate: date('2026-05-31'),
  review: 'weekly',
  lastCheckIn: date('2026-04-29'),
  status: 'On track',
};
export const PERSONAL_T: Row = {
  id: 'T1',
  level: 'Task',
  parent: 'S1',
  title: 'Write three landing-page CTA options',
  owner: 'Alex Kim',
  dueDate: date('2026-05-06'),
  status: 'Not started',
};
export const personalRows = (): Row[] => [{ ...PERSONAL_G }, { ...PERSONAL_S }, { ...PERSONAL_T }];

/** Alignment (seed 002): Purpose (2) → Vision (3) → Outcome (4) → Objective (5) → Key Result (6) → Tactic (7) → Task (8). */
export const alignmentRows = (): Row[] => [
  { id: 'P1', level: 'Purpose', title: 'Help small businesses spend their time on customers', owner: 'Ruth Adler' },
  {
    id: 'V1',
    level: 'Vision',
    parent: 'P1',
    title: 'Every small business in our region runs its back office with us',
    owner: 'Ruth Adler',
  },
  {
    id: 'OC1',
    level: 'Outcome',
    parent: 'V1',
    title: 'Customers spend under 2 hours a week on admin',
    owner: 'Ruth Adler',
  },
  {
    id: 'O1',
    level: 'Objective',
    parent: 'OC1',
    title: 'Cut onboarding time for new customers in half',
    owner: 'Jon Ito',
    startDate: date('2026-04-01'),
    dueDate: date('2026-06-30'),
    review: 'biweekly',
    lastCheckIn: date('2026-04-28'),
    status: 'On track',
  },
  {
    id: 'KR1',
    level: 'Key Result',
    parent: 'O1',
    title: 'Reduce median onboarding time from 10 days to 5',
    owner: 'Jon Ito',
    type: 'decrease',
    start: 10,
    target: 5,
    current: 7,
    review: 'weekly',
    lastCheckIn: date('2026-04-28'),
    status: 'On track',
  },
  {
    id: 'TC1',
    level: 'Tactic',
    parent: 'KR1',
    title: 'Launch a guided setup wizard',
    owner: 'Mia Costa',
    dueDate: date('2026-06-10'),
  },
  {
    id: 'T1',
    level: 'Task',
    parent: 'TC1',
    title: 'Write help texts for each wizard step',
    owner: 'Leo Grant',
    dueDate: date('2026-05-20'),
  },
];
