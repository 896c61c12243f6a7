// The data that the sheet, the files and Notion share. Every runtime (CLI, add-on, Notion mirror)
// speaks in these types; they are the documentation of the data.

/** A raw cell as an adapter reads it: exceljs, csv-parse and SpreadsheetApp all reduce to this. */
export type CellValue = string | number | boolean | Date | null;

/**
 * A day on the calendar, as whole days since 1970-01-01. Plans speak in days, not instants, so
 * time zones never shift a deadline. Convert with `dayFromIso` / `isoFromDay` (shared/dates.ts).
 */
export type Day = number;

export type FrameworkId = 'okr' | 'project' | 'alignment' | 'personal';

export type LevelName =
  'Purpose' | 'Vision' | 'Outcome' | 'Goal' | 'Objective' | 'Key Result' | 'Milestone' | 'Subgoal' | 'Tactic' | 'Task';

export interface Framework {
  id: FrameworkId;
  /** Shown to people: "OKR", "Project", … */
  label: string;
  /** Top level first. */
  levels: readonly LevelName[];
  /** Where the idea comes from, for docs and the sidebar. */
  description: string;
}

/** The plan's columns, by a stable key; headers are in shared/columns.ts. */
export type ColumnKey =
  | 'id'
  | 'level'
  | 'parent'
  | 'title'
  | 'owner'
  | 'type'
  | 'start'
  | 'target'
  | 'current'
  | 'unit'
  | 'startDate'
  | 'dueDate'
  | 'review'
  | 'lastCheckIn'
  | 'status'
  | 'weight'
  | 'progress'
  | 'pace'
  | 'check';

/** Where each known column sits in the table: 0-based column index. Unknown columns are absent. */
export type ColumnMap = Partial<Record<ColumnKey, number>>;

/**
 * A person's say on which column holds which field: field → the header text of its column
 * (`{ title: 'Key result', owner: 'DRI' }`). A level name as the key names a column holding that
 * level's titles, side by side (`{ Objective: 'Theme', 'Key Result': 'Result' }`). Headers are
 * matched ignoring case and accents.
 */
export type ColumnMapping = Partial<Record<ColumnKey | LevelName, string>>;

/** How a column was recognised: its template header, a known other name, a guess, or a person's mapping. */
export type ColumnSource = 'header' | 'alias' | 'guess' | 'mapping';

/** A column the plan was read from. */
export interface ReadColumn {
  key: ColumnKey;
  /** 0-based column index. */
  index: number;
  /** The header as written in the sheet. */
  header: string;
  source: ColumnSource;
}

/** A column whose header names a level (`Objective`, `Key Result`): its cells are titles of that level. */
export interface LevelColumn {
  index: number;
  header: string;
  level: LevelName;
}

/**
 * How the rows are laid out: 'table' (a Level column, one item per row), 'side by side' (a column
 * per level, the upper level written on its group's first row), 'prefixed' (`O1:` / `KR1.2` in ID
 * or title cells), 'outline' (IDs 1, 1.1, 1.1.1), 'one level' (every row the same level).
 */
export type PlanLayout = 'table' | 'side by side' | 'prefixed' | 'outline' | 'one level';

/** Where the rows' levels came from. */
export type LevelSource =
  | 'level column'
  | 'level numbers'
  | 'level columns'
  | 'prefixes'
  | 'outline numbers'
  | 'column header'
  | 'parent depth'
  /** No column names a level: every row one level (Milestone when dated, else Task), a guess. */
  | 'flat list';

/** Where the rows' parents came from ('none': every row is top-level). */
export type ParentSource = 'parent column' | 'level columns' | 'id numbers' | 'row order' | 'none';

/** Where the rows' IDs came from: the ID column, the prefixes, or generated (O1, KR1.1) where none was written. */
export type IdSource = 'id column' | 'prefixes' | 'generated';

/**
 * How a plan was read from the table, so a manager can trust it: the layout, each column used and
 * how it was recognised, where levels, parents and IDs came from, and what was guessed.
 */
export interface PlanReading {
  layout: PlanLayout;
  /** Columns read, in sheet order. */
  columns: ReadColumn[];
  /** Side by side: the level columns, top level first. */
  levelColumns: LevelColumn[];
  levels: LevelSource;
  parents: ParentSource;
  ids: IdSource;
  /** Level numbers or outline depths → levels (depth 1 first), where levels came from numbers. */
  depthLevels?: LevelName[];
  /** The level every row has, when the layout is 'one level'. */
  oneLevel?: LevelName;
  /** The reading in words, for a report's heading: "levels from the Objective and Key Result columns", "Title from Description". */
  summary: string[];
  /** Each guess in words ("Due date from Date"): shown as a warning, since it may be wrong. */
  guesses: string[];
}

