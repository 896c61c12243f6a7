// Check-ins made in Notion come back into the plan. With no local state, each page carries what
// Cascade last wrote of its check-in (Current, Status, Last check-in, Note) in the Cascade sync
// property: a value that differs from it was changed in Notion, a plan value that differs from it
// was changed in the plan. A change made in Notion by a person (last_edited_by is not the
// integration) is pulled; a change on both sides goes to the newer one; what the integration
// itself wrote is never pulled. The result is plain data, so the command and the add-on can write
// the same cells.
import type { CellValue, CheckInSource, ColumnMap, Day, LevelName } from '../shared/index.js';
import { COLUMN_BY_KEY, dayFromIso, dayFromLocalDate, idKey } from '../shared/index.js';
import { PROPERTIES, PULLED_KEYS } from './schema.js';
import type { PulledKey } from './schema.js';
import type { CurrentPage, LevelState } from './state.js';
import type { MirrorRow, Value } from './types.js';
import { sameValue } from './values.js';

/** What Cascade last wrote of a page's check-in. */
export interface CheckInRecord {
  current: Value;
  status: Value;
  lastCheckIn: Value;
  note: Value;
}

export type PulledField = PulledKey | 'note';

/** One value a person changed in Notion: pulled into the plan, or overridden by a newer change in the plan. */
export interface PulledValue {
  database: string;
  level: LevelName;
  /** The row's Cascade ID and spreadsheet row. */
  id: string;
  row: number;
  field: PulledField;
  /** The plan's column: Current, Status, Last check-in, Note. */
  column: string;
  /** The plan's value, and Notion's (ISO dates, numbers, status names, text). */
  planValue: Value;
  notionValue: Value;
  /** 'pulled': Notion's value goes into the plan. 'overridden': the plan's newer value replaces it in Notion. */
  outcome: 'pulled' | 'overridden';
  /** True when the plan had changed too (the older change lost). */
  bothChanged: boolean;
  /** Who changed the page in Notion (a user id; the name, else the email, when the workspace's members were read) and when. */
  by: string;
  byName?: string;
  at: string | null;
}

/** The record as stored: one short JSON line. */
export function recordText(values: Pick<MirrorRow['values'], PulledKey>, note: Value | undefined): string {
  const record: CheckInRecord = {
    current: values.current,
    status: values.status,
    lastCheckIn: values.lastCheckIn,
    note: note ?? null,
  };
  return JSON.stringify(record);
}

export function parseRecord(text: Value | undefined): CheckInRecord | null {
  if (typeof text !== 'string') return null;
  try {
    const parsed = JSON.parse(text) as Partial<CheckInRecord>;
    if (typeof parsed !== 'object' || parsed === null) return null;
    const field = (v: unknown): Value => (typeof v === 'string' || typeof v === 'number' ? v : null);
    return {
      current: field(parsed.current),
      status: field(parsed.status),
      lastCheckIn: field(parsed.lastCheckIn),
      note: field(parsed.note),
    };
  } catch {
    return null;
  }
}

const KIND = Object.fromEntries(PROPERTIES.map((p) => [p.key, p.kind]));

export interface PullContext {
  /** True for the integration's own bot user. */
  isIntegration: (userId: string) => boolean;
  /** When the plan was last changed (ISO), to settle a value changed on both sides; unknown: the plan wins. */
  planEditedAt: string | null;
}

/** The values of one page that a person changed in Notion since Cascade last wrote it. */
export function pullsOf(state: LevelState, row: MirrorRow, page: CurrentPage, context: PullContext): PulledValue[] {
  if (page.lastEditedBy === null || context.isIntegration(page.lastEditedBy)) return [];
  const record = parseRecord(page.values.sync);
  const notionNewer =
    context.planEditedAt !== null && page.lastEditedTime !== null && page.lastEditedTime > context.planEditedAt;
  const pulls: PulledValue[] = [];
  const base = {
    database: state.title,
    level: state.level,
    id: String(row.values.id),
    row: row.row,
    by: page.lastEditedBy,
    at: page.lastEditedTime,
  };
  for (const key of PULLED_KEYS) {
    const kind = KIND[key];
    const notionValue = page.values[key];
    if (notionValue === undefined) continue; // the property is missing or retyped: nothing to read
    const planValue = row.values[key];
    if (sameValue(kind, planValue, notionValue)) continue;
    // Without a record (pages written before it existed), a person's edit is taken as the change.
    const notionChanged = record === null || !sameValue(kind, record[key], notionValue);
    const planChanged = record !== null && !sameValue(kind, record[key], planValue);
    if (!notionChanged) continue;
    const outcome = planChanged && !notionNewer ? 'overridden' : 'pulled';
    pulls.push({
      ...base,
      field: key,
      column: COLUMN_BY_KEY[key].header,
      planValue,
      notionValue,
      outcome,
      bothChanged: planChanged,
    });
  }
  const note = page.values.note;
  if (note !== undefined && note !== (record?.note ?? null)) {
    pulls.push({
      ...base,
      field: 'note',
      column: 'Note',
      planValue: record?.note ?? null,
      notionValue: note,
      outcome: 'pulled',
      bothChanged: false,
    });
  }
  return pulls;
}

/** The rows with the values pulled from Notion in place (what the plan holds once they are written). */
export function applyPulls(rows: readonly MirrorRow[], pulls: readonly PulledValue[]): MirrorRow[] {
  return rows.map((row) => {
    const mine = pulls.filter((p) => p.outcome === 'pulled' && p.field !== 'note' && p.row === row.row);
    if (mine.length === 0) return row;
    const values = { ...row.values };
    for (const p of mine) values[p.field as PulledKey] = p.notionValue;
    return { ...row, values };
  });
}

/**
 * The 0-based column of a plan table where a pulled value goes: the plan's Current, Status or Last
 * check-in, or a column of people's own headed "Note"; undefined when the plan has none.
 */
export function pulledColumn(field: PulledField, columns: ColumnMap, header: readonly CellValue[]): number | undefined {
  if (field !== 'note') return columns[field];
  const index = header.findIndex((h) => typeof h === 'string' && h.trim().toLowerCase() === 'note');
  return index >= 0 ? index : undefined;
}

/**
 * The check-ins made in Notion, by the row's ID key, for the plan's history: who made them (the
 * person's name, else email), their Note when one was pulled, dated by the Last check-in they set,
 * else by the day of their edit (`dayOf`: in the plan's time zone), never later than today.
 */
export function checkInSources(
  pulled: readonly PulledValue[],
  today: Day,
  dayOf: (instant: Date) => Day = dayFromLocalDate,
): Map<string, CheckInSource> {
  const sources = new Map<string, CheckInSource>();
  for (const p of pulled) {
    // A Note emptied in Notion is no check-in by itself.
    if (p.outcome !== 'pulled' || (p.field === 'note' && p.notionValue === null)) continue;
    const key = idKey(p.id);
    const edited = p.at === null ? today : dayOf(new Date(p.at));
    const source = sources.get(key) ?? {
      date: Number.isNaN(edited) ? today : Math.min(edited, today),
      who: p.byName ?? 'Notion',
      note: '',
    };
    if (p.field === 'note' && typeof p.notionValue === 'string') source.note = p.notionValue;
    if (p.field === 'lastCheckIn' && typeof p.notionValue === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(p.notionValue)) {
      source.date = Math.min(dayFromIso(p.notionValue), today);
    }
    sources.set(key, source);
  }
  return sources;
}
