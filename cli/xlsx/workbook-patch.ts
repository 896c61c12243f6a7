import { CellFormats } from './styles.js';
import { PackageEdit } from './package-edit.js';
import { resolvePart } from './package-read.js';
import type { CellEdit } from '../write/cell-edit.js';
import { patchSheetXml, type SheetPatch } from './sheet-patch.js';
import { columnLetter } from '../../shared/index.js';
import { decodeXml, elementPattern, escapeXml, formatAttributes, parseAttributes, prefixOf } from './xml.js';

const REL_OFFICE_DOCUMENT = /\/officeDocument$/;
const REL_STYLES = /\/styles$/;
const REL_CALC_CHAIN = /\/calcChain$/;

export interface Relationship {
  id: string;
  type: string;
  /** Path inside the package, without a leading slash. */
  path: string;
  raw: string;
}

/**
 * Writes cells into one sheet of an .xlsx package and returns the new package. Only the sheet's
 * edited rows change, plus, when needed, an added percent format in the styles, the calculation
 * chain dropped (it lists cells whose formula was replaced) and "recalculate on open" set so
 * formulas elsewhere that read the written cells are brought up to date by the spreadsheet.
 * `also` makes more changes to the same package before it is written (the Check-ins sheet).
 * Every part not changed is copied compressed, as it was.
 */
export async function patchWorkbook(
  data: Uint8Array,
  sheetName: string,
  edits: readonly CellEdit[],
  markers: readonly { name: string; col: number }[] = [],
  also?: (pkg: PackageEdit) => Promise<void> | void,
): Promise<{ data: Buffer; sheet: Omit<SheetPatch, 'xml'> }> {
  const { pkg, workbookPath, workbookRelsPath, rels } = await openWorkbook(data);
  let workbookXml = readText(pkg, workbookPath);

  const sheetPath = sheetPathOf(workbookXml, rels, sheetName);
  const stylesRel = rels.find((r) => REL_STYLES.test(r.type));
  const formats = stylesRel && pkg.has(stylesRel.path) ? new CellFormats(readText(pkg, stylesRel.path)) : null;

  const sheet = patchPart(pkg, sheetPath, edits, formats);
  if (formats?.changed && stylesRel) pkg.set(stylesRel.path, formats.toXml());

  if (sheet.removedFormulas > 0) {
    const calcChain = rels.find((r) => REL_CALC_CHAIN.test(r.type));
    if (calcChain) dropPart(pkg, calcChain, workbookRelsPath);
  }
  if (sheet.written > 0) {
    workbookXml = recalculateOnLoad(markColumns(workbookXml, sheetName, markers));
    pkg.set(workbookPath, workbookXml);
  }
  if (also) await also(pkg);
  return { data: pkg.toBuffer(), sheet };
}

/** Patches a sheet part in the package; the sheet's text is let go once it is stored (it may be large). */
function patchPart(
  pkg: PackageEdit,
  sheetPath: string,
  edits: readonly CellEdit[],
  formats: CellFormats | null,
): Omit<SheetPatch, 'xml'> {
  const xml = readText(pkg, sheetPath);
  const { xml: patched, ...counts } = patchSheetXml(xml, edits, formats);
  if (patched !== xml) pkg.set(sheetPath, patched);
  return counts;
}

/** A workbook's bytes with columns marked as Cascade's (a new template's Progress column). */
export async function markOwnedColumns(
  data: Uint8Array,
  sheetName: string,
  markers: readonly { name: string; col: number }[],
): Promise<Buffer> {
  const { pkg, workbookPath } = await openWorkbook(data);
  pkg.set(workbookPath, markColumns(readText(pkg, workbookPath), sheetName, markers));
  return pkg.toBuffer();
}

/** A package opened for editing: its workbook part, the workbook's relationships part and relationships. */
export async function openWorkbook(
  data: Uint8Array | PackageEdit,
): Promise<{ pkg: PackageEdit; workbookPath: string; workbookRelsPath: string; rels: Relationship[] }> {
  const pkg = data instanceof PackageEdit ? data : await PackageEdit.open(data);
  const workbookPath =
    relationships(pkg, '_rels/.rels', '').find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.path ?? 'xl/workbook.xml';
  const workbookDir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const workbookRelsPath = `${workbookDir}_rels/${workbookPath.slice(workbookDir.length)}.rels`;
  return { pkg, workbookPath, workbookRelsPath, rels: relationships(pkg, workbookRelsPath, workbookDir) };
}

export function readText(pkg: PackageEdit, path: string): string {
  const text = pkg.text(path);
  if (text === null) throw new Error(`the workbook has no part ${path}`);
  return text;
}

