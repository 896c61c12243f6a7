// Trend pictures in the Progress tab: a sparkline per measured row and a burn-up for a parent, drawn
// by the core's chart functions (inline SVG from numbers; the only text in them is escaped).
import { burnUpSvg, sparklineSvg } from '../../../shared/checkins/charts.js';
import type { ProgressView } from '../../protocol.js';
import { h } from '../dom.js';

function svgNode(svg: string): Node | null {
  if (svg === '') return null;
  const parsed = new DOMParser().parseFromString(svg, 'image/svg+xml').documentElement;
  return parsed.nodeName === 'svg' ? document.importNode(parsed, true) : null;
}

/** The row's check-ins as a small line (two or more check-ins), else nothing. */
export function sparkline(item: ProgressView): HTMLElement | null {
  const points = item.trend?.points ?? [];
  const node = svgNode(
    sparklineSvg(points, {
      width: 48,
      height: 16,
      label: `${item.id}: progress at its last ${points.length} check-ins`,
    }),
  );
  return node ? h('span', { className: 'spark' }, node) : null;
}

/** A parent's progress over time against the ideal line from Start date to Due date. */
export function burnUp(item: ProgressView): HTMLElement | null {
  const trend = item.trend;
  if (!trend || trend.points.length < 2 || item.children.length === 0) return null;
  const today = trend.points[trend.points.length - 1].day;
  const node = svgNode(
    burnUpSvg(
      { points: trend.points, start: trend.start, due: trend.due, today, forecast: trend.forecast },
      { width: 268, height: 84, label: `${item.id}: progress over time against the ideal line` },
    ),
  );
  return node
    ? h(
        'div',
        {
          className: 'burnup',
          attrs: { title: 'Dashed: the ideal pace from Start date to Due date. Dotted: the forecast.' },
        },
        node,
      )
    : null;
}
