// Where real Google differs from a quiet test sheet: authorization modes, a person editing while
// the add-on works, plain-text columns, the live check turned off.
import { describe, expect, test } from 'vitest';
import { loadBundle } from './harness.js';
import { HEADER, col, seedPlan, smallPlan } from './plans.js';

const TODAY = '2026-05-01';

function setUp(liveCheck = true) {
  const loaded = loadBundle({ timeZone: 'Europe/Paris' });
  expect(loaded.api('apiSaveSettings', { today: TODAY, allowOver: false, framework: null, liveCheck }).ok).toBe(true);
  const sheet = seedPlan(loaded.world, smallPlan());
  expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
  return { loaded, sheet };
}

describe('live check in a real document', () => {
  test('in AuthMode.NONE (add-on not turned on in this file) it calls no service at all', () => {
    const { loaded, sheet } = setUp();
    const before = sheet.cell(3, col('Check'));
    loaded.world.counter.reset();
    loaded.edit(sheet, 3, col('Owner'), [['Tom Baker']], 'NONE');
    expect(loaded.world.counter.serviceCalls).toBe(0);
    expect(sheet.cell(3, col('Check'))).toBe(before);
    expect(loaded.world.warnings).toEqual([]);
  });

  test('turned off in Settings, it writes nothing; turned on again, it re-checks', () => {
    const { loaded, sheet } = setUp(false);
    expect(String(sheet.cell(4, col('Check')))).toMatch(/owner/i);
    loaded.world.counter.reset();
    loaded.edit(sheet, 4, col('Owner'), [['Ada Lovelace']]);
    expect(loaded.world.counter.count('Range.setValues')).toBe(0);
    expect(String(sheet.cell(4, col('Check')))).toMatch(/owner/i);
    const state = loaded.api('apiGetState');
    expect(state.settings.liveCheck).toBe(false);
    expect(loaded.api('apiSaveSettings', { ...state.settings, liveCheck: true }).ok).toBe(true);
    loaded.edit(sheet, 4, col('Owner'), [['Ada Lovelace']]);
    expect(String(sheet.cell(4, col('Check')))).not.toMatch(/owner/i);
  });

  test('settings saved before the live-check switch existed keep their values and turn it on', () => {
    const loaded = loadBundle();
    loaded.world.documentProperties.store.set(
      'cascade.settings',
      JSON.stringify({ today: TODAY, allowOver: true, framework: 'okr' }),
    );
    expect(loaded.api('apiGetState').settings).toEqual({
      today: TODAY,
      allowOver: true,
      framework: 'okr',
      liveCheck: true,
    });
  });

  test('a Check cell someone changes while the live check works keeps what they wrote', () => {
    const { loaded, sheet } = setUp();
    const check = col('Check');
    // O1 (row 2) is re-checked with its key result: someone writes in O1's Check cell meanwhile.
    loaded.world.counter.beforeNext('Range.getValues', () => sheet.range(2, check).setValues([['my note']]));
    loaded.edit(sheet, 3, col('Owner'), [['']]);
    expect(sheet.cell(2, check)).toBe('my note');
    expect(String(sheet.cell(3, check))).toMatch(/owner/i);
  });
});

