// The history table (`Check-ins` sheet, NAME.checkins.csv): its header, reading it at the edge,
// the cells of a new row, and each row's latest check-in.
import * as z from 'zod/mini';
import { COLUMN_BY_KEY } from '../columns.js';
import { isoFromDay, parseDay } from '../dates.js';
import { parseNumber } from '../numbers.js';
import { cellText, normaliseText } from '../plan.js';
import { assertRawTable } from '../schema.js';
import { idKey } from '../tree.js';
import type { CellValue, Day, RawTable } from '../types.js';
import type { CellChange, ChangeKind, CheckIn, History, ReplanColumn } from './types.js';

/** The sheet (xlsx, Google Sheets) that holds the history. */
export const CHECKINS_SHEET = 'Check-ins';

/** The side file of a .csv plan: plan.csv → plan.checkins.csv. */
export function checkinsCsvPath(planPath: string): string {
  return planPath.replace(/(\.csv)?$/i, '.checkins.csv');
}

/** The history's columns, in order. */
export const CHECKIN_HEADER = [
  'Date',
  'ID',
  'Current',
  'Progress',
  'Status',
  'Note',
  'Who',
  'Change',
  'Before',
  'After',
] as const;
type HistoryColumn = 'date' | 'id' | 'current' | 'progress' | 'status' | 'note' | 'who' | 'change' | 'before' | 'after';
const HISTORY_KEYS: readonly HistoryColumn[] = [
  'date',
  'id',
  'current',
  'progress',
  'status',
  'note',
  'who',
  'change',
  'before',
  'after',
];

/** Column 0-based of Progress in the history, for a percent format. */
export const CHECKIN_PROGRESS_COLUMN = 3;
export const CHECKIN_DATE_COLUMN = 0;

export const CHANGE_KINDS: readonly ChangeKind[] = ['shrink', 'drop', 'extend', 'pause', 'undo'];
const REPLAN_HEADERS: Record<ReplanColumn, string> = {
  target: COLUMN_BY_KEY.target.header,
  dueDate: COLUMN_BY_KEY.dueDate.header,
  status: COLUMN_BY_KEY.status.header,
};

// One history row after its cells are read: validated here, once, at the edge.
const ChangeSchema = z.union([z.literal(''), z.enum(CHANGE_KINDS as [ChangeKind, ...ChangeKind[]])]);
const RecordSchema = z.object({
  date: z.number().check(z.int()),
  id: z.string().check(z.minLength(1, { error: 'ID is blank' })),
  current: z.union([z.number(), z.string(), z.null()]),
  progress: z.union([z.number(), z.null()]),
  status: z.string(),
  note: z.string(),
  who: z.string(),
  change: ChangeSchema,
});

/**
 * Reads the history table. A row that cannot be read (no date, no ID, an unknown Change) is
 * skipped and named in `problems`; blank rows are ignored. Records come back in date order,
 * rows of the same day in the order written. Columns are found by header; a table without
 * Date and ID columns is an empty history with one problem.
 */
export function readHistory(table: RawTable): History {
  assertRawTable(table);
  const headerRow = table.headerRow ?? 1;
  const at = columnsOf(table.header);
  const problems: string[] = [];
  if (at.date < 0 || at.id < 0) {
    if (table.header.length > 0 || table.rows.length > 0)
      problems.push(`The ${CHECKINS_SHEET} table has no Date and ID columns; its rows were not read.`);
    return { records: [], problems };
  }
  const records: CheckIn[] = [];
  for (let r = 0; r < table.rows.length; r++) {
    const cells = table.rows[r] ?? [];
    const cell = (key: HistoryColumn): CellValue => (at[key] < 0 ? null : (cells[at[key]] ?? null));
    if (HISTORY_KEYS.every((key) => cellText(cell(key)) === '')) continue;
    const row = headerRow + 1 + r;
    const date = parseDay(cell('date'), 'month first');
    if (date.state !== 'ok') {
      problems.push(`row ${row}: Date ${date.state === 'blank' ? 'is blank' : `"${date.text}" is not a date`}.`);
      continue;
    }
    const progress = parseNumber(cell('progress'));
    const parsed = RecordSchema.safeParse({
      date: date.value,
      id: cellText(cell('id')),
      current: currentOf(cell('current')),
      progress: progress.state === 'ok' ? progress.value : null,
      status: cellText(cell('status')),
      note: cellText(cell('note')),
      who: cellText(cell('who')),
      change: normaliseText(cellText(cell('change'))),
    });
    if (!parsed.success) {
      problems.push(
        `row ${row}: ${parsed.error.issues.map((issue) => (issue.path[0] === 'change' ? `Change "${cellText(cell('change'))}" is not one of ${CHANGE_KINDS.join(', ')}` : issue.message)).join('; ')}.`,
      );
      continue;
    }
    const record = parsed.data;
    records.push({
      ...record,
      before: parseChanges(cellText(cell('before')), record.id),
      after: parseChanges(cellText(cell('after')), record.id),
    });
  }
  sortByDate(records);
  return { records, problems };
}

