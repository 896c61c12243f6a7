// What the Notion tab keeps, all in the user's own properties: the integration secret (never in
// the document's or the script's properties, which other people or other users' runs can read),
// and per spreadsheet the parent page, the sheet mirrored, the schedule and the last run. A
// follow-up or scheduled execution has no active spreadsheet: it finds everything here.
import type { ColumnMapping } from '../../../shared/index.js';
import type { NotionFrequency, NotionPageView, NotionRunView, Settings } from '../../protocol.js';

const SECRET_KEY = 'cascade.notion.secret';
const LINK_PREFIX = 'cascade.notion.plan.';
const TRIGGER_PREFIX = 'cascade.notion.trigger.';
const PROGRESS_PREFIX = 'cascade.notion.progress.';

/** Everything about one spreadsheet's mirror, as stored. */
export interface NotionLink {
  page: NotionPageView | null;
  sheet: string | null;
  /** The document settings as of the last run from the sidebar (a trigger cannot read them). */
  settings: Settings | null;
  /** The mirrored sheet's "Use this sheet" mapping as of the last run from the sidebar (null: none). */
  mapping: ColumnMapping | null;
  run: NotionRunView;
  schedule: {
    frequency: NotionFrequency | null;
    triggerId: string | null;
    lastRun: string | null;
    lastOutcome: string | null;
    failing: { message: string; since: string; runs: number } | null;
  };
  /** The one-off trigger that continues a cut run, if any. */
  continuation: string | null;
}

export const NEVER_RUN: NotionRunView = {
  state: 'never',
  trigger: '',
  phase: '',
  done: 0,
  total: 0,
  startedAt: null,
  finishedAt: null,
  executions: 0,
  left: 0,
  continueAt: null,
  databases: [],
  checkIns: [],
  errors: [],
  warnings: [],
};

function emptyLink(): NotionLink {
  return {
    page: null,
    sheet: null,
    settings: null,
    mapping: null,
    run: { ...NEVER_RUN },
    schedule: { frequency: null, triggerId: null, lastRun: null, lastOutcome: null, failing: null },
    continuation: null,
  };
}

const userProperties = () => PropertiesService.getUserProperties();

export function loadSecret(): string | null {
  const secret = userProperties().getProperty(SECRET_KEY);
  return secret === null || secret === '' ? null : secret;
}

export function saveSecret(secret: string): void {
  userProperties().setProperty(SECRET_KEY, secret);
}

export function forgetSecret(): void {
  userProperties().deleteProperty(SECRET_KEY);
}

/** What the sidebar may show of a secret: its kind and last four characters. */
export function secretHint(secret: string): string {
  const prefix = /^(ntn_|secret_)/.exec(secret)?.[1] ?? '';
  return `${prefix}…${secret.slice(-4)}`;
}

export function loadLink(spreadsheetId: string): NotionLink {
  const text = userProperties().getProperty(LINK_PREFIX + spreadsheetId);
  if (text === null) return emptyLink();
  try {
    const stored = JSON.parse(text) as Partial<NotionLink>;
    const empty = emptyLink();
    return {
      ...empty,
      ...stored,
      run: { ...empty.run, ...stored.run },
      schedule: { ...empty.schedule, ...stored.schedule },
    };
  } catch {
    return emptyLink();
  }
}

/** A property value holds at most 9 KB: long lists of lines are cut to fit. */
export function saveLink(spreadsheetId: string, link: NotionLink): void {
  const fitted = {
    ...link,
    run: { ...link.run, errors: link.run.errors.slice(0, 30), warnings: link.run.warnings.slice(0, 10) },
  };
  let text = JSON.stringify(fitted);
  while (text.length > 8_500 && (fitted.run.errors.length > 1 || fitted.run.warnings.length > 0)) {
    if (fitted.run.warnings.length > 0) fitted.run.warnings = fitted.run.warnings.slice(0, -1);
    else fitted.run.errors = fitted.run.errors.slice(0, -1);
    text = JSON.stringify(fitted);
  }
  userProperties().setProperty(LINK_PREFIX + spreadsheetId, text);
}

export function rememberTrigger(triggerId: string, spreadsheetId: string): void {
  userProperties().setProperty(TRIGGER_PREFIX + triggerId, spreadsheetId);
}

export function spreadsheetOfTrigger(triggerId: string): string | null {
  return userProperties().getProperty(TRIGGER_PREFIX + triggerId);
}

export function forgetTrigger(triggerId: string): void {
  userProperties().deleteProperty(TRIGGER_PREFIX + triggerId);
}

/** A running mirror's progress, written as it goes and read by the sidebar's polls (the user's cache: no quota worry). */
export interface LiveProgress {
  phase: string;
  done: number;
  total: number;
}

export function saveProgress(spreadsheetId: string, progress: LiveProgress): void {
  CacheService.getUserCache()?.put(PROGRESS_PREFIX + spreadsheetId, JSON.stringify(progress), 600);
}

export function loadProgress(spreadsheetId: string): LiveProgress | null {
  const text = CacheService.getUserCache()?.get(PROGRESS_PREFIX + spreadsheetId) ?? null;
  if (text === null) return null;
  try {
    return JSON.parse(text) as LiveProgress;
  } catch {
    return null;
  }
}
