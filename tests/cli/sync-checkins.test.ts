// `cascade sync` keeps the check-in history: a check-in made in Notion is pulled into the file and
// recorded, in the same write, in the Check-ins sheet (or NAME.checkins.csv) with the Notion
// person's name and note; each page shows its row's last check-in note beside the person's Note,
// which Cascade never writes. The built command on real files, Notion being the local emulator.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Client } from '@notionhq/client';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { world } from '../notion/helpers.js';
import type { World } from '../notion/helpers.js';
import { cascade, okrRows, tempDir, writeCsvPlan, writeXlsxPlan } from './helpers.js';

const dir = await tempDir();
const TOKEN = 'ntn_sync_checkins_test_token_000000000000';
const TODAY = '2026-05-01';

function sync(w: World, file: string, ...more: string[]) {
  return cascade(['sync', file, '--parent', w.parent, '--today', TODAY, ...more], {
    env: { NOTION_TOKEN: TOKEN, NOTION_BASE_URL: w.emu.url, CASCADE_NOTION_RATE: 'off', CASCADE_NOTION_RETRY_MS: '5' },
  });
}

/** Ana Silva checks KR1.1 in, in Notion. */
async function checkIn(w: World, properties: Record<string, unknown>): Promise<void> {
  const ana = w.emu.addPerson('Ana Silva', 'ana@example.com');
  const notion = new Client({ auth: ana.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
  await notion.pages.update({ page_id: w.rows('Key Results').get('KR1.1')!.id, properties: properties as never });
}

const text = (content: string) => ({ rich_text: [{ text: { content } }] });

async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const rows: unknown[][] = [];
  workbook.getWorksheet(name)?.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('cascade sync records check-ins made in Notion', () => {
  it('.xlsx: the pulled values and the check-in (who and note from Notion) go into the file in one write; the page shows the last check-in note', async () => {
    const w = await world({ token: TOKEN });
    const file = join(dir, 'plan.xlsx');
    await writeXlsxPlan(file, okrRows());
    expect((await sync(w, file)).code).toBe(0);
    expect(await sheetRows(file, 'Check-ins')).toEqual([]);

    await checkIn(w, {
      Current: { number: 40 },
      Status: { select: { name: 'At risk' } },
      'Last check-in': { date: { start: '2026-04-30' } },
      Note: text('Two deals slipped to June'),
    });
    const run = await sync(w, file);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain(`Note: Added 4 check-ins to ${file} (sheet "Check-ins").`);
    expect(run.stdout).toContain(
      `KR1.1: the Note written in Notion is kept in the check-ins (${file} (sheet "Check-ins")); the plan has no Note column.`,
    );
    const history = await sheetRows(file, 'Check-ins');
    expect(history[0]).toEqual([
      'Date',
      'ID',
      'Current',
      'Progress',
      'Status',
      'Note',
      'Who',
      'Change',
      'Before',
      'After',
    ]);
    // KR1.1 is dated by the Last check-in set in Notion; the rows it moved are the history's baseline.
    expect(history.find((r) => r[1] === 'KR1.1')).toEqual([
      '2026-04-30',
      'KR1.1',
      40,
      0.8,
      'At risk',
      'Two deals slipped to June',
      'Ana Silva',
    ]);
    expect(history.map((r) => r[1])).toEqual(['ID', 'O1', 'KR1.1', 'KR1.2', 'T1.1.1']);
    const plan = await sheetRows(file, 'Cascade');
    expect(plan[2].slice(8, 9)).toEqual([40]);
    expect(plan[2][14]).toBe('At risk');

    const page = w.rows('Key Results').get('KR1.1')!.values;
    expect(page['Last check-in note']).toBe('Two deals slipped to June');
    expect(page.Note).toBe('Two deals slipped to June');

    // Nothing new: no write to the file or to Notion.
    const bytes = await readFile(file);
    w.emu.clearLog();
    const again = await sync(w, file);
    expect(again.stdout).toContain('0 writes');
    expect(w.emu.writes()).toEqual([]);
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it(".csv: a note alone is a check-in; a later check-in from the file moves Last check-in note and leaves the person's Note as written", async () => {
    const w = await world({ token: TOKEN });
    const file = join(dir, 'team.csv');
    const side = join(dir, 'team.checkins.csv');
    await writeCsvPlan(file, okrRows());
    expect((await cascade(['progress', file, '--write', '--today', TODAY, '--who', 'ben'])).code).toBe(0);
    expect((await sync(w, file)).code).toBe(0);
    const baseline = await readFile(side, 'utf8');
    expect(baseline.trim().split(/\r?\n/)).toHaveLength(5);

    await checkIn(w, { Note: text('Waiting on legal; numbers unchanged') });
    const run = await sync(w, file);
    expect(run.code).toBe(0);
    const added = (await readFile(side, 'utf8')).slice(baseline.length).trim().split(/\r?\n/);
    expect(added).toEqual(['2026-05-01,KR1.1,25,50%,On track,Waiting on legal; numbers unchanged,Ana Silva,,,']);
    expect(w.rows('Key Results').get('KR1.1')!.values['Last check-in note']).toBe(
      'Waiting on legal; numbers unchanged',
    );

    // The manager checks in from the file a week later, with a note of their own.
    await writeFile(file, (await readFile(file, 'utf8')).replace(',0,50,25,', ',0,50,30,'));
    expect(
      (
        await cascade([
          'progress',
          file,
          '--write',
          '--today',
          '2026-05-08',
          '--note',
          'Signed two more',
          '--who',
          'ben',
        ])
      ).code,
    ).toBe(0);
    w.emu.clearLog();
    expect((await sync(w, file, '--today', '2026-05-08')).code).toBe(0);
    const page = w.rows('Key Results').get('KR1.1')!.values;
    expect(page['Last check-in note']).toBe('Signed two more');
    expect(page.Current).toBe(30);
    // The person's text stays: Note is never written by Cascade.
    expect(page.Note).toBe('Waiting on legal; numbers unchanged');
    for (const write of w.emu.writes().filter((e) => e.kind === 'pages.update'))
      expect(JSON.stringify(write.body)).not.toContain('"Note"');
  });
});
