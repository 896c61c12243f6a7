// The Notion side of the plan: which properties each level's database carries, named and typed.
// Column names come from shared/columns.ts; only the Notion-specific names are set here.
import { COLUMN_BY_KEY, MEASURE_TYPES, pluralLevel, STATUSES } from '../shared/index.js';
import type { ColumnKey, Framework, LevelName, MeasureType, PaceStatus, Status } from '../shared/index.js';

/** The Notion property types the mirror writes. */
export type PropertyKind = 'title' | 'rich_text' | 'number' | 'select' | 'date' | 'people';

export type SelectColor =
  'default' | 'gray' | 'brown' | 'orange' | 'yellow' | 'green' | 'blue' | 'purple' | 'pink' | 'red';

export interface SelectOption {
  name: string;
  color: SelectColor;
}

export interface PropertySpec<K extends NotionKey = MirroredKey> {
  /** The plan column the property mirrors (or, for Note and Cascade sync, what it holds). */
  key: K;
  /** The property's name in Notion. */
  name: string;
  kind: PropertyKind;
  /** Number format shown in Notion (Progress is a fraction shown as a percent). */
  format?: 'number' | 'percent';
  /** Options created with the database so the usual values get their colours. */
  options?: readonly SelectOption[];
}

/** A plan column the mirror shows: every one except Level (one database per level) and Parent (a relation). */
export type MirroredColumn = Exclude<ColumnKey, 'level' | 'parent'>;

/**
 * What each page shows: the plan's columns; Owner (person), the workspace members the written
 * Owner names (by email or exact name), so Notion can mention them and filter "my items"; and Last
 * check-in note, the note of the row's latest check-in in the plan's history. Note is a person's
 * own (pulled, never written); Last check-in note is Cascade's (written, never pulled), so a
 * person's text is never overwritten by a note from the history.
 */
export type MirroredKey = MirroredColumn | 'ownerPerson' | 'lastNote';

/**
 * Properties of Cascade's that are no plan column: Note, a comment on the last check-in written in
 * Notion, and Cascade sync, what Cascade last wrote of the check-in (pull.ts).
 */
export type ExtraKey = 'note' | 'sync';
export type NotionKey = MirroredKey | ExtraKey;

/** The values people update in Notion at a check-in, which come back into the plan. */
export const PULLED_KEYS = ['current', 'status', 'lastCheckIn'] as const satisfies readonly MirroredKey[];
export type PulledKey = (typeof PULLED_KEYS)[number];

const STATUS_COLORS: Record<Status, SelectColor> = {
  'Not started': 'gray',
  'On track': 'green',
  'At risk': 'yellow',
  'Off track': 'red',
  Done: 'blue',
  Paused: 'brown',
  Dropped: 'default',
};

const PACE_COLORS: Record<PaceStatus, SelectColor> = {
  done: 'blue',
  overdue: 'red',
  'not started': 'gray',
  'on track': 'green',
  'at risk': 'yellow',
  'off track': 'orange',
};

const TYPE_COLORS: Record<MeasureType, SelectColor> = {
  increase: 'green',
  decrease: 'purple',
  'at least': 'blue',
  'at most': 'orange',
  milestone: 'pink',
};

/** Options in the order shared/ lists the values (pace has no list there: the colours' order). */
function optionsOf<T extends string>(
  colors: Record<T, SelectColor>,
  order: readonly T[] = Object.keys(colors) as T[],
): SelectOption[] {
  return order.map((name) => ({ name, color: colors[name] }));
}

/** Names that differ from the plan's header: Notion calls its title Name, and "ID" is ambiguous there. */
const NOTION_NAMES: Partial<Record<MirroredKey, string>> = {
  ownerPerson: 'Owner (person)',
  lastNote: 'Last check-in note',
  id: 'Cascade ID',
  title: 'Name',
  pace: 'Pace status',
};

function spec(key: MirroredKey, kind: PropertyKind, extra: Partial<PropertySpec> = {}): PropertySpec {
  return { key, name: NOTION_NAMES[key] ?? COLUMN_BY_KEY[key as MirroredColumn].header, kind, ...extra };
}

