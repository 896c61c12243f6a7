// Writes a workbook part by part in the layout of Google Sheets' File › Download › .xlsx, as seen in
// real downloads (tests/fixtures/producers/README.md, "Google Sheets"): no docProps and no theme; a
// relationship rId1 to styles and rId2 to shared strings, so the sheets are rId3, rId4, …, whose
// part numbers need not follow the sheets' order; an empty drawing per sheet; the mx/mv/x14
// namespaces; `<sheet state="visible">`, `<definedNames/>`, `<calcPr/>`; no <dimension> and no
// `spans`; every cell styled; numbers as Java prints a double (3.0, 1.7876956E7).
import JSZip from 'jszip';

/** A cell as Google writes it: a text, a number, a date (a serial number with a date format), a formula with its value. */
export type GoogleCell = string | number | Date | null | { formula: string; value: string };

export interface GoogleSheet {
  name: string;
  rows: GoogleCell[][];
  /** The header row frozen (View › Freeze › 1 row). */
  frozenHeader?: boolean;
}

/**
 * Google's date format for a date typed in an en-US sheet. Assumed: no public download shows the
 * numFmt Google writes (README.md says so); any date format code reads the same.
 */
export const GOOGLE_DATE_FORMAT = 'M/d/yyyy';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';
const OFFICE = 'application/vnd.openxmlformats-officedocument';
const NAMESPACES =
  `xmlns="${MAIN}" xmlns:r="${REL}" xmlns:mx="http://schemas.microsoft.com/office/mac/excel/2008/main" ` +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:mv="urn:schemas-microsoft-com:mac:vml" ' +
  'xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main" ' +
  'xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ' +
  'xmlns:xm="http://schemas.microsoft.com/office/excel/2006/main"';

/** Cell styles: 1 is every plain cell's (Google styles them all), 2 a date's. */
const PLAIN = 1;
const DATE = 2;

/** The .xlsx bytes of the sheets, in this order, laid out as Google Sheets' download. */
export async function googleSheetsWorkbook(sheets: GoogleSheet[]): Promise<Buffer> {
  const strings = new SharedStrings();
  // Google numbers its sheet parts in an order of its own: sheet i is written to part ((i + 3) mod n) + 1.
  const partOf = (i: number) => ((i + 3) % sheets.length) + 1;
  const zip = new JSZip();
  const put = (name: string, xml: string) => zip.file(name, XML + xml);

  const sheetParts = sheets.map((_s, i) => `/xl/worksheets/sheet${partOf(i)}.xml`);
  const drawingParts = sheets.map((_s, i) => `/xl/drawings/worksheetdrawing${partOf(i)}.xml`);
  put(
    '[Content_Types].xml',
    `<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default ContentType="application/vnd.openxmlformats-package.relationships+xml" Extension="rels"/>` +
      `<Default ContentType="application/xml" Extension="xml"/>` +
      [...drawingParts]
        .reverse()
        .map((p) => override(`${OFFICE}.drawing+xml`, p))
        .join('') +
      override(`${OFFICE}.spreadsheetml.styles+xml`, '/xl/styles.xml') +
      override(`${OFFICE}.spreadsheetml.sharedStrings+xml`, '/xl/sharedStrings.xml') +
      override(`${OFFICE}.spreadsheetml.sheet.main+xml`, '/xl/workbook.xml') +
      [...sheetParts]
        .reverse()
        .map((p) => override(`${OFFICE}.spreadsheetml.worksheet+xml`, p))
        .join('') +
      `</Types>`,
  );
  put(
    '_rels/.rels',
    `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  );
  // Listed two by two in swapped order, as Google lists them (rId2, rId1, rId4, rId3, …).
  const relations = [
    `<Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>`,
    `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`,
    ...sheets.map(
      (_s, i) => `<Relationship Id="rId${i + 3}" Type="${REL}/worksheet" Target="worksheets/sheet${partOf(i)}.xml"/>`,
    ),
  ];
  const swapped = relations.flatMap((_r, i) => (i % 2 === 1 ? [] : relations.slice(i, i + 2).reverse()));
  put('xl/_rels/workbook.xml.rels', `<Relationships xmlns="${PKG_REL}">${swapped.join('')}</Relationships>`);
  put(
    'xl/workbook.xml',
    `<workbook ${NAMESPACES}><workbookPr/><sheets>` +
      sheets
        .map(
          (sheet, i) => `<sheet state="visible" name="${escape(sheet.name)}" sheetId="${i + 1}" r:id="rId${i + 3}"/>`,
        )
        .join('') +
      `</sheets><definedNames/><calcPr/></workbook>`,
  );

  sheets.forEach((sheet, i) => {
    const n = partOf(i);
    put(`xl/worksheets/sheet${n}.xml`, worksheet(sheet, strings));
    put(
      `xl/worksheets/_rels/sheet${n}.xml.rels`,
      `<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/drawing" Target="../drawings/worksheetdrawing${n}.xml"/></Relationships>`,
    );
    put(
      `xl/drawings/worksheetdrawing${n}.xml`,
      '<xdr:wsDr xmlns:xdr="http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing" ' +
        'xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" ' +
        `xmlns:r="${REL}" xmlns:c="http://schemas.openxmlformats.org/drawingml/2006/chart" ` +
        'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" ' +
        'xmlns:dgm="http://schemas.openxmlformats.org/drawingml/2006/diagram"/>',
    );
  });
  put('xl/styles.xml', STYLES);
  put('xl/sharedStrings.xml', strings.xml());
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}

