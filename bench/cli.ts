// CLI benchmark: the built `cascade` command end to end (start, read the .xlsx, check or roll up,
// print) on generated plans of 1,000, 10,000 and 100,000 rows. Prints rows per second and the
// child's peak memory (max RSS) for lint, progress and progress --write. Figures only: timings are
// never asserted, a busy machine blurs them.
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BIN, runCascade, type ChildRun } from './child-run.js';
import { generatePlan, writePlanXlsx } from './generate-plan.js';

const SIZES = [1_000, 10_000, 100_000];
const COMMANDS: { label: string; args: string[]; writes?: boolean }[] = [
  { label: 'lint', args: ['lint', '--format', 'json'] },
  { label: 'progress', args: ['progress', '--format', 'json'] },
  { label: 'progress --write', args: ['progress', '--write', '--format', 'json'], writes: true },
];

/**
 * 10,000 objectives of 9 key results each (100,000 rows, a CSV): every key result is at 10 %, so
 * every objective is too. The result is checked (the bench stops on a wrong one) and timed.
 */
async function verifiedRollUp(dir: string): Promise<void> {
  const header = [
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
    'Weight',
    'Progress',
  ];
  const lines = [header.join(',')];
  for (let o = 1; o <= 10_000; o++) {
    lines.push(
      `O${o},Objective,,Grow segment ${o} to 90 accounts,Ana,,,,,,2026-04-01,2026-06-30,weekly,2026-04-28,On track,,`,
    );
    for (let k = 1; k <= 9; k++)
      lines.push(
        `KR${o}.${k},Key Result,O${o},Sign ${k * 10} accounts,Ben,increase,0,${k * 10},${k},accounts,2026-04-01,2026-06-30,weekly,2026-04-28,On track,,`,
      );
  }
  const file = join(dir, 'rollup.csv');
  await writeFile(file, lines.join('\n'));
  const start = performance.now();
  const { stdout, code } = await new Promise<{ stdout: string; code: number | null }>((resolve, reject) => {
    const child = spawn(process.execPath, [BIN, 'progress', file, '--format', 'json', '--today', '2026-05-01'], {
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('close', (exit) => resolve({ stdout: out, code: exit }));
  });
  const seconds = (performance.now() - start) / 1000;
  const items = (JSON.parse(stdout) as { items: { row: number; id: string; progress: number | null }[] }).items;
  const wrong = items.filter((item) => item.progress === null || Math.abs(item.progress - 0.1) > 1e-12);
  if (
    code !== 0 ||
    items.length !== 100_000 ||
    items[99_999].id !== 'KR10000.9' ||
    items[99_999].row !== 100_001 ||
    wrong.length > 0
  ) {
    throw new Error(`progress on 100,000 rows: exit ${code}, ${items.length} items, ${wrong.length} not at 10 %`);
  }
  console.log(`  100,000-row CSV roll-up (progress --format json): right for every row, ${seconds.toFixed(2)} s`);
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cascade-bench-cli-'));
  try {
    await verifiedRollUp(dir);
    console.log('\nCLI end to end (node bin/cascade.js on .xlsx plans; best of the runs, peak RSS of the child)');
    console.log(
      `${'rows'.padStart(8)}  ${'command'.padEnd(17)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(9)} ${'peak MB'.padStart(8)}`,
    );
    for (const size of SIZES) {
      const plan = join(dir, `plan-${size}.xlsx`);
      await writePlanXlsx(plan, generatePlan(size));
      const runs = size >= 100_000 ? 1 : 3;
      for (const command of COMMANDS) {
        let best: ChildRun | null = null;
        for (let i = 0; i < runs; i++) {
          const target = command.writes ? join(dir, `write-${size}-${i}.xlsx`) : plan;
          if (command.writes) await copyFile(plan, target);
          const measure = await runCascade([...command.args.slice(0, 1), target, ...command.args.slice(1)]);
          if (!best || measure.seconds < best.seconds) best = measure;
        }
        const { seconds, peakMb } = best!;
        console.log(
          `${size.toLocaleString('en-US').padStart(8)}  ${command.label.padEnd(17)} ${seconds.toFixed(2).padStart(8)} ${Math.round(
            size / seconds,
          )
            .toLocaleString('en-US')
            .padStart(9)} ${peakMb.toFixed(0).padStart(8)}`,
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
