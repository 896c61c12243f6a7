import { describe, expect, it } from 'vitest';
import { check, one, only } from './helpers.js';
import { alignmentRows, OKR_KR, OKR_O, OKR_T, PROJECT_G, PROJECT_M, PROJECT_O, PROJECT_T } from './plans.js';

const project = (objective: object) => check([PROJECT_G, { ...PROJECT_O, ...objective }, PROJECT_M, PROJECT_T]);

describe('achievable/timeframe', () => {
  it('warns about a project Objective longer than four weeks, quoting its dates', () => {
    const f = one(project({ startDate: '2026-04-10', dueDate: '2026-05-24' }), 'achievable/timeframe', 'O1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'dueDate' });
    expect(f.message).toContain('"Migrate 50% of workloads to AWS"');
    expect(f.message).toContain('44 days');
    expect(f.message).toContain('2026-04-10');
    expect(f.message).toContain('four weeks');
    expect(f.hint).toContain('one to four weeks');
  });

  it('allows exactly four weeks and fires one day later', () => {
    expect(only(project({ startDate: '2026-04-20', dueDate: '2026-05-18' }), 'achievable/timeframe')).toEqual([]);
    expect(only(project({ startDate: '2026-04-20', dueDate: '2026-05-19' }), 'achievable/timeframe')).toHaveLength(1);
  });

  it("uses the Goal's Start date when the Objective has none, and says so", () => {
    // G1 starts 2026-04-01; the objective is due 2026-05-15.
    const f = one(project({ startDate: null }), 'achievable/timeframe', 'O1');
    expect(f.message).toContain('2026-04-01 (inherited)');
    expect(f.hint).toContain('Start date');
  });

  it('warns about an OKR or alignment Objective longer than one year, not about one of exactly a year', () => {
    const long = check([{ ...OKR_O, startDate: '2026-01-01', dueDate: '2027-01-02' }, OKR_KR, OKR_T]);
    expect(one(long, 'achievable/timeframe', 'O1').message).toContain('longer than one year');
    const year = check([{ ...OKR_O, startDate: '2026-01-01', dueDate: '2027-01-01' }, OKR_KR, OKR_T]);
    expect(only(year, 'achievable/timeframe')).toEqual([]);
    const rows = alignmentRows();
    rows[3] = { ...rows[3], startDate: '2026-01-01', dueDate: '2027-06-30' };
    expect(one(check(rows, { framework: 'alignment' }), 'achievable/timeframe', 'O1').severity).toBe('warning');
  });

  it('does not apply without dates, nor to other levels', () => {
    expect(only(project({ startDate: null, dueDate: null }), 'achievable/timeframe')).toEqual([]);
    const krLong = check([OKR_O, { ...OKR_KR, startDate: '2026-04-01', dueDate: '2026-06-30' }, OKR_T]);
    expect(only(krLong, 'achievable/timeframe')).toEqual([]);
  });
});
