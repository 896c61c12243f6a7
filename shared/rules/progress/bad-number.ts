import { effectiveType } from '../../progress.js';
import type { PlanItem } from '../../types.js';
import { isMeasuredLevel, type RowFindings, type RuleContext } from '../context.js';
import { defineMeta } from '../meta.js';
import { brokenFormulaHint, header, isSpreadsheetError, quote } from '../text.js';

const NUMBER_HINT = 'Type a plain number, as in 1,000 · $120M · 45% · 1.5k · (12) for a negative.';
const TYPES = 'increase, decrease, at least, at most, milestone';
const WEIGHT_HINT =
  "Type a number of 0 or more: 1 is the default, 2 counts double in the parent's roll-up, 0 leaves the row out.";
export const meta = defineMeta({
  id: 'progress/bad-number',
  severity: 'error',
  onDroppedRows: true,
  label: 'bad number',
  description: 'Start, Target or Current is not a number, or Start equals Target',
  appliesTo: 'the measured levels and any row with a Target; Weight on every row',
  fix: 'Type plain numbers (1,000 · $120M · 45% · 1.5k), and give Start and Target different values.',
  docs: `- **Fires when**
  - Start, Target or Current is filled but is not a number ("lots", "about half"; one finding for
    the row when several are, as "Weekly" in Target and Current). Numbers are read
    as people type them: \`1,000\`, \`$120M\`, \`$120 million\`, \`45%\`, \`200 ms\`, \`1.5k\`, \`(12)\` for −12.
    A milestone's Current may be a word (\`done\`, \`yes\`, \`✓\`, \`x\`);
  - Type is not one of \`increase\`, \`decrease\`, \`at least\`, \`at most\`, \`milestone\`;
  - Start equals Target on an \`increase\` or \`decrease\` (no distance to measure);
  - Type is \`decrease\` and Start is blank (nothing to count down from);
  - Weight is not a number (the roll-up then counts the row as 1) or is negative.
- **Fix:** type plain numbers; give Start and Target different values, or use \`at least\` /
  \`at most\` to hold a level.`,
});

/** progress/bad-number: numbers and types that progress cannot be computed from. */
export function check(ctx: RuleContext, item: PlanItem, out: RowFindings): void {
  if (item.weight.state === 'invalid') {
    const message = `Weight ${quote(item.weight.text)} is not a number, so the roll-up counts this row as 1.`;
    out.add(meta, message, WEIGHT_HINT, 'weight');
  } else if (item.weight.state === 'ok' && item.weight.value < 0) {
    const message = `Weight ${item.weight.value} is negative, so the roll-up leaves this row out.`;
    out.add(meta, message, WEIGHT_HINT, 'weight');
  }

  const measured = isMeasuredLevel(ctx.framework, item.level) || item.target.state !== 'blank';
  if (!measured) return;

  if (item.typeText !== '' && item.type === null) {
    out.add(
      meta,
      `Type ${quote(item.typeText)} is not one of ${TYPES}.`,
      'Pick a Type from the list, or leave it blank: Target below Start then means decrease, else increase.',
      'type',
    );
  }
  const type = effectiveType({
    type: item.type,
    start: item.start,
    target: item.target,
    milestoneLevel: item.level === 'Milestone',
  });
  // A milestone's Current is a word ("done", "yes", "✓"), not a number.
  const cells = type === 'milestone' ? (['start', 'target'] as const) : (['start', 'target', 'current'] as const);
  // Words where numbers belong ("Weekly" in Target and Current): one finding for the row.
  const words: { key: (typeof cells)[number]; text: string }[] = [];
  for (const key of cells) {
    const cell = item[key];
    if (cell.state === 'invalid' && isSpreadsheetError(cell.text)) {
      const message = `${header(key)} ${quote(cell.text)} is a spreadsheet error, not a number.`;
      out.add(meta, message, brokenFormulaHint(cell.text, 'type the value'), key);
    } else if (cell.state === 'invalid') {
      words.push({ key, text: cell.text });
    }
  }
  if (words.length > 0) {
    const named = words.map((w) => `${header(w.key)} ${quote(w.text)}`);
    const message =
      words.length === 1
        ? `${named[0]} is not a number.`
        : `${named.slice(0, -1).join(', ')} and ${named[named.length - 1]} are not numbers.`;
    out.add(meta, message, NUMBER_HINT, words[0].key);
  }
  if (type !== 'increase' && type !== 'decrease') return;

  const { start, target } = item;
  if (start.state === 'ok' && target.state === 'ok' && start.value === target.value) {
    out.add(
      meta,
      `Start and Target are both ${start.value}, so there is no distance to measure progress on.`,
      'Set Start to the value at the beginning and Target to the value to reach; to hold a level, set Type to "at least" or "at most".',
      'target',
    );
  } else if (type === 'increase' && start.state === 'blank' && target.state === 'ok' && target.value === 0) {
    out.add(
      meta,
      'Target is 0 and Start is blank (counted as 0), so there is no distance to measure progress on.',
      'Put the value it starts from in Start (Target below Start counts down), or set Type to "at most".',
      'start',
    );
  } else if (type === 'decrease' && start.state === 'blank' && target.state === 'ok') {
    out.add(
      meta,
      'Type is "decrease" but Start is blank, so progress has no value to count down from.',
      out.fill('start', 'Put the value it starts from in Start.'),
      'start',
    );
  }
}
