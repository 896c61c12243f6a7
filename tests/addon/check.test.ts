// Check and Fix IDs through the built bundle: the same findings and Check text as the core, the
// Check column written in one call, nothing else touched, constant calls whatever the size.
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkPlan, checkSummaries, dateOrderNotice, dayFromIso, readPlan } from '../../shared/index.js';
import type { RawTable } from '../../shared/index.js';
import { loadBundle } from './harness.js';
import type { Loaded } from './harness.js';
import { bigPlan, col, day, exceptColumns, noticePlan, seedPlan, smallPlan } from './plans.js';
import { cascade, json, tempDir } from '../cli/helpers.js';

const TODAY = '2026-05-01';

function withToday(loaded: Loaded, today = TODAY): void {
  const saved = loaded.api('apiSaveSettings', { today, allowOver: false, framework: null, liveCheck: true });
  expect(saved.ok).toBe(true);
}

/** What the core says for the table: the Check text of each row, by spreadsheet row. */
function coreSummaries(table: RawTable, headerRow = 1): Map<number, string> {
  const plan = readPlan({ ...table, headerRow });
  const findings = checkPlan(plan, { today: dayFromIso(TODAY) });
  const texts = checkSummaries(plan, findings);
  return new Map(plan.items.map((item, i) => [item.row, texts[i]]));
}

