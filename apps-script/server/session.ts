import type { ColumnMapping, Day, Plan, ReadPlanOptions } from '../../shared/index.js';
import type { FrameworkUsed, Settings } from '../protocol.js';
import { mappingsFrom } from './mappings.js';
import { effectiveToday, settingsFrom } from './settings.js';
import { ZoneCalendar } from './time-zone.js';

/** What every action needs first: the spreadsheet, its calendar, the document settings, "today". */
export interface Session {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  calendar: ZoneCalendar;
  settings: Settings;
  /** Column mappings saved with "Use this sheet", by sheet ID. */
  mappings: ReadonlyMap<number, ColumnMapping>;
  readonly today: Day;
}

/**
 * The document's properties are read in one call (settings and mappings); the time zone and
 * "today" only when something needs them.
 */
export function openSession(spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): Session {
  const properties = PropertiesService.getDocumentProperties().getProperties();
  return sessionOf(spreadsheet, settingsFrom(properties), mappingsFrom(properties));
}

/** A session from settings and mappings known already (a trigger's, saved with the last run). */
export function sessionOf(
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet,
  settings: Settings,
  mappings: ReadonlyMap<number, ColumnMapping>,
): Session {
  const calendar = new ZoneCalendar(() => spreadsheet.getSpreadsheetTimeZone());
  let today: Day | undefined;
  return {
    spreadsheet,
    calendar,
    settings,
    mappings,
    get today() {
      today ??= effectiveToday(settings, calendar);
      return today;
    },
  };
}

/** The sheet's saved mapping; asks for the sheet's ID only when the document has saved any. */
export function mappingOf(session: Session, sheet: GoogleAppsScript.Spreadsheet.Sheet): ColumnMapping | undefined {
  return session.mappings.size === 0 ? undefined : session.mappings.get(sheet.getSheetId());
}

/** The framework setting (and a sheet's mapping) as the core's read options. */
export function readOptions(settings: Settings, mapping?: ColumnMapping): ReadPlanOptions {
  const options: ReadPlanOptions = settings.framework === null ? {} : { framework: settings.framework };
  if (mapping !== undefined) options.columns = mapping;
  return options;
}

export function frameworkUsed(plan: Plan): FrameworkUsed {
  return { id: plan.framework.id, label: plan.framework.label, source: plan.frameworkSource };
}
