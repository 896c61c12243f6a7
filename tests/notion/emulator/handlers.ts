// The endpoints the mirror uses, with Notion's request checks and response objects
// (API version 2025-09-03: databases hold data sources; pages live in data sources).
import { bodyInvalid, invalid, notFound } from './errors.js';
import { newId, parseId, timestamp } from './ids.js';
import { BOT_USER, CONTAINER_BLOCKS } from './model.js';
import type { BlockRec, DatabaseRec, DataSourceRec, Model, PageRec } from './model.js';
import { compileFilter, compileSorts, paginate } from './query.js';
import { isObject, parseRichText, plainText, richTextResponse, textOf } from './rich-text.js';
import type { StoredText } from './rich-text.js';
import { initialProperties, requireDataSource, updateProperties } from './schema.js';
import { userObject } from './users.js';
import { createView, listViews, requireView, updateView, viewObject } from './views.js';
import { parseValues, storeValues, valueResponse } from './values.js';

export interface Request {
  method: string;
  /** Path segments after /v1/. */
  segments: string[];
  query: URLSearchParams;
  body: Record<string, unknown>;
  /** The user the token belongs to: the integration's bot, or a person acting in Notion. */
  actor: string;
}

export interface Route {
  kind: string;
  write: boolean;
  handle: (model: Model, req: Request) => unknown;
}

const url = (id: string) => `https://www.notion.so/${id.replace(/-/g, '')}`;

function allowKeys(body: Record<string, unknown>, keys: readonly string[]): void {
  for (const key of Object.keys(body))
    if (!keys.includes(key)) throw bodyInvalid(`body.${key}`, 'not present', body[key]);
}

function titleText(raw: unknown, path: string): StoredText[] {
  return raw === undefined ? [] : parseRichText(raw, path);
}

// ---- responses -------------------------------------------------------------------------------

const partialUser = (id: string) => ({ object: 'user', id });

/** Where a database sits: on its page, or inside a column or toggle of it. */
function databaseParent(db: DatabaseRec, model: Model): Record<string, unknown> {
  const block = model.blockOf(db.id);
  return block && block.parentId !== db.parentPageId
    ? { type: 'block_id', block_id: block.parentId }
    : { type: 'page_id', page_id: db.parentPageId };
}

export function databaseObject(db: DatabaseRec, model: Model): Record<string, unknown> {
  return {
    object: 'database',
    id: db.id,
    title: richTextResponse(textOf(db.title)),
    description: richTextResponse(db.description),
    parent: databaseParent(db, model),
    is_inline: db.isInline,
    in_trash: db.inTrash,
    archived: db.inTrash,
    is_locked: false,
    created_time: db.createdTime,
    last_edited_time: db.lastEditedTime,
    data_sources: db.dataSources.map((id) => ({ id, name: model.dataSources.get(id)!.title })),
    icon: db.icon,
    cover: null,
    url: url(db.id),
    public_url: null,
  };
}

export function dataSourceObject(ds: DataSourceRec, model: Model): Record<string, unknown> {
  const db = model.databases.get(ds.databaseId)!;
  const properties: Record<string, unknown> = {};
  for (const prop of ds.props) {
    const base = { id: prop.id, name: prop.name, description: prop.description, type: prop.type };
    let config: unknown = {};
    if (prop.type === 'number') config = { format: prop.number!.format };
    if (prop.type === 'select' || prop.type === 'multi_select')
      config = { options: prop.options!.map((o) => ({ ...o })) };
    if (prop.type === 'status') config = { options: prop.options!.map((o) => ({ ...o })), groups: [] };
    if (prop.type === 'relation') {
      const target = model.dataSources.get(prop.relation!.dataSourceId);
      const partner = target?.props.find((p) => p.id === prop.relation!.partner);
      config = {
        database_id: target?.databaseId,
        data_source_id: prop.relation!.dataSourceId,
        ...(partner
          ? {
              type: 'dual_property',
              dual_property: { synced_property_id: partner.id, synced_property_name: partner.name },
            }
          : { type: 'single_property', single_property: {} }),
      };
    }
    properties[prop.name] = { ...base, [prop.type]: config };
  }
  return {
    object: 'data_source',
    id: ds.id,
    created_time: ds.createdTime,
    last_edited_time: ds.lastEditedTime,
    created_by: partialUser(ds.createdBy),
    last_edited_by: partialUser(ds.createdBy),
    title: richTextResponse(textOf(ds.title)),
    description: [],
    icon: null,
    cover: null,
    properties,
    parent: { type: 'database_id', database_id: ds.databaseId },
    database_parent: databaseParent(db, model),
    is_inline: db.isInline,
    in_trash: ds.inTrash || db.inTrash,
    archived: ds.inTrash || db.inTrash,
    url: url(ds.databaseId),
    public_url: null,
  };
}

