import { isoFromDay, otherFrameworksText, readingText, type Day, type Plan } from '../../shared/index.js';
import { type Colors } from './terminal.js';
import { plural } from '../../shared/format.js';

/**
 * The first lines of a report: the file, its framework, its row count and the day checked
 * against; for a plan without rows, what to do next.
 */
export function reportHeading(file: string, plan: Plan, today: Day, c: Colors): string[] {
  const lines = [
    c.bold(file) +
      c.dim(` · ${frameworkLine(plan)} · ${plural(plan.items.length, 'row')} · today ${isoFromDay(today)}`),
  ];
  const reading = readingText(plan.reading);
  if (reading !== null) lines.push(c.dim(`Read as: ${reading}`));
  if (plan.items.length === 0) lines.push('', emptyPlanNote(plan));
  return lines;
}

function emptyPlanNote(plan: Plan): string {
  return `The plan has a header but no rows yet: add one row per ${plan.framework.levels.join(', ').toLowerCase()} under it.`;
}

/**
 * "OKR plan", "OKR plan (from its levels)", or, when the levels fit other frameworks as well,
 * "Personal plan (from its levels; Goal, Task fit a Project plan too: choose with --framework)".
 */
export function frameworkLine(plan: Plan): string {
  const name = `${plan.framework.label} plan`;
  if (plan.frameworkSource === 'default') return `${name} (no known levels; choose with --framework)`;
  if (plan.frameworkSource !== 'inferred') return name;
  const alternatives = otherFrameworksText(plan);
  return alternatives === null
    ? `${name} (from its levels)`
    : `${name} (from its levels; ${alternatives}: choose with --framework)`;
}
