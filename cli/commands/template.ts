import { Command, Option } from 'commander';
import { extname } from 'node:path';
import { COLUMN_BY_KEY, computeProgressValues, readPlan, templateFor, type FrameworkId, type TemplateSpec } from '../../shared/index.js';
import { fileError } from '../errors.js';
import { exists, existsError, writeFileAtomic } from '../files/atomic.js';
import { frameworkOption, parseToday, todayOf } from '../options.js';
import { processOutput } from '../output/emit.js';
import { plural } from '../output/terminal.js';
import { templateCsv } from '../write/csv-template.js';
import { templateWorkbook } from '../write/xlsx-template.js';
import { markOwnedColumns } from '../xlsx/workbook-patch.js';
import { markerName } from '../files/ownership.js';

interface TemplateOptions {
  framework: FrameworkId;
  examples?: boolean;
  force?: boolean;
  today?: number;
}

export function templateCommand(): Command {
  return new Command('template')
    .description('write a new plan file: header, dropdown lists, live progress formulas and, with --examples, worked examples')
    .argument('<file>', 'the new file: .xlsx (dropdowns, formats, formulas) or .csv (for importing into Google Sheets)')
    .addOption(frameworkOption('the cascade to plan with').makeOptionMandatory())
    .addOption(new Option('--examples', 'fill in the worked examples of the framework'))
    .addOption(new Option('--force', 'replace the file if it exists'))
    .addOption(new Option('--today <date>', 'the day the example dates are placed around, YYYY-MM-DD (default: today)').argParser(parseToday))
    .action(async (path: string, options: TemplateOptions) => {
      const kind = extname(path).toLowerCase();
      if (kind !== '.xlsx' && kind !== '.csv') {
        throw fileError(path, `a template is written as .xlsx or .csv, not ${kind || 'a file without extension'}.`);
      }
      if (!options.force && (await exists(path))) throw existsError(path);
      const spec = templateFor(options.framework, { examples: options.examples ?? false, today: todayOf(options) });
      const data = kind === '.xlsx' ? await xlsxBytes(spec) : templateCsv(spec);
      await writeFileAtomic(path, data, { overwrite: options.force ?? false });
      processOutput().print(summary(path, spec, kind === '.xlsx'));
    });
}

async function xlsxBytes(spec: TemplateSpec): Promise<Buffer> {
  const workbook = await templateWorkbook(spec, exampleResults(spec));
  const progress = spec.columns.progress;
  const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
  if (progress === undefined) return bytes;
  return markOwnedColumns(bytes, spec.sheetName, [{ name: markerName('progress'), col: progress }]);
}

/** The core's progress of each example row: the cached value of its live formula, as a spreadsheet would compute it. */
function exampleResults(spec: TemplateSpec): (row: number) => number | null {
  if (spec.rows.length === 0) return () => null;
  const plan = readPlan({ header: spec.header, rows: spec.rows }, { framework: spec.framework.id });
  const values = computeProgressValues(plan);
  const byRow = new Map(plan.items.map((item, i) => [item.row, values[i]]));
  return (row) => byRow.get(row) ?? null;
}

function summary(path: string, spec: TemplateSpec, xlsx: boolean): string {
  const levels = spec.framework.levels.join(' › ');
  const examples = spec.rows.length > 0 ? ` with ${plural(spec.rows.length, 'example row')}` : '';
  const lines = [`Wrote ${path}: ${spec.framework.label} plan template (${levels})${examples}.`];
  if (xlsx) {
    const dropdowns = spec.validations.map((v) => COLUMN_BY_KEY[v.column].header).join(', ');
    lines.push(`Sheet "${spec.sheetName}": live Progress formulas in rows 2–${spec.formattedRows + 1}, dropdowns for ${dropdowns}.`);
  } else {
    lines.push('Import it into Google Sheets (File › Import) to get live Progress formulas; use .xlsx for dropdowns and formats.');
  }
  lines.push(`Next: fill in the rows, then run  cascade lint ${path}`);
  return lines.join('\n') + '\n';
}
