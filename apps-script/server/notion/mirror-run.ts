// One execution of the mirror, from the sidebar or a trigger: read the plan sheet (one call), build
// the desired state with notion-sync's buildMirror, run the engine until done or until the
// execution's budget is spent, and record where it stands. A run cut short continues in the next
// execution: nothing is carried over but the page and the sheet, since the mirror finds its pages
// by Cascade ID.
import { CHECKINS_SHEET, plural } from '../../../shared/index.js';
import { readHistorySheet } from '../checkins-sheet.js';
import { buildMirror } from '../../../notion-sync/mirror.js';
import type { SyncReport } from '../../../notion-sync/types.js';
import type { NotionDatabaseView, NotionRunView } from '../../protocol.js';
import { UserError } from '../errors.js';
import { openPlan } from '../open-plan.js';
import { pickSheet } from '../plan-sheet.js';
import { mappingOf, sessionOf } from '../session.js';
import type { Session } from '../session.js';
import { runCheck } from '../check-action.js';
import { runProgress } from '../progress-action.js';
import { pullIntoSheet } from './check-ins.js';
import type { WrittenCheckIn } from './check-ins.js';
import { DEFAULT_SETTINGS } from '../settings.js';
import { notionEngine } from './engine.js';
import { sidebarMessage, sidebarWarning } from './messages.js';
import { loadLink, loadSecret, saveLink, saveProgress } from './store.js';
import type { NotionLink } from './store.js';
import { appsScriptClock, urlFetch } from './transport.js';
import { continueLater, removeTrigger } from './triggers.js';

/** Apps Script stops an execution at 6 minutes: writes stop at 4.5, leaving time to record the outcome. */
export const EXECUTION_BUDGET_MS = 270_000;
/** A run that is cut continues this long after (a one-off trigger), unless the sidebar continues it first. */
export const CONTINUE_AFTER_MS = 60_000;
/** A run marked as running for longer than an execution can last was stopped by Apps Script. */
const STALE_RUN_MS = 7 * 60_000;
/** How often the live progress is written (every so many pages). */
const PROGRESS_EVERY = 10;

export type RunTrigger = 'started' | 'continued' | 'scheduled';

export interface MirrorTarget {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  id: string;
  /** The plan sheet to mirror; null: the one mirrored last. */
  sheet: string | null;
  /**
   * The document's settings and mappings when run from the sidebar; a trigger, which cannot read
   * the document's properties, uses those saved with the last run.
   */
  session: Session | null;
}

export async function runMirror(target: MirrorTarget, trigger: RunTrigger, startedAt: number): Promise<NotionLink> {
  const secret = loadSecret();
  if (secret === null)
    throw new UserError('notion', 'Connect Notion first: paste your integration secret in the Notion tab.');
  const link = claim(target.id, trigger, startedAt);
  try {
    if (link.page === null)
      throw new UserError('notion', 'Paste the link of the Notion page to mirror under, then press Test connection.');
    const named = pickSheet(target.spreadsheet, target.sheet ?? link.sheet);
    const session =
      target.session ??
      sessionOf(
        target.spreadsheet,
        link.settings ?? DEFAULT_SETTINGS,
        link.mapping === null ? new Map() : new Map([[named.sheet.getSheetId(), link.mapping]]),
      );
    const mapping = mappingOf(session, named.sheet);
    link.sheet = named.name;
    link.settings = session.settings;
    link.mapping = mapping ?? null;
    const { planSheet, plan } = openPlan(session, named, mapping);
    const history = readHistorySheet(target.spreadsheet, session.calendar).history;
    const mirror = buildMirror(plan, { today: session.today, history: history.records });
    const checkIns: WrittenCheckIn[] = [];
    const recorded = { added: 0 };
    const live = { phase: 'Reading the plan', done: 0, total: 0 };
    const outcome = await notionEngine().mirror(
      { token: secret, fetch: urlFetch(), clock: appsScriptClock },
      {
        mirror,
        parentPageId: link.page.id,
        // The spreadsheet and the sheet (by id: renaming it keeps its databases).
        plan: { key: `${target.id}:${named.sheet.getSheetId()}`, name: named.name },
        pull: pullIntoSheet(planSheet, plan, mirror, session, checkIns, recorded),
        deadline: startedAt + EXECUTION_BUDGET_MS,
        progress: {
          start(phase, total) {
            Object.assign(live, { phase, done: 0, total });
            saveProgress(target.id, live);
          },
          tick() {
            live.done++;
            if (live.done % PROGRESS_EVERY === 0 || live.done === live.total) saveProgress(target.id, live);
          },
          finish() {},
        },
      },
    );
    // A check-in with only a note (no Note column) moves Last check-in too.
    if (checkIns.some((c) => c.outcome === 'written') || recorded.added > 0) {
      // The check and the progress move with the check-ins, as the live check would after an edit.
      runCheck({ sheet: named.name }, undefined, session);
      runProgress({ sheet: named.name }, session);
    }
    if ('failure' in outcome) finishFailed(link, sidebarMessage(outcome.failure));
    else finishReport(target.id, link, outcome.report);
    link.run.checkIns = checkIns.map(checkInLine);
    if (recorded.added > 0)
      link.run.checkIns.push(`Added ${plural(recorded.added, 'check-in')} to the ${CHECKINS_SHEET} sheet`);
  } catch (error) {
    const message = notionEngine().redact(error instanceof Error ? error.message : String(error), secret);
    if (!(error instanceof UserError)) console.error(`Cascade: the Notion mirror failed: ${message}`);
    finishFailed(link, message);
  }
  saveLink(target.id, link);
  return link;
}

