// The workbook's `Check-ins` sheet: the history of check-ins and replanning, read in one call and
// appended to with one setValues() of all new rows (a constant number of calls, whatever the
// number of rows or of check-ins). Rows already there are never written.
import {
  CHECKIN_HEADER,
  CHECKIN_PROGRESS_COLUMN,
  CHECKINS_SHEET,
  checkInCells,
  readHistory,
} from '../../shared/index.js';
import type { CheckIn, History } from '../../shared/index.js';
import { textCell } from './cells.js';
import { TO_LAST, sheetValues } from './sheet-values.js';
import { normaliseDates } from './time-zone.js';
import type { ZoneCalendar } from './time-zone.js';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export interface HistorySheet {
  /** null until the first check-in creates the sheet. */
  sheet: Sheet | null;
  /** Rows the sheet holds (header included), where appends go below. */
  lastRow: number;
  history: History;
}

/** The Check-ins sheet and its history (empty when there is no such sheet yet): one or two calls. */
export function readHistorySheet(spreadsheet: Spreadsheet, calendar: ZoneCalendar): HistorySheet {
  const sheet = spreadsheet.getSheetByName(CHECKINS_SHEET);
  if (sheet === null) return { sheet: null, lastRow: 0, history: { records: [], problems: [] } };
  const values = sheetValues(sheet, 1, 1, TO_LAST, TO_LAST);
  normaliseDates(values, calendar);
  const [header = [], ...rows] = values;
  return { sheet, lastRow: values.length, history: readHistory({ header, rows }) };
}

/**
 * Appends the records below the last row (creating the sheet with a frozen header first): one
 * setValues() for all of them, Progress formatted as a percent. Returns how many were added.
 */
export function appendHistory(
  spreadsheet: Spreadsheet,
  target: HistorySheet,
  records: readonly CheckIn[],
  active: Sheet,
): number {
  if (records.length === 0) return 0;
  let { sheet, lastRow } = target;
  const width = CHECKIN_HEADER.length;
  const rows = records.map((record) =>
    checkInCells(record).cells.map((value, col) => (col === 0 ? value : cellValue(value))),
  );
  if (sheet === null) {
    sheet = spreadsheet.insertSheet(CHECKINS_SHEET);
    active.activate(); // insertSheet shows the new sheet; the manager stays on the plan
    rows.unshift([...CHECKIN_HEADER]);
    sheet.setFrozenRows(1);
    lastRow = 0;
  }
  const maxRows = sheet.getMaxRows();
  if (lastRow + rows.length > maxRows) sheet.insertRowsAfter(maxRows, lastRow + rows.length - maxRows);
  sheet.getRange(lastRow + 1, 1, rows.length, width).setValues(rows);
  const firstRecordRow = lastRow + 1 + (target.sheet === null ? 1 : 0);
  sheet.getRange(firstRecordRow, CHECKIN_PROGRESS_COLUMN + 1, records.length, 1).setNumberFormat('0%');
  target.sheet = sheet;
  target.lastRow = lastRow + rows.length;
  target.history = { records: [...target.history.records, ...records], problems: target.history.problems };
  return records.length;
}

/** A history cell for setValues(): text kept as typed (a note starting with "=" stays text). */
function cellValue(value: string | number | null): string | number {
  if (value === null) return '';
  return typeof value === 'string' ? textCell(value) : value;
}

/** The active user's email where Apps Script gives it ('' otherwise: a consumer account, no consent). */
export function activeUserEmail(): string {
  try {
    return Session.getActiveUser().getEmail();
  } catch {
    return '';
  }
}
