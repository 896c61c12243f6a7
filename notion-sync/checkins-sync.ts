// One run's work on the Check-ins database: find what it holds (one query per 100 check-ins, only
// when it exists), then, once the items' pages are written, make it if the plan has check-ins and
// it is missing, put its schema right, and create the pages of the check-ins Notion does not show
// yet. Nothing is updated or trashed there: a check-in's page, once made, is the person's to keep.
import type { LevelName } from '../shared/index.js';
import type { NotionApi, NotionDatabase, NotionDataSource } from './api.js';
import { CONCURRENCY, findByText } from './apply.js';
import { checkInProperties, checkInsSchema, checkInsView, mirrorCheckIns } from './checkins.js';
import type { CheckInsSchema, MirrorCheckIn } from './checkins.js';
import { SyncError } from './errors.js';
import type { FoundDatabase } from './find.js';
import type { PlanIdentity } from './marker.js';
import { runPool } from './pool.js';
import type { LevelState } from './state.js';
import type { CheckIn } from '../shared/index.js';
import type { DatabaseCounts, PageChange, RejectedRow } from './types.js';
import { decodeValue } from './values.js';

export interface CheckInsState {
  title: string;
  records: MirrorCheckIn[];
  database: NotionDatabase | null;
  dataSourceId: string | null;
  schema: NotionDataSource | null;
  /** Keys of the check-ins Notion shows (read only when the database existed). */
  existing: Set<string>;
}

export function checkInsState(
  found: FoundDatabase | null,
  title: string,
  history: readonly CheckIn[] | undefined,
): CheckInsState {
  return {
    title: found?.title ?? title,
    records: mirrorCheckIns(history ?? []),
    database: found?.database ?? null,
    dataSourceId: found?.dataSourceId ?? null,
    schema: found?.schema ?? null,
    existing: new Set(),
  };
}

/** The check-ins Notion shows: every page of the database, by its key (none when there is no database). */
export async function readCheckIns(api: NotionApi, state: CheckInsState, plan: PlanIdentity): Promise<void> {
  if (state.dataSourceId === null || state.schema === null) return;
  const keyName = checkInsSchema(state.schema, [], plan).names.key;
  for (const page of await api.queryPages(state.dataSourceId)) {
    if (page.in_trash) continue;
    const key = decodeValue('rich_text', page.properties[keyName]);
    if (typeof key === 'string') state.existing.add(key);
  }
}

export interface CheckInsContext {
  api: NotionApi;
  parentPageId: string;
  plan: PlanIdentity;
  dryRun: boolean;
  levels: readonly LevelState[];
  stopping: () => boolean;
  onCreate: (change: PageChange) => void;
  onReject: (rejected: RejectedRow) => void;
  onSchema: (kind: 'create database' | 'restore properties', properties: string[]) => void;
  /** After a lost answer to the database's create: the database, if Notion made it after all. */
  findAgain: () => Promise<NotionDatabase | null>;
}

/**
 * Creates the pages of the check-ins Notion does not show yet (the database first, when missing),
 * for the items that have a page. Returns the database's counts (null when there is nothing to
 * show: no check-in and no database) and the creates left for the next run at the deadline.
 */
export async function writeCheckIns(
  context: CheckInsContext,
  state: CheckInsState,
): Promise<{ counts: DatabaseCounts | null; left: number }> {
  const { api, dryRun } = context;
  if (state.records.length === 0 && state.database === null) return { counts: null, left: 0 };
  const items = new Map<string, LevelState>();
  for (const level of context.levels) for (const row of level.rows) items.set(row.key, level);
  const pageOf = (checkIn: MirrorCheckIn) => {
    const level = items.get(checkIn.itemKey);
    const pageId = level?.pageIdByKey.get(checkIn.itemKey);
    return level && pageId ? { level: level.level, pageId } : null;
  };
  // In a dry run, items about to be created have no page yet: what is in the plan counts.
  const missing = state.records.filter(
    (c) => !state.existing.has(c.key) && (dryRun ? items.has(c.itemKey) : pageOf(c) !== null),
  );
  const unchanged = state.records.filter((c) => state.existing.has(c.key)).length;
  const counts: DatabaseCounts = { database: state.title, created: 0, updated: 0, trashed: 0, unchanged };
  if (state.database) counts.databaseId = state.database.id;
  const change = (c: MirrorCheckIn, properties: string[]): PageChange => ({
    kind: 'create',
    database: state.title,
    id: c.id,
    title: String(c.values.title),
    properties,
  });
  if (dryRun) {
    if (state.database === null && missing.length > 0) context.onSchema('create database', []);
    for (const c of missing) {
      counts.created++;
      context.onCreate(change(c, []));
    }
    return { counts, left: 0 };
  }
  if (missing.length === 0) return { counts, left: 0 };
  const schema = await prepare(context, state);
  let done = 0;
  await runPool(
    missing,
    CONCURRENCY,
    async (c) => {
      const item = pageOf(c)!;
      const properties = checkInProperties(c, schema, item);
      const doing = `adding the check-in ${c.values.title} to "${state.title}"`;
      try {
        await api.createPage(state.dataSourceId!, properties, doing, () =>
          findByText(api, state.dataSourceId!, schema.names.key, c.key),
        );
        counts.created++;
        context.onCreate(change(c, Object.keys(properties)));
      } catch (error) {
        if (!(error instanceof SyncError) || error.kind !== 'rejected') throw error;
        context.onReject({ database: state.title, id: c.id, message: error.notion.message ?? error.message });
      }
      done++;
    },
    context.stopping,
  );
  return { counts, left: missing.length - done };
}

/** The database made (with its view) or its schema put right; answers the names to write under. */
async function prepare(
  context: CheckInsContext,
  state: CheckInsState,
): Promise<Pick<CheckInsSchema, 'names' | 'relations'>> {
  const { api } = context;
  const levels = context.levels
    .filter((l): l is LevelState & { dataSourceId: string } => l.dataSourceId !== null)
    .map((l) => ({ level: l.level as LevelName, dataSourceId: l.dataSourceId }));
  const wanted = checkInsSchema(state.schema, levels, context.plan);
  if (state.database === null) {
    context.onSchema('create database', Object.keys(wanted.request));
    const title = state.title;
    const database = await api.createDatabase(context.parentPageId, title, wanted.request, context.findAgain);
    state.database = database;
    state.dataSourceId = database.data_sources[0].id;
    state.schema = await api.retrieveDataSource(state.dataSourceId);
    await api.createView(state.dataSourceId, checkInsView(state.schema), `adding the History view to "${title}"`);
    return checkInsSchema(state.schema, levels, context.plan);
  }
  if (Object.keys(wanted.request).length > 0) {
    context.onSchema('restore properties', Object.keys(wanted.request));
    state.schema = await api.updateDataSource(
      state.dataSourceId!,
      wanted.request,
      `restoring properties of "${state.title}"`,
    );
    return checkInsSchema(state.schema, levels, context.plan);
  }
  return wanted;
}
