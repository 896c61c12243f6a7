// Levels, parents and IDs of a table that does not spell them out: side-by-side level columns,
// O1:/KR1.2 prefixes, outline numbers, level numbers, a level named by a header, parent chains.
// Every reading is described (PlanReading), and what is guessed is said.
import { COLUMN_BY_KEY, columnLetter } from '../columns.js';
import { assignIds } from '../ids.js';
import { cellText as text } from '../plan.js';
import { PlanHeaderError } from '../types.js';
import type {
  CellValue,
  Framework,
  LevelColumn,
  LevelName,
  LevelSource,
  ParentSource,
  PlanItem,
  PlanLayout,
  PlanReading,
  ReadColumn,
} from '../types.js';
import { headerList, holdsNumbers, isPhaseHeader, type DetectedColumns } from './detect.js';
import { depthLevels, levelRank, parentsByOrder } from './levels.js';
import { moveGroupFields } from './group-cells.js';
import { extendedPrefixLevel, outlineDepth, outlineParent, prefixedId, prefixedTitle } from './prefixes.js';

/** How the rows will be read, decided from the header (and a look at the cells) before reading them. */
export type RowPlan =
  | { kind: 'rows' }
  /** A column per level, top first; `implied`: the deepest tier is the Title column, read as this level. */
  | { kind: 'side by side'; tiers: LevelColumn[]; implied?: LevelName };

const NEXT_LEVEL: Partial<Record<LevelName, LevelName>> = {
  Objective: 'Key Result',
  'Key Result': 'Task',
  Goal: 'Subgoal',
  Subgoal: 'Task',
  Milestone: 'Task',
  Outcome: 'Objective',
};

/**
 * Side by side when two or more columns are named for levels and no Level column says otherwise,
 * or when one is (Objective) beside a Title column and is written as a group: blank or repeated
 * under its first row. Then the Title column holds the next level (Key Result), a guess.
 */
export function planRows(detected: DetectedColumns, rows: readonly (readonly CellValue[])[]): RowPlan {
  const { columns, levelColumns } = detected;
  if (columns.level !== undefined || levelColumns.length === 0) return { kind: 'rows' };
  const deepest = levelColumns[levelColumns.length - 1];
  const next = NEXT_LEVEL[deepest.level];
  if (levelColumns.length >= 2) {
    // Project and Phase beside a Title column: the titles are the rows under the deepest group.
    // Objective and Key Result beside a stray Title: the key results are written one per row.
    const titlesUnder =
      columns.title !== undefined && next !== undefined && writtenAsGroup(rows, deepest.index, 'mostly');
    return titlesUnder
      ? { kind: 'side by side', tiers: levelColumns, implied: next }
      : { kind: 'side by side', tiers: levelColumns };
  }
  if (columns.title === undefined || next === undefined || !writtenAsGroup(rows, deepest.index))
    return { kind: 'rows' };
  return { kind: 'side by side', tiers: levelColumns, implied: next };
}

/**
 * A column blank or repeated below some of its rows (a merged cell reads either way); 'mostly':
 * continued on at least as many rows as it starts groups, as a Phase column is and a Key Result
 * column is not.
 */
function writtenAsGroup(
  rows: readonly (readonly CellValue[])[],
  col: number,
  how: 'some' | 'mostly' = 'some',
): boolean {
  let previous = '';
  let grouped = 0;
  let groups = 0;
  for (let r = 0; r < rows.length && r < 500; r++) {
    const t = text(rows[r]?.[col]);
    const blankRow = (rows[r] ?? []).every((cell) => text(cell) === '');
    if (blankRow) continue;
    if (groups > 0 && (t === '' || t === previous)) grouped++;
    else if (t !== '') groups++;
    if (t !== '') previous = t;
  }
  return groups > 0 && (how === 'mostly' ? grouped >= groups : grouped > 0);
}

