import { FRAMEWORKS, isoFromDay, type Day, type Plan } from '../../shared/index.js';
import { plural, type Colors } from './terminal.js';

/**
 * The first lines of a report: the file, its framework, its row count and the day checked
 * against; for a plan without rows, what to do next.
 */
export function reportHeading(file: string, plan: Plan, today: Day, c: Colors): string[] {
  const lines = [c.bold(file) + c.dim(` · ${frameworkLine(plan)} · ${plural(plan.items.length, 'row')} · today ${isoFromDay(today)}`)];
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
  const others = (plan.frameworkAlternatives ?? []).map((id) => FRAMEWORKS[id].label);
  if (others.length === 0) return `${name} (from its levels)`;
  const used = new Set(plan.items.map((item) => item.level));
  const levels = plan.framework.levels.filter((level) => used.has(level));
  const verb = levels.length === 1 ? 'fits' : 'fit';
  const alternatives = others.length === 1 ? others[0] : `${others.slice(0, -1).join(', ')} or ${others[others.length - 1]}`;
  const article = /^[AEIOU]/.test(alternatives) ? 'an' : 'a';
  return `${name} (from its levels; ${levels.join(', ')} ${verb} ${article} ${alternatives} plan too: choose with --framework)`;
}
