import { REVIEW_CHOICES } from './cadence.js';
import { COLUMNS, columnLetter, mapColumns } from './columns.js';
import { dateFromDay, todayDay } from './dates.js';
import { examplesFor, type ExampleRow } from './examples.js';
import { FRAMEWORK_IDS, FRAMEWORKS, isFrameworkId } from './frameworks.js';
import { progressFormula as rowProgressFormula } from './formulas.js';
import { MEASURE_TYPES, STATUSES, readPlan } from './plan.js';
import { computeProgressValues, effectiveType, isMeasured, manualBeforeCheckIn } from './progress.js';
import type { CellValue, ColumnKey, ColumnMap, Day, Framework, FrameworkId, PlanItem } from './types.js';

export interface TemplateSpec {
  framework: Framework;
  sheetName: string;
  header: string[];
  columns: ColumnMap;
  /**
   * Example rows (empty without examples), one cell per header column; dates as Date at UTC
   * midnight; a string starting with "=" is a formula (the Progress of measured rows). Rows
   * without their own measure (roll-ups, tasks) carry their computed progress as a number.
   */
  rows: CellValue[][];
  /** How many rows (from row 2) get formulas and dropdowns, examples included. */
  formattedRows: number;
  /** The live Progress formula for a spreadsheet row ("=IF(…)"). */
  progressFormula(row: number): string;
  /** Dropdown lists; `strict` rejects other values, else other values get a warning only. */
  validations: { column: ColumnKey; values: string[]; strict: boolean }[];
  dateColumns: ColumnKey[];
  percentColumns: ColumnKey[];
  numberColumns: ColumnKey[];
  /** Number formats, in the syntax Sheets and Excel share. */
  formats: { date: string; percent: string };
  /** Rows frozen at the top (the header). */
  frozenRows: number;
  /** Columns the tools write (Progress, Pace, Check): shaded, never typed into. */
  computedColumns: ColumnKey[];
  headerStyle: { background: string; color: string; bold: boolean };
  computedStyle: { background: string };
  /** A short note per header, for the header cell's comment. */
  notes: Partial<Record<ColumnKey, string>>;
  /** Column widths in pixels. */
  widths: Partial<Record<ColumnKey, number>>;
  /** Conditional colours: cell text → background/foreground, per column. */
  colours: { column: ColumnKey; equals: string; background: string; color: string }[];
}

export interface TemplateOptions {
  /** Fill in the seed examples of the framework. */
  examples?: boolean;
  /** Where example dates are placed (default: today on the local calendar). */
  today?: Day;
  /** Rows that get formulas and dropdowns (default 200, never fewer than the examples). */
  rows?: number;
  /** Live formulas show progress above 100 %. */
  allowOver?: boolean;
  /**
   * Widths only for the columns that need far more room than a spreadsheet's default 100 px
   * (FEW_WIDTH_COLUMNS); the others keep the default. For a tool that pays one call per width it
   * sets (the add-on: one Apps Script call per run of equal widths).
   */
  fewWidths?: boolean;
}

/** The sheet name templates write, and the one the command looks for first. */
export const TEMPLATE_SHEET_NAME = 'Cascade';
const DEFAULT_FORMATTED_ROWS = 200;

const WIDTHS: Record<ColumnKey, number> = {
  id: 70,
  level: 100,
  parent: 70,
  title: 340,
  owner: 130,
  type: 90,
  start: 80,
  target: 80,
  current: 80,
  unit: 90,
  startDate: 100,
  dueDate: 100,
  review: 110,
  lastCheckIn: 110,
  status: 100,
  weight: 65,
  progress: 80,
  pace: 90,
  check: 280,
};

/** The columns `fewWidths` keeps a width for: long statements would be cut short at 100 px. */
export const FEW_WIDTH_COLUMNS: readonly ColumnKey[] = ['title'];