export function relationships(pkg: PackageEdit, relsPath: string, baseDir: string): Relationship[] {
  const xml = pkg.text(relsPath);
  if (xml === null) return [];
  const p = prefixOf(xml, 'Relationship') ?? '';
  const list: Relationship[] = [];
  for (const match of xml.matchAll(elementPattern(`${p}Relationship`))) {
    const a = parseAttributes(match[1]);
    if (a.get('TargetMode') === 'External') continue;
    list.push({
      id: a.get('Id') ?? '',
      type: a.get('Type') ?? '',
      path: resolvePart(baseDir, a.get('Target') ?? ''),
      raw: match[0],
    });
  }
  return list;
}

export function sheetPathOf(workbookXml: string, rels: Relationship[], sheetName: string): string {
  const p = prefixOf(workbookXml, 'sheet') ?? '';
  for (const match of workbookXml.matchAll(elementPattern(`${p}sheet`))) {
    const a = parseAttributes(match[1]);
    if (a.get('name') !== sheetName) continue;
    const relId = [...a].find(([name]) => name.endsWith(':id'))?.[1];
    const rel = rels.find((r) => r.id === relId);
    if (rel) return rel.path;
  }
  throw new Error(`the workbook has no sheet named "${decodeXml(sheetName)}"`);
}

/** Removes a part, its relationship and its content type. */
function dropPart(pkg: PackageEdit, rel: Relationship, relsPath: string) {
  pkg.remove(rel.path);
  const relsXml = readText(pkg, relsPath);
  pkg.set(relsPath, relsXml.replace(rel.raw, ''));
  const xml = pkg.text('[Content_Types].xml');
  if (xml !== null) {
    const p = prefixOf(xml, 'Override') ?? '';
    pkg.set(
      '[Content_Types].xml',
      xml.replace(elementPattern(`${p}Override`), (whole, attributes: string) =>
        parseAttributes(attributes).get('PartName') === `/${rel.path}` ? '' : whole,
      ),
    );
  }
}

/**
 * Records the columns Cascade owns as hidden defined names (_Cascade_Progress → 'Cascade'!$Q:$Q):
 * spreadsheets keep a name through saves and move its column when columns are inserted.
 */
export function markColumns(xml: string, sheetName: string, markers: readonly { name: string; col: number }[]): string {
  const p = prefixOf(xml, 'workbook') ?? '';
  for (const { name, col } of markers) {
    const letter = columnLetter(col);
    const sheetRef =
      /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !/^[A-Za-z]{1,3}\d+$/.test(sheetName)
        ? sheetName
        : `'${sheetName.replace(/'/g, "''")}'`;
    const element = `<${p}definedName name="${name}" hidden="1">${escapeXml(`${sheetRef}!$${letter}:$${letter}`)}</${p}definedName>`;
    const existing = new RegExp(`<${p}definedName(?=[\\s>])[^>]*\\bname="${name}"[^>]*>[\\s\\S]*?</${p}definedName>`);
    if (existing.test(xml)) {
      xml = xml.replace(existing, element);
    } else if (new RegExp(`<${p}definedNames[\\s>]`).test(xml)) {
      xml = xml.replace(new RegExp(`</${p}definedNames>`), `${element}</${p}definedNames>`);
    } else if (new RegExp(`<${p}definedNames\\s*/>`).test(xml)) {
      xml = xml.replace(new RegExp(`<${p}definedNames\\s*/>`), `<${p}definedNames>${element}</${p}definedNames>`);
    } else {
      const after = new RegExp(`</${p}externalReferences>`).test(xml) ? `</${p}externalReferences>` : `</${p}sheets>`;
      xml = xml.replace(after, `${after}<${p}definedNames>${element}</${p}definedNames>`);
    }
  }
  return xml;
}

/** Sets fullCalcOnLoad in the workbook's calcPr (adding calcPr where the schema puts it). */
function recalculateOnLoad(xml: string): string {
  const p = prefixOf(xml, 'workbook') ?? '';
  const calcPr = elementPattern(`${p}calcPr`, '');
  if (calcPr.test(xml)) {
    return xml.replace(calcPr, (_whole, attributeText: string, body: string | undefined) => {
      const a = parseAttributes(attributeText);
      a.set('fullCalcOnLoad', '1');
      return body === undefined
        ? `<${p}calcPr${formatAttributes(a)}/>`
        : `<${p}calcPr${formatAttributes(a)}>${body}</${p}calcPr>`;
    });
  }
  const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
  const after = [
    'oleSize',
    'customWorkbookViews',
    'pivotCaches',
    'smartTagPr',
    'smartTagTypes',
    'webPublishing',
    'fileRecoveryPr',
    'webPublishObjects',
    'extLst',
  ];
  for (const name of after) {
    const at = new RegExp(`<${p}${name}[\\s/>]`).exec(xml);
    if (at) return xml.slice(0, at.index) + element + xml.slice(at.index);
  }
  return xml.replace(new RegExp(`</${p}workbook>`), `${element}</${p}workbook>`);
}
