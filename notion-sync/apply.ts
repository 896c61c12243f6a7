// Writing the diff to Notion, a level at a time from the top (a child's relation needs its
// parent's page id), then trashing from the bottom. A value Notion refuses is reported with its
// plan row and column, and the rest of the plan still goes through.
import { COLUMN_BY_KEY } from '../shared/index.js';
import type { NotionApi } from './api.js';
import type { LevelDiff, PlannedTrash, PlannedUpdate } from './diff.js';
import { relationTarget } from './diff.js';
import { SyncError } from './errors.js';
import { runPool } from './pool.js';
import { PROPERTIES } from './schema.js';
import { recordText } from './pull.js';
import type { MirroredKey } from './schema.js';
import type { LevelState } from './state.js';
import type { MirrorRow, PageChange, RejectedRow } from './types.js';
import { encodeRelation, encodeValue } from './values.js';
import type { PropertyRequest } from './values.js';

/** Requests in flight at once: enough to keep 3 requests/s when Notion answers slowly. */
export const CONCURRENCY = 4;

export interface ApplyContext {
  api: NotionApi;
  stateOf: (level: string) => LevelState;
  onWrite: (change: PageChange) => void;
  onReject: (rejected: RejectedRow) => void;
  /** A planned update with nothing left to send (its only change was a link to a parent that could not be written). */
  onUnchanged: (database: string) => void;
  warn: (message: string) => void;
  /** True once the run's deadline is near: no new write starts. */
  stopping: () => boolean;
}

/** Creates and updates of one level; its new pages join `state.pageIdByKey`. */
export async function writeLevel(context: ApplyContext, state: LevelState, diff: LevelDiff): Promise<void> {
  const { api } = context;
  const dataSourceId = state.dataSourceId!;
  await runPool(
    diff.creates,
    CONCURRENCY,
    async (row) => {
      const properties = rowProperties(context, state, row, 'all');
      const doing = `creating row ${row.row} (${row.values.id}) in "${state.title}"`;
      const page = await guard(context, state, row, properties, () =>
        api.createPage(dataSourceId, properties, doing, () =>
          findByText(api, dataSourceId, state.names.id, String(row.values.id)),
        ),
      );
      if (!page) return;
      state.pageIdByKey.set(row.key, page.id);
      context.onWrite(pageChange('create', state, row, Object.keys(properties)));
    },
    context.stopping,
  );
  await runPool(
    diff.updates,
    CONCURRENCY,
    async (update) => {
      const properties = rowProperties(context, state, update.row, update);
      if (Object.keys(properties).length === 0) return context.onUnchanged(state.title);
      const doing = `updating row ${update.row.row} (${update.row.values.id}) in "${state.title}"`;
      const page = await guard(context, state, update.row, properties, () =>
        api.updatePage(update.pageId, properties, doing),
      );
      if (page) context.onWrite(pageChange('update', state, update.row, Object.keys(properties)));
    },
    context.stopping,
  );
}

export async function trashPages(
  context: ApplyContext,
  state: LevelState,
  trashes: readonly PlannedTrash[],
): Promise<void> {
  await runPool(
    trashes,
    CONCURRENCY,
    async (trash) => {
      await context.api.trashPage(
        trash.pageId,
        `moving page ${trash.id || trash.pageId} of "${state.title}" to the trash`,
      );
      context.onWrite(trashChange(state, trash));
    },
    context.stopping,
  );
}

/** The report's line for a create or update of a plan row: written, or (in a dry run) to be written. */
export function pageChange(
  kind: 'create' | 'update',
  state: LevelState,
  row: MirrorRow,
  properties: string[],
): PageChange {
  return {
    kind,
    database: state.title,
    id: String(row.values.id),
    title: String(row.values.title ?? ''),
    row: row.row,
    properties,
  };
}

/** The report's line for a page moved (or, in a dry run, to be moved) to the trash. */
export function trashChange(state: LevelState, trash: PlannedTrash): PageChange {
  return {
    kind: 'trash',
    database: state.title,
    id: trash.id,
    title: trash.title,
    properties: [],
    reason: trash.reason,
  };
}

/** The properties to send: every non-blank value for a create, the changed ones for an update. */
export function rowProperties(
  context: Pick<ApplyContext, 'stateOf' | 'warn'>,
  state: LevelState,
  row: MirrorRow,
  which: 'all' | Pick<PlannedUpdate, 'values' | 'relations' | 'record'>,
): Record<string, PropertyRequest> {
  const properties: Record<string, PropertyRequest> = {};
  const keys: readonly MirroredKey[] = which === 'all' ? PROPERTIES.map((p) => p.key) : which.values;
  for (const spec of PROPERTIES) {
    if (!keys.includes(spec.key)) continue;
    const value = row.values[spec.key];
    if (which === 'all' && value === null && spec.kind !== 'title') continue;
    properties[state.names[spec.key]] = encodeValue(spec.kind, value);
  }
  const record = which === 'all' ? recordText(row.values, null) : which.record;
  if (record !== null) properties[state.names.sync] = encodeValue('rich_text', record);
  for (const relation of state.relations) {
    if (which !== 'all' && !which.relations.includes(relation.name)) continue;
    const target = relationTarget(row, relation);
    if (target === null) {
      if (which !== 'all') properties[relation.name] = encodeRelation([]);
      continue;
    }
    const parentPage = context.stateOf(target.level).pageIdByKey.get(target.key);
    if (parentPage === undefined) {
      context.warn(
        `Row ${row.row} (${row.values.id}) is not linked to its parent ${target.key}: the parent's page could not be written.`,
      );
      continue;
    }
    properties[relation.name] = encodeRelation([parentPage]);
  }
  return properties;
}

/** After a lost response to a create: the page with that text (its Cascade ID, a check-in's key), if Notion made it after all. */
export async function findByText(api: NotionApi, dataSourceId: string, propertyName: string, text: string) {
  const pages = await api.queryPages(dataSourceId, { property: propertyName, rich_text: { equals: text } });
  return pages.find((p) => !p.in_trash) ?? null;
}

/** Runs one page write; a value Notion refuses (400) is reported against its row and column, not thrown. */
async function guard<T>(
  context: ApplyContext,
  state: LevelState,
  row: MirrorRow,
  properties: Record<string, PropertyRequest>,
  write: () => Promise<T>,
): Promise<T | null> {
  try {
    return await write();
  } catch (error) {
    if (!(error instanceof SyncError) || error.kind !== 'rejected') throw error;
    context.onReject({
      database: state.title,
      id: String(row.values.id),
      row: row.row,
      column: columnNamed(error.notion.message ?? '', Object.keys(properties), state),
      message: error.notion.message ?? error.message,
    });
    return null;
  }
}

/** The plan column behind the property Notion's message names (the longest name found wins). */
function columnNamed(message: string, sent: readonly string[], state: LevelState): string | undefined {
  const named = sent
    .filter(
      (name) =>
        message.includes(`properties.${name}`) || message.includes(`"${name}"`) || message.startsWith(`${name} `),
    )
    .sort((a, b) => b.length - a.length)[0];
  if (named === undefined) return undefined;
  const spec = PROPERTIES.find((p) => state.names[p.key] === named);
  if (spec?.key === 'lastNote') return "Note (the latest check-in's)";
  if (spec) return COLUMN_BY_KEY[spec.key === 'ownerPerson' ? 'owner' : spec.key].header;
  return state.relations.some((r) => r.name === named) ? COLUMN_BY_KEY.parent.header : named;
}
