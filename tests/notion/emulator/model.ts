// The emulated workspace: pages, databases, data sources and blocks, and who may see them.
// An integration sees a page only when it, or a page above it, was shared with the integration.
import { notFound } from './errors.js';
import { newId, timestamp } from './ids.js';
import type { StoredText } from './rich-text.js';
import { textOf } from './rich-text.js';

export const PROPERTY_TYPES = [
  'title',
  'rich_text',
  'number',
  'select',
  'multi_select',
  'date',
  'relation',
  'checkbox',
  'url',
  'email',
  'phone_number',
  'status',
  'people',
] as const;
export type PropType = (typeof PROPERTY_TYPES)[number];

export interface SelectOption {
  id: string;
  name: string;
  color: string;
  description: string | null;
}

export interface PropDef {
  id: string;
  name: string;
  type: PropType;
  description: string | null;
  number?: { format: string };
  options?: SelectOption[];
  /** The related data source, and the synced property on it for a two-way (dual) relation. */
  relation?: { dataSourceId: string; partner: string | null };
}

export interface DateValue {
  start: string;
  end: string | null;
}

/** title/rich_text: texts; number; select, status: option id; multi_select: option ids; relation: page ids; people: user ids. */
export type StoredValue = StoredText[] | number | string | string[] | boolean | DateValue | null;

export interface DataSourceRec {
  id: string;
  databaseId: string;
  title: string;
  props: PropDef[];
  createdBy: string;
  createdTime: string;
  lastEditedTime: string;
  inTrash: boolean;
}

export interface DatabaseRec {
  id: string;
  parentPageId: string;
  title: string;
  isInline: boolean;
  dataSources: string[];
  icon: { type: 'emoji'; emoji: string } | null;
  description: StoredText[];
  createdTime: string;
  lastEditedTime: string;
  inTrash: boolean;
}

export type PageParent =
  { type: 'workspace' } | { type: 'page_id'; id: string } | { type: 'data_source_id'; id: string };

export interface PageRec {
  id: string;
  parent: PageParent;
  /** The title of a page that is not in a data source. */
  title: StoredText[];
  /** Property id → value, for pages in a data source. */
  values: Map<string, StoredValue>;
  createdBy: string;
  lastEditedBy: string;
  createdTime: string;
  lastEditedTime: string;
  inTrash: boolean;
}

export interface BlockRec {
  id: string;
  parentId: string;
  type: BlockType;
  /** child_database / child_page: the id of the database or page it shows. */
  ref?: string;
  text?: string;
  createdTime: string;
}

/** Blocks that hold other blocks: a database moved into a column or a toggle is still on the page. */
export const CONTAINER_BLOCKS = ['column_list', 'column', 'toggle'] as const;
export type BlockType = 'child_database' | 'child_page' | 'paragraph' | (typeof CONTAINER_BLOCKS)[number];

export const BOT_USER = { object: 'user', id: '7c1f3a52-9a1e-4d4b-9e0a-5b1d7a0c1e01' };

/** A member of the workspace (a person) or the integration's bot. */
export interface UserRec {
  id: string;
  type: 'person' | 'bot';
  name: string;
  email?: string;
}

/** A view of a database (the Views API): its type, and the settings the mirror sends. */
export interface ViewRec {
  id: string;
  databaseId: string;
  dataSourceId: string;
  name: string;
  type: string;
  /** Every other field of the create request (filter, sorts, configuration…), kept as sent. */
  settings: Record<string, unknown>;
  createdTime: string;
}

export class Model {
  readonly pages = new Map<string, PageRec>();
  readonly databases = new Map<string, DatabaseRec>();
  readonly dataSources = new Map<string, DataSourceRec>();
  /** Parent block/page id → its children, in order. */
  readonly children = new Map<string, BlockRec[]>();
  /** Pages shared with the integration (their descendants are visible too). */
  readonly shared = new Set<string>();
  readonly users = new Map<string, UserRec>([[BOT_USER.id, { id: BOT_USER.id, type: 'bot', name: 'Cascade' }]]);
  readonly views = new Map<string, ViewRec>();

  /** A person of the workspace; `token` lets a test act as that person (their edits show in last_edited_by). */
  addPerson(name: string, email?: string): UserRec {
    const user: UserRec = { id: newId(), type: 'person', name, email };
    this.users.set(user.id, user);
    return user;
  }

