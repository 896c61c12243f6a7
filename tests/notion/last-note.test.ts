// Each page shows its row's last check-in note (from the plan's history) in Last check-in note, a
// property of Cascade's; the person's Note beside it is pulled and never written. What a pull
// hands the history: who (name, else email), the note, and the date the person set.
import { Client } from '@notionhq/client';
import { describe, expect, it } from 'vitest';
import { buildMirror, checkInSources } from '../../notion-sync/index.js';
import type { MirrorPlan, PulledValue } from '../../notion-sync/index.js';
import { dayFromDate, dayFromIso, readPlan } from '../../shared/index.js';
import type { CheckIn } from '../../shared/index.js';
import { okrPlan, table, TODAY, world } from './helpers.js';
import type { PlanRow } from './helpers.js';

/** The plan with a history whose latest check-in of each row named has that note (replanning records are no check-ins). */
function mirrorWith(rows: PlanRow[], notes: Record<string, string>): MirrorPlan {
  const record = (id: string, note: string, change: CheckIn['change']): CheckIn => ({
    date: dayFromIso(TODAY),
    id,
    current: null,
    progress: null,
    status: '',
    note,
    who: 'ana',
    change,
    before: [],
    after: [],
  });
  const history = Object.entries(notes).flatMap(([id, note]) => [
    record(id, note, ''),
    record(id, 'extended to July', 'extend'),
  ]);
  return buildMirror(readPlan(table(rows)), { today: dayFromIso(TODAY), history });
}

describe('Last check-in note', () => {
  it("shows the history's latest note, changes it when the history moves on, and never writes the person's Note", async () => {
    const w = await world();
    await w.sync(mirrorWith(okrPlan(), { KR1: 'Kick-off: pipeline looks healthy' }));
    expect(w.rows('Key Results').get('KR1')!.values['Last check-in note']).toBe('Kick-off: pipeline looks healthy');
    expect(w.rows('Key Results').get('KR2')!.values['Last check-in note']).toBeNull();

    const ana = w.emu.addPerson('Ana Silva', 'ana@example.com');
    const notion = new Client({ auth: ana.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
    const kr1 = w.rows('Key Results').get('KR1')!.id;
    await notion.pages.update({
      page_id: kr1,
      properties: { Note: { rich_text: [{ text: { content: 'Ana: two deals slipped' } }] } },
    });
    // A person's edit of Last check-in note is put back: it is Cascade's, from the history.
    await notion.pages.update({
      page_id: w.rows('Key Results').get('KR2')!.id,
      properties: { 'Last check-in note': { rich_text: [{ text: { content: 'typed here' } }] } },
    });

    w.emu.clearLog();
    const report = await w.sync(mirrorWith(okrPlan(), { KR1: 'Week 2: recovered one deal' }));
    expect(report.changes.filter((c) => c.database === 'Key Results').map((c) => [c.id, c.properties])).toEqual([
      ['KR1', ['Last check-in note', 'Cascade sync']],
      ['KR2', ['Last check-in note']],
    ]);
    const values = w.rows('Key Results').get('KR1')!.values;
    expect(values['Last check-in note']).toBe('Week 2: recovered one deal');
    expect(values.Note).toBe('Ana: two deals slipped');
    expect(w.rows('Key Results').get('KR2')!.values['Last check-in note']).toBeNull();
    for (const write of w.emu.writes().filter((e) => e.kind === 'pages.update'))
      expect(Object.keys((write.body as { properties: object }).properties)).not.toContain('Note');

    w.emu.clearLog();
    await w.sync(mirrorWith(okrPlan(), { KR1: 'Week 2: recovered one deal' }));
    expect(w.emu.writes()).toEqual([]);
  });
});

describe('check-ins a pull hands the history', () => {
  const pulled = (
    field: PulledValue['field'],
    notionValue: string | number,
    more: Partial<PulledValue> = {},
  ): PulledValue => ({
    database: 'Key Results',
    level: 'Key Result',
    id: 'KR1',
    row: 3,
    field,
    column: field,
    planValue: null,
    notionValue,
    outcome: 'pulled',
    bothChanged: false,
    by: 'user-1',
    byName: 'Ana Silva',
    at: '2026-04-30T10:00:00.000Z',
    ...more,
  });
  const today = dayFromIso('2026-05-01');

  it('one per row: the person, their note, dated by the Last check-in they set, else the day of their edit, never after today', () => {
    const utc = (instant: Date) => dayFromDate(instant);
    const sources = checkInSources(
      [
        pulled('current', 45),
        pulled('note', 'Slipped'),
        pulled('lastCheckIn', '2026-04-29'),
        pulled('current', 9, { id: 'kr2', byName: undefined }),
        pulled('status', 'Done', { id: 'kr3', at: null }),
      ],
      today,
      utc,
    );
    expect([...sources]).toEqual([
      ['kr1', { date: dayFromIso('2026-04-29'), who: 'Ana Silva', note: 'Slipped' }],
      ['kr2', { date: dayFromIso('2026-04-30'), who: 'Notion', note: '' }],
      ['kr3', { date: today, who: 'Ana Silva', note: '' }],
    ]);
    expect(checkInSources([pulled('lastCheckIn', '2026-06-01')], today, utc).get('kr1')!.date).toBe(today);
    expect(
      checkInSources([pulled('current', 1, { at: '2026-07-01T09:00:00.000Z' })], today, utc).get('kr1')!.date,
    ).toBe(today);
    expect(checkInSources([pulled('current', 45, { outcome: 'overridden' })], today).size).toBe(0);
    expect(checkInSources([{ ...pulled('note', 'x'), notionValue: null }], today).size).toBe(0);
  });
});
