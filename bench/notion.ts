// The Notion mirror against the local emulator with Notion's rate limit on: API calls by kind,
// wall time, and how close the run comes to the floor the limit sets, for a first sync and a
// no-op re-sync. The mirror's own limiter runs at Notion's real 3 requests/s.
//
// Sizes: CASCADE_BENCH_NOTION_SIZES (default "100,500": a few minutes; "100,1000,5000" takes
// about 35 minutes, 5,000 creates at 3/s being 28 of them). CASCADE_BENCH_NOTION_LATENCY_MS
// (default 250) delays every answer as Notion's servers do, so that the floor is met only by
// keeping a few requests in flight.
import { dayFromIso, readPlan } from '../shared/index.js';
import { buildMirror, NOTION_RATE, NotionApi, syncMirror } from '../notion-sync/index.js';
import type { SyncReport } from '../notion-sync/index.js';
import { startEmulator } from '../tests/notion/emulator/index.js';
import { generatePlan } from './generate-plan.js';

const TODAY = '2026-05-01';
/** The emulator's limit: Notion's 3 requests/s on average, with short bursts. */
const SERVER_LIMIT = { rate: 3, burst: 5 };
const LATENCY_MS = Number(process.env.CASCADE_BENCH_NOTION_LATENCY_MS ?? 250);

function sizes(): number[] {
  const text = process.env.CASCADE_BENCH_NOTION_SIZES ?? '100,500';
  return text
    .split(',')
    .map((s) => Number(s.trim()))
    .filter((n) => Number.isInteger(n) && n > 0);
}

interface Figures {
  rows: number;
  run: string;
  report: SyncReport;
  wallS: number;
  rejected429: number;
}

function line(f: Figures): string {
  const { calls } = f.report;
  // Every request counts against the limit; the first `burst` go at once.
  const floorS = Math.max(0, calls.total - NOTION_RATE.burst) / NOTION_RATE.rate;
  const kinds = Object.entries(calls.byKind)
    .sort()
    .map(([k, n]) => `${k} ${n}`)
    .join(', ');
  const ratio = floorS > 0 ? (f.wallS / floorS).toFixed(2) : '—';
  return (
    `  ${String(f.rows).padStart(5)} rows  ${f.run.padEnd(10)} ${String(calls.total).padStart(5)} calls ` +
    `(${calls.reads} reads, ${calls.writes} writes, ${calls.retries} retries, ${f.rejected429} × 429)  ` +
    `wall ${f.wallS.toFixed(1)} s  floor ${floorS.toFixed(1)} s  ratio ${ratio}\n        ${kinds}`
  );
}

async function measure(rows: number): Promise<Figures[]> {
  const emu = await startEmulator({ rateLimit: SERVER_LIMIT });
  try {
    const parent = emu.model.addPage('Benchmark plan');
    if (LATENCY_MS > 0) emu.inject({ status: 200, delayMs: LATENCY_MS });
    const mirror = buildMirror(readPlan(generatePlan(rows)), { today: dayFromIso(TODAY) });
    const figures: Figures[] = [];
    for (const run of ['first sync', 'no-op', 'no-op pull']) {
      // Runs are minutes apart in life: let Notion's bucket fill up again, as it would.
      if (run !== 'first sync')
        await new Promise((resolve) => setTimeout(resolve, (SERVER_LIMIT.burst / SERVER_LIMIT.rate) * 1000));
      emu.clearLog();
      const api = new NotionApi({ token: emu.token, baseUrl: emu.url, limiter: NOTION_RATE });
      const started = performance.now();
      // The third run pulls check-ins as `cascade sync` does; nothing changed in Notion, so nothing comes back.
      const pull = run === 'no-op pull' ? () => mirror : undefined;
      const report = await syncMirror(mirror, { api, parentPageId: parent, plan: { key: 'benchmark-plan' }, pull });
      const wallS = (performance.now() - started) / 1000;
      figures.push({ rows, run, report, wallS, rejected429: emu.log.filter((e) => e.status === 429).length });
      console.log(line(figures.at(-1)!));
    }
    const [first, noop, noopPull] = figures;
    const mirrored = mirror.levels.reduce((n, l) => n + l.rows.length, 0);
    const creates = first.report.calls.byKind['pages.create'] ?? 0;
    const queries = noop.report.calls.byKind['dataSources.query'] ?? 0;
    const expectedQueries = mirror.levels.reduce((n, l) => n + Math.max(1, Math.ceil(l.rows.length / 100)), 0);
    console.log(
      `        first sync: ${creates} creates for ${mirrored} rows + ${first.report.calls.total - creates} other calls; ` +
        `no-op: ${noop.report.calls.writes} writes, ${queries} queries (⌈rows/100⌉ per database = ${expectedQueries}); ` +
        `pulling adds ${noopPull.report.calls.total - noop.report.calls.total} calls`,
    );
    return figures;
  } finally {
    await emu.stop();
  }
}

export async function run(): Promise<void> {
  console.log(
    `\nNotion mirror (emulator: limit ${SERVER_LIMIT.rate}/s with bursts of ${SERVER_LIMIT.burst}, answers in ${LATENCY_MS} ms; ` +
      `mirror: ${NOTION_RATE.rate}/s, bursts of ${NOTION_RATE.burst})`,
  );
  console.log('  floor = (API calls − burst) ÷ 3 per second; ratio = wall time ÷ floor (goal ≤ 1.2)');
  for (const rows of sizes()) await measure(rows);
}

if (process.argv[1]?.endsWith('notion.ts')) await run();
