// CSV text read field by field with each field's place in the text, so that writing back can
// change one field and leave every other byte as it was: its quotes, the delimiter, each line's
// own ending. (csv-parse gives values but not where they are.) Quotes are read as spreadsheets
// write them (RFC 4180), and leniently: a quote inside an unquoted field is text.

export interface CsvField {
  /** The field's value (quotes removed, doubled quotes single). */
  value: string;
  /** Offsets of the field's text in the file's text, quotes included: [start, end). */
  start: number;
  end: number;
  quoted: boolean;
}

export class CsvSyntaxError extends Error {
  constructor(
    message: string,
    readonly row: number,
    readonly column?: number,
  ) {
    super(message);
  }
}

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * Calls `onRecord` for each record (line) of the text: its fields, its 1-based row and where it
 * starts. A record ends at \r\n, \n or \r outside quotes; the text after the last line ending is
 * a record only when it holds something.
 */
export function scanCsv(
  text: string,
  delimiter: string,
  onRecord: (fields: CsvField[], row: number, start: number) => void,
  from = 0,
  row = 1,
  maxRecords = Infinity,
): void {
  const d = delimiter.charCodeAt(0);
  const n = text.length;
  let i = from;
  let records = 0;
  while (i < n && records < maxRecords) {
    const recordStart = i;
    const fields: CsvField[] = [];
    for (;;) {
      const start = i;
      let value: string;
      let quoted = false;
      if (text.charCodeAt(i) === QUOTE) {
        quoted = true;
        let parts = '';
        let j = i + 1;
        for (;;) {
          const q = text.indexOf('"', j);
          if (q < 0)
            throw new CsvSyntaxError(
              'a quoted field (") starts here and is never closed; add the closing quote.',
              row,
              fields.length,
            );
          parts += text.slice(j, q);
          if (text.charCodeAt(q + 1) === QUOTE) {
            parts += '"';
            j = q + 2;
          } else {
            j = q + 1;
            break;
          }
        }
        // Text after the closing quote (lenient): part of the field.
        let k = j;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === CR || c === LF) break;
          k++;
        }
        value = parts + text.slice(j, k);
        i = k;
      } else {
        let k = i;
        while (k < n) {
          const c = text.charCodeAt(k);
          if (c === d || c === CR || c === LF) break;
          k++;
        }
        value = text.slice(i, k);
        i = k;
      }
      fields.push({ value, start, end: i, quoted });
      if (i < n && text.charCodeAt(i) === d) {
        i++;
        continue;
      }
      break;
    }
    if (text.charCodeAt(i) === CR) i += text.charCodeAt(i + 1) === LF ? 2 : 1;
    else if (text.charCodeAt(i) === LF) i++;
    onRecord(fields, row, recordStart);
    row++;
    records++;
  }
}

/** Where the first NUL character is, as a row and 0-based column, or null. */
export function findNul(text: string, delimiter: string): { row: number; column: number } | null {
  const at = text.indexOf('\u0000');
  if (at < 0) return null;
  let found: { row: number; column: number } | null = null;
  try {
    scanCsv(text.slice(0, at + 1), delimiter, (fields, row) => {
      found = { row, column: fields.length - 1 };
    });
  } catch (error) {
    if (error instanceof CsvSyntaxError) return { row: error.row, column: error.column ?? 0 };
  }
  return found;
}
