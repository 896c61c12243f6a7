// "Use this sheet" and "Convert to a plan" through the built bundle: a manager's own table (headers
// Cascade does not know) mapped once, then checked, updated and live-checked through the mapping;
// converted into a new sheet with the original untouched.
import { describe, expect, test } from 'vitest';
import type { CellValue } from '../../shared/index.js';
import { loadBundle } from './harness.js';
import type { Loaded } from './harness.js';
import type { FakeSheet } from './fake/sheets.js';
import { day, exceptColumns } from './plans.js';

const TODAY = '2026-05-01';
const HEADER = ['Code', 'Kind', 'Thing', 'Belongs to', 'Who', 'When', 'Notes'];
const MAPPING = { id: 'Code', level: 'Kind', title: 'Thing', parent: 'Belongs to', owner: 'Who', dueDate: 'When' };

function managerTable(rows: number): CellValue[][] {
  const out: CellValue[][] = [HEADER];
  for (let o = 1; out.length <= rows; o++) {
    out.push([
      `O${o}`,
      'Objective',
      `Win segment ${o} with 50 new accounts by Q3`,
      '',
      'Lena Park',
      day('2026-06-30'),
      'board asked',
    ]);
    for (let k = 1; k <= 3 && out.length <= rows; k++) {
      out.push([
        `KR${o}.${k}`,
        'Key Result',
        `Sign ${k * 10} new accounts in segment ${o}`,
        `O${o}`,
        k === 2 ? '' : 'Tom Baker',
        day('2026-06-30'),
        '',
      ]);
    }
  }
  return out;
}

function setUp(rows = 8): { loaded: Loaded; sheet: FakeSheet } {
  const loaded = loadBundle({ timeZone: 'Europe/Paris' });
  expect(loaded.api('apiSaveSettings', { today: TODAY, allowOver: false, framework: null, liveCheck: true }).ok).toBe(
    true,
  );
  const sheet = loaded.world.spreadsheet.addSheet('Team goals', rows + 40, 10);
  sheet.seed(managerTable(rows));
  loaded.world.spreadsheet.active = sheet;
  return { loaded, sheet };
}

