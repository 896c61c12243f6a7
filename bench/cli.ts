// CLI benchmark: the built `cascade` command end to end (start, read the .xlsx, check or roll up,
// print) on generated plans of 1,000, 10,000 and 100,000 rows. Prints rows per second and the
// child's peak memory (max RSS) for lint, progress and progress --write. Figures only: timings are
// never asserted, a busy machine blurs them.
import { spawn } from 'node:child_process';
import { copyFile, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { generatePlan, writePlanXlsx } from './generate-plan.js';

const SIZES = [1_000, 10_000, 100_000];
const BIN = fileURLToPath(new URL('../bin/cascade.js', import.meta.url));
/** Reports the child's peak memory on exit, whatever ends it. */
const REPORT_RSS = `data:text/javascript,process.on('exit',()=>process.stderr.write('\\nmaxrss_kb='+process.resourceUsage().maxRSS+'\\n'))`;
const COMMANDS: { label: string; args: string[]; writes?: boolean }[] = [
  { label: 'lint', args: ['lint', '--format', 'json'] },
  { label: 'progress', args: ['progress', '--format', 'json'] },
  { label: 'progress --write', args: ['progress', '--write', '--format', 'json'], writes: true },
];

interface Measure {
  seconds: number;
  peakMb: number;
  code: number;
}

function runOnce(args: string[]): Promise<Measure> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', REPORT_RSS, BIN, ...args, '--today', '2026-05-01'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const seconds = (performance.now() - start) / 1000;
      const rss = /maxrss_kb=(\d+)/.exec(stderr);
      if (code !== 0 && code !== 1) reject(new Error(`cascade ${args.join(' ')} exited ${code}: ${stderr.trim()}`));
      else resolve({ seconds, peakMb: rss ? Number(rss[1]) / 1024 : NaN, code: code ?? 0 });
    });
  });
}

export async function run(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'cascade-bench-cli-'));
  try {
    console.log('\nCLI end to end (node bin/cascade.js on .xlsx plans; best of the runs, peak RSS of the child)');
    console.log(`${'rows'.padStart(8)}  ${'command'.padEnd(17)} ${'seconds'.padStart(8)} ${'rows/s'.padStart(9)} ${'peak MB'.padStart(8)}`);
    for (const size of SIZES) {
      const plan = join(dir, `plan-${size}.xlsx`);
      await writePlanXlsx(plan, generatePlan(size));
      const runs = size >= 100_000 ? 1 : 3;
      for (const command of COMMANDS) {
        let best: Measure | null = null;
        for (let i = 0; i < runs; i++) {
          const target = command.writes ? join(dir, `write-${size}-${i}.xlsx`) : plan;
          if (command.writes) await copyFile(plan, target);
          const measure = await runOnce([...command.args.slice(0, 1), target, ...command.args.slice(1)]);
          if (!best || measure.seconds < best.seconds) best = measure;
        }
        const { seconds, peakMb } = best!;
        console.log(
          `${size.toLocaleString('en-US').padStart(8)}  ${command.label.padEnd(17)} ${seconds.toFixed(2).padStart(8)} ${Math.round(size / seconds).toLocaleString('en-US').padStart(9)} ${peakMb.toFixed(0).padStart(8)}`,
        );
      }
    }
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
