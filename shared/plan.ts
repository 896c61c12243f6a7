import { parseCadence } from './cadence.js';
import { COLUMNS, requireColumns } from './columns.js';
import { parseDay } from './dates.js';
import { FRAMEWORKS, inferFramework, levelFromText } from './frameworks.js';
import { parseNumber } from './numbers.js';
import { assertRawTable } from './schema.js';
import { buildTree } from './tree.js';
import type {
  CellValue,
  ColumnKey,
  ColumnMap,
  Framework,
  FrameworkId,
  LevelName,
  MeasureType,
  Plan,
  PlanItem,
  RawTable,
  Status,
} from './types.js';

export interface ReadPlanOptions {
  /** Force the framework; otherwise inferred from the levels used (default okr). */
  framework?: FrameworkId;
}

export const MEASURE_TYPES: readonly MeasureType[] = ['increase', 'decrease', 'at least', 'at most', 'milestone'];
export const STATUSES: readonly Status[] = ['Not started', 'On track', 'At risk', 'Off track', 'Done', 'Paused', 'Dropped'];

const TYPE_BY_TEXT = new Map<string, MeasureType>(MEASURE_TYPES.map((t) => [t, t]));
const STATUS_BY_TEXT = new Map<string, Status>(STATUSES.map((s) => [s.toLowerCase(), s]));

/** Lower case, trimmed, inner spaces collapsed: how a spreadsheet's TRIM and LOWER see text. */
export function normaliseText(text: string): string {
  return text.trim().toLowerCase().replace(/\s+/g, ' ');
}

/** "At Least" → 'at least'; null when blank or not a type (a blank or unknown Type is inferred). */
export function measureTypeFromText(text: string): MeasureType | null {
  return TYPE_BY_TEXT.get(normaliseText(text)) ?? null;
}

/** "on track" → 'On track'; null when blank or not a status. */
export function statusFromText(text: string): Status | null {
  return STATUS_BY_TEXT.get(normaliseText(text)) ?? null;
}

/** A cell as text, trimmed: numbers as written by JavaScript, booleans as TRUE/FALSE, dates as ISO. */
export function cellText(cell: CellValue | undefined): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return Number.isFinite(cell) ? String(cell) : '';
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return String(cell).trim();
}

function isBlankCell(cell: CellValue | undefined): boolean {
  return cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');
}

/** Columns whose content makes a row an item; the computed ones (Progress, Pace, Check) do not. */
const INPUT_KEYS: readonly ColumnKey[] = COLUMNS.filter((c) => !c.computed).map((c) => c.key);

/** Reads one spreadsheet row into a PlanItem. */
export function readItem(cells: readonly CellValue[], columns: ColumnMap, index: number, row: number): PlanItem {
  const at = (key: ColumnKey): CellValue | undefined => {
    const col = columns[key];
    return col === undefined ? undefined : cells[col];
  };
  const levelText = cellText(at('level'));
  const typeText = cellText(at('type'));
  const statusText = cellText(at('status'));
  return {
    index,
    row,
    id: cellText(at('id')),
    level: levelText === '' ? null : levelFromText(levelText),
    levelText,
    parentId: cellText(at('parent')),
    title: cellText(at('title')),
    owner: cellText(at('owner')),
    type: typeText === '' ? null : measureTypeFromText(typeText),
    typeText,
    start: parseNumber(at('start') ?? null),
    target: parseNumber(at('target') ?? null),
    current: parseNumber(at('current') ?? null),
    currentText: cellText(at('current')),
    unit: cellText(at('unit')),
    startDate: parseDay(at('startDate') ?? null),
    dueDate: parseDay(at('dueDate') ?? null),
    review: parseCadence(at('review') ?? null),
    lastCheckIn: parseDay(at('lastCheckIn') ?? null),
    status: statusText === '' ? null : statusFromText(statusText),
    statusText,
    weight: parseNumber(at('weight') ?? null),
  };
}

/** The framework a plan follows: the one given, else the one its levels fit, else OKR. */
export function choosePlanFramework(
  items: readonly PlanItem[],
  given?: FrameworkId,
): { framework: Framework; source: Plan['frameworkSource'] } {
  if (given !== undefined) return { framework: FRAMEWORKS[given], source: 'given' };
  const used = new Set<LevelName>();
  for (const item of items) if (item.level !== null) used.add(item.level);
  const inferred = inferFramework(used);
  return inferred ? { framework: inferred, source: 'inferred' } : { framework: FRAMEWORKS.okr, source: 'default' };
}

/**
 * A raw table → the typed plan with its tree. Throws PlanFormatError when the header lacks a
 * required column; never throws for bad cells (those become findings). Rows whose plan columns
 * are all blank are skipped (a template's empty rows, which hold only formulas, included).
 */
export function readPlan(table: RawTable, options: ReadPlanOptions = {}): Plan {
  assertRawTable(table);
  const headerRow = table.headerRow ?? 1;
  const columns = requireColumns(table.header, headerRow);
  const inputColumns = INPUT_KEYS.map((key) => columns[key]).filter((c): c is number => c !== undefined);
  const items: PlanItem[] = [];
  const rows = table.rows;
  for (let r = 0; r < rows.length; r++) {
    const cells = rows[r] ?? [];
    let blank = true;
    for (let k = 0; k < inputColumns.length; k++) {
      if (!isBlankCell(cells[inputColumns[k]])) {
        blank = false;
        break;
      }
    }
    if (blank) continue;
    items.push(readItem(cells, columns, items.length, headerRow + 1 + r));
  }
  const { framework, source } = choosePlanFramework(items, options.framework);
  return {
    framework,
    frameworkSource: source,
    columns,
    header: table.header.map((cell) => cellText(cell as CellValue)),
    items,
    tree: buildTree(items),
  };
}
