// `cascade sync FILE --parent PAGE_ID [--dry-run] [--today YYYY-MM-DD] [--framework F]`:
// the plan, with its progress, pace and check, mirrored into Notion (notion-sync/).
import { stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { Command } from 'commander';
import type cliProgress from 'cli-progress';
import type { ColumnMapping, Day, FrameworkId } from '../../shared/index.js';
import type { LimiterOptions, NotionApiOptions, PlanIdentity, SyncProgress } from '../../notion-sync/index.js';
import { CliError } from '../errors.js';
import { columnsOption, frameworkOption, todayOf, todayOption } from '../options.js';
import { plural } from '../../shared/format.js';
import { loadPlan } from '../plan-input.js';
import { whoOf } from '../history/check-in-options.js';

interface SyncFlags {
  parent: string;
  plan?: string;
  recreate?: boolean;
  pull: boolean;
  dryRun?: boolean;
  force?: boolean;
  today?: Day;
  framework?: FrameworkId;
  columns?: ColumnMapping;
}

export function syncCommand(): Command {
  return new Command('sync')
    .description('mirror the plan into Notion: one database per level under a parent page (token in NOTION_TOKEN)')
    .argument('<file>', 'the plan (.xlsx or .csv)')
    .requiredOption(
      '--parent <page>',
      'the Notion page (ID or link) under which the databases live; share it with your integration',
    )
    .option(
      '--plan <key>',
      "the plan's key in Notion, which ties the databases to this plan (default: the file's name without its extension)",
    )
    .option('--recreate', "make new databases for this plan's databases that are in Notion's trash")
    .option(
      '--no-pull',
      'one way: do not bring check-ins made in Notion (Current, Status, Last check-in, Note) into the file',
    )
    .option('--dry-run', 'show what would be created, updated and trashed, and change nothing')
    .option('--force', 'go ahead even when most pages in Notion would go to the trash')
    .addOption(todayOption())
    .addOption(frameworkOption())
    .addOption(columnsOption())
    .addHelpText(
      'after',
      "\nEnvironment:\n  NOTION_TOKEN     the integration's secret (required)\n  NOTION_BASE_URL  another API address (a proxy, or tests)\n\nSee docs/notion.md for setting up the integration.",
    )
    .action(async (file: string, flags: SyncFlags) => {
      await runSync(file, flags);
    });
}

async function runSync(file: string, flags: SyncFlags): Promise<void> {
  const token = process.env.NOTION_TOKEN?.trim();
  // The Notion client and the mirror load only for this command: the others start faster without them.
  const [notion, sync, { pullIntoFile }, { loadHistory }, { default: progressBars }] = await Promise.all([
    import('@notionhq/client'),
    import('../../notion-sync/index.js'),
    import('../sync-pull.js'),
    import('../history/plan-history.js'),
    import('cli-progress'),
  ]);
  const {
    buildMirror,
    checkPlanKey,
    formatDryRun,
    formatSummary,
    missingToken,
    NotionApi,
    redact,
    SyncError,
    syncMirror,
  } = sync;
  // A CommonJS package loaded on demand: its exports are its default export once bundled.
  const { extractPageId } = (notion as unknown as { default?: typeof notion }).default ?? notion;
  try {
    const parentPageId = parsePage(flags.parent, extractPageId);
    if (!token) throw missingToken();
    // Pulling check-ins writes into the file: the cells read are kept for that write.
    const { plan, file: planFile } = await loadPlan(file, flags.framework, flags.columns, {
      keepCells: flags.pull,
      use: flags.pull ? 'write' : 'progress',
    });
    const today = todayOf(flags);
    const history = await loadHistory(planFile);
    const notes: string[] = history.problems.slice(0, 5).map((p) => `warning: ${p}`);
    const mirror = buildMirror(plan, { today, history: history.records });
    const pull = flags.pull
      ? pullIntoFile({ file: planFile, plan, history, today, who: whoOf({}), mirror }, notes)
      : undefined;
    const planEditedAt = (await stat(file)).mtime.toISOString();
    const api = new NotionApi({ token, ...apiSettings(process.env) });
    const progress = progressDisplay(progressBars);
    let report;
    try {
      const plan = planIdentity(file, flags.plan, checkPlanKey);
      report = await syncMirror(mirror, {
        api,
        parentPageId,
        plan,
        recreate: flags.recreate,
        dryRun: flags.dryRun,
        allowMassTrash: flags.force,
        progress,
        pull,
        planEditedAt,
      });
    } finally {
      progress.stop();
    }
    if (report.dryRun) console.log(formatDryRun(report));
    console.log(redact(formatSummary(report), token));
    for (const note of notes) console.log(`Note: ${note}`);
    if (report.rejected.length > 0) {
      throw new CliError(
        `Notion refused ${plural(report.rejected.length, 'row')} (listed above); ` +
          'fix the values in the plan and run sync again.',
      );
    }
  } catch (error) {
    if (error instanceof CliError) throw new CliError(redact(error.message, token), error.exitCode);
    if (error instanceof SyncError) throw new CliError(redact(error.message, token));
    if (error instanceof Error) {
      error.message = redact(error.message, token);
      // The stack was written with the old message; CASCADE_DEBUG prints it.
      if (error.stack) error.stack = redact(error.stack, token);
    }
    throw error;
  }
}

/** The plan's key: --plan, else the file's name ("okr-plan" for okr-plan.xlsx), which stays the same wherever the file is. */
function planIdentity(
  file: string,
  key: string | undefined,
  checkPlanKey: (key: string) => string | null,
): PlanIdentity {
  const chosen = key ?? basename(file).replace(/\.[^.]*$/, '');
  const problem = checkPlanKey(chosen);
  if (problem) throw new CliError(`--plan "${chosen}": ${problem}.`);
  return { key: chosen.trim() };
}

function parsePage(text: string, extractPageId: (text: string) => string | null): string {
  const id = extractPageId(text);
  if (!id) {
    throw new CliError(
      `--parent "${text}" is not a Notion page ID or link. Copy the page's link in Notion (••• → Copy link) and pass it, ` +
        'or the 32-character ID at its end.',
    );
  }
  return id;
}

/**
 * Tuning for tests and proxies: CASCADE_NOTION_RATE (requests/s, "off" for none),
 * CASCADE_NOTION_BURST, CASCADE_NOTION_RETRY_MS (first backoff), CASCADE_NOTION_TIMEOUT_MS.
 */
export function apiSettings(env: NodeJS.ProcessEnv): Omit<NotionApiOptions, 'token'> {
  const number = (name: string): number | undefined => {
    const text = env[name]?.trim();
    if (!text) return undefined;
    const value = text === 'off' ? Infinity : Number(text);
    if (Number.isNaN(value) || value < 0) throw new CliError(`${name}="${text}" is not a number.`);
    return value;
  };
  const rate = number('CASCADE_NOTION_RATE');
  const burst = number('CASCADE_NOTION_BURST');
  const limiter: LimiterOptions | undefined =
    rate === undefined && burst === undefined ? undefined : { rate: rate ?? 3, burst: Math.max(1, burst ?? 3) };
  const retryMs = number('CASCADE_NOTION_RETRY_MS');
  return {
    baseUrl: env.NOTION_BASE_URL?.trim() || undefined,
    limiter,
    retry: retryMs === undefined ? undefined : { baseMs: retryMs },
    timeoutMs: number('CASCADE_NOTION_TIMEOUT_MS'),
  };
}

/** A progress bar on a terminal; one line per phase otherwise. Both on stderr, away from the report. */
function progressDisplay(bars: typeof cliProgress): SyncProgress & { stop(): void } {
  const stream = process.stderr;
  if (!stream.isTTY) {
    return { start() {}, tick() {}, finish: (line) => void stream.write(`${line}\n`), stop() {} };
  }
  let bar: cliProgress.SingleBar | null = null;
  // Ctrl-C during a bar: give the cursor back before leaving (the next run carries on).
  const interrupted = () => {
    stop();
    process.exit(130);
  };
  const stop = () => {
    bar?.stop();
    bar = null;
    process.off('SIGINT', interrupted);
  };
  return {
    start(phase, total) {
      stop();
      bar = new bars.SingleBar(
        {
          format: `${phase.padEnd(18)} [{bar}] {value}/{total}  {duration_formatted}`,
          stream,
          clearOnComplete: true,
          hideCursor: true,
        },
        bars.Presets.shades_classic,
      );
      bar.start(total, 0);
      process.once('SIGINT', interrupted);
    },
    tick() {
      bar?.increment();
    },
    finish(line) {
      stop();
      stream.write(`${line}\n`);
    },
    stop,
  };
}
