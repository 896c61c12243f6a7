import { Command } from 'commander';
import { lastCheckInDays } from '../../shared/index.js';
import { loadHistory } from '../history/plan-history.js';
import { columnsOption, formatOption, frameworkOption, todayOf, todayOption, type PlanOptions } from '../options.js';
import { processOutput } from '../output/emit.js';
import { writeChunks } from '../output/chunks.js';
import { lintFindings, lintJson, lintText } from '../output/lint-report.js';
import { loadPlan } from '../plan-input.js';

export function lintCommand(): Command {
  return new Command('lint')
    .description('check every row of a plan against the SMART rules (exit code 1 when there are errors)')
    .argument('<file>', 'the plan: an .xlsx workbook or a .csv file')
    .addOption(formatOption())
    .addOption(todayOption())
    .addOption(frameworkOption())
    .addOption(columnsOption())
    .action(async (path: string, options: PlanOptions) => {
      const { file, plan } = await loadPlan(path, options.framework, options.columns);
      const today = todayOf(options);
      // review/stale reads the check-in history where Last check-in is blank.
      const history = await loadHistory(file);
      const found = lintFindings(plan, { today, lastCheckIns: lastCheckInDays(history) });
      const out = processOutput();
      const report =
        options.format === 'json'
          ? lintJson(path, plan, found)
          : lintText(path, plan, found, today, out.colors, out.width);
      await writeChunks(process.stdout, report);
      if (found.counts.error > 0) process.exitCode = 1;
    });
}
