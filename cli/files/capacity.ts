import { getHeapStatistics } from 'node:v8';
import { fileError } from '../errors.js';

/**
 * Heap a plan row needs while it is read, checked and reported (about 1 KB: the benchmark's
 * 1,000,000-row CSV is linted within a 1 GB heap, at 0.67 GB peak RSS), with room to spare.
 */
const BYTES_PER_ROW = 1000;

/** The most rows this process can hold: Node's heap limit (NODE_OPTIONS=--max-old-space-size) decides. */
export function maxRows(): number {
  return Math.floor((getHeapStatistics().heap_size_limit * 0.85) / BYTES_PER_ROW);
}

/**
 * Refuses, in one line and before memory runs out, a plan larger than the process can hold:
 * V8 would otherwise end the process with a native out-of-memory abort (exit 134).
 */
export function assertFits(path: string, rows: number): void {
  const most = maxRows();
  if (rows <= most) return;
  const needMb = Math.ceil((rows * BYTES_PER_ROW) / 0.85 / 1048576 / 1024) * 1024;
  throw fileError(
    path,
    `the plan has about ${rows.toLocaleString('en-US')} rows, more than cascade can hold in the memory Node gives it here ` +
      `(about ${most.toLocaleString('en-US')} rows). Split the plan into smaller files, or give Node more memory: ` +
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
