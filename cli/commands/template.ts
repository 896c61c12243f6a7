import { Command, Option } from 'commander';
import { extname } from 'node:path';
import { COLUMN_BY_KEY, templateFor, type FrameworkId, type TemplateSpec } from '../../shared/index.js';
import { fileError } from '../errors.js';
import { exists, existsError, writeFileAtomic } from '../files/atomic.js';
import { frameworkOption, parseToday, todayOf } from '../options.js';
import { processOutput } from '../output/emit.js';
import { plural } from '../../shared/format.js';
import { templateBytes } from '../write/template-bytes.js';

interface TemplateOptions {
  framework: FrameworkId;
  examples?: boolean;
  force?: boolean;
  today?: number;
}

export function templateCommand(): Command {
  return new Command('template')
    .description(
      'write a new plan file: header, dropdown lists, live progress formulas and, with --examples, worked examples',
    )
    .argument('<file>', 'the new file: .xlsx (dropdowns, formats, formulas) or .csv (for importing into Google Sheets)')
    .addOption(frameworkOption('the cascade to plan with').makeOptionMandatory())
    .addOption(new Option('--examples', 'fill in the worked examples of the framework'))
    .addOption(new Option('--force', 'replace the file if it exists'))
    .addOption(
      new Option(
        '--today <date>',
        'the day the example dates are placed around, YYYY-MM-DD (default: today)',
      ).argParser(parseToday),
    )
    .action(async (path: string, options: TemplateOptions) => {
      const kind = extname(path).toLowerCase();
      if (kind !== '.xlsx' && kind !== '.csv') {
        throw fileError(path, `a template is written as .xlsx or .csv, not ${kind || 'a file without extension'}.`);
      }
      if (!options.force && (await exists(path))) throw existsError(path);
      const spec = templateFor(options.framework, { examples: options.examples ?? false, today: todayOf(options) });
      const data = await templateBytes(spec, kind);
      await writeFileAtomic(path, data, { overwrite: options.force ?? false });
      processOutput().print(summary(path, spec, kind === '.xlsx'));
    });
}

function summary(path: string, spec: TemplateSpec, xlsx: boolean): string {
  const levels = spec.framework.levels.join(' › ');
  const examples = spec.rows.length > 0 ? ` with ${plural(spec.rows.length, 'example row')}` : '';
  const lines = [`Wrote ${path}: ${spec.framework.label} plan template (${levels})${examples}.`];
  if (xlsx) {
    const dropdowns = spec.validations.map((v) => COLUMN_BY_KEY[v.column].header).join(', ');
    lines.push(
      `Sheet "${spec.sheetName}": live Progress formulas in rows 2–${spec.formattedRows + 1}, dropdowns for ${dropdowns}.`,
    );
  } else {
    lines.push(
      'Import it into Google Sheets (File › Import) to get live Progress formulas; use .xlsx for dropdowns and formats.',
    );
  }
  lines.push(`Next: fill in the rows, then run  cascade lint ${path}`);
  return lines.join('\n') + '\n';
}
