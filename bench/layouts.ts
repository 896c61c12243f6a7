// Layout benchmark: the core reading 100,000 rows laid out side by side (Objective and Key Result
// columns, the objective on its group's first row) against the same plan in Cascade's own layout
// (ID, Level, Parent). Prints read ms (readPlan) and read + check + progress ms, best of a few
// runs, and the ratio: reading a manager's layout should cost about what reading the template does.
import { performance } from 'node:perf_hooks';
import { checkPlan, computeProgress, dayFromIso, readPlan, type CellValue, type RawTable } from '../shared/index.js';

const ROWS = 100_000;
const GROUP = 5;
const RUNS = 5;
const TODAY = dayFromIso('2026-05-01');

/** `rows` key-result rows in groups of GROUP under an objective written on the group's first row. */
export function sideBySidePlan(rows: number): RawTable {
  const header = ['Objective', 'Key Result', 'Owner', 'Start', 'Target', 'Current', 'Due date', 'Status'];
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const o = Math.floor(r / GROUP) + 1;
    out.push([
      r % GROUP === 0 ? `Grow segment ${o} to ${o * 10} accounts` : null,
      `Sign ${10 + (r % 40)} accounts in region ${r}`,
      `Owner ${r % 97}`,
      0,
      50,
      r % 50,
      '2026-06-30',
      r % 3 === 0 ? 'On track' : 'At risk',
    ]);
  }
  return { header, rows: out };
}

/** The same plan in Cascade's own layout: an objective row per group, then its key results. */
export function plainPlan(rows: number): RawTable {
  const header = ['ID', 'Level', 'Parent', 'Title', 'Owner', 'Start', 'Target', 'Current', 'Due date', 'Status'];
  const out: CellValue[][] = [];
  for (let r = 0; r < rows; r++) {
    const o = Math.floor(r / GROUP) + 1;
    if (r % GROUP === 0)
      out.push([
        `O${o}`,
        'Objective',
        '',
        `Grow segment ${o} to ${o * 10} accounts`,
        null,
        null,
        null,
        null,
        '2026-06-30',
        null,
      ]);
    out.push([
      `KR${o}.${(r % GROUP) + 1}`,
      'Key Result',
      `O${o}`,
      `Sign ${10 + (r % 40)} accounts in region ${r}`,
      `Owner ${r % 97}`,
      0,
      50,
      r % 50,
      '2026-06-30',
      r % 3 === 0 ? 'On track' : 'At risk',
    ]);
  }
  return { header, rows: out };
}

function best(table: RawTable): { read: number; total: number; items: number } {
  let read = Infinity;
  let total = Infinity;
  let items = 0;
  for (let k = 0; k < RUNS; k++) {
    const t0 = performance.now();
    const plan = readPlan(table);
    const t1 = performance.now();
    checkPlan(plan, { today: TODAY });
    computeProgress(plan, { today: TODAY });
    const t2 = performance.now();
    read = Math.min(read, t1 - t0);
    total = Math.min(total, t2 - t0);
    items = plan.items.length;
  }
  return { read, total, items };
}

export async function run(): Promise<void> {
  const side = best(sideBySidePlan(ROWS));
  const plain = best(plainPlan(ROWS));
  console.log(`\nlayouts: ${ROWS.toLocaleString('en-US')} key-result rows, best of ${RUNS} (core only)`);
  console.log('  layout         items    read ms  read+check+progress ms');
  const line = (name: string, r: typeof side) =>
    console.log(
      `  ${name.padEnd(13)} ${String(r.items).padStart(7)}  ${r.read.toFixed(0).padStart(8)}  ${r.total.toFixed(0).padStart(10)}`,
    );
  line('side by side', side);
  line('plain', plain);
  console.log(
    `  side by side / plain: read ×${(side.read / plain.read).toFixed(2)}, all ×${(side.total / plain.total).toFixed(2)}`,
  );
}

if (process.argv[1]?.endsWith('layouts.ts')) await run();
