import type { DataValidation, Workbook, Worksheet } from 'exceljs';
import { columnLetter, type CellValue, type ColumnKey, type TemplateSpec } from '../../shared/index.js';

/**
 * The template as an .xlsx workbook, everything taken from the core's TemplateSpec: one sheet
 * with a styled, frozen, filterable header (a note on each header cell), dropdown lists, date and
 * percent formats, column widths, shaded computed columns, colours by Status and Pace, and the
 * live Progress formula in every formatted row, so the sheet computes progress as people type.
 * `result(row)` gives the cached value of a row's formula where it is known (the core's value).
 */
export async function templateWorkbook(
  spec: TemplateSpec,
  result: (row: number) => number | null = () => null,
): Promise<Workbook> {
  const { default: ExcelJS } = await import('exceljs');
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'Cascade';
  workbook.calcProperties.fullCalcOnLoad = true;
  const frozen = spec.frozenRows;
  const sheet = workbook.addWorksheet(spec.sheetName, {
    views: [
      { state: 'frozen', xSplit: 0, ySplit: frozen, topLeftCell: `A${frozen + 1}`, activeCell: `A${frozen + 1}` },
    ],
  });
  const lastRow = 1 + Math.max(spec.formattedRows, spec.rows.length);
  const range = (col: number) => `${columnLetter(col)}2:${columnLetter(col)}${lastRow}`;

  formatColumns(sheet, spec, lastRow);
  writeHeader(sheet, spec);
  spec.rows.forEach((row, i) => {
    row.forEach((value, col) => {
      // Cascade's own progress values are constant formulas (=0.5), as progress --write writes them.
      const own = col === spec.columns.progress && typeof value === 'number' ? `=${value}` : value;
      if (value !== null && value !== '')
        setCell(sheet, i + 2, col, own, () => (typeof value === 'number' ? value : null));
    });
  });
  const progress = spec.columns.progress;
  if (progress !== undefined) {
    for (let row = 2 + spec.rows.length; row <= lastRow; row++)
      setCell(sheet, row, progress, spec.progressFormula(row), result);
  }

  for (const { column, values, strict } of spec.validations) {
    const col = spec.columns[column];
    if (col === undefined) continue;
    (sheet as WithValidations).dataValidations.add(range(col), {
      type: 'list',
      allowBlank: true,
      formulae: [`"${values.join(',')}"`],
      showErrorMessage: true,
      errorStyle: strict ? 'stop' : 'warning',
      errorTitle: `${spec.header[col]}`,
      error: `Choose one of: ${values.join(', ')}.`,
    });
  }
  for (const { column, equals, background, color } of spec.colours) {
    const col = spec.columns[column];
    if (col === undefined) continue;
    sheet.addConditionalFormatting({
      ref: range(col),
      rules: [
        {
          type: 'cellIs',
          operator: 'equal',
          priority: 1,
          formulae: [`"${equals.replace(/"/g, '""')}"`],
          style: {
            fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(background) } },
            font: { color: { argb: argb(color) } },
          },
        },
      ],
    });
  }
  return workbook;
}

/** exceljs has range validations (one rule for a whole column) but leaves them out of its types. */
type WithValidations = Worksheet & { dataValidations: { add(range: string, validation: DataValidation): void } };

function writeHeader(sheet: Worksheet, spec: TemplateSpec) {
  const { background, color, bold } = spec.headerStyle;
  const header = sheet.getRow(1);
  spec.header.forEach((text, col) => {
    const cell = header.getCell(col + 1);
    cell.value = text;
    cell.numFmt = 'General';
    cell.font = { bold, color: { argb: argb(color) } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(background) } };
    cell.alignment = { vertical: 'middle' };
    const key = keyOf(spec, col);
    const note = key ? spec.notes[key] : undefined;
    if (note) cell.note = note;
  });
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: spec.header.length } };
}

function setCell(sheet: Worksheet, row: number, col: number, value: CellValue, result: (row: number) => number | null) {
  const cell = sheet.getCell(row, col + 1);
  if (typeof value === 'string' && value.startsWith('=')) {
    const cached = result(row);
    cell.value = cached === null ? { formula: value.slice(1) } : { formula: value.slice(1), result: cached };
  } else {
    cell.value = value;
  }
}

/** Widths, number formats and the shading of computed columns, for the column and each formatted cell. */
function formatColumns(sheet: Worksheet, spec: TemplateSpec, lastRow: number) {
  const formatOf = new Map<number, string>();
  for (const key of spec.dateColumns)
    if (spec.columns[key] !== undefined) formatOf.set(spec.columns[key]!, spec.formats.date);
  for (const key of spec.percentColumns)
    if (spec.columns[key] !== undefined) formatOf.set(spec.columns[key]!, spec.formats.percent);
  const shaded = new Set(
    spec.computedColumns.map((key) => spec.columns[key]).filter((c): c is number => c !== undefined),
  );
  const fill = {
    type: 'pattern' as const,
    pattern: 'solid' as const,
    fgColor: { argb: argb(spec.computedStyle.background) },
  };

  spec.header.forEach((_, col) => {
    const column = sheet.getColumn(col + 1);
    const key = keyOf(spec, col);
    const pixels = key ? spec.widths[key] : undefined;
    if (pixels) column.width = Math.max(4, Math.round(((pixels - 5) / 7) * 100) / 100);
    const format = formatOf.get(col);
    if (format) column.numFmt = format;
    if (shaded.has(col)) column.fill = fill;
    if (!format && !shaded.has(col)) return;
    for (let row = 2; row <= lastRow; row++) {
      const cell = sheet.getCell(row, col + 1);
      if (format) cell.numFmt = format;
      if (shaded.has(col)) cell.fill = fill;
    }
  });
}

function keyOf(spec: TemplateSpec, col: number): ColumnKey | undefined {
  return (Object.keys(spec.columns) as ColumnKey[]).find((k) => spec.columns[k] === col);
}

/** "#b7e1cd" or "b7e1cd" → "FFB7E1CD". */
function argb(colour: string): string {
  const hex = colour.replace(/^#/, '').toUpperCase();
  return hex.length === 8 ? hex : `FF${hex.padStart(6, '0')}`;
}
