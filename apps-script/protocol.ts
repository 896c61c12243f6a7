// What crosses google.script.run between the sidebar and the server. Only JSON-safe data: strings
// (dates as YYYY-MM-DD), numbers, booleans, null, arrays and plain objects; never Date, undefined
// or functions (google.script.run drops or rejects them). Types only: both sides import this file,
// and the sidebar bundle must not pull the server's code or zod in.
import type { ColumnKey, ColumnMapping, FrameworkId, PaceStatus, RuleId, Severity } from '../shared/types.js';

export type { ColumnKey, ColumnMapping, FrameworkId, PaceStatus, RuleId, Severity };

/** Document settings, stored in the document's properties. */
export interface Settings {
  /** "Today" for pace and overdue checks (YYYY-MM-DD); null = the real date in the sheet's time zone. */
  today: string | null;
  /** Show progress above 100 % on the row itself. */
  allowOver: boolean;
  /** The plan's framework; null = inferred from the levels used. */
  framework: FrameworkId | null;
  /** Re-check edited rows as people type (the live check); off leaves the Check column to Check plan. */
  liveCheck: boolean;
}

export interface FrameworkInfo {
  id: FrameworkId;
  label: string;
  description: string;
  levels: string[];
}

export interface SheetInfo {
  name: string;
  isPlan: boolean;
  /** Read through a column mapping saved with "Use this sheet". */
  mapped: boolean;
  /** Why the sheet is not a plan, in the user's words ('' when it is one). */
  message: string;
}

export interface StateResponse {
  sheet: SheetInfo;
  settings: Settings;
  frameworks: FrameworkInfo[];
  /** The "today" in effect (the setting, else the real date in the spreadsheet's time zone). */
  today: string;
  /** The real date in the spreadsheet's time zone. */
  realToday: string;
  timeZone: string;
  /** Column mappings saved with "Use this sheet", by sheet ID (sent back in ActionContext). */
  mappings: Record<string, ColumnMapping>;
}

/** Which plan sheet to act on; null = the active sheet. */
export interface SheetRequest {
  sheet: string | null;
}

/**
 * What the sidebar holds from its last StateResponse and sends with Check and Update progress, so
 * the server reads neither the document's properties nor the time zone for them: the settings and
 * mappings the sidebar shows, and the spreadsheet's time zone as it was told (checked against the
 * date cells read, and asked for when one disagrees).
 */
export interface ActionContext {
  settings: Settings;
  mappings: Record<string, ColumnMapping>;
  timeZone: string;
}

/** Check and Update progress: a sheet, and the sidebar's context (absent: read from the document). */
export interface PlanRequest extends SheetRequest {
  context?: ActionContext;
}

/**
 * A template to insert. It is built with the "today" and the over-100 % setting the sidebar shows
 * (StateResponse.today and settings.allowOver): the sidebar sends them, so the server reads no
 * settings and no time zone for it.
 */
export interface TemplateRequest {
  framework: FrameworkId;
  examples: boolean;
  /** Where example dates are placed (YYYY-MM-DD). */
  today: string;
  /** Live Progress formulas show progress above 100 %. */
  allowOver: boolean;
}

export interface SelectRequest {
  sheet: string;
  /** Spreadsheet row number. */
  row: number;
  /** 1-based column to select; null selects the whole row of the table. */
  col: number | null;
}

export interface FrameworkUsed {
  id: FrameworkId;
  label: string;
  /** How it was decided: the document setting, the levels used, or the default. */
  source: 'given' | 'inferred' | 'default';
}

export interface FindingView {
  rule: RuleId;
  severity: Severity;
  message: string;
  hint: string;
  /** Header of the column at fault, when there is one. */
  column: string | null;
  /** 1-based column index of that header in the sheet, when the sheet has it. */
  col: number | null;
  /** The plan has no such column (so there is no cell to go to; `col` is null). */
  missingColumn: boolean;
}

/** Something to know about how the plan was read (columns named twice, dates, framework): one plain sentence or two. */
export interface PlanNotice {
  level: 'note' | 'warning';
  text: string;
  /** A way to act on it: 'use-this-sheet' opens the column mapping form (columns read as a guess). */
  action?: 'use-this-sheet';
}

export interface FindingGroup {
  row: number;
  id: string;
  title: string;
  level: string;
  errors: number;
  warnings: number;
  /** Errors first. */
  findings: FindingView[];
}

export interface CheckResponse {
  sheet: string;
  framework: FrameworkUsed;
  today: string;
  /** Plan rows checked. */
  rows: number;
  counts: { error: number; warning: number };
  /** Rows with at least one finding. */
  rowsWithFindings: number;
  /** Rows whose ID is blank ("Fix IDs" fills them). */
  blankIds: number;
  /** Check cells someone edited while the check ran: left as they edited them. */
  keptEdits: number;
  /** Rows with errors first, then rows with warnings only; each in sheet order. */
  groups: FindingGroup[];
  /** Groups left out to keep the sidebar fast (the Check column has them all). */
  omittedGroups: number;
  /** How the plan was read, shown above the findings. */
  notices: PlanNotice[];
}

