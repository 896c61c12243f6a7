// The built command on plans as managers keep them: a side-by-side OKR workbook with merged
// objective cells, an outline-numbered milestone CSV, --columns, convert, and the JSON reading.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cascade, json, tempDir } from './helpers.js';

async function sideBySideWorkbook(path: string): Promise<void> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Q3 OKRs');
  sheet.addRow(['Team Atlas — Q3 OKRs']);
  sheet.addRow(['Objective', 'Key Result', 'DRI', 'Baseline', 'Target', 'Current', 'Target Date', 'Notes']);
  sheet.addRow([
    'Grow revenue in EMEA',
    'Sign 50 new SMB accounts',
    'Ana',
    0,
    50,
    20,
    new Date(Date.UTC(2026, 8, 30)),
    'deck',
  ]);
  sheet.addRow([null, 'Raise NPS from 40 to 60', 'Bo', 40, 60, 50, new Date(Date.UTC(2026, 8, 30)), null]);
  sheet.addRow([
    'Ship the v2 platform',
    'Move 80% of traffic to v2',
    'Cy',
    0,
    80,
    40,
    new Date(Date.UTC(2026, 8, 30)),
    null,
  ]);
  sheet.addRow([
    null,
    'Cut p95 latency from 450 to 200 ms',
    'Cy',
    450,
    200,
    325,
    new Date(Date.UTC(2026, 8, 30)),
    null,
  ]);
  sheet.mergeCells('A3:A4');
  sheet.mergeCells('A5:A6');
  await workbook.xlsx.writeFile(path);
}

describe('a side-by-side OKR workbook with merged objective cells', () => {
  it('loads as written: progress JSON gives titles, parents and how the plan was read', async () => {
    const dir = await tempDir();
    const path = join(dir, 'okrs.xlsx');
    await sideBySideWorkbook(path);
    const result = await cascade(['progress', path, '--today', '2026-08-01', '--format', 'json']);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    const out = json(result);
    expect(
      out.items.map((i: { id: string; level: string; parent: string | null; title: string }) => [
        i.id,
        i.level,
        i.parent,
        i.title,
      ]),
    ).toEqual([
      ['O1', 'Objective', null, 'Grow revenue in EMEA'],
      ['KR1.1', 'Key Result', 'O1', 'Sign 50 new SMB accounts'],
      ['KR1.2', 'Key Result', 'O1', 'Raise NPS from 40 to 60'],
      ['O2', 'Objective', null, 'Ship the v2 platform'],
      ['KR2.1', 'Key Result', 'O2', 'Move 80% of traffic to v2'],
      ['KR2.2', 'Key Result', 'O2', 'Cut p95 latency from 450 to 200 ms'],
    ]);
    expect(out.items[2].progress).toBe(0.5);
    expect(out.items[0].progress).toBe(0.45);
    expect(out.reading).toMatchObject({
      layout: 'side by side',
      columns: {
        DRI: 'Owner',
        Baseline: 'Start',
        'Target Date': 'Due date',
        Objective: 'Level: Objective',
        'Key Result': 'Level: Key Result',
      },
      levels: 'level columns',
      parents: 'level columns',
      ids: 'generated',
    });
  });

  it('says in the heading how it was read', async () => {
    const dir = await tempDir();
    const path = join(dir, 'okrs.xlsx');
    await sideBySideWorkbook(path);
    const result = await cascade(['lint', path, '--today', '2026-08-01']);
    expect(result.stdout).toContain(
      'Read as: Owner from DRI · Start from Baseline · Due date from Target Date · levels from the Objective and Key Result columns',
    );
    const lint = json(await cascade(['lint', path, '--today', '2026-08-01', '--format', 'json']));
    expect(lint.reading.levels).toBe('level columns');
  });

  it('converts into a new canonical file, leaving the original byte for byte', async () => {
    const dir = await tempDir();
    const path = join(dir, 'okrs.xlsx');
    await sideBySideWorkbook(path);
    const before = await readFile(path);
    const out = join(dir, 'plan.csv');
    const result = await cascade(['convert', path, out]);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain(`Wrote ${out}: OKR plan, 6 rows (2 Objectives, 4 Key Results)`);
    expect(result.stdout).toContain("Your other columns follow Cascade's: Notes.");
    expect(await readFile(path)).toEqual(before);
    const lines = (await readFile(out, 'utf8')).replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe(
      'ID,Level,Parent,Title,Owner,Type,Start,Target,Current,Unit,Start date,Due date,Review,Last check-in,Status,Weight,Progress,Pace,Check,Notes',
    );
    expect(lines[2].startsWith('KR1.1,Key Result,O1,Sign 50 new SMB accounts,Ana,,0,50,20,,,2026-09-30,')).toBe(true);
    expect(lines[2].endsWith(',deck')).toBe(true);
    // The converted file is a plan Cascade reads as its own.
    const again = json(await cascade(['progress', out, '--today', '2026-08-01', '--format', 'json']));
    expect(again.reading.layout).toBe('table');
    expect(again.items.map((i: { parent: string | null }) => i.parent)).toEqual([null, 'O1', 'O1', null, 'O2', 'O2']);
    // A second convert refuses to overwrite; --force replaces; the input is never the output.
    expect((await cascade(['convert', path, out])).stderr).toContain('already exists');
    expect((await cascade(['convert', path, out, '--force'])).code).toBe(0);
    const same = await cascade(['convert', path, path, '--force']);
    expect(same.code).toBe(2);
    expect(same.stderr).toContain('this is the plan being converted');
  });
});

