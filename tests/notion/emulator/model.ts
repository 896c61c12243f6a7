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

/** title/rich_text: texts; number; select: option id; multi_select: option ids; relation: page ids. */
export type StoredValue = StoredText[] | number | string | string[] | boolean | DateValue | null;

export interface DataSourceRec {
  id: string;
  databaseId: string;
  title: string;
  props: PropDef[];
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
  createdTime: string;
  lastEditedTime: string;
  inTrash: boolean;
}

export type PageParent = { type: 'workspace' } | { type: 'page_id'; id: string } | { type: 'data_source_id'; id: string };

export interface PageRec {
  id: string;
  parent: PageParent;
  /** The title of a page that is not in a data source. */
  title: StoredText[];
  /** Property id → value, for pages in a data source. */
  values: Map<string, StoredValue>;
  createdTime: string;
  lastEditedTime: string;
  inTrash: boolean;
}

export interface BlockRec {
  id: string;
  parentId: string;
  type: 'child_database' | 'child_page' | 'paragraph';
  /** child_database / child_page: the id of the database or page it shows. */
  ref?: string;
  text?: string;
  createdTime: string;
}

export const BOT_USER = { object: 'user', id: '7c1f3a52-9a1e-4d4b-9e0a-5b1d7a0c1e01' };

export class Model {
  readonly pages = new Map<string, PageRec>();
  readonly databases = new Map<string, DatabaseRec>();
  readonly dataSources = new Map<string, DataSourceRec>();
  /** Parent block/page id → its children, in order. */
  readonly children = new Map<string, BlockRec[]>();
  /** Pages shared with the integration (their descendants are visible too). */
  readonly shared = new Set<string>();

  /** A top-level page of the workspace, as a user would make one; shared with the integration unless told. */
  addPage(title: string, options: { shared?: boolean } = {}): string {
    const id = newId();
    const now = timestamp();
    this.pages.set(id, { id, parent: { type: 'workspace' }, title: textOf(title), values: new Map(), createdTime: now, lastEditedTime: now, inTrash: false });
    if (options.shared !== false) this.shared.add(id);
    return id;
  }

  addBlock(parentId: string, block: Omit<BlockRec, 'id' | 'parentId' | 'createdTime'> & { id?: string }): BlockRec {
    const rec: BlockRec = { id: block.id ?? newId(), parentId, createdTime: timestamp(), type: block.type, ref: block.ref, text: block.text };
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
    return ds.props.find((p) => p.name === nameOrId) ?? ds.props.find((p) => p.id === nameOrId || decodeURIComponent(p.id) === nameOrId);
  }

  /** Relation targets still visible: pages in the trash drop out of relations. */
  liveTargets(ids: readonly string[]): string[] {
    return ids.filter((id) => {
      const page = this.pages.get(id);
      return page !== undefined && !page.inTrash;
    });
  }
}
