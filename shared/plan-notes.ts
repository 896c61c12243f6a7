// How the plan was read, in words the command and the sidebar both show: columns named twice,
// and other frameworks the levels would fit. One wording, so the two never drift apart.
import { COLUMN_BY_KEY, columnLetter } from './columns.js';
import { withArticle } from './format.js';
import { FRAMEWORKS } from './frameworks.js';
import type { DuplicateColumn } from './columns.js';
import type { Plan, PlanReading } from './types.js';

/** "columns E and I are both Owner; Cascade reads E and ignores I. Rename or remove one." */
export function duplicateColumnText(d: DuplicateColumn): string {
  const letters = [d.read, ...d.ignored].map(columnLetter);
  const both = letters.length === 2 ? 'both' : 'all';
  return (
    `columns ${listOf(letters, 'and')} are ${both} ${COLUMN_BY_KEY[d.key].header}; ` +
    `Cascade reads ${letters[0]} and ignores ${letters.slice(1).join(', ')}. Rename or remove one.`
  );
}

/**
 * "Goal, Task fit a Project plan too" when the framework was inferred and the levels used fit
 * other frameworks as well; null otherwise.
 */
export function otherFrameworksText(plan: Plan): string | null {
  const others = plan.frameworkSource === 'inferred' ? (plan.frameworkAlternatives ?? []) : [];
  if (others.length === 0) return null;
  const used = new Set(plan.items.map((item) => item.level));
  const levels = plan.framework.levels.filter((level) => used.has(level));
  const fit = levels.length === 1 ? 'fits' : 'fit';
  return `${levels.join(', ')} ${fit} ${withArticle(
    listOf(
      others.map((id) => FRAMEWORKS[id].label),
      'or',
    ),
  )} plan too`;
}

function listOf(words: readonly string[], last: 'and' | 'or'): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

/**
 * How the plan was read, in one line for a report's heading ("Title from Description · levels
 * from the Objective and Key Result columns · IDs made up where none was written (O1, KR1.1, …)");
 * null for a plan in Cascade's own layout read by its own headers.
 */
export function readingText(reading: PlanReading | undefined): string | null {
  if (!reading || reading.summary.length === 0) return null;
  return reading.summary.join(' · ');
}

/** How the plan was read, for JSON output: layout, header → field, where levels, parents and IDs came from, the guesses. */
export function readingJson(reading: PlanReading | undefined) {
  if (!reading) return null;
  const columns: Record<string, string> = {};
  for (const c of reading.columns) columns[c.header] = COLUMN_BY_KEY[c.key].header;
  for (const c of reading.levelColumns) columns[c.header] = `Level: ${c.level}`;
  return {
    layout: reading.layout,
    columns,
    levels: reading.levels,
    parents: reading.parents,
    ids: reading.ids,
    ...(reading.depthLevels ? { depthLevels: reading.depthLevels } : {}),
    summary: reading.summary,
    guesses: reading.guesses,
  };
}
