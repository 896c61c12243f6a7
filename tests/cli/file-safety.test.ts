// progress --write as a manager whose plan file is precious would use it: the file changes while
// cascade works, it is a link, a read-only file, open in LibreOffice, left with a temp file by a
// killed run; its Progress column holds what people typed; a row has a comma too many.
import { execFile, spawn } from 'node:child_process';
import { promisify } from 'node:util';
import JSZip from 'jszip';
import { existsSync } from 'node:fs';
import {
  chmod,
  chown,
  link,
  lstat,
  readFile,
  readdir,
  readlink,
  stat,
  symlink,
  truncate,
  unlink,
  writeFile,
} from 'node:fs/promises';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { cascade, json, okrRows, ROOT, tempDir, writeCsvPlan, writeXlsxPlan } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

const TODAY = ['--today', '2026-05-01'];

const CSV_LINES = [
  'ID,Level,Parent,Title,Type,Start,Target,Current,Due date,Status,Progress',
  'O1,Objective,,Grow SMB revenue,,,,,2026-06-30,On track,',
  'KR1.1,Key Result,O1,Sign 50 new SMB accounts,increase,0,50,25,2026-06-30,On track,',
  'KR1.2,Key Result,O1,Cut onboarding from 10 to 4 days,decrease,10,4,7,2026-06-30,On track,',
];

async function csvPlan(name: string, lines = CSV_LINES): Promise<string> {
  const file = join(dir, name);
  await writeFile(file, lines.join('\n') + '\n');
  return file;
}

/**
 * Runs `cascade ARGS`, calling `meanwhile` after the plan was read: just before the file is replaced,
 * or before the checks made ahead of any write (a .csv plan's check-ins file is written between).
 */
function runPaused(
  args: string[],
  gate: string,
  meanwhile: () => Promise<void>,
  at: 'BEFORE_REPLACE' | 'BEFORE_CHECKS' = 'BEFORE_REPLACE',
): Promise<{ code: number; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [join(ROOT, 'bin/cascade.js'), ...args], {
      env: { ...process.env, NO_COLOR: '1', [`CASCADE_TEST_PAUSE_${at}`]: gate },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const poll = setInterval(async () => {
      if (!existsSync(`${gate}.ready`)) return;
      clearInterval(poll);
      await meanwhile().catch(reject);
      await writeFile(gate, '');
    }, 20);
    child.on('close', (code) => {
      clearInterval(poll);
      resolve({ code: code ?? 1, stderr });
    });
  });
}