export function pageObject(page: PageRec, model: Model): Record<string, unknown> {
  let parent: unknown = { type: 'workspace', workspace: true };
  const properties: Record<string, unknown> = {};
  if (page.parent.type === 'page_id') parent = { type: 'page_id', page_id: page.parent.id };
  if (page.parent.type === 'data_source_id') {
    const ds = model.dataSources.get(page.parent.id)!;
    parent = { type: 'data_source_id', data_source_id: ds.id, database_id: ds.databaseId };
    for (const prop of ds.props) properties[prop.name] = valueResponse(model, prop, page.values.get(prop.id));
  } else {
    properties.title = { id: 'title', type: 'title', title: richTextResponse(page.title) };
  }
  return {
    object: 'page',
    id: page.id,
    created_time: page.createdTime,
    last_edited_time: page.lastEditedTime,
    created_by: partialUser(page.createdBy),
    last_edited_by: partialUser(page.lastEditedBy),
    cover: null,
    icon: null,
    parent,
    in_trash: page.inTrash,
    archived: page.inTrash,
    is_archived: page.inTrash,
    is_locked: false,
    properties,
    url: url(page.id),
    public_url: null,
  };
}

function list(
  results: unknown[],
  next: string | null,
  type: string,
  extra: Record<string, unknown> = {},
): Record<string, unknown> {
  return { object: 'list', results, next_cursor: next, has_more: next !== null, type, [type]: extra };
}

// ---- endpoints -------------------------------------------------------------------------------

const listChildren: Route = {
  kind: 'blocks.children.list',
  write: false,
  handle(model, req) {
    const id = parseId(req.segments[1], 'path failed validation: path.block_id');
    model.blockParent(id);
    const blocks = (model.children.get(id) ?? []).filter((b): b is BlockRec => {
      if (b.type === 'child_database') return !model.databases.get(b.ref!)?.inTrash;
      if (b.type === 'child_page') return !model.pages.get(b.ref!)?.inTrash;
      return true;
    });
    const { page, next } = paginate(
      blocks,
      req.query.get('start_cursor') ?? undefined,
      req.query.get('page_size') ?? undefined,
      'query',
    );
    return list(
      page.map((b) => ({
        object: 'block',
        id: b.id,
        parent: { type: 'page_id', page_id: id },
        created_time: b.createdTime,
        last_edited_time: b.createdTime,
        created_by: partialUser(BOT_USER.id),
        last_edited_by: partialUser(BOT_USER.id),
        has_children:
          (CONTAINER_BLOCKS as readonly string[]).includes(b.type) && (model.children.get(b.id) ?? []).length > 0,
        in_trash: false,
        archived: false,
        type: b.type,
        [b.type]: blockContent(model, b),
      })),
      next,
      'block',
    );
  },
};

function blockContent(model: Model, b: BlockRec): Record<string, unknown> {
  switch (b.type) {
    case 'child_database':
      return { title: model.databases.get(b.ref!)!.title };
    case 'child_page':
      return { title: plainText(model.pages.get(b.ref!)!.title) };
    case 'column_list':
      return {};
    case 'column':
      return { width_ratio: 0.5 };
    default:
      return { rich_text: richTextResponse(textOf(b.text ?? '')), color: 'default' };
  }
}

