import { stringify } from 'csv-stringify/sync';
import { usesDecimalComma, type CsvSource } from '../files/csv-read.js';
import { scanCsv, type CsvField } from '../files/csv-scan.js';
import { encodeCsv, type CsvDialect } from '../files/csv-text.js';
import { keepsFormula, type CellEdit } from './cell-edit.js';

export interface CsvEditResult {
  data: Buffer;
  written: number;
  keptFormulas: number;
}

/**
 * The CSV text with cells changed and every other byte as it was: each field's quotes, the
 * delimiter, each line's own ending, the encoding and byte order mark. A changed field keeps its
 * quotes (and gets them where its new text needs them); an added one is quoted when every field
 * of its record is. A cell holding a formula (text starting
 * with "=", as Google Sheets imports it) is kept when the edit says so.
 */
export function editCsv(source: CsvSource, edits: readonly CellEdit[]): CsvEditResult {
  const { text, dialect, recordStarts } = source;
  const decimalComma = usesDecimalComma(dialect);
  const byRow = new Map<number, CellEdit[]>();
  for (const edit of edits) (byRow.get(edit.row) ?? byRow.set(edit.row, []).get(edit.row)!).push(edit);
  let out = '';
  let last = 0;
  let written = 0;
  let keptFormulas = 0;
  for (const row of [...byRow.keys()].sort((a, b) => a - b)) {
    const start = recordStarts[row - 1];
    if (start === undefined) continue;
    let fields: CsvField[] = [];
    scanCsv(text, dialect.delimiter, (f) => (fields = f), start, row, 1);
    const replacements: { start: number; end: number; text: string }[] = [];
    let width = fields.length;
    const recordEnd = fields[fields.length - 1].end;
    // Fields added at the end of a record that quotes every field (as some tools write) are quoted
    // too; one field quoted because its text needs it ("a; b") is no such style.
    const quoteAdded = fields.every((f) => f.quoted);
    let appended = '';
    for (const edit of [...byRow.get(row)!].sort((a, b) => a.col - b.col)) {
      const field = fields[edit.col];
      const current = field?.value ?? '';
      if (current.trim().startsWith('=') && keepsFormula(edit, current.trim())) {
        keptFormulas++;
        continue;
      }
      const value = csvText(edit, decimalComma);
      if (value === current) continue;
      written++;
      if (field) {
        replacements.push({
          start: field.start,
          end: field.end,
          text: quoteField(value, field.quoted, dialect.delimiter),
        });
      } else {
        while (width < edit.col) {
          appended += dialect.delimiter + (quoteAdded ? '""' : '');
          width++;
        }
        appended += dialect.delimiter + quoteField(value, quoteAdded, dialect.delimiter);
        width++;
      }
    }
    for (const r of replacements) {
      out += text.slice(last, r.start) + r.text;
      last = r.end;
    }
    if (appended) {
      out += text.slice(last, recordEnd) + appended;
      last = recordEnd;
    }
  }
  out += text.slice(last);
  return { data: encodeCsv(out, dialect), written, keptFormulas };
}

/** A field as written: in quotes when it was quoted or its text needs them. */
function quoteField(value: string, quoted: boolean, delimiter: string): string {
  if (!quoted && !value.includes(delimiter) && !/["\r\n]/.test(value)) return value;
  return `"${value.replace(/"/g, '""')}"`;
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
  let text = stringify(records, {
    delimiter: dialect.delimiter,
    record_delimiter: dialect.eol,
    quoted_match: /[\r\n]/,
  });
  if (!document.finalEol && text.endsWith(dialect.eol)) text = text.slice(0, -dialect.eol.length);
  return encodeCsv(text, dialect);
}
