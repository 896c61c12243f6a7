import { describe, expect, it } from 'vitest';
import { check, one, only, type Row } from './helpers.js';
import { alignmentRows, OKR_KR, OKR_O, OKR_T, PROJECT_G, PROJECT_O } from './plans.js';

const keyResults = (count: number, extra: Row = {}): Row[] =>
  Array.from({ length: count }, (_, i) => ({
    ...OKR_KR,
    id: `KR${i + 1}`,
    title: `Raise NPS in region ${i + 1} from 30 to 45`,
    ...extra,
  }));

describe('count/too-many', () => {
  it('warns about an Objective with more than 5 Key Results', () => {
    const f = one(check([OKR_O, ...keyResults(6)]), 'count/too-many', 'O1');
    expect(f).toMatchObject({ row: 2, severity: 'warning', column: 'title' });
    expect(f.message).toContain('"Delight our small-business customers this quarter"');
    expect(f.message).toContain('6 Key Results');
    expect(f.hint).toContain('3–5');
  });

  it('accepts 5, does not count Dropped ones, nor rows of other levels', () => {
    expect(only(check([OKR_O, ...keyResults(5)]), 'count/too-many')).toEqual([]);
    expect(
      only(check([OKR_O, ...keyResults(5), { ...OKR_KR, id: 'KR9', status: 'Dropped' }]), 'count/too-many'),
    ).toEqual([]);
    const tasks = Array.from({ length: 8 }, (_, i) => ({ ...OKR_T, id: `T${i}`, parent: 'O1' }));
    expect(only(check([OKR_O, ...keyResults(2), ...tasks]), 'count/too-many')).toEqual([]);
  });

  it('counts Objectives under a project Goal and under an alignment Outcome', () => {
    const objectives = (parent: string) =>
      Array.from({ length: 6 }, (_, i) => ({
        ...PROJECT_O,
        id: `O${i + 1}`,
        parent,
        title: `Migrate wave ${i + 1} of 8 workloads`,
      }));
    const goal = one(check([PROJECT_G, ...objectives('G1')], { framework: 'project' }), 'count/too-many', 'G1');
    expect(goal.message).toContain('6 Objectives');
    const outcome = one(
      check([...alignmentRows().slice(0, 3), ...objectives('OC1')], { framework: 'alignment' }),
      'count/too-many',
      'OC1',
    );
    expect(outcome.message).toContain('6 Objectives');
  });

  it('does not apply to Key Results with many Tasks', () => {
    const tasks = Array.from({ length: 9 }, (_, i) => ({ ...OKR_T, id: `T${i}` }));
    expect(only(check([OKR_O, OKR_KR, ...tasks]), 'count/too-many')).toEqual([]);
  });
});
