// The words plans use: unknown statuses are said, placeholders are blank and said once per column,
// a column the plan lacks is one finding for the plan.
import { describe, expect, it } from 'vitest';
import { checkSummaries, dayFromIso } from '../../shared/index.js';
import { check, one, only, planOf, TODAY } from './helpers.js';
import { OKR_KR, OKR_O, OKR_T, okrRows } from './plans.js';
import { checkPlan } from '../../shared/index.js';

describe('status/unknown', () => {
  it('is a warning on a Status Cascade cannot read, never silence', () => {
    const f = one(check([OKR_O, { ...OKR_KR, status: 'Someday maybe' }, OKR_T]), 'status/unknown', 'KR1');
    expect(f).toMatchObject({ row: 3, severity: 'warning', column: 'status' });
    expect(f.message).toBe(
      'Status "Someday maybe" is not a status Cascade knows, so the row is read as having no status.',
    );
    expect(f.hint).toContain('Not started, On track, At risk, Off track, Done, Paused, Dropped');
  });

  it('says a spreadsheet error is a broken formula', () => {
    expect(one(check([OKR_O, { ...OKR_KR, status: '#REF!' }, OKR_T]), 'status/unknown', 'KR1').hint).toContain(
      'formula is broken',
    );
  });

  it.each([
    'In progress',
    'WIP',
    'Blocked',
    'Behind',
    'atRisk',
    'offTrack',
    '✅ Done',
    'Done — target met',
    'Complete',
    'Cancelled',
    'On hold',
    '🟡 58%',
    'En curso',
    'Terminado',
    'Erledigt',
    'In Bearbeitung',
    'Terminé',
    'En retard',
  ])('is quiet on %j, a status people write', (status) => {
    expect(only(check([OKR_O, { ...OKR_KR, status }, OKR_T]), 'status/unknown')).toEqual([]);
  });

  it('counts a Done written another way as done: no overdue warning', () => {
    const late = { ...OKR_KR, dueDate: '2026-04-01', current: 0 };
    expect(only(check([OKR_O, { ...late, status: 'On track' }, OKR_T]), 'progress/overdue')).toHaveLength(1);
    expect(only(check([OKR_O, { ...late, status: '✅ Done' }, OKR_T]), 'progress/overdue')).toEqual([]);
    expect(only(check([OKR_O, { ...late, status: 'Abgeschlossen' }, OKR_T]), 'progress/overdue')).toEqual([]);
  });
});

describe('plan/placeholder', () => {
  it('reads TBD, n/a, —, ? and - as blank, with one warning per column that lists the rows', () => {
    const rows = [
      OKR_O,
      { ...OKR_KR, id: 'KR1', target: 'TBD', dueDate: '—' },
      { ...OKR_KR, id: 'KR2', target: 'n/a' },
      { ...OKR_KR, id: 'KR3', target: '?' },
      { ...OKR_KR, id: 'KR4', target: 80, current: '-' },
      OKR_T,
    ];
    const findings = check(rows);
    const placeholders = only(findings, 'plan/placeholder');
    expect(placeholders).toHaveLength(3);
    const target = placeholders.find((f) => f.column === 'target')!;
    expect(target).toMatchObject({ row: 1, id: '', severity: 'warning', rows: [3, 4, 5] });
    expect(target.message).toBe('Target holds a placeholder on rows 3–5 ("TBD", "n/a", "?"): read as blank.');
    expect(placeholders.find((f) => f.column === 'dueDate')!.rows).toEqual([3]);
    expect(placeholders.find((f) => f.column === 'current')!.rows).toEqual([6]);
    expect(only(findings, 'progress/bad-number')).toEqual([]);
    expect(only(findings, 'time-bound/bad-date')).toEqual([]);
    // The rules that need the value speak on their rows, as for a blank cell.
    expect(
      only(findings, 'measurable/no-target')
        .map((f) => f.id)
        .sort(),
    ).toEqual(['KR1', 'KR2', 'KR3']);
  });

  it('leaves each row its own Check cell: the plan-wide finding is on the header row', () => {
    const plan = planOf([OKR_O, { ...OKR_KR, target: 'TBD', title: 'Raise NPS from 30 to 45' }, OKR_T]);
    const findings = checkPlan(plan, { today: TODAY });
    expect(findings[0].rule).toBe('plan/placeholder');
    expect(checkSummaries(plan, findings)[1]).toBe('1 warning: no target');
  });
});

describe('a column the plan lacks', () => {
  it('is one finding for the plan, naming the rows, not one per row', () => {
    const rows = [...okrRows(), { ...OKR_KR, id: 'KR2' }, { ...OKR_KR, id: 'KR3' }];
    const findings = check(rows, {
      columns: ['id', 'level', 'parent', 'title', 'target', 'dueDate', 'review', 'lastCheckIn', 'status'],
    });
    const owner = only(findings, 'owner/missing');
    expect(owner).toHaveLength(1);
    expect(owner[0]).toMatchObject({
      row: 1,
      id: '',
      severity: 'error',
      column: 'title',
      missingColumn: 'owner',
      rows: [2, 3, 4, 5, 6],
    });
    expect(owner[0].message).toBe('No Owner column: no owner on rows 2–6.');
    expect(owner[0].hint).toMatch(/^Add an "Owner" column\. /);
    // Task's owner/missing is a warning, the others errors: the plan-wide finding takes the worst.
    expect(findings.filter((f) => f.missingColumn !== undefined).every((f) => f.row === 1)).toBe(true);
  });

  it('orders plan-wide findings first, errors before warnings', () => {
    const findings = check(okrRows(), { columns: ['id', 'level', 'parent', 'title', 'target', 'status'] });
    const planWide = findings.filter((f) => f.rows !== undefined);
    expect(planWide.length).toBeGreaterThanOrEqual(3);
    expect(findings.slice(0, planWide.length)).toEqual(planWide);
    const severities = planWide.map((f) => f.severity);
    expect(severities).toEqual([...severities].sort());
    expect(dayFromIso('2026-05-01')).toBe(TODAY);
  });
});