export interface DeriveInput {
  header: readonly CellValue[];
  headerRow: number;
  detected: DetectedColumns;
  rowPlan: RowPlan;
  read: ReadColumn[];
  /** One item per non-empty row, read cell by cell. */
  items: PlanItem[];
  /** Side by side: each item's texts in the tiers' columns. */
  tierTexts: string[][];
  /** A blank item for row `row` (for an objective written beside its key result). */
  blankItem(row: number): PlanItem;
  framework?: Framework;
}

interface Structure {
  layout: PlanLayout;
  levels: LevelSource;
  parents: ParentSource;
  /** Parent index per item, where parents were derived (null: from the Parent column as written). */
  parent: Int32Array | null;
  /** Generate IDs for items without one. */
  generateIds: boolean;
  depthLevels?: LevelName[];
  oneLevel?: LevelName;
  summary: string[];
  guesses: string[];
}

/** The plan's items with levels, parents and IDs derived where the table does not spell them out, and how. */
export function deriveStructure(input: DeriveInput): { items: PlanItem[]; reading: PlanReading } {
  const { detected, rowPlan } = input;
  let items = input.items;
  let structure: Structure;
  if (rowPlan.kind !== 'side by side' && detected.columns.title === undefined) {
    const found = headerList(input.header);
    throw new PlanHeaderError(
      `Row ${input.headerRow} is not a plan header: no column holds the rows' titles. Found ${found.length > 0 ? found.join(', ') : 'no headers'}. ` +
        'Name the column that holds each row\'s statement "Title" (or Objective and Key Result for a side-by-side OKR sheet), or say which column it is.',
      { row: input.headerRow, column: COLUMN_BY_KEY.title.header },
      found,
      'title',
    );
  }
  if (rowPlan.kind === 'side by side') {
    const built = sideBySide(input, rowPlan.tiers, rowPlan.implied);
    items = built.items;
    structure = built.structure;
  } else if (detected.columns.level !== undefined) {
    structure = levelColumn(input);
  } else {
    structure = fromContent(input);
  }
  for (let k = 0; k < items.length; k++) items[k].index = k;

  const hasIdColumn = detected.columns.id !== undefined;
  let ids: IdsFrom = 'id column';
  if (structure.generateIds || structure.parent !== null) {
    const parent = structure.parent;
    const newIds = assignIds(
      items,
      (i) => (parent ? parent[i] : -1),
      (i) => parent === null && items[i].parentId !== '',
    );
    let generated = 0;
    for (let i = 0; i < items.length; i++) {
      if (items[i].id === '' && (structure.generateIds || !hasIdColumn)) {
        items[i].id = newIds[i];
        generated++;
      }
    }
    if (parent) for (let i = 0; i < items.length; i++) items[i].parentId = parent[i] >= 0 ? items[parent[i]].id : '';
    if (generated > 0) ids = hasIdColumn || structure.layout === 'prefixed' ? 'id column' : 'generated';
    if (structure.layout === 'prefixed' && !hasIdColumn) ids = 'prefixes';
    if (generated > 0) structure.summary.push(`IDs made up where none was written (${exampleIds(items)})`);
  }

  const summary = [...columnNotes(input.read), ...structure.summary];
  const guesses = [...detected.guesses, ...columnGuesses(input.read), ...structure.guesses];
  return {
    items,
    reading: {
      layout: structure.layout,
      columns: input.read,
      levelColumns: rowPlan.kind === 'side by side' ? rowPlan.tiers : [],
      levels: structure.levels,
      parents: structure.parents,
      ids: ids === 'id column' && !hasIdColumn ? 'generated' : ids,
      ...(structure.depthLevels ? { depthLevels: structure.depthLevels } : {}),
      ...(structure.oneLevel ? { oneLevel: structure.oneLevel } : {}),
      summary,
      guesses,
    },
  };
}

type IdsFrom = PlanReading['ids'];

