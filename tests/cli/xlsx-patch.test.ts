// In-process tests of the in-place .xlsx writer's XML work: formulas moved, cells placed in order.
import { describe, expect, it } from 'vitest';
import { shiftFormula } from '../../cli/xlsx/formula-shift.js';
import { patchSheetXml } from '../../cli/xlsx/sheet-patch.js';
import { CellFormats, showsPercent } from '../../cli/xlsx/styles.js';

describe('shiftFormula', () => {
  it.each([
    ['IF(TRIM(F2)="",0,F2/H2)', 3, 0, 'IF(TRIM(F5)="",0,F5/H5)'],
    ['$A$1+A1+$A1+A$1', 1, 1, '$A$1+B2+$A2+B$1'],
    ['IF(A2="B2","C3",A2)', 2, 0, 'IF(A4="B2","C3",A4)'],
    ["SUM('My Sheet'!A2:A9)+Data!B2", 1, 0, "SUM('My Sheet'!A3:A10)+Data!B3"],
    ['LOG10(A2)+ATAN2(B2,C2)', 1, 0, 'LOG10(A3)+ATAN2(B3,C3)'],
    ['Table1[@Target]*A2', 1, 0, 'Table1[@Target]*A3'],
    ['1E5+A2', 1, 0, '1E5+A3'],
    ['A1', -1, 0, '#REF!'],
  ])('%s moved by %i rows, %i columns', (formula, rows, columns, expected) => {
    expect(shiftFormula(formula, rows, columns)).toBe(expected);
  });
});

describe('patchSheetXml', () => {
  const sheet = (rows: string, prefix = '') =>
    `<?xml version="1.0"?><${prefix}worksheet xmlns${prefix ? `:${prefix.slice(0, -1)}` : ''}="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><${prefix}dimension ref="A1:C3"/><${prefix}sheetData>${rows}</${prefix}sheetData></${prefix}worksheet>`;

  it('puts new cells in column order, keeps the others byte for byte, writes text inline', () => {
    const xml = sheet(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" s="4"><v>7</v></c></row><row r="2" spans="1:3"><c r="A2"><v>1</v></c></row>',
    );
    const result = patchSheetXml(
      xml,
      [
        { row: 1, col: 1, value: 'a & <b>', onFormula: 'replace' },
        { row: 2, col: 3, value: 0.5, onFormula: 'replace' },
      ],
      null,
    );
    expect(result.xml).toContain(
      '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="inlineStr"><is><t>a &amp; &lt;b&gt;</t></is></c><c r="C1" s="4"><v>7</v></c></row>',
    );
    expect(result.xml).toContain('<row r="2"><c r="A2"><v>1</v></c><c r="D2"><v>0.5</v></c></row>');
    expect(result.xml).toContain('<dimension ref="A1:D3"/>');
    expect(result.written).toBe(2);
  });

  it('reads rows and cells without r attributes, and namespace prefixes', () => {
    const xml = sheet(
      '<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row><x:row><x:c><x:v>3</x:v></x:c></x:row>',
      'x:',
    );
    const result = patchSheetXml(xml, [{ row: 2, col: 1, value: 9, onFormula: 'replace' }], null);
    expect(result.xml).toContain('<x:row><x:c><x:v>1</x:v></x:c><x:c><x:v>2</x:v></x:c></x:row>');
    expect(result.xml).toContain('<x:row><x:c r="A2"><x:v>3</x:v></x:c><x:c r="B2"><x:v>9</x:v></x:c></x:row>');
  });

  it('adds rows that are missing, in order', () => {
    const xml = sheet('<row r="1"><c r="A1"><v>1</v></c></row><row r="4"><c r="A4"><v>4</v></c></row>');
    const result = patchSheetXml(
      xml,
      [
        { row: 3, col: 0, value: 3, onFormula: 'replace' },
        { row: 6, col: 0, value: 6, onFormula: 'replace' },
      ],
      null,
    );
    expect(result.xml).toMatch(
      /<row r="1">.*<row r="3"><c r="A3"><v>3<\/v><\/c><\/row><row r="4">.*<row r="6"><c r="A6"><v>6<\/v><\/c><\/row><\/sheetData>/,
    );
  });

  it('keeps a formula when asked, replaces it otherwise, and empties a cell keeping its format', () => {
    const xml = sheet(
      '<row r="2"><c r="A2" s="3"><f>B2*2</f><v>4</v></c><c r="B2" s="3"><f>C2</f><v>1</v></c><c r="C2" s="5"><v>8</v></c></row>',
    );
    const result = patchSheetXml(
      xml,
      [
        { row: 2, col: 0, value: 0.1, onFormula: 'skip' },
        { row: 2, col: 1, value: 0.2, onFormula: 'replace' },
        { row: 2, col: 2, value: null, onFormula: 'replace' },
      ],
      null,
    );
    expect(result.xml).toContain(
      '<c r="A2" s="3"><f>B2*2</f><v>4</v></c><c r="B2" s="3"><v>0.2</v></c><c r="C2" s="5"/>',
    );
    expect(result).toMatchObject({ keptFormulas: 1, removedFormulas: 1, written: 2 });
  });

  it("gives numbers a percent format derived from the cell's own, added once", () => {
    const styles =
      '<styleSheet><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><cellXfs count="3"><xf numFmtId="0" fontId="0"/><xf numFmtId="164" fontId="1"/><xf numFmtId="14" fontId="2"><alignment wrapText="1"/></xf></cellXfs></styleSheet>';
    const formats = new CellFormats(styles);
    const xml = sheet(
      '<row r="2"><c r="A2"><v>1</v></c><c r="B2" s="1"><v>1</v></c><c r="C2" s="2"><v>1</v></c></row>',
    );
    const result = patchSheetXml(
      xml,
      ['A', 'B', 'C', 'D'].map((_, col) => ({ row: 2, col, value: 0.5, onFormula: 'replace' as const, percent: true })),
      formats,
    );
    expect(result.xml).toContain(
      '<c r="A2" s="3"><v>0.5</v></c><c r="B2" s="1"><v>0.5</v></c><c r="C2" s="4"><v>0.5</v></c><c r="D2" s="3"><v>0.5</v></c>',
    );
    expect(formats.toXml()).toContain('<cellXfs count="5">');
    expect(formats.toXml()).toContain(
      '<xf numFmtId="9" fontId="0" applyNumberFormat="1"/><xf numFmtId="9" fontId="2" applyNumberFormat="1"><alignment wrapText="1"/></xf></cellXfs>',
    );
    // Read again (the Check-ins sheet is written after the plan's cells): the added formats are reused, not added twice.
    const again = new CellFormats(formats.toXml());
    expect([again.percentOf(0), again.percentOf(3), again.percentOf(2), again.changed]).toEqual([3, 3, 4, false]);
    expect([showsPercent('0%'), showsPercent('"%"0'), showsPercent('0\\%'), showsPercent('0.00')]).toEqual([
      true,
      false,
      false,
      false,
    ]);
  });
});
