import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { promisify } from 'node:util';
import yauzl from 'yauzl';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { parse } from 'csv-parse/sync';
import { beforeAll, describe, expect, it } from 'vitest';
import { mapColumns, progressFormulaFor } from '../../shared/index.js';
import { cascade, json, okrRows, ROOT, tempDir, writeXlsxPlan, type Row } from './helpers.js';

let dir: string;
beforeAll(async () => {
  dir = await tempDir();
});

// A plan workbook as people keep them: a sheet before the plan, unknown columns between the known
// ones, styles, merged cells, formulas, a hyperlink, a note, validations, conditional formats,
// widths, a frozen header, and a dashboard sheet whose formulas read the Progress column.
const HEADER = [
  'ID',
  'Level',
  'Parent',
  'Title',
  'Notes',
  'Owner',
  'Type',
  'Start',
  'Target',
  'Current',
  'Start date',
  'Due date',
  'Review',
  'Last check-in',
  'Status',
  'Progress',
  'Budget',
];
const COLUMNS = mapColumns(HEADER);
const col = (name: string) => HEADER.indexOf(name) + 1;

async function richWorkbook(path: string) {
  const rows = okrRows();
  rows.push({
    ID: '',
    Level: 'Task',
    Parent: 'KR1.2',
    Title: 'Write the onboarding checklist',
    Owner: 'Cy',
    'Due date': new Date('2026-05-20T00:00:00Z'),
    Status: 'On track',
  });
  const workbook = new ExcelJS.Workbook();
  const notes = workbook.addWorksheet('Read me');
  notes.getCell('A1').value = 'How we plan';
  notes.getCell('A1').font = { bold: true, size: 16, color: { argb: 'FF1F3A5F' } };
  notes.getCell('A2').value = { text: 'Our wiki', hyperlink: 'https://example.com/wiki' };
  notes.mergeCells('A4:C6');
  notes.getCell('A4').value = 'Merged note';

  const sheet = workbook.addWorksheet('Cascade', { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.addRow(HEADER);
  sheet.getRow(1).eachCell((cell) => {
    cell.font = { bold: true, color: { argb: 'FFFFFFFF' } };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F3A5F' } };
  });
  rows.forEach((row: Row, i) => {
    const r = i + 2;
    sheet.addRow(HEADER.map((h) => (row[h] ?? null) as ExcelJS.CellValue));
    sheet.getCell(r, col('Budget')).value = {
      formula: `IF(ISNUMBER(I${r}),I${r}*100,0)`,
      result: typeof row.Target === 'number' ? row.Target * 100 : 0,
    };
  });
  // Live formulas in the measured rows, an empty template formula in a roll-up row, a styled value elsewhere.
  for (const r of [3, 4])
    sheet.getCell(r, col('Progress')).value = { formula: progressFormulaFor(COLUMNS, r)!.slice(1), result: 0.5 };
  sheet.getCell(2, col('Progress')).value = { formula: progressFormulaFor(COLUMNS, 2)!.slice(1), result: '' };
  sheet.getCell(5, col('Progress')).font = { italic: true, color: { argb: 'FFCC0000' } };
  sheet.getCell(5, col('Progress')).numFmt = '0.0%';
  for (const name of ['Start date', 'Due date', 'Last check-in']) sheet.getColumn(col(name)).numFmt = 'yyyy-mm-dd';
  sheet.getColumn(col('Title')).width = 48;
  sheet.getColumn(col('Notes')).width = 30;
  sheet.getCell(3, col('Notes')).value = { richText: [{ text: 'Big ', font: { bold: true } }, { text: 'deal' }] };
  sheet.getCell(3, col('Notes')).note = 'Ask Ben';
  sheet.mergeCells(4, col('Notes'), 5, col('Notes'));
  sheet.getCell(4, col('Notes')).value = 'spans two rows';
  sheet.getRow(3).height = 30;
  (sheet as unknown as { dataValidations: { add(a: string, v: object): void } }).dataValidations.add('B2:B50', {
    type: 'list',
    allowBlank: true,
    formulae: ['"Objective,Key Result,Task"'],
  });
  sheet.addConditionalFormatting({
    ref: 'O2:O50',
    rules: [
      {
        type: 'cellIs',
        operator: 'equal',
        priority: 1,
        formulae: ['"Done"'],
        style: { fill: { type: 'pattern', pattern: 'solid', bgColor: { argb: 'FFD9EAD3' } } },
      },
    ],
  });

  const dashboard = workbook.addWorksheet('Dashboard');
  dashboard.getCell('A1').value = 'Average progress';
  dashboard.getCell('B1').value = { formula: 'AVERAGE(Cascade!P2:P6)', result: 0.4 };
  dashboard.getCell('B1').numFmt = '0%';
  await workbook.xlsx.writeFile(path);

  // A part exceljs knows nothing of (as charts, pivots or add-in data are): it must survive as is.
  const zip = await JSZip.loadAsync(await readFile(path));
  zip.file('customXml/item1.xml', '<?xml version="1.0"?><budget xmlns="urn:example">keep me</budget>');
  await writeFile(path, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** Each zip entry's raw bytes (local header, compressed data, descriptor) and central record fields but the offset. */
async function rawEntries(bytes: Buffer): Promise<Map<string, { local: Buffer; central: unknown }>> {
  const zip = await new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(bytes, { lazyEntries: true }, (error, z) => (error ? reject(error) : resolve(z))),
  );
  const entries = new Map<string, { local: Buffer; central: unknown }>();
  await new Promise<void>((resolve, reject) => {
    zip.on('entry', (entry: yauzl.Entry) => {
      const at = entry.relativeOffsetOfLocalHeader;
      const dataStart = at + 30 + bytes.readUInt16LE(at + 26) + bytes.readUInt16LE(at + 28);
      const { relativeOffsetOfLocalHeader: _offset, ...central } = entry as unknown as Record<string, unknown>;
      entries.set(entry.fileName, {
        local: bytes.subarray(at, dataStart + entry.compressedSize),
        central: JSON.stringify(central),
      });
      zip.readEntry();
    });
    zip.on('end', resolve);
    zip.on('error', reject);
    zip.readEntry();
  });
  return entries;
}

interface CellSnapshot {
  value: unknown;
  formula?: string;
  style: string;
}

async function snapshot(path: string): Promise<Map<string, CellSnapshot>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const cells = new Map<string, CellSnapshot>();
  for (const sheet of workbook.worksheets) {
    sheet.eachRow({ includeEmpty: true }, (row) => {
      row.eachCell({ includeEmpty: true }, (cell) => {
        const { numFmt, ...style } = cell.style;
        cells.set(`${sheet.name}!${cell.address}`, {
          value: cell.formula ? undefined : JSON.stringify(cell.value),
          formula: cell.formula || undefined,
          style: JSON.stringify({ ...style, numFmt: numFmt ?? null }),
        });
      });
    });
    cells.set(`${sheet.name}!#meta`, {
      value: JSON.stringify({
        merges: sheet.model.merges,
        widths: sheet.columns?.map((c) => c.width ?? null),
        views: sheet.views,
        heights: [1, 2, 3, 4, 5].map((r) => sheet.getRow(r).height ?? null),
        validations: (sheet as unknown as { dataValidations: { model: unknown } }).dataValidations.model,
        conditional: (sheet as unknown as { conditionalFormattings: unknown }).conditionalFormattings,
      }),
      style: '',
    });
  }
  return cells;
}

describe('progress --write on an .xlsx workbook', () => {
  it('changes only the Progress cells and blank IDs; every other cell, sheet, style and part survives', async () => {
    const file = join(dir, 'rich.xlsx');
    await richWorkbook(file);
    const beforeBytes = await readFile(file);
    const before = await snapshot(file);

    const report = json(await cascade(['progress', file, '--format', 'json', '--today', '2026-05-01']));
    const r = await cascade(['progress', file, '--write', '--format', 'json', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Wrote progress into .*rich\.xlsx \(sheet "Cascade"\)/);
    expect(r.stderr).toContain('Kept 2 live Progress formulas');
    expect(r.stderr).toMatch(/Filled 1 blank ID \(row 6: T1\.2\.1\)/);
    const written = json(r);
    expect(written.items.map((i: any) => i.id)).toEqual(['O1', 'KR1.1', 'KR1.2', 'T1.1.1', 'T1.2.1']);

    const after = await snapshot(file);
    const progressCells = new Set([2, 3, 4, 5, 6].map((r) => `Cascade!P${r}`));
    // Last check-in (column N) is set from the check-ins the run adds to its own sheet.
    const history = (key: string) => /^Cascade!N\d+$/.test(key) || key.startsWith('Check-ins!');
    const changed: string[] = [];
    for (const [key, cell] of before) {
      const now = after.get(key);
      if (progressCells.has(key) || key === 'Cascade!A6' || history(key)) continue;
      if (JSON.stringify(now) !== JSON.stringify(cell)) changed.push(key);
    }
    expect(changed).toEqual([]);
    expect([...after.keys()].filter((key) => !before.has(key) && !history(key))).toEqual([]);
    // Last check-in keeps the dates typed: the first check-in records are the history's baseline.
    expect([2, 3, 4, 5, 6].map((r) => after.get(`Cascade!N${r}`)?.value)).toEqual(
      [2, 3, 4, 5, 6].map((r) => before.get(`Cascade!N${r}`)?.value),
    );

    // The measured rows keep their live formulas; the others hold the core's values.
    expect(after.get('Cascade!P3')!.formula).toBe(progressFormulaFor(COLUMNS, 3)!.slice(1));
    expect(after.get('Cascade!P4')!.formula).toBe(progressFormulaFor(COLUMNS, 4)!.slice(1));
    // Cascade's values are constant formulas (=0.5): that is how it tells them from what people type.
    const resultOf = (key: string) => Number(after.get(key)!.formula);
    expect(resultOf('Cascade!P2')).toBeCloseTo(report.items[0].progress, 12);
    expect(resultOf('Cascade!P5')).toBe(1);
    expect(resultOf('Cascade!P6')).toBe(0);
    const valueOf = (key: string) => JSON.parse(after.get(key)!.value as string);
    expect(valueOf('Cascade!A6')).toBe('T1.2.1');
    // The roll-up's cell had no percent format: it now shows a percent; the styled one keeps its own.
    expect(JSON.parse(after.get('Cascade!P2')!.style).numFmt).toBe('0%');
    expect(after.get('Cascade!P5')!.style).toBe(before.get('Cascade!P5')!.style);

    // Byte for byte, only the plan sheet and the workbook part (recalculate on open) differ, and the
    // parts that add the Check-ins sheet (its part, relationship and content type). The styles stay:
    // the workbook already has the percent format the roll-up's cell needs, and it is reused.
    const [zipBefore, zipAfter] = await Promise.all([
      JSZip.loadAsync(beforeBytes),
      JSZip.loadAsync(await readFile(file)),
    ]);
    const differing: string[] = [];
    for (const name of Object.keys(zipBefore.files).filter((n) => !n.endsWith('/'))) {
      const a = await zipBefore.file(name)?.async('nodebuffer');
      const b = await zipAfter.file(name)?.async('nodebuffer');
      if (!a || !b || !a.equals(b)) differing.push(name);
    }
    expect(differing.sort()).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/workbook.xml',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(Object.keys(zipAfter.files).sort()).toEqual(
      [...Object.keys(zipBefore.files), 'xl/worksheets/sheet4.xml'].sort(),
    );
    expect(await zipAfter.file('xl/workbook.xml')!.async('string')).toContain('fullCalcOnLoad="1"');
  });

  it('copies every part it does not change as it was: local header, compressed bytes, central record', async () => {
    for (const source of ['rich.xlsx', join(ROOT, 'tests/fixtures/producers/libreoffice-resaved.xlsx')]) {
      const file = join(dir, `raw-${basename(source)}`);
      if (source === 'rich.xlsx') await richWorkbook(file);
      else await copyFile(source, file);
      const before = await rawEntries(await readFile(file));
      const r = await cascade(['progress', file, '--write', '--today', '2026-05-01']);
      expect(r.code).toBe(0);
      const after = await rawEntries(await readFile(file));
      const changed = [...before.keys()].filter((name) => !after.get(name)?.local.equals(before.get(name)!.local));
      // Only what the write patches: the plan sheet, the workbook (names, recalculation), the
      // styles (a percent format), and what adds the Check-ins sheet.
      expect([
        source,
        changed.every((name) =>
          /worksheets\/sheet\d+\.xml$|workbook\.xml(\.rels)?$|styles\.xml$|\[Content_Types\]\.xml$/.test(name),
        ),
      ]).toEqual([source, true]);
      expect(changed.length).toBeLessThan(7);
      const unchanged = [...before.keys()].filter((name) => !changed.includes(name));
      expect(unchanged.length).toBeGreaterThan(4);
      for (const name of unchanged) {
        // Same header fields and compressed data (the bytes were copied, not inflated and deflated again).
        expect([name, after.get(name)!.central]).toEqual([name, before.get(name)!.central]);
      }
      // The entries keep their order; new ones come after them.
      expect([...after.keys()].slice(0, before.size)).toEqual([...before.keys()]);
    }
    // Another reader opens the result (openpyxl, as Python tools do).
    const { stdout } = await promisify(execFile)('/usr/bin/python3', [
      '-c',
      'import openpyxl, sys; wb = openpyxl.load_workbook(sys.argv[1]); print(wb.sheetnames, wb["Cascade"]["P2"].value)',
      join(dir, 'raw-rich.xlsx'),
    ]);
    expect(stdout).toMatch(/\['Read me', 'Cascade', 'Dashboard', 'Check-ins'\] =0\.\d+/);
  });

  it('is idempotent: a second run changes nothing, not even the file time', async () => {
    const file = join(dir, 'again.xlsx');
    await richWorkbook(file);
    await cascade(['progress', file, '--write', '--today', '2026-05-01']);
    const bytes = await readFile(file);
    const r = await cascade(['progress', file, '--write', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('already up to date');
    expect((await readFile(file)).equals(bytes)).toBe(true);
  });

  it("moves a measured row's Progress when its Current changed since the last write: the value cascade wrote is no live formula", async () => {
    const file = join(dir, 'current-moved.xlsx');
    await writeXlsxPlan(file, okrRows());
    expect((await cascade(['progress', file, '--write', '--today', '2026-05-01'])).code).toBe(0);
    const progressCell = async () => {
      const sheet = (await JSZip.loadAsync(await readFile(file))).file('xl/worksheets/sheet1.xml')!;
      return /<c r="Q3"[^>]*>(<f>[^<]*<\/f>)/.exec(await sheet.async('string'))?.[1];
    };
    expect(await progressCell()).toBe('<f>0.5</f>');
    // Someone types KR1.1's new Current, 40 of 50 (only that cell's value changes).
    const zip = await JSZip.loadAsync(await readFile(file));
    const xml = await zip.file('xl/worksheets/sheet1.xml')!.async('string');
    const typed = xml.replace(/(<c r="I3"[^>]*>)<v>25<\/v>/, '$1<v>40</v>');
    expect(typed).not.toBe(xml);
    zip.file('xl/worksheets/sheet1.xml', typed);
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));

    const r = await cascade(['progress', file, '--write', '--today', '2026-05-02']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).not.toMatch(/Kept \d+ live Progress formula/);
    expect(await progressCell()).toBe('<f>0.8</f>');
  });

  it('adds a Progress column after the last used column, styled like the header, when the plan has none', async () => {
    const file = join(dir, 'noprogress.xlsx');
    const header = [
      'ID',
      'Level',
      'Parent',
      'Title',
      'Owner',
      'Type',
      'Start',
      'Target',
      'Current',
      'Start date',
      'Due date',
      'Review',
      'Last check-in',
      'Status',
      'Comments',
    ];
    await writeXlsxPlan(
      file,
      okrRows().map((row, i) => ({ ...row, Comments: i === 0 ? 'keep this' : null })),
      { header },
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    workbook.getWorksheet('Cascade')!.getRow(1).font = { bold: true };
    workbook.getWorksheet('Cascade')!.getCell('O1').font = { bold: true };
    await workbook.xlsx.writeFile(file);

    const r = await cascade(['progress', file, '--write', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    expect(r.stderr).toContain('Added a Progress column (column P)');
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    const sheet = after.getWorksheet('Cascade')!;
    expect(sheet.getCell('P1').value).toBe('Progress');
    expect(sheet.getCell('P1').font?.bold).toBe(true);
    expect(sheet.getCell('O2').value).toBe('keep this');
    expect([2, 3, 4, 5].map((r) => sheet.getCell(`P${r}`).result)).toEqual([0.5, 0.5, 0.5, 1]);
    expect([2, 3, 4, 5].map((r) => sheet.getCell(`P${r}`).formula)).toEqual(['0.5', '0.5', '0.5', '1']);
    expect(sheet.getCell('P3').numFmt).toBe('0%');
    // and the plan reads back with the column now known
    const data = json(await cascade(['progress', file, '--format', 'json', '--today', '2026-05-01']));
    expect(data.items).toHaveLength(4);
  });

  it('writes out a formula shared from a replaced roll-up cell (Excel fill-down) into the cells that shared it', async () => {
    const file = join(dir, 'shared.xlsx');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Cascade');
    sheet.addRow(HEADER);
    okrRows().forEach((row: Row) => sheet.addRow(HEADER.map((h) => (row[h] ?? null) as ExcelJS.CellValue)));
    const p = col('Progress');
    const master = progressFormulaFor(COLUMNS, 2)!.slice(1);
    sheet.getCell(2, p).value = { formula: master, result: '', shareType: 'shared', ref: `P2:P5` } as ExcelJS.CellValue;
    for (const r of [3, 4, 5]) sheet.getCell(r, p).value = { sharedFormula: 'P2', result: 0 } as ExcelJS.CellValue;
    await workbook.xlsx.writeFile(file);
    expect(
      await (await JSZip.loadAsync(await readFile(file))).file('xl/worksheets/sheet1.xml')!.async('string'),
    ).toContain('t="shared"');

    const r = await cascade(['progress', file, '--write', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    const xml = await (await JSZip.loadAsync(await readFile(file))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(xml).not.toContain('t="shared"');
    const after = new ExcelJS.Workbook();
    await after.xlsx.readFile(file);
    const s = after.getWorksheet('Cascade')!;
    expect(s.getCell(2, p).formula).toBe('0.5'); // the objective: Cascade's value now
    expect(s.getCell(3, p).formula).toBe(progressFormulaFor(COLUMNS, 3)!.slice(1)); // moved to its own row
    expect(s.getCell(4, p).formula).toBe(progressFormulaFor(COLUMNS, 4)!.slice(1));
    expect(s.getCell(5, p).formula).toBe('1'); // a Done task: Cascade's value
  });
});

describe('progress --write on a template', () => {
  it('fills the Pace column the template has (as the add-on does), keeps the live formulas and leaves Check alone', async () => {
    const file = join(dir, 'template.xlsx');
    expect(
      (await cascade(['template', file, '--framework', 'project', '--examples', '--today', '2026-05-01'])).code,
    ).toBe(0);
    const r = await cascade(['progress', file, '--write', '--format', 'json', '--today', '2026-06-15']);
    expect(r.code).toBe(0);
    expect(r.stderr).toMatch(/Kept \d+ live Progress formulas/);
    const items = json(r).items;
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('Cascade')!;
    const header = (sheet.getRow(1).values as unknown[]).slice(1);
    const [pace, check, progress] = ['Pace', 'Check', 'Progress'].map((h) => header.indexOf(h) + 1);
    for (const item of items) {
      expect([item.id, sheet.getCell(item.row, pace).result]).toEqual([item.id, item.status ?? '—']);
      expect(sheet.getCell(item.row, check).value ?? null).toBeNull();
      const cell = sheet.getCell(item.row, progress);
      if (cell.formula && !cell.formula.startsWith('IF(')) expect(Number(cell.formula)).toBeCloseTo(item.progress, 12);
    }
    expect(items.some((i: any) => sheet.getCell(i.row, progress).formula)).toBe(true);
  });
});

describe('progress --write on a .csv file', () => {
  it('keeps every row, column, quote-worthy text, the delimiter, line endings and BOM; writes Progress as percents', async () => {
    const file = join(dir, 'plan.csv');
    const eol = '\r\n';
    const lines = [
      'ID;Level;Parent;Title;Owner;Type;Start;Target;Current;Due date;Status;Progress;Team notes',
      'O1;Objective;;"Grow revenue; fast";Ana;;;;;2026-06-30;On track;;"line one',
      'line two"',
      '',
      'KR1;Key Result;O1;Sign 50 accounts;Ben;increase;0;50;25;2026-06-30;On track;=IF(I4="","",I4/H4);',
      'KR2;Key Result;O1;Cut churn from 8 to 4 %;Cy;decrease;8;4;6;2026-06-30;On track;12%;x',
      ';Task;KR1;Call 20 leads;Ben;;;;;2026-05-15;Done;;',
    ];
    await writeFile(file, Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(lines.join(eol) + eol)]));
    const r = await cascade(['progress', file, '--write', '--today', '2026-05-01']);
    expect(r.code).toBe(0);
    const bytes = await readFile(file);
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.subarray(3).toString('utf8');
    expect(text.split(eol).length).toBe(lines.length + 1);
    const options = { delimiter: ';', relax_column_count: true, relax_quotes: true };
    const before = parse(lines.join(eol), options) as string[][];
    const after = parse(text, options) as string[][];
    expect(after).toHaveLength(before.length);
    const P = 11;
    for (let r = 0; r < before.length; r++) {
      for (let c = 0; c < Math.max(before[r].length, after[r].length); c++) {
        if (c === P && r > 0 && before[r].length > 1) continue;
        if (c === 0 && r === 5) continue;
        expect([r, c, after[r][c] ?? '']).toEqual([r, c, before[r][c] ?? '']);
      }
    }
    expect(after[1][P]).toBe('50%'); // roll-up of 50 % and 50 %
    expect(after[3][P]).toBe('=IF(I4="","",I4/H4)'); // a measured row's formula is kept
    expect(after[4][P]).toBe('50%');
    expect(after[5][P]).toBe('100%');
    expect(after[5][0]).toMatch(/^T/); // a blank ID filled
  });
});
