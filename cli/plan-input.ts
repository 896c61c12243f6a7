import { dateOrderNotice, PlanFormatError, readPlan, type FrameworkId, type Plan } from '../shared/index.js';
import { planFormatError } from './errors.js';
import { readPlanFile, type PlanFile } from './files/read.js';
import { colorsFor } from './output/terminal.js';

export interface LoadedPlan {
  file: PlanFile;
  plan: Plan;
}

/**
 * Reads a plan file and the plan in it for a command; every problem is a CliError naming the
 * file. Warnings about the file (formulas saved without values) and how its ambiguous dates were
 * read go to stderr.
 */
export async function loadPlan(path: string, framework?: FrameworkId): Promise<LoadedPlan> {
  const file = await readPlanFile(path);
  const yellow = colorsFor(process.stderr).yellow;
  for (const warning of file.warnings ?? []) process.stderr.write(`${yellow('cascade: warning:')} ${warning}\n`);
  let plan: Plan;
  try {
    plan = readPlan(file.table, { framework });
  } catch (error) {
    if (error instanceof PlanFormatError) throw planFormatError(path, error, { sheet: file.sheetName });
    throw error;
  }
  const dates = dateOrderNotice(plan);
  if (dates) process.stderr.write(`${yellow(`cascade: ${dates.level}:`)} ${path}: ${dates.text}\n`);
  return { file, plan };
}
