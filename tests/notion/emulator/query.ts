// Data source queries: property filters (and/or, two levels deep), sorts, and Notion's cursor
// pagination (page_size at most 100, next_cursor the id of the next result).
import { bodyInvalid, invalid } from './errors.js';
import type { DataSourceRec, DateValue, Model, PageRec, PropDef } from './model.js';
import { isObject, plainText } from './rich-text.js';
import type { StoredText } from './rich-text.js';

type Predicate = (page: PageRec) => boolean;

export function compileFilter(
  model: Model,
  ds: DataSourceRec,
  raw: unknown,
  path = 'body.filter',
  depth = 0,
): Predicate {
  if (!isObject(raw)) throw bodyInvalid(path, 'an object', raw);
  for (const op of ['and', 'or'] as const) {
    if (raw[op] === undefined) continue;
    if (depth >= 2) throw invalid(`body failed validation: ${path} nests compound filters more than two levels deep.`);
    const list = raw[op];
    if (!Array.isArray(list)) throw bodyInvalid(`${path}.${op}`, 'an array', list);
    const parts = list.map((f, i) => compileFilter(model, ds, f, `${path}.${op}[${i}]`, depth + 1));
    return op === 'and' ? (p) => parts.every((f) => f(p)) : (p) => parts.some((f) => f(p));
  }
  if (typeof raw.property !== 'string') throw bodyInvalid(`${path}.property`, 'a string', raw.property);
  const prop = model.propOf(ds, raw.property);
  if (!prop) throw invalid(`Could not find property with name or id: ${raw.property}`);
  const typeKey = Object.keys(raw).find((k) => k !== 'property' && k !== 'type');
  if (typeKey === undefined) throw bodyInvalid(path, 'a property filter', raw);
  const textual = prop.type === 'title' || prop.type === 'rich_text';
  const matches = typeKey === prop.type || (textual && (typeKey === 'rich_text' || typeKey === 'title'));
  if (!matches)
    throw invalid(`body failed validation: ${path}.${typeKey} does not match the type of ${prop.name} (${prop.type}).`);
  const condition = raw[typeKey];
  if (!isObject(condition) || Object.keys(condition).length !== 1)
    throw bodyInvalid(`${path}.${typeKey}`, 'an object with one condition', condition);
  const [op, operand] = Object.entries(condition)[0];
  return conditionOn(model, prop, op, operand, `${path}.${typeKey}.${op}`);
}

function conditionOn(model: Model, prop: PropDef, op: string, operand: unknown, path: string): Predicate {
  const value = (page: PageRec) => page.values.get(prop.id);
  if (op === 'is_empty' || op === 'is_not_empty') {
    if (operand !== true) throw bodyInvalid(path, '`true`', operand);
    const empty = (page: PageRec) => isEmpty(model, prop, value(page));
    return op === 'is_empty' ? empty : (p) => !empty(p);
  }
  switch (prop.type) {
    case 'title':
    case 'rich_text': {
      if (typeof operand !== 'string') throw bodyInvalid(path, 'a string', operand);
      const text = (p: PageRec) => plainText((value(p) as StoredText[] | undefined) ?? []);
      const ops: Record<string, Predicate> = {
        equals: (p) => text(p) === operand,
        does_not_equal: (p) => text(p) !== operand,
        contains: (p) => text(p).toLowerCase().includes(operand.toLowerCase()),
        does_not_contain: (p) => !text(p).toLowerCase().includes(operand.toLowerCase()),
        starts_with: (p) => text(p).startsWith(operand),
        ends_with: (p) => text(p).endsWith(operand),
      };
      return pick(ops, op, path);
    }
    case 'number': {
      if (typeof operand !== 'number') throw bodyInvalid(path, 'a number', operand);
      const n = (p: PageRec) => value(p) as number | null | undefined;
      const ops: Record<string, Predicate> = {
        equals: (p) => n(p) === operand,
        does_not_equal: (p) => n(p) !== operand,
        greater_than: (p) => (n(p) ?? -Infinity) > operand,
        less_than: (p) => (n(p) ?? Infinity) < operand,
        greater_than_or_equal_to: (p) => (n(p) ?? -Infinity) >= operand,
        less_than_or_equal_to: (p) => (n(p) ?? Infinity) <= operand,
      };
      return pick(ops, op, path);
    }
    case 'select': {
      if (typeof operand !== 'string') throw bodyInvalid(path, 'a string', operand);
      const name = (p: PageRec) => prop.options!.find((o) => o.id === value(p))?.name;
      return pick({ equals: (p) => name(p) === operand, does_not_equal: (p) => name(p) !== operand }, op, path);
    }
    case 'checkbox':
      if (typeof operand !== 'boolean') throw bodyInvalid(path, 'a boolean', operand);
      return pick(
        { equals: (p) => (value(p) ?? false) === operand, does_not_equal: (p) => (value(p) ?? false) !== operand },
        op,
        path,
      );
    case 'date': {
      if (typeof operand !== 'string') throw bodyInvalid(path, 'a date string', operand);
      const start = (p: PageRec) => (value(p) as DateValue | null | undefined)?.start.slice(0, 10);
      const day = operand.slice(0, 10);
      return pick(
        {
          equals: (p) => start(p) === day,
          before: (p) => start(p) !== undefined && start(p)! < day,
          after: (p) => start(p) !== undefined && start(p)! > day,
          on_or_before: (p) => start(p) !== undefined && start(p)! <= day,
          on_or_after: (p) => start(p) !== undefined && start(p)! >= day,
        },
        op,
        path,
      );
    }
    case 'relation': {
      if (typeof operand !== 'string') throw bodyInvalid(path, 'a page id', operand);
      const has = (p: PageRec) =>
        model
          .liveTargets((value(p) as string[] | undefined) ?? [])
          .some((id) => id.replace(/-/g, '') === operand.replace(/-/g, '').toLowerCase());
      return pick({ contains: has, does_not_contain: (p) => !has(p) }, op, path);
    }
    default:
      throw invalid(`The emulator does not filter on ${prop.type} properties.`);
  }
}

