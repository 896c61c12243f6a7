// The 100,000-row .xlsx on its own (issue 7's goal: `cascade lint` under 1.5 s and 300 MB), and
// `progress --write` on it (the write copies unchanged zip entries and deflates only what it
// patched). Prints wall seconds, the child's CPU seconds (user + system: less blurred than wall
// time when other work shares the machine) and its peak memory; never asserts a time. Run alone:
// `node --import tsx bench/xlsx-large.ts` (after `npm run build`).
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runCascade, type ChildRun as Run } from './child-run.js';
import { generatePlan, writePlanXlsx } from './generate-plan.js';

function line(label: string, r: Run): string {
  return `  ${label.padEnd(34)} ${r.seconds.toFixed(2).padStart(6)} s  cpu ${r.cpuSeconds.toFixed(2).padStart(5)} s  ${r.peakMb.toFixed(0).padStart(4)} MB  exit ${r.code}`;
}

/** The best of `times` runs, by CPU time. */
async function best(times: number, run: () => Promise<Run>): Promise<Run> {
  let top: Run | null = null;
  for (let i = 0; i < times; i++) {
    const r = await run();
    if (!top || r.cpuSeconds < top.cpuSeconds) top = r;
  }
  return top!;
}

export async function runLargeXlsx(dir: string, times = 2): Promise<void> {
  const table = generatePlan(100_000);
  const plan = join(dir, 'plan-100k.xlsx');
  const excelLike = join(dir, 'plan-100k-shared-strings.xlsx');
  await writePlanXlsx(plan, table);
  await writePlanXlsx(excelLike, table, { sharedStrings: true });
  console.log('\nThe 100,000-row .xlsx alone (best of runs by CPU; wall time is what others on the machine leave)');
  console.log(line('cascade lint (text report)', await best(times, () => runCascade(['lint', plan]))));
  console.log(
    line('cascade lint --format json', await best(times, () => runCascade(['lint', plan, '--format', 'json']))),
  );
  console.log(line('  texts as shared strings (text)', await best(times, () => runCascade(['lint', excelLike]))));
  const write = await best(times, async () => {
    const target = join(dir, 'write-100k.xlsx');
    await copyFile(plan, target);
    return runCascade(['progress', target, '--write', '--format', 'json']);
  });
  console.log(line('cascade progress --write (first)', write));
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cascade-bench-xlsx-'));
  try {
    await runLargeXlsx(dir);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await run();
