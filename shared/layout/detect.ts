// Which column holds which field of a plan, from the header (and a look at the cells where a
// header alone cannot tell): the template's headers, other names in four languages, a person's
// mapping, and columns named for a level (Objective, Key Result), which hold that level's titles.
import {
  COLUMN_BY_KEY,
  columnLetter,
  headerKeyOf,
  isGroupHeader,
  matchColumns,
  normaliseHeader,
  type DuplicateColumn,
} from '../columns.js';
import { ALL_LEVELS, levelAbove, levelFromText, pluralLevel } from '../frameworks.js';
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
import { cellText as headerText, measureTypeFromText } from '../plan.js';
import { outlineDepth, prefixedId } from './prefixes.js';
import { guessTitleColumn } from './title-guess.js';

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
  'label',
  'nome',
  'titolo',
  'descrizione',
]);

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

/** Words between a field and the level it names: "Nombre del objetivo", "ID de l'objectif". */
const OF_WORDS = new Set(['of', 'the', 'de', 'del', 'la', 'du', 'des', 'do', 'da', 'dos', 'das']);

/**
 * "Milestone ID" → Milestone + "id"; "Objective description" → Objective + "description"; also
 * the other order for an ID or a title ("id_obj", "Nombre del objetivo", "ID de l'objectif");
 * null otherwise.
 */
