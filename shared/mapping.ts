// A person's say on which column is which ("Title is my Key result column, Owner is DRI"): the
// mapping the command's --columns and the add-on's "Use this sheet" form both speak, a proposal
// with Cascade's guesses to start from, and a preview of the rows as they will be read.
import { COLUMN_BY_KEY, COLUMNS, normaliseHeader } from './columns.js';
import { levelFromText } from './frameworks.js';
import { detectColumns, headerList, readColumns } from './layout/detect.js';
import { cellText as headerText, readPlan, type ReadPlanOptions } from './plan.js';
import { PlanFormatError } from './types.js';
import type {
  CellValue,
  ColumnKey,
  ColumnMapping,
  ColumnSource,
  LevelColumn,
  LevelName,
  PlanReading,
  RawTable,
} from './types.js';

/** The fields a person can map: every column the plan reads from a sheet (not the computed ones). */
export const MAPPABLE_FIELDS: readonly ColumnKey[] = COLUMNS.filter((c) => !c.computed).map((c) => c.key);

/** One field of a proposal: the column proposed for it, or none. */
export interface ProposedField {
  key: ColumnKey;
  /** The field's name as the template heads it ("Due date"). */
  label: string;
  /** The header text of the column proposed, or null. */
  header: string | null;
  /** 0-based column index, or null. */
  index: number | null;
  /** How the column was recognised (null when none was). */
  source: ColumnSource | null;
}

/** What Cascade would read from a table, for a mapping form to start from. */
export interface MappingProposal {
  /** Field → header text, every field with a column (guesses included), and level → header for the level columns. */
  mapping: ColumnMapping;
  /** Every mappable field in template order, proposed or not. */
  fields: ProposedField[];
  /** Columns named for a level (Objective, Key Result), read side by side. */
  levelColumns: LevelColumn[];
  /** Every header of the row, in order ('' for a blank header cell), for a column picker. */
  headers: string[];
  /** How the plan would be read with this mapping; null when it cannot be read. */
  reading: PlanReading | null;
  /** Why it cannot be read yet (the core's message), or null. */
  problem: string | null;
}

/**
 * Cascade's proposal for a table's columns: each field with the column it would read (from the
 * headers, a given mapping first), the level columns, and how the plan reads that way.
 */
export function proposeMapping(table: RawTable, options: ReadPlanOptions = {}): MappingProposal {
  const headers = table.header.map(headerText);
  let reading: PlanReading | null = null;
  let problem: string | null = null;
  try {
    reading = readPlan({ ...table, rows: table.rows.slice(0, 500) }, options).reading ?? null;
  } catch (error) {
    if (!(error instanceof PlanFormatError)) throw error;
    problem = error.message;
  }
  const detected = detectColumns(
    table.header,
    table.rows,
    problem === null ? options.columns : {},
    table.headerRow ?? 1,
  );
  const read = reading?.columns ?? readColumns(table.header, detected);
  const byKey = new Map(read.map((c) => [c.key, c]));
  const fields = MAPPABLE_FIELDS.map((key): ProposedField => {
    const c = byKey.get(key);
    return {
      key,
      label: COLUMN_BY_KEY[key].header,
      header: c ? c.header : null,
      index: c ? c.index : null,
      source: c ? c.source : null,
    };
  });
  const mapping: ColumnMapping = {};
  for (const f of fields) if (f.header !== null) mapping[f.key] = f.header;
  const levelColumns = reading?.levelColumns ?? detected.levelColumns;
  for (const c of levelColumns) mapping[c.level] ??= c.header;
  return { mapping, fields, levelColumns, headers, reading, problem };
}

/** A row as a preview shows it: what Cascade reads, in plain text. */
export interface PreviewRow {
  row: number;
  id: string;
  level: LevelName | null;
  /** The level as written, when it is not one Cascade knows. */
  levelText: string;
  parent: string;
  title: string;
  owner: string;
}

