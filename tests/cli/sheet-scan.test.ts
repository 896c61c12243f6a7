// The sheet reader's scanner (cli/xlsx/sheet-scan.ts) against the reader it replaced for the rows,
// readSheet's handler on the XML tokenizer (`scan: false`): generated worksheets with every kind of
// cell producers write, cut into pieces anywhere, must read the same, and a damaged one must be
// refused the same way. A scanner that left every row to the handler would pass the comparison, so
// the tests also count the rows it read itself.
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { XlsxPackage } from '../../cli/xlsx/package-read.js';
import { readSheet, type SheetCells, type SheetReadOptions } from '../../cli/xlsx/sheet-read.js';
import { readDateStyles, readSharedStrings, readWorkbookInfo } from '../../cli/xlsx/workbook-read.js';
import { ROOT } from './helpers.js';

/** A seeded random source (mulberry32), so that a failure can be read again. */
function random(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  return {
    chance: (p: number) => next() < p,
    int,
    pick: <T>(items: readonly T[]): T => items[int(items.length)],
    shuffle: <T>(items: T[]): T[] => {
      for (let i = items.length - 1; i > 0; i--) {
        const j = int(i + 1);
        [items[i], items[j]] = [items[j], items[i]];
      }
      return items;
    },
  };
}
type Random = ReturnType<typeof random>;

const TEXTS = [
  'On track',
  'Objective',
  'KR',
  'Task',
  'Sam Lee',
  'Make onboarding effortless for every new customer',
  'Fish & chips',
  '<b>bold</b>',
  'a "quoted" \'text\'',
  'é ✓ 😀 漢字',
  '  spaced  ',
  'line\nbreak',
  'crlf\r\nbreak',
  'lone\rcr',
  ']]> not CDATA',
  '',
  'KR1.2',
  'T1.2.3',
  '1',
  '42',
];
const NUMBERS = [
  '0',
  '-0',
  '42',
  '3.14',
  '-12.5',
  '0.1',
  '0.30000000000000004',
  '0.333333333333333',
  '1E3',
  '1.5e-3',
  ' 7 ',
  '',
  'abc',
  'Infinity',
  '12345678901234567890',
  '9007199254740993',
  '007',
  '.5',
  '5.',
  '-',
  '.',
  '1.2.3',
  '46095',
  '46095.5',
  '0.0000000000000000000000001',
  '+5',
  '0x10',
];
const SHARED = ['0', '1', '2', '3', '99', '', ' 1', '1.5', 'x', '01'];
const BOOLEANS = ['1', '0', 'true', 'TRUE', ' 1 ', '', 'x', 'false'];
const ERRORS = ['#N/A', '#DIV/0!', ' #REF! ', '', 'junk', '#SPILL!'];
const ISO_DATES = [
  '2026-05-01',
  '2026-05-01T10:00:00',
  '2026-05-01T10:00:00Z',
  '2026-05-01T10:00:00+02:00',
  'junk',
  '',
];
const FORMULAS = ['SUM(A1:B2)', 'IF(A1>0,"yes","no")', 'A1&" & "&B1', '', 'LEN("a<b")'];

/** Writes XML the many ways producers do: prefixes, either quote, whitespace, entities, CDATA. */
class Writer {
  constructor(
    private readonly r: Random,
    private readonly prefix: string,
  ) {}

  private space(): string {
    return this.r.chance(0.85) ? '' : this.r.pick([' ', '  ', '\n', '\r\n', '\t', ' \r\n ']);
  }

  private name(local: string): string {
    // Now and then an element has a prefix of its own (bound on the root like the others), or a name
    // with two colons, whose local name (after the first) is no element of a sheet.
    return (this.r.chance(0.03) ? this.r.pick(['x:', 'y:', '', 'x:y:']) : this.prefix) + local;
  }

