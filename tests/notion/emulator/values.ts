// Page property values: checked against the data source's schema as Notion checks them, stored,
// and returned in Notion's shapes (a page object lists at most 25 relation targets).
import { bodyInvalid, invalid } from './errors.js';
import { parseId } from './ids.js';
import type { DataSourceRec, DateValue, Model, PageRec, PropDef, StoredValue } from './model.js';
import { isObject, parseRichText, richTextResponse } from './rich-text.js';
import type { StoredText } from './rich-text.js';
import { checkOptionName, newOption, partnerOf } from './schema.js';
import { userObject } from './users.js';

export const PAGE_RELATION_LIMIT = 25;

/** A checked write: the value to store per property id. Nothing is stored until every value passed. */
export type PendingValues = Map<PropDef, StoredValue>;

export function parseValues(model: Model, ds: DataSourceRec, raw: unknown): PendingValues {
  if (!isObject(raw)) throw bodyInvalid('body.properties', 'an object', raw);
  const pending: PendingValues = new Map();
  for (const [key, value] of Object.entries(raw)) {
    const prop = model.propOf(ds, key);
    if (!prop) throw invalid(`${key} is not a property that exists.`);
    const path = `body.properties.${key}`;
    if (!isObject(value)) throw bodyInvalid(path, 'an object', value);
    const typeKey = Object.keys(value).find((k) => k !== 'type' && k !== 'id');
    if (typeKey === undefined || (value.type !== undefined && value.type !== typeKey))
      throw bodyInvalid(path, 'a property value', value);
    if (typeKey !== prop.type) throw invalid(`${prop.name} is expected to be ${prop.type}.`);
    if (Object.keys(value).some((k) => k !== 'type' && k !== 'id' && k !== typeKey))
      throw bodyInvalid(path, 'a property value', value);
    pending.set(prop, parseValue(model, prop, value[typeKey], `${path}.${typeKey}`));
  }
  return pending;
}

function parseValue(model: Model, prop: PropDef, value: unknown, path: string): StoredValue {
  switch (prop.type) {
    case 'title':
    case 'rich_text':
      return parseRichText(value, path);
    case 'number':
      if (value === null) return null;
      if (typeof value !== 'number' || !Number.isFinite(value)) throw bodyInvalid(path, 'a number or `null`', value);
      return value;
    case 'select':
      return value === null ? null : optionId(prop, value, path);
    case 'status':
      if (value === null) return null;
      if (!isObject(value) || !prop.options!.some((o) => o.id === value.id || o.name === value.name)) {
        throw invalid(
          `Status option ${JSON.stringify(value)} does not exist on ${prop.name}; the API cannot add status options.`,
        );
      }
      return prop.options!.find((o) => o.id === value.id || o.name === value.name)!.id;
    case 'people':
      if (!Array.isArray(value)) throw bodyInvalid(path, 'an array', value);
      return value.map((item, i) => {
        const id = isObject(item) ? parseId(item.id, `body failed validation: ${path}[${i}].id`) : '';
        if (!model.users.has(id))
          throw invalid(`${path}[${i}]: no user with id ${JSON.stringify(isObject(item) ? item.id : item)}.`);
        return id;
      });
    case 'multi_select':
      if (!Array.isArray(value)) throw bodyInvalid(path, 'an array', value);
      if (value.length > 100) throw bodyInvalid(`${path}.length`, '≤ `100`', value.length);
      return value.map((v, i) => optionId(prop, v, `${path}[${i}]`));
    case 'date':
      return value === null ? null : parseDate(value, path);
    case 'relation':
      return parseRelation(model, prop, value, path);
    case 'checkbox':
      if (typeof value !== 'boolean') throw bodyInvalid(path, 'a boolean', value);
      return value;
    case 'url':
    case 'email':
    case 'phone_number': {
      if (value === null) return null;
      const limit = prop.type === 'url' ? 2000 : 200;
      if (typeof value !== 'string') throw bodyInvalid(path, 'a string or `null`', value);
      if (value.length > limit) throw bodyInvalid(`${path}.length`, `≤ \`${limit}\``, value.length);
      return value;
    }
  }
}

function optionId(prop: PropDef, value: unknown, path: string): string {
  if (!isObject(value)) throw bodyInvalid(path, 'an object', value);
  if (value.id !== undefined) {
    const option = prop.options!.find((o) => o.id === value.id);
    if (!option) throw invalid(`Select option id ${String(value.id)} does not exist on ${prop.name}.`);
    return option.id;
  }
  checkOptionName(value.name, `${path}.name`);
  const existing = prop.options!.find((o) => o.name === value.name);
  if (existing) return existing.id;
  // Writing an unknown option name adds the option, as Notion does.
  const option = newOption(value.name, typeof value.color === 'string' ? value.color : undefined);
  prop.options!.push(option);
  return option.id;
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:\d{2})?)?$/;

