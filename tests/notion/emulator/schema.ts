// Data source properties: the configuration objects of databases.create and dataSources.update,
// checked as Notion checks them, and the changes they make (renames, type changes with values
// converted, deletions, two-way relations kept in step on both data sources).
import { bodyInvalid, invalid, notFound } from './errors.js';
import { newId, newPropertyId, parseId } from './ids.js';
import { PROPERTY_TYPES } from './model.js';
import type { DataSourceRec, Model, PropDef, PropType, SelectOption, StoredValue } from './model.js';
import { isObject, plainText, textOf } from './rich-text.js';
import type { StoredText } from './rich-text.js';

export const NUMBER_FORMATS = new Set([
  'number',
  'number_with_commas',
  'percent',
  'dollar',
  'australian_dollar',
  'canadian_dollar',
  'singapore_dollar',
  'euro',
  'pound',
  'yen',
  'ruble',
  'rupee',
  'won',
  'yuan',
  'real',
  'lira',
  'rupiah',
  'franc',
  'hong_kong_dollar',
  'new_zealand_dollar',
  'krona',
  'norwegian_krone',
  'mexican_peso',
  'rand',
  'new_taiwan_dollar',
  'danish_krone',
  'zloty',
  'baht',
  'forint',
  'koruna',
  'shekel',
  'chilean_peso',
  'philippine_peso',
  'dirham',
  'colombian_peso',
  'riyal',
  'ringgit',
  'leu',
  'argentine_peso',
  'uruguayan_peso',
  'peruvian_sol',
]);

export const COLORS = new Set([
  'default',
  'gray',
  'brown',
  'orange',
  'yellow',
  'green',
  'blue',
  'purple',
  'pink',
  'red',
]);

/** A parsed property configuration, before it is given an id and a place. */
export interface PropConfig {
  type: PropType;
  name?: string;
  description?: string | null;
  format?: string;
  options?: { name?: string; id?: string; color?: string }[];
  relation?: { dataSourceId: string; dual: boolean; syncedName?: string };
}

