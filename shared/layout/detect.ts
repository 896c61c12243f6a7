// Which column holds which field of a plan, from the header (and a look at the cells where a
// header alone cannot tell): the template's headers, other names in four languages, a person's
// mapping, and columns named for a level (Objective, Key Result), which hold that level's titles.
import {
  COLUMN_BY_KEY,
  columnLetter,
  headerKeyOf,
  matchColumns,
  normaliseHeader,
  type DuplicateColumn,
} from '../columns.js';
import { ALL_LEVELS, levelFromText } from '../frameworks.js';
import { PlanFormatError } from '../types.js';
import type {
  CellValue,
  ColumnKey,
  ColumnMap,
  ColumnMapping,
  ColumnSource,
  LevelColumn,
  LevelName,
  ReadColumn,
} from '../types.js';
import { outlineDepth, prefixedId } from './prefixes.js';

/** The columns a table is read from, before its rows say how levels and parents go. */
export interface DetectedColumns {
  /** The fields read cell by cell (readRow's columns). */
  columns: ColumnMap;
  /** How each was recognised. */
  sources: Partial<Record<ColumnKey, ColumnSource>>;
  /** Columns named for a level, left to right: side by side when two or more (or one beside a Title column). */
  levelColumns: LevelColumn[];
  /** A level the headers name for every row ("Milestone ID", "Parent goal"), when nothing else tells. */
  levelHint: { level: LevelName; header: string } | null;
  /** Guesses made from the cells (a Type column holding level names read as Level). */
  guesses: string[];
  duplicates: DuplicateColumn[];
}

/** Cells looked at to decide what a column holds: enough to tell, few enough to stay fast. */
const SAMPLE_ROWS = 500;
/** Words after a level name that make the column that level's titles: "Goal name", "Objective description". */
const TITLE_WORDS = new Set([
  'name',
  'title',
  'description',
  'statement',
  'text',
  'nombre',
  'titulo',
  'descripcion',
  'titel',
  'name',
  'beschreibung',
  'nom',
  'titre',
  'intitule',
  'libelle',
]);

function headerText(cell: CellValue | undefined): string {
  return typeof cell === 'string' ? cell.trim() : cell === null || cell === undefined ? '' : String(cell);
}

/** "A "Objective", B "Key result", …": the headers of a row, for messages. */
export function headerList(header: readonly CellValue[]): string[] {
  const out: string[] = [];
  header.forEach((cell, i) => {
    const text = headerText(cell);
    if (text !== '') out.push(`${columnLetter(i)} "${text}"`);
  });
  return out;
}

/** Non-blank texts of a column in the first SAMPLE_ROWS rows. */
function sample(rows: readonly (readonly CellValue[])[], col: number): string[] {
  const out: string[] = [];
  for (let r = 0; r < rows.length && r < SAMPLE_ROWS; r++) {
    const cell = rows[r]?.[col];
    const text = headerText(cell);
    if (text !== '') out.push(text);
  }
  return out;
}

/** The texts once each: a value repeated down a column (a milestone's report rows) counts once. */
function distinct(texts: readonly string[]): string[] {
  return [...new Set(texts)];
}

function mostly(texts: readonly string[], test: (text: string) => boolean): boolean {
  if (texts.length === 0) return false;
  let hits = 0;
  for (const text of texts) if (test(text)) hits++;
  return hits / texts.length >= 0.8;
}

/** "Milestone ID" → Milestone + "id"; "Objective description" → Objective + "description"; null otherwise. */
function levelAndRest(header: string): { level: LevelName; rest: string } | null {
  const words = normaliseHeader(header).split(' ');
  for (let n = Math.min(2, words.length - 1); n >= 1; n--) {
    const level = levelFromText(words.slice(0, n).join(' '));
    if (level !== null) return { level, rest: words.slice(n).join(' ') };
  }
  return null;
}

/** The header index a mapping names; a PlanFormatError listing the headers when none is headed so. */
function isLevelName(key: string): key is LevelName {
  return (ALL_LEVELS as readonly string[]).includes(key);
}

function mappedIndex(
  header: readonly CellValue[],
  key: ColumnKey | LevelName,
  text: string,
  headerRow: number,
): number {
  const wanted = normaliseHeader(text);
  const index = header.findIndex((cell) => typeof cell === 'string' && normaliseHeader(cell) === wanted);
  if (index < 0) {
    throw new PlanFormatError(
      `no column is headed "${text}" (given for ${isLevelName(key) ? key : COLUMN_BY_KEY[key].header}). The columns in row ${headerRow} are ${headerList(header).join(', ')}.`,
      { row: headerRow },
    );
  }
  return index;
}

