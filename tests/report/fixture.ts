// A plan with eight weeks of check-ins, made through the core as `progress --write` makes them:
// each week the Current values move (one key result slows down, one stalls, one is late), and
// each week's changed rows are appended to the history.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  CHECKIN_HEADER,
  checkInCells,
  checkInsFor,
  computeProgress,
  dayFromIso,
  isoFromDay,
  readPlan,
  type CheckIn,
} from '../../shared/index.js';

const HEADER = [
  'ID',
  'Level',
  'Parent',
  'Title',
  'Owner',
  'Type',
  'Start',
  'Target',
  'Current',
  'Unit',
  'Start date',
  'Due date',
  'Review',
  'Last check-in',
  'Status',
];

interface Row {
  id: string;
  level: string;
  parent?: string;
  title: string;
  owner: string;
  start?: number;
  target?: number;
  /** Current per week (the last is today's). */
  weeks?: (number | string | null)[];
  startDate?: string;
  due?: string;
  status?: string[] | string;
  type?: string;
}

export const FIRST_WEEK = '2026-03-09';
export const TODAY = '2026-05-04';

const ROWS: Row[] = [
  {
    id: 'O1',
    level: 'Objective',
    title: 'Delight customers: NPS from 40 to 60',
    owner: 'Lena Park',
    startDate: '2026-03-02',
    due: '2026-06-30',
    status: 'On track',
  },
  {
    id: 'KR1.1',
    level: 'Key Result',
    parent: 'O1',
    title: 'Raise NPS from 40 to 60',
    owner: 'Tom Baker',
    start: 40,
    target: 60,
    weeks: [40, 42, 44, 45, 47, 48, 49, 50, 51],
  },
  {
    id: 'KR1.2',
    level: 'Key Result',
    parent: 'O1',
    title: 'Answer 95% of tickets within a day',
    owner: 'Mei Chen',
    start: 70,
    target: 95,
    weeks: [70, 74, 78, 80, 83, 85, 86, 87, 87],
    status: ['On track', 'On track', 'On track', 'On track', 'On track', 'On track', 'At risk', 'At risk', 'At risk'],
  },
  {
    id: 'KR1.3',
    level: 'Key Result',
    parent: 'O1',
    title: 'Publish the new help centre',
    owner: 'Mei Chen',
    due: '2026-04-30',
    status: 'On track',
  },
  {
    id: 'O2',
    level: 'Objective',
    title: 'Grow SMB revenue to $2.4M ARR',
    owner: 'Carlos Mendes',
    startDate: '2026-03-02',
    due: '2026-06-30',
    status: 'On track',
  },
  {
    id: 'KR2.1',
    level: 'Key Result',
    parent: 'O2',
    title: 'Sign 120 new SMB accounts',
    owner: 'Nina Novak',
    start: 0,
    target: 120,
    weeks: [0, 8, 17, 25, 34, 43, 52, 60, 69],
  },
  {
    id: 'KR2.2',
    level: 'Key Result',
    parent: 'O2',
    title: 'Generate 1,000 qualified leads',
    owner: 'Omar Haddad',
    start: 0,
    target: 1000,
    weeks: [0, 60, 120, 180, 230, 270, 300, 320, 335],
  },
  {
    id: 'KR2.3',
    level: 'Key Result',
    parent: 'O2',
    title: 'Cut churn from 4% to 2.5%',
    owner: 'Nina Novak',
    start: 4,
    target: 2.5,
    weeks: [4, 4, 3.9, 3.9, 3.9, 3.8, 3.8, 3.8, 3.8],
  },
  {
    id: 'O3',
    level: 'Objective',
    title: 'Ship the mobile app',
    owner: 'Ravi Shah',
    startDate: '2026-03-02',
    due: '2026-05-29',
    status: 'On track',
  },
  {
    id: 'KR3.1',
    level: 'Key Result',
    parent: 'O3',
    title: 'Beta with 200 testers',
    owner: 'Ravi Shah',
    start: 0,
    target: 200,
    weeks: [0, 20, 45, 70, 100, 130, 150, 175, 190],
  },
  {
    id: 'KR3.2',
    level: 'Key Result',
    parent: 'O3',
    title: 'Offline mode for field teams',
    owner: 'Ana Lopez',
    start: 0,
    target: 10,
    weeks: [0, 1, 2, 2, 3, 3, 3, 3, 3],
    status: ['On track', 'On track', 'On track', 'On track', 'On track', 'On track', 'On track', 'Paused', 'Paused'],
  },
];

function table(week: number) {
  return {
    header: HEADER,
    rows: ROWS.map((r) => [
      r.id,
      r.level,
      r.parent ?? '',
      r.title,
      r.owner,
      r.type ?? '',
      r.start ?? null,
      r.target ?? null,
      r.weeks ? r.weeks[week] : null,
      '',
      r.startDate ?? null,
      r.due ?? null,
      r.level === 'Objective' ? 'biweekly' : 'weekly',
      null,
      Array.isArray(r.status) ? r.status[week] : (r.status ?? 'On track'),
    ]),
  };
}

const csvCell = (value: unknown) => {
  if (value === null || value === undefined) return '';
  const text =
    typeof value === 'number' && !Number.isInteger(value) && value < 1 && value > 0 ? String(value) : String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/** Writes plan.csv and plan.checkins.csv (eight weekly check-ins before today) into dir; returns the plan's path. */
export async function writeReportFixture(dir: string): Promise<string> {
  const weeks = ROWS[1].weeks!.length;
  const records: CheckIn[] = [];
  for (let w = 0; w < weeks - 1; w++) {
    const today = dayFromIso(FIRST_WEEK) + 7 * w;
    const plan = readPlan(table(w));
    const notes: Record<string, string> = {
      'KR1.2': w === 6 ? 'two agents on leave' : '',
      'KR3.2': w === 7 ? 'paused until the sync API ships' : '',
      'KR2.2': w === 7 ? 'webinars moved to May' : '',
    };
    records.push(
      ...checkInsFor(
        plan,
        computeProgress(plan, { today }),
        { records, problems: [] },
        { today, who: w % 2 ? 'lena@example.com' : 'tom@example.com', note: (id) => notes[id] ?? '' },
      ),
    );
  }
  const last = table(weeks - 1);
  const planPath = join(dir, 'plan.csv');
  await writeFile(planPath, [HEADER, ...last.rows].map((row) => row.map(csvCell).join(',')).join('\n') + '\n');
  const history = [[...CHECKIN_HEADER], ...records.map((r) => checkInCells(r).cells)];
  await writeFile(join(dir, 'plan.checkins.csv'), history.map((row) => row.map(csvCell).join(',')).join('\n') + '\n');
  return planPath;
}

export const todayIso = (offset = 0) => isoFromDay(dayFromIso(TODAY) + offset);
