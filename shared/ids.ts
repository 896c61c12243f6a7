import { idKey } from './tree.js';
import type { LevelName, Plan, PlanItem } from './types.js';

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
  const ids = assignIds(
    items,
    (i) => tree.parent[i],
    (i) => items[i].parentId !== '',
  );
  const filled: { index: number; row: number; id: string }[] = [];
  for (let i = 0; i < items.length; i++)
    if (items[i].id === '') filled.push({ index: i, row: items[i].row, id: ids[i] });
  return filled;
}

/**
 * Every item's ID: its own, else a new one as fillBlankIds numbers them. `parentOf(i)` is the
 * index of the item's parent (-1 for none) and must come before it in `items` when it has no ID
 * either (its new ID is then continued: O1 → KR1.1 → T1.1.1); `namesParent(i)` says the row
 * names a parent that was not found (it is then numbered flat, T-17, not as a top-level row).
 */
export function assignIds(
  items: readonly PlanItem[],
  parentOf: (index: number) => number,
  namesParent: (index: number) => boolean,
): string[] {
  const ids = items.map((item) => item.id);
  const taken = new Set<string>();
  for (const id of ids) if (id !== '') taken.add(idKey(id));
  const next = new Map<string, { n: number }>(); // base and separator → next number to try
  // New IDs never meet each other (each base and separator counts on its own, and no two give one
  // text): only IDs written in the table can be in the way. A table without any (a side-by-side
  // sheet) skips the lookups, a fifth of reading it.
  const written = taken.size > 0;
  // Rows in a row share their base (the key results of one objective): looked up once for them.
  let lastPrefix = '';
  let lastPath: string | null = null;
  let lastSeparator = '';
  let counter = { n: 1 };

  const claim = (prefix: string, path: string, separator: string): string => {
    const base = prefix + path;
    if (prefix !== lastPrefix || path !== lastPath || separator !== lastSeparator) {
      const key = `${base}\u0000${separator}`;
      let found = next.get(key);
      if (found === undefined) next.set(key, (found = { n: 1 }));
      counter = found;
      lastPrefix = prefix;
      lastPath = path;
      lastSeparator = separator;
    }
    if (written) while (taken.has(idKey(`${base}${separator}${counter.n}`))) counter.n++;
    const id = `${base}${separator}${counter.n++}`;
    if (written) taken.add(idKey(id));
    return id;
  };

  // Children follow their parent: its number path is worked out once for all of them.
  let pathOf = -1;
  let path: string | null = null;
  let pathFits = false;
  for (let i = 0; i < items.length; i++) {
    if (ids[i] !== '') continue;
    const item = items[i];
    const prefix = item.level === null ? UNKNOWN_PREFIX : ID_PREFIX[item.level];
    const p = parentOf(i);
    if (p >= 0 && p !== pathOf) {
      pathOf = p;
      path = numberPath(ids[p]);
      pathFits = path !== null && path.split('.').length < MAX_PATH_PARTS;
    }
    if (p < 0 && !namesParent(i)) ids[i] = claim(prefix, '', '');
    else if (p >= 0 && pathFits) ids[i] = claim(prefix, path as string, '.');
    else ids[i] = claim(prefix, '', '-');
  }
  return ids;
}

/** "KR1.2" → "1.2", "O3" → "3"; null when the ID does not end in a number. */
function numberPath(id: string): string | null {
  const m = /(\d+(?:\.\d+)*)$/.exec(id.trim());
  return m ? m[1] : null;
}