  attribute(name: string, value: string): string {
    const quote = this.r.chance(0.2) ? "'" : '"';
    const escaped = value.replace(/[&<"'\t\n\r]/g, (c) => (c === quote || c !== "'" ? this.entity(c) : c));
    return `${this.r.chance(0.9) ? ' ' : this.r.pick(['\n', '\t', '  ', '\r\n'])}${name}${this.space()}=${this.space()}${quote}${escaped}${quote}`;
  }

  private entity(c: string): string {
    const named: Record<string, string> = { '&': 'amp', '<': 'lt', '"': 'quot', "'": 'apos' };
    if (named[c] && this.r.chance(0.7)) return `&${named[c]};`;
    const code = c.codePointAt(0)!;
    return this.r.chance(0.5) ? `&#${code};` : `&#x${code.toString(16)};`;
  }

  /** Text content: markup characters escaped, line breaks raw or as references, parts in CDATA. */
  text(value: string): string {
    if (value !== '' && !value.includes(']]>') && this.r.chance(0.1)) {
      const cut = this.r.int(value.length + 1);
      return `${this.text(value.slice(0, cut))}<![CDATA[${value.slice(cut)}]]>`;
    }
    return value.replace(/[&<>"'\r]/g, (c) => {
      if (c === '&' || c === '<') return this.entity(c);
      if (c === '\r') return this.r.chance(0.5) ? '\r' : '&#13;';
      return this.r.chance(0.3) ? this.entity(c) : c;
    });
  }

  element(local: string, attributes: [string, string][], content: string | null): string {
    const name = this.name(local);
    const attrs = this.r
      .shuffle([...attributes])
      .map(([n, v]) => this.attribute(n, v))
      .join('');
    if (content === null || (content === '' && this.r.chance(0.3))) return `<${name}${attrs}${this.space()}/>`;
    return `<${name}${attrs}${this.space()}>${content}</${name}${this.space()}>`;
  }

  /** Now and then, between elements: whitespace, a comment, a processing instruction, text, an extension. */
  between(): string {
    if (this.r.chance(0.98)) return this.r.chance(0.9) ? '' : this.r.pick([' ', '\n  ', '\r\n\t']);
    return this.r.pick([
      '<!-- a comment -->',
      '<?pi data?>',
      'stray text',
      `<${this.prefix}extLst><${this.prefix}ext uri="{x}"><y:thing a="1"/></${this.prefix}ext></${this.prefix}extLst>`,
      '&amp;',
    ]);
  }
}

function columnName(col: number): string {
  let name = '';
  for (let n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}

function inlineText(w: Writer, r: Random, text: string): string {
  const t = (value: string) => w.element('t', r.chance(0.3) ? [['xml:space', 'preserve']] : [], w.text(value));
  const parts: string[] = [];
  if (r.chance(0.6)) parts.push(t(text));
  else {
    // Rich text: runs with their properties.
    const cut = r.int(text.length + 1);
    for (const piece of [text.slice(0, cut), text.slice(cut)]) {
      const properties = r.chance(0.6)
        ? w.element(
            'rPr',
            [],
            w.element('b', [], null) +
              w.element('sz', [['val', '11']], null) +
              w.element('rFont', [['val', 'Calibri']], null),
          )
        : '';
      parts.push(w.element('r', [], properties + t(piece)));
    }
  }
  if (r.chance(0.2))
    parts.push(
      w.element(
        'rPh',
        [
          ['sb', '0'],
          ['eb', '1'],
        ],
        t(r.pick(['かんじ', 'ふりがな & co'])),
      ),
    );
  if (r.chance(0.1)) parts.push(w.element('phoneticPr', [['fontId', '1']], null));
  return parts.join(w.between());
}

function cellXml(w: Writer, r: Random, row: number, col: number): string {
  // Types SpreadsheetML does not name (left to the handler) now and then.
  const type = r.chance(0.03)
    ? r.pick(['', 'foo'])
    : r.pick(['n', 'n', 's', 'str', 'str', 'inlineStr', 'b', 'e', 'd', null]);
  const attributes: [string, string][] = [];
  const ref = r.chance(0.85)
    ? `${columnName(col)}${row}`
    : r.pick([
        null,
        `$${columnName(col)}$${row}`,
        `${columnName(col).toLowerCase()}${row}`,
        columnName(col),
        '',
        '1A',
        `AAAA${row}`,
        `${columnName(col)}${row}x`,
      ]);
  if (ref !== null) attributes.push(['r', ref]);
  if (type !== null) attributes.push(['t', type]);
  if (r.chance(0.5)) attributes.push(['s', r.pick(['0', '1', '1', '2', '', '01'])]);
  if (r.chance(0.1))
    attributes.push(
      r.pick([
        ['cm', '1'],
        ['x14ac:vm', '2'],
        ['ph', '1'],
      ] as [string, string][]),
    );
  const value =
    type === 's'
      ? r.pick(SHARED)
      : type === 'b'
        ? r.pick(BOOLEANS)
        : type === 'e'
          ? r.pick(ERRORS)
          : type === 'd'
            ? r.pick(ISO_DATES)
            : type === 'str' || type === 'inlineStr' || type === 'foo'
              ? r.pick(TEXTS)
              : r.chance(0.7)
                ? String(r.pick([46095 + r.int(400), r.int(100), r.int(1000) / 100, -r.int(1e6) / 1000]))
                : r.pick(NUMBERS);
  const parts: string[] = [];
  if (r.chance(0.15)) {
    const formula = r.pick(['plain', 'master', 'child', 'child-empty']);
    const si = String(r.int(3));
    if (formula === 'plain') parts.push(w.element('f', r.chance(0.2) ? [['ca', '1']] : [], w.text(r.pick(FORMULAS))));
    else if (formula === 'master')
      parts.push(
        w.element(
          'f',
          [
            ['t', 'shared'],
            ['ref', 'A1:A9'],
            ['si', si],
          ],
          w.text(r.pick(FORMULAS)),
        ),
      );
    else
      parts.push(
        w.element(
          'f',
          [
            ['t', 'shared'],
            ['si', si],
          ],
          formula === 'child' ? null : '',
        ),
      );
  }
  if (r.chance(0.9)) {
    if (type === 'inlineStr' ? r.chance(0.9) : r.chance(0.05)) parts.push(w.element('is', [], inlineText(w, r, value)));
    else parts.push(w.element('v', [], w.text(value)));
  }
  if (r.chance(0.02)) parts.push(w.element('v', [], w.text(r.pick(NUMBERS))));
  const content = parts.join(w.between());
  return w.element('c', attributes, content === '' && r.chance(0.5) ? null : content);
}

/** A worksheet of random rows, and what readSheet needs besides. */
function worksheet(seed: number, maxRows = 40): { xml: string; options: SheetReadOptions } {
  const r = random(seed);
  const prefix = r.pick(['', '', 'x:']);
  const w = new Writer(r, prefix);
  const rows: string[] = [];
  let rowNumber = 0;
  for (let i = 0, count = 1 + r.int(maxRows); i < count; i++) {
    rowNumber += r.chance(0.8) ? 1 : r.int(4);
    const attributes: [string, string][] = [];
    if (r.chance(0.9)) attributes.push(['r', r.chance(0.97) ? String(rowNumber) : r.pick(['', '1e1', 'x', '0'])]);
    if (r.chance(0.5)) attributes.push(['spans', '1:9']);
    if (r.chance(0.3)) attributes.push(['x14ac:dyDescent', '0.25']);
    if (r.chance(0.1)) attributes.push(['ht', '12.5']);
    const cells: string[] = [];
    let col = -1;
    for (let c = 0, n = r.int(10); c < n; c++) {
      // Mostly the next column or one a little further, now and then one far off (AB, AAB) or back.
      col = r.chance(0.95)
        ? col + 1 + (r.chance(0.3) ? r.int(3) : 0) + (r.chance(0.05) ? r.pick([26, 700]) : 0)
        : Math.max(0, col - 1);
      cells.push(cellXml(w, r, rowNumber, col));
    }
    const content = cells.map((c) => c + w.between()).join('');
    rows.push(w.element('row', attributes, content === '' && r.chance(0.5) ? null : content));
  }
  const ns = 'xmlns:x="urn:main" xmlns:y="urn:other" xmlns:x14ac="urn:ac"';
  const root = `${prefix}worksheet`;
  const tail = r.chance(0.5)
    ? `<${prefix}sheetProtection sheet="1"/><${prefix}protectedRanges><${prefix}protectedRange sqref="A1:B2 D4" name="p"/></${prefix}protectedRanges><${prefix}mergeCells count="1"><${prefix}mergeCell ref="A1:C1"/></${prefix}mergeCells>`
    : '';
  const xml =
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n<${root} ${ns}><${prefix}dimension ref="A1:Z9"/>` +
    `<${prefix}sheetData>${rows.map((row) => row + w.between()).join('')}</${prefix}sheetData>${tail}</${root}>`;
  const options: SheetReadOptions = {
    sharedStrings: ['zero', 'one', 'Fish & chips', 'On track'],
    dateStyles: [false, true, false],
    date1904: r.chance(0.2),
  };
  return { xml, options };
}

/** A package whose one part is `bytes`, streamed in pieces that end at `cuts`. */
function packageOf(bytes: Buffer, cuts: number[]): XlsxPackage {
  return {
    stream: async (_part: string, onChunk: (chunk: Buffer) => boolean | void) => {
      let from = 0;
      for (const cut of [...cuts, bytes.length]) {
        if (cut <= from) continue;
        if (onChunk(bytes.subarray(from, cut)) === false) return;
        from = cut;
      }
    },
  } as unknown as XlsxPackage;
}

function every(size: number, length: number): number[] {
  const cuts: number[] = [];
  for (let at = size; at < length; at += size) cuts.push(at);
  return cuts;
}

/** What reading gives: the cells, or the error's message. */
async function outcome(
  bytes: Buffer,
  cuts: number[],
  options: SheetReadOptions,
): Promise<SheetCells | { error: string }> {
  try {
    return await readSheet(packageOf(bytes, cuts), 'xl/worksheets/sheet1.xml', options);
  } catch (error) {
    return { error: (error as Error).message };
  }
}

describe('the sheet scanner reads as the tokenizer and handler read', () => {
  it('generated worksheets with every kind of cell, in pieces of every size', async () => {
    const rowsRead = { scanned: 0, handled: 0 };
    for (let seed = 1; seed <= 200; seed++) {
      const { xml, options } = worksheet(seed);
      const bytes = Buffer.from(xml, 'utf8');
      const expected = await readSheet(packageOf(bytes, []), 'part', { ...options, scan: false });
      expect(expected.grid.length).toBeGreaterThan(0);
      expect([seed, await outcome(bytes, [], { ...options, rowsRead })]).toEqual([seed, expected]);
      for (const size of [1, 3, 7, 61, 1024])
        expect([seed, size, await outcome(bytes, every(size, bytes.length), options)]).toEqual([seed, size, expected]);
    }
    // Read whole, the scanner read most rows itself (a comment or an entity between cells leaves a row).
    expect(rowsRead.scanned).toBeGreaterThan(2 * rowsRead.handled);
  });

  it('cut once at every byte', async () => {
    for (let seed = 1000; seed < 1008; seed++) {
      const { xml, options } = worksheet(seed, 6);
      const bytes = Buffer.from(xml, 'utf8');
      const expected = await readSheet(packageOf(bytes, []), 'part', { ...options, scan: false });
      for (let cut = 1; cut < bytes.length; cut++)
        expect([seed, cut, await outcome(bytes, [cut], options)]).toEqual([seed, cut, expected]);
    }
  });

  it('reading only the top of a sheet stops where it did', async () => {
    for (let seed = 2000; seed < 2050; seed++) {
      const { xml, options } = worksheet(seed);
      const bytes = Buffer.from(xml, 'utf8');
      for (const size of [64, 500]) {
        const cuts = every(size, bytes.length);
        const top = { ...options, stopAfterRows: 3 };
        expect([seed, size, await outcome(bytes, cuts, top)]).toEqual([
          seed,
          size,
          await outcome(bytes, cuts, { ...top, scan: false }),
        ]);
      }
    }
  });

  it('a damaged worksheet is refused, or read, the same way', async () => {
    const r = random(7);
    let refused = 0;
    for (let seed = 3000; seed < 3400; seed++) {
      const { xml, options } = worksheet(seed);
      const start = xml.indexOf('sheetData>') + 10;
      const at = start + r.int(xml.lastIndexOf('sheetData>') - start);
      const damaged = r.pick([
        () => xml.slice(0, at) + xml.slice(at + 1), // a character lost
        () =>
          xml.slice(0, at) + r.pick(['<', '>', '&', '/', '"', "'", '=', '&nope;', '</x>', '<c>', ' ']) + xml.slice(at),
        () => xml.slice(0, at), // cut short
        () => xml.replace(/<\/(x:)?v>/, '</$1f>'), // tags that do not match
        () => xml.replace('&amp;', '&amp'),
        // Well-formed, if odd: a cell tag ends at a `>` where an attribute could have started.
        () => xml.replace(/(<(?:x:)?c r="[A-Z]+\d+")/g, '$1 >="x"'),
      ])();
      const bytes = Buffer.from(damaged, 'utf8');
      for (const cuts of [[], every(29, bytes.length)]) {
        const expected = await outcome(bytes, cuts, { ...options, scan: false });
        if ('error' in expected) refused++;
        expect([seed, cuts.length, await outcome(bytes, cuts, options)]).toEqual([seed, cuts.length, expected]);
      }
    }
    expect(refused).toBeGreaterThan(200);
  });

  it('every sheet of every producer workbook and example', async () => {
    const dirs = [join(ROOT, 'tests/fixtures/producers'), join(ROOT, 'examples')];
    let sheets = 0;
    for (const dir of dirs)
      for (const name of (await readdir(dir)).filter((n) => n.endsWith('.xlsx'))) {
        const pkg = await XlsxPackage.open(await readFile(join(dir, name)));
        const info = await readWorkbookInfo(pkg);
        const options = {
          sharedStrings: await readSharedStrings(pkg, info.sharedStringsPart),
          dateStyles: await readDateStyles(pkg, info.stylesPart),
          date1904: info.date1904,
        };
        for (const sheet of info.sheets) {
          if (!sheet.part) continue;
          const rowsRead = { scanned: 0, handled: 0 };
          const read = await readSheet(pkg, sheet.part, { ...options, rowsRead });
          expect([name, sheet.name, read]).toEqual([
            name,
            sheet.name,
            await readSheet(pkg, sheet.part, { ...options, scan: false }),
          ]);
          expect(rowsRead.scanned).toBeGreaterThan(rowsRead.handled);
          sheets++;
        }
      }
    expect(sheets).toBeGreaterThan(10);
  });
});

describe('values as some producers write them, on both paths', () => {
  const options: SheetReadOptions = { sharedStrings: ['Name', 'Berlin'], dateStyles: [], date1904: false };
  const sheetOf = (cells: string) =>
    Buffer.from(
      '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>' +
        `<row r="1">${cells}</row></sheetData></worksheet>`,
    );
  const bothPaths = async (cells: string) => {
    const bytes = sheetOf(cells);
    const scanned = await outcome(bytes, [], options);
    expect(scanned).toEqual(await outcome(bytes, [], { ...options, scan: false }));
    return (scanned as SheetCells).grid[0];
  };

  it('a shared string cell with an empty value is blank, not the first shared string', async () => {
    // calamine's empty_shared_string_value.xlsx has such cells.
    expect(await bothPaths('<c r="A1" t="s"><v/></c><c r="B1" t="s"><v></v></c><c r="C1" t="s"><v>1</v></c>')).toEqual([
      null,
      null,
      'Berlin',
    ]);
  });

  it('an inline string with a <v> as well reads as its <is> text, the value Excel shows', async () => {
    // A .NET writer saved a rich inline string "1." with a stray <v>1.0</v> (calamine's inlineStr_with_value.xlsx).
    const rich = '<is><r><rPr><sz val="11"/></rPr><t xml:space="preserve">1.</t></r></is>';
    expect(
      await bothPaths(
        `<c r="A1" t="inlineStr"><v>1.0</v>${rich}</c><c r="B1" t="inlineStr">${rich}<v>1.0</v></c>` +
          '<c r="C1" t="inlineStr"><v>only v</v></c>',
      ),
    ).toEqual(['1.', '1.', 'only v']);
  });
});

describe('the workbook part', () => {
  it("the 1904 date system is the main workbookPr's, not that of an x14:workbookPr in extLst", async () => {
    // Excel for Mac saves <workbookPr date1904="1"/> and, in extLst, <x14:workbookPr defaultImageDpi=…/>
    // (readxl's types.xlsx): reading both made every date four years and a day early.
    const zip = await JSZip.loadAsync(await readFile(join(ROOT, 'tests/fixtures/producers/libreoffice-from-csv.xlsx')));
    const xml = await zip.file('xl/workbook.xml')!.async('string');
    zip.file(
      'xl/workbook.xml',
      xml
        .replace('date1904="false"', 'date1904="1"')
        .replace(
          '</extLst>',
          '<ext uri="{79F54976-1DA5-4618-B147-4CDE4B953A38}" xmlns:x14="http://schemas.microsoft.com/office/spreadsheetml/2009/9/main"><x14:workbookPr defaultImageDpi="32767"/></ext></extLst>',
        ),
    );
    const pkg = await XlsxPackage.open(await zip.generateAsync({ type: 'nodebuffer' }));
    expect((await readWorkbookInfo(pkg)).date1904).toBe(true);
  });
});
