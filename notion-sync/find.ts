// Finding our databases again, with no local state: they are the child databases of the parent
// page whose titles are the levels in the plural.
import type { NotionApi, NotionBlock, NotionDatabase } from './api.js';
import { parentNotFound, SyncError } from './errors.js';
import { normalizeId } from './values.js';

export interface FoundDatabase {
  database: NotionDatabase;
  dataSourceId: string;
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
 * The database titled `title` among the parent's children, or null. Two databases with one title:
 * the oldest is used (ties by id), so every run picks the same one, and a warning names the others.
 */
export async function pickDatabase(
  api: NotionApi,
  title: string,
  candidates: readonly string[],
  warn: (message: string) => void,
): Promise<FoundDatabase | null> {
  const databases: NotionDatabase[] = [];
  for (const id of candidates) {
    const database = await api.retrieveDatabase(id);
    if (!database.in_trash && database.data_sources.length > 0) databases.push(database);
  }
  if (databases.length === 0) return null;
  databases.sort((a, b) => a.created_time.localeCompare(b.created_time) || normalizeId(a.id).localeCompare(normalizeId(b.id)));
  const [chosen, ...others] = databases;
  if (others.length > 0) {
    warn(
      `${databases.length} databases under the parent page are titled "${title}"; the oldest (${chosen.id}) is kept in ` +
        `sync and the others are left alone. Rename or delete the extra ones in Notion.`,
    );
  }
  const source = chosen.data_sources.find((s) => s.name.trim() === title) ?? chosen.data_sources[0];
  return { database: chosen, dataSourceId: source.id };
}
