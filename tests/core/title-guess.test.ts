// Tables whose headers name no Title column: the titles guessed from the cells, said as a guess.
import { describe, expect, it } from 'vitest';
import { readPlan, type RawTable } from '../../shared/index.js';

const titles = (table: RawTable) => readPlan(table).items.map((i) => i.title);
const reading = (table: RawTable) => readPlan(table).reading!;

describe('the Title column guessed from its cells', () => {
  it('takes the leftmost column of distinct short texts, past dates, people, statuses and IDs', () => {
    const table: RawTable = {
      header: ['Ref', 'When', 'Who', 'Gate', 'State', 'Remarks'],
      rows: [
        ['G-1', '2026-02-01', 'ana@example.com', 'Vendor shortlist signed off', 'Done', 'late by a week'],
        ['G-2', '2026-03-15', 'bo@example.com', 'Pilot live in two stores', 'In progress', ''],
        ['G-3', '2026-05-30', 'cy@example.com', 'Rollout to all stores', 'Not started', ''],
      ],
    };
    expect(titles(table)).toEqual(['Vendor shortlist signed off', 'Pilot live in two stores', 'Rollout to all stores']);
    expect(reading(table).guesses).toContain('Title from Gate');
  });

  it('reads a table with only a date and a text column (a course calendar)', () => {
    const table: RawTable = {
      header: ['Date', 'Step'],
      rows: [
        ['2026-09-01', 'Kick-off'],
        ['2026-10-12', 'Midterm review'],
        ['2026-12-18', 'Final demo'],
      ],
    };
    const plan = readPlan(table);
    expect(plan.items.map((i) => [i.title, i.level])).toEqual([
      ['Kick-off', 'Milestone'],
      ['Midterm review', 'Milestone'],
      ['Final demo', 'Milestone'],
    ]);
    expect(plan.reading!.guesses).toContain('Title from Step');
  });

  it('prefers the item names over a vague "What" column holding questions to the right', () => {
    const table: RawTable = {
      header: ['Gate', 'Date', 'What'],
      rows: [
        ['Design freeze', '2026-04-01', 'Are all screens signed off by the client?'],
        ['Beta', '2026-06-01', 'Do 50 testers use it weekly?'],
        ['Launch', '2026-09-01', 'Is the store listing approved?'],
      ],
    };
    expect(titles(table)).toEqual(['Design freeze', 'Beta', 'Launch']);
    expect(reading(table).guesses).toContain('Title from Gate');
  });

  it('takes a column under a vague header ("Metric", otherwise a Unit) when its cells are names', () => {
    const table: RawTable = {
      header: ['Metric', 'Target', 'Current'],
      rows: [
        ['Weekly active teams', 40, 12],
        ['Onboarding completion', 90, 70],
        ['Support tickets solved same day', 75, 60],
      ],
    };
    const plan = readPlan(table);
    expect(plan.items.map((i) => [i.title, i.target.state === 'ok' ? i.target.value : null])).toEqual([
      ['Weekly active teams', 40],
      ['Onboarding completion', 90],
      ['Support tickets solved same day', 75],
    ]);
    expect(plan.reading!.guesses).toContain('Title from Metric');
  });

  it('prefers short names to long prose, and reads phases written "Phase 1: …" as items', () => {
    const prose = 'We will move every customer to the new billing engine and retire the old one by the end of the year';
    const table: RawTable = {
      header: ['Context', 'Phase', 'Status'],
      rows: [
        [prose, 'Phase 1: Discovery', 'Done'],
        [`${prose}, once the pilot has shown it holds`, 'Phase 2: Migration', 'In progress'],
        [`${prose}; the finance team signs it off`, 'Phase 3: Retirement', 'Not started'],
      ],
    };
    expect(titles(table)).toEqual(['Phase 1: Discovery', 'Phase 2: Migration', 'Phase 3: Retirement']);
  });

  it('still refuses, naming the columns, when no column holds titles', () => {
    const table: RawTable = {
      header: ['Date', 'Amount', 'State'],
      rows: [
        ['2026-01-01', 10, 'Done'],
        ['2026-02-01', 20, 'Done'],
      ],
    };
    expect(() => readPlan(table)).toThrow(/no column holds the rows' titles.*A "Date", B "Amount", C "State"/);
  });

  it('reads "nome_milestone" as the titles of milestones (Italian and Portuguese "nome")', () => {
    const table: RawTable = {
      header: ['nome_milestone', 'scadenza'],
      rows: [
        ['Rilascio beta', '2026-05-01'],
        ['Rilascio finale', '2026-07-01'],
      ],
    };
    expect(readPlan(table).items.map((i) => [i.title, i.level])).toEqual([
      ['Rilascio beta', 'Milestone'],
      ['Rilascio finale', 'Milestone'],
    ]);
  });
});

describe('comment lines under the header', () => {
  it('reads lines starting with # right under the header as comments, not items, and says so', () => {
    const table: RawTable = {
      header: ['Step', 'Due', 'Owner'],
      rows: [
        ['# Step: what is delivered', null, null],
        ['# Due: the day it is due', null, null],
        ['Contract signed', '2026-03-01', 'Ana'],
        ['#REF!', '2026-03-15', 'Bo'],
        ['# 2 sprint review', '2026-03-20', 'Cy'],
      ],
    };
    const plan = readPlan(table);
    expect(plan.items.map((i) => [i.row, i.title])).toEqual([
      [4, 'Contract signed'],
      [5, '#REF!'],
      [6, '# 2 sprint review'],
    ]);
    expect(plan.reading!.summary).toContain('rows 2–3 under the header read as comments (they start with #)');
  });

  it('keeps a first row holding a spreadsheet error (#REF!) or a number (# 2) as an item', () => {
    const table: RawTable = {
      header: ['Step', 'Due'],
      rows: [
        ['#REF!', '2026-03-01'],
        ['# 2 sprint review', '2026-03-15'],
      ],
    };
    expect(readPlan(table).items.map((i) => i.title)).toEqual(['#REF!', '# 2 sprint review']);
  });
});
