import type { ColumnKey, PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { rowList } from '../context.js';
import { defineMeta } from '../meta.js';
import { header } from '../text.js';

/** Number and date cells, where a placeholder is read as blank. */
const COLUMNS = [
  'start',
  'target',
  'current',
  'weight',
  'startDate',
  'dueDate',
  'lastCheckIn',
] as const satisfies readonly ColumnKey[];

export const meta = defineMeta({
  id: 'plan/placeholder',
  severity: 'warning',
  label: 'placeholder',
  description: 'number or date cells hold TBD, n/a, —, ?: read as blank (one warning per column)',
  appliesTo: 'Start, Target, Current, Weight, Start date, Due date, Last check-in; one finding per column',
  fix: 'Type the value once it is known, or leave the cell blank.',
  docs: `- **Fires when** a number or date cell holds a placeholder instead of a value: \`TBD\`, \`TBA\`,
  \`TBC\`, \`n/a\`, \`—\`, \`-\`, \`?\`, \`...\` (also \`k.A.\`, \`por definir\`, \`à définir\`). The cell is
  read as blank — a Target \`TBD\` is no target yet, a Due date \`—\` no due date — and the rules
  that need the value say so on their rows. Reported **once per column**, on the header row,
  listing the rows (\`Target holds a placeholder on rows 4, 7–9: "TBD", "n/a"\`), not as an error
  per cell.
- **Fix:** type the value once it is known, or leave the cell blank.`,
});

export function check(_ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  for (const key of COLUMNS) {
    const cell = item[key];
    if (cell.state !== 'blank' || cell.placeholder === undefined) continue;
    out.addForColumn(
      meta,
      key,
      'Type the value once it is known, or leave the cell blank: Cascade reads the placeholder as blank.',
      cell.placeholder,
      message(key),
    );
  }
}

// Made outside check's loop: a closure written in it would cost every row a context per column.
const message = (key: ColumnKey) => (rows: readonly number[], texts: readonly string[]) =>
  `${header(key)} holds a placeholder on ${rowList(rows)} (${texts.map((t) => `"${t}"`).join(', ')}): read as blank.`;
