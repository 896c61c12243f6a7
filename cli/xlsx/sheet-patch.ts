import { columnLetter } from '../../shared/index.js';
import { shiftFormula } from './formula-shift.js';
import { keepsFormula, type CellEdit } from '../write/cell-edit.js';
import type { CellFormats } from './styles.js';
import { decodeXstring, encodeXstring } from './xstring.js';
import {
  columnIndex,
  decodeCellRef,
  decodeXml,
  elementPattern,
  escapeXml,
  formatAttributes,
  parseAttributes,
  prefixOf,
  type Attributes,
} from './xml.js';

export interface SheetPatch {
  xml: string;
  /** Edits applied (cells whose content changed). */
  written: number;
  /** Edits skipped to keep a formula. */
  keptFormulas: number;
  /** Formulas replaced by values (the calculation chain must then be dropped). */
  removedFormulas: number;
}

/** A cell of a row being rebuilt; its attributes are parsed only when it is written. */
class ParsedCell {
  private parsed: Attributes | undefined;

  constructor(
    readonly col: number,
    private readonly attributeText: string,
    /** The cell element as written, or null when it must be rendered again. */
    public raw: string | null,
    public body: string,
  ) {}

  get attributes(): Attributes {
    return (this.parsed ??= parseAttributes(this.attributeText));
  }

  set attributes(value: Attributes) {
    this.parsed = value;
  }
}

const CELL_REF = /\br\s*=\s*"([A-Za-z]{1,3})\d+"/;
const ROW_NUMBER = /\br\s*=\s*"(\d+)"/;

interface SharedGroup {
  row: number;
  col: number;
  formula: string;
  lastRow: number;
}

/**
 * Writes cells into a worksheet part in place: every other row, cell, formula and attribute is
 * kept byte for byte. A formula shared from a cell that is replaced is first written out into
 * each cell that shared it, so no formula is lost.
 */
export function patchSheetXml(xml: string, edits: readonly CellEdit[], formats: CellFormats | null): SheetPatch {
  const p = prefixOf(xml, 'sheetData');
  if (p === null) throw new Error('the worksheet has no sheetData element');
  const result: SheetPatch = { xml, written: 0, keptFormulas: 0, removedFormulas: 0 };
  if (edits.length === 0) return result;

  const byRow = new Map<number, CellEdit[]>();
  for (const edit of edits) {
    const list = byRow.get(edit.row) ?? byRow.set(edit.row, []).get(edit.row)!;
    list.push(edit);
  }
  const pendingRows = [...byRow.keys()].sort((a, b) => a - b);
  let nextPending = 0;

  // Everything the patcher reads outside the rows (cols, dimension) comes before sheetData: the
  // rest of a large sheet is never scanned by a regular expression.
  const start = new RegExp(`<${p}sheetData(?=[\\s/>])([^>]*?)(/?)>`).exec(xml)!;
  const head = xml.slice(0, start.index);
  const bodyStart = start.index + start[0].length;
  const closing = start[2] === '/' ? -1 : xml.lastIndexOf(`</${p}sheetData>`);
  if (start[2] !== '/' && closing < bodyStart) throw new Error('the worksheet has no end of sheetData');
  const body = closing < 0 ? '' : xml.slice(bodyStart, closing);
  const rest = closing < 0 ? xml.slice(bodyStart) : xml.slice(closing + `</${p}sheetData>`.length);

  const columnFormats = parseColumnFormats(head, p);
  const groups = new Map<string, SharedGroup>();
  let groupsEnd = 0;

  let out = '';
  let last = 0;
  let implicitRow = 0;
  const ctx: RowContext = { formats, columnFormats, groups, result, p };

  const emitNewRowsBefore = (rowNumber: number) => {
    while (nextPending < pendingRows.length && pendingRows[nextPending] < rowNumber) {
      const number = pendingRows[nextPending++];
      out += buildRow(p, new Map([['r', String(number)]]), [], '', number, byRow.get(number)!, ctx);
    }
  };

  for (const match of body.matchAll(elementPattern(`${p}row`))) {
    const r = ROW_NUMBER.exec(match[1]);
    const rowNumber = r ? Number(r[1]) : implicitRow + 1;
    implicitRow = rowNumber;
    if (pendingRows[nextPending] < rowNumber) {
      out += body.slice(last, match.index);
      last = match.index;
      emitNewRowsBefore(rowNumber);
    }
    if (pendingRows[nextPending] === rowNumber) nextPending++;
    const rowEdits = byRow.get(rowNumber);
    if (!rowEdits && rowNumber > groupsEnd) continue;
    const rebuilt = rebuildRow(match[2] ?? '', parseAttributes(match[1]), rowNumber, rowEdits ?? [], ctx);
    for (const group of groups.values()) groupsEnd = Math.max(groupsEnd, group.lastRow);
    out += body.slice(last, match.index) + rebuilt;
    last = match.index + match[0].length;
  }
  out += body.slice(last);
  emitNewRowsBefore(Infinity);

  result.xml = `${widenDimension(head, p, edits)}<${p}sheetData${start[1]}>${out}</${p}sheetData>${rest}`;
  return result;
}

