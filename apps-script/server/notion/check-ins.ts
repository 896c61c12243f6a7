// Check-ins made in Notion land in the sheet: the values notion-sync pulled (Current, Status, Last
// check-in, and Note where the plan has such a column) are written into their cells only, never
// into a cell someone changed since the plan was read, and the plan is read again so the mirror
// pushes the progress they move. Writes are one setValues per run of adjacent cells in a column.
// Each row's check-in goes into the Check-ins sheet in the same lock, with one setValues: the
// Notion person as who, their Note as its note; rows the pull moves otherwise (a parent's
// roll-up) as Update progress would record them, so the Update progress that follows adds nothing.
import { checkInsFor, computeProgress, readPlan, serialFromDay, dayFromIso } from '../../../shared/index.js';
import type { CellValue, Plan } from '../../../shared/index.js';
import { buildMirror } from '../../../notion-sync/mirror.js';
import { checkInSources, pulledColumn } from '../../../notion-sync/pull.js';
import { activeUserEmail, appendHistory, readHistorySheet } from '../checkins-sheet.js';
import type { MirrorPlan, PulledValue } from '../../../notion-sync/index.js';
import { textCell } from '../cells.js';
import { withDocumentLock } from '../lock.js';
import { readPlanSheet } from '../plan-sheet.js';
import type { PlanSheet } from '../plan-sheet.js';
import { rowRuns } from '../row-runs.js';
import type { Session } from '../session.js';
import { mappingOf, readOptions } from '../session.js';
import { isDate, normaliseDates } from '../time-zone.js';

/** A value written into the sheet, for the report. */
export interface WrittenCheckIn {
  value: PulledValue;
  /** 'written', or why not. */
  outcome: 'written' | 'changed in the sheet' | 'no such column';
}

interface CellEdit {
  row: number;
  /** 0-based column. */
  col: number;
  value: CellValue;
  pulled: PulledValue;
}

/** A pulled value as setValues takes it: dates as serial numbers (no time zone shifts them), text kept as text. */
function cellOf(pulled: PulledValue): CellValue {
  const value = pulled.notionValue;
  if (value === null) return '';
  if (typeof value === 'number') return value;
  if (pulled.field === 'lastCheckIn' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return serialFromDay(dayFromIso(value));
  return textCell(value);
}

/**
 * The sync's pull hook for a plan sheet: writes what was pulled (recording each outcome in
 * `written`) and the check-ins (counted in `recorded`), then answers the mirror of the plan as
 * the sheet now holds it.
 */
export function pullIntoSheet(
  planSheet: PlanSheet,
  plan: Plan,
  mirror: MirrorPlan,
  session: Session,
  written: WrittenCheckIn[],
  recorded: { added: number },
) {
  return (pulled: PulledValue[]): MirrorPlan => {
    if (pulled.length === 0) return mirror;
    const edits: CellEdit[] = [];
    for (const p of pulled) {
      if (p.outcome !== 'pulled') continue;
      const col = pulledColumn(p.field, plan.columns, planSheet.table.header);
      if (col === undefined) written.push({ value: p, outcome: 'no such column' });
      else edits.push({ row: p.row, col, value: cellOf(p), pulled: p });
    }
    return withDocumentLock(() => {
      if (edits.length > 0) writeUnchanged(planSheet, edits, session, written);
      const mapping = mappingOf(session, planSheet.sheet);
      const again =
        edits.length > 0
          ? readPlanSheet({ sheet: planSheet.sheet, name: planSheet.name }, session.calendar, mapping)
          : planSheet;
      const now = edits.length > 0 ? readPlan(again.table, readOptions(session.settings, mapping)) : plan;
      const items = computeProgress(now, { today: session.today, allowOver: session.settings.allowOver });
      const history = readHistorySheet(session.spreadsheet, session.calendar);
      // A value not written (the cell was changed in the sheet meanwhile) is no check-in.
      const kept = pulled.filter((p) => !written.some((w) => w.value === p && w.outcome === 'changed in the sheet'));
      const sources = checkInSources(kept, session.today, (instant) => session.calendar.dayOf(instant));
      const records = checkInsFor(now, items, history.history, {
        today: session.today,
        who: activeUserEmail(),
        sources,
      });
      recorded.added += appendHistory(session.spreadsheet, history, records, planSheet.sheet);
      return buildMirror(now, { today: session.today, history: history.history.records });
    });
  };
}

/** Reads the cells again (one call over the rows and columns concerned) and writes those still as read. */
function writeUnchanged(
  planSheet: PlanSheet,
  edits: readonly CellEdit[],
  session: Session,
  written: WrittenCheckIn[],
): void {
  const rows = edits.map((e) => e.row);
  const cols = edits.map((e) => e.col);
  const top = Math.min(...rows);
  const left = Math.min(...cols);
  const now = planSheet.sheet
    .getRange(top, left + 1, Math.max(...rows) - top + 1, Math.max(...cols) - left + 1)
    .getValues();
  normaliseDates(now, session.calendar);
  const safe: CellEdit[] = [];
  for (const edit of edits) {
    const before = planSheet.values[edit.row - 1]?.[edit.col] ?? '';
    const current = now[edit.row - top][edit.col - left];
    if (sameCell(before, current)) safe.push(edit);
    else written.push({ value: edit.pulled, outcome: 'changed in the sheet' });
  }
  for (const col of new Set(safe.map((e) => e.col))) {
    const inColumn = safe.filter((e) => e.col === col);
    for (const run of rowRuns(inColumn.map((e) => e.row))) {
      const values = Array.from({ length: run.count }, (_, i) => [
        inColumn.find((e) => e.row === run.first + i)!.value,
      ]);
      planSheet.sheet.getRange(run.first, col + 1, run.count, 1).setValues(values);
    }
    for (const e of inColumn) written.push({ value: e.pulled, outcome: 'written' });
  }
}

/** A cell as read before and now (both with dates as days: normaliseDates). */
function sameCell(before: unknown, current: unknown): boolean {
  if (isDate(before) && isDate(current)) return before.getTime() === current.getTime();
  const blank = (v: unknown) => v === null || v === undefined || v === '';
  return before === current || (blank(before) && blank(current));
}