export type MeasureType = 'increase' | 'decrease' | 'at least' | 'at most' | 'milestone';

export type Status = 'Not started' | 'On track' | 'At risk' | 'Off track' | 'Done' | 'Paused' | 'Dropped';

export type PaceStatus = 'done' | 'overdue' | 'not started' | 'on track' | 'at risk' | 'off track';

/** A review cadence, normalised to a period. */
export interface Cadence {
  /** Length of one period in days (weekly = 7, monthly = 30, quarterly = 91). */
  days: number;
  /** As the user wrote it, trimmed. */
  text: string;
}

/** A cell read into a typed value: blank, a value, or text that could not be read. */
export type Parsed<T> =
  /** `placeholder`: the cell held `TBD`, `n/a`, `—`, `?`… (read as blank, reported once per column). */
  { state: 'blank'; placeholder?: string } | { state: 'ok'; value: T } | { state: 'invalid'; text: string };

/** A table as read from any source: the header row and the rows under it. */
export interface RawTable {
  header: CellValue[];
  rows: CellValue[][];
  /** Spreadsheet row number of the header (1 in files; the sheet may differ). Default 1. */
  headerRow?: number;
  /**
   * Numbers typed as text use a decimal comma (`1.000,5`): true for a CSV from a European Excel,
   * which separates fields with `;`. Default false.
   */
  decimalComma?: boolean;
  /**
   * The Progress column holds only what people typed: the adapter has blanked Cascade's own
   * cells (its live formulas, the values it wrote). Then a typed progress is the row's *manual
   * progress* (progress.md). Default false: the Progress column is not read, since values
   * Cascade wrote earlier would freeze the roll-ups they came from.
   */
  manualProgress?: boolean;
}

/** One row of the plan, read and typed. Text fields are trimmed; '' means blank. */
export interface PlanItem {
  /** 0-based position in `Plan.items`. */
  index: number;
  /** Spreadsheet row number (the header is row 1 in files). */
  row: number;
  id: string;
  /** null when blank or not a level name of any framework (`levelText` keeps what was typed). */
  level: LevelName | null;
  levelText: string;
  parentId: string;
  title: string;
  owner: string;
  /** null when blank or unknown (`typeText` keeps what was typed). */
  type: MeasureType | null;
  typeText: string;
  start: Parsed<number>;
  target: Parsed<number>;
  current: Parsed<number>;
  /** Current as typed, for milestones ("done", "yes", "✓"). */
  currentText: string;
  /**
   * Start, Target or Current is a number only Cascade reads ("$120M", "200 ms", "1.5k"): a
   * spreadsheet keeps it as text, so a formula cannot compute with it. Plain numbers in text
   * ("1,000", "45%", as in a CSV file) are not counted: a spreadsheet reads them as numbers.
   */
  numbersAsText: boolean;
  unit: string;
  startDate: Parsed<Day>;
  dueDate: Parsed<Day>;
  review: Parsed<Cadence>;
  lastCheckIn: Parsed<Day>;
  status: Status | null;
  statusText: string;
  /**
   * *Manual progress*: a fraction a person typed in the Progress column (60, 60%, 0.6, "🟡 58%"),
   * read when the table says its Progress column holds people's values only
   * (`RawTable.manualProgress`), else a percent after the Status word ("🟡 58%").
   */
  manualProgress: Parsed<number>;
  /** Blank = 1. */
  weight: Parsed<number>;
  /**
   * True for an item that has no row of its own: an objective written beside its first key
   * result in a side-by-side sheet (`row` is that row, which belongs to the key result). Tools
   * write nothing for it in the sheet.
   */
  sharedRow?: boolean;
}

/** The cascade: who is whose parent. Indices are `PlanItem.index`. */
export interface PlanTree {
  /** Parent index, or -1 (top level, blank Parent, missing parent, or part of a cycle). */
  parent: Int32Array;
  /** Children of each item, in plan order. Read-only (leaves share one frozen empty list). */
  children: number[][];
  /** Items whose Parent follows a loop back to themselves. */
  inCycle: Uint8Array;
  /** Lower-cased trimmed ID → index of its first row. */
  byId: Map<string, number>;
  /** Indices of rows whose ID repeats an earlier row's. */
  duplicateIds: number[];
  /** Every item once, each parent before its children (rows on a cycle count as top-level). */
  topDown: number[];
  /** Due/start dates after inheriting from the nearest ancestor that has one (null: none). */
  dueDate: (Day | null)[];
  startDate: (Day | null)[];
}

