import { dateSpanFromText, isoFromDay } from '../../dates.js';
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
  (\`2026-06-30\`) and the forms people write (\`June 30, 2026\`, \`30 June 2026\`, \`6/30/2026\`,
  \`15. Oktober 2026\`, \`Oct 15\`), and in Start date and Due date also periods and ranges
  (\`Q3 2026\`, \`H2 2026\`, \`December\`, \`FY27\`, \`Oct 1 – Nov 30\`) as the day meant: see
  *Dates* in docs/plan-format.md. A Last check-in is one day: a month or a quarter there is a bad
  date, and the hint names its days.
- **Fix:** type the date as \`YYYY-MM-DD\` or use a date cell; keep Start date before Due date.`,
});

export function check(_ctx: RuleContext, item: PlanItem, out: RowFindings): void {
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

/** A period typed as a Last check-in (one day) names its days; anything else gets the forms Cascade reads. */
function badDateHint(key: (typeof DATE_COLUMNS)[number], text: string): string {
  const span = key === 'lastCheckIn' ? dateSpanFromText(text, 'month first', new Date().getUTCFullYear()) : null;
  if (span === null) {
    return 'Type the date as YYYY-MM-DD (e.g. 2026-06-30) or as "June 30, 2026", or use a date cell.';
  }
  return `A check-in is one day: type the day of the latest update as YYYY-MM-DD (${text.trim()} runs from ${isoFromDay(span.first)} to ${isoFromDay(span.last)}).`;
}