const NOTES: Record<ColumnKey, string> = {
  id: 'Unique ID of the row (O1, KR1.2, T-17). Left blank, the tools fill it in.',
  level: 'The level of this row in the cascade.',
  parent: 'ID of the row this one serves. Blank only on the top level.',
  title: 'The statement itself, with a number and a deadline where it is measured.',
  owner: 'One accountable person: a name or an email.',
  type: 'How the measure counts: increase, decrease, at least, at most, milestone. Blank: inferred.',
  start: 'Baseline value.',
  target: 'Target value.',
  current: 'Latest measured value. For a milestone: done / yes / ✓ when reached.',
  unit: 'Unit of Start, Target and Current (%, $, ms, accounts…).',
  startDate: 'When the work starts.',
  dueDate: 'Deadline.',
  review: 'Review cadence: weekly, biweekly, monthly, quarterly, every N days/weeks/months.',
  lastCheckIn: 'Date of the latest update of Current or Status.',
  status: 'Not started, On track, At risk, Off track, Done, Paused, Dropped.',
  weight: "Weight in the parent's progress (default 1; 0 leaves it out).",
  progress: 'Computed: percent complete. Live formula on measured rows; roll-ups are written by Cascade.',
  pace: 'Computed by Cascade: done, overdue, not started, on track, at risk, off track.',
  check: 'Computed by Cascade: the SMART check of the row.',
};

const GREEN = { background: '#d9ead3', color: '#274e13' };
const AMBER = { background: '#fff2cc', color: '#7f6000' };
const RED = { background: '#f4cccc', color: '#990000' };
const GREY = { background: '#eeeeee', color: '#666666' };

const STATUS_COLOURS: Record<string, typeof GREEN> = {
  Done: GREEN,
  'On track': GREEN,
  'At risk': AMBER,
  'Off track': RED,
  Paused: GREY,
  Dropped: GREY,
};
const PACE_COLOURS: Record<string, typeof GREEN> = {
  done: GREEN,
  'on track': GREEN,
  'at risk': AMBER,
  'off track': RED,
  overdue: RED,
  'not started': GREY,
};

/** The Progress formula of a row of a table laid out as `columns` (letters from the column map). */
export function progressFormulaFor(
  columns: ColumnMap,
  row: number,
  options: { allowOver?: boolean } = {},
): string | null {
  const letter = (key: ColumnKey) => (columns[key] === undefined ? null : columnLetter(columns[key] as number));
  const [type, start, target, current, status] = (['type', 'start', 'target', 'current', 'status'] as const).map(
    letter,
  );
  if (!type || !start || !target || !current || !status) return null;
  return rowProgressFormula(
    { type, start, target, current, status, level: letter('level') ?? undefined },
    row,
    options,
  );
}

/**
 * True when the live formula computes this row's progress exactly as the core does, so tools keep
 * a formula there: a measured row (own Target, or a milestone) whose numbers are number cells,
 * unless it counts a stated progress before its first check-in (progress.md, section 2).
 * Roll-ups, plain tasks and numbers typed as text ("$120M") need the value written by the tools.
 */
export function hasLiveProgress(item: PlanItem): boolean {
  const input = { type: item.type, start: item.start, target: item.target, milestoneLevel: item.level === 'Milestone' };
  if (!isMeasured(input)) return false;
  if (item.status !== 'Done' && manualBeforeCheckIn(item)) return false;
  return item.status === 'Done' || effectiveType(input) === 'milestone' || !item.numbersAsText;
}

function exampleCells(example: ExampleRow, columns: ColumnMap, width: number): CellValue[] {
  const cells: CellValue[] = new Array(width).fill(null);
  const put = (key: ColumnKey, value: CellValue | undefined) => {
    const col = columns[key];
    if (col !== undefined && value !== undefined && value !== '') cells[col] = value;
  };
  const date = (day: Day | undefined) => (day === undefined ? undefined : dateFromDay(day));
  put('id', example.id);
  put('level', example.level);
  put('parent', example.parent);
  put('title', example.title);
  put('owner', example.owner);
  put('type', example.type);
  put('start', example.start);
  put('target', example.target);
  put('current', example.current);
  put('unit', example.unit);
  put('startDate', date(example.startDate));
  put('dueDate', date(example.dueDate));
  put('review', example.review);
  put('lastCheckIn', date(example.lastCheckIn));
  put('status', example.status);
  put('weight', example.weight);
  return cells;
}

