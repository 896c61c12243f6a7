import * as z from 'zod/mini';
import { FrameworkIdSchema, IsoDateSchema, PlanFormatError, describeIssues } from '../../shared/index.js';
import type {
  Api,
  MappingRequest,
  NotionConnectRequest,
  PlanRequest,
  NotionScheduleRequest,
  ReplanRequest,
  Result,
  SaveMappingRequest,
  SelectRequest,
  SheetRequest,
  TemplateRequest,
} from '../protocol.js';
import { runCheck } from './check-action.js';
import { UserError } from './errors.js';
import { runFixIds } from './ids-action.js';
import { convertSheet, saveSheetMapping, sheetMapping } from './mapping-action.js';
import { ColumnMappingSchema, MappingsSchema } from './mappings.js';
import {
  notionConnect,
  notionDisconnect,
  notionMirror,
  notionSchedule,
  notionState,
  notionTest,
} from './notion/notion-api.js';
import { runProgress } from './progress-action.js';
import { runReplan } from './replan-action.js';
import { contextSession, openSession } from './session.js';
import type { Session } from './session.js';
import { SettingsSchema } from './settings.js';
import { getState, selectCell, updateSettings } from './state-action.js';
import { insertTemplate } from './template-action.js';

// The google.script.run targets. What the sidebar sends is validated here, at the edge; a problem
// the user can fix comes back as { ok: false, error } with a plain message, anything else is thrown
// (the sidebar shows its message) and logged.

/** Sheets allows 18,278 columns (ZZZ) and 10 million cells. */
const MAX_COLUMN = 18_278;
const MAX_ROW = 10_000_000;
const SHEET_NAME = z.string().check(z.minLength(1), z.maxLength(200));

const SheetRequestSchema = z.object({ sheet: z.nullable(SHEET_NAME) }) satisfies z.ZodMiniType<SheetRequest>;
/** A time zone as Sheets names it: an IANA name (Europe/Paris) or an offset (GMT-07:00). */
const TIME_ZONE = z.string().check(z.minLength(1), z.maxLength(100), z.regex(/^[A-Za-z0-9_+\-/:]+$/));
const PlanRequestSchema = z.object({
  sheet: z.nullable(SHEET_NAME),
  context: z.optional(z.object({ settings: SettingsSchema, mappings: MappingsSchema, timeZone: TIME_ZONE })),
}) satisfies z.ZodMiniType<PlanRequest>;
const TemplateRequestSchema = z.object({
  framework: FrameworkIdSchema,
  examples: z.boolean(),
  today: IsoDateSchema,
  allowOver: z.boolean(),
}) satisfies z.ZodMiniType<TemplateRequest>;
const SelectRequestSchema = z.object({
  sheet: SHEET_NAME,
  row: z.number().check(z.int(), z.minimum(1), z.maximum(MAX_ROW)),
  col: z.nullable(z.number().check(z.int(), z.minimum(1), z.maximum(MAX_COLUMN))),
}) satisfies z.ZodMiniType<SelectRequest>;

const ReplanRequestSchema = z.object({
  sheet: z.nullable(SHEET_NAME),
  id: z.string().check(z.minLength(1), z.maxLength(200)),
  choice: z.union([
    z.object({ kind: z.literal('shrink'), target: z.number() }),
    z.object({
      kind: z.literal('drop'),
      children: z.array(z.string().check(z.maxLength(200))).check(z.maxLength(500)),
    }),
    z.object({ kind: z.literal('extend'), due: IsoDateSchema }),
    z.object({ kind: z.literal('pause') }),
    z.object({ kind: z.literal('undo') }),
  ]),
  apply: z.boolean(),
}) satisfies z.ZodMiniType<ReplanRequest>;
const MappingRequestSchema = z.object({
  sheet: z.nullable(SHEET_NAME),
  columns: z.nullable(ColumnMappingSchema),
}) satisfies z.ZodMiniType<MappingRequest>;
const SaveMappingRequestSchema = z.object({
  sheet: SHEET_NAME,
  columns: z.nullable(ColumnMappingSchema),
}) satisfies z.ZodMiniType<SaveMappingRequest>;

