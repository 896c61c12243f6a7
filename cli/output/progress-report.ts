import {
  isoFromDay,
  NO_PACE,
  readingJson,
  roundFraction,
  TREND_PACE_ORDER,
  type Day,
  type Plan,
  type ProgressItem,
  type Trend,
  type TrendPace,
} from '../../shared/index.js';
import { reportHeading } from './plan-heading.js';
import { bar, pad, truncate, widthOf, type Colors } from './terminal.js';
import { percentText } from '../../shared/format.js';

/** `progress --format json`, exactly as cli.md documents it. */
export function progressJson(
  file: string,
  plan: Plan,
  today: Day,
  items: readonly ProgressItem[],
  trends?: readonly Trend[],
) {
  return {
    file,
    framework: plan.framework.id,
    today: isoFromDay(today),
    reading: readingJson(plan.reading),
    items: items.map((i, k) => ({
      row: i.row,
      id: i.id,
      level: i.level,
      title: plan.items[k].title,
      parent: parentId(plan, k),
      progress: roundFraction(i.progress),
      expected: roundFraction(i.expected),
      status: i.status,
      ...(i.measured ? { measured: i.measured } : {}),
      // With a check-in history: the pace with `trending off track`/`paused`, and the forecast at the due date.
      ...(trends ? { trend: trends[k].pace, forecast: roundFraction(trends[k].forecast) } : {}),
    })),
  };
}

/** The ID of an item's parent in the cascade (as linked, so a Parent naming no row is null). */
function parentId(plan: Plan, index: number): string | null {
  const p = plan.tree.parent[index];
  return p >= 0 ? plan.items[p].id || null : null;
}

const BAR_WIDTH = 10;
const MAX_ID_WIDTH = 24;
const MAX_TITLE_WIDTH = 60;
const MIN_TITLE_WIDTH = 16;

export interface ProgressTextOptions {
  colors: Colors;
  width: number;
  /** Draw progress bars (on a terminal). */
  bars: boolean;
  /** Pace per row with the check-in history (trending off track, paused), in place of today's pace. */
  paces?: readonly (TrendPace | null)[];
}

/**
 * The progress table: the cascade top-down, children indented under their parent, with each
 * row's progress, the progress expected by today and its pace; then a count per pace.
 */
export function progressText(
  file: string,
  plan: Plan,
  today: Day,
  items: readonly ProgressItem[],
  options: ProgressTextOptions,
): string {
  const c = options.colors;
  const lines = reportHeading(file, plan, today, c);
  if (plan.items.length === 0) return lines.join('\n') + '\n';

  const { order, depth } = cascadeOrder(plan);
  const ids = order.map((i) => {
    const indent = '  '.repeat(Math.min(depth[i], 6));
    return indent + truncate(items[i].id || '—', MAX_ID_WIDTH - indent.length);
  });
  const levels = order.map((i) => plan.items[i].level ?? (plan.items[i].levelText || '—'));
  const rowWidth = Math.max(3, String(plan.items[plan.items.length - 1].row).length);
  const idWidth = maxWidth(ids, 2);
  const levelWidth = maxWidth(levels, 5);
  const progressWidth = options.bars ? BAR_WIDTH + 5 : 8;
  const fixed = rowWidth + idWidth + levelWidth + progressWidth + 8 + 11 + 12;
  const titleWidth = Math.max(MIN_TITLE_WIDTH, Math.min(MAX_TITLE_WIDTH, options.width - fixed));

  lines.push(
    '',
    c.dim(
      [
        pad('Row', rowWidth, 'right'),
        pad('ID', idWidth),
        pad('Level', levelWidth),
        pad('Title', titleWidth),
        pad('Progress', progressWidth, 'right'),
        pad('Expected', 8, 'right'),
        'Pace',
      ].join('  '),
    ),
  );
  order.forEach((index, k) => {
    const item = items[index];
    const progressCell = options.bars
      ? `${c.cyan(bar(item.progress, BAR_WIDTH))} ${pad(percentText(item.progress), 4, 'right')}`
      : pad(percentText(item.progress), progressWidth, 'right');
    lines.push(
      [
        pad(String(item.row), rowWidth, 'right'),
        pad(ids[k], idWidth),
        c.dim(pad(levels[k], levelWidth)),
        pad(truncate(plan.items[index].title, titleWidth), titleWidth),
        progressCell,
        pad(percentText(item.expected), 8, 'right'),
        paceText(options.paces?.[index] ?? item.status, c) + (item.note ? c.dim(` (${item.note})`) : ''),
      ].join('  '),
    );
  });
  lines.push(
    '',
    paceSummary(
      items.map((item, i) => options.paces?.[i] ?? item.status),
      c,
    ),
  );
  return lines.join('\n') + '\n';
}

function paceText(status: TrendPace | null, c: Colors, label: string = status ?? NO_PACE): string {
  switch (status) {
    case 'trending off track':
      return c.yellow(label);
    case 'done':
    case 'on track':
      return c.green(label);
    case 'at risk':
      return c.yellow(label);
    case 'off track':
      return c.red(label);
    case 'overdue':
      return c.bold(c.red(label));
    default:
      return c.dim(label);
  }
}

function paceSummary(paces: readonly (TrendPace | null)[], c: Colors): string {
  const counts = new Map<TrendPace | null, number>();
  for (const pace of paces) counts.set(pace, (counts.get(pace) ?? 0) + 1);
  const parts = TREND_PACE_ORDER.filter((s) => counts.has(s)).map((s) =>
    paceText(s, c, `${counts.get(s)!.toLocaleString('en-US')} ${s}`),
  );
  if (counts.has(null)) parts.push(c.dim(`${counts.get(null)!.toLocaleString('en-US')} without dates`));
  return `Pace: ${parts.join(' · ')}`;
}

/**
 * The plan top-down: each top-level row (in sheet order) followed by its descendants, children in
 * sheet order; rows caught in a parent loop come last. Iterative, so a deep chain cannot overflow.
 */
export function cascadeOrder(plan: Plan): { order: number[]; depth: Int32Array } {
  const { items, tree } = plan;
  const depth = new Int32Array(items.length);
  const seen = new Uint8Array(items.length);
  const order: number[] = [];
  const stack: number[] = [];
  for (let root = 0; root < items.length; root++) {
    if (tree.parent[root] !== -1 || seen[root]) continue;
    stack.push(root);
    while (stack.length > 0) {
      const index = stack.pop()!;
      if (seen[index]) continue;
      seen[index] = 1;
      order.push(index);
      const children = tree.children[index] ?? [];
      for (let k = children.length - 1; k >= 0; k--) {
        const child = children[k];
        if (!seen[child]) {
          depth[child] = depth[index] + 1;
          stack.push(child);
        }
      }
    }
  }
  for (let index = 0; index < items.length; index++) if (!seen[index]) order.push(index);
  return { order, depth };
}

function maxWidth(values: readonly string[], min: number): number {
  let width = min;
  for (const value of values) width = Math.max(width, widthOf(value));
  return width;
}
