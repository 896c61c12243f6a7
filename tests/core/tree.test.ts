import { describe, expect, it } from 'vitest';
import { ancestorsOf, buildTree, readPlan, type PlanTree } from '../../shared/index.js';
import { day, planOf, type RowSpec } from './helpers.js';

const treeOf = (rows: RowSpec[]): PlanTree => planOf(rows).tree;

describe('buildTree', () => {
  it('finds each row of a run of siblings and the rows after it, blank, unknown and differently written', () => {
    const tree = treeOf([
      { ID: 'O1', Level: 'Objective', Title: 'a' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'b' },
      { ID: 'T1', Level: 'Task', Parent: 'KR1', Title: 'c' },
      { ID: 'T2', Level: 'Task', Parent: 'KR1', Title: 'd' },
      { ID: 'T3', Level: 'Task', Parent: 'kr1 ', Title: 'e' },
      { ID: 'T4', Level: 'Task', Parent: 'KR9', Title: 'f' },
      { ID: 'T5', Level: 'Task', Parent: 'KR9', Title: 'g' },
      { ID: 'T6', Level: 'Task', Parent: '', Title: 'h' },
      { ID: 'KR2', Level: 'Key Result', Parent: 'O1', Title: 'i' },
      { ID: 'T7', Level: 'Task', Parent: 'KR1', Title: 'j' },
      { ID: 'T8', Level: 'Task', Parent: 'KR2', Title: 'k' },
    ]);
    expect([...tree.parent]).toEqual([-1, 0, 1, 1, 1, -1, -1, -1, 0, 1, 8]);
  });

  it('links parents and children by Parent ID, case-insensitively and trimmed', () => {
    const tree = treeOf([
      { ID: 'O1', Level: 'Objective', Title: 'a' },
      { ID: 'KR1', Level: 'Key Result', Parent: ' o1 ', Title: 'b' },
      { ID: 'kr2', Level: 'Key Result', Parent: 'O1', Title: 'c' },
      { ID: 'T1', Level: 'Task', Parent: 'KR2', Title: 'd' },
    ]);
    expect([...tree.parent]).toEqual([-1, 0, 0, 2]);
    expect(tree.children).toEqual([[1, 2], [], [3], []]);
    expect(tree.byId.get('kr2')).toBe(2);
    expect(tree.topDown).toEqual([0, 1, 2, 3]);
    expect(ancestorsOf(tree, 3)).toEqual([2, 0]);
  });

  it('puts parents before children even when children come first in the sheet', () => {
    const tree = treeOf([
      { ID: 'T1', Level: 'Task', Parent: 'KR1', Title: 'd' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'b' },
      { ID: 'O1', Level: 'Objective', Title: 'a' },
    ]);
    expect(tree.topDown).toEqual([2, 1, 0]);
  });

  it('reports duplicate IDs and links to the first row with the ID', () => {
    const tree = treeOf([
      { ID: 'O1', Level: 'Objective', Title: 'a' },
      { ID: ' o1', Level: 'Objective', Title: 'b' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'c' },
      { ID: 'O1', Level: 'Objective', Title: 'd' },
    ]);
    expect(tree.duplicateIds).toEqual([1, 3]);
    expect(tree.parent[2]).toBe(0);
  });

  it('links to the first row with the ID when the row above or its parent repeats it', () => {
    const tree = treeOf([
      { ID: 'o1', Level: 'Objective', Title: 'a' },
      { ID: 'O1', Level: 'Objective', Title: 'b' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'c' },
      { ID: 'KR1', Level: 'Key Result', Parent: 'O1', Title: 'd' },
      { ID: 'T1', Level: 'Task', Parent: 'KR1', Title: 'e' },
    ]);
    expect(tree.duplicateIds).toEqual([1, 3]);
    expect([...tree.parent]).toEqual([-1, -1, 0, 0, 2]);
    expect(tree.byId.get('o1')).toBe(0);
    expect(tree.byId.get('kr1')).toBe(2);
  });

  it('leaves a missing parent unlinked and rows without ID out of the index', () => {
    const tree = treeOf([
      { ID: 'KR1', Level: 'Key Result', Parent: 'O9', Title: 'a' },
      { ID: '', Level: 'Task', Parent: 'KR1', Title: 'b' },
    ]);
    expect([...tree.parent]).toEqual([-1, 0]);
    expect(tree.byId.size).toBe(1);
  });

  it('detects a self-loop and a longer cycle, cutting them, and keeps rows hanging below', () => {
    const tree = treeOf([
      { ID: 'A', Level: 'Objective', Parent: 'A', Title: 'self' },
      { ID: 'B', Level: 'Objective', Parent: 'D', Title: 'b' },
      { ID: 'C', Level: 'Key Result', Parent: 'B', Title: 'c' },
      { ID: 'D', Level: 'Task', Parent: 'C', Title: 'd' },
      { ID: 'E', Level: 'Task', Parent: 'C', Title: 'below the cycle' },
      { ID: 'F', Level: 'Task', Parent: 'E', Title: 'further below' },
    ]);
    expect([...tree.inCycle]).toEqual([1, 1, 1, 1, 0, 0]);
    expect([...tree.parent]).toEqual([-1, -1, -1, -1, 2, 4]);
    expect(tree.topDown).toHaveLength(6);
    expect(new Set(tree.topDown).size).toBe(6);
    expect(tree.topDown.indexOf(2)).toBeLessThan(tree.topDown.indexOf(4));
    expect(tree.topDown.indexOf(4)).toBeLessThan(tree.topDown.indexOf(5));
  });

  it('handles a chain of 200,000 rows without recursion limits', () => {
    const n = 200_000;
    const rows = Array.from({ length: n }, (_, i) => [`N${i}`, 'Task', 'step', i === 0 ? '' : `N${i - 1}`]);
    const plan = readPlan({ header: ['ID', 'Level', 'Title', 'Parent'], rows });
    expect(plan.tree.topDown[n - 1]).toBe(n - 1);
    expect(plan.tree.inCycle.every((v) => v === 0)).toBe(true);
    // close the chain into one big cycle
    rows[0][3] = `N${n - 1}`;
    const loop = readPlan({ header: ['ID', 'Level', 'Title', 'Parent'], rows });
    expect(loop.tree.inCycle.every((v) => v === 1)).toBe(true);
    expect(loop.tree.topDown).toHaveLength(n);
  });

  it('inherits start and due dates from the nearest ancestor that has one', () => {
    const tree = treeOf([
      { ID: 'G', Level: 'Goal', Title: 'g', 'Start date': '2026-01-01', 'Due date': '2026-12-31' },
      { ID: 'O', Level: 'Objective', Parent: 'G', Title: 'o', 'Due date': '2026-06-30' },
      { ID: 'M', Level: 'Milestone', Parent: 'O', Title: 'm', 'Start date': '2026-06-01', 'Due date': 'soon' },
      { ID: 'T', Level: 'Task', Parent: 'M', Title: 't' },
      { ID: 'X', Level: 'Task', Title: 'no dates anywhere' },
    ]);
    expect(tree.dueDate).toEqual([day('2026-12-31'), day('2026-06-30'), day('2026-06-30'), day('2026-06-30'), null]);
    expect(tree.startDate).toEqual([day('2026-01-01'), day('2026-01-01'), day('2026-06-01'), day('2026-06-01'), null]);
  });

  it('works on an empty list', () => {
    const tree = buildTree([]);
    expect(tree.topDown).toEqual([]);
    expect(tree.parent.length).toBe(0);
  });
});
