import { mkdir, readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  cascade,
  HEADER,
  json,
  ROOT,
  okrRows,
  tempDir,
  writeCsvPlan,
  writeXlsxPlan,
  type RunResult,
} from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

/** A clear failure: exit 2, one line naming the file, no stack trace, nothing on stdout. */
function expectCleanFailure(r: RunResult, ...parts: (string | RegExp)[]) {
  expect(r.code).toBe(2);
  expect(r.stdout).toBe('');
  expect(r.stderr).not.toMatch(/\n\s+at /);
  expect(r.stderr).not.toMatch(/unexpected error/);
  expect(r.stderr.trim().split('\n')).toHaveLength(1);
  for (const part of parts) expect(r.stderr).toMatch(part);
}

describe.concurrent('files that cannot be read: exit 2, one clear line', () => {
  it('a missing file', async () => {
    const file = join(dir, 'missing.xlsx');
    expectCleanFailure(await cascade(['lint', file]), `${file}: no such file.`);
  });

  it('a folder', async () => {
    const folder = join(dir, 'folder.csv');
    await mkdir(folder);
    expectCleanFailure(await cascade(['progress', folder]), `${folder}: is a folder`);
  });

  it('a PNG renamed .xlsx', async () => {
    const file = join(dir, 'picture.xlsx');
    await writeFile(file, Buffer.from('89504e470d0a1a0a0000000d49484452', 'hex'));
    expectCleanFailure(await cascade(['lint', file]), `${file}: not an Excel workbook: it is a PNG image`);
  });

  it('a corrupt zip', async () => {
    const good = join(dir, 'good.xlsx');
    await writeXlsxPlan(good, okrRows());
    const bytes = await readFile(good);
    const file = join(dir, 'corrupt.xlsx');
    await writeFile(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    expectCleanFailure(await cascade(['lint', file]), `${file}: not a readable Excel workbook`);
  });

  it('an old .xls (OLE) workbook renamed .xlsx', async () => {
    const file = join(dir, 'old.xlsx');
    await writeFile(file, Buffer.concat([Buffer.from('d0cf11e0a1b11ae1', 'hex'), Buffer.alloc(512)]));
    expectCleanFailure(await cascade(['lint', file]), /old-format \(\.xls\) or password-protected/);
  });

  it('an unsupported extension', async () => {
    const file = join(dir, 'plan.ods');
    await writeFile(file, 'x');
    expectCleanFailure(await cascade(['lint', file]), `${file}: unsupported file type .ods`, /LibreOffice/);
  });

  it('binary data named .csv', async () => {
    const file = join(dir, 'binary.csv');
    await writeFile(file, Buffer.from([0, 1, 2, 3, 0, 0, 255]));
    expectCleanFailure(await cascade(['lint', file]), `${file}: not a CSV text file`);
  });

  it('an .xlsx workbook named .csv', async () => {
    const good = join(dir, 'good2.xlsx');
    await writeXlsxPlan(good, okrRows());
    const file = join(dir, 'workbook.csv');
    await writeFile(file, await readFile(good));
    expectCleanFailure(await cascade(['lint', file]), /this is an \.xlsx workbook, not a CSV file; rename it/);
  });

  it('a CSV whose quote is never closed names the row', async () => {
    const file = join(dir, 'quote.csv');
    await writeFile(file, 'ID,Level,Title\nO1,Objective,"Grow revenue to 5\nKR1,Key Result,Sign 50\n');
    expectCleanFailure(await cascade(['lint', file]), `${file}, row 2: a quoted field`);
  });
});

describe.concurrent('sheets without a plan', () => {
  it('no required headers: names the sheet and the missing headers', async () => {
    const file = join(dir, 'noheaders.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Budget');
    sheet.addRow(['ID', 'Name', 'Amount']);
    sheet.addRow(['1', 'Rent', 1200]);
    await workbook.xlsx.writeFile(file);
    expectCleanFailure(
      await cascade(['lint', file]),
      `${file}, sheet "Budget": row 1 is not a plan header: Cascade cannot tell the rows' levels. Found A "ID", B "Name", C "Amount". Add a Level column`,
    );
  });

  it('a sheet named Cascade without the headers is reported, not skipped', async () => {
    const file = join(dir, 'cascade-sheet.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Notes').addRow(['ID', 'Level', 'Title']);
    workbook.addWorksheet('Cascade').addRow(['ID', 'Level', 'Notes']);
    await workbook.xlsx.writeFile(file);
    expectCleanFailure(await cascade(['lint', file]), `sheet "Cascade"`, /no column holds the rows' titles/);
  });

  it('an empty sheet', async () => {
    const file = join(dir, 'empty-sheet.xlsx');
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Sheet1');
    await workbook.xlsx.writeFile(file);
    expectCleanFailure(await cascade(['lint', file]), `${file}, sheet "Sheet1": it is empty`);
  });

  it('an empty CSV file', async () => {
    const file = join(dir, 'empty.csv');
    await writeFile(file, '');
    expectCleanFailure(await cascade(['progress', file]), `${file}: it is empty`);
  });

  it('a header and no rows: a correct, empty result and a note saying what to do', async () => {
    const file = join(dir, 'header-only.xlsx');
    await writeXlsxPlan(file, []);
    const text = await cascade(['lint', file]);
    expect(text.code).toBe(0);
    expect(text.stdout).toContain('no rows yet');
    expect(json(await cascade(['lint', file, '--format', 'json']))).toMatchObject({
      rows: 0,
      findings: [],
      counts: { error: 0, warning: 0 },
    });
    expect(json(await cascade(['progress', file, '--format', 'json'])).items).toEqual([]);
    const bytes = await readFile(file);
    const write = await cascade(['progress', file, '--write']);
    expect(write.code).toBe(0);
    expect(write.stderr).toContain('nothing to write');
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });
});

describe.concurrent('odd cells: a correct result', () => {
  it('a #REF! date and a #N/A target are reported as findings on their row', async () => {
    const rows = okrRows();
    rows[1]['Due date'] = { error: '#REF!' };
    rows[2].Target = { formula: 'VLOOKUP("x",A1:A2,2,FALSE)', result: { error: '#N/A' } };
    const file = join(dir, 'ref.xlsx');
    await writeXlsxPlan(file, rows);
    const r = await cascade(['lint', file, '--format', 'json', '--today', '2026-05-01']);
    expect(r.code).toBe(1);
    const findings = json(r).findings;
    expect(findings).toContainEqual(expect.objectContaining({ row: 3, rule: 'time-bound/bad-date' }));
    expect(findings.find((f: any) => f.rule === 'time-bound/bad-date').message).toContain('#REF!');
    expect(findings).toContainEqual(expect.objectContaining({ row: 4, rule: 'progress/bad-number' }));
    const progress = json(await cascade(['progress', file, '--format', 'json', '--today', '2026-05-01']));
    expect(progress.items[2].progress).toBeNull();
  });

  it('formulas saved without values (a file written by a script): a warning naming the cell, the JSON stays clean', async () => {
    const rows = okrRows();
    rows[1].Current = { formula: '20+5' };
    const file = join(dir, 'uncomputed.xlsx');
    await writeXlsxPlan(file, rows);
    const r = await cascade(['progress', file, '--format', 'json', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /uncomputed\.xlsx, sheet "Cascade": a formula cell has no computed value \(cell I3, Current\), so it reads as blank/,
    );
    expect(json(r).items[1].progress).toBe(0);
  });

  it('a 10,000-character title: read whole, shortened on screen', async () => {
    const rows = okrRows();
    const title = `Sign 50 new SMB accounts ${'and keep them happy '.repeat(500)}`.slice(0, 10_000);
    rows[1].Title = title;
    const file = join(dir, 'long.xlsx');
    await writeXlsxPlan(file, rows);
    const r = await cascade(['lint', file, '--today', '2026-05-01']);
    expect(r.code).toBeLessThan(2);
    const table = await cascade(['progress', file, '--today', '2026-05-01']);
    expect(table.code).toBe(0);
    const line = table.stdout.split('\n').find((l) => l.includes('KR1.1'))!;
    expect(line.length).toBeLessThan(200);
    expect(line).toContain('…');
  });

  it('emoji and accents everywhere, the table stays aligned', async () => {
    const rows = okrRows();
    rows[0].Title = '🚀 Grow SMB revenue to 50 new accounts by Q3 — équipe 北京';
    rows[1].Owner = 'Zoë 👩‍💻';
    rows[1].ID = 'KR🎯1';
    rows[3].Parent = 'KR🎯1';
    rows[0].Review = null; // a warning, so the check shows the title
    const file = join(dir, 'emoji.csv');
    await writeCsvPlan(file, rows);
    const data = json(await cascade(['progress', file, '--format', 'json', '--today', '2026-05-01']));
    expect(data.items.map((i: any) => i.id)).toEqual(['O1', 'KR🎯1', 'KR1.2', 'T1.1.1']);
    expect(data.items[1].progress).toBe(0.5);
    const table = (await cascade(['progress', file, '--today', '2026-05-01'])).stdout
      .split('\n')
      .filter((l) => /^\s+\d+ /.test(l));
    const paceColumn = table.map((l) => displayWidth(l.slice(0, l.search(/(on track|done|at risk|off track)$/))));
    expect(new Set(paceColumn).size).toBe(1);
    const lint = await cascade(['lint', file, '--today', '2026-05-01']);
    expect(lint.stdout).toContain('🚀 Grow SMB revenue');
  });

  it('rows of a plan below a title row are found, with their real row numbers', async () => {
    const file = join(dir, 'titled.csv');
    await writeFile(
      file,
      `Q3 plan — draft\n\n${HEADER.join(',')}\nO1,Objective,,Grow SMB revenue to 50 new accounts by Q3,Ana,,,,,,2026-04-01,2026-06-30,weekly,2026-04-28,On track,,\n`,
    );
    const data = json(await cascade(['lint', file, '--format', 'json', '--today', '2026-05-01']));
    expect(data.rows).toBe(1);
    // An objective with no key result has findings: every one points at row 4, under the title.
    expect(data.findings.length).toBeGreaterThan(0);
    for (const finding of data.findings) expect(finding.row).toBe(4);
  });
});

// The 100,000-row roll-up is checked by `npm run bench` (bench/cli.ts), which also times it.
describe.concurrent('no half-written files', () => {
  it('a write that fails leaves what was there and no temporary file', async () => {
    const target = join(dir, 'taken.xlsx');
    await mkdir(target);
    await writeFile(join(target, 'keep.txt'), 'mine');
    const r = await cascade(['template', target, '--framework', 'okr', '--force']);
    expectCleanFailure(r, `${target}: cannot write it`);
    expect(await readFile(join(target, 'keep.txt'), 'utf8')).toBe('mine');
    expect((await readdir(dir)).filter((name) => name.endsWith('.tmp'))).toEqual([]);
  });

  it('a template into a folder that does not exist names the folder and how to make it', async () => {
    const target = join(dir, 'no-such-folder', 'q3', 'plan.xlsx');
    expectCleanFailure(
      await cascade(['template', target, '--framework', 'okr']),
      `${target}: cannot write it: the folder ${join(dir, 'no-such-folder', 'q3')} does not exist; create it first, or write the plan elsewhere.`,
    );
  });

  it('a template into a "folder" that is a file says so', async () => {
    const file = join(dir, 'notes.txt');
    await writeFile(file, 'mine');
    const target = join(file, 'plan.xlsx');
    expectCleanFailure(
      await cascade(['template', target, '--framework', 'okr']),
      `${target}: cannot write it: ${file} is a file, not a folder.`,
    );
    expect(await readFile(file, 'utf8')).toBe('mine');
  });

  it('stopped halfway (SIGTERM), progress --write leaves the old file or the new one, never a mix', async () => {
    const sub = join(dir, 'stopped');
    await mkdir(sub);
    const file = join(sub, 'plan.csv');
    const lines = [HEADER.join(',')];
    for (let k = 1; k <= 30_000; k++)
      lines.push(
        `KR${k},Key Result,,Sign ${k} accounts,Ben,increase,0,${k},${k / 2},,2026-04-01,2026-06-30,weekly,2026-04-28,On track,,`,
      );
    const original = lines.join('\n') + '\n';
    await writeFile(file, original);
    const { spawn } = await import('node:child_process');
    const child = spawn(
      process.execPath,
      [join(ROOT, 'bin/cascade.js'), 'progress', file, '--write', '--format', 'json', '--today', '2026-05-01'],
      { stdio: 'ignore' },
    );
    const exited = new Promise((resolve) => child.on('exit', resolve));
    await new Promise((resolve) => setTimeout(resolve, 800));
    child.kill('SIGTERM');
    await exited;
    const after = await readFile(file, 'utf8');
    if (after !== original) {
      const rows = after.trim().split('\n');
      expect(rows).toHaveLength(30_001);
      expect(rows.slice(1).every((row) => row.endsWith(',50%'))).toBe(true);
    }
    expect((await readdir(sub)).filter((name) => name !== 'plan.csv')).toEqual([]);
  });
});

function displayWidth(text: string): number {
  let width = 0;
  for (const { segment } of new Intl.Segmenter().segment(text))
    width +=
      /\p{Extended_Pictographic}|[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\uff00-\uff60\uffe0-\uffe6]/u.test(
        segment,
      )
        ? 2
        : 1;
  return width;
}
