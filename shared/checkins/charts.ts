// Trend pictures as inline SVG text, for the command's report and the sidebar (no chart library):
// a sparkline of a row's check-ins, and a burn-up of progress against the ideal line.
import { isoFromDay } from '../dates.js';
import type { Day } from '../types.js';

export interface ChartPoint {
  day: Day;
  /** A fraction; drawn clamped to 0..1. */
  progress: number;
}

const clamp = (v: number) => Math.max(0, Math.min(1, v));
const fixed = (v: number) => (Math.round(v * 10) / 10).toString();

/** A small line of the points (first to last day), the last point marked; '' with fewer than two points. */
export function sparklineSvg(
  points: readonly ChartPoint[],
  options: { width?: number; height?: number; label?: string } = {},
): string {
  if (points.length < 2) return '';
  const width = options.width ?? 80;
  const height = options.height ?? 20;
  const first = points[0].day;
  const span = Math.max(1, points[points.length - 1].day - first);
  const xy = points.map((p) => [
    2 + ((p.day - first) / span) * (width - 4),
    height - 2 - clamp(p.progress) * (height - 4),
  ]);
  const [lx, ly] = xy[xy.length - 1];
  const label = escapeText(
    options.label ??
      `Progress at ${points.length} check-ins, ${isoFromDay(first)} to ${isoFromDay(points[points.length - 1].day)}`,
  );
  return (
    `<svg class="spark" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">` +
    `<polyline fill="none" stroke="currentColor" stroke-width="1.5" stroke-linejoin="round" points="${xy.map(([x, y]) => `${fixed(x)},${fixed(y)}`).join(' ')}"/>` +
    `<circle cx="${fixed(lx)}" cy="${fixed(ly)}" r="2" fill="currentColor"/></svg>`
  );
}

export interface BurnUp {
  points: readonly ChartPoint[];
  /** Start and due of the ideal line (null: from the first point / to the last point). */
  start: Day | null;
  due: Day | null;
  today: Day;
  /** Forecast progress at the due date, drawn as a dotted line from the last point. */
  forecast?: number | null;
}

/**
 * Progress over time against the ideal line from Start date (0 %) to Due date (100 %), with today
 * marked and the forecast dotted. '' when there is nothing to draw (no points, no dates).
 */
export function burnUpSvg(chart: BurnUp, options: { width?: number; height?: number; label?: string } = {}): string {
  const width = options.width ?? 240;
  const height = options.height ?? 90;
  const pad = { left: 26, right: 6, top: 6, bottom: 14 };
  const days = chart.points.map((p) => p.day);
  const from = Math.min(chart.start ?? Infinity, ...days, chart.today);
  const to = Math.max(chart.due ?? -Infinity, ...days, chart.today);
  if (chart.points.length === 0 || !Number.isFinite(from) || !Number.isFinite(to)) return '';
  const span = Math.max(1, to - from);
  const x = (day: Day) => pad.left + ((day - from) / span) * (width - pad.left - pad.right);
  const y = (p: number) => pad.top + (1 - clamp(p)) * (height - pad.top - pad.bottom);
  const parts: string[] = [];
  for (const level of [0, 0.5, 1]) {
    parts.push(
      `<line x1="${pad.left}" x2="${width - pad.right}" y1="${fixed(y(level))}" y2="${fixed(y(level))}" stroke="#dadce0" stroke-width="0.5"/>`,
    );
    parts.push(
      `<text x="${pad.left - 3}" y="${fixed(y(level) + 3)}" text-anchor="end" font-size="8" fill="#5f6368">${level * 100}%</text>`,
    );
  }
  if (chart.start !== null && chart.due !== null && chart.due > chart.start) {
    parts.push(
      `<line class="ideal" x1="${fixed(x(chart.start))}" y1="${fixed(y(0))}" x2="${fixed(x(chart.due))}" y2="${fixed(y(1))}" stroke="#9aa0a6" stroke-width="1" stroke-dasharray="3 2"/>`,
    );
  }
  const tx = fixed(x(chart.today));
  parts.push(
    `<line x1="${tx}" x2="${tx}" y1="${pad.top + 8}" y2="${height - pad.bottom}" stroke="#1a73e8" stroke-width="0.75" opacity="0.6"/>`,
  );
  parts.push(`<text x="${tx}" y="${pad.top + 5}" text-anchor="middle" font-size="7.5" fill="#1a73e8">today</text>`);
  const last = chart.points[chart.points.length - 1];
  if (chart.forecast !== null && chart.forecast !== undefined && chart.due !== null && chart.due > last.day) {
    parts.push(
      `<line class="forecast" x1="${fixed(x(last.day))}" y1="${fixed(y(last.progress))}" x2="${fixed(x(chart.due))}" y2="${fixed(y(chart.forecast))}" stroke="currentColor" stroke-width="1" stroke-dasharray="1 2"/>`,
    );
  }
  const line = chart.points.map((p) => `${fixed(x(p.day))},${fixed(y(p.progress))}`).join(' ');
  parts.push(
    `<polyline class="actual" fill="none" stroke="currentColor" stroke-width="1.75" stroke-linejoin="round" points="${line}"/>`,
  );
  for (const p of chart.points.length <= 30 ? chart.points : [last])
    parts.push(`<circle cx="${fixed(x(p.day))}" cy="${fixed(y(p.progress))}" r="1.6" fill="currentColor"/>`);
  parts.push(`<text x="${pad.left}" y="${height - 3}" font-size="8" fill="#5f6368">${isoFromDay(from)}</text>`);
  parts.push(
    `<text x="${width - pad.right}" y="${height - 3}" font-size="8" fill="#5f6368" text-anchor="end">${isoFromDay(to)}</text>`,
  );
  const label = escapeText(options.label ?? 'Progress over time against the ideal line');
  return `<svg class="burnup" xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" role="img" aria-label="${label}">${parts.join('')}</svg>`;
}

/** Text for HTML content or a double-quoted attribute. */
export function escapeText(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
