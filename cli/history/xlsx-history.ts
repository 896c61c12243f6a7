// The `Check-ins` sheet of an .xlsx workbook: read it, and append rows to it (adding the sheet to
// the package when it is missing). Existing rows are never rewritten: new rows go below the last
// one through the same cell patcher as the plan's cells.
import {
  CHECKIN_HEADER,
  CHECKINS_SHEET,
  checkInCells,
  columnLetter,
  type CheckIn,
  type RawTable,
} from '../../shared/index.js';
import type { CellEdit } from '../write/cell-edit.js';
import { patchSheetXml } from '../xlsx/sheet-patch.js';
import { CellFormats } from '../xlsx/styles.js';
import { openWorkbook, readText, sheetPathOf, type Relationship } from '../xlsx/workbook-patch.js';
import { PackageEdit } from '../xlsx/package-edit.js';
import { decodeCellRef, elementPattern, escapeXml, parseAttributes, prefixOf } from '../xlsx/xml.js';
import { XlsxPackage } from '../xlsx/package-read.js';
import { readSheet } from '../xlsx/sheet-read.js';
import { readDateStyles, readSharedStrings, readWorkbookInfo } from '../xlsx/workbook-read.js';

const REL_STYLES = /\/styles$/;
const REL_WORKSHEET = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet';
const WORKSHEET_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml';
const MAIN_NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL_NS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
/** Column widths of the new sheet (characters): Date, ID, Current, Progress, Status, Note, Who, Change, Before, After. */
const WIDTHS = [11, 10, 10, 9, 11, 40, 24, 9, 28, 28];

interface WorkbookParts {
  pkg: PackageEdit;
  workbookPath: string;
  workbookRelsPath: string;
  rels: Relationship[];
  workbookXml: string;
  /** The Check-ins sheet's part, or null when the workbook has none. */
  sheetPath: string | null;
}

async function openParts(data: Uint8Array | PackageEdit): Promise<WorkbookParts> {
  const { pkg, workbookPath, workbookRelsPath, rels } = await openWorkbook(data);
  const workbookXml = readText(pkg, workbookPath);
  let sheetPath: string | null;
  try {
    sheetPath = sheetPathOf(workbookXml, rels, CHECKINS_SHEET);
  } catch {
    sheetPath = null;
  }
  return { pkg, workbookPath, workbookRelsPath, rels, workbookXml, sheetPath };
}

/**
 * The workbook's Check-ins sheet as a table (header = its first row), or null when it has none:
 * read by the plan's own streaming reader, dates by their cell format and the workbook's date system.
 */
export async function readXlsxHistory(data: Buffer): Promise<RawTable | null> {
  const pkg = await XlsxPackage.open(data);
  const info = await readWorkbookInfo(pkg);
  const part = info.sheets.find((sheet) => sheet.name === CHECKINS_SHEET)?.part;
  if (!part) return null;
  const [sharedStrings, dateStyles] = await Promise.all([
    readSharedStrings(pkg, info.sharedStringsPart),
    readDateStyles(pkg, info.stylesPart),
  ]);
  const { grid } = await readSheet(pkg, part, { sharedStrings, dateStyles, date1904: info.date1904 });
  const [header = [], ...rows] = grid;
  return { header, rows };
}

/** The workbook with the records appended to its Check-ins sheet (see appendXlsxHistoryTo). */
export async function appendXlsxHistory(data: Uint8Array, records: readonly CheckIn[]): Promise<Buffer> {
  const pkg = await PackageEdit.open(data);
  await appendXlsxHistoryTo(pkg, records);
  return pkg.toBuffer();
}

/**
 * Appends the records as rows of the package's Check-ins sheet (created with a header when
 * missing), Progress as a percent. Nothing else in the package changes.
 */
export async function appendXlsxHistoryTo(pkg: PackageEdit, records: readonly CheckIn[]): Promise<void> {
  const parts = await openParts(pkg);
  let sheetPath = parts.sheetPath;
  let xml: string;
  let nextRow: number;
  if (sheetPath === null) {
    sheetPath = addSheet(parts);
    xml = newSheetXml();
    nextRow = 1;
  } else {
    xml = readText(pkg, sheetPath);
    nextRow = lastRowOf(xml) + 1;
  }
  const stylesRel = parts.rels.find((r) => REL_STYLES.test(r.type));
  const formats = stylesRel && pkg.has(stylesRel.path) ? new CellFormats(readText(pkg, stylesRel.path)) : null;
  const p = prefixOf(xml, 'sheetData') ?? '';
  // Rows are rendered a batch at a time, so that a first write of a large plan (a baseline for
  // every row) never holds a cell edit for each of its cells at once.
  const rows: string[] = [];
  let edits: CellEdit[] = [];
  const flush = () => {
    if (edits.length > 0) rows.push(renderRows(edits, formats, p));
    edits = [];
  };
  if (nextRow === 1) {
    CHECKIN_HEADER.forEach((text, col) => edits.push({ row: 1, col, value: text, onFormula: 'skip' }));
    nextRow = 2;
  }
  for (const record of records) {
    const { cells } = checkInCells(record);
    const row = nextRow++;
    cells.forEach((value, col) => {
      if (value !== null && value !== '')
        edits.push({ row, col, value, onFormula: 'skip', percent: col === 3 && typeof value === 'number' });
    });
    if (edits.length >= BATCH_CELLS) flush();
  }
  flush();
  pkg.set(sheetPath, appendRows(xml, rows.join(''), nextRow - 1));
  if (formats?.changed && stylesRel) pkg.set(stylesRel.path, formats.toXml());
}

const BATCH_CELLS = 20_000;