function parseDate(value: unknown, path: string): DateValue {
  if (!isObject(value)) throw bodyInvalid(path, 'an object or `null`', value);
  for (const key of Object.keys(value))
    if (!['start', 'end', 'time_zone'].includes(key)) throw bodyInvalid(`${path}.${key}`, 'not present', value[key]);
  const check = (v: unknown, p: string) => {
    if (typeof v !== 'string' || !ISO_DATE.test(v) || Number.isNaN(Date.parse(v.slice(0, 10)))) {
      throw bodyInvalid(p, 'a valid ISO 8601 date string', v);
    }
    return v;
  };
  const start = check(value.start, `${path}.start`);
  const end = value.end === undefined || value.end === null ? null : check(value.end, `${path}.end`);
  return { start, end };
}

function parseRelation(model: Model, prop: PropDef, value: unknown, path: string): string[] {
  if (!Array.isArray(value)) throw bodyInvalid(path, 'an array', value);
  if (value.length > 100) throw bodyInvalid(`${path}.length`, '≤ `100`', value.length);
  const ids: string[] = [];
  value.forEach((item, i) => {
    if (!isObject(item)) throw bodyInvalid(`${path}[${i}]`, 'an object', item);
    const id = parseId(item.id, `body failed validation: ${path}[${i}].id`);
    const target = model.pages.get(id);
    if (
      !target ||
      target.parent.type !== 'data_source_id' ||
      target.parent.id !== prop.relation!.dataSourceId ||
      target.inTrash
    ) {
      throw invalid(`Relation ${prop.name}: page ${id} is not in the data source this relation points to.`);
    }
    if (!ids.includes(id)) ids.push(id);
  });
  return ids;
}

/** Stores checked values; a two-way relation updates the synced property of the pages it links. */
export function storeValues(model: Model, page: PageRec, pending: PendingValues): void {
  for (const [prop, value] of pending) {
    if (prop.type === 'relation') {
      const before = (page.values.get(prop.id) as string[] | undefined) ?? [];
      const after = value as string[];
      const partner = partnerOf(model, prop);
      if (partner) {
        for (const id of before.filter((id) => !after.includes(id))) {
          const other = model.pages.get(id);
          if (other)
            other.values.set(
              partner.prop.id,
              ((other.values.get(partner.prop.id) as string[] | undefined) ?? []).filter((x) => x !== page.id),
            );
        }
        for (const id of after.filter((id) => !before.includes(id))) {
          const other = model.pages.get(id)!;
          const back = (other.values.get(partner.prop.id) as string[] | undefined) ?? [];
          if (!back.includes(page.id)) other.values.set(partner.prop.id, [...back, page.id]);
        }
      }
    }
    page.values.set(prop.id, value);
  }
}

/** A property value as a page object shows it. */
export function valueResponse(model: Model, prop: PropDef, value: StoredValue | undefined): Record<string, unknown> {
  const base = { id: prop.id, type: prop.type };
  switch (prop.type) {
    case 'title':
    case 'rich_text':
      return { ...base, [prop.type]: richTextResponse((value as StoredText[] | undefined) ?? []) };
    case 'number':
      return { ...base, number: (value as number | null | undefined) ?? null };
    case 'select':
    case 'status': {
      const option = prop.options!.find((o) => o.id === value);
      return { ...base, [prop.type]: option ? { id: option.id, name: option.name, color: option.color } : null };
    }
    case 'people':
      return { ...base, people: ((value as string[] | undefined) ?? []).map((id) => userObject(model.users.get(id)!)) };
    case 'multi_select':
      return {
        ...base,
        multi_select: ((value as string[] | undefined) ?? [])
          .map((id) => prop.options!.find((o) => o.id === id))
          .filter((o) => o !== undefined)
          .map((o) => ({ id: o.id, name: o.name, color: o.color })),
      };
    case 'date': {
      const date = value as DateValue | null | undefined;
      return { ...base, date: date ? { start: date.start, end: date.end, time_zone: null } : null };
    }
    case 'relation': {
      const targets = model.liveTargets((value as string[] | undefined) ?? []);
      return {
        ...base,
        relation: targets.slice(0, PAGE_RELATION_LIMIT).map((id) => ({ id })),
        has_more: targets.length > PAGE_RELATION_LIMIT,
      };
    }
    case 'checkbox':
      return { ...base, checkbox: (value as boolean | undefined) ?? false };
    default:
      return { ...base, [prop.type]: (value as string | null | undefined) ?? null };
  }
}
