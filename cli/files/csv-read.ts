import { PlanFormatError, columnLetter, mapColumns, type CellValue } from '../../shared/index.js';
import { fileError, planFormatError } from '../errors.js';
import { assertFits, countLines } from './capacity.js';
import { interner } from './intern.js';
import { CsvSyntaxError, findNul, scanCsv } from './csv-scan.js';
import { decodeCsv, looksBinary, sniffDelimiter, sniffEol, type CsvDialect } from './csv-text.js';
import { tableFromGrid, type Grid } from './grid.js';
import { claimOwnedCells, csvCellOwner } from './ownership.js';
import type { PlanFile } from './read.js';
import type { FileSnapshot } from './snapshot.js';
import { endNote } from './plan-end-note.js';

/** A CSV file's text as read, and how it is written: what writing back needs. */
export interface CsvSource {
  text: string;
  dialect: CsvDialect;
  /** Where each record (row n is index n - 1) starts in the text. */
  recordStarts: number[];
}

/** Excel separates fields with `;` exactly where the comma is the decimal sign (most of Europe). */
export function usesDecimalComma(dialect: CsvDialect): boolean {
  return dialect.delimiter === ';';
}

/**
 * A CSV file's bytes decoded (encoding, delimiter, line ending as written) and scanned record by
 * record; a NUL byte or a syntax error is a file error naming the row. The plan and its check-in
 * history are read through here.
 */
export function scanCsvFile(
  path: string,
  source: { bytes: Uint8Array },
  onRecord: Parameters<typeof scanCsv>[2],
  decoded: () => void = () => {},
): { text: string; dialect: CsvDialect } {
  // The bytes are read through `source` so that `decoded` can let them go before the scan.
  const { text, bom, encoding } = decodeCsv(source.bytes);
  decoded();
  const dialect: CsvDialect = { delimiter: sniffDelimiter(text), eol: sniffEol(text), bom, encoding };
  const nul = findNul(text, dialect.delimiter);
  if (nul) {
    throw fileError(
      path,
      `a NUL byte (a character text files never hold) at row ${nul.row}, column ${columnLetter(nul.column)}: the file is not plain text, or is damaged. Open it in a spreadsheet and save it again as CSV.`,
    );
  }
  try {
    scanCsv(text, dialect.delimiter, onRecord);
  } catch (error) {
    if (error instanceof CsvSyntaxError) throw fileError(path, error.message, { row: error.row });
    throw error;
  }
  return { text, dialect };
}

export function readCsvPlan(snapshot: FileSnapshot): PlanFile {
  const path = snapshot.path;
  if (looksBinary(snapshot.bytes))
    throw fileError(path, 'not a CSV text file (it holds binary data). Save the plan as .csv or .xlsx.');
  assertFits(path, countLines(snapshot.bytes));
  const grid: Grid = [];
  // Cells are slices of the file's text: copies let the text go once the rows are read.
  const intern = interner({ detach: true, maxLength: 64 });
  const recordStarts: number[] = [];
  const widths: number[] = [];
  const { text, dialect } = scanCsvFile(
    path,
    snapshot,
    (fields, row, start) => {
      recordStarts.push(start);
      widths.push(fields.length);
      // A row ends at its last filled cell: the blank Progress, Pace and Check cells most rows end
      // with would cost a million-row plan tens of megabytes (a short row reads as blank cells).
      let width = fields.length;
      while (width > 0 && csvCell(fields[width - 1].value) === null) width--;
      const cells = new Array<CellValue>(width);
      for (let i = 0; i < width; i++) cells[i] = intern(csvCell(fields[i].value));
      grid[row - 1] = cells;
    },
    () => {
      // A CSV's bytes are needed only to decode them: a write edits the text and checks the file on
      // disk by its hash. Let go now, a large file's bytes and its rows are never held together.
      snapshot.bytes = Buffer.alloc(0);
    },
  );
  let table: ReturnType<typeof tableFromGrid>;
  try {
    table = tableFromGrid(grid);
  } catch (error) {
    if (error instanceof PlanFormatError) throw planFormatError(path, error);
    throw error;
  }
  const decimalComma = usesDecimalComma(dialect);
  const columns = mapColumns(table.header);
  const headerRow = table.headerRow ?? 1;
  const owned = claimOwnedCells(table, columns, (key, row, _col, value) =>
    csvCellOwner(typeof value === 'string' ? value : '', { key, columns, row, decimalComma }),
  );
  const { end, ...raw } = table;
  const lastRow = headerRow + raw.rows.length;
  const skipRows = new Map<number, string>();
  const headerWidth = widths[headerRow - 1];
  for (let row = headerRow + 1; row <= lastRow; row++) {
    if (widths[row - 1] > headerWidth) {
      skipRows.set(row, `${widths[row - 1]} fields where the header has ${headerWidth} (a comma too many?)`);
    }
  }
  const warnings = [...skipRows].map(
    ([row, why]) =>
      `${path}, row ${row}: ${why}; its cells may be in the wrong columns, so cascade never writes into this row. Fix the row (quote a text that holds a comma).`,
  );
  let lastColumn = -1;
  for (const cells of grid) for (let c = cells.length - 1; c > lastColumn; c--) if (cells[c] !== null) lastColumn = c;
  return {
    path,
    kind: 'csv',
    table: { ...raw, decimalComma },
    warnings,
    notes: end ? [endNote(path, undefined, end)] : [],
    snapshot,
    csv: { text, dialect, recordStarts },
    layout: {
      lastRow,
      freeColumn: lastColumn + 1,
      owned,
      marked: [],
      protectedSheet: false,
      protectedRanges: [],
      skipRows,
    },
  };
}

function csvCell(text: string): CellValue {
  return text.trim() === '' ? null : text;
}