/** The first `count` items of a table as Cascade reads them with a mapping (a PlanFormatError when it cannot). */
export function previewRows(table: RawTable, options: ReadPlanOptions = {}, count = 5): PreviewRow[] {
  // Enough rows for `count` items even where rows are blank, and a few more for side-by-side groups.
  const plan = readPlan({ ...table, rows: table.rows.slice(0, Math.max(count * 4, 50)) }, options);
  return plan.items.slice(0, count).map((item) => ({
    row: item.row,
    id: item.id,
    level: item.level,
    levelText: item.levelText,
    parent: item.parentId,
    title: item.title,
    owner: item.owner,
  }));
}

/** "Title", "title", "Due date", "dueDate", "due" → the field; null for no field. */
export function fieldOfName(name: string): ColumnKey | null {
  const norm = normaliseHeader(name);
  for (const key of MAPPABLE_FIELDS) {
    if (normaliseHeader(COLUMN_BY_KEY[key].header) === norm || key.toLowerCase() === norm.replace(/ /g, '')) return key;
  }
  return null;
}

/**
 * "Title=Key result,Owner=DRI" → { title: 'Key result', owner: 'DRI' }; a level name as the field
 * ("Objective=Theme,Key Result=Result") names columns read side by side. A header holding a comma
 * is quoted ("Title=\"Goal, short\""). A PlanFormatError names a part that is not `Field=Header`
 * or a field Cascade does not read.
 */
export function parseColumnMapping(text: string): ColumnMapping {
  const mapping: ColumnMapping = {};
  for (const part of splitParts(text)) {
    if (part.trim() === '') continue;
    const eq = part.indexOf('=');
    if (eq < 0) throw new PlanFormatError(`"${part.trim()}" is not Field=Header (for example Title=Key result).`);
    const name = part.slice(0, eq).trim();
    const header = unquote(part.slice(eq + 1).trim());
    const key = fieldOfName(name) ?? levelFromText(name);
    if (key === null) {
      throw new PlanFormatError(
        `"${name}" is not a plan field; use one of ${MAPPABLE_FIELDS.map((k) => COLUMN_BY_KEY[k].header).join(', ')}, ` +
          'or a level (Objective=…,Key Result=…) for columns side by side.',
      );
    }
    if (header === '') throw new PlanFormatError(`"${part.trim()}" names no header after "=".`);
    mapping[key] = header;
  }
  return mapping;
}

function splitParts(text: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    if (ch === ',' && !quoted) {
      parts.push(current);
      current = '';
    } else current += ch;
  }
  parts.push(current);
  return parts;
}

function unquote(text: string): string {
  return text.length >= 2 && text.startsWith('"') && text.endsWith('"') ? text.slice(1, -1).trim() : text;
}

/** { title: 'Key result' } → "Title=Key result": how the command's --columns writes a mapping. */
export function formatColumnMapping(mapping: ColumnMapping): string {
  return (Object.entries(mapping) as [ColumnKey | LevelName, string | undefined][])
    .filter(([, header]) => header !== undefined && header !== '')
    .map(
      ([key, header]) =>
        `${key in COLUMN_BY_KEY ? COLUMN_BY_KEY[key as ColumnKey].header : key}=${header!.includes(',') ? `"${header}"` : header}`,
    )
    .join(',');
}

/** The headers of a row as "A "Objective", B "Key result"": for messages that list what was found. */
export function headersFound(header: readonly CellValue[]): string[] {
  return headerList(header);
}

/**
 * The columns whose cells say a row is a plan item (ID, Level, Parent, and the level columns of a
 * side-by-side sheet), as the reader recognises them: a row below a blank one with none of these
 * filled (a total, a note) is past the plan's end.
 */
export function planRowColumns(header: readonly CellValue[], rows: readonly (readonly CellValue[])[]): number[] {
  const detected = detectColumns(header, rows);
  const keyed = [detected.columns.id, detected.columns.level, detected.columns.parent];
  return [...keyed.filter((c): c is number => c !== undefined), ...detected.levelColumns.map((c) => c.index)];
}
