import { idKey } from './tree.js';
import type { LevelName, Plan } from './types.js';

/** The prefix of generated IDs, per level. */
export const ID_PREFIX: Readonly<Record<LevelName, string>> = {
  Purpose: 'P',
  Vision: 'V',
  Outcome: 'OC',
  Goal: 'G',
  Objective: 'O',
  'Key Result': 'KR',
  Milestone: 'M',
  Subgoal: 'SG',
  Tactic: 'TC',
  Task: 'T',
};
/** Prefix for a row whose Level is blank or unknown. */
const UNKNOWN_PREFIX = 'R';
/** Hierarchical numbers stop at three parts (T1.2.3); deeper rows are numbered flat (T-17). */
const MAX_PATH_PARTS = 3;

/**
 * New IDs for rows with a blank ID, unique in the plan case-insensitively; existing IDs are never
 * changed. A row below a parent numbered like `O1` or `KR1.2` continues its numbers (`KR1.3`,
 * `T1.2.1`); a top-level row takes the next free number of its level (`O3`, `G2`); deeper rows
 * and rows whose parent has no number are numbered flat per level (`T-17`). Rows are numbered
 * in sheet order. (A Parent can only name a row that has an ID, so no new ID depends on another.)
 */
export function fillBlankIds(plan: Plan): { index: number; row: number; id: string }[] {
  const { items, tree } = plan;
  const taken = new Set<string>();
  for (const item of items) if (item.id !== '') taken.add(idKey(item.id));
  const next = new Map<string, number>(); // base → next number to try
  const filled: { index: number; row: number; id: string }[] = [];

  const claim = (base: string, separator: string): string => {
    const key = `${base}\u0000${separator}`;
    let n = next.get(key) ?? 1;
    while (taken.has(idKey(`${base}${separator}${n}`))) n++;
    next.set(key, n + 1);
    const id = `${base}${separator}${n}`;
    taken.add(idKey(id));
    return id;
  };

  for (let i = 0; i < items.length; i++) {
    const item = items[i];
    if (item.id !== '') continue;
    const prefix = item.level === null ? UNKNOWN_PREFIX : ID_PREFIX[item.level];
    const p = tree.parent[i];
    const parentPath = p >= 0 ? numberPath(items[p].id) : null;
    let id: string;
    if (p < 0 && item.parentId === '') id = claim(prefix, '');
    else if (parentPath !== null && parentPath.split('.').length < MAX_PATH_PARTS) id = claim(`${prefix}${parentPath}`, '.');
    else id = claim(prefix, '-');
    filled.push({ index: i, row: item.row, id });
  }
  return filled;
}

/** "KR1.2" → "1.2", "O3" → "3"; null when the ID does not end in a number. */
function numberPath(id: string): string | null {
  const m = /(\d+(?:\.\d+)*)$/.exec(id.trim());
  return m ? m[1] : null;
}