const createDatabase: Route = {
  kind: 'databases.create',
  write: true,
  handle(model, req) {
    const { body } = req;
    allowKeys(body, ['parent', 'title', 'description', 'is_inline', 'initial_data_source', 'icon', 'cover']);
    if (!isObject(body.parent)) throw bodyInvalid('body.parent', 'defined', body.parent);
    if (body.parent.type !== undefined && body.parent.type !== 'page_id')
      throw bodyInvalid('body.parent.type', '`"page_id"`', body.parent.type);
    const parentPageId = parseId(body.parent.page_id, 'body failed validation: body.parent.page_id');
    const parent = model.page(parentPageId);
    if (parent.inTrash)
      throw invalid("Can't edit block that is archived. You must unarchive the block before editing.");
    const title = plainText(titleText(body.title, 'body.title'));
    if (body.is_inline !== undefined && typeof body.is_inline !== 'boolean')
      throw bodyInvalid('body.is_inline', 'a boolean', body.is_inline);
    const initial = body.initial_data_source ?? {};
    if (!isObject(initial)) throw bodyInvalid('body.initial_data_source', 'an object', initial);
    allowKeys(initial, ['properties']);
    const now = timestamp();
    const db: DatabaseRec = {
      id: newId(),
      parentPageId,
      title,
      isInline: body.is_inline === true,
      dataSources: [],
      icon: null,
      description: titleText(body.description, 'body.description'),
      createdTime: now,
      lastEditedTime: now,
      inTrash: false,
    };
    const ds: DataSourceRec = {
      id: newId(),
      databaseId: db.id,
      title,
      props: [],
      createdBy: req.actor,
      createdTime: now,
      lastEditedTime: now,
      inTrash: false,
    };
    db.dataSources.push(ds.id);
    model.databases.set(db.id, db);
    model.dataSources.set(ds.id, ds);
    try {
      initialProperties(model, ds, initial.properties);
    } catch (error) {
      // A refused request leaves nothing behind, the synced properties of relations included.
      for (const other of model.dataSources.values())
        other.props = other.props.filter((p) => p.relation?.dataSourceId !== ds.id);
      model.databases.delete(db.id);
      model.dataSources.delete(ds.id);
      throw error;
    }
    model.addBlock(parentPageId, { id: db.id, type: 'child_database', ref: db.id });
    return databaseObject(db, model);
  },
};

/** databases.update: a new title, description or icon, to or from the trash, or moved to another page. */
const updateDatabase: Route = {
  kind: 'databases.update',
  write: true,
  handle(model, req) {
    const db = model.database(parseId(req.segments[1], 'path failed validation: path.database_id'));
    const { body } = req;
    allowKeys(body, [
      'title',
      'description',
      'icon',
      'cover',
      'in_trash',
      'archived',
      'is_inline',
      'is_locked',
      'parent',
    ]);
    if (body.title !== undefined) db.title = plainText(titleText(body.title, 'body.title'));
    if (body.description !== undefined) db.description = titleText(body.description, 'body.description');
    if (body.icon !== undefined) {
      if (body.icon !== null && (!isObject(body.icon) || typeof body.icon.emoji !== 'string'))
        throw bodyInvalid('body.icon', 'an emoji icon or `null`', body.icon);
      db.icon = body.icon === null ? null : { type: 'emoji', emoji: body.icon.emoji as string };
    }
    const trash = body.in_trash ?? body.archived;
    if (trash !== undefined) {
      if (typeof trash !== 'boolean') throw bodyInvalid('body.in_trash', 'a boolean', trash);
      db.inTrash = trash;
    }
    if (body.parent !== undefined) {
      if (!isObject(body.parent)) throw bodyInvalid('body.parent', 'an object', body.parent);
      const pageId = parseId(body.parent.page_id, 'body failed validation: body.parent.page_id');
      model.page(pageId);
      model.moveBlock(model.blockOf(db.id)!.id, pageId);
      db.parentPageId = pageId;
    }
    db.lastEditedTime = timestamp();
    return databaseObject(db, model);
  },
};

const me: Route = {
  kind: 'users.me',
  write: false,
  handle(model, req) {
    return userObject(model.users.get(req.actor)!);
  },
};

const listUsers: Route = {
  kind: 'users.list',
  write: false,
  handle(model, req) {
    const { page, next } = paginate(
      [...model.users.values()],
      req.query.get('start_cursor') ?? undefined,
      req.query.get('page_size') ?? undefined,
      'query',
    );
    return list(page.map(userObject), next, 'user');
  },
};

const retrieveDatabase: Route = {
  kind: 'databases.retrieve',
  write: false,
  handle(model, req) {
    return databaseObject(model.database(parseId(req.segments[1], 'path failed validation: path.database_id')), model);
  },
};

const retrieveDataSource: Route = {
  kind: 'dataSources.retrieve',
  write: false,
  handle(model, req) {
    return dataSourceObject(
      model.dataSource(parseId(req.segments[1], 'path failed validation: path.data_source_id')),
      model,
    );
  },
};

const updateDataSource: Route = {
  kind: 'dataSources.update',
  write: true,
  handle(model, req) {
    const ds = requireDataSource(model, parseId(req.segments[1], 'path failed validation: path.data_source_id'));
    allowKeys(req.body, ['properties', 'title', 'icon', 'in_trash', 'archived', 'parent']);
    if (req.body.title !== undefined) ds.title = plainText(titleText(req.body.title, 'body.title'));
    if (req.body.properties !== undefined) updateProperties(model, ds, req.body.properties);
    if (typeof req.body.in_trash === 'boolean') ds.inTrash = req.body.in_trash;
    ds.lastEditedTime = timestamp();
    return dataSourceObject(ds, model);
  },
};

