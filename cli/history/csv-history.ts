// NAME.checkins.csv beside a .csv plan: read it, and append rows to its end (created with a header
// when missing). The file is only ever appended to, in the dialect it was written in.
import { appendFile, open, readFile, stat } from 'node:fs/promises';
import {
  CHECKIN_HEADER,
  CHECKIN_PROGRESS_COLUMN,
  checkInCells,
  type CheckIn,
  type RawTable,
} from '../../shared/index.js';
import { describeFsError } from '../files/probe.js';
import { scanCsvFile, usesDecimalComma } from '../files/csv-read.js';
import { decodeCsv, encodeCsv, sniffDelimiter, sniffEol, type CsvDialect } from '../files/csv-text.js';
import { assertWritable, writeFileAtomic } from '../files/atomic.js';
import { fileError } from '../errors.js';
import { csvText, serialise } from '../write/csv-write.js';

const NEW_FILE: CsvDialect = { delimiter: ',', eol: '\r\n', bom: true, encoding: 'utf-8' };

async function exists(path: string): Promise<boolean> {
  return stat(path).then(
    () => true,
    () => false,
  );
}

/** The side file as a table, or null when there is none yet. */
export async function readCsvHistory(path: string): Promise<RawTable | null> {
  if (!(await exists(path))) return null;
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch (error) {
    throw fileError(path, `cannot read the check-ins: ${describeFsError(error, 'read failed')}`);
  }
  const records: string[][] = [];
  scanCsvFile(path, { bytes }, (fields) => records.push(fields.map((field) => field.value)));
  const [header = [], ...rows] = records;
  return { header, rows };
}

/** Appends the records to the side file (creating it with a header); the rows already there are not touched. */
export async function appendCsvHistory(path: string, records: readonly CheckIn[]): Promise<void> {
  if (records.length === 0) return;
  if (!(await exists(path))) {
    await writeFileAtomic(
      path,
      serialise([[...CHECKIN_HEADER], ...rowsOf(records, false)], { dialect: NEW_FILE, finalEol: true }),
      { overwrite: false },
    );
    return;
  }
  await assertWritable(path, await stat(path));
  const { dialect, endsWithEol } = await sniffEnd(path);
  const text = serialise(rowsOf(records, usesDecimalComma(dialect)), {
    dialect: { ...dialect, bom: false },
    finalEol: true,
  });
  const lead = endsWithEol ? Buffer.alloc(0) : encodeCsv(dialect.eol, { ...dialect, bom: false });
  try {
    await appendFile(path, Buffer.concat([lead, text]));
  } catch (error) {
    throw fileError(path, `cannot add the check-ins: ${describeFsError(error, 'write failed')}`);
  }
}

function rowsOf(records: readonly CheckIn[], decimalComma: boolean): string[][] {
  return records.map((record) =>
    checkInCells(record).cells.map((value, col) =>
      csvText({ value, percent: col === CHECKIN_PROGRESS_COLUMN }, decimalComma),
    ),
  );
}

const HEAD_BYTES = 64 * 1024;

/**
 * How the side file is written (delimiter, line ending, encoding) from its first 64 KB, and
 * whether it ends with a line ending: an append reads no more of the file than that.
 */
async function sniffEnd(path: string): Promise<{ dialect: CsvDialect; endsWithEol: boolean }> {
  const handle = await open(path, 'r');
  try {
    const { size } = await handle.stat();
    const head = Buffer.alloc(Math.min(size, HEAD_BYTES));
    await handle.read(head, 0, head.length, 0);
    const tail = Buffer.alloc(Math.min(size, 1));
    await handle.read(tail, 0, tail.length, Math.max(0, size - 1));
    const { text, bom, encoding } = decodeCsv(head);
    return {
      dialect: { delimiter: sniffDelimiter(text), eol: sniffEol(text), bom, encoding },
      endsWithEol: size === 0 || tail[0] === 0x0a || tail[0] === 0x0d,
    };
  } finally {
    await handle.close();
  }
}
