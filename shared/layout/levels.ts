// Levels from depth: outline numbers (1, 1.1), level numbers (2, 3) and parent chains carry a
// depth, not a level name; the depth is read against a framework.
import { ALL_LEVELS, FRAMEWORKS } from '../frameworks.js';
import type { Framework, LevelName, PlanItem } from '../types.js';

/**
 * The level of each depth (depth 1 first): the given framework's levels; else a framework
 * starting at `top` (the smallest); else OKR for up to three depths, Project for four, Alignment
 * for more. Depths past the last level stay on the last level.
 */
export function depthLevels(count: number, framework?: Framework, top?: LevelName): LevelName[] {
  let levels: readonly LevelName[];
  if (framework) levels = framework.levels;
  else if (top) {
    const tails = Object.values(FRAMEWORKS)
      .filter((f) => f.levels.includes(top))
      .map((f) => f.levels.slice(f.levels.indexOf(top)))
      .sort((a, b) => a.length - b.length);
    levels = tails.find((tail) => tail.length >= count) ?? tails[tails.length - 1] ?? [top];
  } else if (count <= 3) levels = FRAMEWORKS.okr.levels;
  else if (count === 4) levels = FRAMEWORKS.project.levels;
  else levels = FRAMEWORKS.alignment.levels;
  return Array.from({ length: Math.max(count, 1) }, (_, d) => levels[Math.min(d, levels.length - 1)]);
}

/** Higher levels first, across frameworks (Goal above Objective above Key Result above Task). */
export function levelRank(level: LevelName | null): number {
  return level === null ? -1 : ALL_LEVELS.indexOf(level);
}

/**
 * Each row's parent by the order of rows: the nearest row above it of a higher level (rows
 * without a known level have none and are no one's parent). Linear: a stack of open rows.
 */
export function parentsByOrder(items: readonly PlanItem[]): Int32Array {
  const parent = new Int32Array(items.length).fill(-1);
  const stack: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const rank = levelRank(items[i].level);
    if (rank < 0) continue;
    while (stack.length > 0 && levelRank(items[stack[stack.length - 1]].level) >= rank) stack.pop();
    if (stack.length > 0) parent[i] = stack[stack.length - 1];
    stack.push(i);
  }
  return parent;
}
