// Replanning a row from the sidebar: the core's choice (shrink, drop, extend, pause) or undo, its
// effect shown first; applied, it writes the row's cells and appends the history record with the
// old values to the Check-ins sheet.
import { dayFromIso, readPlan, replan, ReplanError, serialFromDay, undoReplan } from '../../shared/index.js';
import type { ReplanChoice, ReplanEdit, ReplanResult } from '../../shared/index.js';
import type { ReplanRequest, ReplanResponse } from '../protocol.js';
import { activeUserEmail, appendHistory, readHistorySheet } from './checkins-sheet.js';
import { textCell } from './cells.js';
import { UserError } from './errors.js';
import { withDocumentLock } from './lock.js';
import { pickSheet, readPlanSheet } from './plan-sheet.js';
import type { PlanSheet } from './plan-sheet.js';
import { openSession, readOptions } from './session.js';

export function runReplan(request: ReplanRequest): ReplanResponse {
  const session = openSession();
  return withDocumentLock(() => {
    const planSheet = readPlanSheet(pickSheet(session.spreadsheet, request.sheet), session.calendar);
    const plan = readPlan(planSheet.table, readOptions(session.settings));
    const target = readHistorySheet(session.spreadsheet, session.calendar);
    const options = { today: session.today, who: request.apply ? activeUserEmail() : '' };
    let result: ReplanResult;
    try {
      result =
        request.choice.kind === 'undo'
          ? undoReplan(plan, target.history, request.id, options)
          : replan(plan, request.id, choiceOf(request.choice), options);
    } catch (error) {
      if (error instanceof ReplanError) throw new UserError('cannot-replan', error.message);
      throw error;
    }
    if (request.apply) {
      writeEdits(planSheet, plan.columns, result.edits);
      appendHistory(session.spreadsheet, target, [result.record], planSheet.sheet);
    }
    return { id: result.id, effect: result.effect, applied: request.apply };
  });
}

function choiceOf(choice: Exclude<ReplanRequest['choice'], { kind: 'undo' }>): ReplanChoice {
  return choice.kind === 'extend' ? { kind: 'extend', due: dayFromIso(choice.due) } : choice;
}

/** The few cells a choice changes (one, or one per dropped item): a date as its serial, text kept as text. */
function writeEdits(
  planSheet: PlanSheet,
  columns: ReturnType<typeof readPlan>['columns'],
  edits: readonly ReplanEdit[],
): void {
  for (const edit of edits) {
    const col = columns[edit.column];
    if (col === undefined) continue;
    const value =
      edit.value === null
        ? ''
        : edit.date
          ? serialFromDay(edit.value as number)
          : typeof edit.value === 'string'
            ? textCell(edit.value)
            : edit.value;
    planSheet.sheet.getRange(edit.row, col + 1).setValue(value);
  }
}
