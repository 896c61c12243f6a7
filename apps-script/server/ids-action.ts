import { fillBlankIds } from '../../shared/index.js';
import type { CellValue } from '../../shared/index.js';
import type { FixIdsResponse, SheetRequest } from '../protocol.js';
import { textCell } from './cells.js';
import { withDocumentLock } from './lock.js';
import { openPlan } from './open-plan.js';
import { rowRuns } from './row-runs.js';
import type { RowRun } from './row-runs.js';
import { openSession } from './session.js';

/** Up to this many runs of blank IDs are written one by one; more are written as one block. */
const MAX_ID_RUNS = 6;

/** "Fix IDs": the core's new IDs for blank ID cells; every other ID stays as it is. */
export function runFixIds(request: SheetRequest): FixIdsResponse {
  const session = openSession();
  return withDocumentLock(() => {
    const { planSheet, plan } = openPlan(session, request.sheet);
    const filled = fillBlankIds(plan);
    const column = plan.columns.id;
    const written =
      filled.length > 0 && column !== undefined
        ? writeIds(planSheet.sheet, column + 1, new Map(filled.map((f) => [f.row, f.id])))
        : new Set<number>();
    return {
      sheet: planSheet.name,
      filled: filled.filter((f) => written.has(f.row)).map(({ row, id }) => ({ row, id })),
      keptTyped: filled.length - written.size,
    };
  });
}

/** Sheets' number format for plain text: what is written there is kept as is, apostrophe included. */
const PLAIN_TEXT = '@';

/**
 * Writes new IDs into cells that are still blank, and returns their rows. The ID column is re-read
 * just before writing (one call over the rows concerned, with its number formats): a cell someone
 * typed an ID into since the plan was read keeps what they typed. Text goes in as text: with a
 * leading apostrophe where Sheets would read "1.10" as a number, but as it is in a plain-text
 * column, where an apostrophe would stay visible. A few runs of blank rows are written run by run;
 * many as one block in which every other cell gets back exactly what it held (its formula, its
 * text as text, its number or date), so the calls stay few and no ID changes.
 */
function writeIds(sheet: GoogleAppsScript.Spreadsheet.Sheet, col: number, ids: Map<number, string>): Set<number> {
  const rows = [...ids.keys()].sort((a, b) => a - b);
  const block: RowRun = { first: rows[0], count: rows[rows.length - 1] - rows[0] + 1 };
  const range = sheet.getRange(block.first, col, block.count, 1);
  const now = range.getValues() as CellValue[][];
  const formats = range.getNumberFormats();
  const text = (offset: number, value: string) => (formats[offset][0] === PLAIN_TEXT ? value : textCell(value));
  const blank = (row: number) => {
    const cell = now[row - block.first][0];
    return cell === '' || cell === null;
  };
  const targets = rows.filter(blank);
  const runs = rowRuns(targets);
  if (runs.length === 1 && runs[0].count === block.count) {
    range.setValues(targets.map((row) => [text(row - block.first, ids.get(row) as string)]));
  } else if (runs.length <= MAX_ID_RUNS) {
    for (const run of runs) {
      const values = [];
      for (let r = 0; r < run.count; r++)
        values.push([text(run.first + r - block.first, ids.get(run.first + r) as string)]);
      sheet.getRange(run.first, col, run.count, 1).setValues(values);
    }
  } else {
    const formulas = range.getFormulas();
    const written = new Set(targets);
    const out: CellValue[][] = now.map((line, r) => {
      const row = block.first + r;
      if (written.has(row)) return [text(r, ids.get(row) as string)];
      if (formulas[r][0] !== '') return [formulas[r][0]];
      const cell = line[0];
      return [typeof cell === 'string' ? text(r, cell) : cell];
    });
    range.setValues(out);
  }
  return new Set(targets);
}