describe('one read, one write', () => {
  it('refuses, writing nothing, when the file was saved by someone else between the read and the write (a row inserted above)', async () => {
    const file = await csvPlan('moved.csv');
    // A colleague inserts a row under the header: every row moves one down.
    const colleague =
      [CSV_LINES[0], 'O0,Objective,,Keep the lights on,,,,,2026-06-30,On track,', ...CSV_LINES.slice(1)].join('\n') +
      '\n';
    const r = await runPaused(['progress', file, '--write', ...TODAY], join(dir, 'gate-moved'), () =>
      writeFile(file, colleague),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/moved\.csv: the file changed after cascade read it .*nothing was written/);
    expect(await readFile(file, 'utf8')).toBe(colleague);
    expect((await readdir(dir)).filter((n) => n.includes('.cascade-'))).toEqual([]);
  });

  it("the same for an .xlsx workbook: the colleague's version stays, byte for byte", async () => {
    const file = join(dir, 'moved.xlsx');
    await writeXlsxPlan(file, okrRows());
    const other = join(dir, 'other.xlsx');
    await writeXlsxPlan(other, [
      { ID: 'O0', Level: 'Objective', Title: 'Keep the lights on', Status: 'On track' },
      ...okrRows(),
    ]);
    const colleague = await readFile(other);
    const r = await runPaused(['progress', file, '--write', ...TODAY], join(dir, 'gate-moved-xlsx'), () =>
      writeFile(file, colleague),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file changed after cascade read it');
    expect((await readFile(file)).equals(colleague)).toBe(true);
  });

  it('writes through a symbolic link into the file it names; the link stays a link', async () => {
    const real = await csvPlan('real.csv');
    const linkPath = join(dir, 'linked.csv');
    await symlink(real, linkPath);
    const r = await cascade(['progress', linkPath, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    expect((await lstat(linkPath)).isSymbolicLink()).toBe(true);
    expect(await readlink(linkPath)).toBe(real);
    expect((await readFile(real, 'utf8')).split('\n')[1]).toBe(
      'O1,Objective,,Grow SMB revenue,,,,,2026-06-30,On track,50%',
    );
    // The history belongs to the plan, not to one of its names: beside the file the link names.
    expect(existsSync(join(dir, 'real.checkins.csv'))).toBe(true);
    expect(existsSync(join(dir, 'linked.checkins.csv'))).toBe(false);
  });

  it("keeps the file's mode; refuses a read-only file even when run as root", async () => {
    const file = await csvPlan('mode.csv');
    await chmod(file, 0o640);
    expect((await cascade(['progress', file, '--write', ...TODAY])).code).toBe(0);
    expect((await stat(file)).mode & 0o777).toBe(0o640);

    const locked = await csvPlan('readonly.csv');
    await chmod(locked, 0o444);
    const r = await cascade(['progress', locked, '--write', ...TODAY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file is read-only (mode 0444); nothing was changed');
    expect(await readFile(locked, 'utf8')).toBe(CSV_LINES.join('\n') + '\n');
  });

  it('warns when the workbook is open in LibreOffice or Excel (their lock file is there)', async () => {
    const file = join(dir, 'open.xlsx');
    await writeXlsxPlan(file, okrRows());
    await writeFile(
      join(dir, '.~lock.open.xlsx#'),
      ',someone,host,01.05.2026 10:00,file:///home/someone/.config/libreoffice/4;',
    );
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/warning: .*open\.xlsx is open in LibreOffice \(lock file \.~lock\.open\.xlsx#\)/);

    const excel = await csvPlan('excel.csv');
    await writeFile(join(dir, '~$excel.csv'), 'x');
    expect((await cascade(['progress', excel, '--write', ...TODAY])).stderr).toMatch(
      /is open in Excel \(lock file ~\$excel\.csv\)/,
    );
  });

  it('removes the temporary file a killed run left behind, and only that one', async () => {
    const file = await csvPlan('killed.csv');
    const stale = join(dir, '.killed.csv.cascade-999999-0badf00d.tmp');
    const live = join(dir, `.killed.csv.cascade-${process.pid}-0badf00d.tmp`);
    await writeFile(stale, 'half a plan');
    await writeFile(live, 'another run, still going');
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Removed 1 temporary file left by an earlier cascade run');
    expect(existsSync(stale)).toBe(false);
    expect(existsSync(live)).toBe(true);
  });
});

describe('hard links: written in place, behind a backup copy', () => {
  const backups = async (plan: string) => (await readdir(dir)).filter((n) => n.startsWith(`.${plan}.cascade-backup-`));

  it('a hard-linked .csv and .xlsx are written in place: every name shows the new file, one inode, mode, owner and group kept', async () => {
    const file = await csvPlan('hl.csv');
    const other = join(dir, 'hl-other.csv');
    await link(file, other);
    await chmod(file, 0o640);
    const root = process.getuid?.() === 0;
    if (root) await chown(file, 1234, 2345);
    const before = await stat(file);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    const text = await readFile(other, 'utf8');
    expect(text.split('\n')[1]).toBe('O1,Objective,,Grow SMB revenue,,,,,2026-06-30,On track,50%');
    expect(await readFile(file, 'utf8')).toBe(text);
    const after = await stat(file);
    expect([after.ino, after.nlink, after.mode & 0o7777]).toEqual([before.ino, 2, 0o640]);
    expect((await stat(other)).ino).toBe(before.ino);
    if (root) expect([after.uid, after.gid]).toEqual([1234, 2345]);
    expect(await backups('hl.csv')).toEqual([]);

    const book = join(dir, 'hl.xlsx');
    await writeXlsxPlan(book, okrRows());
    const bookOther = join(dir, 'hl-other.xlsx');
    await link(book, bookOther);
    const old = await readFile(book);
    const bookBefore = await stat(book);
    expect((await cascade(['progress', book, '--write', ...TODAY])).code).toBe(0);
    const written = await readFile(bookOther);
    expect(written.equals(old)).toBe(false);
    expect((await readFile(book)).equals(written)).toBe(true);
    expect([(await stat(book)).ino, (await stat(bookOther)).ino]).toEqual([bookBefore.ino, bookBefore.ino]);
    // The other name is a whole workbook with the new Progress and the Check-ins sheet.
    const shown = json(await cascade(['progress', bookOther, '--format', 'json', ...TODAY]));
    expect(JSON.stringify(shown)).toContain('"progress":0.5');
    expect(await backups('hl.xlsx')).toEqual([]);
  });

  it('a new file written over a hard-linked one (convert --force) reaches every name too', async () => {
    const plan = await csvPlan('hl-source.csv');
    const out = join(dir, 'hl-out.xlsx');
    await writeFile(out, 'an old export');
    await link(out, join(dir, 'hl-out-other.xlsx'));
    const ino = (await stat(out)).ino;
    expect((await cascade(['convert', plan, out, '--force'])).code).toBe(0);
    expect((await readFile(join(dir, 'hl-out-other.xlsx'))).equals(await readFile(out))).toBe(true);
    expect([(await stat(out)).ino, (await stat(out)).nlink]).toEqual([ino, 2]);
    expect([0, 1]).toContain((await cascade(['lint', join(dir, 'hl-out-other.xlsx'), ...TODAY])).code);
    expect(await backups('hl-out.xlsx')).toEqual([]);
  });

  it('a hard-linked check-ins file beside the plan is appended in place: its other name shows the new rows', async () => {
    const file = await csvPlan('hl-side.csv');
    expect((await cascade(['progress', file, '--write', ...TODAY])).code).toBe(0);
    const side = join(dir, 'hl-side.checkins.csv');
    const sideOther = join(dir, 'hl-side-history.csv');
    await link(side, sideOther);
    const sideBefore = await stat(side);
    // The team records more accounts (written in place, as an editor saving over the file would not).
    await writeFile(file, CSV_LINES.map((l) => l.replace(',50,25,', ',50,40,')).join('\n') + '\n');
    expect((await cascade(['progress', file, '--write', '--today', '2026-05-02'])).code).toBe(0);
    const history = await readFile(sideOther, 'utf8');
    expect(history).toContain('2026-05-02,KR1.1,40,80%');
    expect(await readFile(side, 'utf8')).toBe(history);
    expect((await stat(side)).ino).toBe(sideBefore.ino);
    expect((await stat(side)).nlink).toBe(2);
  });

  it('a run killed while writing a hard-linked plan leaves its backup; the next run names it, says what to do and touches nothing', async () => {
    const file = await csvPlan('hl-killed.csv');
    const other = join(dir, 'hl-killed-other.csv');
    await link(file, other);
    const original = await readFile(file, 'utf8');
    const gate = join(dir, 'gate-in-place');
    // Stopped halfway: the backup is on disk, the plan half written, then kill -9.
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, [join(ROOT, 'bin/cascade.js'), 'progress', file, '--write', ...TODAY], {
        env: { ...process.env, NO_COLOR: '1', CASCADE_TEST_PAUSE_IN_PLACE: gate },
        stdio: 'ignore',
      });
      const poll = setInterval(() => {
        if (!existsSync(`${gate}.ready`)) return;
        clearInterval(poll);
        truncate(file, 100).then(() => child.kill('SIGKILL'), reject);
      }, 20);
      child.on('close', () => {
        clearInterval(poll);
        resolve();
      });
    });
    const [backup] = await backups('hl-killed.csv');
    expect(backup).toMatch(/^\.hl-killed\.csv\.cascade-backup-\d+-\d+\.csv$/);
    expect(await readFile(join(dir, backup), 'utf8')).toBe(original);
    const half = await readFile(file, 'utf8');
    expect(half).toBe(original.slice(0, 100));
    // The killed run had appended its check-ins (before the plan, by design); the refused runs add none.
    const history = await readFile(join(dir, 'hl-killed.checkins.csv'), 'utf8');

    for (const args of [
      ['progress', file, '--write', ...TODAY],
      ['lint', other],
    ]) {
      const r = await cascade(args);
      expect([args[0], r.code]).toEqual([args[0], 2]);
      expect(r.stderr).toContain(
        'an earlier cascade run was stopped while it rewrote this file, which may be half written',
      );
      expect(r.stderr).toContain(`its previous contents are in ${join(dir, backup)}`);
      expect(r.stderr).toContain(`cat "${join(dir, backup)}" > "${args[1]}" keeps its hard links`);
    }
    expect(await readFile(file, 'utf8')).toBe(half);
    expect(await readFile(join(dir, backup), 'utf8')).toBe(original);
    expect(await readFile(join(dir, 'hl-killed.checkins.csv'), 'utf8')).toBe(history);

    // Doing what the message says brings the plan back, and cascade writes it again.
    await writeFile(file, await readFile(join(dir, backup)));
    await unlink(join(dir, backup));
    expect((await cascade(['progress', file, '--write', ...TODAY])).code).toBe(0);
    expect((await readFile(other, 'utf8')).split('\n')[1]).toMatch(/On track,50%$/);
  });

  it('a backup made by a run that is still going: the plan is being written, come back later', async () => {
    const file = await csvPlan('hl-busy.csv');
    const ino = (await stat(file)).ino;
    // This test's own process stands for the other cascade run, still writing.
    const backup = join(dir, `.hl-busy.csv.cascade-backup-${process.pid}-${ino}.csv`);
    await writeFile(backup, CSV_LINES.join('\n') + '\n');
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`another cascade run (process ${process.pid}) is writing this file right now`);
    expect(existsSync(backup)).toBe(true);
    expect(await readFile(file, 'utf8')).toBe(CSV_LINES.join('\n') + '\n');
  });

  it('a hard-linked plan saved by someone else meanwhile, or read-only, is still refused and left as it is', async () => {
    const file = await csvPlan('hl-moved.csv');
    const other = join(dir, 'hl-moved-other.csv');
    await link(file, other);
    const colleague = CSV_LINES.map((l) => l.replace(',50,25,', ',50,30,')).join('\n') + '\n';
    const r = await runPaused(['progress', file, '--write', ...TODAY], join(dir, 'gate-hl-moved'), () =>
      writeFile(file, colleague),
    );
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('the file changed after cascade read it');
    expect(await readFile(other, 'utf8')).toBe(colleague);
    expect(await backups('hl-moved.csv')).toEqual([]);

    const locked = await csvPlan('hl-readonly.csv');
    await link(locked, join(dir, 'hl-readonly-other.csv'));
    await chmod(locked, 0o444);
    const ro = await cascade(['progress', locked, '--write', ...TODAY]);
    expect(ro.code).toBe(2);
    expect(ro.stderr).toContain('the file is read-only (mode 0444)');
    expect(await readFile(locked, 'utf8')).toBe(CSV_LINES.join('\n') + '\n');
  });
});

describe('a refused write leaves the check-ins as they were', () => {
  it('a read-only, half-written (a stopped run left its backup) or meanwhile-changed plan gets no check-in file either', async () => {
    const locked = await csvPlan('ro-history.csv');
    await chmod(locked, 0o444);
    expect((await cascade(['progress', locked, '--write', ...TODAY])).code).toBe(2);
    expect(existsSync(join(dir, 'ro-history.checkins.csv'))).toBe(false);

    const stopped = await csvPlan('stopped-history.csv');
    await writeFile(join(dir, '.stopped-history.csv.cascade-backup-999999-1.csv'), CSV_LINES.join('\n') + '\n');
    expect((await cascade(['progress', stopped, '--write', ...TODAY])).code).toBe(2);
    expect(existsSync(join(dir, 'stopped-history.checkins.csv'))).toBe(false);

    const moved = await csvPlan('moved-history.csv');
    const r = await runPaused(
      ['progress', moved, '--write', ...TODAY],
      join(dir, 'gate-history'),
      () => writeFile(moved, CSV_LINES.join('\r\n') + '\r\n'),
      'BEFORE_CHECKS',
    );
    expect(r.code).toBe(2);
    expect(existsSync(join(dir, 'moved-history.checkins.csv'))).toBe(false);
  });

  it('a read-only check-ins file is not appended to, even as root, and the plan is not written', async () => {
    const file = await csvPlan('ro-side.csv');
    const side = join(dir, 'ro-side.checkins.csv');
    await writeFile(side, 'Date,ID,Current,Progress,Status,Note,Who,Change,Before,After\n');
    await chmod(side, 0o444);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('ro-side.checkins.csv: the file is read-only (mode 0444)');
    expect(await readFile(side, 'utf8')).toBe('Date,ID,Current,Progress,Status,Note,Who,Change,Before,After\n');
    expect(await readFile(file, 'utf8')).toBe(CSV_LINES.join('\n') + '\n');
  });
});

describe('what people typed is never overwritten', () => {
  it("a team's own progress column (60, 100): one message naming the column, nothing written", async () => {
    const lines = [
      'ID,Level,Parent,Title,Owner,Type,Start,Target,Current,Due date,Status,progress',
      'O1,Objective,,Grow SMB revenue,Ana,,,,,2026-06-30,On track,',
      'KR1.1,Key Result,O1,Sign 50 new SMB accounts,Ben,increase,0,50,25,2026-06-30,On track,60',
      'KR1.2,Key Result,O1,Cut onboarding from 10 to 4 days,Cy,decrease,10,4,7,2026-06-30,On track,100',
    ];
    const file = await csvPlan('team.csv', lines);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(2);
    const errors = r.stderr
      .split('\n')
      .filter((l) => l.startsWith('cascade:') && !l.includes('warning') && !l.includes('note'));
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(
      /team\.csv, column L \(Progress\): 2 cells hold progress typed by a person .*\(row 3: "60", row 4: "100"\); nothing was written/,
    );
    expect(errors[0]).toContain('rename the column');
    expect(await readFile(file, 'utf8')).toBe(lines.join('\n') + '\n');
  });

  it('a typed progress that says what cascade computes is left exactly as typed (no 60 → 60% rewrite)', async () => {
    const lines = [
      'ID,Level,Parent,Title,Type,Start,Target,Current,Due date,Status,Progress',
      'O1,Objective,,Grow SMB revenue,,,,,2026-06-30,On track,',
      'KR1.1,Key Result,O1,Sign 50 new SMB accounts,increase,0,50,25,2026-06-30,On track,50',
      'KR1.2,Key Result,O1,Cut onboarding from 10 to 4 days,decrease,10,4,7,2026-06-30,On track,0.5',
    ];
    const file = await csvPlan('equal.csv', lines);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    const after = (await readFile(file, 'utf8')).split('\n');
    expect(after.slice(2, 4)).toEqual(lines.slice(2, 4));
    expect(after[1]).toBe('O1,Objective,,Grow SMB revenue,,,,,2026-06-30,On track,50%');
  });

  it("an .xlsx Progress cell a person typed over cascade's value is theirs from then on", async () => {
    const file = join(dir, 'typed.xlsx');
    await writeXlsxPlan(file, okrRows());
    expect((await cascade(['progress', file, '--write', ...TODAY])).code).toBe(0);
    // A person types 12 % over the objective's value (a constant replaces Cascade's =0.5).
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Cascade')!.getCell('Q3').value = 0.12;
    await workbook.xlsx.writeFile(file);
    const before = await readFile(file);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /typed\.xlsx, sheet "Cascade", column Q \(Progress\): a cell holds progress typed by a person .*\(row 3: 12%\)/,
    );
    expect((await readFile(file)).equals(before)).toBe(true);
  });

  it('a CSV row with more fields than the header is reported by row and never written', async () => {
    const lines = [
      'ID,Level,Parent,Title,Owner,Type,Start,Target,Current,Due date,Status,Progress',
      'O1,Objective,,Grow SMB revenue,Ana,,,,,2026-06-30,On track,',
      'KR1.1,Key Result,O1,Sign 50 accounts, then 60,Ben,increase,0,50,25,2026-06-30,On track,',
      'KR1.2,Key Result,O1,Cut onboarding from 10 to 4 days,Cy,decrease,10,4,7,2026-06-30,On track,',
    ];
    const file = await csvPlan('stray.csv', lines);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/stray\.csv, row 3: 13 fields where the header has 12 .*never writes into this row/);
    const after = (await readFile(file, 'utf8')).split('\n');
    expect(after[2]).toBe(lines[2]);
    expect(after[3]).toBe(`${lines[3]}50%`);
  });
});

