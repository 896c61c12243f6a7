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
 * and rows whose parent has no number are numbered flat per level (`T-17`). Parents are filled
 * before their children, so a new Objective's key results follow its new ID.
 */
export function fillBlankIds(plan: Plan): { index: number; row: number; id: string }[] {
  const { items, tree } = plan;
  const taken = new Set<string>();
  for (const item of items) if (item.id !== '') taken.add(idKey(item.id));
  const ids = items.map((item) => item.id);
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

  for (const i of tree.topDown) {
    if (ids[i] !== '') continue;
    const item = items[i];
    const prefix = item.level === null ? UNKNOWN_PREFIX : ID_PREFIX[item.level];
    const p = tree.parent[i];
    const parentPath = p >= 0 ? numberPath(ids[p]) : null;
    let id: string;
    if (p < 0 && item.parentId === '') id = claim(prefix, '');
    else if (parentPath !== null && parentPath.split('.').length < MAX_PATH_PARTS) id = claim(`${prefix}${parentPath}`, '.');
    else id = claim(prefix, '-');
    ids[i] = id;
    filled.push({ index: i, row: item.row, id });
  }
  filled.sort((a, b) => a.index - b.index);
  return filled;
}

/** "KR1.2" → "1.2", "O3" → "3"; null when the ID does not end in a number. */
function numberPath(id: string): string | null {
  const m = /(\d+(?:\.\d+)*)$/.exec(id.trim());
  return m ? m[1] : null;
}