describe('Check', () => {
  test('writes the core’s summary into each row’s Check cell and returns findings grouped by row, errors first', () => {
    const loaded = loadBundle();
    withToday(loaded);
    const table = smallPlan();
    const sheet = seedPlan(loaded.world, table);
    const result = loaded.api('apiCheck', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    const check = result.value;
    expect(check.sheet).toBe('Plan');
    expect(check.rows).toBe(6);
    expect(check.framework).toEqual({ id: 'okr', label: 'OKR', source: 'inferred' });
    expect(check.today).toBe(TODAY);
    expect(check.blankIds).toBe(1);
    expect(check.keptEdits).toBe(0);

    const expected = coreSummaries(table);
    for (const [row, text] of expected) expect(sheet.cell(row, col('Check')), `Check of row ${row}`).toBe(text);
    expect(sheet.cell(3, col('Check'))).toBe(expected.get(3));

    // Groups: rows with errors first, each in sheet order; inside a group, errors first.
    const order = check.groups.map((g) => [g.row, g.errors > 0]);
    const firstWarningOnly = order.findIndex(([, hasErrors]) => !hasErrors);
    if (firstWarningOnly >= 0) expect(order.slice(firstWarningOnly).every(([, e]) => !e)).toBe(true);
    for (const group of check.groups) {
      const severities = group.findings.map((f) => f.severity);
      expect(severities).toEqual([...severities].sort((a, b) => (a === b ? 0 : a === 'error' ? -1 : 1)));
    }
    // The KR without an owner, the vague objective: findings with message, hint and the column to select.
    const kr = check.groups.find((g) => g.row === 4);
    expect(kr?.id).toBe('KR1.2');
    const owner = kr?.findings.find((f) => f.rule === 'owner/missing');
    expect(owner?.severity).toBe('error');
    expect(owner?.message.length).toBeGreaterThan(10);
    expect(owner?.hint.length).toBeGreaterThan(10);
    expect(owner?.column).toBe('Owner');
    expect(owner?.col).toBe(col('Owner'));
    expect(check.groups.find((g) => g.row === 7)?.findings.some((f) => f.rule === 'specific/vague')).toBe(true);
    expect(check.counts.error + check.counts.warning).toBe(check.groups.reduce((n, g) => n + g.findings.length, 0));
  });

  test('a row with only warnings comes after every row with an error, even when it sits above them', () => {
    const loaded = loadBundle();
    withToday(loaded);
    const table = smallPlan();
    table.rows[0][col('Review') - 1] = ''; // O1 on row 2: its only finding is a warning
    seedPlan(loaded.world, table);
    const result = loaded.api('apiCheck', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    const groups = result.value.groups.map((g) => ({ row: g.row, errors: g.errors, warnings: g.warnings }));
    const o1 = groups.find((g) => g.row === 2);
    expect(o1, 'O1 has a finding').toBeDefined();
    expect(o1!.errors).toBe(0);
    expect(o1!.warnings).toBeGreaterThan(0);
    const withErrors = groups.filter((g) => g.errors > 0).map((g) => g.row);
    expect(withErrors).toEqual([4, 7]);
    expect(groups.map((g) => g.row)).toEqual([4, 7, 2]);
  });

  test('changes no cell outside the Check column: unknown columns, formulas, formats and dates survive', () => {
    const loaded = loadBundle({ timeZone: 'America/Los_Angeles' });
    withToday(loaded);
    const sheet = seedPlan(loaded.world, smallPlan());
    sheet.formats.set(1 * 20_000 + col('Notes') - 1, '@');
    const before = sheet.snapshot();
    expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
    expect(exceptColumns(sheet.snapshot(), [col('Check')])).toEqual(exceptColumns(before, [col('Check')]));
    expect(sheet.formula(2, col('Score'))).toBe('=LEN(D2)');
    expect(sheet.shown(2, col('Score'))).toBe('Win the mid-market with 50 new accounts by Q3'.length);
    expect(sheet.cell(7, col('Notes'))).toBe('<img src=x onerror=alert(1)>');
  });

  test('finds the header below a title row and writes the Check column under it', () => {
    const loaded = loadBundle();
    withToday(loaded);
    const table = smallPlan();
    const sheet = seedPlan(loaded.world, table, 'Plan', [['Q3 plan of the sales team'], []]);
    const result = loaded.api('apiCheck', { sheet: null });
    expect(result.ok).toBe(true);
    const expected = coreSummaries(table, 3);
    for (const [row, text] of expected) expect(sheet.cell(row, col('Check'))).toBe(text);
    expect(sheet.cell(1, 1)).toBe('Q3 plan of the sales team');
    expect(sheet.cell(3, col('Check'))).toBe('Check');
  });

  test('adds a Check column after the last used column when the plan has none', () => {
    const loaded = loadBundle();
    withToday(loaded);
    const header = ['ID', 'Level', 'Parent', 'Title', 'Owner', 'Due date'];
    const sheet = loaded.world.spreadsheet.addSheet('Mine', 20, 6);
    sheet.seed([
      header,
      ['O1', 'Objective', '', 'Grow revenue to $120M', 'Lena', day('2026-09-30')],
      ['KR1', 'KR', 'O1', 'Increase sales to $120 million', '', ''],
    ]);
    loaded.world.spreadsheet.active = sheet;
    const result = loaded.api('apiCheck', { sheet: null });
    expect(result.ok).toBe(true);
    expect(sheet.cell(1, 7)).toBe('Check');
    expect(String(sheet.cell(3, 7))).toMatch(/error/);
    expect(sheet.maxColumns).toBe(7);
  });

  test('a sheet that is not a plan gets a clear message and nothing is written', () => {
    const loaded = loadBundle();
    const sheet = loaded.world.spreadsheet.addSheet('Budget', 20, 5);
    sheet.seed([
      ['Item', 'Cost'],
      ['Laptops', 12000],
    ]);
    const before = sheet.snapshot();
    const result = loaded.api('apiCheck', { sheet: null });
    expect(result).toEqual({
      ok: false,
      error: { code: 'not-a-plan', message: expect.stringContaining('"Budget" is not a plan') },
    });
    if (!result.ok) expect(result.error.message).toMatch(/ID, Level, Title.*insert a template/);
    expect(sheet.snapshot()).toEqual(before);
    const state = loaded.api('apiGetState');
    expect(state.sheet).toEqual({
      name: 'Budget',
      isPlan: false,
      mapped: false,
      message: expect.stringContaining('not a plan'),
    });
  });

  test('a Date, Label sheet is a plan here as it is for the command: the same rows, findings and guesses, with the way to the form', async () => {
    // A title line, then headers that name no Title: the titles are guessed from the cells of Label.
    const above = [['Q3 milestones of team Atlas'], []];
    const header = ['Date', 'Label', 'Owner'];
    const rows = [
      ['2026-01-10', 'Kickoff with the team', 'Ana'],
      ['2026-06-10', 'Beta release to pilot users', ''],
      ['2026-09-30', 'Launch in two regions', 'Bo'],
    ];
    const loaded = loadBundle();
    withToday(loaded);
    const sheet = seedPlan(
      loaded.world,
      { header, rows: rows.map(([date, ...rest]) => [day(date), ...rest]) },
      'Milestones',
      above,
    );
    expect(loaded.api('apiGetState').sheet).toMatchObject({ name: 'Milestones', isPlan: true, mapped: false });
    const result = loaded.api('apiCheck', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    const addOn = result.value;

    const dir = await tempDir();
    const file = join(dir, 'milestones.csv');
    await writeFile(file, [...above, header, ...rows].map((line) => line.join(',')).join('\n') + '\n');
    const command = json<{
      rows: number;
      reading: { guesses: string[] };
      findings: { row: number; id: string; rule: string }[];
    }>(await cascade(['lint', '--format', 'json', '--today', TODAY, file]));
    expect(addOn.rows).toBe(3);
    expect(command.rows).toBe(addOn.rows);
    const byRow = (list: { row: number; id: string; rule: string }[]) =>
      list.map((f) => `${f.row} ${f.id} ${f.rule}`).sort();
    const addOnFindings = addOn.groups.flatMap((g) => g.findings.map((f) => ({ row: g.row, id: g.id, rule: f.rule })));
    expect(byRow(addOnFindings)).toEqual(byRow(command.findings));
    expect(addOnFindings.some((f) => f.row === 5 && f.id === 'M2' && f.rule === 'owner/missing')).toBe(true);
    // The guesses the command warns about are said here too, with the button to the mapping form.
    const guess = addOn.notices.find((n) => n.action === 'use-this-sheet');
    expect(guess?.level).toBe('warning');
    for (const text of command.reading.guesses) expect(guess?.text).toContain(text);
    expect(sheet.cell(3, 4)).toBe('Check');
  });

  test('waits for the document lock and refuses, writing nothing, while someone else holds it', () => {
    const loaded = loadBundle();
    const sheet = seedPlan(loaded.world, smallPlan());
    loaded.world.lock.busy = true;
    const before = sheet.snapshot();
    const result = loaded.api('apiCheck', { sheet: null });
    expect(result).toEqual({ ok: false, error: { code: 'busy', message: expect.stringContaining('Try again') } });
    expect(sheet.snapshot()).toEqual(before);
  });

  test('holds the lock while writing and flushes while it still holds it; the end of the execution releases it', () => {
    const loaded = loadBundle();
    seedPlan(loaded.world, smallPlan());
    loaded.world.counter.reset();
    let heldAtFlush = false;
    loaded.world.counter.beforeNext('SpreadsheetApp.flush', () => (heldAtFlush = loaded.world.lock.held));
    expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
    const log = loaded.world.counter.log;
    const locked = log.indexOf('Lock.tryLock');
    const write = log.lastIndexOf('Range.setValues');
    const flush = log.indexOf('SpreadsheetApp.flush');
    expect(locked).toBeGreaterThanOrEqual(0);
    expect(locked < write && write < flush).toBe(true);
    expect(heldAtFlush).toBe(true);
    // Released by Apps Script when the script ends, not by a call of ours (one call less per action).
    expect(log).not.toContain('Lock.releaseLock');
    expect(loaded.world.lock.held).toBe(false);
    expect(loaded.api('apiCheck', { sheet: null }).ok).toBe(true);
  });

  test('rejects a request the sidebar should never send, naming the field', () => {
    const loaded = loadBundle();
    const result = loaded.run('apiCheck', { sheet: 42 }) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-request');
    // Words, not zod/mini's bare "Invalid input": the bundle carries zod's English messages.
    expect(result.error.message).toBe(
      'The sidebar sent a request Cascade cannot read: sheet: Invalid input: expected string, received number',
    );
    const select = loaded.run('apiSelect', { sheet: 'Plan', row: -3, col: null }) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(select.error.code).toBe('bad-request');
    expect(select.error.message).toContain('row: Too small: expected number to be >=1');
  });

  test('makes the same small number of service calls for 100 and 5,000 rows: 11 from the sidebar', () => {
    const calls = (rows: number, sidebar: boolean) => {
      const loaded = loadBundle();
      withToday(loaded);
      seedPlan(loaded.world, bigPlan(rows));
      const state = loaded.api('apiGetState');
      const context = sidebar
        ? { context: { settings: state.settings, mappings: state.mappings, timeZone: state.timeZone } }
        : {};
      loaded.world.counter.reset();
      const result = loaded.api('apiCheck', { sheet: null, ...context });
      expect(result.ok).toBe(true);
      return { total: loaded.world.counter.serviceCalls, summary: loaded.world.counter.summary() };
    };
    const small = calls(100, true);
    const large = calls(5_000, true);
    expect(large.summary).toEqual(small.summary);
    // 14 before the sidebar sent its settings, mappings and time zone (3 calls) and the active sheet
    // came from SpreadsheetApp.getActiveSheet (the spreadsheet is never opened: 1 call); 10 before
    // the Check column was read again just before its write (1 call), so that a person's edit made
    // meanwhile is kept.
    expect(small.total).toBe(11);
    for (const name of [
      'PropertiesService.getDocumentProperties',
      'Spreadsheet.getSpreadsheetTimeZone',
      'SpreadsheetApp.getActiveSpreadsheet',
    ])
      expect(small.summary[name], name).toBeUndefined();
    // One read of the whole sheet; the Check column read again and written through one range.
    expect(small.summary['Sheet.getSheetValues']).toBe(1);
    expect(small.summary['Range.getValues']).toBe(1);
    expect(small.summary['Range.setValues']).toBe(1);
    // Without the sidebar's context: the document's properties (2), the spreadsheet and its zone (2).
    const bare = calls(100, false);
    expect(bare.total).toBe(15);
    expect({ ...bare.summary, ...small.summary }).toEqual(bare.summary);
  });

  test('a plan without a Progress column has no formulas to read: 9 calls from the sidebar', () => {
    const loaded = loadBundle();
    withToday(loaded);
    const full = bigPlan(100);
    const drop = full.header.indexOf('Progress');
    seedPlan(loaded.world, {
      header: full.header.filter((_, i) => i !== drop),
      rows: full.rows.map((row) => row.filter((_, i) => i !== drop)),
    });
    const state = loaded.api('apiGetState');
    loaded.world.counter.reset();
    const result = loaded.api('apiCheck', {
      sheet: null,
      context: { settings: state.settings, mappings: state.mappings, timeZone: state.timeZone },
    });
    expect(result.ok).toBe(true);
    expect(loaded.world.counter.count('Range.getFormulas')).toBe(0);
    expect(loaded.world.counter.serviceCalls).toBe(9);
  });

  test('uses the settings the sidebar sends: its "today", not the saved one', () => {
    const loaded = loadBundle();
    withToday(loaded, '2026-05-01');
    seedPlan(loaded.world, smallPlan());
    const state = loaded.api('apiGetState');
    const settings = { ...state.settings, today: '2026-09-30' };
    const result = loaded.api('apiCheck', {
      sheet: null,
      context: { settings, mappings: state.mappings, timeZone: state.timeZone },
    });
    expect(result.ok && result.value.today).toBe('2026-09-30');
    // Without the sidebar's context, the saved settings are read.
    const saved = loaded.api('apiCheck', { sheet: null });
    expect(saved.ok && saved.value.today).toBe('2026-05-01');
  });

  test('refuses a context the sidebar should never send, naming the field', () => {
    const loaded = loadBundle();
    const state = loaded.api('apiGetState');
    const result = loaded.run('apiCheck', {
      sheet: null,
      context: { settings: state.settings, mappings: state.mappings, timeZone: 'Europe/Paris; rm' },
    }) as { ok: boolean; error: { code: string; message: string } };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toContain('context.timeZone');
  });
});

describe('Fix IDs', () => {
  test('fills blank IDs with the core’s new IDs and leaves every other ID cell exactly as it was', () => {
    const loaded = loadBundle();
    const table = smallPlan();
    const sheet = seedPlan(loaded.world, table);
    const result = loaded.api('apiFixIds', { sheet: 'Plan' });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.filled).toHaveLength(1);
    const { row, id } = result.value.filled[0];
    expect(row).toBe(6);
    expect(id).toMatch(/^T/);
    expect(sheet.cell(6, col('ID'))).toBe(id);
    expect(sheet.cell(2, col('ID'))).toBe('O1');
    const again = loaded.api('apiFixIds', { sheet: 'Plan' });
    expect(again.ok && again.value.filled).toEqual([]);
  });

  test('with many scattered blanks, writes one block and keeps text IDs as text and formula IDs as formulas', () => {
    const loaded = loadBundle();
    const header = ['ID', 'Level', 'Parent', 'Title', 'Owner'];
    const rows: unknown[][] = [];
    for (let i = 0; i < 40; i++) {
      const kind = i % 4;
      const id = kind === 0 ? '' : kind === 1 ? `1.${i + 9}` : kind === 2 ? `=CONCAT("KR-", ${i})` : `K${i}`;
      rows.push([id, 'Key Result', '', `Sign ${i + 10} new accounts`, 'Tom']);
    }
    const sheet = loaded.world.spreadsheet.addSheet('Many', 60, 6);
    // Text IDs that look like numbers ("1.10"): written back unquoted, Sheets would make them 1.1.
    sheet.seed([header, ...rows]);
    loaded.world.spreadsheet.active = sheet;
    loaded.world.counter.reset();
    const result = loaded.api('apiFixIds', { sheet: null });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.filled).toHaveLength(10);
    expect(loaded.world.counter.count('Range.setValues')).toBe(1);
    for (let i = 0; i < 40; i++) {
      const r = i + 2;
      if (i % 4 === 1) expect(sheet.cell(r, 1)).toBe(`1.${i + 9}`);
      if (i % 4 === 2) expect(sheet.formula(r, 1)).toBe(`=CONCAT("KR-", ${i})`);
      if (i % 4 === 3) expect(sheet.cell(r, 1)).toBe(`K${i}`);
      if (i % 4 === 0) expect(String(sheet.cell(r, 1))).not.toBe('');
    }
  });
});

describe('Select', () => {
  test('a finding selects its row, or its cell, in the plan sheet, switching to it', () => {
    const loaded = loadBundle();
    seedPlan(loaded.world, smallPlan());
    const other = loaded.world.spreadsheet.addSheet('Notes');
    loaded.world.spreadsheet.active = other;
    const cell = loaded.api('apiSelect', { sheet: 'Plan', row: 4, col: col('Owner') });
    expect(cell).toEqual({ ok: true, value: { selected: 'Plan!F4' } });
    const active = loaded.world.spreadsheet.activeRange!;
    expect([active.sheet.name, active.row, active.col, active.rows, active.cols]).toEqual([
      'Plan',
      4,
      col('Owner'),
      1,
      1,
    ]);
    expect(loaded.world.spreadsheet.active?.name).toBe('Plan');
    const row = loaded.api('apiSelect', { sheet: 'Plan', row: 7, col: null });
    expect(row.ok && row.value.selected).toBe('Plan!A7:U7');
    const gone = loaded.api('apiSelect', { sheet: 'Old plan', row: 2, col: null });
    expect(gone.ok).toBe(false);
  });
});

describe('plan notices', () => {
  /** A fresh spreadsheet holding the table, checked. */
  const checked = (table: RawTable) => {
    const loaded = loadBundle();
    withToday(loaded);
    seedPlan(loaded.world, table);
    const check = loaded.api('apiCheck', { sheet: null });
    if (!check.ok) throw new Error(check.error.message);
    return { loaded, check: check.value };
  };

  test('Check and Update progress say how the plan was read: columns named twice, day-first dates, another framework that fits', () => {
    const table = noticePlan();
    const { loaded, check } = checked(table);
    const dates = dateOrderNotice(readPlan(table));
    expect(dates?.level).toBe('note');
    const texts = check.notices.map((n) => n.text);
    expect(check.notices).toEqual([
      {
        level: 'warning',
        text: 'Columns E and I are both Owner; Cascade reads E and ignores I. Rename or remove one.',
      },
      // The core's words, as a sentence: 06/07/2026 is July 6 here, like 30/06/2026.
      { level: 'note', text: dates!.text[0].toUpperCase() + dates!.text.slice(1) },
      {
        level: 'note',
        text: 'Read as a Personal plan from its levels; Goal, Task fit a Project plan too: choose the framework in Settings.',
      },
    ]);
    expect(texts[1]).toMatch(
      /^Read the date 06\/07\/2026 in cell F3 day first \(2026-07-06\), like 30\/06\/2026 in cell F2\./,
    );

    const progress = loaded.api('apiProgress', { sheet: null });
    if (!progress.ok) throw new Error(progress.error.message);
    expect(progress.value.notices).toEqual(check.notices);

    // A framework chosen in Settings leaves nothing to say about other frameworks.
    expect(
      loaded.api('apiSaveSettings', { today: TODAY, allowOver: false, framework: 'personal', liveCheck: true }).ok,
    ).toBe(true);
    const chosen = loaded.api('apiCheck', { sheet: null });
    if (!chosen.ok) throw new Error(chosen.error.message);
    expect(chosen.value.notices.map((n) => n.text)).toEqual(texts.slice(0, 2));
  });

  test('a plan read as it always is has no notices', () => {
    const { check } = checked(smallPlan());
    expect(check.notices).toEqual([]);
  });

  test('a finding about a column the plan lacks names that column and selects no unrelated cell', () => {
    const { check } = checked(noticePlan());
    const findings = check.groups.flatMap((g) => g.findings);
    const review = findings.find((f) => f.rule === 'review/no-cadence');
    expect(review, 'the goal has no review cadence').toBeDefined();
    expect(review).toMatchObject({ column: 'Review', missingColumn: true, col: null });
    // Findings about a cell the plan has still point at it.
    for (const f of findings.filter((f) => !f.missingColumn && f.column !== null)) expect(f.col).not.toBeNull();
  });
});
