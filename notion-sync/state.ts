// What the mirror knows about one level while it runs: the rows it wants, and what Notion holds.
import type { LevelName } from '../shared/index.js';
import type { NotionDatabase, NotionDataSource } from './api.js';
import type { MirroredKey, RelationSpec } from './schema.js';
import type { MirrorRow, Value } from './types.js';

/** A page as read from Notion, reduced to what the diff compares. */
export interface CurrentPage {
  id: string;
  createdTime: string;
  /** Its Cascade ID trimmed and lower-cased ('' when blank). */
  key: string;
  /** Our properties' values; undefined where the property is missing or of another type. */
  values: Partial<Record<MirroredKey, Value | undefined>>;
  /** Relation property name → every target page id. */
  relations: Record<string, string[]>;
}

export interface LevelState {
  level: LevelName;
  /** The database's title: the level in the plural. */
  title: string;
  rows: MirrorRow[];
  /** The relations this database carries (to the level above, and further up where the plan needs it). */
  relations: RelationSpec[];
  database: NotionDatabase | null;
  dataSourceId: string | null;
  schema: NotionDataSource | null;
  /** The name of the database's title property ("Name" unless a user renamed it). */
  titleName: string;
  pages: CurrentPage[];
  /** Cascade ID key → the page that mirrors that row, once known. */
  pageIdByKey: Map<string, string>;
}