/**
 * Fills the Progress cell of each row of a table in the template's layout (it has a Progress
 * column): the live formula on measured rows, the core's value on roll-ups and tasks.
 */
export function fillProgressCells(
  table: { header: string[]; rows: CellValue[][] },
  frameworkId: FrameworkId,
  allowOver = false,
): void {
  const columns = mapColumns(table.header);
  const progressCol = columns.progress as number;
  const plan = readPlan({ header: table.header, rows: table.rows }, { framework: frameworkId });
  const values = computeProgressValues(plan, allowOver);
  plan.items.forEach((item, i) => {
    table.rows[item.row - 2][progressCol] = hasLiveProgress(item)
      ? (progressFormulaFor(columns, item.row, { allowOver }) as string)
      : values[i];
  });
}

/**
 * Everything a tool needs to write a new plan for a framework: header, formats, dropdowns, live
 * formulas, colours and (with `examples`) the seed examples. The tools decide nothing themselves.
 */
export function templateFor(frameworkId: FrameworkId, options: TemplateOptions = {}): TemplateSpec {
  if (!isFrameworkId(frameworkId)) {
    throw new RangeError(`"${frameworkId}" is not a framework: use one of ${FRAMEWORK_IDS.join(', ')}.`);
  }
  const framework = FRAMEWORKS[frameworkId];
  const header = COLUMNS.map((c) => c.header);
  const columns = mapColumns(header);
  const allowOver = options.allowOver ?? false;
  const progressFormula = (row: number) => progressFormulaFor(columns, row, { allowOver }) as string;

  let rows: CellValue[][] = [];
  if (options.examples) {
    const examples = examplesFor(frameworkId, options.today ?? todayDay());
    rows = examples.map((example) => exampleCells(example, columns, header.length));
    fillProgressCells({ header, rows }, frameworkId, allowOver);
  }

  const colours: TemplateSpec['colours'] = [];
  for (const [equals, c] of Object.entries(STATUS_COLOURS)) colours.push({ column: 'status', equals, ...c });
  for (const [equals, c] of Object.entries(PACE_COLOURS)) colours.push({ column: 'pace', equals, ...c });

  return {
    framework,
    sheetName: TEMPLATE_SHEET_NAME,
    header,
    columns,
    rows,
    formattedRows: Math.max(options.rows ?? DEFAULT_FORMATTED_ROWS, rows.length),
    progressFormula,
    validations: [
      { column: 'level', values: [...framework.levels], strict: true },
      { column: 'type', values: [...MEASURE_TYPES], strict: true },
      { column: 'status', values: [...STATUSES], strict: true },
      { column: 'review', values: [...REVIEW_CHOICES], strict: false },
    ],
    dateColumns: ['startDate', 'dueDate', 'lastCheckIn'],
    percentColumns: ['progress'],
    numberColumns: ['start', 'target', 'current', 'weight'],
    formats: { date: 'yyyy-mm-dd', percent: '0%' },
    frozenRows: 1,
    computedColumns: COLUMNS.filter((c) => c.computed).map((c) => c.key),
    headerStyle: { background: '#1f3a5f', color: '#ffffff', bold: true },
    computedStyle: { background: '#f3f3f3' },
    notes: { ...NOTES },
    widths: options.fewWidths ? Object.fromEntries(FEW_WIDTH_COLUMNS.map((key) => [key, WIDTHS[key]])) : { ...WIDTHS },
    colours,
  };
}
