// onEdit: the edited rows and their parents get the Check text a full check would give them,
// with a bounded read (never the whole sheet for a one-cell edit) and constant calls.
import { describe, expect, test } from 'vitest';
import type { CellValue, RawTable } from '../../shared/index.js';
import { loadBundle } from './harness.js';
import type { Loaded } from './harness.js';
import { FakeRange, FakeSheet } from './fake/sheets.js';
import { HEADER, bigPlan, col, day, seedPlan, smallPlan } from './plans.js';

const TODAY = '2026-05-01';
const row = (cells: Partial<Record<string, CellValue>>): CellValue[] => HEADER.map((h) => cells[h] ?? null);

function setUp(table: RawTable = smallPlan()): { loaded: Loaded; sheet: FakeSheet; c: (header: string) => number } {
  const loaded = loadBundle({ timeZone: 'Europe/Paris' });
  expect(loaded.api('apiSaveSettings', { today: TODAY, allowOver: false, framework: null, liveCheck: true }).ok).toBe(
    true,
  );
  const sheet = seedPlan(loaded.world, table);
  expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
  const c = (header: string) => {
    const index = table.header.indexOf(header);
    if (index < 0) throw new Error(`No column ${header}`);
    return index + 1;
  };
  return { loaded, sheet, c };
}

const checkColumn = (sheet: FakeSheet, checkCol: number) => {
  const out: unknown[] = [];
  for (let r = 1; r <= sheet.lastRow(); r++) out.push(sheet.cell(r, checkCol));
  return out;
};

/** The Check column as a full check writes it now, on a copy of the sheet in a fresh world. */
function fullCheckColumn(sheet: FakeSheet, checkCol: number): unknown[] {
  const loaded = loadBundle({ timeZone: 'Europe/Paris' });
  loaded.api('apiSaveSettings', { today: TODAY, allowOver: false, framework: null, liveCheck: true });
  const copy = loaded.world.spreadsheet.addSheet('Copy', sheet.maxRows, sheet.maxColumns);
  // The stored cells as they are (dates stay serial numbers with their date format).
  sheet.values.forEach((row, r) => row.forEach((v, c) => copy.put(r, c, v)));
  for (const [k, f] of sheet.formulas) copy.putFormula(Math.floor(k / 20_000), k % 20_000, f);
  for (const [k, f] of sheet.formats) copy.formats.set(k, f);
  loaded.world.spreadsheet.active = copy;
  expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
  return checkColumn(copy, checkCol);
}

