// Core benchmark: read + check + roll up plans of 1,000, 10,000 and 100,000 rows, printing rows
// per second and memory. Goal: 100,000 rows in under a second on a 2-core machine, linear cost.
import { performance } from 'node:perf_hooks';
import { checkPlan, computeProgress, dayFromIso, fillBlankIds, readPlan, type RawTable } from '../shared/index.js';
import { generatePlan } from './generate-plan.js';

const SIZES = [1_000, 10_000, 100_000];
/** Best of several runs: more for small plans, whose timings a busy machine blurs most. */
const runsFor = (size: number) => Math.min(50, Math.max(5, Math.round(200_000 / size)));
const TODAY = dayFromIso('2026-05-01');

interface Timing {
  read: number;
  check: number | null;
  progress: number;
  total: number;
  heapMb: number;
}

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

function checkAvailable(): boolean {
  try {
    checkPlan(readPlan({ header: ['ID', 'Level', 'Title'], rows: [] }), { today: TODAY });
    return true;
  } catch {
    return false;
  }
}

function once(table: RawTable, withCheck: boolean): Timing {
  gc();
  const heapBefore = process.memoryUsage().heapUsed;
  const t0 = performance.now();
  const plan = readPlan(table);
  const t1 = performance.now();
  const findings = withCheck ? checkPlan(plan, { today: TODAY }) : [];
  const t2 = performance.now();
  const progress = computeProgress(plan, { today: TODAY });
  const t3 = performance.now();
  const heapMb = (process.memoryUsage().heapUsed - heapBefore) / 2 ** 20;
  if (progress.length !== plan.items.length || findings.length < 0) throw new Error('unexpected result');
  return { read: t1 - t0, check: withCheck ? t2 - t1 : null, progress: t3 - t2, total: t3 - t0, heapMb };
}

const ms = (value: number | null) => (value === null ? '   —' : value.toFixed(0).padStart(4));

export async function run(): Promise<void> {
  const withCheck = checkAvailable();
  console.log('\ncore: readPlan + checkPlan + computeProgress (best of 5–50 runs, today 2026-05-01)');
  if (!withCheck) console.log('  checkPlan is not implemented yet: timing read + progress only');
  if (!(globalThis as { gc?: unknown }).gc) console.log('  (run node with --expose-gc for steadier memory figures)');
  console.log('  rows      read ms  check ms  progress ms  total ms     rows/s   heap MB  peak RSS MB');
  const perRow: number[] = [];
  for (const size of SIZES) {
    const table = generatePlan(size);
    let best: Timing | null = null;
    for (let r = 0; r < runsFor(size); r++) {
      const timing = once(table, withCheck);
      if (best === null || timing.total < best.total) best = timing;
    }
    const b = best as Timing;
    const rss = process.resourceUsage().maxRSS / 1024;
    perRow.push(b.total / size);
    console.log(
      `  ${String(size).padEnd(9)} ${ms(b.read)}     ${ms(b.check)}      ${ms(b.progress)}       ${ms(b.total)}  ${Math.round(
        size / (b.total / 1000),
      )
        .toLocaleString('en-US')
        .padStart(10)}  ${b.heapMb.toFixed(0).padStart(8)}  ${rss.toFixed(0).padStart(11)}`,
    );
  }
  const last = SIZES.length - 1;
  const growth = perRow[last] / perRow[last - 1];
  console.log(
    `  cost per row at ${SIZES[last].toLocaleString('en-US')} rows vs ${SIZES[last - 1].toLocaleString('en-US')}: ×${growth.toFixed(2)} (1 = linear)`,
  );
  fillIdsScaling();
}

/** fillBlankIds on plans of blank IDs (half under one objective): its cost per row should not grow. */
function fillIdsScaling(): void {
  const perRow: number[] = [];
  const line: string[] = [];
  for (const size of [10_000, 100_000]) {
    const rows = [['O1', 'Objective', 'root', '']];
    for (let i = 0; i < size; i++) rows.push(['', i % 2 ? 'Task' : 'Key Result', 'x', i % 3 ? 'O1' : '']);
    const plan = readPlan({ header: ['ID', 'Level', 'Title', 'Parent'], rows });
    let best = Infinity;
    for (let r = 0; r < 5; r++) {
      const t0 = performance.now();
      if (fillBlankIds(plan).length !== size) throw new Error('fillBlankIds missed a row');
      best = Math.min(best, performance.now() - t0);
    }
    perRow.push(best / size);
    line.push(`${size.toLocaleString('en-US')} rows ${best.toFixed(0)} ms`);
  }
  console.log(
    `  fillBlankIds (Fix IDs): ${line.join(', ')}; cost per row ×${(perRow[1] / perRow[0]).toFixed(2)} (1 = linear)`,
  );
}

if (import.meta.url === `file://${process.argv[1]}`) await run();
