// Insert template through the built bundle: always a new sheet, everything from templateFor(),
// written in a few batched calls; dates land on the right day in any time zone.
import { describe, expect, test } from 'vitest';
import { dayFromIso, isoFromDay, templateFor } from '../../shared/index.js';
import type { ColumnKey, FrameworkId } from '../../shared/index.js';
import { loadBundle } from './harness.js';
import { seedPlan, smallPlan } from './plans.js';

const TODAY = '2026-05-01';

/** What the sidebar sends: the framework, and the "today" and over-100 % setting it shows. */
const request = (framework: FrameworkId, examples: boolean, allowOver = false) => ({
  framework,
  examples,
  today: TODAY,
  allowOver,
});

function insert(framework: FrameworkId, examples: boolean, timeZone = 'Etc/GMT') {
  const loaded = loadBundle({ timeZone });
  // For the checks some tests run afterwards; the template itself takes "today" from the request.
  expect(loaded.api('apiSaveSettings', { today: TODAY, allowOver: false, framework: null, liveCheck: true }).ok).toBe(
    true,
  );
  loaded.world.counter.reset();
  const result = loaded.api('apiInsertTemplate', request(framework, examples));
  if (!result.ok) throw new Error(result.error.message);
  const spec = templateFor(framework, { examples, today: dayFromIso(TODAY), fewWidths: true });
  return { loaded, result: result.value, spec, sheet: loaded.world.spreadsheet.sheet(result.value.sheet) };
}

const colOf = (spec: ReturnType<typeof templateFor>, key: ColumnKey) => (spec.columns[key] as number) + 1;

