import { readFile, stat } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileError } from '../errors.js';

export type PlanFileKind = 'xlsx' | 'csv';

const KIND_BY_EXTENSION: Record<string, PlanFileKind> = { '.xlsx': 'xlsx', '.xlsm': 'xlsx', '.csv': 'csv' };

const ADVICE_BY_EXTENSION: Record<string, string> = {
  '.xls': 'this is the old Excel format; save it as .xlsx (Excel: File › Save As › Excel Workbook)',
  '.ods': 'save it as .xlsx (LibreOffice: File › Save As › Excel 2007-365)',
  '.numbers': 'export it as .xlsx (Numbers: File › Export To › Excel)',
  '.tsv': 'save it as .csv, or open it in a spreadsheet and save it as .xlsx',
  '.txt': 'save it as .csv, or open it in a spreadsheet and save it as .xlsx',
};

/** The kind of plan file a path names, by its extension; a clear error for anything else. */
export function kindOf(path: string): PlanFileKind {
  const extension = extname(path).toLowerCase();
  const kind = KIND_BY_EXTENSION[extension];
  if (kind) return kind;
  const advice = ADVICE_BY_EXTENSION[extension] ?? 'a plan file is an .xlsx workbook or a .csv file';
  const what = extension ? `unsupported file type ${extension}` : 'no file extension';
  throw fileError(path, `${what}: ${advice}.`);
}

/** Checks that the path is a readable file before a parser gets it (clear errors, no stack). */
export async function assertReadableFile(path: string): Promise<void> {
  let info;
  try {
    info = await stat(path);
  } catch (error) {
    throw fileError(path, describeFsError(error, 'cannot read it'));
  }
  if (info.isDirectory()) throw fileError(path, 'is a folder, not a plan file.');
  if (!info.isFile()) throw fileError(path, 'is not a regular file.');
}

/** The whole file, read once; a file that cannot be read is a clear error. */
export async function readBytes(path: string): Promise<Buffer> {
  try {
    return await readFile(path);
  } catch (error) {
    throw fileError(path, describeFsError(error, 'cannot read it'));
  }
}

const SIGNATURES: { bytes: number[]; name: string }[] = [
  { bytes: [0x50, 0x4b, 0x03, 0x04], name: 'zip' },
  { bytes: [0xd0, 0xcf, 0x11, 0xe0], name: 'ole' },
  { bytes: [0x89, 0x50, 0x4e, 0x47], name: 'a PNG image' },
  { bytes: [0xff, 0xd8, 0xff], name: 'a JPEG image' },
  { bytes: [0x47, 0x49, 0x46, 0x38], name: 'a GIF image' },
  { bytes: [0x25, 0x50, 0x44, 0x46], name: 'a PDF document' },
];

/** What the first bytes say the file is: 'zip', 'ole' (old .xls or an encrypted workbook), a description, or null. */
export function sniff(magic: Uint8Array): string | null {
  for (const { bytes, name } of SIGNATURES) {
    if (bytes.every((byte, i) => magic[i] === byte)) return name;
  }
  return null;
}

/** A plain sentence for a Node file-system error ("no such file", "permission denied"). */
export function describeFsError(error: unknown, fallback: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return 'no such file.';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied.';
    case 'EISDIR':
      return 'is a folder, not a plan file.';
    case 'ENOSPC':
      return 'the disk is full.';
    case 'EROFS':
      return 'the file system is read-only.';
    default:
      return `${fallback} (${(error as Error | undefined)?.message ?? String(error)}).`;
  }
}
