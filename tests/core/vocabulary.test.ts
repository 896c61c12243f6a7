// Statuses, numbers and dates as managers write them (issue 8, item 4).
import { describe, expect, it } from 'vitest';
import {
  computeProgress,
  dayFromIso,
  isoFromDay,
  parseBoundedNumber,
  parseDay,
  readPlan,
  statusFromText,
  type CellValue,
} from '../../shared/index.js';
import { readManualProgress } from '../../shared/progress-cell.js';

describe('statusFromText', () => {
  it.each([
    ['In progress', 'On track'],
    ['WIP', 'On track'],
    ['Blocked', 'Off track'],
    ['Behind', 'At risk'],
    ['atRisk', 'At risk'],
    ['offTrack', 'Off track'],
    ['off_track', 'Off track'],
    ['✅ Done', 'Done'],
    ['✅', 'Done'],
    ['Done — target met', 'Done'],
    ['Complete', 'Done'],
    ['Complete (3/5)', 'Done'],
    ['Cancelled', 'Dropped'],
    ['On hold', 'Paused'],
    ['🟡 58%', 'At risk'],
    ['🟢', 'On track'],
    ['🔴 Off track', 'Off track'],
    ['Achieved 🎉', 'Done'],
    ['Not Started', 'Not started'],
    ['En curso', 'On track'],
    ['Completado', 'Done'],
    ['En riesgo', 'At risk'],
    ['Cancelado', 'Dropped'],
    ['Pendiente', 'Not started'],
    ['Erledigt', 'Done'],
    ['In Arbeit', 'On track'],
    ['Gefährdet', 'At risk'],
    ['Pausiert', 'Paused'],
    ['Abgebrochen', 'Dropped'],
    ['Terminé', 'Done'],
    ['En cours', 'On track'],
    ['À risque', 'At risk'],
    ['En attente', 'Paused'],
    ['Annulé', 'Dropped'],
    ['À faire', 'Not started'],
    ['进行中', 'On track'],
    ['進行中', 'On track'],
    ['已完成', 'Done'],
    ['有风险', 'At risk'],
    ['延迟', 'At risk'],
    ['受阻', 'Off track'],
    ['暂停', 'Paused'],
    ['已取消', 'Dropped'],
    ['未开始', 'Not started'],
    ['进行中（50%）', 'On track'],
    ['完了', 'Done'],
    ['未着手', 'Not started'],
    ['遅延', 'At risk'],
    ['保留', 'Paused'],
    ['中止', 'Dropped'],
    ['진행 중', 'On track'],
    ['완료', 'Done'],
    ['지연', 'At risk'],
    ['보류', 'Paused'],
    ['취소', 'Dropped'],
    ['시작 전', 'Not started'],
    // Only a percent: how far it is (the progress), and so under way, not started or done.
    ['In Design', 'On track'],
    ['In Review', 'On track'],
    ['En desarrollo', 'On track'],
    ['In Prüfung', 'On track'],
    ['En recette', 'On track'],
    ['33 %', 'On track'],
    ['0%', 'Not started'],
    ['100 %', 'Done'],
  ])('%j is %s', (text, status) => {
    expect(statusFromText(text)).toBe(status);
  });

  it.each(['', 'Someday', 'x', '🟡 Pending review by legal', '42'])('%j is no status', (text) => {
    expect(statusFromText(text)).toBeNull();
  });
});

describe('numbers with a comparison, an approximation or a note', () => {
  it.each([
    ['<20%', 0.2, 'at most'],
    ['≤ 2 hours/week', 2, 'at most'],
    ['at most 5', 5, 'at most'],
    ['max 3', 3, 'at most'],
    ['>85%', 0.85, 'at least'],
    ['≥ 99.9', 99.9, 'at least'],
    ['at least 10', 10, 'at least'],
    ['min 4', 4, 'at least'],
    ['~35%', 0.35, null],
    ['about 40 users', 40, null],
    ['84.36% (708 tests)', 0.8436, null],
    ['(12)', -12, null],
  ] as const)('%j is %s (%s)', (text, value, bound) => {
    expect(parseBoundedNumber(text)).toEqual({ parsed: { state: 'ok', value }, bound });
  });

  it('gives a Target written with a comparison its Type, unless Type says otherwise', () => {
    const plan = readPlan({
      header: ['ID', 'Level', 'Title', 'Type', 'Start', 'Target', 'Current'],
      rows: [
        ['KR1', 'Key Result', 'Meetings at most 2 hours a week', '', 5, '≤ 2 hours/week', 3],
        ['KR2', 'Key Result', 'Coverage above 85 percent', '', '', '>85%', '84.36% (708 tests)'],
        ['KR3', 'Key Result', 'Churn under 20 percent', 'decrease', 30, '<20%', 25],
      ],
    });
    expect(plan.items.map((i) => i.type)).toEqual(['at most', 'at least', 'decrease']);
    expect(plan.items[1].current).toEqual({ state: 'ok', value: 0.8436 });
  });

  it.each(['TBD', 'n/a', '—', '?', '-', 'TBC'])('%j is blank, keeping the placeholder', (text) => {
    expect(parseBoundedNumber(text).parsed).toEqual({ state: 'blank', placeholder: text });
    expect(parseDay(text)).toEqual({ state: 'blank', placeholder: text });
  });
});