/** How a written date like `06/07/2026` is read: June 7 (month first) or 6 July (day first). */
export type DateOrder = 'month first' | 'day first';

/** A date cell of a plan, for messages about it. */
export interface DateCellRef {
  row: number;
  column: ColumnKey;
  text: string;
}

/**
 * How the plan's written dates that read two ways (`06/07/2026`) were read. `basis`: 'plan' when
 * other dates of the plan can only be read in that order (`30/06/2026`), 'mixed' when the plan
 * has dates of both orders, 'default' when nothing in the plan tells (then month first).
 */
export interface DateOrderReading {
  order: DateOrder;
  basis: 'plan' | 'mixed' | 'default';
  /** How many date cells read two ways. */
  ambiguous: number;
  /** The first of them. */
  example?: DateCellRef;
  /** The first date that can only be read in `order` (with basis 'plan'). */
  evidence?: DateCellRef;
}

export interface Plan {
  framework: Framework;
  /** How the framework was decided. */
  frameworkSource: 'given' | 'inferred' | 'default';
  /** Other frameworks the plan's levels fit as well as the inferred one (Goal and Task: project too). */
  frameworkAlternatives?: FrameworkId[];
  columns: ColumnMap;
  header: string[];
  items: PlanItem[];
  tree: PlanTree;
  /** How written dates like 06/07/2026 were read (absent on plans built by hand). */
  dates?: DateOrderReading;
  /** How the table was read: layout, columns, where levels, parents and IDs came from (absent on plans built by hand). */
  reading?: PlanReading;
  /** Spreadsheet row number of the header (1 in files): plan-wide findings point at it. */
  headerRow?: number;
}

export type Severity = 'error' | 'warning';

/** A rule's id, `family/name`: derived from the rule modules' metadata (shared/rules/index.ts). */
export type { RuleId } from './rules/index.js';
import type { RuleId } from './rules/index.js';

export interface Finding {
  /** Spreadsheet row number. */
  row: number;
  /** The row's ID ('' when blank). */
  id: string;
  rule: RuleId;
  severity: Severity;
  /** The problem, in the user's terms. */
  message: string;
  /** How to fix it. */
  hint: string;
  /** The column at fault, where there is one (for selecting the cell). */
  column?: ColumnKey;
  /** The column the finding is about when the plan has no such column (`column` is then the title). */
  missingColumn?: ColumnKey;
  /**
   * A plan-wide finding (on the header row, `id` ''): the rows it concerns, e.g. every row that
   * needs the column the plan lacks, or that holds a placeholder in `column`.
   */
  rows?: number[];
}

export interface ProgressItem {
  row: number;
  id: string;
  level: LevelName | null;
  /** Fraction 0..1 (above 1 only when over-achievement is allowed); null where there is none. */
  progress: number | null;
  /** Expected fraction at "today" from the dates; null without dates. */
  expected: number | null;
  /** null: no dates, so no pace ('—'). */
  status: PaceStatus | null;
  /**
   * Where `progress` comes from: Status Done, the row's own measure, its manual progress (typed
   * in Progress), its children, a Task's status (not done: 0); null when it is unknown.
   */
  source: 'done' | 'measure' | 'manual' | 'children' | 'task' | null;
  /** A roll-up whose children are partly unmeasured (its progress is then null): how many are. */
  measured?: { count: number; of: number };
  /** "2 of 6 key results measured", with `measured`. */
  note?: string;
}

export interface CheckOptions {
  today: Day;
  /** Each row's latest check-in day from the history, by idKey(ID): read where Last check-in is blank. */
  lastCheckIns?: ReadonlyMap<string, Day>;
}

export interface ProgressOptions {
  today: Day;
  /** Show progress above 100 % for the row itself (roll-ups still cap each child at 1). */
  allowOver?: boolean;
}

/** Thrown for input that cannot be a plan at all (no header, required column missing). */
export class PlanFormatError extends Error {
  constructor(
    message: string,
    /** Where, when known: spreadsheet row number and header name. */
    readonly where: { row?: number; column?: string } = {},
  ) {
    super(message);
    this.name = 'PlanFormatError';
  }
}

/**
 * A header row from which Cascade cannot read a plan: no column holds the rows' titles, or
 * nothing tells the rows' levels. `found` lists the headers of the row (column letter and text)
 * so a tool can offer a mapping; the message names what to add.
 */
export class PlanHeaderError extends PlanFormatError {
  constructor(
    message: string,
    where: { row?: number; column?: string },
    readonly found: readonly string[],
    readonly missing: 'title' | 'levels',
  ) {
    super(message, where);
    this.name = 'PlanHeaderError';
  }
}