export interface FixIdsResponse {
  sheet: string;
  filled: { row: number; id: string }[];
  /** Blank IDs someone typed in while Cascade was working: kept as they typed them. */
  keptTyped: number;
}

export interface ProgressView {
  row: number;
  id: string;
  title: string;
  level: string;
  /** Fraction (above 1 only with the over-100 % setting); null where there is none. */
  progress: number | null;
  expected: number | null;
  status: PaceStatus | null;
  children: ProgressView[];
  /** Children left out of `children`. */
  omittedChildren: number;
  /** From the Check-ins sheet: the pace with `trending off track`/`paused`, the forecast, the last check-ins. */
  trend?: TrendView;
}

export interface TrendView {
  pace: string | null;
  /** Forecast progress at the due date (null: fewer than two check-ins). */
  forecast: number | null;
  /** The latest check-ins: day (days since 1970-01-01) and progress. */
  points: { day: number; progress: number }[];
  /** Start and due day of the ideal line (null: none). */
  start: number | null;
  due: number | null;
}

export interface ProgressResponse {
  sheet: string;
  framework: FrameworkUsed;
  today: string;
  rows: number;
  /** Cells written in the Progress column, live formulas kept, and whether a Pace column was written. */
  written: { progress: number; keptFormulas: number; pace: boolean };
  /** Progress, Pace or Last check-in cells someone edited while the update ran: left as they edited them. */
  keptEdits: number;
  /** Check-ins appended to the Check-ins sheet by this update, and who they name ('' when Google gives no email). */
  checkIns?: { added: number; who: string };
  /** Top-level items with their children. */
  items: ProgressView[];
  omittedItems: number;
  /** How the plan was read, shown above the items. */
  notices: PlanNotice[];
}

export interface TemplateResponse {
  sheet: string;
  framework: FrameworkId;
  exampleRows: number;
  formattedRows: number;
}

/** A replanning choice for one row (progress.md, section 6): previewed, then applied, or undone. */
export interface ReplanRequest {
  sheet: string | null;
  id: string;
  choice:
    | { kind: 'shrink'; target: number }
    | { kind: 'drop'; children: string[] }
    | { kind: 'extend'; due: string }
    | { kind: 'pause' }
    | { kind: 'undo' };
  /** false: only say what the choice would do. */
  apply: boolean;
}

export interface ReplanResponse {
  id: string;
  /** What the choice does (or did), one line each. */
  effect: string[];
  applied: boolean;
}

/** A plan field → the header text of the sheet's column that holds it ("Use this sheet"). */
export type ColumnMappingView = Partial<Record<ColumnKey, string>>;

/** The mapping form's data: a sheet's columns, each field's column, and the first rows as Cascade reads them. */
export interface MappingRequest {
  sheet: string | null;
  /** The mapping to preview; null: the saved one, else Cascade's guesses. */
  columns: ColumnMappingView | null;
}

export interface MappingField {
  key: ColumnKey;
  /** The field's name as the template heads it ("Due date"). */
  label: string;
  /** The header of the column that holds it, or null. */
  header: string | null;
  /** A guess from the header's words or the cells (not the template's own header, not a person's choice). */
  guessed: boolean;
  /** The sheet cannot be read without it (Title). */
  required: boolean;
}

export interface PreviewRowView {
  row: number;
  id: string;
  level: string;
  parent: string;
  title: string;
  owner: string;
}

export interface MappingResponse {
  sheet: string;
  /** Spreadsheet row of the header the form maps. */
  headerRow: number;
  /** The header row's texts, in column order ('' for a blank one). */
  headers: string[];
  fields: MappingField[];
  /** How the plan is read with this mapping, in the core's words ("levels from the Objective and Key Result columns"). */
  reading: string[];
  /** The first rows as Cascade reads them with this mapping (empty while it cannot). */
  preview: PreviewRowView[];
  /** Why the sheet cannot be read with this mapping yet (the core's words), or null. */
  problem: string | null;
  /** The sheet has a saved mapping. */
  saved: boolean;
}

export interface SaveMappingRequest {
  sheet: string;
  /** null forgets the sheet's mapping. */
  columns: ColumnMappingView | null;
}

export interface ConvertResponse {
  /** The new sheet holding the canonical plan. */
  sheet: string;
  /** The sheet it was read from (left as it was). */
  source: string;
  rows: number;
}

/** The Notion page the plan is mirrored under, as Test connection found it. */
export interface NotionPageView {
  id: string;
  title: string;
  url: string;
}

export type NotionRunState = 'never' | 'running' | 'incomplete' | 'done' | 'failed';

