// One way for the benches to run the built command in a child process and learn what it cost:
// wall seconds, CPU seconds (user + system) and peak memory (max RSS), which the child reports on
// exit, whatever ends it.
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';

export const BIN = fileURLToPath(new URL('../bin/cascade.js', import.meta.url));

const REPORT_USAGE = `data:text/javascript,process.on('exit',()=>{const u=process.resourceUsage();process.stderr.write('\\nusage='+u.maxRSS+','+(u.userCPUTime+u.systemCPUTime)+'\\n')})`;
const USAGE_LINE = /\nusage=(\d+),(\d+)\n/;

export interface ChildRun {
  seconds: number;
  cpuSeconds: number;
  peakMb: number;
  code: number;
  /** What the child wrote to stderr, without the usage line. */
  stderr: string;
}

/** Runs `node ARGS` (the script first: BIN, or `-e 0`) and measures it. */
export function runChild(args: readonly string[]): Promise<ChildRun> {
  return new Promise((resolve, reject) => {
    const start = performance.now();
    const child = spawn(process.execPath, ['--import', REPORT_USAGE, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => {
      const usage = USAGE_LINE.exec(stderr);
      resolve({
        seconds: (performance.now() - start) / 1000,
        cpuSeconds: usage ? Number(usage[2]) / 1e6 : NaN,
        peakMb: usage ? Number(usage[1]) / 1024 : NaN,
        code: code ?? 1,
        stderr: stderr.replace(USAGE_LINE, ''),
      });
    });
  });
}

/** `cascade ARGS --today 2026-05-01`, measured; a crash (an exit other than 0 or 1) stops the bench. */
export async function runCascade(args: readonly string[]): Promise<ChildRun> {
  const run = await runChild([BIN, ...args, '--today', '2026-05-01']);
  if (run.code !== 0 && run.code !== 1)
    throw new Error(`cascade ${args.join(' ')} exited ${run.code}: ${run.stderr.trim()}`);
  return run;
}
