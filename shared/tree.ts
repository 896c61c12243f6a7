import type { Day, PlanItem, PlanTree } from './types.js';

const NO_CHILDREN: number[] = Object.freeze([]) as unknown as number[];

/** How IDs are compared: trimmed, case-insensitive. */
export function idKey(id: string): string {
  return id.trim().toLowerCase();
}

/**
 * The cascade of a plan's items, in time linear in the rows: parents by Parent ID, children,
 * duplicate IDs, cycles (found by walking each Parent chain once, never recursing), a top-down
 * order, and start/due dates inherited from the nearest ancestor that has one.
 *
 * A row whose Parent is blank, names no row, or lies on a cycle gets parent -1, so the links that
 * remain always form a forest; rows hanging below a cycle keep their parent.
 */
export function buildTree(items: readonly PlanItem[]): PlanTree {
  const n = items.length;
  // Set from the last row up, so each ID keeps its first row: one Map operation per row. Only
  // when fewer IDs than rows with one went in does a second pass find the repeats.
  const byId = new Map<string, number>();
  const keys: string[] = new Array(n);
  let withId = 0;
  for (let i = n - 1; i >= 0; i--) {
    const key = (keys[i] = idKey(items[i].id));
    if (key === '') continue;
    byId.set(key, i);
    withId++;
  }
  const duplicateIds: number[] = [];
  const firstOfId = new Uint8Array(n); // 1 for the row byId names: the first with its ID
  for (let i = 0; i < n; i++) {
    if (keys[i] === '') continue;
    if (withId === byId.size || byId.get(keys[i]) === i) firstOfId[i] = 1;
    else duplicateIds.push(i);
  }

  const parent = new Int32Array(n).fill(-1);
  const findParent = parentFinder(byId);
  for (let i = 0; i < n; i++) {
    const parentId = items[i].parentId;
    if (parentId === '') continue;
    parent[i] = outlineParent(items, parent, firstOfId, i, parentId) ?? findParent(parentId) ?? -1;
  }

  const inCycle = markCycles(parent);
  for (let i = 0; i < n; i++) if (inCycle[i]) parent[i] = -1;

  const children = childLists(parent);

  // Breadth-first from the roots; once cycles are cut every row is reachable from a root.
  const topDown: number[] = [];
  for (let i = 0; i < n; i++) if (parent[i] < 0) topDown.push(i);
  for (let head = 0; head < topDown.length; head++) {
    const kids = children[topDown[head]];
    for (let k = 0; k < kids.length; k++) topDown.push(kids[k]);
  }

  const { dueDate, startDate } = inheritDays(items, topDown, parent);
  return { parent, children, inCycle, byId, duplicateIds, topDown, dueDate, startDate };
}

/**
 * The row a Parent text names (by idKey), undefined when none. Siblings stand together and name
 * the same parent: a run of them is looked up once, not lowered and hashed again for each.
 */
export function parentFinder(byId: ReadonlyMap<string, number>): (parentId: string) => number | undefined {
  let lastText: string | null = null;
  let last: number | undefined;
  return (text) => {
    if (text !== lastText) {
      lastText = text;
      const key = idKey(text);
      last = key === '' ? undefined : byId.get(key);
    }
    return last;
  };
}

/** How far up from the row above a Parent is looked for by its text before it is looked up by key. */
const OUTLINE_DEPTH = 8;

/**
 * The row a Parent names when it is the row above or one of that row's ancestors (a plan written
 * as an outline) with exactly that ID, and the first with it: found by comparing a few texts,
 * without lowering and hashing the Parent. Undefined when not found so (then byId decides).
 */
function outlineParent(
  items: readonly PlanItem[],
  parent: Int32Array,
  firstOfId: Uint8Array,
  index: number,
  parentId: string,
): number | undefined {
  let row = index - 1;
  for (let depth = 0; row >= 0 && depth < OUTLINE_DEPTH; depth++, row = parent[row]) {
    if (items[row].id === parentId) return firstOfId[row] === 1 ? row : undefined;
  }
  return undefined;
}

/**
 * Each row's children, in plan order. Leaves share one frozen empty list (100,000 rows would
 * otherwise mean 100,000 arrays), and each list is made at its final length: a list grown by
 * push holds room for 17 children, which on a 1,000,000-row plan is tens of megabytes unused.
 */
function childLists(parent: Int32Array): number[][] {
  const n = parent.length;
  const count = new Int32Array(n);
  for (let i = 0; i < n; i++) if (parent[i] >= 0) count[parent[i]]++;
  const children: number[][] = new Array(n);
  for (let i = 0; i < n; i++) children[i] = count[i] === 0 ? NO_CHILDREN : new Array<number>(count[i]);
  const filled = count.fill(0);
  for (let i = 0; i < n; i++) {
    const p = parent[i];
    if (p >= 0) children[p][filled[p]++] = i;
  }
  return children;
}

/**
 * Marks the rows that lie on a Parent loop (a self-loop included). Each row is visited once: a
 * walk up the Parent chain stops at a row already settled, and when it meets a row of its own
 * walk, the rows from there on form a cycle.
 */
function markCycles(parent: Int32Array): Uint8Array {
  const n = parent.length;
  const inCycle = new Uint8Array(n);
  const state = new Uint8Array(n); // 0 unseen, 1 on the current walk, 2 settled
  const walk = new Int32Array(n); // the current walk: walk[0..length)
  for (let start = 0; start < n; start++) {
    if (state[start] !== 0) continue;
    let length = 0;
    let node = start;
    while (node >= 0 && state[node] === 0) {
      state[node] = 1;
      walk[length++] = node;
      node = parent[node];
    }
    if (node >= 0 && state[node] === 1) {
      for (let k = length - 1; k >= 0; k--) {
        inCycle[walk[k]] = 1;
        if (walk[k] === node) break;
      }
    }
    for (let k = 0; k < length; k++) state[walk[k]] = 2;
  }
  return inCycle;
}

/** Each row's due and start date, its own or else its parent's (one walk: the rows are visited out of order). */
function inheritDays(
  items: readonly PlanItem[],
  topDown: readonly number[],
  parent: Int32Array,
): { dueDate: (Day | null)[]; startDate: (Day | null)[] } {
  const dueDate: (Day | null)[] = new Array(items.length).fill(null);
  const startDate: (Day | null)[] = new Array(items.length).fill(null);
  for (let k = 0; k < topDown.length; k++) {
    const i = topDown[k];
    const item = items[i];
    const p = parent[i];
    if (item.dueDate.state === 'ok') dueDate[i] = item.dueDate.value;
    else if (p >= 0) dueDate[i] = dueDate[p];
    if (item.startDate.state === 'ok') startDate[i] = item.startDate.value;
    else if (p >= 0) startDate[i] = startDate[p];
  }
  return { dueDate, startDate };
}

/** Ancestors of a row, nearest first (the parent links form a forest, so this ends). */
export function ancestorsOf(tree: PlanTree, index: number): number[] {
  const out: number[] = [];
  for (let p = tree.parent[index]; p >= 0; p = tree.parent[p]) out.push(p);
  return out;
}