export function parseConfig(
  model: Model,
  raw: unknown,
  path: string,
  allowRenameOnly: boolean,
): PropConfig | { renameOnly: string } {
  if (!isObject(raw)) throw bodyInvalid(path, 'an object or `null`', raw);
  const typeKeys = Object.keys(raw).filter((k) => (PROPERTY_TYPES as readonly string[]).includes(k));
  for (const key of Object.keys(raw)) {
    if (!['name', 'description', 'type', ...typeKeys].includes(key))
      throw bodyInvalid(`${path}.${key}`, 'not present', raw[key]);
  }
  if (raw.name !== undefined && (typeof raw.name !== 'string' || raw.name.trim() === ''))
    throw bodyInvalid(`${path}.name`, 'a non-empty string', raw.name);
  if (typeKeys.length === 0) {
    if (raw.type !== undefined) throw bodyInvalid(`${path}.${String(raw.type)}`, 'defined', undefined);
    if (allowRenameOnly && typeof raw.name === 'string') return { renameOnly: raw.name };
    throw bodyInvalid(path, 'an object with one of the property types', raw);
  }
  if (typeKeys.length > 1)
    throw invalid(
      `body failed validation: ${path} should have only one property type, instead had ${typeKeys.join(', ')}.`,
    );
  const type = typeKeys[0] as PropType;
  if (raw.type !== undefined && raw.type !== type) throw bodyInvalid(`${path}.type`, `\`"${type}"\``, raw.type);
  const body = raw[type];
  if (!isObject(body)) throw bodyInvalid(`${path}.${type}`, 'an object', body);
  const config: PropConfig = {
    type,
    name: raw.name as string | undefined,
    description: (raw.description as string | null | undefined) ?? undefined,
  };
  const known = (keys: string[]) => {
    for (const key of Object.keys(body))
      if (!keys.includes(key)) throw bodyInvalid(`${path}.${type}.${key}`, 'not present', body[key]);
  };
  switch (type) {
    case 'number':
      known(['format']);
      if (body.format !== undefined && (typeof body.format !== 'string' || !NUMBER_FORMATS.has(body.format))) {
        throw bodyInvalid(`${path}.number.format`, 'a number format', body.format);
      }
      config.format = body.format as string | undefined;
      break;
    case 'select':
    case 'multi_select':
    case 'status':
      known(['options']);
      if (body.options !== undefined) {
        if (!Array.isArray(body.options)) throw bodyInvalid(`${path}.${type}.options`, 'an array', body.options);
        if (body.options.length > 100)
          throw bodyInvalid(`${path}.${type}.options.length`, '≤ `100`', body.options.length);
        config.options = body.options.map((o, i) => parseOption(o, `${path}.${type}.options[${i}]`));
      }
      break;
    case 'relation': {
      known(['data_source_id', 'database_id', 'type', 'single_property', 'dual_property']);
      const dataSourceId = parseId(body.data_source_id, `body failed validation: ${path}.relation.data_source_id`);
      model.dataSource(dataSourceId);
      const kind =
        body.type ??
        (body.dual_property !== undefined
          ? 'dual_property'
          : body.single_property !== undefined
            ? 'single_property'
            : undefined);
      if (kind !== 'single_property' && kind !== 'dual_property') {
        throw bodyInvalid(`${path}.relation.type`, '`"single_property"` or `"dual_property"`', body.type);
      }
      const detail = body[kind];
      if (!isObject(detail)) throw bodyInvalid(`${path}.relation.${kind}`, 'an object', detail);
      let syncedName: string | undefined;
      if (kind === 'dual_property') {
        for (const key of Object.keys(detail)) {
          if (key !== 'synced_property_name' && key !== 'synced_property_id')
            throw bodyInvalid(`${path}.relation.dual_property.${key}`, 'not present', detail[key]);
        }
        if (detail.synced_property_name !== undefined && typeof detail.synced_property_name !== 'string') {
          throw bodyInvalid(
            `${path}.relation.dual_property.synced_property_name`,
            'a string',
            detail.synced_property_name,
          );
        }
        syncedName = detail.synced_property_name as string | undefined;
      }
      config.relation = { dataSourceId, dual: kind === 'dual_property', syncedName };
      break;
    }
    default:
      known([]);
  }
  return config;
}

function parseOption(raw: unknown, path: string): { name?: string; id?: string; color?: string } {
  if (!isObject(raw)) throw bodyInvalid(path, 'an object', raw);
  for (const key of Object.keys(raw))
    if (!['name', 'id', 'color', 'description'].includes(key))
      throw bodyInvalid(`${path}.${key}`, 'not present', raw[key]);
  if (raw.name === undefined && raw.id === undefined) throw bodyInvalid(`${path}.name`, 'defined', undefined);
  if (raw.name !== undefined) checkOptionName(raw.name, `${path}.name`);
  if (raw.color !== undefined && (typeof raw.color !== 'string' || !COLORS.has(raw.color)))
    throw bodyInvalid(`${path}.color`, 'a select color', raw.color);
  return {
    name: raw.name as string | undefined,
    id: raw.id as string | undefined,
    color: raw.color as string | undefined,
  };
}

export function checkOptionName(name: unknown, path: string): asserts name is string {
  if (typeof name !== 'string' || name.trim() === '') throw bodyInvalid(path, 'a non-empty string', name);
  if (name.includes(',')) throw invalid(`Select option names cannot contain commas: "${name}".`);
  if (name.length > 100) throw bodyInvalid(`${path}.length`, '≤ `100`', name.length);
}

let colorTurn = 0;
const CYCLE = ['gray', 'brown', 'orange', 'yellow', 'green', 'blue', 'purple', 'pink', 'red'];