/** The properties of every level's database, in the order they are created. */
export const PROPERTIES: readonly PropertySpec[] = [
  spec('title', 'title'),
  spec('id', 'rich_text'),
  spec('owner', 'rich_text'),
  spec('ownerPerson', 'people'),
  spec('type', 'select', { options: optionsOf(TYPE_COLORS, MEASURE_TYPES) }),
  spec('start', 'number', { format: 'number' }),
  spec('target', 'number', { format: 'number' }),
  spec('current', 'number', { format: 'number' }),
  spec('unit', 'rich_text'),
  spec('startDate', 'date'),
  spec('dueDate', 'date'),
  spec('review', 'rich_text'),
  spec('lastCheckIn', 'date'),
  spec('lastNote', 'rich_text'),
  spec('status', 'select', { options: optionsOf(STATUS_COLORS, STATUSES) }),
  spec('weight', 'number', { format: 'number' }),
  spec('progress', 'number', { format: 'percent' }),
  spec('pace', 'select', { options: optionsOf(PACE_COLORS) }),
  spec('check', 'rich_text'),
];

/** Note and Cascade sync: created with the database, never compared with the plan. */
export const EXTRA_PROPERTIES: readonly PropertySpec<ExtraKey>[] = [
  { key: 'note', name: 'Note', kind: 'rich_text' },
  { key: 'sync', name: 'Cascade sync', kind: 'rich_text' },
];

export const ALL_PROPERTIES: readonly PropertySpec<NotionKey>[] = [...PROPERTIES, ...EXTRA_PROPERTIES];

/** What a person reads when hovering over a property's name (the tag follows it). */
export function propertyHelp(key: NotionKey): string {
  if (key === 'id') return "The plan row's ID: Cascade finds the page by it.";
  if (key === 'note') return 'A comment on the last check-in; Cascade brings it back with the check-in.';
  if (key === 'sync')
    return 'What Cascade last wrote of the check-in, to tell changes made here from changes made in the plan. Leave it as it is.';
  if (key === 'progress' || key === 'pace' || key === 'check') return 'Computed by Cascade from the plan.';
  if (key === 'ownerPerson') return "The workspace members the plan's Owner names (by email or name), kept by Cascade.";
  if (key === 'lastNote')
    return "The note of the row's latest check-in, from the plan's history; kept by Cascade. Write yours in Note.";
  const column = COLUMN_BY_KEY[key].header;
  return (PULLED_KEYS as readonly string[]).includes(key)
    ? `From the plan's ${column} column; a change made here goes back into the plan.`
    : `From the plan's ${column} column; Cascade keeps it in step with the plan.`;
}

export const CASCADE_ID = PROPERTIES.find((p) => p.key === 'id')!.name;
export const TITLE = PROPERTIES.find((p) => p.key === 'title')!.name;

/** A relation from a level's database to a higher level's, with its reverse on that database. */
export interface RelationSpec {
  /** Its name in Notion: "Parent", "Parent (Objective)", or the name a person gave it. */
  name: string;
  /** The level the relation points to. */
  target: LevelName;
  /** The reverse property's name on the target's database: the plural of this level. */
  reverseName: string;
}

/** Database title of a level: "Key Results". */
export function databaseTitle(level: LevelName): string {
  return pluralLevel(level);
}

/**
 * The relation to a parent on `parentLevel`: "Parent" for the level right above, "Parent (Goal)"
 * for a parent further up (a task straight under an objective).
 */
export function relationFor(framework: Framework, level: LevelName, parentLevel: LevelName): RelationSpec {
  const rank = framework.levels.indexOf(level);
  const parentRank = framework.levels.indexOf(parentLevel);
  const name = parentRank === rank - 1 ? 'Parent' : `Parent (${parentLevel})`;
  return { name, target: parentLevel, reverseName: pluralLevel(level) };
}

/** Every relation a level's database may carry: one per higher level. */
export function possibleRelations(framework: Framework, level: LevelName): RelationSpec[] {
  const rank = framework.levels.indexOf(level);
  return framework.levels.slice(0, Math.max(rank, 0)).map((parent) => relationFor(framework, level, parent));
}
