import { fillBlankIds, readPlan } from '../../shared/index.js';
import type { CellValue } from '../../shared/index.js';
import type { FixIdsResponse, SheetRequest } from '../protocol.js';
import { textCell } from './cells.js';
import { withDocumentLock } from './lock.js';
import { pickSheet, readPlanSheet } from './plan-sheet.js';
import { rowRuns } from './row-runs.js';
import type { RowRun } from './row-runs.js';
import { openSession, readOptions } from './session.js';

/** Up to this many runs of blank IDs are written one by one; more are written as one block. */
const MAX_ID_RUNS = 6;

/** "Fix IDs": the core's new IDs for blank ID cells; every other ID stays as it is. */
export function runFixIds(request: SheetRequest): FixIdsResponse {
  const session = openSession();
  return withDocumentLock(() => {
    const planSheet = readPlanSheet(pickSheet(session.spreadsheet, request.sheet), session.calendar);
    const plan = readPlan(planSheet.table, readOptions(session.settings));
    const filled = fillBlankIds(plan);
    const column = plan.columns.id;
    if (filled.length > 0 && column !== undefined) {
      writeIds(planSheet.sheet, column + 1, new Map(filled.map((f) => [f.row, f.id])));
    }
    return { sheet: planSheet.name, filled: filled.map(({ row, id }) => ({ row, id })) };
  });
}

/**
 * Writes new IDs into blank cells only. A few runs of blank rows are written run by run; many are
 * written as one block of the ID column in which every other cell gets back exactly what it held
 * (its formula, its text as text, its number or date), so the calls stay few and no ID changes.
 */
function writeIds(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number, ids: Map<number, string>): void {
  const runs = rowRuns(ids.keys());
  if (runs.length <= MAX_ID_RUNS) {
    for (const run of runs) {
      const values = [];
      for (let r = 0; r < run.count; r++) values.push([textCell(ids.get(run.first + r) as string)]);
      sheet.getRange(run.first, col, run.count, 1).setValues(values);
    }
    return;
  }
  const block: RowRun = { first: runs[0].first, count: runs[runs.length - 1].first + runs[runs.length - 1].count - runs[0].first };
  const range = sheet.getRange(block.first, col, block.count, 1);
  const values = range.getValues() as CellValue[][];
  const formulas = range.getFormulas();
  const out: CellValue[][] = values.map((line, r) => {
    const id = ids.get(block.first + r);
    if (id !== undefined) return [textCell(id)];
    if (formulas[r][0] !== '') return [formulas[r][0]];
    const cell = line[0];
    return [typeof cell === 'string' ? textCell(cell) : cell];
  });
  range.setValues(out);
}