describe('Use this sheet', () => {
  test('a sheet read by guesses gets a form: every field with its guess, and the rows as they will be read', () => {
    const { loaded } = setUp();
    // No header names the titles, but the command reads the sheet from its cells: so does the add-on.
    expect(loaded.api('apiGetState').sheet).toMatchObject({ name: 'Team goals', isPlan: true, mapped: false });
    const result = loaded.api('apiMapping', { sheet: null, columns: null });
    if (!result.ok) throw new Error(result.error.message);
    const form = result.value;
    expect(form.sheet).toBe('Team goals');
    expect(form.headerRow).toBe(1);
    expect(form.headers).toEqual(HEADER);
    expect(form.fields.map((f) => f.key)).toContain('title');
    expect(form.fields.find((f) => f.key === 'title')).toMatchObject({ label: 'Title', required: true });
    // No header names the titles: they are guessed from the cells of Thing, and said to be a guess.
    expect(form.fields.find((f) => f.key === 'title')).toMatchObject({ header: 'Thing', guessed: true });
    expect(form.problem).toBeNull();
    expect(form.preview.map((p) => p.title)[0]).toBe('Win segment 1 with 50 new accounts by Q3');
    expect(form.saved).toBe(false);
  });

  test('with the columns chosen, the preview shows the first rows as Cascade will read them', () => {
    const { loaded } = setUp();
    const result = loaded.api('apiMapping', { sheet: 'Team goals', columns: MAPPING });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.problem).toBeNull();
    expect(result.value.preview.slice(0, 3)).toEqual([
      {
        row: 2,
        id: 'O1',
        level: 'Objective',
        parent: '',
        title: 'Win segment 1 with 50 new accounts by Q3',
        owner: 'Lena Park',
      },
      {
        row: 3,
        id: 'KR1.1',
        level: 'Key Result',
        parent: 'O1',
        title: 'Sign 10 new accounts in segment 1',
        owner: 'Tom Baker',
      },
      { row: 4, id: 'KR1.2', level: 'Key Result', parent: 'O1', title: 'Sign 20 new accounts in segment 1', owner: '' },
    ]);
    expect(result.value.fields.find((f) => f.key === 'owner')).toMatchObject({ header: 'Who', guessed: false });
  });

  test('saved for the sheet (a rename keeps it), it drives Check, Update progress, Fix IDs and the live check; data cells never change', () => {
    const { loaded, sheet } = setUp();
    const before = sheet.snapshot();
    const saved = loaded.api('apiSaveMapping', { sheet: 'Team goals', columns: MAPPING });
    if (!saved.ok) throw new Error(saved.error.message);
    expect(saved.value.sheet).toMatchObject({ isPlan: true, mapped: true });
    expect(sheet.snapshot()).toEqual(before);

    const check = loaded.api('apiCheck', { sheet: null });
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.rows).toBe(8);
    expect(check.value.groups.some((g) => g.id === 'KR1.2' && g.findings.some((f) => f.rule.startsWith('owner')))).toBe(
      true,
    );
    // The Check column is added after the sheet's last column; every cell of the table is as it was.
    const checkCol = HEADER.length + 1;
    expect(sheet.cell(1, checkCol)).toBe('Check');
    expect(String(sheet.cell(4, checkCol))).toMatch(/owner/);
    const table = (snapshot: unknown) => {
      const rest = exceptColumns(snapshot, [checkCol]) as { values: unknown[][]; formats: unknown; formulas: unknown };
      return {
        values: rest.values.map((row) => row.slice(0, HEADER.length)),
        formats: rest.formats,
        formulas: rest.formulas,
      };
    };
    expect(table(sheet.snapshot())).toEqual(table(before));

    // The live check reads the sheet through the mapping too: an owner typed clears the finding.
    loaded.edit(sheet, 4, 5, [['Mei Chen']]);
    expect(String(sheet.cell(4, checkCol))).not.toMatch(/owner/);

    expect(loaded.api('apiProgress', { sheet: null }).ok).toBe(true);
    const ids = loaded.api('apiFixIds', { sheet: null });
    expect(ids.ok && ids.value.filled).toEqual([]);
    expect(table(sheet.snapshot()).values.slice(0, 3)).toEqual(table(before).values.slice(0, 3));

    // Renamed, the sheet keeps its mapping (saved by sheet ID).
    sheet.name = 'Goals 2026';
    expect(loaded.api('apiGetState').sheet).toMatchObject({ name: 'Goals 2026', isPlan: true, mapped: true });
    const form = loaded.api('apiMapping', { sheet: null, columns: null });
    expect(form.ok && form.value.saved && form.value.fields.find((f) => f.key === 'title')?.header).toBe('Thing');

    // Forgotten, it is read by Cascade's guesses again, as the command reads it.
    const forgot = loaded.api('apiSaveMapping', { sheet: 'Goals 2026', columns: null });
    expect(forgot.ok && forgot.value.sheet).toMatchObject({ isPlan: true, mapped: false });
  });

  test('read without a mapping, Check says which columns are guesses and offers the form; once mapped, it does not', () => {
    const { loaded, sheet } = setUp();
    const guessed = loaded.api('apiCheck', { sheet: null });
    if (!guessed.ok) throw new Error(guessed.error.message);
    expect(guessed.value.rows).toBe(8);
    const notice = guessed.value.notices.find((n) => n.action === 'use-this-sheet');
    expect(notice?.text).toMatch(
      /^Read Title from Thing; Owner from Who; Due date from When: a guess\. .*Use this sheet/,
    );
    const progress = loaded.api('apiProgress', { sheet: null });
    expect(progress.ok && progress.value.notices.some((n) => n.action === 'use-this-sheet')).toBe(true);
    // The live check finds the same header: an owner typed on KR1.2's row clears its finding.
    const checkCol = HEADER.length + 1;
    expect(String(sheet.cell(4, checkCol))).toMatch(/owner/);
    loaded.edit(sheet, 4, 5, [['Mei Chen']]);
    expect(String(sheet.cell(4, checkCol))).not.toMatch(/owner/);

    expect(loaded.api('apiSaveMapping', { sheet: 'Team goals', columns: MAPPING }).ok).toBe(true);
    const mapped = loaded.api('apiCheck', { sheet: null });
    if (!mapped.ok) throw new Error(mapped.error.message);
    expect(mapped.value.notices.some((n) => n.action === 'use-this-sheet')).toBe(false);
    expect(mapped.value.rows).toBe(guessed.value.rows);
  });

  test('a mapping the sheet cannot be read with is not saved, and says why', () => {
    const { loaded } = setUp();
    // Levels read from the titles' column: then no column is left for the titles.
    const result = loaded.api('apiSaveMapping', { sheet: 'Team goals', columns: { level: 'Thing' } });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('not-a-plan');
      expect(result.error.message).toMatch(/^Not saved: /);
    }
    expect(loaded.api('apiGetState').sheet.mapped).toBe(false);
    const bad = loaded.run('apiSaveMapping', { sheet: 'Team goals', columns: { nonsense: 'Who' } }) as {
      ok: boolean;
      error: { code: string };
    };
    expect(bad.error.code).toBe('bad-request');
  });

  test('the calls of the form and of Check on a mapped sheet do not grow with its rows', () => {
    const calls = (rows: number, action: (loaded: Loaded) => unknown) => {
      const { loaded } = setUp(rows);
      expect(loaded.api('apiSaveMapping', { sheet: 'Team goals', columns: MAPPING }).ok).toBe(true);
      // The first check adds the Check column; the counts are those of every check after it.
      expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
      loaded.world.counter.reset();
      action(loaded);
      return loaded.world.counter.summary();
    };
    const form = (loaded: Loaded) => expect(loaded.api('apiMapping', { sheet: null, columns: MAPPING }).ok).toBe(true);
    const check = (loaded: Loaded) => expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
    expect(calls(2_000, form)).toEqual(calls(40, form));
    expect(calls(2_000, check)).toEqual(calls(40, check));
    const total = Object.values(calls(40, check)).reduce((a, b) => a + b, 0);
    // A mapped sheet costs one call more than a plan of Cascade's own layout: its sheet ID (13
    // before the Check column was read again just before its write).
    expect(total).toBe(14);
  });
});

