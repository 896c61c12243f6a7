import { Command } from 'commander';
import { checkPlan, lastCheckInDays } from '../../shared/index.js';
import { loadHistory } from '../history/plan-history.js';
import { columnsOption, formatOption, frameworkOption, todayOf, todayOption, type PlanOptions } from '../options.js';
import { processOutput } from '../output/emit.js';
import { countFindings, lintJson, lintText } from '../output/lint-report.js';
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
      const findings = checkPlan(plan, { today, lastCheckIns: lastCheckInDays(history) });
      const out = processOutput();
      if (options.format === 'json') out.json(lintJson(path, plan, findings));
      else out.print(lintText(path, plan, findings, today, out.colors, out.width));
      if (countFindings(findings).error > 0) process.exitCode = 1;
    });
}
