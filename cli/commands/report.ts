import { Command, Option } from 'commander';
import { statusReport } from '../../shared/index.js';
import { writeFileAtomic } from '../files/atomic.js';
import { loadHistory } from '../history/plan-history.js';
import { frameworkOption, todayOf, todayOption, type PlanOptions } from '../options.js';
import { processOutput } from '../output/emit.js';
import { loadPlan } from '../plan-input.js';
import { reportHtml } from '../report/report-html.js';

interface ReportOptions extends Omit<PlanOptions, 'format'> {
  out?: string;
}

/** plan.xlsx → plan.report.html, beside the plan. */
export function defaultReportPath(planPath: string): string {
  return planPath.replace(/\.(xlsx|csv)$/i, '') + '.report.html';
}

export function reportCommand(): Command {
  return new Command('report')
    .description(
      'a one-page status report as HTML: progress per objective, trend charts, what needs attention and what changed at the last check-in (prints well to PDF)',
    )
    .argument('<file>', 'the plan: an .xlsx workbook or a .csv file')
    .addOption(new Option('--out <file>', 'where to write the report (default: beside the plan, NAME.report.html)'))
    .addOption(todayOption())
    .addOption(frameworkOption())
    .action(async (path: string, options: ReportOptions) => {
      const { file, plan } = await loadPlan(path, options.framework);
      const history = await loadHistory(file);
      const out = processOutput();
      for (const problem of history.problems.slice(0, 5)) out.note(`warning: ${problem}`);
      const report = statusReport(plan, history, todayOf(options));
      const target = options.out ?? defaultReportPath(path);
      await writeFileAtomic(target, reportHtml(path, plan, report), { overwrite: true });
      out.note(`Wrote the status report to ${target}. Open it in a browser; print it to PDF to share.`);
    });
}