export function newOption(name: string, color?: string): SelectOption {
  return { id: newId().slice(0, 8), name, color: color ?? CYCLE[colorTurn++ % CYCLE.length], description: null };
}

function mergeOptions(current: SelectOption[], wanted: PropConfig['options']): SelectOption[] {
  const options = [...current];
  for (const o of wanted ?? []) {
    const existing = options.find(
      (x) => (o.id !== undefined && x.id === o.id) || (o.name !== undefined && x.name === o.name),
    );
    if (existing) {
      if (o.name !== undefined) existing.name = o.name;
      if (o.color !== undefined) existing.color = o.color;
    } else if (o.name !== undefined) {
      options.push(newOption(o.name, o.color));
    }
  }
  return options;
}

function uniqueName(ds: DataSourceRec, name: string): string {
  let candidate = name;
  for (let n = 1; ds.props.some((p) => p.name === candidate); n++) candidate = `${name} ${n}`;
  return candidate;
}

/** Adds a property to a data source (and, for a two-way relation, its synced property on the other side). */
export function addProperty(model: Model, ds: DataSourceRec, name: string, config: PropConfig, id?: string): PropDef {
  if (ds.props.some((p) => p.name === name)) throw invalid(`A property named "${name}" already exists.`);
  const prop: PropDef = {
    id: id ?? newPropertyId(new Set(ds.props.map((p) => p.id))),
    name,
    type: config.type,
    description: config.description ?? null,
  };
  fillConfig(model, ds, prop, config);
  ds.props.push(prop);
  return prop;
}

function fillConfig(model: Model, ds: DataSourceRec, prop: PropDef, config: PropConfig): void {
  delete prop.number;
  delete prop.options;
  delete prop.relation;
  if (config.type === 'number') prop.number = { format: config.format ?? 'number' };
  if (config.type === 'select' || config.type === 'multi_select') prop.options = mergeOptions([], config.options);
  // Notion gives a new status property its three usual options.
  if (config.type === 'status')
    prop.options = mergeOptions(
      [],
      config.options ?? [{ name: 'Not started' }, { name: 'In progress' }, { name: 'Done' }],
    );
  if (config.type === 'relation') {
    prop.relation = { dataSourceId: config.relation!.dataSourceId, partner: null };
    if (config.relation!.dual) linkPartner(model, ds, prop, config.relation!.syncedName);
  }
}

/** Creates the synced property of a two-way relation on the related data source. */
function linkPartner(model: Model, ds: DataSourceRec, prop: PropDef, syncedName: string | undefined): void {
  const target = model.dataSources.get(prop.relation!.dataSourceId)!;
  const name = uniqueName(target, syncedName ?? `Related to ${ds.title} (${prop.name})`);
  const partner: PropDef = {
    id: newPropertyId(new Set(target.props.map((p) => p.id))),
    name,
    type: 'relation',
    description: null,
    relation: { dataSourceId: ds.id, partner: prop.id },
  };
  target.props.push(partner);
  prop.relation!.partner = partner.id;
  // The synced side lists the pages that already point at each target.
  for (const page of model.pagesOf(ds.id)) {
    for (const targetId of (page.values.get(prop.id) as string[] | undefined) ?? []) {
      const targetPage = model.pages.get(targetId);
      if (!targetPage) continue;
      const back = (targetPage.values.get(partner.id) as string[] | undefined) ?? [];
      if (!back.includes(page.id)) targetPage.values.set(partner.id, [...back, page.id]);
    }
  }
}

/** The synced property of a two-way relation, if any. */
export function partnerOf(model: Model, prop: PropDef): { ds: DataSourceRec; prop: PropDef } | null {
  if (prop.type !== 'relation' || !prop.relation?.partner) return null;
  const ds = model.dataSources.get(prop.relation.dataSourceId);
  const partner = ds?.props.find((p) => p.id === prop.relation!.partner);
  return ds && partner ? { ds, prop: partner } : null;
}

