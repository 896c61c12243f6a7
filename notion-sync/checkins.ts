// The Check-ins database: one page per check-in of the plan's history (date, the item it belongs to,
// Current, Progress, Status, Note, Who), related to the item's page. Pages are created, never
// rewritten nor trashed: the history is append-only, and so is its mirror. With no local state, a
// check-in's page is found again by its key, "<ID key>|<date>|<n>" (the n-th check-in of that row
// on that day, in the order the history holds them): appends never change the key of a record
// already there, so a run creates only the check-ins Notion does not show yet.
import { idKey, isoFromDay, roundFraction } from '../shared/index.js';
import type { CheckIn, LevelName } from '../shared/index.js';
import type { NotionDataSource, PropertyConfig } from './api.js';
import { describe, tagKey, tagOf } from './marker.js';
import type { PlanIdentity } from './marker.js';
import { PROPERTIES } from './schema.js';
import type { PropertyKind } from './schema.js';
import { fitOptionName } from './text.js';
import { encodeRelation, encodeValue } from './values.js';
import type { PropertyRequest } from './values.js';

/** The level the Check-ins database's tag names: no framework has a level called so. */
export const CHECKINS_LEVEL = 'Check-ins';
export const CHECKINS_TITLE = 'Check-ins';

type CheckInKey = 'title' | 'date' | 'id' | 'current' | 'progress' | 'status' | 'note' | 'who' | 'key';

interface CheckInProperty {
  key: CheckInKey;
  name: string;
  kind: PropertyKind;
  help: string;
}

const STATUS_OPTIONS = PROPERTIES.find((p) => p.key === 'status')!.options!;

export const CHECKIN_PROPERTIES: readonly CheckInProperty[] = [
  { key: 'title', name: 'Name', kind: 'title', help: 'The item and the day of the check-in.' },
  { key: 'date', name: 'Date', kind: 'date', help: 'The day of the check-in.' },
  { key: 'id', name: 'Cascade ID', kind: 'rich_text', help: "The plan row's ID." },
  { key: 'current', name: 'Current', kind: 'number', help: 'Current after the check-in.' },
  { key: 'progress', name: 'Progress', kind: 'number', help: 'Progress after the check-in.' },
  { key: 'status', name: 'Status', kind: 'select', help: 'Status after the check-in.' },
  { key: 'note', name: 'Note', kind: 'rich_text', help: 'The note of the check-in.' },
  { key: 'who', name: 'Who', kind: 'rich_text', help: 'Who checked in.' },
  {
    key: 'key',
    name: 'Cascade check-in',
    kind: 'rich_text',
    help: 'How Cascade finds this check-in again. Leave it as it is.',
  },
];

/** One check-in as its page shows it. */
export interface MirrorCheckIn {
  key: string;
  id: string;
  /** The item's ID key, to find its page. */
  itemKey: string;
  values: Record<CheckInKey, string | number | null>;
}

/** The history's check-ins (replanning records aside) as pages, each with its key. */
export function mirrorCheckIns(records: readonly CheckIn[]): MirrorCheckIn[] {
  const seen = new Map<string, number>();
  const out: MirrorCheckIn[] = [];
  for (const record of records) {
    const itemKey = idKey(record.id);
    if (record.change !== '' || itemKey === '') continue;
    const date = isoFromDay(record.date);
    const day = `${itemKey}|${date}`;
    const n = (seen.get(day) ?? 0) + 1;
    seen.set(day, n);
    const key = `${day}|${n}`;
    out.push({
      key,
      id: record.id,
      itemKey,
      values: {
        title: `${record.id} · ${date}${n > 1 ? ` (${n})` : ''}`,
        date,
        id: record.id,
        current: typeof record.current === 'number' && Number.isFinite(record.current) ? record.current : null,
        progress: roundFraction(record.progress),
        status: fitOptionName(record.status) || null,
        note: record.note || null,
        who: record.who || null,
        key,
      },
    });
  }
  return out;
}

const relationTag = (level: LevelName) => `item:${encodeURIComponent(level)}`;

function config(property: CheckInProperty, owner: { plan: PlanIdentity; level: string }): PropertyConfig {
  const description = describe(property.help, property.key, owner);
  if (property.kind === 'number')
    return { number: { format: property.key === 'progress' ? 'percent' : 'number' }, description };
  if (property.kind === 'select') return { select: { options: STATUS_OPTIONS.map((o) => ({ ...o })) }, description };
  return { [property.kind]: {}, description };
}

