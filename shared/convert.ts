// A plan read from a manager's own table, written out as Cascade's canonical plan: ID, Level,
// Parent and Title filled, values as Cascade read them, live Progress formulas, and the columns
// Cascade does not read carried along unchanged at the right. Into a new file or sheet: the
// original is never touched.
import { COLUMNS, mapColumns } from './columns.js';
import { dateFromDay } from './dates.js';
import { fillProgressCells, templateFor, type TemplateSpec } from './template.js';
import type { CellValue, ColumnKey, Day, Parsed, Plan, PlanItem, RawTable } from './types.js';

export interface ConvertOptions {
  /** The table the plan was read from: its columns Cascade does not read are carried along. */
  table?: RawTable;
  /** Live formulas show progress above 100 %. */
  allowOver?: boolean;
}

function parsedNumber(value: Parsed<number>): CellValue {
  return value.state === 'ok' ? value.value : value.state === 'invalid' ? value.text : null;
}

function parsedDay(value: Parsed<Day>): CellValue {
  return value.state === 'ok' ? dateFromDay(value.value) : value.state === 'invalid' ? value.text : null;
}

/** An item's cells in the template's columns: values as Cascade read them, words it did not know as written. */
function canonicalCells(item: PlanItem): Partial<Record<ColumnKey, CellValue>> {
  const current = item.current.state === 'ok' ? item.current.value : item.currentText || null;
  return {
    id: item.id,
    level: item.level ?? item.levelText,
    parent: item.parentId,
    title: item.title,
    owner: item.owner,
    type: item.type ?? item.typeText,
    start: parsedNumber(item.start),
    target: parsedNumber(item.target),
    current,
    unit: item.unit,
    startDate: parsedDay(item.startDate),
    dueDate: parsedDay(item.dueDate),
    review:
      item.review.state === 'ok' ? item.review.value.text : item.review.state === 'invalid' ? item.review.text : null,
    lastCheckIn: parsedDay(item.lastCheckIn),
    status: item.status ?? item.statusText,
    weight: parsedNumber(item.weight),
  };
}

/**
 * The canonical plan of a read plan, as a template (header, formats, dropdowns, live Progress
 * formulas) whose rows are the plan's items in order: every item gets its ID, Level, Parent and
 * Title, also the objectives written beside their key results. With `table`, the columns Cascade
 * did not read (notes, links, budget) follow at the right with their header and cells unchanged.
 */
export function convertPlan(plan: Plan, options: ConvertOptions = {}): TemplateSpec {
  const spec = templateFor(plan.framework.id, { allowOver: options.allowOver });
  const extra = options.table ? unreadColumns(plan, options.table) : [];
  const header = [...spec.header, ...extra.map((col) => extraHeader(plan, options.table!, col))];
  const headerRow = options.table?.headerRow ?? 1;
  const rows: CellValue[][] = plan.items.map((item) => {
    const cells = canonicalCells(item);
    const row: CellValue[] = COLUMNS.map((c) => {
      const value = cells[c.key];
      return value === undefined || value === '' ? null : value;
    });
    const source = item.sharedRow ? undefined : options.table?.rows[item.row - headerRow - 1];
    for (const col of extra) row.push(source?.[col] ?? null);
    return row;
  });
  fillProgressCells({ header, rows }, plan.framework.id, options.allowOver);
  return {
    ...spec,
    header,
    columns: mapColumns(spec.header),
    rows,
    formattedRows: Math.max(spec.formattedRows, rows.length),
  };
}

const COMPUTED = new Set<string>(COLUMNS.filter((c) => c.computed).map((c) => c.key));
function isComputed(key: string): boolean {
  return COMPUTED.has(key);
}

/** A carried column's header; a Progress, Pace or Check column of the person's own is renamed so it is not read as Cascade's. */
function extraHeader(plan: Plan, table: RawTable, col: number): string {
  const text = String(table.header[col] ?? '').trim();
  const computed = Object.entries(plan.columns).some(([key, index]) => index === col && isComputed(key));
  return computed ? `${text} as written` : text;
}

/** Columns of the table Cascade read nothing from, in order (blank headers with no cells left out). */
function unreadColumns(plan: Plan, table: RawTable): number[] {
  const used = new Set<number>([
    ...(plan.reading?.columns ?? []).filter((c) => !isComputed(c.key)).map((c) => c.index),
    ...(plan.reading?.levelColumns ?? []).map((c) => c.index),
  ]);
  for (const [key, index] of Object.entries(plan.columns)) if (index !== undefined && !isComputed(key)) used.add(index);
  let width = table.header.length;
  for (const row of table.rows) width = Math.max(width, row.length);
  const out: number[] = [];
  for (let col = 0; col < width; col++) {
    if (used.has(col)) continue;
    const named =
      typeof table.header[col] === 'string'
        ? (table.header[col] as string).trim() !== ''
        : table.header[col] !== null && table.header[col] !== undefined;
    if (named || table.rows.some((row) => row[col] !== null && row[col] !== undefined && row[col] !== ''))
      out.push(col);
  }
  return out;
}