interface RowContext {
  formats: CellFormats | null;
  columnFormats: { min: number; max: number; style: number }[];
  groups: Map<string, SharedGroup>;
  result: SheetPatch;
  p: string;
}

function rebuildRow(
  body: string,
  attributes: Attributes,
  rowNumber: number,
  edits: CellEdit[],
  ctx: RowContext,
): string {
  const { p } = ctx;
  const end = appendPoint(body, edits, ctx);
  if (end >= 0) return buildRow(p, attributes, [], body.slice(end), rowNumber, edits, ctx, body.slice(0, end));
  const cells: ParsedCell[] = [];
  let implicitCol = -1;
  let tailStart = 0;
  for (const match of body.matchAll(elementPattern(`${p}c`))) {
    const ref = CELL_REF.exec(match[1]);
    const col = ref ? columnIndex(ref[1]) : implicitCol + 1;
    implicitCol = col;
    // A cell placed by its order alone gets its reference written, so inserting a cell cannot move it.
    cells.push(new ParsedCell(col, match[1], ref ? match[0] : null, match[2] ?? ''));
    tailStart = match.index + match[0].length;
  }
  const tail = body.slice(tailStart);
  return buildRow(p, attributes, cells, tail, rowNumber, edits, ctx);
}

/**
 * Where new cells go when every edit of a row writes a column right of its last cell (Progress,
 * Pace and Check added to a plan): the end of that last cell, so that the row's cells are kept as
 * they are without being parsed. -1 when the row must be rebuilt cell by cell: an edit lands on or
 * before an existing cell, a cell has no reference, a shared formula is being written out, or a
 * new cell takes its format from a neighbour.
 */
function appendPoint(body: string, edits: readonly CellEdit[], ctx: RowContext): number {
  const { p } = ctx;
  if (ctx.groups.size > 0) return -1;
  const open = `<${p}c`;
  const last = Math.max(body.lastIndexOf(`${open} `), body.lastIndexOf(`${open}>`), body.lastIndexOf(`${open}/`));
  if (last < 0) return -1;
  const cell = elementPattern(`${p}c`, 'y');
  cell.lastIndex = last;
  const match = cell.exec(body);
  const ref = match && CELL_REF.exec(match[1]);
  if (!match || !ref) return -1;
  const lastCol = columnIndex(ref[1]);
  for (const edit of edits) if (edit.col <= lastCol || edit.formatLike !== undefined) return -1;
  if (new RegExp(`<${p}c(?=[\\s/>])(?![^>]*\\br\\s*=)`).test(body)) return -1;
  return last + match[0].length;
}

