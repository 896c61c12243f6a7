// How the plan was read, in words the command and the sidebar both show: columns named twice,
// and other frameworks the levels would fit. One wording, so the two never drift apart.
import { COLUMN_BY_KEY, columnLetter } from './columns.js';
import { FRAMEWORKS } from './frameworks.js';
import type { DuplicateColumn } from './columns.js';
import type { Plan } from './types.js';

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
  return `${levels.join(', ')} ${fit} ${withArticle(listOf(others.map((id) => FRAMEWORKS[id].label), 'or'))} plan too`;
}

/** "OKR" → "an OKR", "Project" → "a Project". */
export function withArticle(word: string): string {
  return `${/^[AEIOU]/.test(word) ? 'an' : 'a'} ${word}`;
}

function listOf(words: readonly string[], last: 'and' | 'or'): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}
