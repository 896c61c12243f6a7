// `cascade convert IN OUT [--framework F] [--columns …] [--force]`: a plan as a manager wrote it
// (side by side, prefixed, outlined, other headers) written out as Cascade's canonical plan in a
// new file; the original is only read.
import { Command, Option } from 'commander';
import { extname, resolve } from 'node:path';
import { convertPlan, pluralLevel, readingText, type LevelName, type TemplateSpec } from '../../shared/index.js';
import { fileError } from '../errors.js';
import { exists, existsError, writeFileAtomic } from '../files/atomic.js';
import { columnsOption, frameworkOption, type PlanOptions } from '../options.js';
import { processOutput } from '../output/emit.js';
import { plural } from '../../shared/format.js';
import { loadPlan } from '../plan-input.js';
import { templateBytes } from '../write/template-bytes.js';

interface ConvertOptions extends Pick<PlanOptions, 'framework' | 'columns'> {
  force?: boolean;
}

export function convertCommand(): Command {
  return new Command('convert')
    .description(
      "write a plan as you keep it (other headers, Objective and Key Result side by side, O1:/KR1.2 prefixes, outline numbers) into a new file in Cascade's layout: ID, Level, Parent and Title filled, live Progress formulas",
    )
    .argument('<in>', 'your plan: an .xlsx workbook or a .csv file (only read)')
    .argument('<out>', 'the new file: .xlsx (dropdowns, formats, formulas) or .csv')
    .addOption(frameworkOption())
    .addOption(columnsOption())
    .addOption(new Option('--force', 'replace OUT if it exists'))
    .action(async (input: string, output: string, options: ConvertOptions) => {
      const kind = extname(output).toLowerCase();
      if (kind !== '.xlsx' && kind !== '.csv') {
        throw fileError(output, `a plan is written as .xlsx or .csv, not ${kind || 'a file without extension'}.`);
      }
      if (resolve(input) === resolve(output))
        throw fileError(output, 'this is the plan being converted; name a new file, so the original stays as it is.');
      if (!options.force && (await exists(output))) throw existsError(output);
      const { file, plan } = await loadPlan(input, options.framework, options.columns, {
        keepCells: true,
        use: 'convert',
      });
      const spec = convertPlan(plan, { table: file.table });
      await writeFileAtomic(output, await templateBytes(spec, kind), { overwrite: options.force ?? false });
      processOutput().print(summary(input, output, spec, plan.reading ? readingText(plan.reading) : null));
    });
}

function summary(input: string, output: string, spec: TemplateSpec, reading: string | null): string {
  const counts = new Map<string, number>();
  const levelCol = spec.columns.level as number;
  for (const row of spec.rows) {
    const level = String(row[levelCol] ?? '—');
    counts.set(level, (counts.get(level) ?? 0) + 1);
  }
  const levels = [...counts].map(
    ([level, n]) =>
      `${n} ${n === 1 ? level : spec.framework.levels.includes(level as LevelName) ? pluralLevel(level as LevelName) : level}`,
  );
  const extra = spec.header.slice(spec.columns.check! + 1);
  const lines = [
    `Wrote ${output}: ${spec.framework.label} plan, ${plural(spec.rows.length, 'row')} (${levels.join(', ')}) from ${input}, which is unchanged.`,
  ];
  if (reading) lines.push(`Read as: ${reading}.`);
  if (extra.length > 0) lines.push(`Your other columns follow Cascade's: ${extra.join(', ')}.`);
  lines.push(`Next: cascade lint ${output}`);
  return lines.join('\n') + '\n';
}
