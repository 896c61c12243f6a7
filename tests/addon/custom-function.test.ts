// =CASCADE_PROGRESS(start, target, current, [type]) from the built bundle: the core's math, for
// single cells and for ranges (Sheets passes 2-D arrays and spills a 2-D result).
import { describe, expect, test } from 'vitest';
import { loadBundle } from './harness.js';

describe('CASCADE_PROGRESS', () => {
  const { run, world } = loadBundle();
  const progress = (...args: unknown[]) => run('CASCADE_PROGRESS', ...args);

  // Expected values worked out by hand from docs/progress.md, not by the function under test.
  test.each([
    [0, '$120M', '$60M', undefined, 0.5],
    [0, 1000, 700, '', 0.7],
    // A decrease from 450 to 200, at 300: 150 of 250 done.
    [450, 200, 300, 'decrease', 0.6],
    // No check-in yet: still at the start.
    [30, 45, '', undefined, 0],
    [null, 0.02, 0.01, 'at most', 1],
    [null, null, 'done', 'milestone', 1],
    // Start equal to Target: nothing to measure, a blank cell.
    [10, 10, 12, undefined, ''],
    ['n/a', 100, 50, undefined, ''],
    // Past the target: clamped to 100 %.
    [0, 50, 80, 'increase', 1],
  ])('start %s, target %s, current %s, type %s: %s', (start, target, current, type, expected) => {
    expect(progress(start, target, current, type)).toBe(expected);
  });

  test('the seed examples: $60M of $120M is 50 %, 700 of 1,000 leads is 70 %', () => {
    expect(progress(0, 120_000_000, 60_000_000)).toBe(0.5);
    expect(progress(0, '1,000', 700)).toBe(0.7);
  });

  test('ranges give a 2-D array of the same shape; single cells are spread over them', () => {
    const result = progress([[0], [10], [450]], [[100], [20], [200]], [[50], [15], [400]], 'increase');
    // 450 → 200 at 400 (typed increase, read by the numbers): 50 of 250.
    expect(result).toEqual([[0.5], [0.5], [0.2]]);
    const mixed = progress(0, [[100, 200]], [[50, 50]]);
    expect(mixed).toEqual([[0.5, 0.25]]);
    const typed = progress([[450], [0]], [[200], [10]], [[325], [5]], [['decrease'], ['']]);
    expect(typed).toEqual([[0.5], [0.5]]);
  });

  test('ranges of different sizes give a clear error', () => {
    expect(() => progress([[0], [1]], [[1], [2], [3]], [[0], [1]])).toThrow(/same size/);
  });

  test('is read-only: it calls no service', () => {
    world.counter.reset();
    progress([[0], [10]], [[100], [20]], [[50], [15]]);
    expect(world.counter.serviceCalls).toBe(0);
  });
});
