import { dayFromDate, isoFromDay, type CellValue, type TemplateSpec } from '../../shared/index.js';
import { csvText, serialise } from './csv-write.js';

/**
 * The template as CSV (UTF-8 with a byte order mark, so Excel reads accents and emoji): the header
 * and the example rows, dates as ISO text and the live Progress formulas as text, which Google
 * Sheets turns into formulas on import. Dropdowns and formats need .xlsx.
 */
export function templateCsv(spec: TemplateSpec): Buffer {
  const percent = new Set(spec.percentColumns.map((key) => spec.columns[key]));
  const records = [
    spec.header,
    ...spec.rows.map((row) => spec.header.map((_, col) => csvCell(row[col] ?? null, percent.has(col)))),
  ];
  return serialise(records, { dialect: { delimiter: ',', eol: '\r\n', bom: true, encoding: 'utf-8' }, finalEol: true });
}

function csvCell(value: CellValue, percent: boolean): string {
  if (value === null) return '';
  if (typeof value === 'number' && percent) return csvText({ value, percent });
  if (value instanceof Date) return isoFromDay(dayFromDate(value));
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