describe('owned cells only', () => {
  it('a headerless column of formulas is not free: the new Progress column goes right of it', async () => {
    const file = join(dir, 'formulas.xlsx');
    const header = ['ID', 'Level', 'Parent', 'Title', 'Type', 'Start', 'Target', 'Current', 'Status'];
    await writeXlsxPlan(file, okrRows(), { header });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Cascade')!;
    for (let r = 2; r <= 5; r++) sheet.getCell(`J${r}`).value = { formula: `IF(H${r}="","",I${r}/H${r})`, result: '' };
    await workbook.xlsx.writeFile(file);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Added a Progress column (column K)');
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    const s = after.getWorksheet('Cascade')!;
    expect([2, 3, 4, 5].map((row) => s.getCell(`J${row}`).formula)).toEqual(
      [2, 3, 4, 5].map((row) => `IF(H${row}="","",I${row}/H${row})`),
    );
  });

  it('a header merged across two columns counts as taken; a second run finds the column it added', async () => {
    const file = join(dir, 'merged.xlsx');
    const header = ['ID', 'Level', 'Parent', 'Title', 'Type', 'Start', 'Target', 'Current', 'Status', 'Notes'];
    await writeXlsxPlan(file, okrRows(), { header });
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Cascade')!.mergeCells('J1:K1');
    await workbook.xlsx.writeFile(file);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.stderr).toContain('Added a Progress column (column L)');
    const again = await cascade(['progress', file, '--write', ...TODAY]);
    expect(again.stderr).not.toContain('Added a Progress column');
    expect(again.stderr).toContain('already up to date');
  });

  it('a "Total budget" row after a blank row is not part of the plan, for lint and progress alike', async () => {
    const lines = [...CSV_LINES, '', ',,,Total budget,,,,,,,', ',,,Notes: ask finance,,,,,,,'];
    const file = await csvPlan('total.csv', lines);
    const lint = await cascade(['lint', file, '--format', 'json', ...TODAY]);
    expect(JSON.parse(lint.stdout).findings.filter((f: { row: number }) => f.row >= 6)).toEqual([]);
    expect(lint.stderr).toMatch(/total\.csv: the plan ends at row 4; row 6 \("Total budget"\) and the rows below it/);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    const after = (await readFile(file, 'utf8')).split('\n');
    expect(after.slice(5)).toEqual(lines.slice(5).concat(''));
  });

  it('a second sheet with a plan header gets a note', async () => {
    const file = join(dir, 'two.xlsx');
    await writeXlsxPlan(file, okrRows());
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const copy = workbook.addWorksheet('Q3 draft');
    copy.addRow(['ID', 'Level', 'Title']);
    copy.addRow(['O9', 'Objective', 'Next quarter']);
    await workbook.xlsx.writeFile(file);
    const r = await cascade(['lint', file, ...TODAY]);
    expect(r.stderr).toContain(
      'note: ' + `${file}: sheet "Q3 draft" also has a plan header; only sheet "Cascade" is read`,
    );
  });

  it('a protected sheet: a warning, and nothing written into it', async () => {
    const file = join(dir, 'protected.xlsx');
    await writeXlsxPlan(file, okrRows());
    const ExcelJS = (await import('exceljs')).default;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    await workbook.getWorksheet('Cascade')!.protect('', {});
    await workbook.xlsx.writeFile(file);
    const before = await readFile(file);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('the sheet is protected; cascade reads it but will not write into it');
    expect((await readFile(file)).equals(before)).toBe(true);
  });
  it('cells in a protected range are left alone, with a warning', async () => {
    const file = join(dir, 'ranges.xlsx');
    await writeXlsxPlan(file, okrRows());
    const JSZip = (await import('jszip')).default;
    const zip = await JSZip.loadAsync(await readFile(file));
    const part = 'xl/worksheets/sheet1.xml';
    const xml = await zip.file(part)!.async('string');
    zip.file(
      part,
      xml.replace(
        '</sheetData>',
        '</sheetData><protectedRanges><protectedRange name="Budget" sqref="Q2:Q3"/></protectedRanges>',
      ),
    );
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(
      /warning: .*ranges\.xlsx \(sheet "Cascade"\): 2 cells lie in a protected range and were not written/,
    );
    const after = await (await JSZip.loadAsync(await readFile(file))).file(part)!.async('string');
    expect(after).not.toMatch(/<c r="Q[23]"/);
    expect(after).toMatch(/<c r="Q4"[^>]*><f>/);
  });
});