const queryDataSource: Route = {
  kind: 'dataSources.query',
  write: false,
  handle(model, req) {
    const ds = requireDataSource(model, parseId(req.segments[1], 'path failed validation: path.data_source_id'));
    const { body } = req;
    allowKeys(body, ['filter', 'sorts', 'start_cursor', 'page_size', 'in_trash', 'archived', 'result_type']);
    if (req.query.has('filter_properties')) throw invalid('The emulator does not support filter_properties.');
    const inTrash = body.in_trash === true || body.archived === true;
    let pages = model.pagesOf(ds.id).filter((p) => p.inTrash === inTrash);
    if (body.filter !== undefined) {
      const predicate = compileFilter(model, ds, body.filter);
      pages = pages.filter(predicate);
    }
    const sort = compileSorts(model, ds, body.sorts);
    if (sort) pages = [...pages].sort(sort);
    const { page, next } = paginate(pages, body.start_cursor, body.page_size, 'body');
    return list(
      page.map((p) => pageObject(p, model)),
      next,
      'page_or_data_source',
    );
  },
};

function pageDataSource(model: Model, parent: unknown): DataSourceRec {
  if (!isObject(parent)) throw bodyInvalid('body.parent', 'defined', parent);
  // A parent's type names the key that holds its id: {type: 'database_id', data_source_id} is refused.
  if (parent.type !== undefined) {
    const kinds = ['data_source_id', 'database_id', 'page_id', 'workspace'];
    if (typeof parent.type !== 'string' || !kinds.includes(parent.type))
      throw bodyInvalid('body.parent.type', `one of ${kinds.join(', ')}`, parent.type);
    if (parent[parent.type] === undefined) throw bodyInvalid(`body.parent.${parent.type}`, 'defined', undefined);
  }
  if (parent.data_source_id !== undefined) {
    return requireDataSource(
      model,
      parseId(parent.data_source_id, 'body failed validation: body.parent.data_source_id'),
    );
  }
  if (parent.database_id !== undefined) {
    const db = model.database(parseId(parent.database_id, 'body failed validation: body.parent.database_id'));
    if (db.dataSources.length !== 1)
      throw invalid(
        'Databases with multiple data sources are not supported in this API version; use a data_source_id parent.',
      );
    return requireDataSource(model, db.dataSources[0]);
  }
  throw bodyInvalid('body.parent.data_source_id', 'defined', undefined);
}

const createPage: Route = {
  kind: 'pages.create',
  write: true,
  handle(model, req) {
    const { body } = req;
    allowKeys(body, ['parent', 'properties', 'icon', 'cover']);
    const ds = pageDataSource(model, body.parent);
    const pending = parseValues(model, ds, body.properties ?? {});
    const now = timestamp();
    const page: PageRec = {
      id: newId(),
      parent: { type: 'data_source_id', id: ds.id },
      title: [],
      values: new Map(),
      createdBy: req.actor,
      lastEditedBy: req.actor,
      createdTime: now,
      lastEditedTime: now,
      inTrash: false,
    };
    model.pages.set(page.id, page);
    storeValues(model, page, pending);
    return pageObject(page, model);
  },
};

const retrievePage: Route = {
  kind: 'pages.retrieve',
  write: false,
  handle(model, req) {
    return pageObject(model.page(parseId(req.segments[1], 'path failed validation: path.page_id')), model);
  },
};

const updatePage: Route = {
  kind: 'pages.update',
  write: true,
  handle(model, req) {
    const page = model.page(parseId(req.segments[1], 'path failed validation: path.page_id'));
    const { body } = req;
    allowKeys(body, ['properties', 'in_trash', 'archived', 'icon', 'cover', 'is_locked']);
    for (const key of ['in_trash', 'archived'] as const) {
      if (body[key] !== undefined && typeof body[key] !== 'boolean')
        throw bodyInvalid(`body.${key}`, 'a boolean', body[key]);
    }
    const trash = (body.in_trash ?? body.archived) as boolean | undefined;
    if (body.properties !== undefined) {
      if (page.inTrash && trash !== false)
        throw invalid("Can't edit block that is archived. You must unarchive the block before editing.");
      if (page.parent.type !== 'data_source_id')
        throw invalid('The emulator edits properties of data source pages only.');
      const pending = parseValues(model, model.dataSources.get(page.parent.id)!, body.properties);
      storeValues(model, page, pending);
    }
    if (trash !== undefined) page.inTrash = trash;
    page.lastEditedTime = timestamp();
    page.lastEditedBy = req.actor;
    return pageObject(page, model);
  },
};

