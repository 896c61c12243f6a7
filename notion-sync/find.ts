// Finding our databases again, with no local state: they are the child databases of the parent
// page whose titles are the levels in the plural.
import type { NotionApi, NotionBlock, NotionDatabase, NotionDataSource } from './api.js';
import { CASCADE_ID } from './schema.js';
import { parentNotFound, SyncError } from './errors.js';
import { normalizeId } from './values.js';

export interface FoundDatabase {
  database: NotionDatabase;
  dataSourceId: string;
  schema: NotionDataSource;
}

/** The parent page's child databases, by title (trashed ones left out). */
export async function childDatabases(api: NotionApi, parentPageId: string): Promise<Map<string, string[]>> {
  let blocks: NotionBlock[];
  try {
    blocks = await api.listChildren(parentPageId);
  } catch (error) {
    if (error instanceof SyncError && error.notion.status === 404) throw parentNotFound(parentPageId);
    throw error;
  }
  const byTitle = new Map<string, string[]>();
  for (const block of blocks) {
    if (block.type !== 'child_database' || block.in_trash || !block.child_database) continue;
    const title = block.child_database.title.trim();
    byTitle.set(title, [...(byTitle.get(title) ?? []), block.id]);
  }
  return byTitle;
}

/**
 * The database titled `title` among the parent's children, or null. When several share the title
 * (a user made one, or duplicated ours), the one carrying our Cascade ID property wins, then the
 * oldest, then the smallest id: every run picks the same one, and a warning names the others.
 */
export async function pickDatabase(
  api: NotionApi,
  title: string,
  candidates: readonly string[],
  warn: (message: string) => void,
): Promise<FoundDatabase | null> {
  const found: FoundDatabase[] = [];
  for (const id of candidates) {
    const database = await api.retrieveDatabase(id);
    if (database.in_trash || database.data_sources.length === 0) continue;
    const source = database.data_sources.find((s) => s.name.trim() === title) ?? database.data_sources[0];
    found.push({ database, dataSourceId: source.id, schema: await api.retrieveDataSource(source.id) });
  }
  if (found.length === 0) return null;
  const ours = (f: FoundDatabase) => (f.schema.properties[CASCADE_ID]?.type === 'rich_text' ? 0 : 1);
  found.sort(
    (a, b) =>
      ours(a) - ours(b) ||
      a.database.created_time.localeCompare(b.database.created_time) ||
      normalizeId(a.database.id).localeCompare(normalizeId(b.database.id)),
  );
  if (found.length > 1) {
    warn(
      `${found.length} databases under the parent page are titled "${title}"; the one made by Cascade ` +
        `(${found[0].database.id}) is kept in sync and the others are left alone. Rename or delete the extra ones in Notion.`,
    );
  }
  return found[0];
}
