// Dates from getValues() are instants of midnight in the SPREADSHEET's time zone, while the script
// runs in its own zone. The add-on must hand the core the calendar day the user typed, whatever
// the two zones are.
import { afterEach, describe, expect, test } from 'vitest';
import { loadBundle } from './harness.js';
import { col, day, seedPlan, smallPlan } from './plans.js';

const ZONES = [
  'Pacific/Kiritimati',
  'Asia/Tokyo',
  'Europe/Paris',
  'Etc/GMT',
  'America/Los_Angeles',
  'Pacific/Pago_Pago',
];
const scriptZone = process.env.TZ;

afterEach(() => {
  if (scriptZone === undefined) delete process.env.TZ;
  else process.env.TZ = scriptZone;
});

function planWithDates() {
  const table = smallPlan();
  // KR1.1: from 2026-04-01 to 2026-05-01 (30 days).
  table.rows[1][col('Start date') - 1] = day('2026-04-01');
  table.rows[1][col('Due date') - 1] = day('2026-05-01');
  return table;
}

describe('dates across time zones', () => {
  test.each(
    ZONES.flatMap((sheetZone) => ['Pacific/Honolulu', 'Asia/Kolkata'].map((scriptTz) => [sheetZone, scriptTz])),
  )('sheet in %s, script in %s: the days are the days typed', (sheetZone, scriptTz) => {
    process.env.TZ = scriptTz;
    const loaded = loadBundle({ timeZone: sheetZone });
    expect(
      loaded.api('apiSaveSettings', { today: '2026-04-16', allowOver: false, framework: null, liveCheck: true }).ok,
    ).toBe(true);
    seedPlan(loaded.world, planWithDates());
    const progress = loaded.api('apiProgress', { sheet: null });
    if (!progress.ok) throw new Error(progress.error.message);
    const kr = progress.value.items[0].children[0];
    expect(kr.id).toBe('KR1.1');
    // 15 of 30 days elapsed: a day off either way would give 14/30 or 16/30.
    expect(kr.expected).toBe(0.5);

    // Due 2026-05-01: not overdue on that day, overdue the day after.
    const overdue = (today: string) => {
      loaded.api('apiSaveSettings', { today, allowOver: false, framework: null, liveCheck: true });
      const check = loaded.api('apiCheck', { sheet: null });
      if (!check.ok) throw new Error(check.error.message);
      return check.value.groups.some((g) => g.row === 3 && g.findings.some((f) => f.rule === 'progress/overdue'));
    };
    expect(overdue('2026-05-01')).toBe(false);
    expect(overdue('2026-05-02')).toBe(true);
  });

  test('"today" is the real date on the spreadsheet’s calendar, not the script’s', () => {
    process.env.TZ = 'Pacific/Pago_Pago';
    const loaded = loadBundle({ timeZone: 'Pacific/Kiritimati' });
    const inZone = () =>
      new Intl.DateTimeFormat('en-CA', {
        timeZone: 'Pacific/Kiritimati',
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).format(new Date());
    const before = inZone();
    const state = loaded.api('apiGetState');
    expect([before, inZone()]).toContain(state.today);
    expect(state.realToday).toBe(state.today);
    expect(state.timeZone).toBe('Pacific/Kiritimati');
    // With a "today" setting, the state says both.
    const saved = loaded.api('apiSaveSettings', {
      today: '2026-05-01',
      allowOver: false,
      framework: null,
      liveCheck: true,
    });
    expect(saved.ok && [saved.value.today, saved.value.realToday]).toEqual(['2026-05-01', state.realToday]);
  });

  test('without Intl time zone data, falls back to Utilities.formatDate once per distinct date', () => {
    const loaded = loadBundle({ timeZone: 'Asia/Tokyo' });
    loaded.context.Intl = undefined;
    expect(
      loaded.api('apiSaveSettings', { today: '2026-04-16', allowOver: false, framework: null, liveCheck: true }).ok,
    ).toBe(true);
    seedPlan(loaded.world, planWithDates());
    loaded.world.counter.reset();
    const progress = loaded.api('apiProgress', { sheet: null });
    if (!progress.ok) throw new Error(progress.error.message);
    expect(progress.value.items[0].children[0].expected).toBe(0.5);
    const distinctDates = new Set(['2026-04-01', '2026-04-28', '2026-06-30', '2026-05-01', '2026-05-15', '2026-05-20'])
      .size;
    expect(loaded.world.counter.count('Utilities.formatDate')).toBe(distinctDates);
  });
});

describe('the time zone the sidebar sends', () => {
  const contextOf = (loaded: ReturnType<typeof loadBundle>) => {
    const state = loaded.api('apiGetState');
    return { settings: state.settings, mappings: state.mappings, timeZone: state.timeZone };
  };

  test('is used without asking the spreadsheet while the date cells agree with it', () => {
    const loaded = loadBundle({ timeZone: 'Pacific/Kiritimati' });
    loaded.api('apiSaveSettings', { today: '2026-04-16', allowOver: false, framework: null, liveCheck: true });
    seedPlan(loaded.world, planWithDates());
    const context = contextOf(loaded);
    loaded.world.counter.reset();
    const progress = loaded.api('apiProgress', { sheet: null, context });
    if (!progress.ok) throw new Error(progress.error.message);
    expect(progress.value.items[0].children[0].expected).toBe(0.5);
    expect(loaded.world.counter.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(0);
  });

  test.each([
    ['Pacific/Kiritimati', 'Pacific/Pago_Pago'],
    ['Pacific/Pago_Pago', 'Asia/Tokyo'],
    ['Europe/Paris', 'America/Los_Angeles'],
  ])(
    'changed from %s to %s while the sidebar is open: a date off midnight makes it ask, and the days stay the days typed',
    (before, after) => {
      const loaded = loadBundle({ timeZone: before });
      loaded.api('apiSaveSettings', { today: '2026-04-16', allowOver: false, framework: null, liveCheck: true });
      seedPlan(loaded.world, planWithDates());
      const context = contextOf(loaded);
      expect(context.timeZone).toBe(before);
      // File > Settings > Time zone, in another window: the cells keep their days.
      loaded.world.spreadsheet.setSpreadsheetTimeZone(after);
      loaded.world.counter.reset();
      const progress = loaded.api('apiProgress', { sheet: null, context });
      if (!progress.ok) throw new Error(progress.error.message);
      // 15 of 30 days elapsed, as typed: the stale zone would shift both dates by a day or more.
      expect(progress.value.items[0].children[0].expected).toBe(0.5);
      expect(loaded.world.counter.count('Spreadsheet.getSpreadsheetTimeZone')).toBe(1);
      const check = loaded.api('apiCheck', {
        sheet: null,
        context: { ...context, settings: { ...context.settings, today: '2026-05-02' } },
      });
      if (!check.ok) throw new Error(check.error.message);
      expect(check.value.groups.some((g) => g.row === 3 && g.findings.some((f) => f.rule === 'progress/overdue'))).toBe(
        true,
      );
    },
  );
});

test('the sidebar’s state keeps the time zone for the live check: saved when new or changed, not on every opening', () => {
  const loaded = loadBundle({ timeZone: 'Asia/Tokyo' });
  const saves = () => loaded.world.counter.count('Properties.setProperty');
  loaded.api('apiGetState');
  expect([saves(), loaded.world.documentProperties.store.get('cascade.timeZone')]).toEqual([1, 'Asia/Tokyo']);
  loaded.api('apiGetState');
  expect(saves()).toBe(1);
  loaded.world.spreadsheet.setSpreadsheetTimeZone('Europe/Paris');
  loaded.api('apiGetState');
  expect([saves(), loaded.world.documentProperties.store.get('cascade.timeZone')]).toEqual([2, 'Europe/Paris']);
});

test('a time zone that cannot be kept (no right to write the document’s properties) does not stop the sidebar from opening', () => {
  const loaded = loadBundle({ timeZone: 'Asia/Tokyo' });
  loaded.world.documentProperties.setProperty = () => {
    throw new Error('You do not have permission to change this document.');
  };
  const state = loaded.api('apiGetState');
  expect(state.timeZone).toBe('Asia/Tokyo');
  expect(loaded.world.warnings.join('\n')).toMatch(/could not keep the time zone/);
});
