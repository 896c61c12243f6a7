import {
  PlanFormatError,
  convertPlan,
  findPlanHeaderRow,
  headerCandidateRow,
  previewRows,
  proposeMapping,
  readPlan,
} from '../../shared/index.js';
import type { ColumnMapping, RawTable } from '../../shared/index.js';
import type {
  ConvertResponse,
  MappingRequest,
  MappingResponse,
  SaveMappingRequest,
  StateResponse,
} from '../protocol.js';
import { UserError } from './errors.js';
import { saveMapping } from './mappings.js';
import { openPlan } from './open-plan.js';
import { pickSheet } from './plan-sheet.js';
import type { NamedSheet } from './plan-sheet.js';
import { mappingOf, openSession, readOptions } from './session.js';
import type { Session } from './session.js';
import { TO_LAST, sheetValues } from './sheet-values.js';
import { getState } from './state-action.js';
import { writeTemplateSheet } from './template-action.js';
import { normaliseDates } from './time-zone.js';

// "Use this sheet" and "Convert to a plan": a sheet Cascade cannot read as it is gets a column
// mapping (each plan field → a column, Cascade's guesses first, a preview of the first rows as they
// will be read), saved for the sheet and used by Check, Update progress and the live check from
// then on; or its plan is written in Cascade's own layout into a NEW sheet, the original untouched.

/** Rows shown in the preview. */
const PREVIEW_ROWS = 5;

/** The mapping form's data for a sheet: the saved mapping or the one asked for, else Cascade's guesses. */
export function sheetMapping(request: MappingRequest): MappingResponse {
  const session = openSession();
  const named = pickSheet(session.spreadsheet, request.sheet);
  const saved = mappingOf(session, named.sheet);
  const columns = request.columns ?? saved;
  const table = sheetTable(session, named, columns);
  const options = readOptions(session.settings, columns);
  const proposal = proposeMapping(table, options);
  let problem = proposal.problem;
  let preview: MappingResponse['preview'] = [];
  if (problem === null) {
    try {
      preview = previewRows(table, options, PREVIEW_ROWS).map((r) => ({
        row: r.row,
        id: r.id,
        level: r.level ?? r.levelText,
        parent: r.parent,
        title: r.title,
        owner: r.owner,
      }));
    } catch (error) {
      if (!(error instanceof PlanFormatError)) throw error;
      problem = error.message;
    }
  }
  return {
    sheet: named.name,
    headerRow: table.headerRow ?? 1,
    headers: proposal.headers,
    fields: proposal.fields.map((f) => ({
      key: f.key,
      label: f.label,
      header: f.header,
      guessed: f.source === 'guess' || f.source === 'alias',
      required: f.key === 'title',
    })),
    reading: proposal.reading?.summary ?? [],
    preview,
    problem,
    saved: saved !== undefined,
  };
}

/** Saves a sheet's mapping once the sheet reads with it (or forgets it); the sidebar's new state. */
export function saveSheetMapping(request: SaveMappingRequest): StateResponse {
  const session = openSession();
  const named = pickSheet(session.spreadsheet, request.sheet);
  if (request.columns !== null) {
    const columns = withoutBlanks(request.columns);
    const table = sheetTable(session, named, columns);
    try {
      readPlan(table, readOptions(session.settings, columns));
    } catch (error) {
      if (error instanceof PlanFormatError) throw new UserError('not-a-plan', `Not saved: ${error.message}`);
      throw error;
    }
    saveMapping(named.sheet.getSheetId(), columns);
  } else {
    saveMapping(named.sheet.getSheetId(), null);
  }
  return getState();
}

/**
 * The sheet's plan in Cascade's own layout, in a new sheet, read with the mapping the form shows
 * (else the saved one, else Cascade's guesses); the sheet it was read from is not written.
 */
export function convertSheet(request: MappingRequest): ConvertResponse {
  const session = openSession();
  const { planSheet, plan } = openPlan(
    session,
    request.sheet,
    request.columns === null ? undefined : withoutBlanks(request.columns),
  );
  const spec = convertPlan(plan, { table: planSheet.table, allowOver: session.settings.allowOver });
  const name = writeTemplateSheet(session.spreadsheet, spec, `${planSheet.name} (plan)`.slice(0, 90), true);
  return { sheet: name, source: planSheet.name, rows: plan.items.length };
}

/**
 * The sheet as a table, read in one call: its header is the row holding the mapped headers, else
 * the row the core takes for a header, else the core's candidate (the row the command reads too).
 */
function sheetTable(session: Session, { sheet }: NamedSheet, columns: ColumnMapping | undefined): RawTable {
  const values = sheetValues(sheet, 1, 1, TO_LAST, TO_LAST);
  normaliseDates(values, session.calendar);
  let index = findPlanHeaderRow(values, columns);
  if (index < 0) index = headerCandidateRow(values);
  if (index < 0) throw new UserError('not-a-plan', 'The sheet is empty: type your plan in it, or insert a template.');
  return { header: values[index], rows: values.slice(index + 1), headerRow: index + 1 };
}

function withoutBlanks(columns: ColumnMapping): ColumnMapping {
  const out: ColumnMapping = {};
  for (const [key, header] of Object.entries(columns))
    if (typeof header === 'string' && header.trim() !== '') out[key as keyof ColumnMapping] = header.trim();
  return out;
}
