// Workbooks as the programs people use write them (tests/fixtures/producers/README.md): each must
// read exactly as the same plan in CSV, and progress --write must change nothing but its own cells.
import { execFile } from 'node:child_process';
import { copyFile, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { cascade, json, ROOT, tempDir } from './helpers.js';
import { allCells, namespaceErrors, planReading } from './workbook-reading.js';

const FIXTURES = join(ROOT, 'tests/fixtures/producers');
const COMMITTED = [
  'openpyxl-rich.xlsx',
  'openpyxl-long-name.xlsx',
  'openpyxl-1904.xlsx',
  'libreoffice-from-csv.xlsx',
  'libreoffice-resaved.xlsx',
];
const TODAY = ['--today', '2026-05-01'];

let dir: string;
let expected: { progress: unknown; lint: unknown };

/** What a manager sees of a plan, without the file's name. */
const reading = (file: string) => planReading(file, TODAY[1]);

beforeAll(async () => {
  dir = await tempDir();
  expected = await reading(join(FIXTURES, 'plan.csv'));
  expect((expected.progress as { items: unknown[] }).items).toHaveLength(5);
});

describe('every producer reads as its CSV', () => {
  for (const name of COMMITTED) {
    it(name, async () => {
      expect(await reading(join(FIXTURES, name))).toEqual(expected);
    });
  }

  it('openpyxl, written afresh (absolute part names, comment, chart, table, History, a 49-character sheet name, 1904 dates)', async () => {
    const out = join(dir, 'fresh');
    await (await import('node:fs/promises')).mkdir(out);
    await promisify(execFile)('/usr/bin/python3', [join(FIXTURES, 'generate.py'), out]);
    const rels = await (
      await JSZip.loadAsync(await readFile(join(out, 'openpyxl-rich.xlsx')))
    )
      .file('xl/_rels/workbook.xml.rels')!
      .async('string');
    expect(rels).toContain('Target="/xl/worksheets/sheet1.xml"');
    for (const name of ['openpyxl-rich.xlsx', 'openpyxl-long-name.xlsx', 'openpyxl-1904.xlsx']) {
      expect([name, await reading(join(out, name))]).toEqual([name, expected]);
    }
  });

  it("Excel for Mac's 1904 workbook, whose extension list holds an x14:workbookPr of its own", async () => {
    // readxl's types.xlsx is such a file: its dates read four years and a day early.
    const file = join(dir, 'mac-1904.xlsx');
    await rewriteParts(join(FIXTURES, 'openpyxl-1904.xlsx'), file, (name, xml) =>
      name.endsWith('workbook.xml')
        ? xml.replace(
            '</workbook>',
            '<extLst><ext uri="{79F54976-1DA5-4618-B147-4CDE4B953A38}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:workbookPr defaultImageDpi="32767"/></ext></extLst></workbook>',
          )
        : xml,
    );
    expect(await JSZip.loadAsync(await readFile(file)).then((z) => z.file('xl/workbook.xml')!.async('string'))).toMatch(
      /date1904="1".*<x14:workbookPr/,
    );
    expect(await reading(file)).toEqual(expected);
  });

  it('x:-prefixed XML, as the .NET Open XML SDK writes it', async () => {
    const file = join(dir, 'prefixed.xlsx');
    await rewriteParts(join(FIXTURES, 'libreoffice-from-csv.xlsx'), file, (name, xml) =>
      /worksheets\/sheet\d+\.xml$|workbook\.xml$|sharedStrings\.xml$|styles\.xml$/.test(name) ? prefixed(xml) : xml,
    );
    expect(
      await (await JSZip.loadAsync(await readFile(file))).file('xl/worksheets/sheet1.xml')!.async('string'),
    ).toContain('<x:c ');
    expect(await reading(file)).toEqual(expected);
  });

  it('inline strings, rich text runs and phonetic hints instead of shared strings', async () => {
    const file = join(dir, 'inline.xlsx');
    const source = await JSZip.loadAsync(await readFile(join(FIXTURES, 'libreoffice-from-csv.xlsx')));
    const strings = [
      ...(await source.file('xl/sharedStrings.xml')!.async('string')).matchAll(/<si>([\s\S]*?)<\/si>/g),
    ].map((m) => m[1]);
    await rewriteParts(join(FIXTURES, 'libreoffice-from-csv.xlsx'), file, (name, xml) => {
      if (!/worksheets\/sheet1\.xml$/.test(name)) return xml;
      return xml.replace(/<c r="([A-Z]+\d+)"([^>]*?) t="s"([^>]*)><v>(\d+)<\/v><\/c>/g, (_all, ref, a, b, index) => {
        const text = /<t[^>]*>([\s\S]*?)<\/t>/.exec(strings[Number(index)])![1];
        const half = Math.ceil(text.length / 2);
        // Two runs of rich text, and a phonetic hint that is not part of the text.
        const body = `<r><rPr><b/></rPr><t xml:space="preserve">${text.slice(0, half)}</t></r><r><t xml:space="preserve">${text.slice(half)}</t></r><rPh sb="0" eb="1"><t>カナ</t></rPh>`;
        return `<c r="${ref}"${a} t="inlineStr"${b}><is>${body}</is></c>`;
      });
    });
    expect(await reading(file)).toEqual(expected);
  });

  it('an error cell (#N/A) is a finding on its row, not a failure to read', async () => {
    const file = join(dir, 'error.xlsx');
    await rewriteParts(join(FIXTURES, 'libreoffice-from-csv.xlsx'), file, (name, xml) =>
      /worksheets\/sheet1\.xml$/.test(name)
        ? xml.replace(/<c r="I3"([^>]*?)(?: t="\w+")?>[\s\S]*?<\/c>/, '<c r="I3"$1 t="e"><f>NA()</f><v>#N/A</v></c>')
        : xml,
    );
    const r = await cascade(['lint', file, '--format', 'json', ...TODAY]);
    const findings = json(r).findings.filter((f: { row: number }) => f.row === 3);
    expect(JSON.stringify(findings)).toContain('#N/A');
  });
});

// Google Sheets and Numbers cannot run here: their documented traits (README.md beside the
// fixtures) are applied to LibreOffice's file, never a made-up download. Google's whole layout, as
// real downloads have it, is tested in google-sheets.test.ts.
describe('traits of programs that cannot run here', () => {
  const DUMMY = '<f>IFERROR(__xludf.DUMMYFUNCTION("GOOGLETRANSLATE(""Big deal"",""en"",""en"")"),"Big deal")</f>';

  it("Google Sheets' download traits: no <dimension>, and a Sheets-only function wrapped in __xludf.DUMMYFUNCTION with its value", async () => {
    const file = join(dir, 'google-traits.xlsx');
    await rewriteParts(join(FIXTURES, 'libreoffice-from-csv.xlsx'), file, (name, xml) =>
      /worksheets\/sheet1\.xml$/.test(name)
        ? xml
            .replace(/<dimension [^>]*\/>/, '')
            .replace(/<c r="N3"([^>]*?) t="s"><v>\d+<\/v><\/c>/, `<c r="N3"$1 t="str">${DUMMY}<v>Big deal</v></c>`)
        : xml,
    );
    const sheet = async () =>
      (await JSZip.loadAsync(await readFile(file))).file('xl/worksheets/sheet1.xml')!.async('string');
    expect(await sheet()).toContain(DUMMY);
    expect(await sheet()).not.toContain('<dimension');
    expect(await reading(file)).toEqual(expected);

    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Added a Progress column (column O)');
    expect(await sheet()).toContain(`${DUMMY}<v>Big deal</v>`);
    expect(await reading(file)).toMatchObject({ progress: expected.progress });
  });

  it("Numbers' export traits: an Export Summary sheet first, the plan in a sheet named after its table", async () => {
    const source = new ExcelJS.Workbook();
    await source.xlsx.readFile(join(FIXTURES, 'libreoffice-from-csv.xlsx'));
    const workbook = new ExcelJS.Workbook();
    const summary = workbook.addWorksheet('Export Summary');
    summary.addRow(['Export Summary']);
    summary.addRow(['This document was exported from Numbers. Each table was converted to an Excel worksheet.']);
    summary.addRow([]);
    summary.addRow(['Numbers Sheet Name', 'Numbers Table Name', 'Excel Worksheet Name']);
    summary.addRow(['Sheet 1', 'Plan', 'Sheet 1 - Plan']);
    const sheet = workbook.addWorksheet('Sheet 1 - Plan');
    source.worksheets[0].eachRow((row, r) =>
      row.eachCell((cell, c) => {
        sheet.getCell(r, c).value = cell.value;
        sheet.getCell(r, c).numFmt = cell.numFmt;
      }),
    );
    const file = join(dir, 'numbers-traits.xlsx');
    await workbook.xlsx.writeFile(file);
    expect(await reading(file)).toEqual(expected);
    const r = await cascade(['progress', file, ...TODAY]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('numbers-traits.xlsx');
  });
});

describe('progress --write on every producer changes only its own cells', () => {
  for (const name of COMMITTED) {
    it(name, async () => {
      const file = join(dir, `write-${name}`);
      await copyFile(join(FIXTURES, name), file);
      const before = await allCells(file);
      const r = await cascade(['progress', file, '--write', ...TODAY]);
      expect(r.code).toBe(0);
      expect(r.stderr).toContain('Added a Progress column (column O)');
      const after = await allCells(file);
      const changed = [...new Set([...before.keys(), ...after.keys()])].filter(
        (key) => before.get(key) !== after.get(key),
      );
      // In the plan's sheet only the new Progress column; beside it, the check-in history begins
      // (a sheet that was not there: issue 12).
      const inPlan = changed.filter((key) => !key.startsWith('Check-ins!'));
      expect(inPlan.every((key) => /!O\d+$/.test(key))).toBe(true);
      expect(inPlan.length).toBe(6); // the header and the five rows
      expect([...before.keys()].some((key) => key.startsWith('Check-ins!'))).toBe(false);
      expect(changed).toContain('Check-ins!A1');
      expect(await reading(file)).toMatchObject({ progress: expected.progress });
      // Excel and openpyxl refuse a part with an undeclared prefix; cascade's own reader does not.
      expect(await namespaceErrors(file)).toEqual([]);
    });
  }

  it('x:-prefixed XML: the added sheet and names are in the main namespace too', async () => {
    const file = join(dir, 'write-prefixed.xlsx');
    await rewriteParts(join(FIXTURES, 'libreoffice-from-csv.xlsx'), file, (name, xml) =>
      /worksheets\/sheet\d+\.xml$|workbook\.xml$|sharedStrings\.xml$|styles\.xml$/.test(name) ? prefixed(xml) : xml,
    );
    expect((await cascade(['progress', file, '--write', ...TODAY])).code).toBe(0);
    expect(await namespaceErrors(file)).toEqual([]);
    const workbook = await (await JSZip.loadAsync(await readFile(file))).file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/<x:sheet name="Check-ins"/);
  });
});

describe("Excel's _xHHHH_ escapes in cell texts (ECMA-376 ST_Xstring)", () => {
  // Excel writes a carriage return in a text as _x000D_, and a text that really holds such a run
  // with its underscore escaped (_x005F_); calamine's has_x000D_.xlsx is such a file.
  it('read as the characters they stand for, in shared strings, inline strings and formula texts', async () => {
    const file = join(dir, 'xstring.xlsx');
    await rewriteParts(join(FIXTURES, 'libreoffice-from-csv.xlsx'), file, (name, xml) => {
      if (name.endsWith('sharedStrings.xml'))
        return xml
          .replace('>Ben<', '>_x0042_en<')
          .replace('>Call the 20 warmest leads<', '>Call the_x000D_\n20 warmest leads<');
      if (!/worksheets\/sheet1\.xml$/.test(name)) return xml;
      // Ana, as an inline string; the first key result's unit as a formula's text.
      return xml
        .replace(/<c r="E2"([^>]*?) t="s"><v>\d+<\/v><\/c>/, '<c r="E2"$1 t="inlineStr"><is><t>_x0041_na</t></is></c>')
        .replace(
          /<c r="J3"([^>]*?) t="s"><v>\d+<\/v><\/c>/,
          '<c r="J3"$1 t="str"><f>"accounts"</f><v>_x0061_ccounts</v></c>',
        );
    });
    const reading = await planReading(file, TODAY[1]);
    const titles = (reading.progress as { items: { title: string }[] }).items.map((i) => i.title);
    expect(titles).toContain('Call the\r\n20 warmest leads');
    // Everything else reads as the CSV does (Ben, Ana and the unit came through their escapes).
    expect(JSON.stringify(reading).replace('Call the\\r\\n20 warmest leads', 'Call the 20 warmest leads')).toBe(
      JSON.stringify(expected),
    );
  });

  it('a text that holds such a run keeps it, read and written back (the check-in history copies it)', async () => {
    const file = join(dir, 'xstring-literal.xlsx');
    await rewriteParts(join(FIXTURES, 'libreoffice-from-csv.xlsx'), file, (name, xml) =>
      name.endsWith('sharedStrings.xml')
        ? xml
            .replace('>Call the 20 warmest leads<', '>Call the _x005F_x0032_0 warmest leads<')
            .replace('>At risk<', '>At risk _x005F_x0031_<')
        : xml,
    );
    const titles = async () =>
      (
        json(await cascade(['progress', file, '--format', 'json', ...TODAY])) as { items: { title: string }[] }
      ).items.map((i) => i.title);
    expect(await titles()).toContain('Call the _x0032_0 warmest leads');
    expect((await cascade(['progress', file, '--write', ...TODAY])).code).toBe(0);
    expect(await titles()).toContain('Call the _x0032_0 warmest leads');
    const statuses = [...(await allCells(file))].filter(([key]) => /^Check-ins!E\d+$/.test(key)).map(([, v]) => v);
    expect(statuses).toContain(JSON.stringify('At risk _x0031_'));
  });
});

describe('a byte order mark opening every part, as some .NET writers save them', () => {
  // readxl's test sheet Ekaterinburg_IP_9.xlsx is such a file: every part starts with EF BB BF.
  const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

  it('reads as its CSV, and progress --write changes only its own cells', async () => {
    const file = join(dir, 'bom.xlsx');
    const zip = await JSZip.loadAsync(await readFile(join(FIXTURES, 'libreoffice-from-csv.xlsx')));
    for (const name of Object.keys(zip.files).filter((n) => /\.(xml|rels)$/.test(n)))
      zip.file(name, Buffer.concat([BOM, await zip.file(name)!.async('nodebuffer')]));
    await writeFile(file, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
    const sheetBytes = async () =>
      (await JSZip.loadAsync(await readFile(file))).file('xl/worksheets/sheet1.xml')!.async('nodebuffer');
    expect((await sheetBytes()).subarray(0, 3)).toEqual(BOM);
    expect(await reading(file)).toEqual(expected);

    const before = await allCells(file);
    const r = await cascade(['progress', file, '--write', ...TODAY]);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('Added a Progress column (column O)');
    const after = await allCells(file);
    const changed = [...after.keys()].filter((key) => before.get(key) !== after.get(key));
    expect(changed.filter((key) => !key.startsWith('Check-ins!')).every((key) => /!O\d+$/.test(key))).toBe(true);
    expect(await reading(file)).toMatchObject({ progress: expected.progress });
    expect(await namespaceErrors(file)).toEqual([]);
  });
});

async function rewriteParts(from: string, to: string, change: (name: string, xml: string) => string) {
  const zip = await JSZip.loadAsync(await readFile(from));
  for (const name of Object.keys(zip.files)) {
    if (!name.endsWith('.xml')) continue;
    zip.file(name, change(name, await zip.file(name)!.async('string')));
  }
  await writeFile(to, await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }));
}