function exampleIds(items: readonly PlanItem[]): string {
  const seen = new Set<string>();
  for (const item of items) {
    if (seen.size >= 3) break;
    seen.add(item.id);
  }
  return [...seen].join(', ') + (items.length > 3 ? ', …' : '');
}

/** "Title from Description", "Owner from DRI": each column read under another name. */
function columnNotes(read: readonly ReadColumn[]): string[] {
  return read
    .filter((c) => c.source !== 'header')
    .map(
      (c) => `${COLUMN_BY_KEY[c.key].header} from ${c.header}${c.source === 'mapping' ? ' (as you mapped it)' : ''}`,
    );
}

function columnGuesses(read: readonly ReadColumn[]): string[] {
  return read.filter((c) => c.source === 'guess').map((c) => `${COLUMN_BY_KEY[c.key].header} from ${c.header}`);
}

function listOf(words: readonly string[]): string {
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

function depthWords(levels: readonly LevelName[], label: (depth: number) => string): string {
  return levels.map((level, d) => `${label(d + 1)} ${level}`).join(', ');
}

/** A Level column: names as written, or numbers read by depth. Parents from the Parent column, else the order of rows when there are no IDs. */
function levelColumn(input: DeriveInput): Structure {
  const { items, detected, header } = input;
  const summary: string[] = [];
  const guesses: string[] = [];
  let levels: LevelSource = 'level column';
  let depth: LevelName[] | undefined;
  const texts: string[] = [];
  for (let i = 0; i < items.length && texts.length < 500; i++)
    if (items[i].levelText !== '') texts.push(items[i].levelText);
  if (texts.length > 0 && holdsNumbers(texts)) {
    const numbers = [...new Set(texts.filter((t) => /^\d{1,2}$/.test(t)).map(Number))].sort((a, b) => a - b);
    depth = depthLevels(numbers.length, input.framework);
    const byNumber = new Map(numbers.map((n, d) => [n, depth![d]]));
    for (const item of items) {
      const level = /^\d{1,2}$/.test(item.levelText) ? byNumber.get(Number(item.levelText)) : undefined;
      if (level !== undefined) item.level = level;
    }
    levels = 'level numbers';
    const levelHeader = text(header[detected.columns.level!]);
    const words = `levels from the numbers in ${levelHeader}: ${numbers.map((n, d) => `${n} ${depth![d]}`).join(', ')}`;
    summary.push(words);
    guesses.push(words);
  }
  const hasIds = detected.columns.id !== undefined;
  if (detected.columns.parent !== undefined && !hasIds) {
    // No IDs to name: a Parent names its row by title, as goal tools export it.
    const parent = parentsByIdOrTitle(items);
    return {
      layout: 'table',
      levels,
      parents: 'parent column',
      parent,
      generateIds: true,
      depthLevels: depth,
      summary,
      guesses,
    };
  }
  if (hasIds) {
    return {
      layout: 'table',
      levels,
      parents: detected.columns.parent !== undefined ? 'parent column' : 'none',
      parent: null,
      generateIds: false,
      depthLevels: depth,
      summary,
      guesses,
    };
  }
  summary.push(ROW_ORDER);
  return {
    layout: 'table',
    levels,
    parents: 'row order',
    parent: parentsByOrder(items),
    generateIds: true,
    depthLevels: depth,
    summary,
    guesses,
  };
}

/** No Level column and no level columns: levels from prefixes, outline numbers, a header, or parent depth. */
function fromContent(input: DeriveInput): Structure {
  const { items, detected, header, headerRow } = input;
  const hasParentColumn = detected.columns.parent !== undefined;
  const titleHeader = text(header[detected.columns.title!]);
  const idHeader = detected.columns.id === undefined ? '' : text(header[detected.columns.id]);
  const n = items.length;

  // Prefixes: KR1.2 in the ID column, or "O1: …" at the start of titles.
  if (n > 0 && detected.columns.id !== undefined && count(items, (item) => prefixedId(item.id) !== null) >= n * 0.8) {
    for (const item of items) {
      const p = prefixedId(item.id);
      if (p) setLevel(item, p.level);
    }
    const used = new Set(items.map((item) => item.level).filter((level): level is LevelName => level !== null));
    for (const item of items) {
      const level = item.level === null ? extendedPrefixLevel(item.id, used) : null;
      if (level !== null) setLevel(item, level);
    }
    const unprefixed = oneLevelForUnprefixed(items, detected.levelHint);
    const structure = prefixed(
      items,
      `levels from the prefixes of the IDs in ${idHeader} (${items[0].id}…)`,
      (item) => prefixedId(item.id)?.path ?? '',
      hasParentColumn,
    );
    if (unprefixed) {
      structure.summary.push(unprefixed.words);
      if (unprefixed.guess) structure.guesses.push(unprefixed.words);
    }
    return structure;
  }
  const titled = items.map((item) => prefixedTitle(item.title));
  if (n > 0 && count(titled, (p) => p !== null) >= n * 0.5) {
    const paths: string[] = new Array(n).fill('');
    items.forEach((item, i) => {
      const p = titled[i];
      if (!p) return;
      setLevel(item, p.level);
      if (item.id === '') item.id = p.id;
      item.title = p.rest;
      paths[i] = p.path;
    });
    return prefixed(
      items,
      `levels from the prefixes of the titles in ${titleHeader} ("O1: …", "KR1.2: …")`,
      (item) => paths[item.index],
      hasParentColumn,
    );
  }

  // Outline numbers in the ID column: 1, 1.1, 1.1.1.
  if (
    n > 0 &&
    detected.columns.id !== undefined &&
    count(items, (item) => outlineDepth(item.id) !== null) >= n * 0.8 &&
    items.some((item) => (outlineDepth(item.id) ?? 0) > 1)
  ) {
    const depths = items.map((item) => outlineDepth(item.id) ?? 0);
    const levels = depthLevels(Math.max(...depths), input.framework, detected.levelHint?.level);
    items.forEach((item, i) => {
      if (depths[i] > 0) setLevel(item, levels[depths[i] - 1]);
    });
    const byPath = new Map<string, number>();
    items.forEach((item, i) => {
      if (depths[i] > 0 && !byPath.has(item.id.replace(/\.$/, ''))) byPath.set(item.id.replace(/\.$/, ''), i);
    });
    const parent = new Int32Array(n).fill(-1);
    if (!hasParentColumn)
      items.forEach((item, i) => (parent[i] = depths[i] > 1 ? (byPath.get(outlineParent(item.id)) ?? -1) : -1));
    const words = `levels from the outline numbers in ${idHeader}: ${depthWords(levels, (d) => Array.from({ length: d }, () => '1').join('.'))}`;
    return {
      layout: 'outline',
      levels: 'outline numbers',
      parents: hasParentColumn ? 'parent column' : 'id numbers',
      parent: hasParentColumn ? null : parent,
      generateIds: true,
      depthLevels: levels,
      summary: [words],
      guesses: [words],
    };
  }

  // One level for every row, named by a header: "Milestone ID", a "Milestone" title column.
  const hint = input.detected.levelHint;
  if (hint && !hasParentColumn) {
    for (const item of items) setLevel(item, hint.level);
    const words = `every row a ${hint.level} (from the ${hint.header} header)`;
    return {
      layout: 'one level',
      levels: 'column header',
      parents: 'none',
      parent: null,
      generateIds: true,
      oneLevel: hint.level,
      summary: [words],
      guesses: [],
    };
  }

  // A Parent column and nothing else: levels by depth in the parent chain (Parent may name a
  // row by its ID or, in exports of goal tools, by its title).
  if (hasParentColumn) {
    const parent = parentsByIdOrTitle(items);
    const depth = chainDepths(parent);
    const levels = depthLevels(Math.max(1, ...depth), input.framework, hint?.level);
    items.forEach((item, i) => setLevel(item, levels[depth[i] - 1]));
    const parentHeader = text(header[detected.columns.parent!]);
    const words = `levels from the depth under ${parentHeader}: ${depthWords(levels, (d) => (d === 1 ? 'top' : `depth ${d}`))}`;
    return {
      layout: 'table',
      levels: 'parent depth',
      parents: 'parent column',
      parent,
      generateIds: true,
      depthLevels: levels,
      summary: [words],
      guesses: [words],
    };
  }

  const flat = flatList(input);
  if (flat) return flat;

  const found = headerList(header);
  throw new PlanHeaderError(
    `Row ${headerRow} is not a plan header: Cascade cannot tell the rows' levels. Found ${found.join(', ')}. ` +
      'Add a Level column (Objective, Key Result, Task…), put Objective and Key Result in columns side by side, or number the IDs (O1, KR1.1 or 1, 1.1), or say which column holds the level.',
    { row: headerRow, column: COLUMN_BY_KEY.level.header },
    found,
    'levels',
  );
}

/** Columns that make a list of titles a plan: something to check or to track beside each title. */
const PLAN_KEYS = ['owner', 'status', 'dueDate', 'startDate', 'target', 'current', 'progress'] as const;

/**
 * A flat list (milestones, tickets) that names no level anywhere: every row one level, top-level,
 * a guess said as one. Dated rows are Milestones (a milestone is a dated checkpoint), others
 * Tasks; with a framework given, its level of that name, else its lowest. Null when nothing
 * beside the titles makes it a plan (a list of names and amounts is no plan).
 */
function flatList(input: DeriveInput): Structure | null {
  const { columns } = input.detected;
  if (!PLAN_KEYS.some((key) => columns[key] !== undefined)) return null;
  const dated = columns.dueDate !== undefined || columns.startDate !== undefined;
  const wanted: LevelName = dated ? 'Milestone' : 'Task';
  const levels = input.framework?.levels;
  const level = !levels || levels.includes(wanted) ? wanted : levels[levels.length - 1];
  for (const item of input.items) setLevel(item, level);
  const words = `every row as a ${level} (no column names the levels${dated ? '; the rows have dates' : ''})`;
  return {
    layout: 'one level',
    levels: 'flat list',
    parents: 'none',
    parent: null,
    generateIds: true,
    oneLevel: level,
    summary: [words],
    guesses: [words],
  };
}

/**
 * ID prefixes that all name one level (M01, M02…): a row written without one (Mx01) is that
 * level too; a guess unless a header names the same level. Null when there is nothing to fill.
 */
function oneLevelForUnprefixed(
  items: PlanItem[],
  hint: DetectedColumns['levelHint'],
): { words: string; guess: boolean } | null {
  let only: LevelName | null = null;
  let missing = 0;
  for (const item of items) {
    if (item.level === null) missing++;
    else if (only === null) only = item.level;
    else if (only !== item.level) return null;
  }
  if (only === null || missing === 0) return null;
  for (const item of items) if (item.level === null) setLevel(item, only);
  const from = hint?.level === only ? ` (from the ${hint.header} header)` : '';
  return {
    words: `${missing === 1 ? 'the row' : `the ${missing} rows`} without a level prefix read as ${only}s${from}`,
    guess: from === '',
  };
}

const ROW_ORDER = 'parents from the order of rows (each row under the nearest row above of a higher level)';

function count<T>(values: readonly T[], test: (value: T) => boolean): number {
  let n = 0;
  for (const value of values) if (test(value)) n++;
  return n;
}

function setLevel(item: PlanItem, level: LevelName): void {
  item.level = level;
  item.levelText = level;
}

/** Prefixed rows: parents by number path (KR1.2 under the Objective numbered 1), else by the order of rows. */
function prefixed(
  items: PlanItem[],
  words: string,
  pathOf: (item: PlanItem) => string,
  hasParentColumn: boolean,
): Structure {
  const structure: Structure = {
    layout: 'prefixed',
    levels: 'prefixes',
    parents: 'parent column',
    parent: null,
    generateIds: true,
    summary: [words],
    guesses: [],
  };
  if (hasParentColumn) return structure;
  const byOrder = parentsByOrder(items);
  const parent = new Int32Array(items.length).fill(-1);
  const byLevelPath = new Map<string, number>();
  let byPath = 0;
  items.forEach((item, i) => {
    const path = pathOf(item);
    const parentPath = path.includes('.') ? outlineParent(path) : '';
    let p = -1;
    if (parentPath !== '') {
      // The nearest row above of a higher level numbered with the parent path.
      for (let up = i - 1; up >= 0 && p < 0; up--) {
        if (
          levelRank(items[up].level) >= 0 &&
          levelRank(items[up].level) < levelRank(item.level) &&
          pathOf(items[up]) === parentPath
        )
          p = up;
      }
      if (p < 0) p = byLevelPath.get(parentPath) ?? -1;
    }
    if (p >= 0) byPath++;
    parent[i] = p >= 0 ? p : byOrder[i];
    if (path !== '' && !byLevelPath.has(path)) byLevelPath.set(path, i);
  });
  structure.parent = parent;
  structure.parents = byPath > 0 ? 'id numbers' : parent.some((p) => p >= 0) ? 'row order' : 'none';
  if (structure.parents === 'id numbers')
    structure.summary.push('parents from the numbers (KR1.2 under the row numbered 1)');
  if (structure.parents === 'row order') structure.summary.push(ROW_ORDER);
  return structure;
}

/** Each row's parent: the row whose ID its Parent names, else the row whose title it names; -1 for none. */
function parentsByIdOrTitle(items: readonly PlanItem[]): Int32Array {
  const byId = new Map<string, number>();
  const byTitle = new Map<string, number>();
  items.forEach((item, i) => {
    const id = item.id.trim().toLowerCase();
    const title = item.title.trim().toLowerCase();
    if (id !== '' && !byId.has(id)) byId.set(id, i);
    if (title !== '' && !byTitle.has(title)) byTitle.set(title, i);
  });
  const parent = new Int32Array(items.length).fill(-1);
  items.forEach((item, i) => {
    const key = item.parentId.trim().toLowerCase();
    if (key === '') return;
    const p = byId.get(key) ?? byTitle.get(key);
    if (p !== undefined && p !== i) parent[i] = p;
  });
  return parent;
}

/** Depth of each row in its parent chain (1 = top); a row on a loop counts from where the loop is cut. */
function chainDepths(parent: Int32Array): number[] {
  const depth: number[] = new Array(parent.length).fill(0);
  const walk: number[] = [];
  for (let i = 0; i < parent.length; i++) {
    walk.length = 0;
    const onWalk = new Set<number>();
    let j = i;
    while (j >= 0 && depth[j] === 0 && !onWalk.has(j)) {
      onWalk.add(j);
      walk.push(j);
      j = parent[j];
    }
    let d = j >= 0 && depth[j] > 0 ? depth[j] : 0;
    for (let k = walk.length - 1; k >= 0; k--) depth[walk[k]] = ++d;
  }
  return depth;
}

/**
 * A level column to the right of one whose level is lower (Objective under Milestone): the columns'
 * order says which rows hold which, so it is read as the level below its left neighbour (the
 * milestones' tasks), never as a level above its own parent. Returns what was read so, in words.
 */
function underUpperLevel(levels: LevelName[], names: readonly string[]): string[] {
  const words: string[] = [];
  for (let j = 1; j < levels.length; j++) {
    if (levelRank(levels[j]) > levelRank(levels[j - 1])) continue;
    const below = NEXT_LEVEL[levels[j - 1]] ?? 'Task';
    words.push(
      `the rows in ${names[j]} read as ${below}s (under the ${levels[j - 1]}s in ${names[j - 1]}, to its left)`,
    );
    levels[j] = below;
  }
  return words;
}

/** Side by side: a new group where a level column's text starts or changes; blank and repeated cells continue it. */
function sideBySide(
  input: DeriveInput,
  tiers: LevelColumn[],
  implied: LevelName | undefined,
): { items: PlanItem[]; structure: Structure } {
  const levels = implied ? [...tiers.map((t) => t.level), implied] : tiers.map((t) => t.level);
  // "Goal" beside "Key Result" is an OKR sheet's objective.
  const goalAsObjective = levels.includes('Key Result') && levels.includes('Goal') && !levels.includes('Objective');
  if (goalAsObjective) levels[levels.indexOf('Goal')] = 'Objective';
  const tierNames = implied
    ? [...tiers.map((t) => t.header), text(input.header[input.detected.columns.title!])]
    : tiers.map((t) => t.header);
  const relevelled = underUpperLevel(levels, tierNames);
  const depth = levels.length;
  const open: number[] = new Array(depth).fill(-1);
  const openText: string[] = new Array(depth).fill('');
  const out: PlanItem[] = [];
  const parent: number[] = [];
  const parentAbove = (j: number) => {
    for (let up = j - 1; up >= 0; up--) if (open[up] >= 0) return open[up];
    return -1;
  };
  // Items whose ID is a title's prefix ("KR1 : …"), not written in an ID column.
  const fromPrefix = new Set<PlanItem>();
  const place = (item: PlanItem, level: LevelName, cellText: string) => {
    item.level = level;
    item.levelText = level;
    const p = prefixedTitle(cellText);
    if (p && levelRank(p.level) >= 0) {
      if (item.id === '') {
        item.id = p.id;
        fromPrefix.add(item);
      }
      item.title = p.rest;
    } else item.title = cellText;
  };

  // One array each for every row, not two per row: 100,000 rows read without 200,000 small arrays.
  const opened: number[] = [];
  const openedTiers: number[] = [];
  // The rows' own items and, per upper tier, the group that starts on their row (moveGroupFields).
  const upper = depth - 1;
  const deepItems: PlanItem[] = [];
  const groupCells: (PlanItem | null)[] = [];
  const impliedTexts: string[] = new Array(depth).fill('');
  input.items.forEach((rowItem, r) => {
    let texts = input.tierTexts[r];
    if (implied) {
      for (let j = 0; j < depth - 1; j++) impliedTexts[j] = texts[j];
      impliedTexts[depth - 1] = rowItem.title;
      texts = impliedTexts;
    }
    let from = depth - 1;
    for (let j = 0; j < depth - 1; j++) {
      if (texts[j] !== '' && texts[j] !== openText[j]) {
        from = j;
        break;
      }
    }
    opened.length = 0;
    openedTiers.length = 0;
    for (let j = from; j < depth - 1; j++) {
      open[j] = -1;
      openText[j] = '';
      if (texts[j] === '') continue;
      const group = input.blankItem(rowItem.row);
      place(group, levels[j], texts[j]);
      parent.push(parentAbove(j));
      open[j] = out.length;
      openText[j] = texts[j];
      opened.push(out.length);
      openedTiers.push(j);
      out.push(group);
    }
    const deepest = texts[depth - 1];
    if (deepest === '' && opened.length > 0) {
      // The row is the group's own: its owner, dates and status are the group's.
      const own = opened[opened.length - 1];
      const group = out[own];
      rowItem.level = group.level;
      rowItem.levelText = group.levelText;
      rowItem.title = group.title;
      if (rowItem.id === '') rowItem.id = group.id;
      out[own] = rowItem;
      return;
    }
    for (const k of opened) out[k].sharedRow = true;
    deepItems.push(rowItem);
    const at = groupCells.length;
    for (let j = 0; j < upper; j++) groupCells.push(null);
    for (let n = 0; n < opened.length; n++) groupCells[at + openedTiers[n]] = out[opened[n]];
    place(rowItem, levels[depth - 1], deepest);
    parent.push(parentAbove(depth - 1));
    out.push(rowItem);
  });

  const restarted = fromPrefix.size > 0 ? numbersRestartingUnderParents(out, parent, fromPrefix) : null;
  const groupWritten =
    upper > 0 && deepItems.length > 0
      ? moveGroupFields(
          { items: deepItems, groups: groupCells, tiers: upper, levels: levels.slice(0, upper) },
          input.blankItem(deepItems[0].row),
        )
      : [];

  const names = tiers.map((t) => t.header);
  const last = tiers.length - 1;
  const rowLevel = levels[depth - 1];
  const tierWords = tiers.map((t, j) => `${t.header} (${levels[j]})`);
  const summary = implied
    ? [
        tiers.length === 1
          ? `levels from the ${names[0]} column (${levels[0]}) and the rows under it as ${rowLevel}s`
          : `levels from the ${listOf(tierWords)} columns and the rows under them as ${rowLevel}s`,
      ]
    : [`levels from the ${listOf(names)} columns`];
  const guesses = tiers
    .filter((t) => isPhaseHeader(t.header))
    .map((t) => `${t.header} read as ${levels[tiers.indexOf(t)]}s (a column that groups the rows)`);
  if (implied) guesses.push(`the rows under each ${levels[last]} in ${names[last]} read as ${rowLevel}s`);
  if (goalAsObjective) summary.push('Goal read as Objective (beside Key Result)');
  summary.push(...relevelled);
  guesses.push(...relevelled);
  if (restarted !== null) summary.push(restarted);
  summary.push(...groupWritten);
  if (implied === undefined && input.detected.columns.title !== undefined) {
    const ignored = input.header[input.detected.columns.title];
    summary.push(
      `titles from the level columns (${text(ignored)} in column ${columnLetter(input.detected.columns.title)} not read)`,
    );
  }
  return {
    items: out,
    structure: {
      layout: 'side by side',
      levels: 'level columns',
      parents: 'level columns',
      parent: Int32Array.from(parent),
      generateIds: true,
      summary,
      guesses,
    },
  };
}

/**
 * Prefix numbers that restart under each parent ("KR1", "KR2" under each objective): the same ID
 * under different parents, never twice under one. Those IDs are cleared, to be made up within
 * their parent as Cascade numbers them (the KR1 under the second objective becomes KR2.1), and
 * the words saying so are returned; null when no ID repeats, or one repeats under one parent (a
 * true duplicate, reported as such).
 */
function numbersRestartingUnderParents(
  items: readonly PlanItem[],
  parent: readonly number[],
  fromPrefix: ReadonlySet<PlanItem>,
): string | null {
  const parentsOf = new Map<string, Set<number>>();
  let repeated = '';
  const levels = new Set<LevelName | null>();
  for (let i = 0; i < items.length; i++) {
    if (!fromPrefix.has(items[i])) continue;
    const key = items[i].id.toUpperCase();
    let parents = parentsOf.get(key);
    if (parents === undefined) parentsOf.set(key, (parents = new Set()));
    else if (parents.has(parent[i]) || parent[i] < 0) return null;
    else {
      repeated ||= items[i].id;
      levels.add(items[i].level);
    }
    parents.add(parent[i]);
  }
  if (repeated === '') return null;
  // Only the levels whose numbers restart: "O1", "O2" above them stay as written.
  for (const item of fromPrefix) if (levels.has(item.level)) item.id = '';
  const named = [...levels].filter((level) => level !== null).join(' and ');
  return `${named} numbers restart under each parent (${repeated} more than once): IDs made unique within their parent`;
}
