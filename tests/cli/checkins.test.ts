// `cascade progress --write` keeps a check-in history: appended rows in a Check-ins sheet of the
// workbook (added when missing) or NAME.checkins.csv beside a .csv plan, and Last check-in set.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { patchWorkbook } from '../../cli/xlsx/workbook-patch.js';
import { cascade, json, okrRows, tempDir, writeCsvPlan, writeXlsxPlan } from './helpers.js';

const dir = await tempDir();

async function sheetRows(path: string, name: string): Promise<unknown[][]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const sheet = workbook.getWorksheet(name);
  if (!sheet) throw new Error(`no sheet ${name}`);
  const rows: unknown[][] = [];
  sheet.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
  return rows;
}

describe('progress --write: check-ins in an .xlsx workbook', () => {
  it('adds a Check-ins sheet with one row per row, then appends only the rows that changed', async () => {
    const file = join(dir, 'plan.xlsx');
    await writeXlsxPlan(file, okrRows());
    const first = await cascade([
      'progress',
      file,
      '--write',
      '--today',
      '2026-05-01',
      '--note',
      'kick-off',
      '--who',
      'ana',
    ]);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain(`Added 4 check-ins to ${file} (sheet "Check-ins").`);
    const rows = await sheetRows(file, 'Check-ins');
    expect(rows[0]).toEqual([
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
    expect(rows[2]).toEqual(['2026-05-01', 'KR1.1', 25, 0.5, 'On track', 'kick-off', 'ana']);
    expect(rows).toHaveLength(5);
    const plan = await sheetRows(file, 'Cascade');
    // The first records are the baseline, not check-ins: Last check-in keeps the date typed.
    expect(plan[1][13]).toEqual(new Date('2026-04-28T00:00:00Z'));

    const again = await cascade(['progress', file, '--write', '--today', '2026-05-08']);
    expect(again.stderr).toContain('No check-ins added: no row changed since its last check-in.');
    expect(await sheetRows(file, 'Check-ins')).toHaveLength(5);

    // A person types 35 in Current (I3); the spreadsheet keeps the rest of the workbook as it was.
    const typed = await patchWorkbook(await readFile(file), 'Cascade', [
      { row: 3, col: 8, value: 35, onFormula: 'replace' },
    ]);
    await writeFile(file, typed.data);
    const before = await sheetRows(file, 'Check-ins');
    const historyXml = async () =>
      (await JSZip.loadAsync(await readFile(file))).file('xl/worksheets/sheet2.xml')!.async('string');
    const xmlBefore = await historyXml();
    const third = await cascade(['progress', file, '--write', '--today', '2026-05-08', '--who', 'ben']);
    expect(third.stderr).toContain('Added 2 check-ins'); // KR1.1 and its objective, whose roll-up moved
    const after = await sheetRows(file, 'Check-ins');
    expect(after.slice(0, before.length)).toEqual(before); // rows already there are kept as they were
    const xmlAfter = await historyXml();
    const rowsOf = (xml: string) => xml.slice(xml.indexOf('<sheetData'), xml.lastIndexOf('</sheetData>'));
    expect(rowsOf(xmlAfter).startsWith(rowsOf(xmlBefore))).toBe(true); // byte for byte: the new rows only follow them
    expect(xmlAfter).toContain('<row r="7">');
    expect(after.slice(before.length).map((r) => [r[0], r[1], r[2], r[6]])).toEqual([
      ['2026-05-08', 'O1', undefined, 'ben'],
      ['2026-05-08', 'KR1.1', 35, 'ben'],
    ]);
  });

  it('shows trending off track from the history, and --format json gives the forecast', async () => {
    const file = join(dir, 'trend.xlsx');
    await writeXlsxPlan(file, okrRows());
    await cascade(['progress', file, '--write', '--today', '2026-04-08']);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Cascade')!;
    sheet.getCell('I3').value = 26; // 25 → 26 in three weeks: far too slow for 50 by June 30
    await workbook.xlsx.writeFile(file);
    const result = json(await cascade(['progress', file, '--format', 'json', '--today', '2026-04-29']));
    const kr = result.items.find((i: { id: string }) => i.id === 'KR1.1');
    expect(kr.status).toBe('on track');
    expect(kr.trend).toBe('trending off track');
    expect(kr.forecast).toBeLessThan(1);
  });
});

describe('progress --write: check-ins beside a .csv plan', () => {
  it('creates NAME.checkins.csv, then appends to it byte for byte', async () => {
    const file = join(dir, 'plan.csv');
    await writeCsvPlan(file, okrRows());
    await cascade(['progress', file, '--write', '--today', '2026-05-01', '--who', 'ana']);
    const side = join(dir, 'plan.checkins.csv');
    const first = await readFile(side, 'utf8');
    expect(first.split('\r\n')[0]).toBe('\ufeffDate,ID,Current,Progress,Status,Note,Who,Change,Before,After');
    expect(first).toContain('2026-05-01,KR1.1,25,50%,On track,,ana,,,');
    await writeFile(file, (await readFile(file, 'utf8')).replace(',25,', ',40,'));
    await cascade(['progress', file, '--write', '--today', '2026-05-08', '--who', 'ana']);
    const second = await readFile(side, 'utf8');
    expect(second.startsWith(first)).toBe(true);
    expect(second.slice(first.length)).toBe(
      '2026-05-08,O1,,65%,On track,,ana,,,\r\n2026-05-08,KR1.1,40,80%,On track,,ana,,,\r\n',
    );
    expect(await readFile(file, 'utf8')).toContain('2026-05-08'); // Last check-in
  });
});