describe('Update progress and Check in a real document', () => {
  // The hook point: the action has read the sheet and its Progress formulas, and not written yet.
  const AFTER_READ = 'Range.getFormulas';

  test('Progress and Pace cells someone changes while Update progress works keep what they wrote, a formula too', () => {
    const { loaded, sheet } = setUp();
    expect(loaded.api('apiProgress', { sheet: null }).ok).toBe(true);
    const [progress, pace] = [col('Progress'), col('Pace')];
    // KR1.1's and T1's progress are Cascade's own (constant formulas).
    expect([sheet.formula(3, progress), sheet.formula(5, progress)]).toEqual(['=0.4', '=1']);
    let typed = false;
    loaded.world.counter.afterNext(AFTER_READ, () => {
      // Meanwhile a person types over KR1.1's progress, puts a formula in T1's and notes a pace on O1.
      sheet.range(3, progress).setValues([[0.9]]);
      sheet.range(5, progress).setValues([['=1/2']]);
      sheet.range(2, pace).setValues([['blocked by legal']]);
      typed = true;
    });
    // The pricing-page task is done now (it was off track): Cascade has new values to write there.
    expect([sheet.formula(6, progress), sheet.cell(6, pace)]).toEqual(['=0', 'off track']);
    sheet.range(6, col('Status')).setValues([['Done']]);
    const result = loaded.api('apiProgress', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    expect(typed).toBe(true);
    expect([sheet.cell(3, progress), sheet.formula(3, progress)]).toEqual([0.9, '']);
    expect([sheet.formula(5, progress), sheet.shown(5, progress)]).toEqual(['=1/2', 0.5]);
    expect(sheet.cell(2, pace)).toBe('blocked by legal');
    expect(result.value.keptEdits).toBe(3);
    // The cells nobody touched are written as usual.
    expect([sheet.formula(6, progress), sheet.cell(6, pace)]).toEqual(['=1', 'done']);
    expect(sheet.cell(3, pace)).toBe('on track');
  });

  test('a Check cell someone changes while Check plan works keeps what they wrote', () => {
    const { loaded, sheet } = setUp();
    const check = col('Check');
    expect(String(sheet.cell(2, check))).not.toBe('');
    loaded.world.counter.afterNext(AFTER_READ, () => sheet.range(2, check).setValues([['reviewed with Lena']]));
    const result = loaded.api('apiCheck', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    expect(sheet.cell(2, check)).toBe('reviewed with Lena');
    expect(String(sheet.cell(4, check))).toMatch(/owner/i);
    expect(result.value.keptEdits).toBe(1);
  });

  test('dates read again in the spreadsheet’s time zone are not taken for edits: Last check-in is written as before', () => {
    const { loaded, sheet } = setUp();
    expect(loaded.api('apiProgress', { sheet: null }).ok).toBe(true);
    const last = col('Last check-in');
    // Date cells (day serials), which getValues() gives as midnight in Europe/Paris, not UTC.
    expect([2, 3, 4].map((row) => Object.prototype.toString.call(sheet.shown(row, last)))).toEqual(
      new Array(3).fill('[object Date]'),
    );
    const before = [2, 3, 4].map((row) => sheet.cell(row, last));
    sheet.range(3, col('Current')).setValues([[30]]);
    loaded.world.counter.reset();
    const result = loaded.api('apiProgress', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.checkIns?.added).toBe(1);
    // Progress and Pace, then Last check-in: each block read again once.
    expect(loaded.world.counter.count('Range.getValues')).toBe(2);
    expect(result.value.keptEdits).toBe(0);
    // KR1.1's check-in moved its Last check-in to today; the others are as they were.
    expect(sheet.cell(3, last)).toBe((before[1] as number) + 3);
    expect([2, 4].map((row) => sheet.cell(row, last))).toEqual([before[0], before[2]]);
  });
});

describe('Fix IDs in a real document', () => {
  test('an ID someone types into a blank cell while Fix IDs works is kept as they typed it', () => {
    const loaded = loadBundle();
    const sheet = seedPlan(loaded.world, smallPlan());
    const id = col('ID');
    expect(sheet.cell(6, id)).toBe('');
    // Between the plan's read and the write: the person types T9 into the blank ID of row 6.
    loaded.world.counter.beforeNext('Range.getValues', () => sheet.range(6, id).setValues([['T9']]));
    const result = loaded.api('apiFixIds', { sheet: 'Plan' });
    if (!result.ok) throw new Error(result.error.message);
    expect(sheet.cell(6, id)).toBe('T9');
    expect(result.value.filled).toEqual([]);
    expect(result.value.keptTyped).toBe(1);
  });

  test("text IDs like 1.10 between the blanks stay exactly as they were, in a plain-text ID column (the template's) and in an automatic one", () => {
    for (const plainText of [true, false]) {
      const loaded = loadBundle();
      const header = ['ID', 'Level', 'Parent', 'Title', 'Owner'];
      const rows: unknown[][] = [];
      // Blanks on every other row: more runs than are written one by one, so the block between
      // them is written back, text IDs included.
      for (let i = 0; i < 20; i++)
        rows.push([i % 2 === 0 ? '' : `1.${i + 9}`, 'Key Result', '', `Sign ${i + 10} new accounts by June`, 'Tom']);
      const sheet = loaded.world.spreadsheet.addSheet('Outline', 30, 6);
      if (plainText) sheet.range(1, 1, 30, 1).setNumberFormat('@');
      sheet
        .range(1, 1, 21, 5)
        .setValues(
          [header, ...rows].map((line) =>
            line.map((v) => (plainText ? v : typeof v === 'string' && /^1\./.test(v) ? `'${v}` : v)),
          ),
        );
      loaded.world.spreadsheet.active = sheet;
      expect(sheet.cell(3, 1)).toBe('1.10');
      loaded.world.counter.reset();
      const result = loaded.api('apiFixIds', { sheet: null });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.filled).toHaveLength(10);
      expect(loaded.world.counter.count('Range.setValues')).toBe(1);
      const where = plainText ? 'plain text' : 'automatic';
      for (let i = 1; i < 20; i += 2) expect(sheet.cell(i + 2, 1), `${where}, row ${i + 2}`).toBe(`1.${i + 9}`);
      for (let i = 0; i < 20; i += 2) expect(String(sheet.cell(i + 2, 1)), `${where}, row ${i + 2}`).toMatch(/^KR\d/);
    }
  });
});

describe('fake', () => {
  test('a plain-text cell keeps what a script writes as it is, apostrophe included (as Sheets does)', () => {
    const loaded = loadBundle();
    const sheet = loaded.world.spreadsheet.addSheet('T', 5, 2);
    sheet.range(1, 1, 2, 1).setNumberFormat('@');
    sheet.range(1, 1, 3, 1).setValues([["'1.10"], ['=1+1'], ['1.10']]);
    expect([sheet.cell(1, 1), sheet.cell(2, 1), sheet.cell(3, 1)]).toEqual(["'1.10", '=1+1', 1.1]);
    expect(HEADER).toContain('ID');
  });
});

describe('error catalog', () => {
  test('docs/add-on.md lists every error code with the catalog’s words, and nothing else', async () => {
    const { readFileSync } = await import('node:fs');
    const { ERROR_CATALOG, ERROR_CODES } = await import('../../apps-script/error-codes.js');
    const whole = readFileSync('docs/add-on.md', 'utf8');
    // The "Errors" section only (other tables, such as the scopes', also start with a code).
    const doc = whole.slice(whole.indexOf('### Errors'), whole.indexOf('\n## ', whole.indexOf('### Errors')));
    const rows = [...doc.matchAll(/^\| `([a-z-]+)` \| (.+?) \| (.+?) \|$/gm)].map((m) => [m[1], m[2], m[3]]);
    expect(rows).toEqual(ERROR_CODES.map((code) => [code, ERROR_CATALOG[code].title, ERROR_CATALOG[code].action]));
  });
});