describe('dates as people write them', () => {
  const read = (text: string, end?: 'first' | 'last') => {
    const day = parseDay(text, { end, year: 2026 });
    return day.state === 'ok' ? isoFromDay(day.value) : day.state;
  };

  it.each([
    ['Q1', '2026-01-01', '2026-03-31'],
    ['Q126', '2026-01-01', '2026-03-31'],
    ['Q3 2026', '2026-07-01', '2026-09-30'],
    ['H2 2026', '2026-07-01', '2026-12-31'],
    ['EOY 2026', '2026-12-31', '2026-12-31'],
    ['FY27', '2027-01-01', '2027-12-31'],
    ['December', '2026-12-01', '2026-12-31'],
    ['Oct 15', '2026-10-15', '2026-10-15'],
    ['Oct 1 – Nov 30', '2026-10-01', '2026-11-30'],
    ['Jan–Mar 2027', '2027-01-01', '2027-03-31'],
    ['diciembre', '2026-12-01', '2026-12-31'],
    ['März 2026', '2026-03-01', '2026-03-31'],
    ['15 de octubre de 2026', '2026-10-15', '2026-10-15'],
    ['15. Oktober 2026', '2026-10-15', '2026-10-15'],
    ['1er janvier 2027', '2027-01-01', '2027-01-01'],
    ['décembre 2026', '2026-12-01', '2026-12-31'],
    ['2022-05-16 23:20:57 UTC', '2022-05-16', '2022-05-16'],
    // Calendar weeks (ISO 8601, Monday to Sunday), in German, English, Spanish and French.
    ['KW43', '2026-10-19', '2026-10-25'],
    ['KW 43/2025', '2025-10-20', '2025-10-26'],
    ['CW1 2026', '2025-12-29', '2026-01-04'],
    ['2026-W53', '2026-12-28', '2027-01-03'],
    ['Week 10', '2026-03-02', '2026-03-08'],
    ['semana 43 2025', '2025-10-20', '2025-10-26'],
    ['KW43 – KW45 2025', '2025-10-20', '2025-11-09'],
    // A week or a note beside the day it names: the day.
    ['KW43 (23.10.25)', '2025-10-23', '2025-10-23'],
    ['23.10.25 (KW43)', '2025-10-23', '2025-10-23'],
    ['May 1, 2026 (tentative)', '2026-05-01', '2026-05-01'],
  ])('%j starts on %s and is due on %s', (text, first, last) => {
    expect(read(text, 'first')).toBe(first);
    expect(read(text, 'last')).toBe(last);
  });

  it('reads a period as a date only where the column says which day (a Last check-in is one day)', () => {
    expect(read('Q3 2026')).toBe('invalid');
    expect(read('KW43')).toBe('invalid');
    expect(read('Oct 15')).toBe('2026-10-15');
    expect(read('KW43 (23.10.25)')).toBe('2025-10-23');
  });

  it.each(['KW43 (30.10.25)', 'W53 2025', 'KW 0', 'KW54', 'Q1 (Q2)'])(
    '%j is no date: a week the year lacks, or a day outside the week beside it',
    (text) => {
      expect(read(text, 'last')).toBe('invalid');
    },
  );

  it("gives a date without a year the year of the plan's other dates, else today's", () => {
    const table = (dates: CellValue[]) => ({
      header: ['ID', 'Level', 'Title', 'Due date'],
      rows: dates.map((d, n) => [`T${n}`, 'Task', 'Call three customers', d]),
    });
    const dues = (dates: CellValue[], today = '2026-05-01') =>
      readPlan(table(dates), { today: dayFromIso(today) }).items.map((i) =>
        i.dueDate.state === 'ok' ? isoFromDay(i.dueDate.value) : i.dueDate.state,
      );
    expect(dues(['2027-03-01', 'Oct 15', 'December', 'Q1'])).toEqual([
      '2027-03-01',
      '2027-10-15',
      '2027-12-31',
      '2027-03-31',
    ]);
    expect(dues(['Oct 15'], '2025-02-01')).toEqual(['2025-10-15']);
    expect(dues([new Date(Date.UTC(2028, 0, 5)), 'Oct 15'])).toEqual(['2028-01-05', '2028-10-15']);
  });

  it("puts a date without a year inside the span the plan's other dates cover, where one year does", () => {
    // A lab's plan for Q4 2025 – Q1 2026: most dates that name a year are in 2026, yet its
    // October milestones are this October, not next.
    const table = {
      header: ['ID', 'Level', 'Title', 'Due date'],
      rows: [
        ['M1', 'Milestone', 'Receive the roll', 'Q425–Q1'],
        ['M2', 'Milestone', 'Identify vendors', 'Q126'],
        ['M3', 'Milestone', 'Order the spinner', 'Q126'],
        ['M4', 'Milestone', 'Birthday party', 'Oct 15'],
        ['M5', 'Milestone', 'Make the junction', 'Dec (2 weeks)'],
        ['M6', 'Milestone', 'Durability run', 'Dec 1 – Mar 1'],
        ['M7', 'Milestone', 'QC process', 'Q1'],
        ['M8', 'Milestone', 'Summer school', 'Jul 15'],
      ],
    };
    const plan = readPlan(table, { today: dayFromIso('2026-11-20') });
    const iso = (p: { state: string; value?: number }) => (p.state === 'ok' ? isoFromDay(p.value!) : p.state);
    expect(plan.items.map((i) => [iso(i.startDate), iso(i.dueDate)])).toEqual([
      ['2025-10-01', '2026-03-31'],
      ['blank', '2026-03-31'],
      ['blank', '2026-03-31'],
      ['blank', '2025-10-15'],
      ['blank', '2025-12-31'],
      ['2025-12-01', '2026-03-01'],
      ['blank', '2026-03-31'],
      // Outside the plan's span in every year: the year most of its dates name.
      ['blank', '2026-07-15'],
    ]);
  });

  it('reads a Date column, not a Quarter beside it, as the Due date', () => {
    const plan = readPlan({
      header: ['quarter', 'id', 'level', 'title', 'date'],
      rows: [['Q425', 'fab1', 'Milestone', 'Spin five webs', 'Oct 1 – Nov 30, 2025']],
    });
    expect(plan.columns.dueDate).toBe(4);
    expect(plan.reading!.columns.map((c) => c.header)).not.toContain('quarter');
  });

  it('reads a range as the Start date and the Due date, keeping a Start date typed in its own column', () => {
    const plan = readPlan({
      header: ['ID', 'Level', 'Title', 'Start date', 'Due date'],
      rows: [
        ['T1', 'Task', 'Call three customers', '', 'Oct 1 – Nov 30, 2026'],
        ['T2', 'Task', 'Call three customers', '2026-09-15', 'Oct 1 – Nov 30, 2026'],
        ['T3', 'Task', 'Call three customers', 'Q1 2026 - Q2 2026', ''],
      ],
    });
    const iso = (p: { state: string; value?: number }) => (p.state === 'ok' ? isoFromDay(p.value!) : p.state);
    expect(plan.items.map((i) => [iso(i.startDate), iso(i.dueDate)])).toEqual([
      ['2026-10-01', '2026-11-30'],
      ['2026-09-15', '2026-11-30'],
      ['2026-01-01', '2026-06-30'],
    ]);
  });
});

