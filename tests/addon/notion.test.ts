// The Notion tab end to end: the built Code.js in a vm, its UrlFetchApp answered by the Notion
// emulator (in a worker thread, synchronously), time on a clock of the test's own that cuts an
// execution at Apps Script's 6 minutes, and triggers fired as Apps Script would.
import { describe, expect, test } from 'vitest';
import { CHECKIN_HEADER, pluralLevel, readPlan } from '../../shared/index.js';
import { connect, finishMirror, mirrorNow, notionAddon } from './notion/notion-addon.js';
import { useNotionSide } from './notion/use-notion.js';
import { HEADER, bigPlan, col, seedPlan, smallPlan } from './plans.js';

const notion = useNotionSide();

/** What Notion holds under the parent page: Cascade IDs per database (live pages only). */
async function pagesInNotion(parent: string): Promise<Map<string, string[]>> {
  const dbs = await notion.inspect<{ title: string; ids: string[] }[]>('databases', { parent });
  return new Map(dbs.map((d) => [d.title, [...d.ids].sort()]));
}

describe('Notion tab: connect', () => {
  test('Test connection names the page found; the secret is kept in the user properties only and shown as a hint', async () => {
    const a = notionAddon(notion);
    seedPlan(a.world, smallPlan());
    const state = await connect(a, notion.parent);
    expect(state.page?.title).toBe('Company plan');
    expect(state.connected).toBe(true);
    expect(state.secretHint).toBe(`ntn_…${notion.token.slice(-4)}`);
    expect(JSON.stringify(state)).not.toContain(notion.token);
    expect([...a.world.notion!.userProperties.store.values()]).toContain(notion.token);
    expect(JSON.stringify([...a.world.documentProperties.store])).not.toContain(notion.token);
  });

  test('a page not shared with the integration, a wrong secret and a link that is not Notion’s each say what to do', async () => {
    const a = notionAddon(notion);
    seedPlan(a.world, smallPlan());
    const unshared = await a.execute(() =>
      a.apiAsync('apiNotionConnect', { secret: notion.token, page: notion.link(notion.unshared, 'Private-plan') }),
    );
    expect(unshared.ok && unshared.value.message).toMatch(/not shared with your integration.*Connections/);
    const wrong = await a.execute(() =>
      a.apiAsync('apiNotionConnect', { secret: 'ntn_wrong_secret_000000000000', page: null }),
    );
    expect(wrong.ok && wrong.value.message).toMatch(/refused the secret \(401\)/);
    expect(JSON.stringify(wrong)).not.toContain('ntn_wrong_secret_000000000000');
    const notALink = await a.execute(() => a.apiAsync('apiNotionConnect', { secret: null, page: 'my plan page' }));
    expect(notALink.ok).toBe(false);
    expect(!notALink.ok && notALink.error.message).toMatch(/not a Notion page link.*Copy link/);
  });
});

