import { stat } from 'node:fs/promises';
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

/** Like kindOf, but a folder is called a folder whatever its name. */
export async function planKindOf(path: string): Promise<PlanFileKind> {
  try {
    return kindOf(path);
  } catch (error) {
    if (
      await stat(path).then(
        (s) => s.isDirectory(),
        () => false,
      )
    )
      throw fileError(path, 'is a folder, not a plan file.');
    throw error;
  }
}

/** What an archive is, by the parts it holds: null for an Excel workbook. */
export function zipKind(parts: readonly string[]): string | null {
  const has = (name: string) => parts.includes(name);
  if (has('xl/workbook.xml') || parts.some((p) => p.startsWith('xl/'))) return null;
  if (has('content.xml') && has('meta-inf/manifest.xml')) return 'an OpenDocument spreadsheet (.ods)';
  if (has('word/document.xml')) return 'a Word document';
  if (has('ppt/presentation.xml')) return 'a PowerPoint presentation';
  if (parts.some((p) => p.startsWith('index/') && p.endsWith('.iwa'))) return 'an Apple Numbers document';
  return null;
}

/** An OpenDocument file names its kind in its first part, uncompressed, at the very start. */
function openDocumentKind(bytes: Uint8Array): string | null {
  const head = Buffer.from(bytes.subarray(0, 120)).toString('latin1');
  if (head.includes('opendocument.spreadsheet')) return 'an OpenDocument spreadsheet (.ods)';
  if (head.includes('opendocument.text')) return 'an OpenDocument text document (.odt)';
  return null;
}

/**
 * Refuses, saying what the file really is, content that does not fit its extension: an .ods or
 * an image named .xlsx, a workbook named .csv, binary data, a NUL byte in a text file.
 */
export function describeContent(path: string, kind: PlanFileKind, bytes: Uint8Array): void {
  const what = sniff(bytes);
  if (kind === 'xlsx') {
    if (what === 'ole') {
      throw fileError(
        path,
        'this is an old-format (.xls) or password-protected workbook; save it as an .xlsx workbook without a password.',
      );
    }
    if (what === 'zip') {
      const odf = openDocumentKind(bytes);
      if (odf)
        throw fileError(
          path,
          `this is ${odf}, not an Excel workbook; save it as .xlsx (LibreOffice: File › Save As › Excel 2007-365).`,
        );
      return;
    }
    if (bytes.length === 0) throw fileError(path, 'the file is empty (0 bytes), not an Excel workbook.');
    const text = what
      ? `it is ${what}`
      : looksLikeText(bytes)
        ? 'it is plain text (a CSV file? then rename it to .csv)'
        : 'it is not a zip archive';
    throw fileError(path, `not an Excel workbook: ${text}. Save the plan as .xlsx, or use a .csv file.`);
  }
  if (what === 'zip') {
    const odf = openDocumentKind(bytes);
    if (odf) throw fileError(path, `this is ${odf}, not a CSV file. Save the plan as .xlsx or .csv.`);
    throw fileError(path, 'this is an .xlsx workbook, not a CSV file; rename it to .xlsx.');
  }
  if (what === 'ole')
    throw fileError(
      path,
      'this is an old-format Excel (.xls) workbook, not a CSV file. Save the plan as .xlsx or .csv.',
    );
  if (what) throw fileError(path, `not a CSV text file (it is ${what}). Save the plan as .csv or .xlsx.`);
}

function looksLikeText(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 4096);
  for (let i = 0; i < end; i++) if (bytes[i] === 0) return false;
  return true;
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
