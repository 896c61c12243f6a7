import { describe, expect, it } from 'vitest';
import { fillBlankIds, readPlan } from '../../shared/index.js';
import { planOf } from './helpers.js';

describe('fillBlankIds', () => {
  it('numbers rows below a numbered parent, top-level rows by level, and never renames', () => {
    const plan = planOf([
      { ID: 'O1', Level: 'Objective', Title: 'a' },
      { ID: '', Level: 'Key Result', Parent: 'O1', Title: 'b' },
      { ID: 'KR1.1', Level: 'Key Result', Parent: 'O1', Title: 'c' },
      { ID: '', Level: 'Key Result', Parent: 'o1', Title: 'd' },
      { ID: '', Level: 'Task', Parent: 'KR1.1', Title: 'e' },
      { ID: '', Level: 'Objective', Title: 'f' },
      { ID: 'kr1.3', Level: 'Key Result', Parent: 'O1', Title: 'g' },
      { ID: '', Level: 'Key Result', Parent: 'O1', Title: 'h' },
    ]);
    expect(fillBlankIds(plan)).toEqual([
      { index: 1, row: 3, id: 'KR1.2' },
      { index: 3, row: 5, id: 'KR1.4' },
      { index: 4, row: 6, id: 'T1.1.1' },
      { index: 5, row: 7, id: 'O2' },
      { index: 7, row: 9, id: 'KR1.5' },
    ]);
    expect(plan.items.map((i) => i.id)).toEqual(['O1', '', 'KR1.1', '', '', '', 'kr1.3', '']);
  });

  it('uses each level’s prefix', () => {
    const levels = [
      'Purpose',
      'Vision',
      'Outcome',
      'Goal',
      'Objective',
      'Key Result',
      'Milestone',
      'Subgoal',
      'Tactic',
      'Task',
      'Epic',
    ];
    const plan = planOf(levels.map((Level) => ({ ID: '', Level, Title: 't' })));
    expect(fillBlankIds(plan).map((f) => f.id)).toEqual([
      'P1',
      'V1',
      'OC1',
      'G1',
      'O1',
      'KR1',
      'M1',
      'SG1',
      'TC1',
      'T1',
      'R1',
    ]);
  });

  it('numbers deep rows, rows under an unnumbered parent and rows with a missing parent flat', () => {
    const plan = planOf([
      { ID: 'T1.2.3', Level: 'Task', Title: 'a' },
      { ID: '', Level: 'Task', Parent: 'T1.2.3', Title: 'b' },
      { ID: 'Launch', Level: 'Objective', Title: 'c' },
      { ID: '', Level: 'Key Result', Parent: 'launch', Title: 'd' },
      { ID: 'KR-1', Level: 'Key Result', Title: 'e' },
      { ID: '', Level: 'Key Result', Parent: 'nowhere', Title: 'f' },
    ]);
    expect(fillBlankIds(plan).map((f) => f.id)).toEqual(['T-1', 'KR-2', 'KR-3']);
  });

  it('skips IDs already taken, case-insensitively', () => {
    const plan = planOf([
      { ID: 'o1', Level: 'Objective', Title: 'a' },
      { ID: 'O2', Level: 'Objective', Title: 'b' },
      { ID: '', Level: 'Objective', Title: 'c' },
      { ID: 'O3 ', Level: 'Objective', Title: 'd' },
    ]);
    expect(fillBlankIds(plan)).toEqual([{ index: 2, row: 4, id: 'O4' }]);
  });

  // Its cost at 100,000 rows (linear) is printed by `npm run bench` (bench/core.ts), not timed here.
  it('gives thousands of blank rows unique IDs that follow their parent', () => {
    const rows = [['O1', 'Objective', 'root', '']];
    for (let i = 0; i < 3_000; i++) rows.push(['', i % 2 ? 'Task' : 'Key Result', 'x', i % 3 ? 'O1' : '']);
    const plan = readPlan({ header: ['ID', 'Level', 'Title', 'Parent'], rows });
    const filled = fillBlankIds(plan);
    const ids = filled.map((f) => f.id.toLowerCase());
    expect(ids).toHaveLength(3_000);
    expect(new Set(ids).size).toBe(3_000);
    // Rows under O1 are numbered after it; rows without a parent get their level's next number.
    expect(filled.slice(0, 4).map((f) => f.id)).toEqual(['KR1', 'T1.1', 'KR1.1', 'T1']);
  });

  it('returns nothing when every row has an ID', () => {
    expect(fillBlankIds(planOf([{ ID: 'O1', Level: 'Objective', Title: 'a' }]))).toEqual([]);
  });
});
