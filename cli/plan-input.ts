import { PlanFormatError, readPlan, type FrameworkId, type Plan } from '../shared/index.js';
import { planFormatError } from './errors.js';
import { readPlanFile, type PlanFile } from './files/read.js';

export interface LoadedPlan {
  file: PlanFile;
  plan: Plan;
}

/** Reads a plan file and the plan in it; every problem is a CliError naming the file. */
export async function loadPlan(path: string, framework?: FrameworkId): Promise<LoadedPlan> {
  const file = await readPlanFile(path);
  try {
    return { file, plan: readPlan(file.table, { framework }) };
  } catch (error) {
    if (error instanceof PlanFormatError) throw planFormatError(path, error, { sheet: file.sheetName });
    throw error;
  }
}