/** One database of the mirror after a run: what was written, and a link to open it. */
export interface NotionDatabaseView {
  name: string;
  url: string | null;
  created: number;
  updated: number;
  trashed: number;
  unchanged: number;
}

/** Where the mirror stands: running (with its phase), cut at the time limit, done or failed. */
export interface NotionRunView {
  state: NotionRunState;
  /** 'started' | 'continued' | 'scheduled': what began the run. */
  trigger: string;
  phase: string;
  done: number;
  total: number;
  startedAt: string | null;
  finishedAt: string | null;
  /** Executions this mirror has taken so far (more than one when it was too long for one). */
  executions: number;
  /** Writes left for the next execution (state 'incomplete'). */
  left: number;
  /** When the follow-up execution is due, if one is scheduled (ISO time). */
  continueAt: string | null;
  databases: NotionDatabaseView[];
  /** Check-ins made in Notion and written into the sheet (or why not), one line each. */
  checkIns: string[];
  /** Problems, one line each (a value Notion refused, a failure). */
  errors: string[];
  warnings: string[];
}

export type NotionFrequency = 'hourly' | 'daily';

export interface NotionScheduleView {
  frequency: NotionFrequency | null;
  /** The last scheduled run: when and how it went. */
  lastRun: string | null;
  lastOutcome: string | null;
  /** A failure that keeps repeating: shown once, with how many runs it has stopped. */
  failing: { message: string; since: string; runs: number } | null;
}

export interface NotionStateResponse {
  /** A secret is stored for this user; only its last characters are shown. */
  connected: boolean;
  secretHint: string | null;
  page: NotionPageView | null;
  /** The plan sheet mirrored (null until the first run). */
  sheet: string | null;
  run: NotionRunView;
  schedule: NotionScheduleView;
}

export interface NotionConnectRequest {
  /** A new integration secret; null keeps the stored one. */
  secret: string | null;
  /** The parent page's link or id; null keeps the stored one. */
  page: string | null;
}

export interface NotionTestResponse {
  ok: boolean;
  /** The page found ("Found the page “Company plan”."), or what to do. */
  message: string;
  state: NotionStateResponse;
}

export interface NotionScheduleRequest {
  frequency: NotionFrequency | null;
}

/** Every error the sidebar shows carries one of these codes (apps-script/error-codes.ts says what each means). */
export type ErrorCode =
  | 'not-a-plan'
  | 'busy'
  | 'bad-request'
  | 'no-sheet'
  | 'multiple-accounts'
  | 'not-in-sheets'
  | 'google-failed'
  | 'notion'
  | 'cannot-replan';

export type Result<T> = { ok: true; value: T } | { ok: false; error: { code: ErrorCode; message: string } };

/** Every google.script.run target: the server implements it, the sidebar calls it. */
export interface Api {
  apiGetState(): StateResponse;
  apiSaveSettings(settings: Settings): Result<StateResponse>;
  apiCheck(request: PlanRequest): Result<CheckResponse>;
  apiFixIds(request: SheetRequest): Result<FixIdsResponse>;
  apiProgress(request: PlanRequest): Result<ProgressResponse>;
  apiInsertTemplate(request: TemplateRequest): Result<TemplateResponse>;
  apiSelect(request: SelectRequest): Result<{ selected: string }>;
  apiReplan(request: ReplanRequest): Result<ReplanResponse>;
  apiMapping(request: MappingRequest): Result<MappingResponse>;
  apiSaveMapping(request: SaveMappingRequest): Result<StateResponse>;
  apiConvert(request: MappingRequest): Result<ConvertResponse>;
  apiNotionState(): NotionStateResponse;
  apiNotionConnect(request: NotionConnectRequest): Promise<Result<NotionTestResponse>>;
  apiNotionTest(): Promise<Result<NotionTestResponse>>;
  apiNotionDisconnect(): NotionStateResponse;
  /** Runs (or continues) the mirror for up to about 4.5 minutes; the sidebar polls apiNotionState meanwhile. */
  apiNotionMirror(request: SheetRequest): Promise<Result<NotionStateResponse>>;
  apiNotionSchedule(request: NotionScheduleRequest): Result<NotionStateResponse>;
}

export type ApiName = keyof Api;

/** The tab a sidebar opens on, and whether it runs that tab's action at once (menu items). */
export type StartTab = 'auto' | 'template' | 'check' | 'progress' | 'settings';
export interface StartAction {
  tab: StartTab;
  run: boolean;
}

/** The sidebar's HTML carries its start action in this attribute of <body>; the server rewrites it. */
export const START_ATTRIBUTE = 'data-start';
export const DEFAULT_START = 'auto';

/** Column keys the tools own (never typed by hand). */
export type OwnedColumn = Extract<ColumnKey, 'progress' | 'pace' | 'check'>;
