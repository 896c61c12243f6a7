// Plans for the add-on tests, laid out as managers have them: known columns in any order, columns
// Cascade does not know (kept untouched), a formula of the user's own, date cells.
import { COLUMNS, dateFromDay, dayFromIso } from '../../shared/index.js';
import type { CellValue, RawTable } from '../../shared/index.js';
import { generatePlan } from '../../bench/generate-plan.js';
import type { FakeWorld } from './fake/services.js';
import type { FakeSheet } from './fake/sheets.js';

export const day = (iso: string): Date => dateFromDay(dayFromIso(iso));

/** The template's header, with two unknown columns: "Notes" after Title and "Score" at the end. */
export const HEADER = [
  'ID',
  'Level',
  'Parent',
  'Title',
  'Notes',
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
  'Weight',
  'Progress',
  'Pace',
  'Check',
  'Score',
];
export const col = (header: string): number => {
  const index = HEADER.indexOf(header);
  if (index < 0) throw new Error(`No column ${header}`);
  return index + 1;
};

function row(cells: Partial<Record<string, CellValue>>): CellValue[] {
  return HEADER.map((h) => cells[h] ?? null);
}

/** A small OKR plan with a few findings of each kind (as of 2026-05-01). */
export function smallPlan(): RawTable {
  const rows = [
    row({
      ID: 'O1',
      Level: 'Objective',
      Title: 'Win the mid-market with 50 new accounts by Q3',
      Notes: 'board asked',
      Owner: 'Lena Park',
      'Start date': day('2026-04-01'),
      'Due date': day('2026-06-30'),
      Review: 'weekly',
      'Last check-in': day('2026-04-28'),
      Status: 'On track',
    }),
    row({
      ID: 'KR1.1',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Sign 50 new mid-market accounts',
      Owner: 'Tom Baker',
      Start: 0,
      Target: 50,
      Current: 20,
      Unit: 'accounts',
      'Due date': day('2026-06-30'),
      Review: 'weekly',
      'Last check-in': day('2026-04-28'),
      Status: 'On track',
    }),
    row({
      ID: 'KR1.2',
      Level: 'Key Result',
      Parent: 'O1',
      Title: 'Conduct customer surveys',
      Review: 'weekly',
      'Last check-in': day('2026-04-28'),
    }),
    row({
      ID: 'T1',
      Level: 'Task',
      Parent: 'KR1.1',
      Title: 'Call 20 prospects from the webinar list',
      Owner: 'Mei Chen',
      'Due date': day('2026-05-15'),
      Status: 'Done',
    }),
    row({
      ID: '',
      Level: 'Task',
      Parent: 'KR1.1',
      Title: 'Draft the pricing page for mid-market',
      Owner: 'Mei Chen',
      'Due date': day('2026-05-20'),
    }),
    row({ ID: 'O2', Level: 'Objective', Title: 'Improve', Notes: '<img src=x onerror=alert(1)>' }),
  ];
  rows.forEach((cells, i) => (cells[col('Score') - 1] = `=LEN(D${i + 2})`));
  return { header: HEADER, rows };
}

/** A generated plan of `rows` rows (bench/generate-plan.ts), with the template's columns. */
export function bigPlan(rows: number): RawTable {
  const table = generatePlan(rows);
  if (table.header.length !== COLUMNS.length) throw new Error('The generated plan changed shape.');
  return table;
}

/** A sheet holding the table from row 1, with room below, and optional rows above it. */
export function seedPlan(world: FakeWorld, table: RawTable, name = 'Plan', above: unknown[][] = []): FakeSheet {
  const sheet = world.spreadsheet.addSheet(
    name,
    above.length + table.rows.length + 50,
    Math.max(26, table.header.length + 2),
  );
  sheet.seed([...above, table.header, ...table.rows]);
  world.spreadsheet.active = sheet;
  return sheet;
}

/** A sheet snapshot (FakeSheet.snapshot()) without the given 1-based columns: "nothing else changed". */
export function exceptColumns(snapshot: unknown, columns: number[]): unknown {
  const s = snapshot as { values: unknown[][]; formulas: [number, string][]; formats: [number, string][] };
  const skip = new Set(columns.map((c) => c - 1));
  const columnOf = (key: number) => key % 20_000;
  return {
    ...s,
    values: s.values.map((row) => row.map((v, c) => (skip.has(c) ? null : v))),
    formulas: s.formulas.filter(([key]) => !skip.has(columnOf(key))),
    formats: s.formats.filter(([key]) => !skip.has(columnOf(key))),
  };
}

/** The header of `noticePlan`: no Review column, Owner named twice. */
export const NOTICE_HEADER = ['ID', 'Level', 'Parent', 'Title', 'Owner', 'Due date', 'Status', 'Check', 'Owner'];

/**
 * A plan the sidebar has something to say about besides its findings: Goal and Task (a personal
 * plan, and a project plan too), dates typed day first (30/06/2026 beside 06/07/2026), Owner
 * named twice, and no Review column.
 */
export function noticePlan(): RawTable {
  return {
    header: NOTICE_HEADER,
    rows: [
      [
        'G1',
        'Goal',
        '',
        'Grow the newsletter to 5,000 subscribers',
        'Ana Silva',
        '30/06/2026',
        'On track',
        '',
        'Ben Ode',
      ],
      ['T1', 'Task', 'G1', 'Write eight issues of the newsletter', 'Ana Silva', '06/07/2026', '', '', ''],
    ],
  };
}
