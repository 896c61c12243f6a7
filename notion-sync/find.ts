// Finding the plan's databases again, with no local state: they are the databases on the parent
// page (or inside its columns, toggles and other blocks) whose Cascade ID property carries this
// plan's tag (marker.ts). Titles only say where to look first: a database titled like a level but
// without the tag belongs to someone else and is never written to.
import type { NotionApi, NotionBlock, NotionDatabase, NotionDataSource } from './api.js';
import { parentNotFound, SyncError } from './errors.js';
import { ownerOf, tagOf } from './marker.js';
import type { PlanIdentity } from './marker.js';
import { normalizeId } from './values.js';

export interface FoundDatabase {
  database: NotionDatabase;
  /** Its title on the page, as a person may have changed it. */
  title: string;
  dataSourceId: string;
  schema: NotionDataSource;
}

/** A database of the plan found in Notion's trash, through a relation that still points at it. */
export interface TrashedDatabase {
  level: string;
  dataSourceId: string;
}

export interface Discovery {
  found: Map<string, FoundDatabase>;
  /** Titles of every database on the parent page, ours or not (a new one must not repeat them). */
  titles: Set<string>;
  trashed: TrashedDatabase[];
}

/** How deep below the parent page databases are looked for (page → columns → column → toggle). */
const MAX_DEPTH = 3;
/** Blocks whose children are listed at most, beyond the page itself: the read cost stays bounded. */
const MAX_CONTAINERS = 40;

interface DatabaseBlock {
  id: string;
  title: string;
}

/** The databases on the page and inside its blocks (columns, toggles…), in page order. */
export async function databaseBlocks(
  api: NotionApi,
  parentPageId: string,
  warn: (message: string) => void,
): Promise<DatabaseBlock[]> {
  let top: NotionBlock[];
  try {
    top = await api.listChildren(parentPageId);
  } catch (error) {
    if (error instanceof SyncError && error.notion.status === 404) throw parentNotFound(parentPageId);
    throw error;
  }
  const found: DatabaseBlock[] = [];
  let level: NotionBlock[] = top;
  let listed = 0;
  for (let depth = 0; level.length > 0; depth++) {
    const next: NotionBlock[] = [];
    const containers: NotionBlock[] = [];
    for (const block of level) {
      if (block.in_trash) continue;
      if (block.type === 'child_database' && block.child_database)
        found.push({ id: block.id, title: block.child_database.title.trim() });
      else if (block.has_children && block.type !== 'child_page' && depth < MAX_DEPTH) containers.push(block);
    }
    for (const container of containers) {
      if (listed >= MAX_CONTAINERS) {
        warn(
          `The parent page has more than ${MAX_CONTAINERS} blocks with content inside; databases deeper in them were not looked for.`,
        );
        break;
      }
      listed++;
      next.push(...(await api.listChildren(container.id)));
    }
    level = next;
  }
  return found;
}

async function inspect(api: NotionApi, block: DatabaseBlock): Promise<FoundDatabase | null> {
  const database = await api.retrieveDatabase(block.id);
  if (database.in_trash || database.data_sources.length === 0) return null;
  const dataSourceId = database.data_sources[0].id;
  return { database, title: block.title, dataSourceId, schema: await api.retrieveDataSource(dataSourceId) };
}

/** The plan and level a data source's properties name, if it is one of Cascade's. */
export function ownerOfSchema(schema: NotionDataSource): { plan: string; level: string } | null {
  for (const property of Object.values(schema.properties)) {
    const owner = ownerOf(tagOf(property.description));
    if (owner) return owner;
  }
  return null;
}

/**
 * The plan's databases, one per level. Databases titled like a level are read first; the others
 * only when a level that has rows is still missing (renamed in Notion), so a run reads two requests
 * per database it looks at. Two databases of ours for one level (one duplicated in Notion): the
 * oldest is kept.
 */
export async function discover(
  api: NotionApi,
  parentPageId: string,
  plan: PlanIdentity,
  levels: readonly { level: string; titles: readonly string[]; hasRows: boolean }[],
  warn: (message: string) => void,
): Promise<Discovery> {
  const blocks = await databaseBlocks(api, parentPageId, warn);
  const titles = new Set(blocks.map((b) => b.title));
  const expected = new Set(levels.flatMap((l) => l.titles));
  const byLevel = new Map<string, FoundDatabase[]>();
  const look = async (group: DatabaseBlock[]) => {
    const inspected = await Promise.all(group.map((block) => inspect(api, block)));
    for (const found of inspected) {
      const owner = found && ownerOfSchema(found.schema);
      if (!found || !owner || owner.plan !== plan.key || !levels.some((l) => l.level === owner.level)) continue;
      byLevel.set(owner.level, [...(byLevel.get(owner.level) ?? []), found]);
    }
  };
  await look(blocks.filter((b) => expected.has(b.title)));
  const needed = () => levels.filter((l) => l.hasRows && !byLevel.has(l.level));
  if (needed().length > 0) await look(blocks.filter((b) => !expected.has(b.title)));

  const found = new Map<string, FoundDatabase>();
  for (const [level, candidates] of byLevel) {
    candidates.sort(
      (a, b) =>
        a.database.created_time.localeCompare(b.database.created_time) ||
        normalizeId(a.database.id).localeCompare(normalizeId(b.database.id)),
    );
    found.set(level, candidates[0]);
    if (candidates.length > 1) {
      warn(
        `${candidates.length} databases under the parent page are this plan's ${level} database (one was duplicated in Notion?); ` +
          `"${candidates[0].title}" (${candidates[0].database.id}) is kept in sync and the others are left alone. Delete the extra ones in Notion.`,
      );
    }
  }
  const missing = needed();
  const trashed =
    missing.length > 0
      ? await trashedDatabases(
          api,
          plan,
          [...found.values()],
          missing.map((l) => l.level),
        )
      : [];
  return { found, titles, trashed };
}

/**
 * A missing level's database in the trash: the relations of the databases found still point at
 * its data source. Read only when a level is missing, one request per data source pointed at.
 */
async function trashedDatabases(
  api: NotionApi,
  plan: PlanIdentity,
  found: FoundDatabase[],
  missing: string[],
): Promise<TrashedDatabase[]> {
  const known = new Set(found.map((f) => normalizeId(f.dataSourceId)));
  const pointedAt = new Set<string>();
  for (const f of found) {
    for (const property of Object.values(f.schema.properties)) {
      const target = property.relation?.data_source_id;
      if (property.type === 'relation' && target && !known.has(normalizeId(target))) pointedAt.add(normalizeId(target));
    }
  }
  const trashed: TrashedDatabase[] = [];
  for (const dataSourceId of pointedAt) {
    let schema: NotionDataSource;
    try {
      schema = await api.retrieveDataSource(dataSourceId);
    } catch (error) {
      if (error instanceof SyncError && error.notion.status === 404) continue;
      throw error;
    }
    const owner = ownerOfSchema(schema);
    if (schema.in_trash && owner && owner.plan === plan.key && missing.includes(owner.level))
      trashed.push({ level: owner.level, dataSourceId });
  }
  return trashed;
}
