import { FRAMEWORK_IDS, FRAMEWORKS, columnLetter, findPlanHeaderRow, isoFromDay } from '../../shared/index.js';
import type { FrameworkInfo, SelectRequest, Settings, StateResponse } from '../protocol.js';
import { UserError } from './errors.js';
import { notAPlanMessage, readHead } from './plan-sheet.js';
import { mappingOf, openSession } from './session.js';
import { saveSettings, saveZone } from './settings.js';

/** What the sidebar shows on opening: the active sheet (a plan or not), the settings, the frameworks. */
export function getState(): StateResponse {
  const session = openSession();
  const sheet = session.spreadsheet.getActiveSheet();
  const name = sheet.getName();
  const mapping = mappingOf(session, sheet);
  const isPlan = findPlanHeaderRow(readHead(sheet, sheet.getLastRow()), mapping) >= 0;
  const timeZone = session.calendar.timeZone;
  // Kept for the live check (one call, only when the zone is new or changed). Where it cannot be
  // saved, the live check asks for the zone itself: no reason to fail the sidebar's opening.
  if (session.storedZone !== timeZone) {
    try {
      saveZone(timeZone);
    } catch (error) {
      console.warn(`Cascade could not keep the time zone: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
  return {
    sheet: { name, isPlan, mapped: mapping !== undefined, message: isPlan ? '' : notAPlanMessage(name) },
    settings: session.settings,
    frameworks: frameworkInfos(),
    today: isoFromDay(session.today),
    realToday: isoFromDay(session.calendar.today()),
    timeZone,
    mappings: Object.fromEntries(session.mappings),
  };
}

export function frameworkInfos(): FrameworkInfo[] {
  return FRAMEWORK_IDS.map((id) => {
    const f = FRAMEWORKS[id];
    return { id, label: f.label, description: f.description, levels: [...f.levels] };
  });
}

export function updateSettings(settings: Settings): StateResponse {
  saveSettings(settings);
  return getState();
}

/** Selects a finding's row (or its cell) in the plan sheet, switching to that sheet. */
export function selectCell(request: SelectRequest): { selected: string } {
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(request.sheet);
  if (sheet === null)
    throw new UserError('no-sheet', `There is no sheet named "${request.sheet}" any more. Run the check again.`);
  if (request.row > sheet.getMaxRows())
    throw new UserError('bad-request', `Row ${request.row} is no longer in "${request.sheet}". Run the check again.`);
  const width = Math.max(1, sheet.getLastColumn());
  const range =
    request.col === null ? sheet.getRange(request.row, 1, 1, width) : sheet.getRange(request.row, request.col);
  sheet.activate();
  range.activate();
  const a1 =
    request.col === null
      ? `A${request.row}:${columnLetter(width - 1)}${request.row}`
      : `${columnLetter(request.col - 1)}${request.row}`;
  return { selected: `${request.sheet}!${a1}` };
}