describe('CSV as written', () => {
  it("keeps every field's quotes and each line's own ending", async () => {
    const file = join(dir, 'quoted.csv');
    const lines = [
      '"ID","Level","Parent","Title","Type","Start","Target","Current","Status","Progress"\r\n',
      '"O1","Objective","","Grow SMB revenue","","","","","On track",""\n',
      '"KR1.1","Key Result","O1","Sign 50 accounts","increase","0","50","25","On track",""\r\n',
      'KR1.2,Key Result,O1,"Cut onboarding, 10 to 4 days",decrease,10,4,7,On track,\n',
    ];
    await writeFile(file, lines.join(''));
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      [
        lines[0],
        '"O1","Objective","","Grow SMB revenue","","","","","On track","50%"\n',
        '"KR1.1","Key Result","O1","Sign 50 accounts","increase","0","50","25","On track","50%"\r\n',
        'KR1.2,Key Result,O1,"Cut onboarding, 10 to 4 days",decrease,10,4,7,On track,50%\n',
      ].join(''),
    );
  });

  it('a column it adds to rows that quote every field is quoted too; a field quoted for its comma sets no style', async () => {
    const file = join(dir, 'all-quoted.csv');
    await writeFile(
      file,
      '"ID","Level","Parent","Title","Type","Start","Target","Current"\r\n' +
        '"O1","Objective","","Grow SMB revenue","","","",""\n' +
        'KR1.1,Key Result,O1,"Sign 50 accounts, then 60",increase,0,50,25\r\n',
    );
    expect((await cascade(['progress', file, '--write', ...TODAY])).code).toBe(0);
    expect(await readFile(file, 'utf8')).toBe(
      '"ID","Level","Parent","Title","Type","Start","Target","Current","Progress"\r\n' +
        '"O1","Objective","","Grow SMB revenue","","","","","50%"\n' +
        'KR1.1,Key Result,O1,"Sign 50 accounts, then 60",increase,0,50,25,50%\r\n',
    );
  });
});

