// `cascade sync` as a user runs it: the built bin, a real plan file, NOTION_BASE_URL pointing at
// the emulator. Exit codes, output, the token never printed, and a run killed half way.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from '@notionhq/client';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { expectInSync, HEADER, okrPlan, TODAY, world } from './helpers.js';
import type { PlanRow, World } from './helpers.js';

const ROOT = join(import.meta.dirname, '..', '..');
const BIN = join(ROOT, 'bin', 'cascade.js');
const TOKEN = 'ntn_S3cr3tT0kenThatMustNeverBePrinted_0042';

beforeAll(() => {
  if (!existsSync(join(ROOT, 'build', 'cascade.js')))
    throw new Error('build/cascade.js is missing: run `npm run build` first (npm test does).');
});

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

function csvOf(rows: readonly PlanRow[]): string {
  const cell = (v: unknown) => {
    const text = v === null || v === undefined ? '' : String(v);
    return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  return [HEADER.join(','), ...rows.map((r) => HEADER.map((h) => cell(r[h])).join(','))].join('\n');
}

async function planFile(rows: readonly PlanRow[]): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), 'cascade-sync-'));
  const path = join(dir, 'plan.csv');
  await writeFile(path, csvOf(rows));
  return path;
}

function cascade(
  w: World,
  args: string[],
  env: Record<string, string | undefined> = {},
  onSpawn?: (kill: () => void) => void,
): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        NOTION_TOKEN: TOKEN,
        NOTION_BASE_URL: w.emu.url,
        CASCADE_NOTION_RATE: 'off',
        CASCADE_NOTION_RETRY_MS: '5',
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    onSpawn?.(() => child.kill('SIGKILL'));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function tokenWorld(): Promise<World> {
  const w = await world({ token: TOKEN });
  return w;
}

function expectNoToken(run: Run): void {
  expect(run.stdout).not.toContain(TOKEN);
  expect(run.stderr).not.toContain(TOKEN);
  expect(run.stdout + run.stderr).not.toContain('S3cr3t');
}