describe('Insert template', () => {
  test.each(['okr', 'project', 'alignment', 'personal'] as FrameworkId[])(
    '%s: a new sheet with the header, dropdowns, formats, colours, notes, frozen header and widths',
    (framework) => {
      const { result, spec, sheet, loaded } = insert(framework, false);
      expect(result).toEqual({ sheet: 'Cascade', framework, exampleRows: 0, formattedRows: spec.formattedRows });
      expect(loaded.world.spreadsheet.active?.name).toBe('Cascade');
      spec.header.forEach((h, c) => expect(sheet.cell(1, c + 1)).toBe(h));
      expect(sheet.frozenRows).toBe(spec.frozenRows);
      const last = spec.formattedRows + 1;
      for (const v of spec.validations) {
        for (const row of [2, last]) {
          const rule = sheet.validation(row, colOf(spec, v.column));
          expect(rule?.values, `${v.column} row ${row}`).toEqual(v.values);
          expect(rule?.allowInvalid).toBe(!v.strict);
        }
        expect(sheet.validation(1, colOf(spec, v.column))).toBeUndefined();
        expect(sheet.validation(last + 1, colOf(spec, v.column))).toBeUndefined();
      }
      for (const key of spec.dateColumns) expect(sheet.format(2, colOf(spec, key))).toBe(spec.formats.date);
      for (const key of spec.percentColumns) expect(sheet.format(500, colOf(spec, key))).toBe(spec.formats.percent);
      expect(sheet.format(2, colOf(spec, 'id'))).toBe('@');
      expect(sheet.conditionalFormatRules).toHaveLength(spec.colours.length);
      // One range spans Status to Pace: only number columns lie between them, and a word has one
      // colour in both, so each rule may apply to each column.
      const colourCols = spec.colours.map((c) => colOf(spec, c.column));
      const [first, end] = [Math.min(...colourCols), Math.max(...colourCols)];
      expect(spec.header.slice(first, end - 1)).toEqual(['Weight', 'Progress']);
      for (const [i, rule] of sheet.conditionalFormatRules.entries()) {
        const colour = spec.colours[i];
        expect([rule.text, rule.background, rule.fontColor]).toEqual([colour.equals, colour.background, colour.color]);
        expect(rule.ranges.map((r) => [r.row, r.col, r.cols])).toEqual([[2, first, end - first + 1]]);
        expect(rule.ranges[0].rows).toBe(sheet.maxRows - 1);
        const same = spec.colours.filter((c) => c.equals.toLowerCase() === colour.equals.toLowerCase());
        for (const other of same) expect([other.background, other.color]).toEqual([colour.background, colour.color]);
      }
      for (const [key, width] of Object.entries(spec.widths))
        expect(sheet.getColumnWidth(colOf(spec, key as ColumnKey)), key).toBe(width);
      expect(sheet.getColumnWidth(colOf(spec, 'title'))).toBeGreaterThan(300);
      expect(sheet.getColumnWidth(colOf(spec, 'owner'))).toBe(100); // the default: no call for it
      expect(sheet.style('fontWeights', 1, 1)).toBe('bold');
      expect(sheet.style('backgrounds', 1, 1)).toBe(spec.headerStyle.background);
      expect(sheet.style('fontColors', 1, 1)).toBe(spec.headerStyle.color);
      expect(sheet.style('backgrounds', 5, colOf(spec, 'check'))).toBe(spec.computedStyle.background);
      expect(sheet.style('notes', 1, colOf(spec, 'owner'))).toBe(spec.notes.owner);
      // The live Progress formula on every formatted row, nothing typed elsewhere.
      for (const row of [2, 100, last])
        expect(sheet.formula(row, colOf(spec, 'progress'))).toBe(spec.progressFormula(row));
      expect(sheet.formula(last + 1, colOf(spec, 'progress'))).toBe('');
      expect(sheet.cell(2, colOf(spec, 'title'))).toBe('');
    },
  );

  test('with examples: the seed examples, dates on their calendar day even at UTC+14, and a plan the check reads', () => {
    const { spec, sheet, loaded, result } = insert('project', true, 'Pacific/Kiritimati');
    expect(result.exampleRows).toBe(spec.rows.length);
    expect(spec.rows.length).toBeGreaterThan(3);
    const display = sheet.range(1, 1, spec.rows.length + 1, spec.header.length).getDisplayValues();
    spec.rows.forEach((cells, r) =>
      cells.forEach((cell, c) => {
        const shown = display[r + 1][c];
        if (cell instanceof Date)
          expect(shown, `row ${r + 2} col ${c + 1}`).toBe(isoFromDay(Math.round(cell.getTime() / 86_400_000)));
        else if (typeof cell === 'string' && cell.startsWith('=')) expect(sheet.formula(r + 2, c + 1)).toBe(cell);
        else if (typeof cell === 'number' && c !== colOf(spec, 'progress') - 1)
          expect(sheet.cell(r + 2, c + 1)).toBe(cell);
        else if (typeof cell === 'string') expect(sheet.cell(r + 2, c + 1)).toBe(cell);
      }),
    );
    const check = loaded.api('apiCheck', { sheet: null });
    if (!check.ok) throw new Error(check.error.message);
    expect(check.value.rows).toBe(spec.rows.length);
    expect(check.value.framework.id).toBe('project');
    // The examples are good cascades: no errors.
    expect(check.value.counts.error).toBe(0);
  });

  test('never writes over data: the next template goes into "Cascade 2", existing sheets untouched', () => {
    const loaded = loadBundle();
    const plan = seedPlan(loaded.world, smallPlan(), 'Cascade');
    const before = plan.snapshot();
    const first = loaded.api('apiInsertTemplate', request('okr', false));
    const second = loaded.api('apiInsertTemplate', request('personal', true));
    expect(first.ok && first.value.sheet).toBe('Cascade 2');
    expect(second.ok && second.value.sheet).toBe('Cascade 3');
    expect(plan.snapshot()).toEqual(before);
    expect(loaded.world.spreadsheet.sheets.map((s) => s.name)).toEqual(['Cascade', 'Cascade 2', 'Cascade 3']);
  });

  test('refuses an unknown framework without creating a sheet', () => {
    const loaded = loadBundle();
    const result = loaded.run('apiInsertTemplate', { ...request('okr', true), framework: 'waterfall' }) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toMatch(/okr, project, alignment, personal/);
    expect(loaded.world.spreadsheet.sheets).toHaveLength(0);
  });

  test('takes a constant number of batched calls, whatever the number of formatted rows and examples', () => {
    const bare = insert('okr', false);
    const full = insert('alignment', true);
    const calls = (l: typeof bare) => l.loaded.world.counter.summary();
    expect(calls(full)).toEqual(calls(bare));
    const summary = calls(bare);
    const names = [
      'Range.setValues',
      'Range.setDataValidations',
      'Range.setNumberFormats',
      'Range.setBackgrounds',
      'Range.setTextStyles',
      'Range.setNotes',
    ];
    for (const name of [...names, 'Sheet.setConditionalFormatRules', 'Sheet.setFrozenRows'])
      expect(summary[name], name).toBe(1);
    // Ranges from documented calls only: the whole sheet, then one per coloured column (a
    // RangeList's getRanges() promises no order, so none is used).
    expect(summary['Sheet.getRangeList']).toBeUndefined();
    expect(summary['Sheet.getRange']).toBe(2);
    // One call per run of equal widths, and only where a width is set.
    expect(summary['Sheet.setColumnWidths']).toBe(Object.keys(bare.spec.widths).length);
    // As many as before the ranges came from getRange (14), none of them told apart by order.
    expect(bare.loaded.world.counter.serviceCalls).toBe(14);
    // Settings and the time zone come with the request: nothing read for them.
    for (const name of ['Properties.getProperty', 'Spreadsheet.getSpreadsheetTimeZone'])
      expect(summary[name], name).toBeUndefined();
  });

  test('builds its Progress formulas with the over-100 % setting the sidebar sends', () => {
    for (const allowOver of [false, true]) {
      const loaded = loadBundle();
      expect(loaded.api('apiInsertTemplate', request('okr', false, allowOver)).ok).toBe(true);
      const spec = templateFor('okr', { allowOver });
      const sheet = loaded.world.spreadsheet.sheet('Cascade');
      expect(sheet.formula(2, colOf(spec, 'progress'))).toBe(spec.progressFormula(2));
    }
    expect(templateFor('okr', { allowOver: true }).progressFormula(2)).not.toBe(templateFor('okr').progressFormula(2));
  });

  test('refuses a request without the today the sidebar shows, naming the field', () => {
    const loaded = loadBundle();
    const result = loaded.run('apiInsertTemplate', { framework: 'okr', examples: true, allowOver: false }) as {
      ok: boolean;
      error: { code: string; message: string };
    };
    expect(result.ok).toBe(false);
    expect(result.error.code).toBe('bad-request');
    expect(result.error.message).toContain('today');
    expect(loaded.world.spreadsheet.sheets).toHaveLength(0);
  });
});