describe('messages say what the file really is', () => {
  it('an OpenDocument spreadsheet renamed .xlsx, a folder named plan.xlsx, a link to nowhere, a NUL byte in a CSV', async () => {
    const ods = join(dir, 'renamed.xlsx');
    await writeFile(
      ods,
      Buffer.concat([
        Buffer.from('PK\x03\x04'),
        Buffer.alloc(26),
        Buffer.from('mimetypeapplication/vnd.oasis.opendocument.spreadsheet'),
      ]),
    );
    const a = await cascade(['lint', ods]);
    expect(a.code).toBe(2);
    expect(a.stderr).toContain('this is an OpenDocument spreadsheet (.ods), not an Excel workbook');

    const folder = join(dir, 'plans');
    await (await import('node:fs/promises')).mkdir(folder);
    expect((await cascade(['lint', folder])).stderr).toContain(`${folder}: is a folder, not a plan file.`);

    const dangling = join(dir, 'dangling.csv');
    await symlink(join(dir, 'moved-away.csv'), dangling);
    expect((await cascade(['lint', dangling])).stderr).toContain(
      `${dangling}: is a symbolic link to ${join(dir, 'moved-away.csv')}, which does not exist.`,
    );

    const nul = join(dir, 'nul.csv');
    await writePlanWithNul(nul);
    const c = await cascade(['lint', nul]);
    expect(c.code).toBe(2);
    expect(c.stderr).toMatch(/a NUL byte .* at row 3, column D/);
  });
});

