// How large a worksheet is before it is read: the size of its XML (from the zip's directory) and
// its rows (from its <dimension>, else from the rows in its first chunk, which openpyxl's
// write-only mode and Google Sheets' download leave out).
import type { XlsxPackage } from '../xlsx/package-read.js';

export interface SheetSize {
  /** Bytes of the sheet's XML and of the shared strings, unpacked. */
  xmlBytes: number;
  /** Rows of the sheet, near enough to size it before reading. */
  rows: number;
}

const HEAD_BYTES = 256 * 1024;
const DIMENSION = /<(?:[\w.-]+:)?dimension\s+ref="[A-Z]*\d+:[A-Z]*(\d+)"/;
const ROW_START = /<(?:[\w.-]+:)?row[\s>/]/g;
const ROW_END = /<\/(?:[\w.-]+:)?row>|<(?:[\w.-]+:)?row\b[^>]*\/>/g;

/** The sheet's size: its rows from its dimension, else its XML's size divided by the bytes of its first rows. */
export async function sheetSize(pkg: XlsxPackage, part: string, sharedStringsPart: string | null): Promise<SheetSize> {
  const sheetBytes = pkg.size(part);
  const xmlBytes = sheetBytes + (sharedStringsPart ? pkg.size(sharedStringsPart) : 0);
  const chunks: Buffer[] = [];
  let read = 0;
  await pkg.stream(part, (chunk) => {
    chunks.push(chunk);
    read += chunk.length;
    return read < HEAD_BYTES;
  });
  // Latin-1: one character a byte, so positions are byte offsets.
  const head = Buffer.concat(chunks).toString('latin1');
  const dimension = DIMENSION.exec(head);
  if (dimension) return { xmlBytes, rows: Number(dimension[1]) };
  const first = head.search(ROW_START);
  let rows = 0;
  let lastEnd = -1;
  for (const match of head.matchAll(ROW_END)) {
    rows++;
    lastEnd = match.index + match[0].length;
  }
  if (first < 0 || rows === 0) return { xmlBytes, rows: 0 };
  if (read >= sheetBytes) return { xmlBytes, rows };
  return { xmlBytes, rows: Math.round(rows * ((sheetBytes - first) / (lastEnd - first))) };
}