  /** The block that shows a database or page on its parent (a child_database / child_page block). */
  blockOf(ref: string): BlockRec | undefined {
    for (const blocks of this.children.values()) {
      const found = blocks.find((b) => b.ref === ref);
      if (found) return found;
    }
    return undefined;
  }

  /** Moves a block (a database, say) under another block or page, at the end, as dragging it in Notion does. */
  moveBlock(blockId: string, newParentId: string): void {
    for (const [parentId, blocks] of this.children) {
      const block = blocks.find((b) => b.id === blockId);
      if (!block) continue;
      this.children.set(
        parentId,
        blocks.filter((b) => b !== block),
      );
      block.parentId = newParentId;
      this.children.set(newParentId, [...(this.children.get(newParentId) ?? []), block]);
      return;
    }
    throw new Error(`no block ${blockId}`);
  }

  /** A top-level page of the workspace, as a user would make one; shared with the integration unless told. */
  addPage(title: string, options: { shared?: boolean } = {}): string {
    const id = newId();
    const now = timestamp();
    this.pages.set(id, {
      id,
      parent: { type: 'workspace' },
      title: textOf(title),
      values: new Map(),
      createdBy: BOT_USER.id,
      lastEditedBy: BOT_USER.id,
      createdTime: now,
      lastEditedTime: now,
      inTrash: false,
    });
    if (options.shared !== false) this.shared.add(id);
    return id;
  }

  addBlock(parentId: string, block: Omit<BlockRec, 'id' | 'parentId' | 'createdTime'> & { id?: string }): BlockRec {
    const rec: BlockRec = {
      id: block.id ?? newId(),
      parentId,
      createdTime: timestamp(),
      type: block.type,
      ref: block.ref,
      text: block.text,
    };
    this.children.set(parentId, [...(this.children.get(parentId) ?? []), rec]);
    return rec;
  }

  /** Is the page (or database, through its parent page) visible to the integration? */
  private visiblePage(id: string, depth = 0): boolean {
    if (depth > 50) return false;
    if (this.shared.has(id)) return true;
    const page = this.pages.get(id);
    if (!page) return false;
    if (page.parent.type === 'page_id') return this.visiblePage(page.parent.id, depth + 1);
    if (page.parent.type === 'data_source_id') {
      const ds = this.dataSources.get(page.parent.id);
      return ds !== undefined && this.visibleDatabase(ds.databaseId, depth + 1);
    }
    return false;
  }

  private visibleDatabase(id: string, depth = 0): boolean {
    if (this.shared.has(id)) return true;
    const db = this.databases.get(id);
    return db !== undefined && this.visiblePage(db.parentPageId, depth + 1);
  }

  page(id: string): PageRec {
    const page = this.pages.get(id);
    if (!page || !this.visiblePage(id)) throw notFound('page', id);
    return page;
  }

  database(id: string): DatabaseRec {
    const db = this.databases.get(id);
    if (!db || !this.visibleDatabase(id)) throw notFound('database', id);
    return db;
  }

  dataSource(id: string): DataSourceRec {
    const ds = this.dataSources.get(id);
    if (!ds || !this.visibleDatabase(ds.databaseId)) throw notFound('data_source', id);
    return ds;
  }

  /** A block that has children: a page, or a block inside one. */
  blockParent(id: string): string {
    if (this.pages.has(id) && this.visiblePage(id)) return id;
    for (const [parentId, blocks] of this.children) {
      if (blocks.some((b) => b.id === id)) {
        this.blockParent(parentId);
        return id;
      }
    }
    throw notFound('block', id);
  }

  /** The pages of a data source, in the order they were created. */
  pagesOf(dataSourceId: string): PageRec[] {
    return [...this.pages.values()].filter((p) => p.parent.type === 'data_source_id' && p.parent.id === dataSourceId);
  }

  propOf(ds: DataSourceRec, nameOrId: string): PropDef | undefined {
    return (
      ds.props.find((p) => p.name === nameOrId) ??
      ds.props.find((p) => p.id === nameOrId || decodeURIComponent(p.id) === nameOrId)
    );
  }

  /** Relation targets still visible: pages in the trash drop out of relations. */
  liveTargets(ids: readonly string[]): string[] {
    return ids.filter((id) => {
      const page = this.pages.get(id);
      return page !== undefined && !page.inTrash;
    });
  }
}
