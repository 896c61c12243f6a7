import { PackageError, normalisePart, partFolder, relsPartOf, resolvePart, type XlsxPackage } from './package-read.js';
import { streamPart } from './xml-stream.js';
import { decodeXstring } from './xstring.js';

export interface Relationship {
  id: string;
  type: string;
  /** Part name inside the package (no leading slash). */
  part: string;
}

export interface SheetEntry {
  name: string;
  /** Part name of the worksheet, or null when it is a chart sheet or its part is missing. */
  part: string | null;
  hidden: boolean;
}

export interface DefinedName {
  name: string;
  /** The sheet it is local to (0-based position), if any. */
  localSheet?: number;
  hidden: boolean;
  formula: string;
}

/** The workbook part read: its sheets in order, its defined names, its date system and where its other parts are. */
export interface WorkbookInfo {
  workbookPart: string;
  sheets: SheetEntry[];
  definedNames: DefinedName[];
  /** Dates count from 1904-01-01 (old Mac Excel, Numbers) instead of 1899-12-30. */
  date1904: boolean;
  sharedStringsPart: string | null;
  stylesPart: string | null;
}

const TYPE_OFFICE_DOCUMENT = /\/officeDocument$/;
const TYPE_WORKSHEET = /\/worksheet$/;
const TYPE_SHARED_STRINGS = /\/sharedStrings$/;
const TYPE_STYLES = /\/styles$/;

export async function readRelationships(pkg: XlsxPackage, sourcePart: string): Promise<Relationship[]> {
  const relsPart = sourcePart === '' ? '_rels/.rels' : relsPartOf(sourcePart);
  if (!pkg.has(relsPart)) return [];
  const list: Relationship[] = [];
  const base = partFolder(sourcePart);
  await streamPart(pkg, relsPart, {
    open(name, a) {
      if (name !== 'Relationship' || a.get('TargetMode') === 'External') return;
      list.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', part: resolvePart(base, a.get('Target') ?? '') });
    },
    close() {},
    text() {},
  });
  return list;
}

export async function readWorkbookInfo(pkg: XlsxPackage): Promise<WorkbookInfo> {
  const root = await readRelationships(pkg, '');
  const workbookPart =
    root.find((r) => TYPE_OFFICE_DOCUMENT.test(r.type))?.part ??
    (pkg.has('xl/workbook.xml') ? 'xl/workbook.xml' : null);
  if (!workbookPart || !pkg.has(workbookPart)) throw new PackageError('it has no workbook part');
  const rels = await readRelationships(pkg, workbookPart);
  const byId = new Map(rels.map((r) => [r.id, r]));
  const sheets: SheetEntry[] = [];
  const definedNames: DefinedName[] = [];
  let date1904 = false;
  let current: DefinedName | null = null;
  // Extensions repeat element names without their prefix: Excel for Mac writes an
  // <x14:workbookPr defaultImageDpi=…/> there, which must not reset the main workbookPr's date1904.
  let inExtensions = 0;
  await streamPart(pkg, workbookPart, {
    open(name, a) {
      if (name === 'extLst') inExtensions++;
      if (inExtensions > 0) return;
      if (name === 'sheet') {
        const relId = a.find((key) => key.endsWith(':id')) ?? '';
        const rel = byId.get(relId);
        const part = rel && TYPE_WORKSHEET.test(rel.type) && pkg.has(rel.part) ? normalisePart(rel.part) : null;
        const state = a.get('state');
        sheets.push({ name: a.get('name') ?? '', part, hidden: state === 'hidden' || state === 'veryHidden' });
      } else if (name === 'workbookPr') {
        date1904 = a.get('date1904') === '1' || a.get('date1904') === 'true';
      } else if (name === 'definedName') {
        current = {
          name: a.get('name') ?? '',
          hidden: a.get('hidden') === '1' || a.get('hidden') === 'true',
          localSheet: a.get('localSheetId') === undefined ? undefined : Number(a.get('localSheetId')),
          formula: '',
        };
      }
    },
    close(name) {
      if (name === 'extLst') inExtensions--;
      if (name === 'definedName' && current) {
        definedNames.push(current);
        current = null;
      }
    },
    text(text) {
      if (current) current.formula += text;
    },
  });
  const partOf = (type: RegExp) => {
    const rel = rels.find((r) => type.test(r.type));
    return rel && pkg.has(rel.part) ? normalisePart(rel.part) : null;
  };
  return {
    workbookPart: normalisePart(workbookPart),
    sheets,
    definedNames,
    date1904,
    sharedStringsPart: partOf(TYPE_SHARED_STRINGS),
    stylesPart: partOf(TYPE_STYLES),
  };
}

/** The shared strings table: each `<si>` as plain text (rich text runs joined, phonetic hints left out). */
export async function readSharedStrings(pkg: XlsxPackage, part: string | null): Promise<string[]> {
  const strings: string[] = [];
  if (!part) return strings;
  let text = '';
  let inT = false;
  let phonetic = 0;
  await streamPart(pkg, part, {
    open(name) {
      if (name === 'si') text = '';
      else if (name === 't') inT = true;
      else if (name === 'rPh') phonetic++;
    },
    close(name) {
      if (name === 'si') strings.push(decodeXstring(text));
      else if (name === 't') inT = false;
      else if (name === 'rPh') phonetic--;
    },
    text(chunk) {
      if (inT && phonetic === 0) text += chunk;
    },
  });
  return strings;
}

/** Built-in number formats that show a date or time (ECMA-376 18.8.30, plus the East Asian ones). */
const BUILTIN_DATE_FORMATS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);

/** For each cell format (cellXfs index): does it show a date? */
export async function readDateStyles(pkg: XlsxPackage, part: string | null): Promise<boolean[]> {
  if (!part) return [];
  const custom = new Map<number, string>();
  const formats: number[] = [];
  let inCellXfs = false;
  await streamPart(pkg, part, {
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(a.get('numFmtId')), a.get('formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) formats.push(Number(a.get('numFmtId') ?? 0));
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text() {},
  });
  return formats.map((id) => (custom.has(id) ? isDateFormat(custom.get(id)!) : BUILTIN_DATE_FORMATS.has(id)));
}

/** A number format code that shows a date: d, m or y outside quotes, escapes and [colour] blocks. */
export function isDateFormat(code: string): boolean {
  const bare = code.replace(/"[^"]*"|\\.|\[[^\]]*\]|_.|\*./g, '');
  return /[dy]|m(?!m?:)/i.test(bare.split(';')[0]) && !/^[#0.,%\s]*$/.test(bare);
}
