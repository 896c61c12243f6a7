import type { Day, Plan, ReadPlanOptions } from '../../shared/index.js';
import type { FrameworkUsed, Settings } from '../protocol.js';
import { effectiveToday, loadSettings } from './settings.js';
import { ZoneCalendar } from './time-zone.js';

/** What every action needs first: the spreadsheet, its calendar, the document settings, "today". */
export interface Session {
  spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet;
  calendar: ZoneCalendar;
  settings: Settings;
  today: Day;
}

export function openSession(spreadsheet = SpreadsheetApp.getActiveSpreadsheet()): Session {
  const calendar = new ZoneCalendar(spreadsheet.getSpreadsheetTimeZone());
  const settings = loadSettings();
  return { spreadsheet, calendar, settings, today: effectiveToday(settings, calendar) };
}

/** The framework setting as the core's read option. */
export function readOptions(settings: Settings): ReadPlanOptions {
  return settings.framework === null ? {} : { framework: settings.framework };
}

export function frameworkUsed(plan: Plan): FrameworkUsed {
  return { id: plan.framework.id, label: plan.framework.label, source: plan.frameworkSource };
}
