import {
  dateOrderNotice,
  duplicateColumns,
  duplicateColumnText,
  PlanFormatError,
  readPlan,
  type FrameworkId,
  type Plan,
} from '../shared/index.js';
import { describePlace, planFormatError } from './errors.js';
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
export async function loadPlan(path: string, framework?: FrameworkId, options: { write?: boolean } = {}): Promise<LoadedPlan> {
  const file = await readPlanFile(path);
  const yellow = colorsFor(process.stderr).yellow;
  for (const warning of file.warnings ?? []) process.stderr.write(`${yellow('cascade: warning:')} ${warning}\n`);
  for (const note of file.notes ?? []) process.stderr.write(`${yellow('cascade: note:')} ${note}\n`);
  let plan: Plan;
  try {
    plan = readPlan(file.table, { framework });
  } catch (error) {
    if (error instanceof PlanFormatError) throw planFormatError(path, error, { sheet: file.sheetName });
    throw error;
  }
  for (const notice of planNotices(path, file, plan)) process.stderr.write(`${yellow(`cascade: ${notice.level}:`)} ${notice.text}\n`);
  if (!options.write) {
    // Only a write needs the cells again: a large plan's memory goes to the check and the report.
    file.table = { ...file.table, rows: [] };
    file.csv = undefined;
  }
  return { file, plan };
}

/** What the user should know about how the plan was read: columns named twice, ambiguous dates. */
function planNotices(path: string, file: PlanFile, plan: Plan): { level: 'note' | 'warning'; text: string }[] {
  const notices: { level: 'note' | 'warning'; text: string }[] = [];
  const headerPlace = describePlace(path, { sheet: file.sheetName, row: file.table.headerRow ?? 1 });
  for (const d of duplicateColumns(file.table.header)) {
    notices.push({ level: 'warning', text: `${headerPlace}: ${duplicateColumnText(d)}` });
  }
  const dates = dateOrderNotice(plan);
  if (dates) notices.push({ level: dates.level, text: `${describePlace(path, { sheet: file.sheetName })}: ${dates.text}` });
  return notices;
}