describe('live check (onEdit)', () => {
  test('giving a KR an owner clears its "no owner" error at once, and only its family’s Check cells change', () => {
    const { loaded, sheet } = setUp();
    const check = col('Check');
    expect(String(sheet.cell(4, check))).toMatch(/error/);
    const before = checkColumn(sheet, check);
    loaded.edit(sheet, 4, col('Owner'), [['Nina Novak']]);
    expect(loaded.world.warnings).toEqual([]);
    const after = checkColumn(sheet, check);
    expect(after[3]).not.toBe(before[3]);
    expect(after).toEqual(fullCheckColumn(sheet, check));
  });

  test('a new duplicate ID, a changed parent and a cleared row are re-checked like a full check would', () => {
    const { loaded, sheet } = setUp();
    const check = col('Check');
    // Row 7 (O2) takes the ID of row 2 (O1): the later row is the duplicate.
    loaded.edit(sheet, 7, col('ID'), [['O1']]);
    expect(checkColumn(sheet, check)).toEqual(fullCheckColumn(sheet, check));
    expect(String(sheet.cell(7, check))).toMatch(/error/);
    // KR1.2 moves under O1 → under nothing: O1 keeps one KR, KR1.2 becomes an orphan.
    loaded.edit(sheet, 4, col('Parent'), [['']]);
    expect(checkColumn(sheet, check)).toEqual(fullCheckColumn(sheet, check));
    // Renaming O1's ID orphans its children (missing parent); the old ID's rows are re-checked.
    loaded.edit(sheet, 2, col('ID'), [['OBJ-1']]);
    expect(checkColumn(sheet, check)).toEqual(fullCheckColumn(sheet, check));
    // Clearing a row clears its Check cell.
    sheet.range(6, 1, 1, 20).setValues([new Array(20).fill('')]);
    loaded.edit(sheet, 6, col('Title'), [['']]);
    expect(sheet.cell(6, check)).toBe('');
  });

  test('a Title typed in a new row below the plan gets its Check at once', () => {
    const { loaded, sheet } = setUp();
    loaded.edit(sheet, 9, col('Title'), [['Launch the partner program']]);
    expect(String(sheet.cell(9, col('Check')))).toMatch(/error/);
    expect(checkColumn(sheet, col('Check'))).toEqual(fullCheckColumn(sheet, col('Check')));
  });

  test('ignores edits of the header, of the owned columns and of sheets that are not plans', () => {
    const { loaded, sheet } = setUp();
    const before = sheet.snapshot();
    loaded.world.counter.reset();
    loaded.edit(sheet, 3, col('Check'), [['typed over']]);
    expect(sheet.cell(3, col('Check'))).toBe('typed over');
    loaded.edit(sheet, 1, col('Notes'), [['Comments']]);
    expect(loaded.world.counter.count('Range.setValues')).toBe(0);
    const other = loaded.world.spreadsheet.addSheet('Scratch', 20, 5);
    loaded.world.counter.reset();
    loaded.edit(other, 2, 2, [['hello']]);
    // The edited range, the rows above it, the document's properties (a saved mapping could make it a plan).
    expect(loaded.world.counter.serviceCalls).toBeLessThanOrEqual(5);
    expect(loaded.world.counter.count('Range.setValues')).toBe(0);
    expect((sheet.snapshot() as { values: unknown[][] }).values.length).toBe(
      (before as { values: unknown[][] }).values.length,
    );
  });

  test('a paste of more rows than the trigger can check in its 30 s marks them and asks for Check plan', () => {
    const { loaded, sheet, c } = setUp(bigPlan(1_200));
    const check = c('Check');
    const before = checkColumn(sheet, check);
    const owners = Array.from({ length: 600 }, () => ['Lena Park']);
    loaded.world.counter.reset();
    loaded.edit(sheet, 2, c('Owner'), owners);
    // No read of the whole sheet inside the trigger: a header read, the settings, one write.
    expect(loaded.world.counter.count('Sheet.getSheetValues')).toBe(1);
    expect(loaded.world.counter.count('Range.setValues')).toBe(1);
    for (let r = 2; r <= 601; r++)
      expect(sheet.cell(r, check), `row ${r}`).toBe('Not checked: more than 500 rows changed at once. Run Check plan.');
    // Rows outside the paste keep their Check; Check plan then gives every row its summary.
    expect(checkColumn(sheet, check).slice(601)).toEqual(before.slice(601));
    expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
    expect(checkColumn(sheet, check)).toEqual(fullCheckColumn(sheet, check));
    expect(String(sheet.cell(2, check))).not.toMatch(/Not checked/);
  });

  test("within a simple trigger's 30 s: waits at most 5 s for the lock, marks what it could not re-check, never throws", () => {
    const { loaded, sheet, c } = setUp(bigPlan(1_200));
    const lock = loaded.world.lock;
    const check = c('Check');
    lock.waits.length = 0;
    loaded.edit(sheet, 3, c('Owner'), [['Lena Park']]);
    loaded.edit(
      sheet,
      2,
      c('Owner'),
      Array.from({ length: 300 }, () => ['Lena Park']),
    );
    expect(lock.waits).toHaveLength(2);
    for (const wait of lock.waits) expect(wait).toBeLessThanOrEqual(5_000);

    // Someone else writes for 3 s: the live check waits it out and re-checks.
    lock.heldByOtherMs = 3_000;
    lock.waitedMs = 0;
    loaded.edit(sheet, 4, c('Owner'), [['']]);
    expect(lock.waitedMs).toBe(3_000);
    expect(String(sheet.cell(4, check))).toMatch(/owner/i);

    // Someone else keeps the lock past 5 s: the edited rows say they were not re-checked (no stale
    // Check left looking current), other rows are untouched, nothing is thrown.
    lock.heldByOtherMs = 60_000;
    lock.waitedMs = 0;
    const checks = checkColumn(sheet, check);
    expect(() => loaded.edit(sheet, 5, c('Owner'), [['Ada']])).not.toThrow();
    expect(lock.waitedMs).toBe(5_000);
    expect(sheet.cell(5, check)).toBe('Not re-checked: Cascade was busy. Run Check plan.');
    const after = checkColumn(sheet, check);
    after[4] = checks[4];
    expect(after).toEqual(checks);
    lock.heldByOtherMs = 0;
    lock.busy = false;
    loaded.edit(sheet, 5, c('Owner'), [['Ada']]);
    expect(String(sheet.cell(5, check))).not.toMatch(/Not re-checked/);

    // A service failing inside the trigger is swallowed too (the next check reports problems).
    const getSheetValues = FakeSheet.prototype.getSheetValues;
    FakeSheet.prototype.getSheetValues = () => {
      throw new Error('Service Spreadsheets timed out while accessing document with id 1a2b.');
    };
    try {
      expect(() => loaded.edit(sheet, 5, c('Owner'), [['Ada']])).not.toThrow();
      expect(() => loaded.run('onEdit', {})).not.toThrow();
      expect(() => loaded.run('onEdit')).not.toThrow();
    } finally {
      FakeSheet.prototype.getSheetValues = getSheetValues;
    }
  });

  test('a one-cell edit in a 10,000-row plan makes the same calls as in 1,000 rows and reads a bounded part of the sheet', () => {
    const measure = (rows: number, row: number) => {
      const { loaded, sheet, c } = setUp(bigPlan(rows));
      // Read sizes: every getValues() of the live check, in cells.
      const read: number[] = [];
      const getValues = FakeRange.prototype.getValues;
      FakeRange.prototype.getValues = function (this: FakeRange) {
        read.push(this.rows * this.cols);
        return getValues.call(this);
      };
      loaded.world.counter.reset();
      try {
        loaded.edit(sheet, row, c('Owner'), [['Omar Haddad']]);
      } finally {
        FakeRange.prototype.getValues = getValues;
      }
      expect(loaded.world.warnings).toEqual([]);
      return {
        calls: loaded.world.counter.summary(),
        cells: read.reduce((a, b) => a + b, 0),
        wholeSheet: sheet.lastRow() * sheet.lastColumn(),
      };
    };
    // The generated plans share their first rows: the same edit has the same family in both.
    const small = measure(1_000, 600);
    const large = measure(10_000, 600);
    expect(large.calls).toEqual(small.calls);
    // 14 before the time zone the sidebar last saw was kept for the live check (checked against the
    // dates read, asked for only when one disagrees).
    expect(Object.values(large.calls).reduce((a, b) => a + b, 0)).toBe(13);
    expect(large.calls['Spreadsheet.getSpreadsheetTimeZone']).toBeUndefined();
    const deep = measure(10_000, 9_000);
    expect(deep.calls).toEqual(large.calls);
    expect(deep.cells).toBeLessThan(3 * 10_060 + 400 * 19 + 10 * 26);
    // The three structure columns of every row, plus a few hundred full rows at most.
    expect(large.cells).toBeLessThan(3 * 10_060 + 400 * 19 + 10 * 26);
    expect(large.cells).toBeLessThan(large.wholeSheet / 4);
  });

  test('a time zone changed since the sidebar saw it: the edited dates are still the days typed', () => {
    const { loaded, sheet, c } = setUp();
    const check = c('Check');
    // File > Settings > Time zone, after the sidebar saved Europe/Paris: date cells keep their days.
    loaded.world.spreadsheet.setSpreadsheetTimeZone('Pacific/Kiritimati');
    loaded.world.counter.reset();
    // Due today: not overdue. Read in the old zone, the day would be the day before, overdue.
    loaded.edit(sheet, 3, c('Due date'), [[TODAY]]);
    expect(loaded.world.warnings).toEqual([]);
    expect(loaded.world.counter.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    expect(String(sheet.cell(3, check))).not.toMatch(/overdue|past/i);
    expect(checkColumn(sheet, check)).toEqual(fullCheckColumn(sheet, check));
  });

  test('a document whose sidebar has not kept the time zone yet: the live check asks for it (14 calls)', () => {
    const { loaded, sheet, c } = setUp(bigPlan(1_000));
    loaded.world.documentProperties.store.delete('cascade.timeZone');
    loaded.world.counter.reset();
    loaded.edit(sheet, 600, c('Owner'), [['Omar Haddad']]);
    expect(loaded.world.warnings).toEqual([]);
    expect(loaded.world.counter.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
    expect(loaded.world.counter.serviceCalls).toBe(14);
  });

  test('a family scattered over the sheet costs a few more calls, as many for 3,000 rows as for 15,000, and is checked right', () => {
    // O1 on row 2, its key results a third, two thirds and all the way down, a duplicate O1 half way.
    const scattered = (rows: number): RawTable => {
      const at = (fraction: number) => Math.round(rows * fraction);
      const family = new Map<number, Partial<Record<string, CellValue>>>([
        [2, { ID: 'O1', Level: 'Objective', Title: 'Win the mid-market with 50 new accounts by Q3', Owner: 'Lena' }],
        [
          at(1 / 3),
          {
            ID: 'KR1',
            Level: 'Key Result',
            Parent: 'O1',
            Title: 'Sign 50 new accounts',
            Owner: 'Tom',
            Start: 0,
            Target: 50,
            Current: 10,
          },
        ],
        [at(1 / 2), { ID: 'O1', Level: 'Objective', Title: 'Same ID further down', Owner: 'Mei' }],
        [
          at(2 / 3),
          {
            ID: 'KR2',
            Level: 'Key Result',
            Parent: 'O1',
            Title: 'Cut churn to 2%',
            Owner: 'Omar',
            Start: 5,
            Target: 2,
            Current: 4,
          },
        ],
        [
          rows,
          {
            ID: 'KR3',
            Level: 'Key Result',
            Parent: 'O1',
            Title: 'Raise NPS to 40',
            Owner: 'Ana',
            Start: 20,
            Target: 40,
            Current: 25,
          },
        ],
      ]);
      const body: CellValue[][] = [];
      for (let row = 2; row <= rows; row++) {
        const cells = family.get(row) ?? {
          ID: `X${row}`,
          Level: 'Objective',
          Title: `Ship ${row} small things by Q4`,
          Owner: 'Kim',
        };
        body.push(HEADER.map((h) => cells[h] ?? null));
      }
      return { header: HEADER, rows: body };
    };
    const measure = (rows: number) => {
      const { loaded, sheet } = setUp(scattered(rows));
      loaded.world.counter.reset();
      loaded.edit(sheet, Math.round(rows / 3), col('Owner'), [['']]);
      expect(loaded.world.warnings).toEqual([]);
      expect(String(sheet.cell(Math.round(rows / 3), col('Check')))).toMatch(/owner/);
      expect(checkColumn(sheet, col('Check'))).toEqual(fullCheckColumn(sheet, col('Check')));
      return loaded.world.counter.summary();
    };
    const small = measure(3_000);
    expect(measure(15_000)).toEqual(small);
    // Rows in three ranges, Check cells in two blocks: the most a live check ever makes.
    expect(small['Sheet.getSheetValues']).toBe(1 + 1 + 3);
    expect(small['Range.setValues']).toBe(2);
    expect(Object.values(small).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(18);
  });

  test('the Check cell of the edited row matches a full check on a large generated plan, edit after edit', () => {
    const { loaded, sheet, c } = setUp(bigPlan(400));
    const check = c('Check');
    const edits: [number, string, unknown][] = [
      [37, 'Owner', 'Sales team'],
      [52, 'Due date', '2027-01-01'],
      [120, 'Parent', 'O1'],
      [200, 'Level', 'Objective'],
      [201, 'Target', 'lots'],
      [300, 'Review', 'yearly'],
    ];
    for (const [row, header, value] of edits) {
      loaded.edit(sheet, row, c(header), [[value]]);
      const full = fullCheckColumn(sheet, check);
      expect(sheet.cell(row, check), `row ${row} after editing ${header}`).toBe(full[row - 1]);
    }
  });

  describe("reads written dates in the whole plan's order, not in the order of the rows it reads", () => {
    // O1 due 2026-06-30 (a date cell), its KR due "06/07/2026"; the date that decides the order sits
    // 100 rows below, among rows the live check does not read.
    const plan = (decider: string[]): RawTable => {
      const rows: CellValue[][] = [
        row({
          ID: 'O1',
          Level: 'Objective',
          Title: 'Win the mid-market with 50 new accounts',
          Owner: 'Lena Park',
          'Due date': day('2026-06-30'),
          Review: 'weekly',
          'Last check-in': day('2026-04-28'),
        }),
        row({
          ID: 'KR1',
          Level: 'Key Result',
          Parent: 'O1',
          Title: 'Sign 50 new mid-market accounts',
          Owner: 'Tom Baker',
          Start: 0,
          Target: 50,
          Current: 20,
          'Due date': '06/07/2026',
          Review: 'weekly',
          'Last check-in': day('2026-04-28'),
        }),
      ];
      for (let k = 0; k < 100; k++) {
        rows.push(
          row({
            ID: `X${k}`,
            Level: 'Objective',
            Title: `Ship small thing ${k} by Q4`,
            Owner: 'Kim',
            'Due date': day('2026-09-30'),
            Review: 'weekly',
            'Last check-in': day('2026-04-28'),
          }),
        );
      }
      decider.forEach((due, k) =>
        rows.push(
          row({
            ID: `D${k}`,
            Level: 'Objective',
            Title: `Close the books ${k}`,
            Owner: 'Kim',
            'Due date': due,
            Review: 'weekly',
            'Last check-in': day('2026-04-28'),
          }),
        ),
      );
      return { header: HEADER, rows };
    };
    const cases: [string, string[], RegExp | null][] = [
      // Day first: KR1 is due July 6, after its objective.
      ['day first (25/12/2026 below)', ['25/12/2026'], /after/i],
      // Mixed: month first, June 7, in time; yet the rows read (KR1 and a 30/06 beside it) say day first.
      ['mixed (12/25/2026 below)', ['12/25/2026'], null],
    ];
    for (const [name, decider, finding] of cases) {
      test(name, () => {
        const table = plan(decider);
        if (finding === null) table.rows[0][col('Start date') - 1] = '30/06/2026'; // a day-first date among the rows read
        const { loaded, sheet } = setUp(table);
        const check = col('Check');
        const full = checkColumn(sheet, check);
        if (finding) expect(String(full[2])).toMatch(finding);
        else expect(String(full[2])).not.toMatch(/after/i);
        loaded.world.counter.reset();
        loaded.edit(sheet, 3, col('Owner'), [['Nina Novak']]);
        expect(loaded.world.warnings).toEqual([]);
        expect(checkColumn(sheet, check)).toEqual(fullCheckColumn(sheet, check));
        // The header, the structure columns, the rows, and the date columns in one range: one read more than usual.
        expect(loaded.world.counter.count('Sheet.getSheetValues')).toBe(4);
        // An edit whose rows hold no such date reads no date column.
        loaded.world.counter.reset();
        loaded.edit(sheet, 50, col('Owner'), [['Nina Novak']]);
        expect(loaded.world.counter.count('Sheet.getSheetValues')).toBe(3);
      });
    }
  });
});