describe('cascade sync (the built command)', () => {
  it('mirrors a plan file, then finds nothing to do on the next run', async () => {
    const w = await tokenWorld();
    const file = await planFile(okrPlan());
    const first = await cascade(w, ['sync', file, '--parent', w.parent, '--today', TODAY]);
    // Not a terminal: one plain line per phase, no bar, no cursor moves.
    expect(first.stderr.split('\n')).toEqual([
      "Found 0 of this plan's 3 databases under the parent page.",
      'Databases: created Objectives, Key Results, Tasks.',
      'Read 0 pages.',
      'Wrote: 8 created, 0 updated, 0 trashed.',
      '',
    ]);
    expect(first.stdout).toContain('Synced: 8 created, 0 updated, 0 trashed, 0 unchanged');
    expect(first.code).toBe(0);
    expectInSync(w, okrPlan());
    w.emu.clearLog();
    const second = await cascade(w, ['sync', file, '--parent', w.parent, '--today', TODAY]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain(
      'Synced: 0 created, 0 updated, 0 trashed, 8 unchanged · 11 API calls (11 reads, 0 writes)',
    );
    expect(w.emu.writes()).toEqual([]);
    expectNoToken(first);
    expectNoToken(second);
  });

  it('pulls a check-in made in Notion into the file (only those cells), pushes the new progress, and --no-pull keeps it one way', async () => {
    const w = await tokenWorld();
    const file = await planFile(okrPlan());
    await cascade(w, ['sync', file, '--parent', w.parent, '--today', TODAY]);
    const ana = w.emu.addPerson('Ana Silva', 'ana@example.com');
    const notion = new Client({ auth: ana.token, baseUrl: w.emu.url, retry: false, logger: () => {} });
    const kr1 = w.rows('Key Results').get('KR1')!.id;
    await notion.pages.update({
      page_id: kr1,
      properties: { Current: { number: 45 }, Status: { select: { name: 'At risk' } } },
    });
    const before = await readFile(file, 'utf8');

    const oneWay = await cascade(w, ['sync', file, '--parent', w.parent, '--today', TODAY, '--no-pull', '--dry-run']);
    expect(oneWay.code).toBe(0);
    expect(oneWay.stdout).not.toContain('Pulled');
    expect(await readFile(file, 'utf8')).toBe(before);

    const run = await cascade(w, ['sync', file, '--parent', w.parent, '--today', TODAY]);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Pulled from Notion: KR1 Current 20 → 45 \(Ana Silva, \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)/);
    expect(run.stdout).toContain('Pulled from Notion: KR1 Status "On track" → "At risk"');
    const expected = okrPlan();
    Object.assign(expected[1], { Current: 45, Status: 'At risk' });
    // Only the two cells changed in the file.
    expect(await readFile(file, 'utf8')).toBe(
      before
        .replace('accounts,,2026-06-30,weekly,2026-04-28,On track', 'accounts,,2026-06-30,weekly,2026-04-28,At risk')
        .replace(',0,50,20,', ',0,50,45,'),
    );
    expectInSync(w, expected);
    w.emu.clearLog();
    const again = await cascade(w, ['sync', file, '--parent', w.parent, '--today', TODAY]);
    expect(again.stdout).not.toContain('Pulled');
    expect(w.emu.writes()).toEqual([]);
  });

  it('keeps two plan files apart under one parent page, each by its own key', async () => {
    const w = await tokenWorld();
    const dir = await mkdtemp(join(tmpdir(), 'cascade-sync-'));
    const sales = join(dir, 'sales.csv');
    const support = join(dir, 'support.csv');
    await writeFile(sales, csvOf(okrPlan()));
    await writeFile(support, csvOf(okrPlan().map((r) => ({ ...r, Title: `Support: ${String(r.Title)}` }))));
    expect((await cascade(w, ['sync', sales, '--parent', w.parent, '--today', TODAY])).code).toBe(0);
    const second = await cascade(w, ['sync', support, '--parent', w.parent, '--today', TODAY]);
    expect(second.code).toBe(0);
    expect(second.stdout).toContain('Synced: 8 created, 0 updated, 0 trashed');
    expect(w.db('Objectives (support)')).toBeDefined();
    expect([...w.rows('Objectives').values()].map((r) => r.values.Name)).toEqual(
      okrPlan()
        .filter((r) => r.Level === 'Objective')
        .map((r) => r.Title),
    );
  });

  it('reads .xlsx plans too, and takes the page as a Notion link', async () => {
    const w = await tokenWorld();
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Cascade');
    sheet.addRow(HEADER);
    for (const r of okrPlan())
      sheet.addRow(
        HEADER.map((h) =>
          typeof r[h] === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(r[h] as string)
            ? new Date(`${r[h]}T00:00:00Z`)
            : (r[h] ?? null),
        ),
      );
    const dir = await mkdtemp(join(tmpdir(), 'cascade-sync-'));
    const file = join(dir, 'plan.xlsx');
    await book.xlsx.writeFile(file);
    const link = `https://www.notion.so/acme/Company-plan-${w.parent.replace(/-/g, '')}`;
    const run = await cascade(w, ['sync', file, '--parent', link, '--today', TODAY]);
    expect(run.code).toBe(0);
    expectInSync(w, okrPlan());
  });

  it('--dry-run prints what would change and writes nothing', async () => {
    const w = await tokenWorld();
    const file = await planFile(okrPlan());
    const run = await cascade(w, ['sync', file, '--parent', w.parent, '--today', TODAY, '--dry-run']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Dry run: nothing was changed in Notion. A sync would:');
    expect(run.stdout).toContain('+ create O1 "Win the small-business market this quarter"');
    expect(run.stdout).toContain('Dry run: 8 to create, 0 to update, 0 to trash');
    expect(w.emu.writes()).toEqual([]);
  });

  it('exits 2 with a clear message, and never prints the token, for each user error', async () => {
    const w = await tokenWorld();
    const file = await planFile(okrPlan());
    const hidden = w.emu.model.addPage('Private', { shared: false });
    const empty = await planFile([]);
    const cases: [string[], Record<string, string | undefined>, RegExp][] = [
      [['sync', file, '--parent', w.parent], { NOTION_TOKEN: undefined }, /NOTION_TOKEN is not set/],
      [
        ['sync', file, '--parent', w.parent],
        { NOTION_TOKEN: `${TOKEN}x` },
        /Notion refused the token in NOTION_TOKEN \(401 unauthorized\)/,
      ],
      [
        ['sync', file, '--parent', w.parent],
        { NOTION_TOKEN: `${TOKEN.slice(0, 20)}\n${TOKEN.slice(20)}` },
        /NOTION_TOKEN has a character that a Notion secret never has \(a line break at character 21\)/,
      ],
      [
        ['sync', file, '--parent', hidden],
        {},
        /not shared with your integration \(404\)\. Share the page with your integration: open it in Notion, click ••• \(top right\) → Connections/,
      ],
      [['sync', file, '--parent', 'my plan'], {}, /--parent "my plan" is not a Notion page ID or link/],
      [['sync', join(tmpdir(), 'no-such-plan.csv'), '--parent', w.parent], {}, /no-such-plan\.csv/],
      [['sync', empty, '--parent', w.parent], {}, /The plan has no rows, so there is nothing to mirror/],
      [
        ['sync', file, '--parent', w.parent],
        { NOTION_BASE_URL: 'http://127.0.0.1:9', CASCADE_NOTION_RETRY_MS: '1' },
        /Could not reach Notion at http:\/\/127\.0\.0\.1:9/,
      ],
    ];
    for (const [args, env, message] of cases) {
      const run = await cascade(w, args, env);
      expect(run.stderr, args.join(' ')).toMatch(message);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).not.toMatch(/\n\s+at /); // no stack trace
      expectNoToken(run);
    }
    expect(w.emu.writes()).toEqual([]);
  });

  it('names the row and column of a value Notion refuses, syncs the rest, and exits 2', async () => {
    const w = await tokenWorld();
    w.emu.inject({
      kind: 'pages.create',
      status: 400,
      message:
        'body failed validation: body.properties.Unit.rich_text[0].text.content should be a unit, instead was `"accounts"`.',
      match: ({ body }) => JSON.stringify(body).includes('"accounts"'),
    });
    const run = await cascade(w, ['sync', await planFile(okrPlan()), '--parent', w.parent, '--today', TODAY]);
    expect(run.stdout).toContain('Notion refused row 3 (KR1), column Unit in Key Results');
    expect(run.stderr).toContain('Notion refused 1 row (listed above); fix the values in the plan and run sync again.');
    expect(run.code).toBe(2);
    expect(w.rows('Key Results').size).toBe(2);
    expectNoToken(run);
  });

  it('a run killed half way leaves Notion to be finished by the next run, with no duplicate page', async () => {
    const w = await tokenWorld();
    const rows: PlanRow[] = [...okrPlan()];
    for (let i = 4; i <= 40; i++)
      rows.push({
        ID: `T${i}`,
        Level: 'Task',
        Parent: 'KR2',
        Title: `Interview customer number ${i}`,
        Owner: 'Mei Chen',
        'Due date': '2026-05-30',
      });
    const file = await planFile(rows);
    let kill: () => void = () => {};
    w.emu.onWrite = (_entry, writes) => {
      if (writes === 15) kill();
    };
    const killed = await cascade(
      w,
      ['sync', file, '--parent', w.parent, '--today', TODAY],
      { CASCADE_NOTION_RATE: '40' },
      (k) => (kill = k),
    );
    expect(killed.code).toBeNull(); // killed by the signal
    w.emu.onWrite = null;
    expect(w.emu.writes().length).toBeLessThan(rows.length);
    const again = await cascade(w, ['sync', file, '--parent', w.parent, '--today', TODAY]);
    expect(again.code).toBe(0);
    expectInSync(w, rows);
  });
});
