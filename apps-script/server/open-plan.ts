import { readPlan } from '../../shared/index.js';
import type { ColumnMapping, Plan } from '../../shared/index.js';
import { pickSheet, readPlanSheet } from './plan-sheet.js';
import type { NamedSheet, PlanSheet } from './plan-sheet.js';
import { mappingOf, readOptions } from './session.js';
import type { Session } from './session.js';

export interface OpenPlan {
  planSheet: PlanSheet;
  plan: Plan;
  /** The sheet's saved mapping ("Use this sheet"), when it has one. */
  mapping: ColumnMapping | undefined;
}

/**
 * The plan of the sheet a request names (else the active one; or a sheet picked already): read in
 * one call, with the settings and the sheet's saved mapping (or `columns`, a mapping not saved yet).
 */
export function openPlan(session: Session, sheet: string | null | NamedSheet, columns?: ColumnMapping): OpenPlan {
  const named =
    sheet === null ? activeNamed(session) : typeof sheet === 'object' ? sheet : pickSheet(session.spreadsheet, sheet);
  const mapping = columns ?? mappingOf(session, named.sheet);
  const planSheet = readPlanSheet(named, session.calendar, mapping);
  return { planSheet, plan: readPlan(planSheet.table, readOptions(session.settings, mapping)), mapping };
}

/** The active sheet and its name (the spreadsheet itself is not opened for it). */
function activeNamed(session: Session): NamedSheet {
  const sheet = session.activeSheet();
  return { sheet, name: sheet.getName() };
}
