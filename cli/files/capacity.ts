import { getHeapStatistics } from 'node:v8';
import { fileError } from '../errors.js';

/**
 * Heap a plan row needs, by what the command keeps of it, with room to spare. Reading, checking
 * and reporting it (lint, report): about 1 KB (the benchmark's 1,000,000-row CSV is linted within
 * a 1 GB heap, at 0.67 GB peak RSS). Progress also keeps each row's roll-up and its table line.
 * A write keeps the file's text and cells, the edits, the check-ins and the new file (progress
 * --write, replan, sync --pull): about 2.6 KB. Convert builds a new file whose every row holds live
 * formulas: about 25 KB into .xlsx. Measured on 150,000- and 30,000-row CSV plans: the heap limit
 * at which each command first finished, times 0.85, divided by the rows.
 */
export const ROW_BYTES = { read: 1000, progress: 1600, write: 3000, convert: 30_000 } as const;

/** What a command does with the plan's rows, which decides how many it can hold. */
export type RowUse = keyof typeof ROW_BYTES;

let bytesPerRow: number = ROW_BYTES.read;

/** Sets, before the plan is read, what the command will do with its rows (read only by default). */
export function holdRowsFor(use: RowUse): void {
  bytesPerRow = ROW_BYTES[use];
}

/** The most rows this process can hold: Node's heap limit (NODE_OPTIONS=--max-old-space-size) decides. */
export function maxRows(): number {
  return Math.floor((heapLimit() * 0.85) / bytesPerRow);
}

/**
 * Refuses, in one line and before memory runs out, a plan larger than the process can hold:
 * V8 would otherwise end the process with a native out-of-memory abort (exit 134).
 */
export function assertFits(path: string, rows: number): void {
  const most = maxRows();
  if (rows <= most) return;
  throw tooLarge(
    path,
    `the plan has about ${rows.toLocaleString('en-US')} rows`,
    rows * bytesPerRow,
    `about ${most.toLocaleString('en-US')} rows`,
  );
}

/**
 * The same for an .xlsx sheet, before it is read, by its rows and by the bytes of its XML and
 * shared strings: the rows alone missed sheets of long texts (a V8 abort, exit 134): openpyxl's
 * 150,000 rows of two unique 80-character texts needed a 224 MB old space, not the 150 MB their
 * rows were given; 10,000 rows of a 5 KB note, 96 MB, not 10. Those figures were taken while each
 * text read was a slice that kept its 128 KB chunk of XML alive; the sheet reader now keeps copies
 * (cli/xlsx/text-table.ts), so counting the XML bytes is a margin, cautious on small heaps. The cells
 * live in V8's old space: its young generation (48 MB of the heap limit) and what the process holds
 * already (the code, the shared strings) are not free for them.
 */
export function assertSheetFits(path: string, size: { rows: number; xmlBytes: number }): void {
  const needed = size.rows * bytesPerRow + size.xmlBytes;
  const oldSpace = heapLimit() - YOUNG_GENERATION;
  if (needed <= oldSpace * 0.85 - getHeapStatistics().used_heap_size) return;
  const what = `the plan's sheet has about ${size.rows.toLocaleString('en-US')} rows (${megabytes(size.xmlBytes)} MB of XML)`;
  throw tooLarge(path, what, needed, `${megabytes(oldSpace)} MB`);
}

/** V8's young generation on 64-bit Node 20 (three 16 MB semi-spaces), counted in its heap limit. */
const YOUNG_GENERATION = 48 * 1048576;

function heapLimit(): number {
  return getHeapStatistics().heap_size_limit;
}

function megabytes(bytes: number): number {
  return Math.round(bytes / 1048576);
}

function tooLarge(path: string, what: string, neededBytes: number, most: string) {
  const needMb = Math.ceil(neededBytes / 0.85 / 1048576 / 1024) * 1024;
  return fileError(
    path,
    `${what}, more than cascade can hold in the memory Node gives it here (${most}). Split the plan into smaller files, or give Node more memory: ` +
      `NODE_OPTIONS=--max-old-space-size=${needMb} cascade …`,
  );
}

/** Lines in a text file's bytes: the rows of a CSV, near enough to size it before reading. */
export function countLines(bytes: Uint8Array): number {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let lines = 0;
  for (let i = buffer.indexOf(10); i >= 0; i = buffer.indexOf(10, i + 1)) lines++;
  return lines;
}
