// Update progress through the built bundle: the core's progress and pace written in one batch,
// live formulas kept where they compute the same value, nothing else touched, constant calls.
import { describe, expect, test } from 'vitest';
import { NO_PACE, computeProgress, dayFromIso, readPlan } from '../../shared/index.js';
import type { RawTable } from '../../shared/index.js';
import { loadBundle } from './harness.js';
import type { Loaded } from './harness.js';
import { HEADER, bigPlan, col, exceptColumns, seedPlan, smallPlan } from './plans.js';

const TODAY = '2026-05-01';

function settings(loaded: Loaded, allowOver = false): void {
  expect(loaded.api('apiSaveSettings', { today: TODAY, allowOver, framework: null, liveCheck: true }).ok).toBe(true);
}

/** What the sidebar sends with Update progress: its last state's settings, mappings and time zone. */
function sidebarContext(loaded: Loaded) {
  const state = loaded.api('apiGetState');
  return { settings: state.settings, mappings: state.mappings, timeZone: state.timeZone };
}

function coreProgress(table: RawTable, allowOver = false) {
  return computeProgress(readPlan(table), { today: dayFromIso(TODAY), allowOver });
}

describe('Update progress', () => {
  test('writes the core’s progress and pace into the Progress and Pace columns in one setValues', () => {
    const loaded = loadBundle();
    settings(loaded);
    const table = smallPlan();
    const sheet = seedPlan(loaded.world, table);
    sheet.formats.set(20_000 * 2 + col('Notes') - 1, '@');
    const before = sheet.snapshot();
    loaded.world.counter.reset();
    const result = loaded.api('apiProgress', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    // Progress and Pace together; the check-ins appended to their sheet. Last check-in stays: a
    // first update's records are the baseline, not check-ins.
    expect(loaded.world.counter.count('Range.setValues')).toBe(2);
    for (const item of coreProgress(table)) {
      expect(sheet.shown(item.row, col('Progress')), `Progress of row ${item.row}`).toBe(item.progress ?? '');
      expect(sheet.cell(item.row, col('Pace')), `Pace of row ${item.row}`).toBe(item.status ?? NO_PACE);
    }
    // Every other cell, formula and format is as it was; Last check-in is set from the check-ins this update added.
    const owned = [col('Progress'), col('Pace'), col('Last check-in')];
    expect(exceptColumns(sheet.snapshot(), owned)).toEqual(exceptColumns(before, owned));
    expect(sheet.formula(3, col('Score'))).toBe('=LEN(D3)');

    const value = result.value;
    expect(value.written).toEqual({ progress: 6, keptFormulas: 0, pace: true });
    // Nobody edited the sheet meanwhile: nothing is reported as kept.
    expect(value.keptEdits).toBe(0);
    expect(value.items.map((i) => i.id)).toEqual(['O1', 'O2']);
    const o1 = value.items[0];
    expect(o1.children.map((c) => c.id)).toEqual(['KR1.1', 'KR1.2']);
    const kr = o1.children[0];
    expect(kr.progress).toBeCloseTo(0.4, 10);
    expect(kr.title).toBe('Sign 50 new mid-market accounts');
  });

  test('keeps the live formulas of measured rows and writes values on roll-ups; the formulas agree with the core', () => {
    const loaded = loadBundle();
    settings(loaded);
    expect(
      loaded.api('apiInsertTemplate', { framework: 'okr', examples: true, today: TODAY, allowOver: false }).ok,
    ).toBe(true);
    const sheet = loaded.world.spreadsheet.sheet('Cascade');
    const progressCol = 17; // the template's Progress column (Q)
    expect(sheet.cell(1, progressCol)).toBe('Progress');
    const measured: number[] = [];
    for (let r = 2; r < 40; r++) if (sheet.formula(r, progressCol) !== '' && sheet.cell(r, 1) !== '') measured.push(r);
    expect(measured.length).toBeGreaterThan(2);

    const result = loaded.api('apiProgress', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.written.keptFormulas).toBeGreaterThanOrEqual(measured.length);
    // Live formulas still in place, and what they compute (HyperFormula here, Sheets for users) is the core's value.
    const values = (sheet.range(1, 1, 200, 19).getValues() as unknown[][]).map((row) =>
      row.map((v) => (v === '' ? null : v)),
    );
    const table = { header: values[0] as string[], rows: values.slice(1) } as RawTable;
    const core = new Map(coreProgress(table).map((item) => [item.row, item]));
    for (const r of measured) {
      expect(sheet.formula(r, progressCol), `formula of row ${r}`).toMatch(/^=/);
      expect(sheet.shown(r, progressCol) as number).toBeCloseTo(core.get(r)?.progress ?? NaN, 9);
    }
    // Roll-ups (rows with children) hold the value written by Cascade.
    for (const item of core.values()) {
      if (!measured.includes(item.row)) expect(sheet.shown(item.row, progressCol)).toBe(item.progress ?? '');
    }
    // Empty template rows keep their formulas for rows people add later.
    expect(sheet.formula(150, progressCol)).toMatch(/^=/);
  });

  test('shows progress above 100 % only with the setting; a roll-up still caps each child at 100 %', () => {
    const table = smallPlan();
    table.rows[1][col('Current') - 1] = 80; // KR1.1: 80 of 50 accounts
    table.rows[2][col('Target') - 1] = 10; // KR1.2 measured, so O1 rolls up both (an unmeasured child makes it unknown)
    table.rows[2][col('Current') - 1] = 5;
    const plain = loadBundle();
    settings(plain);
    const sheet = seedPlan(plain.world, table);
    plain.api('apiProgress', { sheet: null });
    expect(sheet.shown(3, col('Progress'))).toBe(1);

    const over = loadBundle();
    settings(over, true);
    const overSheet = seedPlan(over.world, table);
    const result = over.api('apiProgress', { sheet: null });
    expect(overSheet.shown(3, col('Progress'))).toBeCloseTo(1.6, 10);
    const o1 = coreProgress(table, true).find((i) => i.id === 'O1');
    expect(overSheet.shown(2, col('Progress'))).toBeCloseTo(o1?.progress ?? NaN, 10);
    expect(o1?.progress).toBeLessThanOrEqual(1);
    expect(result.ok && result.value.items[0].children[0].progress).toBeCloseTo(1.6, 10);
  });

  test('adds a Progress column formatted as percent when the plan has none, and writes no Pace', () => {
    const loaded = loadBundle();
    settings(loaded);
    const sheet = loaded.world.spreadsheet.addSheet('Mine', 20, 9);
    sheet.seed([
      ['ID', 'Level', 'Parent', 'Title', 'Owner', 'Start', 'Target', 'Current'],
      ['O1', 'Objective', '', 'Grow revenue to $120M', 'Lena', '', '', ''],
      ['KR1', 'Key Result', 'O1', 'Increase sales to $120 million', 'Tom', 0, '$120M', '$60M'],
    ]);
    loaded.world.spreadsheet.active = sheet;
    const result = loaded.api('apiProgress', { sheet: null });
    expect(result.ok && result.value.written.pace).toBe(false);
    expect(sheet.cell(1, 9)).toBe('Progress');
    expect(sheet.shown(3, 9)).toBe(0.5);
    expect(sheet.shown(2, 9)).toBe(0.5);
    // Cascade's values go in as constant formulas, its mark that tells them from a person's.
    expect(sheet.formula(3, 9)).toBe('=0.5');
    expect(sheet.format(3, 9)).toBe('0%');
  });

  test('writes Progress and Pace apart when they are not side by side, touching nothing between', () => {
    const loaded = loadBundle();
    settings(loaded);
    const table = smallPlan();
    const order = HEADER.filter((h) => h !== 'Pace');
    order.splice(2, 0, 'Pace');
    const moved: RawTable = { header: order, rows: table.rows.map((row) => order.map((h) => row[HEADER.indexOf(h)])) };
    const sheet = seedPlan(loaded.world, moved);
    loaded.world.counter.reset();
    expect(loaded.api('apiProgress', { sheet: null }).ok).toBe(true);
    expect(loaded.world.counter.count('Range.setValues')).toBe(3); // Progress, Pace, the check-ins (a baseline moves no Last check-in)
    expect(sheet.cell(3, 3)).toBe('on track');
    expect(sheet.cell(3, order.indexOf('Parent') + 1)).toBe('O1');
    expect(sheet.cell(3, order.indexOf('Title') + 1)).toBe('Sign 50 new mid-market accounts');
  });

  test('reads a progress a person typed as manual progress and never overwrites it; its own values are not read back as typed', () => {
    const loaded = loadBundle();
    settings(loaded);
    const sheet = loaded.world.spreadsheet.addSheet('Mine', 20, 10);
    sheet.seed([
      ['ID', 'Level', 'Parent', 'Title', 'Owner', 'Start', 'Target', 'Current', 'Progress', 'Notes'],
      ['O1', 'Objective', '', 'Grow revenue to $120M', 'Lena', '', '', '', '', 'keep'],
      ['KR1', 'Key Result', 'O1', 'Win the partner channel', 'Tom', '', '', '', 0.6, ''],
      ['KR2', 'Key Result', 'O1', 'Sign 10 accounts', 'Mei', 0, 10, 5, 0.9, ''],
    ]);
    loaded.world.spreadsheet.active = sheet;
    const first = loaded.api('apiProgress', { sheet: null });
    if (!first.ok) throw new Error(first.error.message);
    // KR1 has no Target: the 60 % typed is its progress; KR2 measures itself (50 %), the 0.9 typed stays.
    expect(first.value.items[0].children.map((c) => c.progress)).toEqual([0.6, 0.5]);
    expect([sheet.cell(3, 9), sheet.formula(3, 9)]).toEqual([0.6, '']);
    expect([sheet.cell(4, 9), sheet.formula(4, 9)]).toEqual([0.9, '']);
    expect(sheet.shown(2, 9)).toBeCloseTo(0.55, 10);
    expect(sheet.formula(2, 9)).toBe('=0.55');
    expect(sheet.cell(2, 10)).toBe('keep');

    // The roll-up Cascade wrote is its own: it moves with the key results, not frozen as typed.
    sheet.range(4, 8).setValue(10);
    const second = loaded.api('apiProgress', { sheet: null });
    if (!second.ok) throw new Error(second.error.message);
    expect(second.value.items[0].progress).toBeCloseTo(0.8, 10);
    expect(sheet.shown(2, 9)).toBeCloseTo(0.8, 10);
    // A person typing over Cascade's value makes the cell theirs.
    sheet.range(2, 9).setValue(0.3);
    const third = loaded.api('apiProgress', { sheet: null });
    expect(third.ok && third.value.items[0].progress).toBe(0.3);
    expect([sheet.cell(2, 9), sheet.formula(2, 9)]).toEqual([0.3, '']);
  });

  test('makes the same small number of service calls for 100 and 5,000 rows, from the sidebar and without its context', () => {
    const calls = (rows: number, sidebar: boolean) => {
      const loaded = loadBundle();
      settings(loaded);
      seedPlan(loaded.world, bigPlan(rows));
      const context = sidebar ? { context: sidebarContext(loaded) } : {};
      loaded.world.counter.reset();
      expect(loaded.api('apiProgress', { sheet: null, ...context }).ok).toBe(true);
      return loaded.world.counter.summary();
    };
    for (const sidebar of [true, false]) {
      const small = calls(100, sidebar);
      const large = calls(5_000, sidebar);
      // The first update also creates the Check-ins sheet with a check-in per row: 5,000 of them need
      // one insertRowsAfter more than 100 do; every other count is the same.
      expect(large['Sheet.insertRowsAfter']).toBe(1);
      delete large['Sheet.insertRowsAfter'];
      expect(large).toEqual(small);
      // 13 for the update itself from the sidebar (16 without its context: the document's
      // properties and the time zone read), 8 more for the history's first records (the Check-ins
      // sheet created). Was 24 before the sidebar sent its context and Progress was written through
      // the range its formulas were read from; 20 before Progress and Pace were read again just
      // before their write (1 call), so that a person's edit made meanwhile is kept.
      expect(Object.values(small).reduce((a, b) => a + b, 0)).toBe(sidebar ? 21 : 24);
      // One read of the sheet, one of the Progress and Pace formulas, one more of both just before
      // one write of both; one append of every check-in (the first records are the baseline: Last
      // check-in is not written).
      expect([
        small['Sheet.getSheetValues'],
        small['Range.getFormulas'],
        small['Range.getValues'],
        small['Range.setValues'],
      ]).toEqual([1, 1, 1, 2]);
    }
  });

  test('an update that records a check-in on a template plan: 23 calls from the sidebar (25, then 21 before)', () => {
    const loaded = loadBundle();
    settings(loaded);
    const template = { framework: 'okr', examples: true, today: TODAY, allowOver: false } as const;
    expect(loaded.api('apiInsertTemplate', template).ok).toBe(true);
    const sheet = loaded.world.spreadsheet.sheets[loaded.world.spreadsheet.sheets.length - 1];
    const header = sheet.values[0] as string[];
    const context = sidebarContext(loaded);
    expect(loaded.api('apiProgress', { sheet: null, context }).ok).toBe(true);
    sheet.range(3, header.indexOf('Current') + 1).setValues([[7]]);
    loaded.world.counter.reset();
    const update = loaded.api('apiProgress', { sheet: null, context });
    expect(update.ok && update.value.checkIns?.added).toBe(1);
    const calls = loaded.world.counter.summary();
    // 13 as above, then who (1), the append with its percent format (getMaxRows, 2 ranges: 5) and
    // the Last check-in column, whose formulas are kept, read again just before its write (4).
    // Reading Progress, Pace and Last check-in again costs 2 calls (21 before).
    expect(calls['Session.getActiveUser']).toBe(1);
    expect(calls['Range.getFormulas']).toBe(2);
    expect(calls['Range.getValues']).toBe(2);
    expect(update.ok && update.value.keptEdits).toBe(0);
    expect(loaded.world.counter.serviceCalls).toBe(23);
  });

  test('an update with nothing to record reads the history and asks no one who they are: 13 calls from the sidebar', () => {
    const loaded = loadBundle();
    settings(loaded);
    seedPlan(loaded.world, bigPlan(100));
    const context = sidebarContext(loaded);
    expect(loaded.api('apiProgress', { sheet: null, context }).ok).toBe(true);
    loaded.world.counter.reset();
    const again = loaded.api('apiProgress', { sheet: null, context });
    expect(again.ok && again.value.checkIns?.added).toBe(0);
    const calls = loaded.world.counter.summary();
    expect(calls['Session.getActiveUser']).toBeUndefined();
    // The plan (one read), the history (its sheet, one read), Progress and Pace (formulas, one more
    // read just before the write, one write).
    expect([
      calls['Spreadsheet.getSheetByName'],
      calls['Sheet.getSheetValues'],
      calls['Range.getFormulas'],
      calls['Range.getValues'],
      calls['Range.setValues'],
    ]).toEqual([1, 2, 1, 1, 1]);
    // Progress and Pace sit side by side: their formulas are read and both written through one range.
    expect(calls['Sheet.getRange']).toBe(1);
    // The settings, mappings and time zone came with the request: none of them read.
    for (const name of ['PropertiesService.getDocumentProperties', 'Spreadsheet.getSpreadsheetTimeZone'])
      expect(calls[name], name).toBeUndefined();
    // The active sheet in one call; the spreadsheet opened once, for the Check-ins sheet.
    expect([calls['SpreadsheetApp.getActiveSheet'], calls['SpreadsheetApp.getActiveSpreadsheet']]).toEqual([1, 1]);
    // 12 before Progress and Pace were read again just before their write.
    expect(loaded.world.counter.serviceCalls).toBe(13);
    // Without the sidebar's context (16 before the shared range, then 15): the properties (2), the time zone (1).
    loaded.world.counter.reset();
    expect(loaded.api('apiProgress', { sheet: null }).ok).toBe(true);
    expect(loaded.world.counter.serviceCalls).toBe(16);
  });
});
