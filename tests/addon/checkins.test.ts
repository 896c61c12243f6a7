// Update progress keeps the check-in history in a `Check-ins` sheet: one append of the changed rows
// (a constant number of service calls), the user's email where Google gives it, Last check-in set,
// and nothing added by a second update without a change.
import { describe, expect, test } from 'vitest';
import { CHECKIN_HEADER, dayFromIso, serialFromDay } from '../../shared/index.js';
import type { ReplanRequest } from '../../apps-script/protocol.js';
import { loadBundle } from './harness.js';
import type { Loaded } from './harness.js';
import { bigPlan, col, seedPlan, smallPlan } from './plans.js';

const TODAY = '2026-05-01';

function update(loaded: Loaded, today = TODAY) {
  expect(loaded.api('apiSaveSettings', { today, allowOver: false, framework: null, liveCheck: true }).ok).toBe(true);
  const result = loaded.api('apiProgress', { sheet: null });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

function historyRows(loaded: Loaded): unknown[][] {
  const sheet = loaded.world.spreadsheet.sheet('Check-ins');
  const rows: unknown[][] = [];
  for (let r = 1; sheet.cell(r, 1) !== ''; r++) rows.push(CHECKIN_HEADER.map((_, c) => sheet.cell(r, c + 1)));
  return rows;
}

describe('check-ins in the Check-ins sheet', () => {
  test('the first update adds the sheet with a check-in per row and the user’s email; the plan stays the active sheet', () => {
    const loaded = loadBundle({ email: 'lena@example.com' });
    const plan = seedPlan(loaded.world, smallPlan());
    const typedLastCheckIn = plan.cell(3, col('Last check-in'));
    const value = update(loaded);
    expect(value.checkIns).toEqual({ added: 5, who: 'lena@example.com' }); // every row with an ID
    const rows = historyRows(loaded);
    expect(rows[0]).toEqual([...CHECKIN_HEADER]);
    expect(rows[2]).toEqual([
      serialFromDay(dayFromIso(TODAY)),
      'KR1.1',
      20,
      0.4,
      'On track',
      '',
      'lena@example.com',
      '',
      '',
      '',
    ]);
    expect(loaded.world.spreadsheet.sheet('Check-ins').format(2, 4)).toBe('0%');
    expect(loaded.world.spreadsheet.active).toBe(plan);
    // The first records are the baseline, not check-ins: the date a person typed stays.
    expect(plan.cell(3, col('Last check-in'))).toBe(typedLastCheckIn);
  });

  test('a second update with no change adds nothing; a changed row adds one check-in (and its parent whose roll-up moved)', () => {
    const loaded = loadBundle();
    const plan = seedPlan(loaded.world, smallPlan());
    update(loaded);
    const before = historyRows(loaded);
    expect(update(loaded, '2026-05-08').checkIns).toEqual({ added: 0, who: '' });
    expect(historyRows(loaded)).toEqual(before);
    plan.api.getRange(3, col('Current')).setValue(30);
    expect(update(loaded, '2026-05-08').checkIns?.added).toBe(1); // O1's progress stays unknown: KR1.2 is unmeasured
    const rows = historyRows(loaded);
    expect(rows.slice(0, before.length)).toEqual(before);
    const may8 = serialFromDay(dayFromIso('2026-05-08')); // Sheets reads the written 2026-05-08 as a date
    expect(rows.slice(before.length).map((r) => [r[0], r[1], r[2]])).toEqual([[may8, 'KR1.1', 30]]);
  });

  test('an optional Trend column gets a SPARKLINE of each row’s check-ins, in one setFormulas', () => {
    const loaded = loadBundle();
    const table = smallPlan();
    const withTrend = { header: [...table.header, 'Trend'], rows: table.rows.map((row) => [...row, null]) };
    const plan = seedPlan(loaded.world, withTrend);
    loaded.world.counter.reset();
    update(loaded);
    const trend = withTrend.header.length;
    expect(loaded.world.counter.count('Range.setFormulas')).toBe(1);
    expect(plan.formula(3, trend)).toBe(`=IFERROR(SPARKLINE(FILTER('Check-ins'!$D:$D,'Check-ins'!$B:$B=$A3)),"")`);
    expect(plan.formula(6, trend)).toBe(''); // the row without an ID
    update(loaded, '2026-05-08'); // the formulas read back without harm
    expect(plan.formula(3, trend)).toMatch(/^=IFERROR\(SPARKLINE/);
  });

  test('who is blank when Google gives no email, or refuses to (no consent)', () => {
    const refused = loadBundle({ email: new Error('You do not have permission to call Session.getActiveUser') });
    seedPlan(refused.world, smallPlan());
    expect(update(refused).checkIns?.who).toBe('');
    expect(historyRows(refused)[1][6]).toBe('');
  });

  test('an update of n changed rows is one append: the same calls for 100 and 5,000 changed rows', () => {
    const calls = (rows: number) => {
      const loaded = loadBundle();
      const table = bigPlan(rows);
      const sheet = seedPlan(loaded.world, table);
      update(loaded);
      // Every row changes: a new Status on every row, written in one call.
      const status = table.header.indexOf('Status') + 1;
      sheet.api.getRange(2, status, table.rows.length, 1).setValues(table.rows.map(() => ['Paused']));
      loaded.world.counter.reset();
      expect(update(loaded).checkIns?.added).toBeGreaterThan(rows / 2); // rows with an ID that were not Paused yet
      return loaded.world.counter.summary();
    };
    const small = calls(100);
    const large = calls(5_000);
    // Thousands of new rows may first need the sheet to grow: one insertRowsAfter, whatever their number.
    expect(large['Sheet.insertRowsAfter'] ?? 0).toBeLessThanOrEqual(1);
    delete large['Sheet.insertRowsAfter'];
    delete small['Sheet.insertRowsAfter'];
    expect(large).toEqual(small);
    expect(small['Range.setValues']).toBe(3); // Progress and Pace, Last check-in, every check-in at once
  });
});

describe('replanning from the sidebar (apiReplan)', () => {
  test('shows the effect first, then writes the row and records the old values; undo restores them', () => {
    const loaded = loadBundle({ email: 'lena@example.com' });
    const plan = seedPlan(loaded.world, smallPlan());
    update(loaded);
    const ask = (choice: ReplanRequest['choice'], apply: boolean) =>
      loaded.api('apiReplan', { sheet: null, id: 'KR1.1', choice, apply });

    const preview = ask({ kind: 'shrink', target: 40 }, false);
    if (!preview.ok) throw new Error(preview.error.message);
    expect(preview.value.effect).toEqual(['Target: 50 → 40', 'KR1.1 progress: 40% → 50%']);
    expect(plan.cell(3, col('Target'))).toBe(50);

    const history = historyRows(loaded).length;
    loaded.world.counter.reset();
    expect(ask({ kind: 'shrink', target: 40 }, true).ok).toBe(true);
    expect(loaded.world.counter.count('Range.setValues')).toBe(1); // the history record
    expect(loaded.world.counter.count('Range.setValue')).toBe(1); // the Target cell
    expect(plan.cell(3, col('Target'))).toBe(40);
    const record = historyRows(loaded)[history];
    expect([record[1], record[6], record[7], record[8], record[9]]).toEqual([
      'KR1.1',
      'lena@example.com',
      'shrink',
      'Target: 50',
      'Target: 40',
    ]);

    expect(ask({ kind: 'undo' }, true).ok).toBe(true);
    expect(plan.cell(3, col('Target'))).toBe(50);
    expect(historyRows(loaded)[history + 1].slice(7)).toEqual(['undo', 'Target: 40', 'Target: 50']);
  });

  test('a choice that cannot apply says why and changes nothing', () => {
    const loaded = loadBundle();
    expect(loaded.api('apiSaveSettings', { today: TODAY, allowOver: false, framework: null, liveCheck: true }).ok).toBe(
      true,
    );
    const plan = seedPlan(loaded.world, smallPlan());
    const before = plan.snapshot();
    const result = loaded.api('apiReplan', {
      sheet: null,
      id: 'KR1.1',
      choice: { kind: 'extend', due: '2026-07-31' },
      apply: true,
    });
    expect(result).toEqual({
      ok: false,
      error: {
        code: 'cannot-replan',
        message: "2026-07-31 is after O1's Due date 2026-06-30: extend O1 first, or choose a date up to 2026-06-30.",
      },
    });
    expect(plan.snapshot()).toEqual(before);
    // What the server cannot read is refused at the edge.
    const bad = { sheet: null, id: 'KR1.1', choice: { kind: 'grow' }, apply: true } as unknown as ReplanRequest;
    expect(loaded.api('apiReplan', bad)).toMatchObject({ ok: false, error: { code: 'bad-request' } });
  });
});
