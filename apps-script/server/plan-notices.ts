import { COLUMN_BY_KEY, FRAMEWORKS, columnLetter, dateOrderNotice, duplicateColumns } from '../../shared/index.js';
import type { CellValue, DuplicateColumn, Plan } from '../../shared/index.js';
import type { PlanNotice } from '../protocol.js';

/**
 * What the sidebar says above the findings about how the plan was read: known columns named twice
 * (one is ignored), how written dates like 06/07/2026 were read (the core's words), and other
 * frameworks the levels fit when the framework was inferred. Empty for a plan read as usual.
 */
export function planNotices(plan: Plan, header: readonly CellValue[]): PlanNotice[] {
  const notices: PlanNotice[] = duplicateColumns(header).map((d) => ({ level: 'warning', text: duplicateText(d) }));
  const dates = dateOrderNotice(plan);
  if (dates) notices.push({ level: dates.level, text: sentence(dates.text) });
  const alternatives = alternativesText(plan);
  if (alternatives) notices.push({ level: 'note', text: alternatives });
  return notices;
}

/** "Columns E and I are both Owner; Cascade reads E and ignores I. Rename or remove one." (as the command says it) */
function duplicateText(d: DuplicateColumn): string {
  const letters = [d.read, ...d.ignored].map(columnLetter);
  const both = letters.length === 2 ? 'both' : 'all';
  return `Columns ${list(letters, 'and')} are ${both} ${COLUMN_BY_KEY[d.key].header}; Cascade reads ${letters[0]} and ignores ${letters.slice(1).join(', ')}. Rename or remove one.`;
}

/** "Read as a Personal plan from its levels; Goal, Task fit a Project plan too: choose the framework in Settings." */
function alternativesText(plan: Plan): string | null {
  const others = plan.frameworkSource === 'inferred' ? (plan.frameworkAlternatives ?? []) : [];
  if (others.length === 0) return null;
  const used = new Set(plan.items.map((item) => item.level));
  const levels = plan.framework.levels.filter((level) => used.has(level));
  const fit = levels.length === 1 ? 'fits' : 'fit';
  const names = list(others.map((id) => FRAMEWORKS[id].label), 'or');
  const label = plan.framework.label;
  return `Read as ${article(label)} ${label} plan from its levels; ${levels.join(', ')} ${fit} ${article(names)} ${names} plan too: choose the framework in Settings.`;
}

function article(word: string): string {
  return /^[AEIOU]/.test(word) ? 'an' : 'a';
}

function list(words: readonly string[], last: 'and' | 'or'): string {
  return words.length === 1 ? words[0] : `${words.slice(0, -1).join(', ')} ${last} ${words[words.length - 1]}`;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
