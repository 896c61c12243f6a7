import {
  COLUMNS,
  dateOrderNotice,
  duplicateColumns,
  duplicateColumnText,
  PlanFormatError,
  PlanHeaderError,
  findPlanHeaderRow,
  HEADER_SCAN_ROWS,
  readPlan,
  type ColumnMapping,
  type RawTable,
  type FrameworkId,
  type Plan,
} from '../shared/index.js';
import { describePlace, planFormatError } from './errors.js';
import { holdRowsFor, type RowUse } from './files/capacity.js';
import { collectGarbage, COLLECT_AFTER_ROWS } from './files/collect.js';
import { readPlanFile, type PlanFile } from './files/read.js';
import { colorsFor } from './output/terminal.js';

export interface LoadedPlan {
  file: PlanFile;
  plan: Plan;
}

/**
 * Reads a plan file and the plan in it for a command; every problem is a CliError naming the
 * file. Warnings about the file (formulas saved without values, columns named twice) and how its
 * ambiguous dates were read go to stderr.
 */
export async function loadPlan(
  path: string,
  framework?: FrameworkId,
  columns?: ColumnMapping,
  options: { keepCells?: boolean; use?: RowUse } = {},
): Promise<LoadedPlan> {
  holdRowsFor(options.use ?? (options.keepCells ? 'write' : 'read'));
  const file = await readPlanFile(path);
  const yellow = colorsFor(process.stderr).yellow;
  for (const warning of file.warnings ?? []) process.stderr.write(`${yellow('cascade: warning:')} ${warning}\n`);
  if (columns) file.table = withMappedHeader(file.table, columns);
  // Only a write needs the CSV's text and the cells again: a large plan's memory goes to its items.
  if (!options.keepCells) file.csv = undefined;
  // A CSV's decoded text and cells are the garbage (an .xlsx read streams, and leaves little).
  const large = file.kind === 'csv' && file.table.rows.length >= COLLECT_AFTER_ROWS;
  if (large && !options.keepCells) collectGarbage();
  let plan: Plan;
  try {
    plan = readPlan(file.table, { framework, columns, releaseRows: !options.keepCells });
  } catch (error) {
    if (error instanceof PlanHeaderError) {
      const example = error.missing === 'title' ? 'Title=<header>' : 'Level=<header>';
      const message = error.message.replace(
        /,? or say which (column it is|column holds the level)\.$/,
        `, or say which column is which with --columns "${example}".`,
      );
      throw planFormatError(path, { message, where: error.where }, { sheet: file.sheetName });
    }
    if (error instanceof PlanFormatError) throw planFormatError(path, error, { sheet: file.sheetName });
    throw error;
  }
  // Notes on how the file was read come once the plan reads: a plan that fails says one thing.
  for (const note of file.notes ?? []) process.stderr.write(`${yellow('cascade: note:')} ${note}\n`);
  for (const notice of planNotices(path, file, plan))
    process.stderr.write(`${yellow(`cascade: ${notice.level}:`)} ${notice.text}\n`);
  if (!options.keepCells) {
    file.table = { ...file.table, rows: [] };
    if (large) collectGarbage();
  }
  return { file, plan };
}

/**
 * The table under the header row that holds every header --columns names, when the row the file
 * reader took is a title line (one cell: its headers said nothing Cascade knows). Only then, so a
 * data cell that happens to read like a mapped header is never taken for the header.
 */
function withMappedHeader(table: RawTable, columns: ColumnMapping): RawTable {
  const titleLine = table.header.filter((cell) => cell !== null && String(cell).trim() !== '').length <= 1;
  if (!titleLine || findPlanHeaderRow([table.header], columns) === 0) return table;
  const below = findPlanHeaderRow(table.rows.slice(0, HEADER_SCAN_ROWS), columns);
  if (below < 0) return table;
  const headerRow = (table.headerRow ?? 1) + below + 1;
  return { ...table, header: table.rows[below], rows: table.rows.slice(below + 1), headerRow };
}

/** What the user should know about how the plan was read: columns named twice, ambiguous dates. */
function planNotices(path: string, file: PlanFile, plan: Plan): { level: 'note' | 'warning'; text: string }[] {
  const notices: { level: 'note' | 'warning'; text: string }[] = [];
  const headerPlace = describePlace(path, { sheet: file.sheetName, row: file.table.headerRow ?? 1 });
  for (const d of duplicateColumns(file.table.header)) {
    notices.push({ level: 'warning', text: `${headerPlace}: ${duplicateColumnText(d)}` });
  }
  for (const guess of plan.reading?.guesses ?? []) {
    notices.push({ level: 'warning', text: `${describePlace(path, { sheet: file.sheetName })}: ${guessText(guess)}` });
  }
  const dates = dateOrderNotice(plan);
  if (dates)
    notices.push({ level: dates.level, text: `${describePlace(path, { sheet: file.sheetName })}: ${dates.text}` });
  return notices;
}

/**
 * "Due date from Date" → a warning that says it is a guess and how to say otherwise: a column
 * with --columns, levels read from numbers or depth with --framework.
 */
function guessText(guess: string): string {
  const column = COLUMNS.find((c) => guess.startsWith(`${c.header} from `));
  const fix = column
    ? `say which column is the ${column.header} with --columns "${column.header}=<header>"`
    : 'choose the framework with --framework, or add a Level column';
  return `read ${guess}: a guess; if it is wrong, ${fix}.`;
}
