import type JSZip from 'jszip';
import { CellFormats } from './styles.js';
import { resolvePart } from './package-read.js';
import type { CellEdit } from '../write/cell-edit.js';
import { patchSheetXml, type SheetPatch } from './sheet-patch.js';
import { columnLetter } from '../../shared/index.js';
import { decodeXml, elementPattern, escapeXml, formatAttributes, parseAttributes, prefixOf } from './xml.js';

type Zip = JSZip;

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
 */
export async function patchWorkbook(
  data: Uint8Array,
  sheetName: string,
  edits: readonly CellEdit[],
  markers: readonly { name: string; col: number }[] = [],
): Promise<{ data: Buffer; sheet: SheetPatch }> {
  const { zip, workbookPath, workbookRelsPath, rels } = await openWorkbook(data);
  let workbookXml = await readText(zip, workbookPath);

  const sheetPath = sheetPathOf(workbookXml, rels, sheetName);
  const stylesRel = rels.find((r) => REL_STYLES.test(r.type));
  const formats = stylesRel && zip.file(stylesRel.path) ? new CellFormats(await readText(zip, stylesRel.path)) : null;

  const sheet = patchSheetXml(await readText(zip, sheetPath), edits, formats);
  zip.file(sheetPath, sheet.xml);
  if (formats?.changed && stylesRel) zip.file(stylesRel.path, formats.toXml());

  if (sheet.removedFormulas > 0) {
    const calcChain = rels.find((r) => REL_CALC_CHAIN.test(r.type));
    if (calcChain) await dropPart(zip, calcChain, workbookRelsPath);
  }
  if (sheet.written > 0) {
    workbookXml = recalculateOnLoad(markColumns(workbookXml, sheetName, markers));
    zip.file(workbookPath, workbookXml);
  }
  const out = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
  return { data: out, sheet };
}

/** A workbook's bytes with columns marked as Cascade's (a new template's Progress column). */
export async function markOwnedColumns(data: Uint8Array, sheetName: string, markers: readonly { name: string; col: number }[]): Promise<Buffer> {
  const { zip, workbookPath } = await openWorkbook(data);
  zip.file(workbookPath, markColumns(await readText(zip, workbookPath), sheetName, markers));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE', compressionOptions: { level: 6 } });
}

/** A package opened: its workbook part, the workbook's relationships part and relationships. */
export async function openWorkbook(data: Uint8Array): Promise<{ zip: Zip; workbookPath: string; workbookRelsPath: string; rels: Relationship[] }> {
  const { default: JSZip } = await import('jszip');
  const zip = await JSZip.loadAsync(data);
  const workbookPath = (await relationships(zip, '_rels/.rels', '')).find((r) => REL_OFFICE_DOCUMENT.test(r.type))?.path ?? 'xl/workbook.xml';
  const workbookDir = workbookPath.includes('/') ? workbookPath.slice(0, workbookPath.lastIndexOf('/') + 1) : '';
  const workbookRelsPath = `${workbookDir}_rels/${workbookPath.slice(workbookDir.length)}.rels`;
  return { zip, workbookPath, workbookRelsPath, rels: await relationships(zip, workbookRelsPath, workbookDir) };
}

export async function readText(zip: Zip, path: string): Promise<string> {
  const file = zip.file(path);
  if (!file) throw new Error(`the workbook has no part ${path}`);
  return file.async('string');
}

export async function relationships(zip: Zip, relsPath: string, baseDir: string): Promise<Relationship[]> {
  const file = zip.file(relsPath);
  if (!file) return [];
  const xml = await file.async('string');
  const p = prefixOf(xml, 'Relationship') ?? '';
  const list: Relationship[] = [];
  for (const match of xml.matchAll(elementPattern(`${p}Relationship`))) {
    const a = parseAttributes(match[1]);
    if (a.get('TargetMode') === 'External') continue;
    list.push({ id: a.get('Id') ?? '', type: a.get('Type') ?? '', path: resolvePart(baseDir, a.get('Target') ?? ''), raw: match[0] });
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
async function dropPart(zip: Zip, rel: Relationship, relsPath: string) {
  zip.remove(rel.path);
  const relsXml = await readText(zip, relsPath);
  zip.file(relsPath, relsXml.replace(rel.raw, ''));
  const types = zip.file('[Content_Types].xml');
  if (types) {
    const xml = await types.async('string');
    const p = prefixOf(xml, 'Override') ?? '';
    zip.file(
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
    const sheetRef = /^[A-Za-z_][A-Za-z0-9_.]*$/.test(sheetName) && !/^[A-Za-z]{1,3}\d+$/.test(sheetName) ? sheetName : `'${sheetName.replace(/'/g, "''")}'`;
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
      return body === undefined ? `<${p}calcPr${formatAttributes(a)}/>` : `<${p}calcPr${formatAttributes(a)}>${body}</${p}calcPr>`;
    });
  }
  const element = `<${p}calcPr fullCalcOnLoad="1"/>`;
  const after = ['oleSize', 'customWorkbookViews', 'pivotCaches', 'smartTagPr', 'smartTagTypes', 'webPublishing', 'fileRecoveryPr', 'webPublishObjects', 'extLst'];
  for (const name of after) {
    const at = new RegExp(`<${p}${name}[\\s/>]`).exec(xml);
    if (at) return xml.slice(0, at.index) + element + xml.slice(at.index);
  }
  return xml.replace(new RegExp(`</${p}workbook>`), `${element}</${p}workbook>`);
}