export function detectColumns(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  mapping: ColumnMapping = {},
  headerRow = 1,
): DetectedColumns {
  const columns: ColumnMap = {};
  const sources: Partial<Record<ColumnKey, ColumnSource>> = {};
  const taken = new Set<number>();
  const levelColumns: LevelColumn[] = [];
  for (const [key, text] of Object.entries(mapping) as [ColumnKey | LevelName, string | undefined][]) {
    if (text === undefined || text.trim() === '') continue;
    const index = mappedIndex(header, key, text, headerRow);
    if (isLevelName(key)) levelColumns.push({ index, header: headerText(header[index]), level: key });
    else {
      columns[key] = index;
      sources[key] = 'mapping';
    }
    taken.add(index);
  }
  const free = header.map((cell, i) => (taken.has(i) ? null : cell));
  const matched = matchColumns(free);
  for (const [key, index] of Object.entries(matched.columns) as [ColumnKey, number][]) {
    if (columns[key] !== undefined) continue;
    columns[key] = index;
    sources[key] = matched.matches[key];
    taken.add(index);
  }

  let levelHint: DetectedColumns['levelHint'] = null;
  header.forEach((cell, index) => {
    if (taken.has(index) || typeof cell !== 'string' || cell.trim() === '') return;
    const text = cell.trim();
    const level = levelFromText(normaliseHeader(text));
    if (level !== null) {
      // "KR" holding KR1, KR2…: the IDs of the rows, not their titles.
      if (
        columns.id === undefined &&
        mostly(distinct(sample(rows, index)), (t) => prefixedId(t) !== null || outlineDepth(t) !== null)
      ) {
        columns.id = index;
        sources.id = 'alias';
        levelHint ??= { level, header: text };
      } else {
        levelColumns.push({ index, header: text, level });
      }
      taken.add(index);
      return;
    }
    const split = levelAndRest(text);
    if (split === null) return;
    if (TITLE_WORDS.has(split.rest)) {
      levelColumns.push({ index, header: text, level: split.level });
      taken.add(index);
      return;
    }
    const key = headerKeyOf(split.rest)?.key;
    if (key !== undefined && columns[key] === undefined) {
      columns[key] = index;
      sources[key] = 'alias';
      taken.add(index);
      if (key === 'id') levelHint ??= { level: split.level, header: text };
    }
  });
  const parentHeader = columns.parent === undefined ? '' : headerText(header[columns.parent]);
  const parentLevel =
    parentHeader === ''
      ? null
      : (levelAndRest(parentHeader.replace(/^parent\s+/i, ''))?.level ??
        levelFromText(parentHeader.replace(/^parent\s+/i, '')));
  if (levelHint === null && parentLevel) levelHint = { level: parentLevel, header: parentHeader };

  // One column named for a level and no Title column: it holds the titles, every row that level
  // unless IDs or prefixes say otherwise ("Milestone" beside "#").
  if (columns.title === undefined && columns.level === undefined && levelColumns.length === 1) {
    const only = levelColumns.pop()!;
    columns.title = only.index;
    sources.title = 'alias';
    levelHint = { level: only.level, header: only.header };
  }

  // A Type column holding Objective, Key Result…: the rows' levels (exports often call it so).
  const guesses: string[] = [];
  if (
    columns.level === undefined &&
    levelColumns.length === 0 &&
    columns.type !== undefined &&
    sources.type !== 'mapping'
  ) {
    const texts = sample(rows, columns.type);
    if (mostly(texts, (t) => levelFromText(t) !== null)) {
      columns.level = columns.type;
      sources.level = 'guess';
      delete columns.type;
      delete sources.type;
      guesses.push(`Level from ${headerText(header[columns.level])} (its cells are level names)`);
    }
  }
  if (columns.title !== undefined && columns.level === undefined) levelColumns.push(...groupColumns(header, taken));
  levelColumns.sort((a, b) => a.index - b.index);
  return { columns, sources, levelColumns, levelHint, guesses, duplicates: matched.duplicates };
}

/**
 * Headers that name a group of rows without naming a level: a phase, an epic, a project. Beside a
 * Title column, written as groups, they are the rows' parents (planRows decides).
 */
const GROUP_WORDS = new Set([
  'phase',
  'phases',
  'stage',
  'epic',
  'epics',
  'project',
  'projects',
  'programme',
  'program',
  'workstream',
  'work stream',
  'work package',
  'fase',
  'etapa',
  'epica',
  'proyecto',
  'projekt',
  'etappe',
  'arbeitspaket',
  'projet',
  'etape',
  'epique',
]);

/** True for a header that names a group of rows (Phase, Epic, Project), not a level. */
export function isGroupHeader(header: string): boolean {
  return GROUP_WORDS.has(normaliseHeader(header));
}

/** The levels of group columns, top first, ending above the rows' own level (Task): Project > Phase > task. */
const GROUP_LADDER: readonly LevelName[] = ['Goal', 'Objective', 'Milestone'];

/** Columns named for a group (Phase, Epic, Project), left to right, with the levels they stand for. */
function groupColumns(header: readonly CellValue[], taken: Set<number>): LevelColumn[] {
  const found: number[] = [];
  header.forEach((cell, index) => {
    if (!taken.has(index) && typeof cell === 'string' && isGroupHeader(cell)) found.push(index);
  });
  const ladder = GROUP_LADDER.slice(Math.max(0, GROUP_LADDER.length - found.length));
  return found.slice(-ladder.length).map((index, k) => {
    taken.add(index);
    return { index, header: headerText(header[index]), level: ladder[k] };
  });
}

/** The columns read, in sheet order, with their headers as written. */
export function readColumns(header: readonly CellValue[], detected: DetectedColumns): ReadColumn[] {
  return (Object.entries(detected.columns) as [ColumnKey, number][])
    .map(([key, index]) => ({
      key,
      index,
      header: headerText(header[index]),
      source: detected.sources[key] ?? 'header',
    }))
    .sort((a, b) => a.index - b.index);
}

/** True when the level column's cells are level numbers (1, 2, 3). */
export function holdsNumbers(texts: readonly string[]): boolean {
  return mostly(texts, (t) => /^\d{1,2}$/.test(t));
}

export { sample as sampleColumn };