describe('Convert to a plan', () => {
  test('a plan longer than a new sheet gets the rows it needs, with calls that do not grow with them', () => {
    const calls = (rows: number) => {
      const { loaded } = setUp(rows);
      loaded.world.counter.reset();
      const result = loaded.api('apiConvert', { sheet: 'Team goals', columns: MAPPING });
      if (!result.ok) throw new Error(result.error.message);
      expect(result.value.rows).toBe(rows);
      const plan = loaded.world.spreadsheet.sheet('Team goals (plan)');
      expect(plan.cell(rows + 1, 4)).toBe(managerTable(rows)[rows][2]);
      return loaded.world.counter.summary();
    };
    const long = calls(1_500);
    expect(long['Sheet.insertRowsAfter']).toBe(1);
    const { 'Sheet.insertRowsAfter': _inserted, ...rest } = long;
    expect(rest).toEqual(calls(40));
  });

  test('writes the canonical plan into a new sheet and leaves the original exactly as it was', () => {
    const { loaded, sheet } = setUp();
    const before = sheet.snapshot();
    const result = loaded.api('apiConvert', { sheet: 'Team goals', columns: MAPPING });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toEqual({ sheet: 'Team goals (plan)', source: 'Team goals', rows: 8 });
    expect(sheet.snapshot()).toEqual(before);
    const plan = loaded.world.spreadsheet.sheet('Team goals (plan)');
    const header = Array.from({ length: plan.lastColumn() }, (_, c) => plan.cell(1, c + 1));
    expect(header.slice(0, 4)).toEqual(['ID', 'Level', 'Parent', 'Title']);
    // The column Cascade does not read comes along at the right, unchanged.
    expect(header).toContain('Notes');
    expect([plan.cell(3, 1), plan.cell(3, 2), plan.cell(3, 3), plan.cell(3, 4)]).toEqual([
      'KR1.1',
      'Key Result',
      'O1',
      'Sign 10 new accounts in segment 1',
    ]);
    expect(plan.cell(2, header.indexOf('Notes') + 1)).toBe('board asked');
    // The new sheet is a plan Cascade reads as it is, with no mapping.
    loaded.world.spreadsheet.active = plan;
    const check = loaded.api('apiCheck', { sheet: null });
    expect(check.ok && check.value.rows).toBe(8);
  });
});