function levelAndRest(header: string): { level: LevelName; rest: string } | null {
  const words = normaliseHeader(header).split(' ');
  for (let n = Math.min(2, words.length - 1); n >= 1; n--) {
    const level = levelFromText(words.slice(0, n).join(' '));
    if (level !== null) return { level, rest: words.slice(n).join(' ') };
  }
  for (let n = Math.min(2, words.length - 1); n >= 1; n--) {
    const level = levelFromText(
      words
        .slice(-n)
        .join(' ')
        .replace(/^[ld]['’]/, ''),
    );
    if (level === null) continue;
    const before = words.slice(0, -n);
    while (before.length > 1 && OF_WORDS.has(before[before.length - 1])) before.pop();
    const rest = before.join(' ');
    if (TITLE_WORDS.has(rest) || headerKeyOf(rest)?.key === 'id') return { level, rest };
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
    // A second column named for a level already read ("KPI" beside "Key Result"): notes on it,
    // not another tier of the plan; left as the person's own column.
    const tierTaken = (named: LevelName) => levelColumns.some((c) => c.level === named);
    if (level !== null && tierTaken(level)) return;
    if (level !== null) {
      // "KR" holding KR1, KR2…: the IDs of the rows, not their titles. Each ID counted once: a
      // log that repeats one milestone per report is judged by its milestones, not its rows.
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
      if (tierTaken(split.level)) return;
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

  const guesses: string[] = [];
  const group = groupColumn(header, rows, taken, levelColumns, columns.level !== undefined);
  if (group !== null) {
    levelColumns.unshift(group);
    taken.add(group.index);
    guesses.push(`${group.header} read as ${pluralLevel(group.level)} (the groups above ${levelColumns[1].header})`);
  }

  // One column named for a level and no Title column: it holds the titles, every row that level
  // unless IDs or prefixes say otherwise ("Milestone" beside "#").
  if (columns.title === undefined && columns.level === undefined && levelColumns.length === 1) {
    const only = levelColumns.pop()!;
    columns.title = only.index;
    sources.title = 'alias';
    levelHint = { level: only.level, header: only.header };
  }

  // No header names the titles, or only a vague one ("What"): the leftmost column whose cells read
  // as titles (left of the vague one), a guess the reading states.
  if (levelColumns.length === 0 && (columns.title === undefined || sources.title === 'guess')) {
    const vague = columns.title;
    // A column read from a vague header ("Metric" as Unit) is free to be the titles when its cells are.
    const guessedKeyAt = (i: number) =>
      (Object.keys(columns) as ColumnKey[]).find((k) => columns[k] === i && sources[k] === 'guess' && k !== 'title');
    const free = (i: number) => (!taken.has(i) || guessedKeyAt(i) !== undefined) && (vague === undefined || i < vague);
    const guessed = guessTitleColumn(header, rows, free);
    if (guessed !== null) {
      if (vague !== undefined) taken.delete(vague);
      const other = guessedKeyAt(guessed);
      if (other !== undefined) {
        delete columns[other];
        delete sources[other];
      }
      columns.title = guessed;
      sources.title = 'guess';
      taken.add(guessed);
    }
  }

  // A Type column holding Objective, Key Result…: the rows' levels (exports often call it so).
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
  // A Type column that names no measure type ("Submit a request", "Aspirational Goal"): a
  // ticket's or a goal's kind, not how its Target counts. Read where its cells are measure types,
  // or under the template's own header in a plan with a Target or a Level column (where a wrong
  // Type is the person's to fix, and said so).
  if (columns.type !== undefined && sources.type !== 'mapping') {
    const texts = sample(rows, columns.type);
    const measureTypes = mostly(texts, (t) => measureTypeFromText(t) !== null);
    const templateHeader = sources.type === 'header' && (columns.target !== undefined || columns.level !== undefined);
    if (texts.length > 0 && !measureTypes && !templateHeader) {
      guesses.push(
        `${headerText(header[columns.type])} not read as Type (its cells name no increase, decrease, at least, at most or milestone)`,
      );
      delete columns.type;
      delete sources.type;
    }
  }
  if (columns.title !== undefined && columns.level === undefined) levelColumns.push(...groupColumns(header, taken));
  levelColumns.sort((a, b) => a.index - b.index);
  return { columns, sources, levelColumns, levelHint, guesses, duplicates: matched.duplicates };
}

/**
 * A column that groups the rows of the leftmost level column ("Category" beside "KPI", "Theme"
 * beside "Objective"): a group header left of it, written once per group (blank or repeated
 * below, no group coming back after another), read as the level above (Objective above Key
 * Result, Goal above Objective). Not above tasks, whose groups are phases or tags.
 */
function groupColumn(
  header: readonly CellValue[],
  rows: readonly (readonly CellValue[])[],
  taken: ReadonlySet<number>,
  levelColumns: readonly LevelColumn[],
  hasLevelColumn: boolean,
): LevelColumn | null {
  if (hasLevelColumn || levelColumns.length === 0) return null;
  const top = levelColumns.reduce((a, b) => (b.index < a.index ? b : a));
  const level = top.level === 'Task' || top.level === 'Tactic' ? null : levelAbove(top.level);
  if (level === null) return null;
  for (let index = top.index - 1; index >= 0; index--) {
    const cell = header[index];
    if (taken.has(index) || typeof cell !== 'string' || !isGroupHeader(cell)) continue;
    return writtenInGroups(rows, index) ? { index, header: cell.trim(), level } : null;
  }
  return null;
}

/** Each group named on its first row only (blank or the same text below) and never again after another. */
function writtenInGroups(rows: readonly (readonly CellValue[])[], col: number): boolean {
  const seen = new Set<string>();
  let previous = '';
  let continued = 0;
  for (let r = 0; r < rows.length && r < SAMPLE_ROWS; r++) {
    const row = rows[r] ?? [];
    if (row.every((cell) => headerText(cell) === '')) continue;
    const t = headerText(row[col]);
    if (t === '' || t === previous) {
      if (previous !== '' || t !== '') continued++;
      continue;
    }
    if (seen.has(t)) return false;
    seen.add(t);
    previous = t;
  }
  return seen.size > 0 && continued > 0;
}

/**
 * Headers that name a group of rows without naming a level: a phase, an epic, a project. Beside a
 * Title column, written as groups, they are the rows' parents (planRows decides).
 */
const PHASE_WORDS = new Set([
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

/** True for a header that names a phase of work (Phase, Epic, Project), not a level: its groups become parent rows. */
export function isPhaseHeader(header: string): boolean {
  return PHASE_WORDS.has(normaliseHeader(header));
}

/** The levels of group columns, top first, ending above the rows' own level (Task): Project > Phase > task. */
const GROUP_LADDER: readonly LevelName[] = ['Goal', 'Objective', 'Milestone'];

/** Columns named for a group (Phase, Epic, Project), left to right, with the levels they stand for. */
function groupColumns(header: readonly CellValue[], taken: Set<number>): LevelColumn[] {
  const found: number[] = [];
  header.forEach((cell, index) => {
    if (!taken.has(index) && typeof cell === 'string' && isPhaseHeader(cell)) found.push(index);
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
