// The Notion tab's google.script.run targets and the clock trigger's entry. The secret arrives
// once (Connect) and is kept in the user's properties; nothing sent back carries more than its hint.
import type {
  NotionConnectRequest,
  NotionScheduleRequest,
  NotionStateResponse,
  NotionTestResponse,
  SheetRequest,
} from '../../protocol.js';
import { UserError } from '../errors.js';
import { openSession } from '../session.js';
import { notionEngine } from './engine.js';
import { sidebarMessage } from './messages.js';
import { runMirror, runView } from './mirror-run.js';
import type { RunTrigger } from './mirror-run.js';
import {
  forgetSecret,
  loadLink,
  loadProgress,
  loadSecret,
  saveLink,
  saveSecret,
  secretHint,
  spreadsheetOfTrigger,
} from './store.js';
import type { NotionLink } from './store.js';
import { appsScriptClock, urlFetch } from './transport.js';
import { removeTrigger, schedule } from './triggers.js';

const active = () => {
  const spreadsheet = SpreadsheetApp.getActiveSpreadsheet();
  return { spreadsheet, id: spreadsheet.getId() };
};

function stateOf(id: string, link: NotionLink = loadLink(id)): NotionStateResponse {
  const secret = loadSecret();
  return {
    connected: secret !== null,
    secretHint: secret === null ? null : secretHint(secret),
    page: link.page,
    sheet: link.sheet,
    run: runView(link, link.run.state === 'running' ? loadProgress(id) : null),
    schedule: {
      frequency: link.schedule.frequency,
      lastRun: link.schedule.lastRun,
      lastOutcome: link.schedule.lastOutcome,
      failing: link.schedule.failing,
    },
  };
}

export function notionState(): NotionStateResponse {
  return stateOf(active().id);
}

/** Saves a new secret and/or page link, then tests them. */
export async function notionConnect(request: NotionConnectRequest): Promise<NotionTestResponse> {
  const { id } = active();
  if (request.secret !== null) {
    const secret = request.secret.trim();
    if (secret === '')
      throw new UserError('notion', 'Paste the secret of your Notion integration (it starts with ntn_).');
    saveSecret(secret);
  }
  if (request.page !== null) {
    const pageId = notionEngine().pageIdFrom(request.page);
    if (pageId === null) {
      throw new UserError(
        'notion',
        'That is not a Notion page link. In Notion, open the page, click ••• (top right) → Copy link, and paste it here.',
      );
    }
    const link = loadLink(id);
    if (link.page?.id !== pageId) {
      link.page = { id: pageId, title: '', url: '' };
      saveLink(id, link);
    }
  }
  return notionTest();
}

/** Reads the parent page with the stored secret: names it, or says what to do. */
export async function notionTest(): Promise<NotionTestResponse> {
  const { id } = active();
  const secret = loadSecret();
  const link = loadLink(id);
  if (secret === null)
    return { ok: false, message: 'Paste the secret of your Notion integration first.', state: stateOf(id, link) };
  if (link.page === null)
    return { ok: false, message: 'Paste the link of the Notion page to mirror under.', state: stateOf(id, link) };
  const outcome = await notionEngine().findPage(
    { token: secret, fetch: urlFetch(), clock: appsScriptClock },
    link.page.id,
  );
  if ('failure' in outcome)
    return {
      ok: false,
      message: notionEngine().redact(sidebarMessage(outcome.failure), secret),
      state: stateOf(id, link),
    };
  link.page = outcome.page;
  saveLink(id, link);
  return { ok: true, message: `Connected: found the page “${outcome.page.title}”.`, state: stateOf(id, link) };
}

export function notionDisconnect(): NotionStateResponse {
  forgetSecret();
  return notionState();
}

export async function notionMirror(request: SheetRequest): Promise<NotionStateResponse> {
  const startedAt = Date.now();
  const { spreadsheet, id } = active();
  const link = await runMirror(
    { spreadsheet, id, sheet: request.sheet, session: openSession(spreadsheet) },
    'started',
    startedAt,
  );
  return stateOf(id, link);
}

/** Turns the schedule on (replacing any earlier one: one per spreadsheet) or off. */
export function notionSchedule(request: NotionScheduleRequest): NotionStateResponse {
  const { spreadsheet, id } = active();
  const link = loadLink(id);
  removeTrigger(link.schedule.triggerId);
  link.schedule = { ...link.schedule, frequency: null, triggerId: null, failing: null };
  if (request.frequency !== null) {
    if (loadSecret() === null || link.page === null)
      throw new UserError('notion', 'Connect Notion (secret and page) before turning on the schedule.');
    link.sheet ??= spreadsheet.getActiveSheet().getName();
    link.settings = openSession(spreadsheet).settings;
    link.schedule.frequency = request.frequency;
    link.schedule.triggerId = schedule(id, request.frequency);
  }
  saveLink(id, link);
  return stateOf(id, link);
}

/**
 * The clock trigger: a one-off continuation of a cut run, or the schedule. It opens the
 * spreadsheet by id (a time-driven run has no active one) and records the outcome. It never
 * throws: Apps Script would mail the user on every failed run; the sidebar shows it instead, once.
 */
export async function notionTimer(event: GoogleAppsScript.Events.TimeDriven): Promise<void> {
  const startedAt = Date.now();
  const triggerId = event.triggerUid;
  const id = spreadsheetOfTrigger(triggerId);
  if (id === null) {
    removeTrigger(triggerId);
    return;
  }
  const before = loadLink(id);
  const kind: RunTrigger = before.continuation === triggerId ? 'continued' : 'scheduled';
  if (kind === 'continued') {
    removeTrigger(triggerId);
    before.continuation = null;
    saveLink(id, before);
    if (before.run.state !== 'incomplete') return; // the sidebar carried on already
  } else if (before.schedule.triggerId !== triggerId) {
    removeTrigger(triggerId); // a schedule turned off elsewhere
    return;
  }
  let link: NotionLink;
  try {
    link = await runMirror(
      { spreadsheet: SpreadsheetApp.openById(id), id, sheet: null, session: null },
      kind,
      startedAt,
    );
  } catch (error) {
    // The sidebar is running it right now: that execution records the outcome.
    if (error instanceof UserError && error.code === 'busy') return;
    link = loadLink(id);
    link.run = {
      ...link.run,
      state: 'failed',
      finishedAt: new Date().toISOString(),
      errors: [(error as Error).message],
    };
  }
  if (kind === 'scheduled') recordScheduled(link);
  saveLink(id, link);
}

/** The schedule's last outcome; a failure that repeats is logged once and counted, not repeated. */
function recordScheduled(link: NotionLink): void {
  const now = new Date().toISOString();
  link.schedule.lastRun = now;
  if (link.run.state !== 'failed') {
    link.schedule.lastOutcome =
      link.run.state === 'incomplete' ? `Partly done: ${link.run.left} changes left for the next run.` : 'Up to date.';
    link.schedule.failing = null;
    return;
  }
  const message = link.run.errors[0] ?? 'The mirror failed.';
  link.schedule.lastOutcome = `Failed: ${message}`;
  if (link.schedule.failing?.message === message) {
    link.schedule.failing.runs++;
    return;
  }
  link.schedule.failing = { message, since: now, runs: 1 };
  console.warn(`Cascade: the scheduled Notion mirror failed: ${message}`);
}