export function deleteProperty(model: Model, ds: DataSourceRec, prop: PropDef): void {
  const partner = partnerOf(model, prop);
  ds.props = ds.props.filter((p) => p !== prop);
  for (const page of model.pagesOf(ds.id)) page.values.delete(prop.id);
  if (partner) {
    partner.ds.props = partner.ds.props.filter((p) => p !== partner.prop);
    for (const page of model.pagesOf(partner.ds.id)) page.values.delete(partner.prop.id);
  }
}

export function renameProperty(_model: Model, ds: DataSourceRec, prop: PropDef, name: string): void {
  if (name === prop.name) return;
  if (ds.props.some((p) => p !== prop && p.name === name)) throw invalid(`A property named "${name}" already exists.`);
  prop.name = name;
}

/** dataSources.update on an existing property: a new type (values converted) or new settings. */
export function reconfigure(model: Model, ds: DataSourceRec, prop: PropDef, config: PropConfig): void {
  if (prop.type === 'title' && config.type !== 'title') throw invalid('Cannot change the type of the title property.');
  if (config.type === 'title' && prop.type !== 'title')
    throw invalid('A data source has exactly one title property; it cannot be added by a type change.');
  if (config.type === prop.type) {
    if (config.type === 'number' && config.format !== undefined) prop.number = { format: config.format };
    if (config.type === 'select' || config.type === 'multi_select')
      prop.options = mergeOptions(prop.options ?? [], config.options);
    if (config.type === 'relation') updateRelation(model, ds, prop, config.relation!);
    if (config.description !== undefined) prop.description = config.description;
    return;
  }
  const old = { ...prop, options: prop.options ? [...prop.options] : undefined };
  const partner = partnerOf(model, prop);
  if (partner) deleteProperty(model, partner.ds, partner.prop);
  prop.type = config.type;
  fillConfig(model, ds, prop, {
    ...config,
    relation: config.relation ? { ...config.relation, dual: false } : undefined,
  });
  for (const page of model.pagesOf(ds.id)) {
    page.values.set(prop.id, convert(page.values.get(prop.id) ?? null, old, prop));
  }
  if (config.type === 'relation' && config.relation!.dual) linkPartner(model, ds, prop, config.relation!.syncedName);
}

function updateRelation(
  model: Model,
  ds: DataSourceRec,
  prop: PropDef,
  wanted: NonNullable<PropConfig['relation']>,
): void {
  const partner = partnerOf(model, prop);
  if (wanted.dataSourceId !== prop.relation!.dataSourceId) {
    // The synced property on the old target goes; the relation itself stays, pointed elsewhere.
    if (partner) {
      partner.ds.props = partner.ds.props.filter((p) => p !== partner.prop);
      for (const page of model.pagesOf(partner.ds.id)) page.values.delete(partner.prop.id);
    }
    prop.relation = { dataSourceId: wanted.dataSourceId, partner: null };
    for (const page of model.pagesOf(ds.id)) page.values.delete(prop.id);
    if (wanted.dual) linkPartner(model, ds, prop, wanted.syncedName);
    return;
  }
  if (!wanted.dual) {
    if (partner) {
      partner.ds.props = partner.ds.props.filter((p) => p !== partner.prop);
      for (const page of model.pagesOf(partner.ds.id)) page.values.delete(partner.prop.id);
      prop.relation!.partner = null;
    }
    return;
  }
  if (!partner) linkPartner(model, ds, prop, wanted.syncedName);
  else if (wanted.syncedName !== undefined) renameProperty(model, partner.ds, partner.prop, wanted.syncedName);
}