/** A one-way relation from a check-in to its item's page in a level's database (the item databases are left as they are). */
function relationConfig(
  level: LevelName,
  dataSourceId: string,
  owner: { plan: PlanIdentity; level: string },
): PropertyConfig {
  return {
    relation: { data_source_id: dataSourceId, type: 'single_property', single_property: {} },
    description: describe(`The ${level} this check-in belongs to.`, relationTag(level), owner),
  };
}

export interface CheckInsSchema {
  /** Our properties' names, by key, as a person may have renamed them. */
  names: Record<CheckInKey, string>;
  /** Level → the relation's name. */
  relations: Map<LevelName, string>;
  /** What to add for dataSources.update (missing properties and relations), empty when complete. */
  request: Record<string, PropertyConfig>;
}

/**
 * The Check-ins database's schema for the item databases there are: for a new database (schema
 * null) every property; for one that exists, what it lacks (a property deleted, a level's database
 * made since) or a property of ours a person retyped.
 */
export function checkInsSchema(
  schema: NotionDataSource | null,
  levels: readonly { level: LevelName; dataSourceId: string }[],
  plan: PlanIdentity,
): CheckInsSchema {
  const owner = { plan, level: CHECKINS_LEVEL };
  const byTag = new Map<string, { id: string; name: string; type: string }>();
  for (const p of Object.values(schema?.properties ?? {})) {
    const tag = tagOf(p.description);
    if (tag !== null) byTag.set(tagKey(tag), p);
  }
  const title = Object.values(schema?.properties ?? {}).find((p) => p.type === 'title');
  const taken = new Set(Object.values(schema?.properties ?? {}).map((p) => p.name));
  const free = (wanted: string) => {
    let name = wanted;
    for (let n = 2; taken.has(name); n++) name = `${wanted} (${n})`;
    taken.add(name);
    return name;
  };
  const request: Record<string, PropertyConfig> = {};
  const names = {} as Record<CheckInKey, string>;
  for (const property of CHECKIN_PROPERTIES) {
    const found = property.key === 'title' ? title : byTag.get(property.key);
    if (found) {
      names[property.key] = found.name;
      // Retyped by a person: set back, as the item databases' properties are.
      if (found.type !== property.kind) request[found.id] = config(property, owner);
      continue;
    }
    const name = schema === null || property.key === 'title' ? property.name : free(property.name);
    names[property.key] = name;
    if (property.key !== 'title' || schema === null) request[name] = config(property, owner);
  }
  const relations = new Map<LevelName, string>();
  for (const { level, dataSourceId } of levels) {
    const found = byTag.get(relationTag(level));
    if (found?.type === 'relation') {
      relations.set(level, found.name);
      continue;
    }
    const name = found?.name ?? (schema === null ? level : free(level));
    relations.set(level, name);
    request[name] = relationConfig(level, dataSourceId, owner);
  }
  return { names, relations, request };
}

/** A new check-in page's properties: its values, and the relation to its item's page. */
export function checkInProperties(
  checkIn: MirrorCheckIn,
  schema: Pick<CheckInsSchema, 'names' | 'relations'>,
  item: { level: LevelName; pageId: string },
): Record<string, PropertyRequest> {
  const properties: Record<string, PropertyRequest> = {};
  for (const property of CHECKIN_PROPERTIES) {
    const value = checkIn.values[property.key];
    if (value === null && property.kind !== 'title') continue;
    properties[schema.names[property.key]] = encodeValue(property.kind, value);
  }
  const relation = schema.relations.get(item.level);
  if (relation !== undefined) properties[relation] = encodeRelation([item.pageId]);
  return properties;
}

/** The view a new Check-ins database gets: newest first, the key hidden. */
export function checkInsView(schema: NotionDataSource): Record<string, unknown> {
  const hidden = Object.values(schema.properties)
    .filter((p) => {
      const tag = tagOf(p.description);
      return tag !== null && (tagKey(tag) === 'key' || tagKey(tag) === 'id');
    })
    .map((p) => ({ property_id: p.id, visible: false }));
  const date = Object.values(schema.properties).find((p) => tagKey(tagOf(p.description) ?? '') === 'date');
  return {
    name: 'History',
    type: 'table',
    ...(date ? { sorts: [{ property: date.name, direction: 'descending' }] } : {}),
    configuration: { type: 'table', properties: hidden },
  };
}
