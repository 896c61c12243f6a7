// The Views API (databases' tabs): create, list, retrieve, update and delete a view, with the
// configuration checked against the data source's properties as Notion checks it.
import { bodyInvalid, invalid, notFound } from './errors.js';
import { newId, parseId, timestamp } from './ids.js';
import type { DataSourceRec, Model, ViewRec } from './model.js';
import { paginate } from './query.js';
import { isObject } from './rich-text.js';
import { requireDataSource } from './schema.js';

export const VIEW_TYPES = [
  'table',
  'board',
  'list',
  'calendar',
  'timeline',
  'gallery',
  'form',
  'chart',
  'map',
  'dashboard',
];

export function viewObject(view: ViewRec): Record<string, unknown> {
  return {
    object: 'view',
    id: view.id,
    parent: { type: 'database_id', database_id: view.databaseId },
    data_source_id: view.dataSourceId,
    name: view.name,
    type: view.type,
    created_time: view.createdTime,
    last_edited_time: view.createdTime,
    url: `https://www.notion.so/${view.databaseId.replace(/-/g, '')}?v=${view.id.replace(/-/g, '')}`,
    filter: view.settings.filter ?? null,
    sorts: view.settings.sorts ?? null,
    configuration: view.settings.configuration ?? null,
  };
}

function requireProperty(ds: DataSourceRec, id: unknown, path: string, types?: readonly string[]): void {
  if (typeof id !== 'string') throw bodyInvalid(path, 'a property id', id);
  const prop = ds.props.find((p) => p.id === id || decodeURIComponent(p.id) === id);
  if (!prop) throw invalid(`${path}: no property with id ${id} in the data source.`);
  if (types && !types.includes(prop.type))
    throw invalid(`${path}: property ${prop.name} is ${prop.type}, expected ${types.join(' or ')}.`);
}

/** The settings of a create or update, checked against the data source. */
function checkSettings(ds: DataSourceRec, type: string, body: Record<string, unknown>): void {
  if (body.sorts !== undefined && body.sorts !== null) {
    if (!Array.isArray(body.sorts)) throw bodyInvalid('body.sorts', 'an array', body.sorts);
    body.sorts.forEach((sort, i) => {
      if (!isObject(sort) || (sort.direction !== 'ascending' && sort.direction !== 'descending'))
        throw bodyInvalid(`body.sorts[${i}]`, 'a sort', sort);
      if (sort.property !== undefined && !ds.props.some((p) => p.name === sort.property || p.id === sort.property)) {
        throw invalid(`body.sorts[${i}].property: no property ${String(sort.property)}.`);
      }
    });
  }
  const config = body.configuration;
  if (config === undefined) return;
  if (!isObject(config) || config.type !== type)
    throw bodyInvalid('body.configuration.type', `\`"${type}"\``, isObject(config) ? config.type : config);
  if (config.properties !== undefined && config.properties !== null) {
    if (!Array.isArray(config.properties))
      throw bodyInvalid('body.configuration.properties', 'an array', config.properties);
    config.properties.forEach((p, i) =>
      requireProperty(ds, isObject(p) ? p.property_id : undefined, `body.configuration.properties[${i}].property_id`),
    );
  }
  if (type === 'board') {
    if (!isObject(config.group_by)) throw bodyInvalid('body.configuration.group_by', 'defined', config.group_by);
    requireProperty(ds, config.group_by.property_id, 'body.configuration.group_by.property_id', [
      String(config.group_by.type),
    ]);
  }
  if (type === 'timeline') {
    requireProperty(ds, config.date_property_id, 'body.configuration.date_property_id', ['date']);
    if (config.end_date_property_id != null)
      requireProperty(ds, config.end_date_property_id, 'body.configuration.end_date_property_id', ['date']);
  }
}

export function createView(model: Model, body: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(body)) {
    if (
      !['data_source_id', 'database_id', 'name', 'type', 'filter', 'sorts', 'configuration', 'position'].includes(key)
    )
      throw bodyInvalid(`body.${key}`, 'not present', body[key]);
  }
  const ds = requireDataSource(model, parseId(body.data_source_id, 'body failed validation: body.data_source_id'));
  if (typeof body.name !== 'string' || body.name.trim() === '')
    throw bodyInvalid('body.name', 'a non-empty string', body.name);
  if (typeof body.type !== 'string' || !VIEW_TYPES.includes(body.type))
    throw bodyInvalid('body.type', `one of ${VIEW_TYPES.join(', ')}`, body.type);
  checkSettings(ds, body.type, body);
  const { filter, sorts, configuration } = body;
  const view: ViewRec = {
    id: newId(),
    databaseId: ds.databaseId,
    dataSourceId: ds.id,
    name: body.name,
    type: body.type,
    settings: { filter, sorts, configuration },
    createdTime: timestamp(),
  };
  model.views.set(view.id, view);
  return viewObject(view);
}

export function requireView(model: Model, id: string): ViewRec {
  const view = model.views.get(parseId(id, 'path failed validation: path.view_id'));
  if (!view) throw notFound('block', id);
  model.database(view.databaseId);
  return view;
}

export function updateView(model: Model, view: ViewRec, body: Record<string, unknown>): Record<string, unknown> {
  for (const key of Object.keys(body)) {
    if (!['name', 'filter', 'sorts', 'quick_filters', 'configuration'].includes(key))
      throw bodyInvalid(`body.${key}`, 'not present', body[key]);
  }
  checkSettings(model.dataSource(view.dataSourceId), view.type, body);
  if (typeof body.name === 'string') view.name = body.name;
  for (const key of ['filter', 'sorts', 'configuration'] as const)
    if (body[key] !== undefined) view.settings[key] = body[key];
  return viewObject(view);
}

export function listViews(model: Model, query: URLSearchParams): { page: ViewRec[]; next: string | null } {
  const databaseId = query.get('database_id');
  if (databaseId === null) throw invalid('database_id is required.');
  const db = model.database(parseId(databaseId, 'query failed validation: query.database_id'));
  const views = [...model.views.values()].filter((v) => v.databaseId === db.id);
  return paginate(views, query.get('start_cursor') ?? undefined, query.get('page_size') ?? undefined, 'query');
}