/** Rows for the edits, rendered by the plan's cell patcher on an empty sheet. */
function renderRows(edits: readonly CellEdit[], formats: CellFormats | null, p: string): string {
  const scratch = patchSheetXml(`<${p}worksheet><${p}sheetData/></${p}worksheet>`, edits, formats).xml;
  return scratch.slice(
    scratch.indexOf('>', scratch.indexOf(`<${p}sheetData`)) + 1,
    scratch.lastIndexOf(`</${p}sheetData>`),
  );
}

/**
 * The sheet with rows added after its last one, before </sheetData>: the rows already there are
 * not even parsed, so an append costs the same whatever the size of the history.
 */
function appendRows(xml: string, rows: string, newLast: number): string {
  const p = prefixOf(xml, 'sheetData') ?? '';
  // The start tag of sheetData (and the dimension before it) are near the top: only that head is
  // searched, so an append costs the same whatever the size of the history.
  const start = new RegExp(`<${p}sheetData(?=[\\s/>])([^>]*?)(/?)>`).exec(xml);
  if (!start) throw new Error('the Check-ins sheet has no sheetData element');
  const head = xml
    .slice(0, start.index)
    .replace(
      new RegExp(`(<${p}dimension\\s+ref=")([A-Z]+\\d+)(?::([A-Z]+\\d+))?"`),
      (_, opening: string, from: string, to: string | undefined) => {
        const end = decodeCellRef(to ?? from);
        return `${opening}${from}:${columnLetter(Math.max(end?.col ?? 0, CHECKIN_HEADER.length - 1))}${Math.max(newLast, end?.row ?? 0)}"`;
      },
    );
  const after = xml.slice(start.index + start[0].length);
  if (start[2] === '/') return `${head}<${p}sheetData${start[1]}>${rows}</${p}sheetData>${after}`;
  return head + start[0] + insertBefore(after, `</${p}sheetData>`, rows);
}

function insertBefore(xml: string, marker: string, text: string): string {
  const at = xml.lastIndexOf(marker);
  return xml.slice(0, at) + text + xml.slice(at);
}

/** The last row number of the sheet (0 for an empty sheet), read from its last row element. */
function lastRowOf(xml: string): number {
  const p = prefixOf(xml, 'sheetData') ?? '';
  const at = xml.lastIndexOf(`<${p}row `);
  if (at < 0) return 0;
  const r = /\br\s*=\s*"(\d+)"/.exec(xml.slice(at, xml.indexOf('>', at)));
  if (r) return Number(r[1]);
  // Rows placed by their order alone: count them.
  return [...xml.matchAll(new RegExp(`<${p}row[\\s>/]`, 'g'))].length;
}

function newSheetXml(): string {
  const cols = WIDTHS.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('');
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n` +
    `<worksheet xmlns="${MAIN_NS}" xmlns:r="${REL_NS}">` +
    `<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>` +
    `<sheetFormatPr defaultRowHeight="15"/><cols>${cols}</cols><sheetData/></worksheet>`
  );
}

/** Adds an empty worksheet part named Check-ins after the last sheet; returns its path. */
function addSheet(parts: WorkbookParts): string {
  const { pkg, workbookPath, workbookRelsPath } = parts;
  const dir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  let n = 1;
  while (pkg.has(`${dir}worksheets/sheet${n}.xml`)) n++;
  const target = `worksheets/sheet${n}.xml`;
  const path = dir + target;
  const relIds = new Set(parts.rels.map((r) => r.id));
  let k = parts.rels.length + 1;
  while (relIds.has(`rId${k}`)) k++;
  const relId = `rId${k}`;

  const relsXml =
    pkg.text(workbookRelsPath) ??
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"></Relationships>`;
  const rp = prefixOf(relsXml, 'Relationships') ?? '';
  pkg.set(
    workbookRelsPath,
    relsXml.replace(
      `</${rp}Relationships>`,
      `<${rp}Relationship Id="${relId}" Type="${REL_WORKSHEET}" Target="${target}"/></${rp}Relationships>`,
    ),
  );

  const xml = parts.workbookXml;
  const p = prefixOf(xml, 'workbook') ?? '';
  let sheetId = 1;
  for (const match of xml.matchAll(elementPattern(`${p}sheet`)))
    sheetId = Math.max(sheetId, Number(parseAttributes(match[1]).get('sheetId') ?? 0) + 1);
  // Only a prefix the workbook element declares is in scope here: openpyxl declares it on each
  // <sheet> instead, and borrowing that one leaves an unbound prefix Excel and openpyxl refuse.
  const root = new RegExp(`<${p}workbook(?=[\\s>])[^>]*>`).exec(xml)?.[0] ?? '';
  const rPrefix = /xmlns:(\w+)="http:\/\/schemas\.openxmlformats\.org\/officeDocument\/2006\/relationships"/.exec(
    root,
  )?.[1];
  const idAttribute = rPrefix ? `${rPrefix}:id="${relId}"` : `xmlns:r="${REL_NS}" r:id="${relId}"`;
  const entry = `<${p}sheet name="${escapeXml(CHECKINS_SHEET)}" sheetId="${sheetId}" ${idAttribute}/>`;
  pkg.set(workbookPath, xml.replace(new RegExp(`</${p}sheets>`), `${entry}</${p}sheets>`));

  const types = readText(pkg, '[Content_Types].xml');
  const tp = prefixOf(types, 'Types') ?? '';
  pkg.set(
    '[Content_Types].xml',
    types.replace(`</${tp}Types>`, `<${tp}Override PartName="/${path}" ContentType="${WORKSHEET_TYPE}"/></${tp}Types>`),
  );
  return path;
}