/** A value carried over a type change, as Notion converts it (text ↔ number ↔ select ↔ date). */
function convert(value: StoredValue, from: PropDef, to: PropDef): StoredValue {
  const text = textValue(value, from);
  switch (to.type) {
    case 'title':
    case 'rich_text':
      return textOf(text);
    case 'number': {
      const n = Number(text.replace(/[^0-9.eE+-]/g, ''));
      return text.trim() === '' || !Number.isFinite(n) ? null : n;
    }
    case 'select':
    case 'status': {
      const name = text.split(',')[0].trim();
      if (name === '') return null;
      let option = to.options!.find((o) => o.name === name);
      if (!option) to.options!.push((option = newOption(name.slice(0, 100))));
      return option.id;
    }
    case 'date':
      return /^\d{4}-\d{2}-\d{2}/.test(text) ? { start: text.slice(0, 10), end: null } : null;
    case 'checkbox':
      return ['yes', 'true', '1', '✓'].includes(text.trim().toLowerCase());
    case 'url':
    case 'email':
    case 'phone_number':
      return text === '' ? null : text;
    case 'multi_select':
    case 'relation':
    case 'people':
      return [];
  }
}

function textValue(value: StoredValue, from: PropDef): string {
  if (value === null || value === undefined) return '';
  switch (from.type) {
    case 'title':
    case 'rich_text':
      return plainText(value as StoredText[]);
    case 'select':
    case 'status':
      return from.options?.find((o) => o.id === value)?.name ?? '';
    case 'multi_select':
      return (value as string[]).map((id) => from.options?.find((o) => o.id === id)?.name ?? '').join(', ');
    case 'date':
      return (value as { start: string }).start;
    case 'checkbox':
      return value ? 'Yes' : 'No';
    case 'relation':
    case 'people':
      return '';
    default:
      return String(value);
  }
}

/** The `properties` of dataSources.update, applied in order (null deletes, a name alone renames). */
export function updateProperties(model: Model, ds: DataSourceRec, raw: unknown): void {
  if (!isObject(raw)) throw bodyInvalid('body.properties', 'an object', raw);
  for (const [key, value] of Object.entries(raw)) {
    const path = `body.properties.${key}`;
    const prop = model.propOf(ds, key);
    if (value === null) {
      if (!prop) throw invalid(`Could not find property with name or id: ${key}`);
      if (prop.type === 'title') throw invalid('Cannot delete the title property.');
      deleteProperty(model, ds, prop);
      continue;
    }
    const config = parseConfig(model, value, path, prop !== undefined);
    if (!prop) {
      if ('renameOnly' in config) throw invalid(`Could not find property with name or id: ${key}`);
      if (config.type === 'title') throw invalid('A data source has exactly one title property.');
      addProperty(model, ds, config.name ?? key, config);
      continue;
    }
    if ('renameOnly' in config) {
      renameProperty(model, ds, prop, config.renameOnly);
      continue;
    }
    reconfigure(model, ds, prop, config);
    if (config.name !== undefined) renameProperty(model, ds, prop, config.name);
  }
}

/** The properties of a new data source: one title at most (a "Name" title is added when none is given). */
export function initialProperties(model: Model, ds: DataSourceRec, raw: unknown): void {
  if (raw === undefined) raw = {};
  if (!isObject(raw)) throw bodyInvalid('body.initial_data_source.properties', 'an object', raw);
  const configs = Object.entries(raw).map(([name, value]) => {
    if (value === null) throw bodyInvalid(`body.initial_data_source.properties.${name}`, 'an object', value);
    const config = parseConfig(model, value, `body.initial_data_source.properties.${name}`, false) as PropConfig;
    return { name: config.name ?? name, config };
  });
  const titles = configs.filter((c) => c.config.type === 'title');
  if (titles.length > 1) throw invalid('A data source can have only one title property.');
  if (titles.length === 0) addProperty(model, ds, 'Name', { type: 'title' }, 'title');
  for (const { name, config } of configs)
    addProperty(model, ds, name, config, config.type === 'title' ? 'title' : undefined);
}

export function requireDataSource(model: Model, id: string): DataSourceRec {
  const ds = model.dataSource(id);
  if (ds.inTrash || model.databases.get(ds.databaseId)?.inTrash) throw notFound('data_source', id);
  return ds;
}
