import type { ColumnMapping, Day, Plan, ReadPlanOptions } from '../../shared/index.js';
import type { ActionContext, FrameworkUsed, Settings } from '../protocol.js';
import { mappingsFrom } from './mappings.js';
import { effectiveToday, settingsFrom, storedZone } from './settings.js';
import { ZoneCalendar } from './time-zone.js';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** What every action needs first: the spreadsheet, its calendar, the document settings, "today". */
export interface Session {
  /** Opened on first use (one call), so an action that needs only the active sheet never asks for it. */
  readonly spreadsheet: Spreadsheet;
  calendar: ZoneCalendar;
  settings: Settings;
  /** Column mappings saved with "Use this sheet", by sheet ID. */
  mappings: ReadonlyMap<number, ColumnMapping>;
  readonly today: Day;
  /** The time zone saved for the live check (settings.ts), when one is. */
  storedZone?: string;
  /** The sheet shown in the spreadsheet UI (SpreadsheetApp.getActiveSheet when the spreadsheet is not open yet). */
  activeSheet(): GoogleAppsScript.Spreadsheet.Sheet;
}

/**
 * The document's properties are read in one call (settings and mappings); the spreadsheet, the
 * time zone and "today" only when something needs them. With `trustStoredZone` (the live check),
 * the zone saved by the sidebar's last state stands for the spreadsheet's until a date read
 * disagrees with it.
 */
export function openSession(spreadsheet?: Spreadsheet, trustStoredZone = false): Session {
  const properties = PropertiesService.getDocumentProperties().getProperties();
  const zone = storedZone(properties);
  const session = sessionOf(
    spreadsheet,
    settingsFrom(properties),
    mappingsFrom(properties),
    trustStoredZone ? zone : undefined,
  );
  session.storedZone = zone;
  return session;
}

/**
 * A session from what the sidebar sent (validated at the edge): its settings, mappings and the
 * spreadsheet's time zone as its opening state gave them, so nothing is read for them. The zone
 * is checked against the date cells read (ZoneCalendar.claimed) and asked for when one disagrees.
 */
export function contextSession(context: ActionContext): Session {
  const mappings = new Map(Object.entries(context.mappings).map(([id, mapping]) => [Number(id), mapping]));
  return sessionOf(undefined, context.settings, mappings, context.timeZone);
}

/**
 * A session from settings and mappings known already (a trigger's, saved with the last run; the
 * sidebar's). Without `spreadsheet`, the active one is opened when first needed.
 */
export function sessionOf(
  spreadsheet: Spreadsheet | undefined,
  settings: Settings,
  mappings: ReadonlyMap<number, ColumnMapping>,
  claimedZone?: string,
): Session {
  let opened = spreadsheet;
  const open = (): Spreadsheet => (opened ??= SpreadsheetApp.getActiveSpreadsheet());
  const askZone = () => open().getSpreadsheetTimeZone();
  const calendar = claimedZone === undefined ? new ZoneCalendar(askZone) : ZoneCalendar.claimed(claimedZone, askZone);
  let today: Day | undefined;
  return {
    get spreadsheet() {
      return open();
    },
    calendar,
    settings,
    mappings,
    get today() {
      today ??= effectiveToday(settings, calendar);
      return today;
    },
    // "The active sheet in a spreadsheet is the sheet that is being displayed in the spreadsheet UI"
    // (SpreadsheetApp.getActiveSheet, Apps Script reference): the same sheet, one call fewer.
    activeSheet: () => (opened !== undefined ? opened.getActiveSheet() : SpreadsheetApp.getActiveSheet()),
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
