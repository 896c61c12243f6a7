// The add-on's Notion mirror: how many Apps Script executions a first sync of n rows takes (each
// stops writing at 4.5 of its 6 minutes and a follow-up trigger carries on), with the built
// Code.js against the emulator, Notion's answers taking 300 ms and the mirror at its 3 requests/s
// on a simulated clock (so minutes of Apps Script pass in seconds here). Then the UrlFetch calls a
// first sync and a no-op re-sync spend, against Apps Script's daily quota.
import { connect, finishMirror, mirrorNow, notionAddon } from '../tests/addon/notion/notion-addon.js';
import { startNotionSide } from '../tests/addon/notion/notion-world.js';
import { seedPlan } from '../tests/addon/plans.js';
import { generatePlan } from './generate-plan.js';

const SIZES = (process.env.CASCADE_BENCH_ADDON_NOTION_SIZES ?? '100,500,1000,2000,5000').split(',').map(Number);
/** UrlFetchApp calls a day (Apps Script quotas): a consumer account, a Google Workspace one. */
const URLFETCH_QUOTA = { consumer: 20_000, workspace: 100_000 };

export async function run(): Promise<void> {
  console.log('\nAdd-on → Notion (built Code.js, emulator answering in 300 ms, 3 requests/s, simulated clock)');
  console.log('   rows  executions  first sync: UrlFetch calls, minutes   no-op re-sync: calls, writes');
  const notion = await startNotionSide();
  try {
    for (const rows of SIZES) {
      const a = notionAddon(notion);
      seedPlan(a.world, generatePlan(rows));
      await connect(a);
      const fetches = () => a.world.notion!.requests.length;
      const before = fetches();
      const started = a.clock.now;
      await mirrorNow(a);
      const executions = await finishMirror(a);
      // Time spent in executions (the minute between two of them not counted).
      const busyMinutes = (a.clock.now - started - (executions - 1) * 60_000) / 60_000;
      const firstCalls = fetches() - before;
      await notion.inspect('reset-log');
      const beforeNoop = fetches();
      await mirrorNow(a);
      const noopCalls = fetches() - beforeNoop;
      const noopWrites = await notion.inspect<number>('writes');
      console.log(
        `  ${String(rows).padStart(5)}  ${String(executions).padStart(10)}  ${String(firstCalls).padStart(19)}, ${busyMinutes.toFixed(1).padStart(4)} min` +
          `  ${String(noopCalls).padStart(19)}, ${noopWrites}`,
      );
      if (rows === SIZES.at(-1)) {
        const perRow = firstCalls / rows;
        console.log(
          `  UrlFetch quota: a first sync costs ≈ ${perRow.toFixed(2)} calls per row, so about ${Math.floor(URLFETCH_QUOTA.consumer / perRow).toLocaleString('en-US')} rows a day ` +
            `(consumer account, ${URLFETCH_QUOTA.consumer.toLocaleString('en-US')} calls) or ${Math.floor(URLFETCH_QUOTA.workspace / perRow).toLocaleString('en-US')} (Workspace); ` +
            `an hourly no-op of ${rows} rows costs ${noopCalls * 24} calls a day.`,
        );
      }
    }
  } finally {
    await notion.stop();
  }
}

if (process.argv[1]?.endsWith('addon-notion.ts')) await run();