function buildRow(
  p: string,
  attributes: Attributes,
  cells: ParsedCell[],
  tail: string,
  rowNumber: number,
  edits: CellEdit[],
  ctx: RowContext,
  /** The row's cells kept as they are, before those in `cells` (see appendPoint). */
  kept = '',
): string {
  const byCol = new Map(cells.map((cell) => [cell.col, cell]));
  let added = false;

  // A shared formula whose first cell is about to be replaced: remember it, to write it out below.
  for (const edit of edits) {
    const cell = byCol.get(edit.col);
    const f = cell && formulaOf(cell, p);
    if (!f || keepsFormula(edit, decodeXml(f.text))) continue;
    if (f.attributes.get('t') === 'shared' && f.attributes.has('ref') && f.attributes.has('si')) {
      const range = f.attributes.get('ref')!.split(':');
      const end = decodeCellRef(range[range.length - 1]);
      ctx.groups.set(f.attributes.get('si')!, {
        row: rowNumber,
        col: edit.col,
        formula: decodeXml(f.text),
        lastRow: end?.row ?? rowNumber,
      });
    }
  }
  // Cells that share a formula from a replaced cell get the formula written out.
  if (ctx.groups.size > 0) {
    for (const cell of cells) {
      const f = formulaOf(cell, p);
      const group = f && f.attributes.get('t') === 'shared' ? ctx.groups.get(f.attributes.get('si') ?? '') : undefined;
      if (!f || !group) continue;
      const formula = shiftFormula(group.formula, rowNumber - group.row, cell.col - group.col);
      cell.body = cell.body.replace(f.raw, `<${p}f>${escapeXml(formula)}</${p}f>`);
      cell.raw = null;
      cell.attributes.set('r', `${columnLetter(cell.col)}${rowNumber}`);
    }
  }

  for (const edit of edits) {
    const existing = byCol.get(edit.col);
    const formula = existing && formulaOf(existing, p);
    if (formula) {
      if (keepsFormula(edit, decodeXml(formula.text))) {
        ctx.result.keptFormulas++;
        continue;
      }
      ctx.result.removedFormulas++;
    }
    if (existing && holdsAlready(existing, edit, p)) continue;
    const cell = existing ?? new ParsedCell(edit.col, '', null, '');
    if (!existing) {
      const style = newCellStyle(edit, byCol, attributes, ctx);
      if (style !== undefined) cell.attributes.set('s', String(style));
      cells.push(cell);
      byCol.set(edit.col, cell);
      added = true;
    }
    // A new cell given a value is a change; only an existing cell, or an emptied one, is compared.
    const before = cell.raw ?? (existing || edit.value === null ? renderCell(p, cell, rowNumber) : null);
    writeValue(cell, edit, ctx);
    cell.raw = renderCell(p, cell, rowNumber);
    if (cell.raw !== before) ctx.result.written++;
  }

  cells.sort((a, b) => a.col - b.col);
  if (added) attributes.delete('spans');
  const content = kept + cells.map((cell) => cell.raw ?? renderCell(p, cell, rowNumber)).join('') + tail;
  return `<${p}row${formatAttributes(attributes)}>${content}</${p}row>`;
}

function writeValue(cell: ParsedCell, edit: CellEdit, ctx: RowContext) {
  const { p } = ctx;
  const keep = new Map<string, string>();
  keep.set('r', '');
  const style = cell.attributes.get('s');
  if (style !== undefined) keep.set('s', style);
  if (typeof edit.value === 'number' && edit.percent && ctx.formats) {
    keep.set('s', String(ctx.formats.percentOf(Number(style ?? 0))));
  }
  if (keep.get('s') === '0') keep.delete('s');
  if (edit.value === null) {
    cell.body = '';
  } else if (edit.owned && typeof edit.value === 'number') {
    // Cascade's own value, as a constant formula with its result (see files/ownership.ts).
    const text = numberText(edit.value);
    cell.body = `<${p}f>${text}</${p}f><${p}v>${text}</${p}v>`;
  } else if (edit.owned && typeof edit.value === 'string') {
    keep.set('t', 'str');
    cell.body = `<${p}f>${escapeXml(`"${edit.value.replace(/"/g, '""')}"`)}</${p}f><${p}v>${escapeXml(encodeXstring(edit.value))}</${p}v>`;
  } else if (typeof edit.value === 'number') {
    cell.body = `<${p}v>${numberText(edit.value)}</${p}v>`;
  } else {
    keep.set('t', 'inlineStr');
    const space = /^\s|\s$/.test(edit.value) ? ' xml:space="preserve"' : '';
    cell.body = `<${p}is><${p}t${space}>${escapeXml(encodeXstring(edit.value))}</${p}t></${p}is>`;
  }
  cell.attributes = keep;
}

