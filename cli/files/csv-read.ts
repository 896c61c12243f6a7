import { parse } from 'csv-parse/sync';
import { PlanFormatError, type CellValue } from '../../shared/index.js';
import { errorReason, fileError, planFormatError } from '../errors.js';
import { decodeCsv, looksBinary, sniffDelimiter, sniffEol, type CsvDialect } from './csv-text.js';
import { tableFromGrid, type Grid } from './grid.js';
import type { PlanFile } from './read.js';
import { readBytes, sniff } from './probe.js';

/** A CSV file parsed: every record as text (row n of a spreadsheet is records[n - 1]) and how it was written. */
export interface CsvDocument {
  records: string[][];
  dialect: CsvDialect;
  /** The text ends with a line ending. */
  finalEol: boolean;
}

export async function readCsvDocument(path: string): Promise<CsvDocument> {
  const bytes = await readBytes(path);
  const kind = sniff(bytes);
  if (kind === 'zip') throw fileError(path, 'this is an .xlsx workbook, not a CSV file; rename it to .xlsx.');
  if (kind || looksBinary(bytes)) {
    throw fileError(path, `not a CSV text file${kind ? ` (it is ${kind})` : ''}. Save the plan as .csv or .xlsx.`);
  }
  const { text, bom, encoding } = decodeCsv(bytes);
  const dialect: CsvDialect = { delimiter: sniffDelimiter(text), eol: sniffEol(text), bom, encoding };
  let records: string[][];
  try {
    records = parse(text, {
      delimiter: dialect.delimiter,
      record_delimiter: ['\r\n', '\n', '\r'],
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
    }) as string[][];
  } catch (error) {
    throw csvSyntaxError(path, error);
  }
  return { records, dialect, finalEol: /[\r\n]$/.test(text) };
}

export async function readCsvPlan(path: string): Promise<PlanFile> {
  const { records, dialect } = await readCsvDocument(path);
  const grid: Grid = records.map((record) => record.map(csvCell));
  try {
    return { path, kind: 'csv', table: { ...tableFromGrid(grid), decimalComma: usesDecimalComma(dialect) } };
  } catch (error) {
    if (error instanceof PlanFormatError) throw planFormatError(path, error);
    throw error;
  }
}

/** Excel separates fields with `;` exactly where the comma is the decimal sign (most of Europe). */
export function usesDecimalComma(dialect: CsvDialect): boolean {
  return dialect.delimiter === ';';
}

function csvCell(text: string): CellValue {
  return text.trim() === '' ? null : text;
}

function csvSyntaxError(path: string, error: unknown): Error {
  const { code, records } = error as { code?: string; records?: number };
  const row = typeof records === 'number' ? records + 1 : undefined;
  if (code === 'CSV_QUOTE_NOT_CLOSED') {
    return fileError(path, 'a quoted field (") starts here and is never closed; add the closing quote.', { row });
  }
  return fileError(path, `not a readable CSV file (${errorReason(error)}).`, { row });
}
