import { idKey } from '../../tree.js';
import type { PlanItem } from '../../types.js';
import type { RowFindings, RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { quote } from '../text.js';

export const meta = defineMeta({
  id: 'structure/duplicate-id',
  severity: 'error',
  onDroppedRows: true,
  label: 'duplicate ID',
  description: 'two rows share an ID',
  appliesTo: 'all rows',
  fix: 'Give the row an ID of its own, or clear it and let Cascade fill a new one.',
  docs: `- **Fires when** a row's ID repeats the ID of an earlier row. IDs are compared ignoring case and
  surrounding spaces, so \`O1\`, \`o1\` and \` O1 \` are the same ID. Blank IDs are not duplicates:
  \`cascade progress --write\` and the add-on fill them.
- **Fix:** give the row an ID of its own, or clear it and let Cascade fill a new one. Until then,
  rows whose Parent names that ID belong to the *first* row that has it.`,
});

export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (ctx.duplicate[item.index] !== 1) return;
  const first = ctx.tree.byId.get(idKey(item.id));
  const where = first === undefined ? 'an earlier row' : `row ${ctx.items[first].row}`;
  out.add(
    meta,
    `ID ${quote(item.id)} is already used on ${where}.`,
    'Give this row an ID of its own, or clear the ID and let Cascade fill a new one. ' +
      `Rows whose Parent is ${quote(item.id)} belong to ${where}.`,
    'id',
  );
}
