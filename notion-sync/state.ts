// What the mirror knows about one level while it runs: the rows it wants, and what Notion holds.
import type { LevelName } from '../shared/index.js';
import type { NotionDatabase, NotionDataSource } from './api.js';
import type { NotionKey, RelationSpec } from './schema.js';
import type { MirrorRow, Value } from './types.js';

/** A page as read from Notion, reduced to what the diff compares. */
export interface CurrentPage {
  id: string;
  createdTime: string;
  /** Its Cascade ID trimmed and lower-cased ('' when blank). */
  key: string;
  /** Our properties' values; undefined where the property is missing or of another type. */
  values: Partial<Record<NotionKey, Value | undefined>>;
  /** Who changed the page last (the integration's bot or a person), and when. */
  lastEditedBy: string | null;
  lastEditedTime: string | null;
  /** Relation property name → every target page id. */
  relations: Record<string, string[]>;
}

export interface LevelState {
  level: LevelName;
  /** The database's title: the level in the plural (or, when that is taken, with the plan's name), or what a person renamed it to. */
  title: string;
  rows: MirrorRow[];
  /** The relations this database carries (to the level above, and further up where the plan needs it), under their names in Notion. */
  relations: RelationSpec[];
  database: NotionDatabase | null;
  dataSourceId: string | null;
  schema: NotionDataSource | null;
  /** Our properties' names in Notion (found by their tag, so a person's renames are followed). */
  names: Record<NotionKey, string>;
  pages: CurrentPage[];
  /** Cascade ID key → the page that mirrors that row, once known. */
  pageIdByKey: Map<string, string>;
}
