// The Notion engine of the add-on: notion-sync as it is, built into a bundle of its own that Code.js
// carries as text and evaluates only when a Notion action runs, so that the custom function and
// onEdit, which Apps Script parses Code.js for on every call, do not parse the mirror and its client.
// Its I/O comes from outside: a fetch on UrlFetchApp and a clock on Utilities.sleep.
import { NotionApi, parentNotFound, redact, syncMirror, SyncError } from '../../notion-sync/index.js';
import type {
  Clock,
  MirrorPlan,
  NotionFetch,
  PlanIdentity,
  PulledValue,
  SyncProgress,
  SyncReport,
} from '../../notion-sync/index.js';
import { extractPageId } from '@notionhq/client';
import { installShims } from './shims.js';

export interface EngineIo {
  token: string;
  fetch: NotionFetch;
  clock: Clock;
  /** For tests (the local emulator); Notion's own address otherwise. */
  baseUrl?: string;
}

export interface FoundPage {
  id: string;
  title: string;
  url: string;
}

export interface EngineFailure {
  kind: string;
  message: string;
}

function api(io: EngineIo): NotionApi {
  installShims();
  return new NotionApi({ token: io.token, fetch: io.fetch, clock: io.clock, baseUrl: io.baseUrl });
}

/** A failure as data the add-on can word for its user; anything that is not Notion's is thrown on. */
function failure(error: unknown): EngineFailure {
  if (error instanceof SyncError) return { kind: error.kind, message: error.message };
  throw error;
}

/** The parent page, read once: it exists and is shared with the integration. */
export async function findPage(
  io: EngineIo,
  pageId: string,
): Promise<{ page: FoundPage } | { failure: EngineFailure }> {
  const notion = api(io);
  try {
    const page = (await notion.call('pages.retrieve', false, 'reading the parent page', () =>
      notion.client.pages.retrieve({ page_id: pageId }),
    )) as {
      id: string;
      url?: string;
      properties?: Record<string, { type?: string; title?: { plain_text: string }[] }>;
    };
    const titleProperty = Object.values(page.properties ?? {}).find((p) => p.type === 'title');
    const title = (titleProperty?.title ?? []).map((t) => t.plain_text).join('') || 'Untitled';
    return { page: { id: page.id, title, url: page.url ?? '' } };
  } catch (error) {
    // Notion says 404 for a page that exists but is not shared with the integration.
    if (error instanceof SyncError && error.notion.status === 404) return { failure: failure(parentNotFound(pageId)) };
    return { failure: failure(error) };
  }
}

export interface MirrorRun {
  mirror: MirrorPlan;
  parentPageId: string;
  /** The spreadsheet and sheet this mirror belongs to: only their databases are written. */
  plan: PlanIdentity;
  deadline: number;
  progress: SyncProgress;
  /** Writes check-ins made in Notion into the sheet and answers the plan's mirror recomputed with them. */
  pull?: (pulled: PulledValue[]) => MirrorPlan;
}

export async function mirror(
  io: EngineIo,
  run: MirrorRun,
): Promise<{ report: SyncReport } | { failure: EngineFailure }> {
  try {
    return {
      report: await syncMirror(run.mirror, {
        api: api(io),
        parentPageId: run.parentPageId,
        plan: run.plan,
        deadline: run.deadline,
        progress: run.progress,
        ...(run.pull ? { pull: run.pull } : {}),
      }),
    };
  } catch (error) {
    return { failure: failure(error) };
  }
}

/** A page's id from its link (or the id itself), as the command reads --parent; null when there is none. */
export function pageIdFrom(text: string): string | null {
  return extractPageId(text);
}

/** The secret taken out of a text (for a failure that did not come through the mirror's own redaction). */
export { redact };