describe('an outline-numbered milestone CSV', () => {
  it('reads depth as level with a warning naming the guesses', async () => {
    const dir = await tempDir();
    const path = join(dir, 'milestones.csv');
    await writeFile(
      path,
      '#,Milestone,Target Date,Lead\n1,Private beta,2026-03-31,Ana\n1.1,Invite 20 teams,2026-02-28,Bo\n2,Public launch,2026-06-30,Cy\n2.1,Pricing page live,2026-06-15,Cy\n',
    );
    const result = await cascade(['progress', path, '--today', '2026-01-15', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(
      json(result).items.map((i: { id: string; level: string; parent: string | null }) => [i.id, i.level, i.parent]),
    ).toEqual([
      ['1', 'Milestone', null],
      ['1.1', 'Task', '1'],
      ['2', 'Milestone', null],
      ['2.1', 'Task', '2'],
    ]);
    expect(result.stderr).toContain(
      'read ID from #: a guess; if it is wrong, say which column is the ID with --columns "ID=<header>".',
    );
    expect(result.stderr).toContain(
      'read levels from the outline numbers in #: 1 Milestone, 1.1 Task: a guess; if it is wrong, choose the framework with --framework',
    );
  });
});

describe('--columns', () => {
  it('reads a table whose headers say nothing, and one error names what to add when nothing fits', async () => {
    const dir = await tempDir();
    const path = join(dir, 'plan.csv');
    await writeFile(
      path,
      'Theme,Result,Who,Tier\nGrowth,Grow revenue,Ana,Objective\n,Sign 50 accounts,Bo,Key Result\n',
    );
    const bare = await cascade(['lint', path]);
    expect(bare.stderr).toContain(
      `${path}: read Title from Result: a guess; if it is wrong, say which column is the Title with --columns "Title=<header>".`,
    );
    const nothing = join(dir, 'log.csv');
    await writeFile(nothing, 'When,Count,State\n2026-05-01,3,Done\n2026-06-01,4,Done\n');
    const refused = await cascade(['lint', nothing]);
    expect(refused.code).toBe(2);
    expect(refused.stderr.trim().split('\n')).toEqual([
      `cascade: ${nothing}: row 1 is not a plan header: no column holds the rows' titles. Found A "When", B "Count", C "State". ` +
        'Name the column that holds each row\'s statement "Title" (or Objective and Key Result for a side-by-side OKR sheet), or say which column is which with --columns "Title=<header>".',
    ]);
    const mapped = await cascade([
      'progress',
      path,
      '--columns',
      'Title=Result,Owner=Who,Level=Tier',
      '--format',
      'json',
      '--today',
      '2026-05-01',
    ]);
    expect(mapped.stderr).toBe('');
    const out = json(mapped);
    expect(
      out.items.map((i: { id: string; parent: string | null; title: string }) => [i.id, i.parent, i.title]),
    ).toEqual([
      ['O1', null, 'Grow revenue'],
      ['KR1.1', 'O1', 'Sign 50 accounts'],
    ]);
    expect(out.reading.columns).toEqual({ Result: 'Title', Who: 'Owner', Tier: 'Level' });
    const wrong = await cascade(['lint', path, '--columns', 'Title=Key result']);
    expect(wrong.stderr).toContain(
      'no column is headed "Key result" (given for Title). The columns in row 1 are A "Theme", B "Result", C "Who", D "Tier".',
    );
  });

  it('finds the header row the mapping names below a title row', async () => {
    const dir = await tempDir();
    const path = join(dir, 'titled.csv');
    await writeFile(
      path,
      'Team Atlas plan,,\nTheme,Result,Tier\nGrowth,Grow revenue,Objective\n,Sign 50 accounts,Key Result\n',
    );
    const result = await cascade([
      'progress',
      path,
      '--columns',
      'Title=Result,Level=Tier',
      '--format',
      'json',
      '--today',
      '2026-05-01',
    ]);
    expect(result.stderr).toBe('');
    expect(
      json(result).items.map((i: { row: number; id: string; parent: string | null }) => [i.row, i.id, i.parent]),
    ).toEqual([
      [3, 'O1', null],
      [4, 'KR1.1', 'O1'],
    ]);
  });
});

describe('a table whose headers name no Title, under a title line', () => {
  it('reads from its own header row, as the add-on finds it, the titles guessed and said so', async () => {
    const dir = await tempDir();
    const file = join(dir, 'milestones.csv');
    await writeFile(
      file,
      'Q3 milestones of team Atlas\n\nDate,Label,Owner\n2026-01-10,Kickoff with the team,Ana\n2026-06-10,Beta release to pilot users,\n',
    );
    const result = await cascade(['lint', '--format', 'json', '--today', '2026-05-01', file]);
    const report = json<{
      rows: number;
      reading: { columns: Record<string, string> };
      findings: { row: number; rule: string }[];
    }>(result);
    expect(report.rows).toBe(2);
    expect(report.reading.columns).toEqual({ Date: 'Due date', Label: 'Title', Owner: 'Owner' });
    expect(report.findings.filter((f) => f.rule === 'owner/missing').map((f) => f.row)).toEqual([5]);
    expect(result.stderr).toMatch(/read Title from Label: a guess/);
  });
});
