import { isoFromDay, periodFromText } from '../../dates.js';
import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { brokenFormulaHint, dayText, header, isSpreadsheetError, quote } from '../text.js';

const DATE_COLUMNS = ['startDate', 'dueDate', 'lastCheckIn'] as const;

export const meta = defineMeta({
  id: 'time-bound/bad-date',
  severity: 'error',
  onDroppedRows: true,
  label: 'bad date',
  description: 'a date cannot be read, or Due date is before Start date',
  appliesTo: 'all rows, Dropped ones included',
  fix: 'Type the date as YYYY-MM-DD (or use a date cell), and keep Start date before Due date.',
  docs: `- **Fires when** Start date, Due date or Last check-in cannot be read as a date ("next Friday",
  \`31/31/2026\`), or when Due date is before Start date. Cascade reads date cells, ISO dates
  (\`2026-06-30\`) and the common written forms (\`June 30, 2026\`, \`30 June 2026\`, \`6/30/2026\`).
- **Fix:** type the date as \`YYYY-MM-DD\` or use a date cell; keep Start date before Due date. For
  a quarter or a month typed where a date belongs (\`Q3 2026\`, \`2026-Q3\`, \`June 2026\`), the hint
  names the day it most likely means: the last day for a Due date (\`2026-09-30\`), the first for a
  Start date.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  for (const key of DATE_COLUMNS) {
    const cell = item[key];
    if (cell.state === 'invalid' && isSpreadsheetError(cell.text)) {
      const message = `${header(key)} ${quote(cell.text)} is a spreadsheet error, not a date.`;
      out.add(meta, message, brokenFormulaHint(cell.text, 'type the date as YYYY-MM-DD'), key);
    } else if (cell.state === 'invalid') {
      out.add(meta, `${header(key)} ${quote(cell.text)} is not a date.`, badDateHint(key, cell.text), key);
    }
  }
  if (item.startDate.state === 'ok' && item.dueDate.state === 'ok' && item.dueDate.value < item.startDate.value) {
    out.add(
      meta,
      `Due date ${dayText(item.dueDate.value)} is before Start date ${dayText(item.startDate.value)}.`,
      'Correct whichever date is wrong: the work must start before it is due.',
      'dueDate',
    );
  }
}

/** For a quarter or a month where a date belongs, the day it most likely means (Due: the last). */
function badDateHint(key: (typeof DATE_COLUMNS)[number], text: string): string {
  const period = key === 'lastCheckIn' ? null : periodFromText(text);
  if (period === null) return 'Type the date as YYYY-MM-DD (e.g. 2026-06-30) or as "June 30, 2026", or use a date cell.';
  const [day, which] = key === 'dueDate' ? [period.last, 'last'] : [period.first, 'first'];
  return `Type the date as YYYY-MM-DD: ${isoFromDay(day)} is the ${which} day of ${text.trim()}.`;
}
