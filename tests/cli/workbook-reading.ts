// How the producer tests compare workbooks: what a manager sees of a plan (the command's JSON), and
// every cell of every sheet as cascade's own reader finds it.
import { readFile } from 'node:fs/promises';
import JSZip from 'jszip';
import { SaxesParser } from 'saxes';
import { XlsxPackage } from '../../cli/xlsx/package-read.js';
import { readSheet } from '../../cli/xlsx/sheet-read.js';
import { readDateStyles, readSharedStrings, readWorkbookInfo } from '../../cli/xlsx/workbook-read.js';
import { cascade, json } from './helpers.js';

/** `progress` and `lint` as JSON, without the file's name: equal for a workbook and its CSV. */
export async function planReading(file: string, today: string): Promise<{ progress: unknown; lint: unknown }> {
  const [progress, lint] = await Promise.all([
    cascade(['progress', file, '--format', 'json', '--today', today]),
    cascade(['lint', file, '--format', 'json', '--today', today]),
  ]);
  const { file: _p, ...p } = json(progress);
  const { file: _l, ...l } = json(lint);
  return { progress: p, lint: l };
}

/** Every cell of every sheet, read with cascade's own reader: "sheet!A1" → value as JSON. */
export async function allCells(file: string): Promise<Map<string, string>> {
  const pkg = await XlsxPackage.open(await readFile(file));
  const info = await readWorkbookInfo(pkg);
  const options = {
    sharedStrings: await readSharedStrings(pkg, info.sharedStringsPart),
    dateStyles: await readDateStyles(pkg, info.stylesPart),
    date1904: info.date1904,
  };
  const cells = new Map<string, string>();
  for (const sheet of info.sheets) {
    if (!sheet.part) continue;
    const read = await readSheet(pkg, sheet.part, options);
    read.grid.forEach((row, r) =>
      row.forEach((value, c) => {
        if (value !== null) cells.set(`${sheet.name}!${String.fromCharCode(65 + c)}${r + 1}`, JSON.stringify(value));
      }),
    );
  }
  return cells;
}

/** Every XML part that a namespace-aware parser refuses (an unbound prefix, say), with its reason. */
export async function namespaceErrors(file: string): Promise<string[]> {
  const zip = await JSZip.loadAsync(await readFile(file));
  const errors: string[] = [];
  for (const name of Object.keys(zip.files)) {
    if (!/\.(xml|rels)$/.test(name)) continue;
    const parser = new SaxesParser({ xmlns: true });
    try {
      parser.write(await zip.file(name)!.async('string')).close();
    } catch (error) {
      errors.push(`${name}: ${(error as Error).message}`);
    }
  }
  return errors;
}
