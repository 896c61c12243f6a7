// Realistic plans of any size for the benchmarks: an OKR cascade (objectives, 3–5 key results
// each, 2–6 tasks per key result) with the cell forms people really type (`1,000`, `$120M`,
// `45%`, written dates, blank Types), a few Done/Dropped rows and a sprinkling of the mistakes
// the SMART check exists for. Deterministic for a given size and seed.
import { writeFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { stringify } from 'csv-stringify/sync';
import { COLUMNS, dateFromDay, dayFromIso, isoFromDay, type CellValue, type RawTable } from '../shared/index.js';

export interface GenerateOptions {
  /** Seed of the pseudo-random choices (default 1). */
  seed?: number;
  /** Day the plan is centred on (default 2026-05-01). */
  today?: string;
  /** Dates as Date cells (as .xlsx and Sheets hold them) or as written text (as in .csv). Default Date. */
  dates?: 'date' | 'text';
}

/** A small, fast, seedable generator (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const OWNERS = [
  'Lena Park',
  'Tom Baker',
  'Nina Novak',
  'Omar Haddad',
  'Mei Chen',
  'Carlos Mendes',
  'priya@example.com',
  'Sam Lee',
];
const OBJECTIVES = [
  'Delight SMB customers',
  'Win the mid-market',
  'Make onboarding effortless',
  'Grow revenue to $120M',
  'Enhance customer satisfaction',
];
/** Key results as people type them; `current` gives a check-in as typed, `r` in 0..1. */
const KEY_RESULTS: {
  title: string;
  start: CellValue;
  target: CellValue;
  unit: string;
  type: string;
  current: (r: number) => CellValue;
}[] = [
  {
    title: 'Generate 1,000 qualified leads',
    start: 0,
    target: '1,000',
    unit: 'leads',
    type: '',
    current: (r) => Math.round(r * 1100),
  },
  {
    title: 'Increase sales to $120 million',
    start: 0,
    target: '$120M',
    unit: '$',
    type: 'increase',
    current: (r) => `$${Math.round(r * 130)}M`,
  },
  {
    title: 'Achieve an NPS of 80',
    start: 62,
    target: 80,
    unit: 'NPS',
    type: '',
    current: (r) => 60 + Math.round(r * 22),
  },
  {
    title: 'Cut p95 API latency to 200 ms',
    start: '450 ms',
    target: '200 ms',
    unit: 'ms',
    type: 'decrease',
    current: (r) => `${Math.round(460 - r * 280)} ms`,
  },
  {
    title: 'Raise trial conversion to 45%',
    start: '30%',
    target: '45%',
    unit: '%',
    type: '',
    current: (r) => `${(28 + r * 18).toFixed(1)}%`,
  },
  {
    title: 'Keep churn at most 2%',
    start: null,
    target: 0.02,
    unit: '%',
    type: 'at most',
    current: (r) => Math.round((0.01 + r * 0.02) * 1000) / 1000,
  },
  { title: 'Conduct customer surveys', start: null, target: null, unit: '', type: '', current: () => null },
];
const TASKS = [
  'Draft the subnet allocation plan',
  'Run the spring webinar series',
  'Analyze survey feedback',
  'Publish 4 case studies',
  'Fix the top 3 onboarding issues',
  'Interview 5 churned customers',
];
const STATUSES = [
  'On track',
  'On track',
  'On track',
  'At risk',
  'Not started',
  'Done',
  'Off track',
  'Dropped',
  'Paused',
];
const REVIEWS = ['weekly', 'biweekly', 'every 2 weeks', 'monthly', ''];

/** A plan table of exactly `rows` rows, with every column of the template in order. */
export function generatePlan(rows: number, options: GenerateOptions = {}): RawTable {
  const rand = random(options.seed ?? 1);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
  const today = dayFromIso(options.today ?? '2026-05-01');
  const asDate = (day: number): CellValue => (options.dates === 'text' ? isoFromDay(day) : dateFromDay(day));
  const header = COLUMNS.map((c) => c.header);
  const col = Object.fromEntries(COLUMNS.map((c, i) => [c.key, i])) as Record<(typeof COLUMNS)[number]['key'], number>;
  const out: CellValue[][] = [];
  const push = (cells: Partial<Record<keyof typeof col, CellValue>>) => {
    const row: CellValue[] = new Array(header.length).fill(null);
    for (const [key, value] of Object.entries(cells)) row[col[key as keyof typeof col]] = value ?? null;
    out.push(row);
  };

  for (let o = 1; out.length < rows; o++) {
    const start = today - 30 - Math.floor(rand() * 30);
    const due = start + 80 + Math.floor(rand() * 20);
    push({
      id: `O${o}`,
      level: 'Objective',
      title: `${pick(OBJECTIVES)} (${o})`,
      owner: pick(OWNERS),
      startDate: asDate(start),
      dueDate: asDate(due),
      review: pick(REVIEWS),
      lastCheckIn: asDate(today - Math.floor(rand() * 20)),
      status: pick(STATUSES),
    });
    const keyResults = 3 + Math.floor(rand() * 3);
    for (let k = 1; k <= keyResults && out.length < rows; k++) {
      const kr = pick(KEY_RESULTS);
      const id = `KR${o}.${k}`;
      push({
        id,
        level: rand() < 0.5 ? 'Key Result' : 'KR',
        parent: `O${o}`,
        title: kr.title,
        owner: rand() < 0.05 ? 'Sales team' : pick(OWNERS),
        type: kr.type,
        start: kr.start,
        target: kr.target,
        current: rand() < 0.1 ? null : kr.current(rand()),
        unit: kr.unit,
        dueDate: rand() < 0.3 ? asDate(due - Math.floor(rand() * 10)) : null,
        review: pick(REVIEWS),
        lastCheckIn: rand() < 0.8 ? asDate(today - Math.floor(rand() * 30)) : null,
        status: pick(STATUSES),
        weight: rand() < 0.2 ? 2 : null,
      });
      const tasks = 2 + Math.floor(rand() * 5);
      for (let t = 1; t <= tasks && out.length < rows; t++) {
        push({
          id: rand() < 0.02 ? null : `T${o}.${k}.${t}`,
          level: 'Task',
          parent: id,
          title: pick(TASKS),
          owner: rand() < 0.1 ? null : pick(OWNERS),
          startDate: rand() < 0.5 ? asDate(today - 10 + Math.floor(rand() * 20)) : null,
          dueDate: asDate(today - 20 + Math.floor(rand() * 60)),
          status: pick(STATUSES),
        });
      }
    }
  }
  return { header, rows: out };
}

/** The table as CSV text (dates as ISO). */
export function planCsv(table: RawTable): string {
  const text = (cell: CellValue) => (cell instanceof Date ? isoFromDay(Math.floor(cell.getTime() / 86_400_000)) : cell);
  return stringify([table.header, ...table.rows.map((row) => row.map(text))]);
}

export async function writePlanCsv(path: string, table: RawTable): Promise<void> {
  await writeFile(path, planCsv(table));
}

/** Writes the table as the sheet `Cascade` of a new .xlsx file, streaming rows out. */
/**
 * Writes the plan as an .xlsx. Texts go in the cells themselves (`t="str"`) unless `sharedStrings`
 * puts them in the shared-strings part, as Excel, LibreOffice and Google Sheets do.
 */
export async function writePlanXlsx(
  path: string,
  table: RawTable,
  options: { sharedStrings?: boolean } = {},
): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: options.sharedStrings ?? false,
  });
  const sheet = workbook.addWorksheet('Cascade');
  sheet.addRow(table.header).commit();
  for (const row of table.rows) sheet.addRow(row).commit();
  sheet.commit();
  await workbook.commit();
}