/**
 * A cell of Cascade's that already says what the edit would write (as another program saved it,
 * with its own attributes): left as it is, so that a run with nothing new changes nothing.
 */
function holdsAlready(cell: ParsedCell, edit: CellEdit, p: string): boolean {
  if (!edit.owned || edit.value === null) return false;
  const f = formulaOf(cell, p);
  const v = elementPattern(`${p}v`, '').exec(cell.body);
  if (!f || !v) return false;
  const expected = typeof edit.value === 'number' ? numberText(edit.value) : `"${edit.value.replace(/"/g, '""')}"`;
  const shown = typeof edit.value === 'number' ? numberText(edit.value) : edit.value;
  return decodeXml(f.text).trim() === expected && decodeXstring(decodeXml(v[2] ?? '')) === shown;
}

function renderCell(p: string, cell: ParsedCell, rowNumber: number): string {
  cell.attributes.set('r', `${columnLetter(cell.col)}${rowNumber}`);
  const attributes = formatAttributes(cell.attributes);
  return cell.body ? `<${p}c${attributes}>${cell.body}</${p}c>` : `<${p}c${attributes}/>`;
}

function formulaOf(cell: ParsedCell, p: string): { raw: string; attributes: Attributes; text: string } | null {
  const match = elementPattern(`${p}f`, '').exec(cell.body);
  return match ? { raw: match[0], attributes: parseAttributes(match[1]), text: match[2] ?? '' } : null;
}

/** The format of a new cell: like a neighbour when asked, else the row's format, else the column's. */
function newCellStyle(
  edit: CellEdit,
  byCol: Map<number, ParsedCell>,
  rowAttributes: Attributes,
  ctx: RowContext,
): number | undefined {
  if (edit.formatLike !== undefined) {
    const like = byCol.get(edit.formatLike)?.attributes.get('s');
    if (like !== undefined) return Number(like);
  }
  if (rowAttributes.get('customFormat') === '1' && rowAttributes.has('s')) return Number(rowAttributes.get('s'));
  const column = ctx.columnFormats.find((c) => edit.col + 1 >= c.min && edit.col + 1 <= c.max);
  return column?.style;
}

function parseColumnFormats(xml: string, p: string): { min: number; max: number; style: number }[] {
  const cols = elementPattern(`${p}cols`, '').exec(xml);
  if (!cols?.[2]) return [];
  const list = [];
  for (const match of cols[2].matchAll(elementPattern(`${p}col`))) {
    const a = parseAttributes(match[1]);
    if (a.has('style'))
      list.push({ min: Number(a.get('min')), max: Number(a.get('max')), style: Number(a.get('style')) });
  }
  return list;
}

/** Grows the sheet's `<dimension ref>` to cover the written cells. */
function widenDimension(xml: string, p: string, edits: readonly CellEdit[]): string {
  return xml.replace(elementPattern(`${p}dimension`, ''), (whole, attributeText: string) => {
    const attributes = parseAttributes(attributeText);
    const [from, to = from] = (attributes.get('ref') ?? '').split(':');
    const start = decodeCellRef(from ?? '');
    const end = decodeCellRef(to ?? '');
    if (!start || !end) return whole;
    let maxCol = end.col;
    let maxRow = end.row;
    for (const edit of edits) {
      maxCol = Math.max(maxCol, edit.col);
      maxRow = Math.max(maxRow, edit.row);
    }
    if (maxCol === end.col && maxRow === end.row) return whole;
    attributes.set('ref', `${columnLetter(start.col)}${start.row}:${columnLetter(maxCol)}${maxRow}`);
    return `<${p}dimension${formatAttributes(attributes)}/>`;
  });
}

/** A number as SpreadsheetML writes it: the shortest text that reads back the same. */
function numberText(value: number): string {
  return Number.isFinite(value) ? String(value) : '0';
}
