// How a .csv file is written: its text encoding, delimiter and line ending, so that reading
// understands what spreadsheets save and writing it back keeps the file as it was.

export interface CsvDialect {
  delimiter: string;
  /** The line ending of the first line ('\n' when there is none). */
  eol: string;
  /** The file started with a byte order mark. */
  bom: boolean;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be' | 'windows-1252';
}

const DELIMITERS = [',', ';', '\t', '|'];
const SNIFF_LINES = 10;

/** Text of a CSV file: UTF-8 (with or without BOM), UTF-16 with a BOM, else Windows-1252 (old Excel). */
export function decodeCsv(bytes: Uint8Array): { text: string; bom: boolean; encoding: CsvDialect['encoding'] } {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { text: new TextDecoder('utf-8').decode(bytes.subarray(3)), bom: true, encoding: 'utf-8' };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), bom: true, encoding: 'utf-16le' };
  }
  if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), bom: true, encoding: 'utf-16be' };
  }
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), bom: false, encoding: 'utf-8' };
  } catch {
    return { text: decodeWindows1252(bytes), bom: false, encoding: 'windows-1252' };
  }
}

/**
 * Windows-1252 bytes 0x80–0x9F (€ ‚ ƒ „ … † ‡ ˆ ‰ Š ‹ Œ Ž ‘ ’ “ ” • – — ˜ ™ š › œ ž Ÿ); the five
 * bytes it leaves undefined stay as their control code. Node's TextDecoder('windows-1252') decodes
 * these as ISO-8859-1 control codes, which would turn € into U+0080 and lose it on --write.
 */
const CP1252_HIGH =
  '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f' +
  '\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';

function decodeWindows1252(bytes: Uint8Array): string {
  let text = '';
  for (let i = 0; i < bytes.length; i += 8192) {
    const chunk = bytes.subarray(i, i + 8192);
    text += String.fromCharCode(
      ...Array.from(chunk, (b) => (b >= 0x80 && b <= 0x9f ? CP1252_HIGH.charCodeAt(b - 0x80) : b)),
    );
  }
  return text;
}

/** Bytes of CSV text in the file's original encoding (Windows-1252 files are written back as UTF-8 with a BOM). */
export function encodeCsv(text: string, dialect: Pick<CsvDialect, 'bom' | 'encoding'>): Buffer {
  switch (dialect.encoding) {
    case 'utf-16le':
      return Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    case 'utf-16be': {
      const le = Buffer.from(text, 'utf16le');
      for (let i = 0; i + 1 < le.length; i += 2) [le[i], le[i + 1]] = [le[i + 1], le[i]];
      return Buffer.concat([Buffer.from([0xfe, 0xff]), le]);
    }
    case 'windows-1252':
      return Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text, 'utf8')]);
    default:
      return Buffer.concat([
        dialect.bom ? Buffer.from([0xef, 0xbb, 0xbf]) : Buffer.alloc(0),
        Buffer.from(text, 'utf8'),
      ]);
  }
}

/** The delimiter used most on the first lines (outside quotes): `,` by default, `;` in many European locales. */
export function sniffDelimiter(text: string): string {
  const counts = new Map(DELIMITERS.map((d) => [d, 0]));
  let inQuotes = false;
  let lines = 0;
  for (let i = 0; i < text.length && lines < SNIFF_LINES; i++) {
    const ch = text[i];
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && (ch === '\n' || ch === '\r')) lines++;
    else if (!inQuotes && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

export function sniffEol(text: string): string {
  const match = /\r\n|\n|\r/.exec(text);
  return match ? match[0] : '\n';
}

/**
 * True when the bytes cannot be text: more than a few control characters (NUL and the like) in
 * their first 8 KB, in a file without a UTF-16 byte order mark. A single stray NUL in a text file
 * is not this: it is reported where it is.
 */
export function looksBinary(bytes: Uint8Array): boolean {
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) return false;
  const end = Math.min(bytes.length, 8192);
  let control = 0;
  for (let i = 0; i < end; i++) if (bytes[i] < 9 || (bytes[i] > 13 && bytes[i] < 32)) control++;
  return control > Math.max(1, end / 100);
}