async function writePlanWithNul(path: string) {
  await writeCsvPlan(path, okrRows());
  const lines = (await readFile(path, 'utf8')).split('\n');
  lines[2] = lines[2].replace('Sign', 'Si\u0000gn');
  await writeFile(path, lines.join('\n'));
}

describe('bounded memory', () => {
  // What fits depends on what the command keeps of each row: lint reads and checks, progress --write
  // also keeps the file's text and cells, its edits and the check-ins, convert a whole new workbook.
  it('a plan that lint can hold but progress --write or convert cannot is refused by those in one line (never exit 134)', async () => {
    const file = join(dir, 'wide.csv');
    const row = 'KR{n},Key Result,O1,Sign accounts,increase,0,50,25,2026-06-30,On track,';
    const lines = [CSV_LINES[0], CSV_LINES[1]];
    for (let n = 0; n < 120_000; n++) lines.push(row.replace('{n}', String(n)));
    await writeFile(file, lines.join('\n') + '\n');
    const heap = { env: { NODE_OPTIONS: '--max-old-space-size=160' } };
    expect((await cascade(['lint', file, '--format', 'json', ...TODAY], heap)).code).toBe(1);
    for (const args of [
      ['progress', file, '--write', ...TODAY],
      ['convert', file, join(dir, 'wide-converted.xlsx')],
    ]) {
      const r = await cascade(args, heap);
      expect([args[0], r.code]).toEqual([args[0], 2]);
      expect(r.stderr.trim().split('\n')).toHaveLength(1);
      expect(r.stderr).toMatch(/wide\.csv: the plan has about 120,002 rows, more than cascade can hold/);
    }
    expect(existsSync(join(dir, 'wide.checkins.csv'))).toBe(false);
  });

  it('an .xlsx of long texts without a <dimension> (openpyxl write-only) is refused in one line, never exit 134', async () => {
    // 10,000 rows of a 5 KB note: few rows, but the cells keep their 50 MB of XML alive.
    const file = join(dir, 'notes.xlsx');
    const script = [
      'import sys',
      'from openpyxl import Workbook',
      'wb = Workbook(write_only=True)',
      "ws = wb.create_sheet('Cascade')",
      "ws.append(['ID', 'Level', 'Parent', 'Title', 'Type', 'Start', 'Target', 'Current', 'Due date', 'Status', 'Notes'])",
      "ws.append(['O1', 'Objective', None, 'Grow SMB revenue', None, None, None, None, '2026-06-30', 'On track', None])",
      "pad = 'call the customer back about the renewal. ' * 120",
      'for i in range(10000):',
      "    ws.append([f'KR{i}', 'Key Result', 'O1', f'Sign {i} new accounts', 'increase', 0, 50, 25, '2026-06-30', 'On track', f'Note {i}: ' + pad[:5000]])",
      'wb.save(sys.argv[1])',
    ].join('\n');
    await promisify(execFile)('/usr/bin/python3', ['-c', script, file]);
    const sheet = await (
      await JSZip.loadAsync(await readFile(file))
    )
      .file(/worksheets\/sheet\d+\.xml$/)[0]
      .async('string');
    expect(sheet).not.toContain('<dimension');
    expect(sheet).toContain('t="inlineStr"');
    const r = await cascade(['lint', file, ...TODAY], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /notes\.xlsx: the plan's sheet has about 1\d,\d{3} rows \(\d+ MB of XML\), more than cascade can hold .*NODE_OPTIONS=--max-old-space-size=\d+/,
    );
  });

  it('a plan larger than the memory Node allows is refused in one line, before memory runs out (never exit 134)', async () => {
    const file = join(dir, 'huge.csv');
    const row = 'KR{n},Key Result,O1,Sign accounts,increase,0,50,25,2026-06-30,On track,';
    const lines = [CSV_LINES[0], CSV_LINES[1]];
    for (let n = 0; n < 120_000; n++) lines.push(row.replace('{n}', String(n)));
    await writeFile(file, lines.join('\n') + '\n');
    const r = await cascade(['lint', file], { env: { NODE_OPTIONS: '--max-old-space-size=64' } });
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stderr).toMatch(
      /huge\.csv: the plan has about 120,002 rows, more than cascade can hold .*NODE_OPTIONS=--max-old-space-size=\d+/,
    );
  });
});
