// Real LibreOffice Calc for the producer tests (tests/cli/libreoffice.test.ts): headless, with a
// profile of its own per test run, many files per call (each call starts LibreOffice, 1–3 s).
import { execFile } from 'node:child_process';
import { accessSync, constants, existsSync } from 'node:fs';
import { basename, delimiter, extname, join } from 'node:path';
import { pathToFileURL } from 'node:url';

export const SOFFICE_MISSING =
  'LibreOffice is not installed (no `soffice` on PATH), and these tests need the files it really writes: ' +
  'apt-get install -y --no-install-recommends libreoffice-calc-nogui (.ci/run installs it).';

/** The `soffice` on PATH, or null. */
export function findSoffice(): string | null {
  for (const folder of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(folder, 'soffice');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not in this folder
    }
  }
  return null;
}

/** CSV import options (LibreOffice's "CSV" filter tokens): separator, quote, UTF-8, from line 1, language, detect special numbers. */
export function csvImport(options: { separator: ',' | ';'; language: 'en-US' | 'de-DE' }): string {
  const language = { 'en-US': 1033, 'de-DE': 1031 }[options.language];
  return `CSV:${options.separator.charCodeAt(0)},34,76,1,,${language},false,true`;
}

/** CSV export of every sheet (one NAME-SHEET.csv per sheet), cells as LibreOffice shows them. */
export const CSV_EVERY_SHEET = 'csv:Text - txt - csv (StarCalc):44,34,76,1,,1033,false,false,false,false,false,-1';
export const XLSX = 'xlsx:Calc MS Excel 2007 XML';

/** A percent as LibreOffice shows it ("67%") is the fraction, rounded to whole percents. */
export function shows(percent: string, fraction: number): boolean {
  return /^\d+%$/.test(percent) && Math.abs(Number(percent.slice(0, -1)) / 100 - fraction) <= 0.005 + 1e-9;
}

export class LibreOffice {
  /** Calls one after another: two at once on one profile would hand the second to the first. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly soffice: string,
    private readonly profile: string,
  ) {}

  /** Runs soffice headless with this run's profile; resolves with its output, rejects with it. */
  run(args: string[], timeout = 120_000): Promise<{ code: number | null; output: string }> {
    const call = () =>
      new Promise<{ code: number | null; output: string }>((resolve) => {
        execFile(
          this.soffice,
          [`-env:UserInstallation=${pathToFileURL(this.profile).href}`, '--headless', '--norestore', ...args],
          { timeout },
          (error, stdout, stderr) => {
            const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
            resolve({ code, output: `${stdout}${stderr}` });
          },
        );
      });
    const next = this.queue.then(call, call);
    this.queue = next;
    return next;
  }

  /**
   * Converts the files into outdir in one call (`to` as --convert-to takes it); every output must
   * be there (for a CSV export of every sheet, NAME-SHEET.csv), else it fails with what soffice said.
   */
  async convert(files: string[], to: string, outdir: string, options: { infilter?: string } = {}): Promise<string[]> {
    const infilter = options.infilter ? [`--infilter=${options.infilter}`] : [];
    const result = await this.run([...infilter, '--convert-to', to, '--outdir', outdir, ...files]);
    const extension = to.split(':')[0];
    const outputs = files.map((file) => join(outdir, `${basename(file, extname(file))}.${extension}`));
    const missing = extension === 'csv' ? [] : outputs.filter((out) => !existsSync(out));
    if (result.code !== 0 || missing.length > 0)
      throw new Error(
        `soffice --convert-to ${to} failed (exit ${result.code}${missing.length ? `; no ${missing.join(', ')}` : ''}): ${result.output}`,
      );
    return outputs;
  }
}