describe('Notion tab: mirror', () => {
  test('a 1,000-row first sync takes two executions (cut before 6 minutes, continued by the trigger) and ends with one page per row; a re-run writes nothing', async () => {
    const a = notionAddon(notion);
    const table = bigPlan(1000);
    seedPlan(a.world, table);
    await connect(a);
    const first = await mirrorNow(a);
    expect(first.run.state).toBe('incomplete');
    expect(first.run.left).toBeGreaterThan(0);
    expect(first.run.continueAt).not.toBeNull();
    const triggers = a.world.notion!.triggers;
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'notionTimer', kind: 'after' });

    // Requests the mirror keeps in flight together went out in one UrlFetchApp.fetchAll.
    expect(a.world.counter.calls.get('UrlFetchApp.fetchAll') ?? 0).toBeGreaterThan(0);
    const executions = await finishMirror(a);
    const state = a.api('apiNotionState');
    expect(state.run.state).toBe('done');
    expect(executions).toBeGreaterThanOrEqual(2);
    expect(a.world.notion!.triggers).toEqual([]);

    const plan = readPlan(table);
    const inNotion = await pagesInNotion(a.parent);
    for (const level of plan.framework.levels) {
      const ids = plan.items.filter((i) => i.level === level && i.id !== '').map((i) => i.id);
      const unique = [...new Set(ids)].sort();
      expect(inNotion.get(pluralLevel(level)), pluralLevel(level)).toEqual(unique);
    }
    const created = state.run.databases.reduce((n, d) => n + d.created, 0);
    expect(created).toBe([...inNotion.values()].reduce((n, ids) => n + ids.length, 0));
    for (const d of state.run.databases) expect(d.url).toMatch(/^https:\/\/www\.notion\.so\/[0-9a-f]{32}$/);

    await notion.inspect('reset-log');
    const again = await mirrorNow(a);
    expect(again.run.state).toBe('done');
    expect(await notion.inspect<number>('writes')).toBe(0);
    expect(again.run.databases.every((d) => d.created + d.updated + d.trashed === 0)).toBe(true);
  }, 120_000);

  test('a check-in made in Notion lands in its cells only; the progress moves; a cell changed in the sheet meanwhile is kept', async () => {
    const a = notionAddon(notion);
    const sheet = seedPlan(a.world, smallPlan());
    await connect(a);
    await mirrorNow(a);
    const before = sheet
      .range(1, 1, sheet.lastRow(), HEADER.length)
      .getValues()
      .map((r) => [...r]);
    const kr = 3; // KR1.1: Current 20 of 50
    await notion.checkIn(a.parent, 'Key Results', { cascadeId: 'KR1.1', current: 35, status: 'At risk' });

    const state = await mirrorNow(a);
    expect(state.run.state).toBe('done');
    expect(sheet.cell(kr, col('Current'))).toBe(35);
    expect(sheet.cell(kr, col('Status'))).toBe('At risk');
    expect(sheet.shown(kr, col('Progress'))).toBeCloseTo(0.7);
    expect(state.run.checkIns).toEqual([
      'Row 3 (KR1.1), Current: 35 from Notion (Ana Silva)',
      'Row 3 (KR1.1), Status: At risk from Notion (Ana Silva)',
      'Added 5 check-ins to the Check-ins sheet',
    ]);
    // Nothing else a person typed changed.
    const after = sheet.range(1, 1, sheet.lastRow(), HEADER.length).getValues();
    const owned = ['Current', 'Status', 'Progress', 'Pace', 'Check'].map(col);
    for (let r = 0; r < before.length; r++) {
      for (let c = 0; c < HEADER.length; c++) {
        if (r === kr - 1 && owned.includes(c + 1)) continue;
        if (owned.slice(2).includes(c + 1)) continue;
        expect(after[r][c], `${HEADER[c]} of row ${r + 1}`).toEqual(before[r][c]);
      }
    }
    // Notion now holds the progress the check-in moved, and a second run has nothing to do.
    const rows = await notion.inspect<{ values: Record<string, unknown> }[]>('rows', {
      parent: a.parent,
      title: 'Key Results',
    });
    expect(rows.find((r) => r.values['Cascade ID'] === 'KR1.1')!.values.Progress).toBeCloseTo(0.7);
    await notion.inspect('reset-log');
    expect((await mirrorNow(a)).run.checkIns).toEqual([]);
    expect(await notion.inspect<number>('writes')).toBe(0);

    // Another check-in, while the manager types a new Status in the sheet during the run.
    await notion.checkIn(a.parent, 'Key Results', { cascadeId: 'KR1.1', current: 40, status: 'On track' });
    let typed = false;
    a.world.notion!.beforeRequest = () => {
      if (typed) return;
      typed = true;
      sheet.range(kr, col('Status'), 1, 1).setValues([['Off track']]);
    };
    const third = await mirrorNow(a);
    expect(sheet.cell(kr, col('Current'))).toBe(40);
    expect(sheet.cell(kr, col('Status'))).toBe('Off track');
    expect(third.run.checkIns).toContain(
      'Row 3 (KR1.1), Status: On track from Notion (Ana Silva), not written: the cell was changed in the sheet meanwhile',
    );
  }, 60_000);

  test('a check-in made in Notion goes into the Check-ins sheet with its who and note (one append, whatever the number of check-ins); Notion shows it as the last check-in note', async () => {
    const summaries: Record<string, number>[] = [];
    for (const checkedIn of [['KR1.1'], ['KR1.1', 'KR1.2']]) {
      const a = notionAddon(notion);
      seedPlan(a.world, smallPlan());
      await connect(a);
      await mirrorNow(a);
      for (const id of checkedIn)
        await notion.checkIn(a.parent, 'Key Results', {
          cascadeId: id,
          current: 35,
          status: 'At risk',
          note: `${id}: two deals slipped to June`,
        });
      a.world.counter.reset();
      await mirrorNow(a);
      // Spreadsheet calls only: Notion gets one more page update for a second check-in.
      summaries.push(
        Object.fromEntries(
          Object.entries(a.world.counter.summary()).filter(([name]) => !/^(UrlFetchApp|Utilities)\./.test(name)),
        ),
      );
      const history = a.world.spreadsheet.sheet('Check-ins');
      const rows: unknown[][] = [];
      for (let r = 1; history.cell(r, 1) !== ''; r++) rows.push(CHECKIN_HEADER.map((_, c) => history.cell(r, c + 1)));
      expect(rows[0]).toEqual([...CHECKIN_HEADER]);
      // The plan had no history yet: every row gets its baseline, the rows checked in Notion carry Ana's name and note.
      expect(rows.slice(1).map((r) => r[1])).toEqual(['O1', 'KR1.1', 'KR1.2', 'T1', 'O2']);
      expect(rows.find((r) => r[1] === 'KR1.1')!.slice(1)).toEqual([
        'KR1.1',
        35,
        0.7,
        'At risk',
        'KR1.1: two deals slipped to June',
        'Ana Silva',
        '',
        '',
        '',
      ]);
      const notionRows = await notion.inspect<{ values: Record<string, unknown> }[]>('rows', {
        parent: a.parent,
        title: 'Key Results',
      });
      const kr = notionRows.find((r) => r.values['Cascade ID'] === 'KR1.1')!.values;
      expect(kr['Last check-in note']).toBe('KR1.1: two deals slipped to June');
      expect(kr.Note).toBe('KR1.1: two deals slipped to June');
      // Each check-in of the history has its page in the Check-ins database.
      expect((await pagesInNotion(a.parent)).get('Check-ins')).toEqual(['KR1.1', 'KR1.2', 'O1', 'O2', 'T1']);
      // Update progress and the next mirror find nothing new to record, nor to write in Notion.
      await notion.inspect('reset-log');
      await mirrorNow(a);
      expect(await notion.inspect<number>('writes')).toBe(0);
      expect(a.world.spreadsheet.sheet('Check-ins').cell(rows.length + 1, 1)).toBe('');
    }
    expect(summaries[1]).toEqual(summaries[0]);
  }, 60_000);

  test('a trigger that fires while the sidebar is running the mirror leaves that run alone', async () => {
    const a = notionAddon(notion);
    seedPlan(a.world, smallPlan());
    await connect(a);
    a.api('apiNotionSchedule', { frequency: 'hourly' });
    const [scheduled] = a.world.notion!.triggers;
    const key = `cascade.notion.plan.${a.world.spreadsheet.getId()}`;
    const running = (at: number) => {
      const stored = JSON.parse(a.world.notion!.userProperties.getProperty(key)!);
      stored.run = { ...stored.run, state: 'running', startedAt: new Date(at).toISOString() };
      a.world.notion!.userProperties.setProperty(key, JSON.stringify(stored));
    };
    // Mirror now has just started its execution in the sidebar.
    running(scheduled.dueAt);
    await notion.inspect('reset-log');
    await a.fire(scheduled.id);
    const state = a.api('apiNotionState');
    expect(state.run.state).toBe('running');
    expect(state.schedule.lastOutcome).toBeNull();
    expect(await notion.inspect<number>('requests')).toBe(0);
  }, 60_000);

  test('the secret is in no request but the Authorization header, no log line, no sidebar answer, no document property', async () => {
    const a = notionAddon(notion);
    seedPlan(a.world, smallPlan());
    await connect(a);
    await mirrorNow(a);
    const state = a.api('apiNotionState');
    const everything = JSON.stringify({
      state,
      logs: [...a.world.errors, ...a.world.warnings],
      document: [...a.world.documentProperties.store],
      cache: [...a.world.notion!.cache.store],
      urls: a.world.notion!.requests.map((r) => r.url),
    });
    expect(everything).not.toContain(notion.token);
    for (const r of a.world.notion!.requests) {
      const carriers = Object.entries(r.headers).filter(([, v]) => v.includes(notion.token));
      expect(carriers.map(([k]) => k.toLowerCase())).toEqual(['authorization']);
    }
  });

  test('Keep Notion up to date: one trigger per spreadsheet, owned by the user; off removes it; a repeated failure is recorded once', async () => {
    const a = notionAddon(notion);
    seedPlan(a.world, smallPlan());
    await connect(a);
    a.api('apiNotionSchedule', { frequency: 'hourly' });
    a.api('apiNotionSchedule', { frequency: 'daily' });
    const triggers = a.world.notion!.triggers;
    expect(triggers).toHaveLength(1);
    expect(triggers[0]).toMatchObject({ handler: 'notionTimer', kind: 'daily' });

    await a.fire(triggers[0].id);
    let state = a.api('apiNotionState');
    expect(state.schedule.lastOutcome).toBe('Up to date.');
    expect(state.run.state).toBe('done');

    // The secret is revoked in Notion: the run fails, again and again, and is logged once.
    a.world.notion!.userProperties.setProperty('cascade.notion.secret', 'ntn_revoked_secret_0000000000');
    await a.fire(triggers[0].id);
    await a.fire(triggers[0].id);
    state = a.api('apiNotionState');
    expect(state.schedule.failing).toMatchObject({ runs: 2 });
    expect(state.schedule.failing!.message).toMatch(/refused the secret/);
    expect(a.world.warnings.filter((w) => w.includes('scheduled Notion mirror failed'))).toHaveLength(1);

    a.api('apiNotionSchedule', { frequency: null });
    expect(a.world.notion!.triggers).toEqual([]);
    expect(a.api('apiNotionState').schedule.frequency).toBeNull();
  });
});
