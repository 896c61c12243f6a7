import { HyperFormula } from 'hyperformula';
import { describe, expect, it } from 'vitest';
import { columnLetter, measureProgress, progressFormula, type CellValue } from '../../shared/index.js';

// The live Progress formula, evaluated by a real formula engine on a grid of cases, must give
// the same value as measureProgress (the core) for every row.

/** Full precision: by default the engine rounds results for display. */
const HF_CONFIG = { licenseKey: 'gpl-v3', smartRounding: false };

const LEVEL = 0;
const TYPE = 1;
const START = 2;
const TARGET = 3;
const CURRENT = 4;
const STATUS = 5;
const PROGRESS = 6;
const letters = {
  level: columnLetter(LEVEL),
  type: columnLetter(TYPE),
  start: columnLetter(START),
  target: columnLetter(TARGET),
  current: columnLetter(CURRENT),
  status: columnLetter(STATUS),
};

const TYPES: CellValue[] = [
  null,
  'increase',
  'decrease',
  'at least',
  'at most',
  'milestone',
  ' Increase ',
  'AT MOST',
  'bogus',
];
const STARTS: CellValue[] = [null, 0, 20, 100, -10, 'abc', '   '];
const TARGETS: CellValue[] = [null, 0, 20, 100, 'lots'];
const CURRENTS: CellValue[] = [null, 0, 10, 20, 55.5, 100, 150, -30, 'done', 'Yes', '✓', 'x', true, false, 1, 'half'];
const STATUSES: CellValue[] = [null, 'Done', ' done ', 'On track', 'Dropped'];
const LEVELS: CellValue[] = ['Key Result', 'Milestone'];

interface Case {
  level: CellValue;
  type: CellValue;
  start: CellValue;
  target: CellValue;
  current: CellValue;
  status: CellValue;
}

function grid(): Case[] {
  const cases: Case[] = [];
  for (const level of LEVELS)
    for (const type of level === 'Milestone' ? [null, 'milestone', 'increase'] : TYPES)
      for (const start of STARTS)
        for (const target of TARGETS)
          for (const current of CURRENTS)
            for (const status of STATUSES) {
              // Status variants on a subset keep the grid at a few thousand rows.
              const statusCase =
                level === 'Key Result' &&
                (start === 0 || start === 'abc') &&
                (target === 100 || target === null) &&
                (current === null || current === 20 || current === 'done');
              if (status !== null && !statusCase) continue;
              cases.push({ level, type, start, target, current, status });
            }
  return cases;
}

function evaluate(cases: Case[], allowOver: boolean) {
  const data = cases.map((c, i) => {
    const row: (CellValue | string)[] = [];
    row[LEVEL] = c.level;
    row[TYPE] = c.type;
    row[START] = c.start;
    row[TARGET] = c.target;
    row[CURRENT] = c.current;
    row[STATUS] = c.status;
    row[PROGRESS] = progressFormula(letters, i + 1, { allowOver });
    return row;
  });
  const hf = HyperFormula.buildFromArray(data as never, HF_CONFIG);
  const cell = (row: number, col: number) => hf.getCellValue({ sheet: 0, row, col });
  const results = cases.map((_, row) => ({
    // What the sheet holds after typing (the engine reads "  " and numbers in text as a sheet does).
    held: {
      level: cell(row, LEVEL),
      type: cell(row, TYPE),
      start: cell(row, START),
      target: cell(row, TARGET),
      current: cell(row, CURRENT),
      status: cell(row, STATUS),
    },
    formula: cell(row, PROGRESS),
  }));
  hf.destroy();
  return results;
}

function compare(allowOver: boolean) {
  const cases = grid();
  const results = evaluate(cases, allowOver);
  let measured = 0;
  const mismatches: string[] = [];
  results.forEach(({ held, formula }, i) => {
    const expected = measureProgress(
      held.start as CellValue,
      held.target as CellValue,
      held.current as CellValue,
      held.type as CellValue,
      {
        allowOver,
        status: held.status as CellValue,
        level: held.level as CellValue,
      },
    );
    const got = formula === '' || formula === null ? null : formula;
    if (typeof got === 'number') measured++;
    const same = expected === null ? got === null : typeof got === 'number' && Math.abs(got - expected) < 1e-12;
    if (!same && mismatches.length < 10)
      mismatches.push(`${JSON.stringify(cases[i])}: formula ${JSON.stringify(got)}, core ${expected}`);
  });
  return { count: cases.length, measured, mismatches };
}

describe('progressFormula evaluated by a formula engine', () => {
  it('computes the same value as the core on every case of the grid', () => {
    const { count, measured, mismatches } = compare(false);
    expect(mismatches).toEqual([]);
    expect(count).toBeGreaterThan(3000);
    expect(measured).toBeGreaterThan(count / 3); // the grid is not all blanks
  });

  it('agrees with the core when over-achievement is shown', () => {
    const { mismatches } = compare(true);
    expect(mismatches).toEqual([]);
  });

  it('gives the seed examples and the documented edge values', () => {
    const rows: CellValue[][] = [
      ['Key Result', '', 0, 120_000_000, 60_000_000, 'On track'],
      ['Key Result', '', 0, 1000, 700, ''],
      ['Key Result', 'decrease', 100, 50, 40, ''],
      ['Key Result', '', 50, 50, 50, ''],
      ['Objective', '', null, null, null, ''],
      ['Milestone', '', null, null, 'done', ''],
    ];
    const hf = HyperFormula.buildFromArray(
      rows.map((r, i) => [...r, progressFormula(letters, i + 1)]) as never,
      HF_CONFIG,
    );
    const values = rows.map((_, row) => hf.getCellValue({ sheet: 0, row, col: PROGRESS }));
    expect(values).toEqual([0.5, 0.7, 1, '', '', 1]);
  });

  it('uses only the functions Sheets and Excel share, no array literals, no LET', () => {
    const formula = progressFormula(letters, 7);
    const functions = new Set(formula.match(/[A-Z]+(?=\()/g));
    expect([...functions].sort()).toEqual(['AND', 'IF', 'ISNUMBER', 'LOWER', 'MAX', 'MIN', 'NOT', 'OR', 'TRIM']);
    expect(formula).not.toMatch(/[{}]/);
    expect(formula.startsWith('=IF(')).toBe(true);
    expect(formula).toContain('F7');
    expect(formula).not.toMatch(/[A-Z]8\b/);
  });

  it('decides milestones by Type alone when no Level column is given', () => {
    const { level: _level, ...withoutLevel } = letters;
    const hf = HyperFormula.buildFromArray(
      [['Milestone', '', null, null, 'yes', '', progressFormula(withoutLevel, 1)]] as never,
      HF_CONFIG,
    );
    expect(hf.getCellValue({ sheet: 0, row: 0, col: PROGRESS })).toBe('');
  });
});
