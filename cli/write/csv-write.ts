import { stringify } from 'csv-stringify/sync';
import { readCsvDocument, usesDecimalComma, type CsvDocument } from '../files/csv-read.js';
import { encodeCsv, type CsvDialect } from '../files/csv-text.js';
import type { CellEdit } from './cell-edit.js';

export interface CsvEditResult {
  data: Buffer;
  written: number;
  keptFormulas: number;
}

/**
 * A CSV file with cells changed and everything else as it was: every row (blank ones too), every
 * column, the delimiter, line ending, encoding and byte order mark. A cell holding a formula
 * (text starting with "=", as Google Sheets imports it) is kept when the edit says so.
 */
export async function editCsvFile(path: string, edits: readonly CellEdit[]): Promise<CsvEditResult> {
  const document = await readCsvDocument(path);
  return editCsv(document, edits);
}

export function editCsv(document: CsvDocument, edits: readonly CellEdit[]): CsvEditResult {
  const records = document.records;
  let written = 0;
  let keptFormulas = 0;
  for (const edit of edits) {
    const record = records[edit.row - 1] ?? (records[edit.row - 1] = []);
    const current = record[edit.col] ?? '';
    if (edit.onFormula === 'skip' && current.trim().startsWith('=')) {
      keptFormulas++;
      continue;
    }
    for (let i = record.length; i < edit.col; i++) record[i] = '';
    const text = csvText(edit, usesDecimalComma(document.dialect));
    if (text !== current) written++;
    record[edit.col] = text;
  }
  for (let i = 0; i < records.length; i++) records[i] ??= [];
  return { data: serialise(records, document), written, keptFormulas };
}

/**
 * 0.5 → "50%", 0.66667 → "66.67%" ("66,67%" with a decimal comma): what a spreadsheet reads back
 * as a percent.
 */
export function csvText(edit: Pick<CellEdit, 'value' | 'percent'>, decimalComma = false): string {
  const { value } = edit;
  if (value === null) return '';
  if (typeof value === 'string') return value;
  const text = edit.percent ? `${Number((value * 100).toFixed(2))}%` : String(value);
  return decimalComma ? text.replace('.', ',') : text;
}

export function serialise(records: string[][], document: { dialect: CsvDialect; finalEol: boolean }): Buffer {
  const { dialect } = document;
  let text = stringify(records, { delimiter: dialect.delimiter, record_delimiter: dialect.eol, quoted_match: /[\r\n]/ });
  if (!document.finalEol && text.endsWith(dialect.eol)) text = text.slice(0, -dialect.eol.length);
  return encodeCsv(text, dialect);
}