describe('manual progress', () => {
  it.each([
    [60, 0.6],
    ['60%', 0.6],
    [0.6, 0.6],
    ['🟡 58%', 0.58],
    ['100', 1],
    [1, 1],
    ['0', 0],
  ] as const)('%j in the Progress column is %s', (cell, value) => {
    expect(readManualProgress(cell, '')).toEqual({ state: 'ok', value });
  });

  it('counts a typed progress on a row with a Target but no Current yet (a goals export)', () => {
    const plan = readPlan({
      header: ['ID', 'Level', 'Title', 'Start', 'Target', 'Current', 'Progress %', 'Status'],
      rows: [
        ['O1', 'Objective', 'Grow revenue', 0, 100, null, 31, 'Behind'],
        ['O2', 'Objective', 'Ship v2', 0, 100, 50, 31, 'Behind'],
        ['M1', 'Milestone', 'Camera installed', null, null, null, null, '33 %'],
        ['O3', 'Objective', 'Hire a team', 0, 100, null, null, ''],
      ],
      manualProgress: true,
    });
    expect(computeProgress(plan, { today: dayFromIso('2026-06-01') }).map((p) => p.progress)).toEqual([
      0.31, 0.5, 0.33, 0,
    ]);
  });

  it('reads a Status a spreadsheet holds as a number from 0 to 1 (a typed "33 %") as that percent', () => {
    const plan = readPlan({
      header: ['ID', 'Level', 'Title', 'Due date', 'Status'],
      rows: [
        ['M1', 'Milestone', 'Camera installed', '2026-07-01', 0.33],
        ['M2', 'Milestone', 'Rover assembled', '2026-07-01', 1],
        ['M3', 'Milestone', 'Wheels ordered', '2026-07-01', 0],
        ['M4', 'Milestone', 'Wheels fitted', '2026-07-01', 42],
      ],
      manualProgress: true,
    });
    expect(plan.items.map((i) => [i.statusText, i.status])).toEqual([
      ['33%', 'On track'],
      ['100%', 'Done'],
      ['0%', 'Not started'],
      ['42', null],
    ]);
    expect(computeProgress(plan, { today: dayFromIso('2026-06-01') })[0].progress).toBe(0.33);
  });

  it('takes a percent after the Status word when Progress is blank', () => {
    expect(readManualProgress(null, '🟡 58%')).toEqual({ state: 'ok', value: 0.58 });
    expect(readManualProgress(null, '进行中（50%）')).toEqual({ state: 'ok', value: 0.5 });
    expect(readManualProgress(null, 'On track')).toEqual({ state: 'blank' });
    expect(readManualProgress('about half', '')).toEqual({ state: 'invalid', text: 'about half' });
  });
});