function columnsOf(header: readonly CellValue[]): Record<HistoryColumn, number> {
  const at = {} as Record<HistoryColumn, number>;
  const names = header.map((cell) => normaliseText(cellText(cell)));
  HISTORY_KEYS.forEach((key, i) => (at[key] = names.indexOf(CHECKIN_HEADER[i].toLowerCase())));
  return at;
}

function currentOf(cell: CellValue): number | string | null {
  if (typeof cell === 'number') return cell;
  const text = cellText(cell);
  return text === '' ? null : text;
}

/** Stable sort by date, so rows of one day keep the order they were written in. */
export function sortByDate(records: CheckIn[]): void {
  for (let i = 1; i < records.length; i++) {
    if (records[i].date < records[i - 1].date) {
      records.sort((a, b) => a.date - b.date);
      return;
    }
  }
}

/** The cells of one history row, in CHECKIN_HEADER order (Date as a Day for the adapter to write as a date). */
export function checkInCells(record: CheckIn): { date: Day; cells: (string | number | null)[] } {
  return {
    date: record.date,
    cells: [
      isoFromDay(record.date),
      record.id,
      record.current,
      record.progress,
      record.status,
      record.note,
      record.who,
      record.change,
      changesText(record.before, record.id),
      changesText(record.after, record.id),
    ],
  };
}

/** "Due date: 2026-06-30; KR1.2 Status: On track": the row's own cells without its ID. */
export function changesText(changes: readonly CellChange[], ownId: string): string {
  return changes
    .map((c) => `${idKey(c.id) === idKey(ownId) ? '' : `${c.id} `}${REPLAN_HEADERS[c.column]}: ${c.text}`)
    .join('; ');
}

const CHANGE_ENTRY = /^(?:(.+?) )?(Target|Due date|Status): (.*)$/i;
const COLUMN_BY_HEADER = new Map(
  Object.entries(REPLAN_HEADERS).map(([key, header]) => [header.toLowerCase(), key as ReplanColumn]),
);

export function parseChanges(text: string, ownId: string): CellChange[] {
  if (text === '') return [];
  const changes: CellChange[] = [];
  for (const entry of text.split(/;\s*/)) {
    const match = CHANGE_ENTRY.exec(entry.trim());
    if (!match) continue;
    changes.push({
      id: match[1] ?? ownId,
      column: COLUMN_BY_HEADER.get(match[2].toLowerCase())!,
      text: match[3].trim(),
    });
  }
  return changes;
}

/** Each row's records, by ID key, in date order. */
export function recordsById(history: History | readonly CheckIn[]): Map<string, CheckIn[]> {
  const records = Array.isArray(history) ? history : (history as History).records;
  const byId = new Map<string, CheckIn[]>();
  for (const record of records) {
    const key = idKey(record.id);
    const list = byId.get(key);
    if (list) list.push(record);
    else byId.set(key, [record]);
  }
  return byId;
}

/** The day of each row's latest history record (check-in or replanning), by ID key. */
export function lastCheckInDays(history: History | readonly CheckIn[]): Map<string, Day> {
  const records = Array.isArray(history) ? history : (history as History).records;
  const last = new Map<string, Day>();
  for (const record of records) {
    const key = idKey(record.id);
    const day = last.get(key);
    if (day === undefined || record.date > day) last.set(key, record.date);
  }
  return last;
}

/** The note of each row's latest check-in (replanning records aside), by ID key; '' when it had none. */
export function lastCheckInNotes(history: History | readonly CheckIn[]): Map<string, string> {
  const records = Array.isArray(history) ? history : (history as History).records;
  const notes = new Map<string, string>();
  // Records are in date order (rows of one day as written): the last one seen is the latest.
  for (const record of records) if (record.change === '') notes.set(idKey(record.id), record.note);
  return notes;
}