/** The main namespace bound to the prefix x: and every element of it written x:name. */
function prefixed(xml: string): string {
  return xml
    .replace(/<(\/?)(?![?!])([A-Za-z][\w.-]*)(?=[\s/>])/g, (all, slash, name) =>
      name.includes(':') ? all : `<${slash}x:${name}`,
    )
    .replace(/ xmlns="([^"]+)"/, ' xmlns:x="$1"');
}

describe("cascade's own cells, after LibreOffice saved the workbook", () => {
  // cascade-libreoffice.xlsx: `cascade template --examples`, `progress --write --today 2026-05-10`,
  // then opened and saved in LibreOffice (see generate.sh).
  const fixture = join(FIXTURES, 'cascade-libreoffice.xlsx');

  it('keeps its marks: the hidden names and the constant formulas survive the save', async () => {
    const zip = await JSZip.loadAsync(await readFile(fixture));
    const workbook = await zip.file('xl/workbook.xml')!.async('string');
    expect(workbook).toMatch(/name="_Cascade_Progress"[^>]*>Cascade!\$Q:\$Q</);
    expect(workbook).toMatch(/name="_Cascade_Pace"[^>]*>Cascade!\$R:\$R</);
  });

  it('a run with nothing new changes nothing; a later day rewrites its own Pace cells without a word of conflict', async () => {
    const file = join(dir, 'cascade-libreoffice.xlsx');
    await copyFile(fixture, file);
    // The first run starts the check-in history (and sets Last check-in from it), with no conflict
    // over the cells LibreOffice kept as cascade's.
    const first = await cascade(['progress', file, '--write', '--today', '2026-05-10']);
    expect(first.code).toBe(0);
    expect(first.stderr).toContain('Added 12 check-ins');
    expect(first.stderr).not.toMatch(/typed by a person/);
    const started = await readFile(file);
    const same = await cascade(['progress', file, '--write', '--today', '2026-05-10']);
    expect(same.code).toBe(0);
    expect(same.stderr).toContain('already up to date');
    expect((await readFile(file)).equals(started)).toBe(true);

    const later = await cascade(['progress', file, '--write', '--today', '2026-06-25']);
    expect(later.code).toBe(0);
    expect(later.stderr).toMatch(/Wrote progress into .*: \d+ cells? updated/);
  });

  it('a value a person typed over one of its cells (a constant now) is theirs: the write stops, naming the column', async () => {
    const file = join(dir, 'cascade-libreoffice-typed.xlsx');
    await rewriteParts(fixture, file, (name, xml) =>
      /worksheets\/sheet1\.xml$/.test(name)
        ? xml.replace(
            /<c r="R2"([^>]*?) t="str"><f[^>]*>[^<]*<\/f><v>([^<]*)<\/v><\/c>/,
            '<c r="R2"$1 t="inlineStr"><is><t>fine, really</t></is></c>',
          )
        : xml,
    );
    const before = await readFile(file);
    const r = await cascade(['progress', file, '--write', '--today', '2026-05-10']);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(
      /column R \(Pace\): a cell holds a pace typed by a person .*\(row 2: "fine, really"\); nothing was written/,
    );
    expect((await readFile(file)).equals(before)).toBe(true);
  });
});