function pick(ops: Record<string, Predicate>, op: string, path: string): Predicate {
  const predicate = ops[op];
  if (!predicate)
    throw bodyInvalid(
      path.replace(/\.[^.]*$/, ''),
      `one of ${Object.keys(ops).join(', ')}, is_empty, is_not_empty`,
      op,
    );
  return predicate;
}

function isEmpty(model: Model, prop: PropDef, value: unknown): boolean {
  if (value === null || value === undefined) return true;
  if (prop.type === 'title' || prop.type === 'rich_text') return plainText(value as StoredText[]) === '';
  if (prop.type === 'relation') return model.liveTargets(value as string[]).length === 0;
  if (Array.isArray(value)) return value.length === 0;
  return false;
}

export function compileSorts(
  model: Model,
  ds: DataSourceRec,
  raw: unknown,
): ((a: PageRec, b: PageRec) => number) | null {
  if (raw === undefined) return null;
  if (!Array.isArray(raw)) throw bodyInvalid('body.sorts', 'an array', raw);
  const keys = raw.map((s, i) => {
    if (!isObject(s) || (s.direction !== 'ascending' && s.direction !== 'descending'))
      throw bodyInvalid(`body.sorts[${i}]`, 'a sort', s);
    const sign = s.direction === 'ascending' ? 1 : -1;
    if (s.timestamp === 'created_time' || s.timestamp === 'last_edited_time') {
      const field = s.timestamp === 'created_time' ? 'createdTime' : 'lastEditedTime';
      return (a: PageRec, b: PageRec) => sign * a[field].localeCompare(b[field]);
    }
    const prop = typeof s.property === 'string' ? model.propOf(ds, s.property) : undefined;
    if (!prop) throw invalid(`Could not find sort property with name or id: ${String(s.property)}`);
    const key = (p: PageRec) => {
      const v = p.values.get(prop.id);
      if (prop.type === 'title' || prop.type === 'rich_text') return plainText((v as StoredText[] | undefined) ?? []);
      if (prop.type === 'date') return (v as DateValue | null | undefined)?.start ?? '';
      return typeof v === 'number' ? v : '';
    };
    return (a: PageRec, b: PageRec) => {
      const x = key(a);
      const y = key(b);
      return sign * (typeof x === 'number' && typeof y === 'number' ? x - y : String(x).localeCompare(String(y)));
    };
  });
  return (a, b) => {
    for (const k of keys) {
      const c = k(a, b);
      if (c !== 0) return c;
    }
    return 0;
  };
}

/** One page of results: {results, next_cursor, has_more}. */
export function paginate<T extends { id: string }>(
  items: readonly T[],
  startCursor: unknown,
  pageSize: unknown,
  where: 'body' | 'query',
): { page: T[]; next: string | null } {
  let size = 100;
  if (pageSize !== undefined) {
    const n = typeof pageSize === 'string' ? Number(pageSize) : pageSize;
    if (typeof n !== 'number' || !Number.isInteger(n) || n < 1)
      throw bodyInvalid(`${where}.page_size`, 'a positive integer', pageSize);
    if (n > 100)
      throw invalid(`${where} failed validation: ${where}.page_size should be ≤ \`100\`, instead was \`${n}\`.`);
    size = n;
  }
  let start = 0;
  if (startCursor !== undefined && startCursor !== null) {
    start = items.findIndex((item) => item.id === startCursor);
    if (start < 0) throw invalid(`${where} failed validation: ${where}.start_cursor is not a valid cursor.`);
  }
  const page = items.slice(start, start + size);
  const next = start + size < items.length ? items[start + size].id : null;
  return { page, next };
}