const retrievePageProperty: Route = {
  kind: 'pages.properties.retrieve',
  write: false,
  handle(model, req) {
    const page = model.page(parseId(req.segments[1], 'path failed validation: path.page_id'));
    if (page.parent.type !== 'data_source_id')
      throw invalid('The emulator reads properties of data source pages only.');
    const ds = model.dataSources.get(page.parent.id)!;
    const propertyId = decodeURIComponent(req.segments[3]);
    const prop = ds.props.find((p) => decodeURIComponent(p.id) === propertyId);
    if (!prop) throw notFound('page', `${page.id} property ${propertyId}`);
    const value = page.values.get(prop.id);
    const item = (extra: Record<string, unknown>) => ({
      object: 'property_item',
      id: prop.id,
      type: prop.type,
      ...extra,
    });
    if (prop.type === 'relation' || prop.type === 'title' || prop.type === 'rich_text') {
      const entries =
        prop.type === 'relation'
          ? model
              .liveTargets((value as string[] | undefined) ?? [])
              .map((id) => ({ id, out: item({ relation: { id } }) }))
          : ((value as StoredText[] | undefined) ?? []).map((t, i) => ({
              id: String(i),
              out: item({ [prop.type]: richTextResponse([t])[0] }),
            }));
      const { page: slice, next } = paginate(
        entries,
        req.query.get('start_cursor') ?? undefined,
        req.query.get('page_size') ?? undefined,
        'query',
      );
      return {
        ...list(
          slice.map((e) => e.out),
          next,
          'property_item',
        ),
        property_item: {
          id: prop.id,
          next_url: next === null ? null : `/v1/pages/${page.id}/properties/${prop.id}?start_cursor=${next}`,
          type: prop.type,
          [prop.type]: {},
        },
      };
    }
    const single = valueResponse(model, prop, value);
    return { object: 'property_item', ...single };
  },
};

const viewRoutes = {
  create: { kind: 'views.create', write: true, handle: (model, req) => createView(model, req.body) },
  list: {
    kind: 'views.list',
    write: false,
    handle(model, req) {
      const { page, next } = listViews(model, req.query);
      return list(
        page.map((v) => ({
          object: 'view',
          id: v.id,
          parent: { type: 'database_id', database_id: v.databaseId },
          type: v.type,
        })),
        next,
        'view',
      );
    },
  },
  retrieve: {
    kind: 'views.retrieve',
    write: false,
    handle: (model, req) => viewObject(requireView(model, req.segments[1])),
  },
  update: {
    kind: 'views.update',
    write: true,
    handle: (model, req) => updateView(model, requireView(model, req.segments[1]), req.body),
  },
  delete: {
    kind: 'views.delete',
    write: true,
    handle(model, req) {
      const view = requireView(model, req.segments[1]);
      model.views.delete(view.id);
      return { object: 'view', id: view.id };
    },
  },
} satisfies Record<string, Route>;

/** The route for a method and path, or null (Notion answers 400 invalid_request_url). */
export function route(method: string, segments: string[]): Route | null {
  const [head, , sub, , extra] = segments;
  const n = segments.length;
  if (head === 'blocks' && n === 3 && sub === 'children' && method === 'GET') return listChildren;
  if (head === 'databases' && n === 1 && method === 'POST') return createDatabase;
  if (head === 'databases' && n === 2 && method === 'GET') return retrieveDatabase;
  if (head === 'databases' && n === 2 && method === 'PATCH') return updateDatabase;
  if (head === 'users' && n === 2 && segments[1] === 'me' && method === 'GET') return me;
  if (head === 'users' && n === 1 && method === 'GET') return listUsers;
  if (head === 'views' && n === 1)
    return method === 'POST' ? viewRoutes.create : method === 'GET' ? viewRoutes.list : null;
  if (head === 'views' && n === 2)
    return method === 'GET'
      ? viewRoutes.retrieve
      : method === 'PATCH'
        ? viewRoutes.update
        : method === 'DELETE'
          ? viewRoutes.delete
          : null;
  if (head === 'data_sources' && n === 2 && method === 'GET') return retrieveDataSource;
  if (head === 'data_sources' && n === 2 && method === 'PATCH') return updateDataSource;
  if (head === 'data_sources' && n === 3 && sub === 'query' && method === 'POST') return queryDataSource;
  if (head === 'pages' && n === 1 && method === 'POST') return createPage;
  if (head === 'pages' && n === 2 && method === 'GET') return retrievePage;
  if (head === 'pages' && n === 2 && method === 'PATCH') return updatePage;
  if (head === 'pages' && n === 4 && sub === 'properties' && method === 'GET' && extra === undefined)
    return retrievePageProperty;
  return null;
}
