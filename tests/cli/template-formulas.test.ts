// The live Progress formulas of a generated template, evaluated by a real formula engine
// (HyperFormula) and compared with the core's progress on a grid of cases.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { HyperFormula, type RawCellContent } from 'hyperformula';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { measureProgress, serialFromDay, dayFromDate, type CellValue } from '../../shared/index.js';
import { cascade, json, tempDir } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

const SHEET = 'Cascade';

/** Every cell of the plan sheet as HyperFormula content: formulas as "=…", dates as serial numbers. */
async function sheetContent(path: string): Promise<RawCellContent[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(SHEET)!;
  const rows: RawCellContent[][] = [];
  sheet.eachRow({ includeEmpty: true }, (row, r) => {
    const cells: RawCellContent[] = [];
    row.eachCell({ includeEmpty: true }, (cell, c) => {
      const value = cell.value;
      if (cell.formula) cells[c - 1] = `=${cell.formula}`;
      else if (value instanceof Date) cells[c - 1] = serialFromDay(dayFromDate(value));
      else if (value === null || value === undefined) cells[c - 1] = null;
      else cells[c - 1] = value as RawCellContent;
    });
    rows[r - 1] = cells;
  });
  return Array.from(rows, (row) => Array.from(row ?? [], (cell) => cell ?? null));
}

function engine(content: RawCellContent[][]) {
  const hf = HyperFormula.buildFromSheets({ [SHEET]: content }, { licenseKey: 'gpl-v3', precisionRounding: 14 });
  return { hf, sheet: hf.getSheetId(SHEET)! };
}

/** A formula's "" is the core's null (no progress). */
function asProgress(value: unknown): number | null | string {
  if (value === '' || value === null) return null;
  if (typeof value === 'number') return value;
  return `not a progress: ${JSON.stringify(value)}`;
}

describe.concurrent("the template's live Progress formulas, computed by HyperFormula", () => {
  it.each(['okr', 'project', 'personal'])('%s examples: every formula row equals the core', async (framework) => {
    const file = join(dir, `${framework}.xlsx`);
    expect(
      (await cascade(['template', file, '--framework', framework, '--examples', '--today', '2026-05-01'])).code,
    ).toBe(0);
    const content = await sheetContent(file);
    const header = content[0] as string[];
    const progressCol = header.indexOf('Progress');
    const { hf, sheet } = engine(content);
    const core = json(await cascade(['progress', file, '--format', 'json', '--today', '2026-05-01']));
    let formulas = 0;
    for (const item of core.items) {
      const cell = { sheet, row: item.row - 1, col: progressCol };
      const value = hf.getCellValue(cell);
      if (hf.doesCellHaveFormula(cell)) {
        formulas++;
        expect([item.id, asProgress(value)]).toEqual([item.id, item.progress]);
      } else {
        expect(value).toBeCloseTo(item.progress, 12); // roll-ups written as the core's values
      }
    }
    expect(formulas).toBeGreaterThan(0);
  });

  it('a grid of measures typed into the formatted rows equals measureProgress', async () => {
    const file = join(dir, 'grid.xlsx');
    expect((await cascade(['template', file, '--framework', 'project'])).code).toBe(0);
    const content = await sheetContent(file);
    const header = content[0] as string[];
    const at = (name: string) => header.indexOf(name);
    const [TYPE, START, TARGET, CURRENT, STATUS, LEVEL, PROGRESS] = [
      'Type',
      'Start',
      'Target',
      'Current',
      'Status',
      'Level',
      'Progress',
    ].map(at);
    const formulaRows: number[] = [];
    content.forEach((row, r) => {
      if (r > 0 && typeof row[PROGRESS] === 'string' && (row[PROGRESS] as string).startsWith('=')) formulaRows.push(r);
    });
    expect(formulaRows.length).toBeGreaterThanOrEqual(100);

    const cases: {
      type: CellValue;
      start: CellValue;
      target: CellValue;
      current: CellValue;
      status: CellValue;
      level: CellValue;
    }[] = [];
    for (const type of [null, 'increase', 'decrease', 'at least', 'at most', 'milestone', ' At Least '])
      for (const start of [null, 0, 100])
        for (const target of [null, 0, 10, 50, 100])
          for (const current of [null, 0, 5, 25, 50, 100, 150, 'done', '✓', 'abc'])
            for (const status of [null, 'Done'])
              for (const level of ['Key Result', 'Milestone'])
                cases.push({ type, start, target, current, status, level });

    const mismatches: string[] = [];
    let measured = 0;
    for (let first = 0; first < cases.length; first += formulaRows.length) {
      const chunk = cases.slice(first, first + formulaRows.length);
      const rows = content.map((row) => row.slice());
      chunk.forEach((c, k) => {
        const row = rows[formulaRows[k]];
        row[TYPE] = c.type as RawCellContent;
        row[START] = c.start as RawCellContent;
        row[TARGET] = c.target as RawCellContent;
        row[CURRENT] = c.current as RawCellContent;
        row[STATUS] = c.status as RawCellContent;
        row[LEVEL] = c.level as RawCellContent;
      });
      const { hf, sheet } = engine(rows);
      chunk.forEach((c, k) => {
        const formula = asProgress(hf.getCellValue({ sheet, row: formulaRows[k], col: PROGRESS }));
        const expected = measureProgress(c.start, c.target, c.current, c.type, { status: c.status, level: c.level });
        const same =
          formula === expected ||
          (typeof formula === 'number' && expected !== null && Math.abs(formula - expected) < 1e-12);
        if (!same) mismatches.push(`${JSON.stringify(c)}: formula ${formula}, core ${expected}`);
        if (typeof formula === 'number' && formula > 0 && formula < 1) measured++;
      });
      hf.destroy();
    }
    expect(mismatches.slice(0, 10)).toEqual([]);
    expect(cases.length).toBeGreaterThan(4000);
    expect(measured).toBeGreaterThan(50); // partial progress, not only 0, 1 and blanks
  });

  it("the CSV template's formulas, imported as a spreadsheet would, give the same values", async () => {
    const file = join(dir, 'okr.csv');
    expect((await cascade(['template', file, '--framework', 'okr', '--examples', '--today', '2026-05-01'])).code).toBe(
      0,
    );
    const records = parse(await readFile(file, 'utf8'), { bom: true }) as string[][];
    const content = records.map((record) => record.map((text) => (text === '' ? null : text)));
    const { hf, sheet } = engine(content);
    const progressCol = records[0].indexOf('Progress');
    const core = json(await cascade(['progress', file, '--format', 'json', '--today', '2026-05-01']));
    let formulas = 0;
    for (const item of core.items) {
      const cell = { sheet, row: item.row - 1, col: progressCol };
      if (!hf.doesCellHaveFormula(cell)) continue;
      formulas++;
      expect([item.id, asProgress(hf.getCellValue(cell))]).toEqual([item.id, item.progress]);
    }
    expect(formulas).toBeGreaterThan(0);
  });
});