function handle<I, O>(schema: z.ZodMiniType<I>, input: unknown, action: (request: I) => O): Result<O> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad-request',
        message: `The sidebar sent a request Cascade cannot read: ${describeIssues(parsed.error)}`,
      },
    };
  }
  try {
    return { ok: true, value: action(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: { code: error.code, message: error.message } };
    if (error instanceof PlanFormatError) return { ok: false, error: { code: 'not-a-plan', message: error.message } };
    console.error(error);
    throw error;
  }
}

export const apiGetState: Api['apiGetState'] = () => getState();
export const apiSaveSettings: Api['apiSaveSettings'] = (settings) => handle(SettingsSchema, settings, updateSettings);
export const apiCheck: Api['apiCheck'] = (request) =>
  handle(PlanRequestSchema, request, (r) => runCheck(r, undefined, planSession(r)));
export const apiFixIds: Api['apiFixIds'] = (request) => handle(SheetRequestSchema, request, runFixIds);
export const apiProgress: Api['apiProgress'] = (request) =>
  handle(PlanRequestSchema, request, (r) => runProgress(r, planSession(r)));

/** The sidebar's context when it sent one (nothing read for it), else the document's properties. */
function planSession(request: PlanRequest): Session {
  return request.context === undefined ? openSession() : contextSession(request.context);
}
export const apiInsertTemplate: Api['apiInsertTemplate'] = (request) =>
  handle(TemplateRequestSchema, request, insertTemplate);
export const apiReplan: Api['apiReplan'] = (request) => handle(ReplanRequestSchema, request, runReplan);
export const apiSelect: Api['apiSelect'] = (request) => handle(SelectRequestSchema, request, selectCell);
export const apiMapping: Api['apiMapping'] = (request) => handle(MappingRequestSchema, request, sheetMapping);
export const apiSaveMapping: Api['apiSaveMapping'] = (request) =>
  handle(SaveMappingRequestSchema, request, saveSheetMapping);
export const apiConvert: Api['apiConvert'] = (request) => handle(MappingRequestSchema, request, convertSheet);

// The Notion tab: the calls that talk to Notion are async (the mirror's code is), and Apps Script
// waits for the promise an entry point returns before the execution ends.
const NotionConnectRequestSchema = z.object({
  secret: z.nullable(z.string().check(z.maxLength(500))),
  page: z.nullable(z.string().check(z.maxLength(2000))),
}) satisfies z.ZodMiniType<NotionConnectRequest>;
const NotionScheduleRequestSchema = z.object({
  frequency: z.nullable(z.enum(['hourly', 'daily'])),
}) satisfies z.ZodMiniType<NotionScheduleRequest>;

async function handleAsync<I, O>(
  schema: z.ZodMiniType<I>,
  input: unknown,
  action: (request: I) => Promise<O>,
): Promise<Result<O>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'bad-request',
        message: `The sidebar sent a request Cascade cannot read: ${describeIssues(parsed.error)}`,
      },
    };
  }
  try {
    return { ok: true, value: await action(parsed.data) };
  } catch (error) {
    if (error instanceof UserError) return { ok: false, error: { code: error.code, message: error.message } };
    if (error instanceof PlanFormatError) return { ok: false, error: { code: 'not-a-plan', message: error.message } };
    throw error;
  }
}

const NoRequestSchema = z.optional(z.unknown());

export const apiNotionState: Api['apiNotionState'] = () => notionState();
export const apiNotionConnect: Api['apiNotionConnect'] = (request) =>
  handleAsync(NotionConnectRequestSchema, request, notionConnect);
export const apiNotionTest: Api['apiNotionTest'] = () => handleAsync(NoRequestSchema, undefined, notionTest);
export const apiNotionDisconnect: Api['apiNotionDisconnect'] = () => notionDisconnect();
export const apiNotionMirror: Api['apiNotionMirror'] = (request) =>
  handleAsync(SheetRequestSchema, request, notionMirror);
export const apiNotionSchedule: Api['apiNotionSchedule'] = (request) =>
  handle(NotionScheduleRequestSchema, request, notionSchedule);
