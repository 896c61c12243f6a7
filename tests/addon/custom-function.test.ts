// =CASCADE_PROGRESS(start, target, current, [type]) from the built bundle: the core's math, for
// single cells and for ranges (Sheets passes 2-D arrays and spills a 2-D result).
import { describe, expect, test } from 'vitest';
import { measureProgress } from '../../shared/index.js';
import { loadBundle } from './harness.js';

describe('CASCADE_PROGRESS', () => {
  const { run, world } = loadBundle();
  const progress = (...args: unknown[]) => run('CASCADE_PROGRESS', ...args);

  test.each([
    [0, '$120M', '$60M', undefined],
    [0, 1000, 700, ''],
    [450, 200, 300, 'decrease'],
    [30, 45, '', undefined],
    [null, 0.02, 0.01, 'at most'],
    [null, null, 'done', 'milestone'],
    [10, 10, 12, undefined],
    ['n/a', 100, 50, undefined],
    [0, 50, 80, 'increase'],
  ])('start %s, target %s, current %s, type %s: the core’s value', (start, target, current, type) => {
    const expected = measureProgress(start, target, current, type ?? null);
    expect(progress(start, target, current, type)).toBe(expected ?? '');
  });

  test('the seed examples: $60M of $120M is 50 %, 700 of 1,000 leads is 70 %', () => {
    expect(progress(0, 120_000_000, 60_000_000)).toBe(0.5);
    expect(progress(0, '1,000', 700)).toBe(0.7);
  });

  test('ranges give a 2-D array of the same shape; single cells are spread over them', () => {
    const result = progress([[0], [10], [450]], [[100], [20], [200]], [[50], [15], [400]], 'increase');
    expect(result).toEqual([[0.5], [0.5], [measureProgress(450, 200, 400, 'increase')]]);
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
