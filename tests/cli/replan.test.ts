// `cascade replan FILE ID`: the four choices and undo, written with the plan's safe write and
// recorded in the history with the old values.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { cascade, okrRows, tempDir, writeCsvPlan, writeXlsxPlan } from './helpers.js';

const dir = await tempDir();

async function cells(path: string, sheetName: string, refs: string[]): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(sheetName)!;
  return refs.map((ref) => {
    const value = sheet.getCell(ref).value;
    return value instanceof Date ? value.toISOString().slice(0, 10) : value;
  });
}

describe('cascade replan', () => {
  it('extends a Due date within the parent, records the old value, and undoes it', async () => {
    const file = join(dir, 'extend.xlsx');
    await writeXlsxPlan(file, okrRows());
    const refused = await cascade(['replan', file, 'KR1.1', '--extend', '2026-07-31', '--today', '2026-05-01']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain("2026-07-31 is after O1's Due date 2026-06-30: extend O1 first");

    const r = await cascade([
      'replan',
      file,
      'O1',
      '--extend',
      '2026-07-31',
      '--today',
      '2026-05-01',
      '--who',
      'ana',
      '--note',
      'launch moved',
    ]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Extend O1:\n  Due date: 2026-06-30 → 2026-07-31\n  O1 expected by today: 33% → 24%');
    expect(await cells(file, 'Cascade', ['L2'])).toEqual(['2026-07-31']);
    expect(await cells(file, 'Check-ins', ['B2', 'E2', 'F2', 'G2', 'H2', 'I2', 'J2'])).toEqual([
      'O1',
      'On track',
      'launch moved',
      'ana',
      'extend',
      'Due date: 2026-06-30',
      'Due date: 2026-07-31',
    ]);

    const undo = await cascade(['replan', file, 'O1', '--undo', '--today', '2026-05-02']);
    expect(undo.code).toBe(0);
    expect(undo.stdout).toContain('Due date: 2026-07-31 → 2026-06-30');
    expect(await cells(file, 'Cascade', ['L2'])).toEqual(['2026-06-30']);
    expect(await cells(file, 'Check-ins', ['H3', 'I3', 'J3'])).toEqual([
      'undo',
      'Due date: 2026-07-31',
      'Due date: 2026-06-30',
    ]);
    expect((await cascade(['replan', file, 'O1', '--undo'])).stderr).toContain('O1 has no replanning to undo.');
  });

  it('shrinks a Target, drops children and pauses, on a .csv plan; --dry-run writes nothing', async () => {
    const file = join(dir, 'plan.csv');
    await writeCsvPlan(file, okrRows());
    const before = await readFile(file, 'utf8');
    const dry = await cascade(['replan', file, 'KR1.1', '--target', '40', '--dry-run', '--today', '2026-05-01']);
    expect(dry.stdout).toContain('Keep and shrink KR1.1:\n  Target: 50 → 40\n  KR1.1 progress: 50% → 62%');
    expect(await readFile(file, 'utf8')).toBe(before);

    expect((await cascade(['replan', file, 'KR1.1', '--target', '40', '--today', '2026-05-01'])).code).toBe(0);
    expect((await cascade(['replan', file, 'O1', '--drop', 'KR1.2', '--today', '2026-05-01'])).stdout).toContain(
      'KR1.2 Status: On track → Dropped',
    );
    expect((await cascade(['replan', file, 'KR1.1', '--pause', '--today', '2026-05-01'])).code).toBe(0);
    const plan = (await readFile(file, 'utf8')).split(/\r?\n/);
    expect(plan[2]).toContain(',40,25,');
    expect(plan[2]).toContain(',Paused,');
    expect(plan[3]).toContain(',Dropped,');
    const history = (await readFile(join(dir, 'plan.checkins.csv'), 'utf8')).trim().split('\r\n').slice(1);
    expect(history.map((line) => line.split(',').slice(1, 2).concat(line.split(',').slice(7)))).toEqual([
      ['KR1.1', 'shrink', 'Target: 50', 'Target: 40'],
      ['O1', 'drop', 'KR1.2 Status: On track', 'KR1.2 Status: Dropped'],
      ['KR1.1', 'pause', 'Status: On track', 'Status: Paused'],
    ]);
    const pace = await cascade(['progress', file, '--today', '2026-05-01']);
    expect(pace.stdout).toMatch(/KR1\.1 .* paused/);
  });

  it('asks for exactly one choice', async () => {
    const r = await cascade(['replan', join(dir, 'plan.csv'), 'KR1.1']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('choose one of --extend, --target, --drop, --pause or --undo');
  });
});
