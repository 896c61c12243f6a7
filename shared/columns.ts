import type { CellValue, ColumnKey, ColumnMap } from './types.js';
import { PlanFormatError } from './types.js';

export interface ColumnDef {
  key: ColumnKey;
  /** The header as templates write it. */
  header: string;
  /** Other spellings people use for the same header (lower case). */
  aliases: readonly string[];
  /** Written by the tools, never by hand. */
  computed: boolean;
}

/** Every column the plan knows, in template order. */
export const COLUMNS: readonly ColumnDef[] = [
  { key: 'id', header: 'ID', aliases: [], computed: false },
  { key: 'level', header: 'Level', aliases: [], computed: false },
  { key: 'parent', header: 'Parent', aliases: ['parent id'], computed: false },
  { key: 'title', header: 'Title', aliases: [], computed: false },
  { key: 'owner', header: 'Owner', aliases: [], computed: false },
  { key: 'type', header: 'Type', aliases: [], computed: false },
  { key: 'start', header: 'Start', aliases: ['baseline'], computed: false },
  { key: 'target', header: 'Target', aliases: [], computed: false },
  { key: 'current', header: 'Current', aliases: [], computed: false },
  { key: 'unit', header: 'Unit', aliases: [], computed: false },
  { key: 'startDate', header: 'Start date', aliases: [], computed: false },
  { key: 'dueDate', header: 'Due date', aliases: ['due', 'deadline'], computed: false },
  { key: 'review', header: 'Review', aliases: ['review cadence'], computed: false },
  { key: 'lastCheckIn', header: 'Last check-in', aliases: ['last check in', 'last checkin'], computed: false },
  { key: 'status', header: 'Status', aliases: [], computed: false },
  { key: 'weight', header: 'Weight', aliases: [], computed: false },
  { key: 'progress', header: 'Progress', aliases: [], computed: true },
  { key: 'pace', header: 'Pace', aliases: ['pace status'], computed: true },
  { key: 'check', header: 'Check', aliases: [], computed: true },
];

export const REQUIRED_COLUMNS: readonly ColumnKey[] = ['id', 'level', 'title'];

export const COLUMN_BY_KEY: Readonly<Record<ColumnKey, ColumnDef>> = Object.fromEntries(
  COLUMNS.map((c) => [c.key, c]),
) as Record<ColumnKey, ColumnDef>;

const KEY_BY_HEADER = new Map<string, ColumnKey>();
for (const c of COLUMNS) {
  KEY_BY_HEADER.set(normaliseHeader(c.header), c.key);
  for (const alias of c.aliases) KEY_BY_HEADER.set(normaliseHeader(alias), c.key);
}

function normaliseHeader(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** The column key a header cell names, or null for a column the plan does not know. */
export function columnKeyOf(header: CellValue): ColumnKey | null {
  if (typeof header !== 'string') return null;
  return KEY_BY_HEADER.get(normaliseHeader(header)) ?? null;
}

/** Known columns found in a header row; the first of two same-named columns wins. */
export function mapColumns(header: readonly CellValue[]): ColumnMap {
  const map: ColumnMap = {};
  header.forEach((cell, index) => {
    const key = columnKeyOf(cell);
    if (key !== null && map[key] === undefined) map[key] = index;
  });
  return map;
}

/** A known column the header names more than once: the one read and the ones ignored. */
export interface DuplicateColumn {
  key: ColumnKey;
  read: number;
  ignored: number[];
}

/** Known columns named twice or more (`Owner` twice, `Due` beside `Due date`), in header order. */
export function duplicateColumns(header: readonly CellValue[]): DuplicateColumn[] {
  const byKey = new Map<ColumnKey, DuplicateColumn>();
  header.forEach((cell, index) => {
    const key = columnKeyOf(cell);
    if (key === null) return;
    const seen = byKey.get(key);
    if (seen) seen.ignored.push(index);
    else byKey.set(key, { key, read: index, ignored: [] });
  });
  return [...byKey.values()].filter((d) => d.ignored.length > 0);
}

/** True when the header row has every required column (ID, Level, Title). */
export function isPlanHeader(header: readonly CellValue[]): boolean {
  const map = mapColumns(header);
  return REQUIRED_COLUMNS.every((key) => map[key] !== undefined);
}

/** Like mapColumns, but throws a PlanFormatError naming the missing required headers. */
export function requireColumns(header: readonly CellValue[], headerRow = 1): ColumnMap {
  const map = mapColumns(header);
  const missing = REQUIRED_COLUMNS.filter((key) => map[key] === undefined).map((key) => COLUMN_BY_KEY[key].header);
  if (missing.length > 0) {
    throw new PlanFormatError(
      `Row ${headerRow} is not a plan header: no ${missing.join(', ')} column. ` +
        `A plan needs the headers ID, Level and Title (see "cascade template" for a ready-made one).`,
      { row: headerRow, column: missing[0] },
    );
  }
  return map;
}

/** 0 → "A", 26 → "AA". */
export function columnLetter(index: number): string {
  let letters = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) {
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  }
  return letters;
}
