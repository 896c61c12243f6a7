import { readPlan } from '../../shared/index.js';
import type { ColumnMapping, Plan } from '../../shared/index.js';
import { pickSheet, readPlanSheet } from './plan-sheet.js';
import type { PlanSheet } from './plan-sheet.js';
import { mappingOf, readOptions } from './session.js';
import type { Session } from './session.js';

export interface OpenPlan {
  planSheet: PlanSheet;
  plan: Plan;
  /** The sheet's saved mapping ("Use this sheet"), when it has one. */
  mapping: ColumnMapping | undefined;
}

/**
 * The plan of the sheet a request names (else the active one): read in one call, with the settings
 * and the sheet's saved mapping (or `columns`, a mapping not saved yet).
 */
export function openPlan(session: Session, sheetName: string | null, columns?: ColumnMapping): OpenPlan {
  const named = pickSheet(session.spreadsheet, sheetName);
  const mapping = columns ?? mappingOf(session, named.sheet);
  const planSheet = readPlanSheet(named, session.calendar, mapping);
  return { planSheet, plan: readPlan(planSheet.table, readOptions(session.settings, mapping)), mapping };
}