function override(type: string, part: string): string {
  return `<Override ContentType="${type}" PartName="${part}"/>`;
}

function worksheet(sheet: GoogleSheet, strings: SharedStrings): string {
  const view = sheet.frozenHeader
    ? '<sheetView workbookViewId="0"><pane ySplit="1.0" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView>'
    : '<sheetView workbookViewId="0"/>';
  const rows = sheet.rows
    .map((cells, r) => {
      const written = cells.map((value, c) => cell(`${columnName(c)}${r + 1}`, value, strings)).join('');
      return `<row r="${r + 1}">${written}</row>`;
    })
    .join('');
  return (
    `<worksheet ${NAMESPACES}><sheetViews>${view}</sheetViews>` +
    `<sheetFormatPr customHeight="1" defaultColWidth="14.43" defaultRowHeight="15.75"/>` +
    `<sheetData>${rows}</sheetData><drawing r:id="rId1"/></worksheet>`
  );
}

function cell(ref: string, value: GoogleCell, strings: SharedStrings): string {
  // A blank cell inside the table still carries its style, as Google writes it.
  if (value === null || value === '') return `<c r="${ref}" s="${PLAIN}"/>`;
  if (typeof value === 'number') return `<c r="${ref}" s="${PLAIN}"><v>${javaDouble(value)}</v></c>`;
  if (value instanceof Date) return `<c r="${ref}" s="${DATE}"><v>${javaDouble(serialOf(value))}</v></c>`;
  if (typeof value === 'string') return `<c r="${ref}" s="${PLAIN}" t="s"><v>${strings.index(value)}</v></c>`;
  return `<c r="${ref}" s="${PLAIN}" t="str"><f>${escape(value.formula)}</f><v>${escape(value.value)}</v></c>`;
}

/** A number as Java's Double.toString prints it, as Google's export does: 3.0, 0.25, 1.7876956E7. */
export function javaDouble(n: number): string {
  const size = Math.abs(n);
  if (n === 0 || (size >= 1e-3 && size < 1e7)) return Number.isInteger(n) ? `${n}.0` : String(n);
  const [mantissa, exponent] = n.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${Number(exponent)}`;
}

/** Days since 30 December 1899 (the 1900 date system, as Google writes it). */
function serialOf(date: Date): number {
  return (date.getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

function columnName(index: number): string {
  let name = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

class SharedStrings {
  private readonly indexes = new Map<string, number>();
  private count = 0;

  index(text: string): number {
    this.count++;
    let at = this.indexes.get(text);
    if (at === undefined) this.indexes.set(text, (at = this.indexes.size));
    return at;
  }

  xml(): string {
    const items = [...this.indexes.keys()].map((text) => {
      const space = text !== text.trim() ? ' xml:space="preserve"' : '';
      return `<si><t${space}>${escape(text)}</t></si>`;
    });
    return `<sst xmlns="${MAIN}" count="${this.count}" uniqueCount="${items.length}">${items.join('')}</sst>`;
  }
}

// Google's styles: Arial 10, an empty font 1 that every cell's style uses, no theme colours. The
// numFmt and the date style (2) are the assumed part (GOOGLE_DATE_FORMAT).
const STYLES =
  `<styleSheet xmlns="${MAIN}" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" ` +
  'xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006">' +
  `<numFmts count="1"><numFmt numFmtId="164" formatCode="${GOOGLE_DATE_FORMAT}"/></numFmts>` +
  '<fonts count="2"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/></font><font/></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/></border></borders>' +
  '<cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs>' +
  '<cellXfs count="3">' +
  '<xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment/></xf>' +
  '<xf borderId="0" fillId="0" fontId="1" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment/></xf>' +
  '<xf borderId="0" fillId="0" fontId="1" numFmtId="164" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"><alignment/></xf>' +
  '</cellXfs><cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>';
