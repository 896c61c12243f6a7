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
  const byId = new Map<string, number>();
  const duplicateIds: number[] = [];
  const firstOfId = new Uint8Array(n); // 1 for the row byId names: the first with its ID
  for (let i = 0; i < n; i++) {
    const key = idKey(items[i].id);
    if (key === '') continue;
    if (byId.has(key)) duplicateIds.push(i);
    else {
      byId.set(key, i);
      firstOfId[i] = 1;
    }
  }

  // A Parent is most often the row above or one of its ancestors (a plan written as an outline):
  // found there by comparing texts, without lowering and hashing it. A row met so that is not its
  // ID's first row, or none met, leaves it to byId.
  const parent = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) {
    const parentId = items[i].parentId;
    if (parentId === '') continue;
    let row = i - 1;
    for (let depth = 0; row >= 0 && depth < 8 && items[row].id !== parentId; depth++) row = parent[row];
    parent[i] = row >= 0 && items[row].id === parentId && firstOfId[row] === 1 ? row : rowNamed(byId, parentId);
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

/** The row an ID text names (by idKey, its first row), -1 when none. */
export function rowNamed(byId: ReadonlyMap<string, number>, parentId: string): number {
  const found = byId.get(idKey(parentId));
  return found === undefined ? -1 : found;
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
function inheritDays(items: readonly PlanItem[], topDown: readonly number[], parent: Int32Array) {
  const dueDate: (Day | null)[] = new Array(items.length).fill(null);
  const startDate: (Day | null)[] = new Array(items.length).fill(null);
  for (const i of topDown) {
    const { dueDate: due, startDate: start } = items[i];
    const p = parent[i];
    dueDate[i] = due.state === 'ok' ? due.value : p >= 0 ? dueDate[p] : null;
    startDate[i] = start.state === 'ok' ? start.value : p >= 0 ? startDate[p] : null;
  }
  return { dueDate, startDate };
}

/** Ancestors of a row, nearest first (the parent links form a forest, so this ends). */
export function ancestorsOf(tree: PlanTree, index: number): number[] {
  const out: number[] = [];
  for (let p = tree.parent[index]; p >= 0; p = tree.parent[p]) out.push(p);
  return out;
}