/** Marks the run as running (refusing while another execution runs it) and counts the execution. */
function claim(spreadsheetId: string, trigger: RunTrigger, startedAt: number): NotionLink {
  const lock = LockService.getUserLock();
  if (!lock.tryLock(10_000))
    throw new UserError('busy', 'Cascade is busy with another Notion run. Try again in a moment.');
  try {
    const link = loadLink(spreadsheetId);
    const running =
      link.run.state === 'running' &&
      link.run.startedAt !== null &&
      startedAt - Date.parse(link.run.startedAt) < STALE_RUN_MS;
    if (running)
      throw new UserError(
        'busy',
        'The mirror is already running for this spreadsheet; its progress shows in the Notion tab.',
      );
    removeTrigger(link.continuation);
    link.continuation = null;
    link.run = {
      ...link.run,
      state: 'running',
      trigger: link.run.state === 'incomplete' && trigger === 'started' ? 'continued' : trigger,
      phase: 'Reading the plan',
      done: 0,
      total: 0,
      startedAt: new Date(startedAt).toISOString(),
      finishedAt: null,
      // A run cut at the time limit goes on; anything else starts afresh.
      executions: link.run.state === 'incomplete' ? link.run.executions + 1 : 1,
      continueAt: null,
      checkIns: [],
      errors: [],
      warnings: [],
    };
    saveLink(spreadsheetId, link);
    return link;
  } finally {
    lock.releaseLock();
  }
}

/** "KR1.1, Current: 35 from Notion (Mei Chen)" or why it was not written. */
function checkInLine({ value, outcome }: WrittenCheckIn): string {
  const who = value.byName ? ` (${value.byName})` : '';
  const what = `Row ${value.row} (${value.id}), ${value.column}: ${value.notionValue ?? 'blank'} from Notion${who}`;
  if (outcome === 'written') return what;
  if (outcome === 'no such column') return `${what}, not kept: the plan has no ${value.column} column`;
  return `${what}, not written: the cell was changed in the sheet meanwhile`;
}

function finishFailed(link: NotionLink, message: string): void {
  link.run = {
    ...link.run,
    state: 'failed',
    phase: '',
    finishedAt: new Date().toISOString(),
    continueAt: null,
    errors: [message],
  };
}

function finishReport(spreadsheetId: string, link: NotionLink, report: SyncReport): void {
  const left = report.incomplete?.left ?? 0;
  const previous = link.run.databases;
  link.run = {
    ...link.run,
    state: left > 0 ? 'incomplete' : 'done',
    phase: '',
    finishedAt: new Date().toISOString(),
    left,
    databases: mergeCounts(link.run.executions > 1 ? previous : [], report),
    errors: report.rejected.map(
      (r) => `Row ${r.row ?? '?'} (${r.id})${r.column ? `, ${r.column}` : ''}: Notion refused it: ${r.message}`,
    ),
    warnings: report.warnings.map(sidebarWarning),
  };
  if (left > 0 && link.schedule.frequency === null) {
    // One clock trigger per user and document: with a schedule on, the next scheduled run continues.
    link.continuation = continueLater(spreadsheetId, CONTINUE_AFTER_MS);
    link.run.continueAt = new Date(Date.now() + CONTINUE_AFTER_MS).toISOString();
  }
}

/** A mirror that took several executions reports what all of them wrote. */
function mergeCounts(before: readonly NotionDatabaseView[], report: SyncReport): NotionDatabaseView[] {
  return report.databases.map((d) => {
    const earlier = before.find((b) => b.name === d.database);
    return {
      name: d.database,
      url: d.databaseId ? `https://www.notion.so/${d.databaseId.replace(/-/g, '')}` : (earlier?.url ?? null),
      created: d.created + (earlier?.created ?? 0),
      updated: d.updated + (earlier?.updated ?? 0),
      trashed: d.trashed + (earlier?.trashed ?? 0),
      unchanged: d.unchanged,
    };
  });
}

/** The run as the sidebar shows it: the stored record, with the live progress while it runs. */
export function runView(link: NotionLink, live: { phase: string; done: number; total: number } | null): NotionRunView {
  if (link.run.state !== 'running' || live === null) return link.run;
  return { ...link.run, ...live };
}
