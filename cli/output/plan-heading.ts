import type { Plan } from '../../shared/index.js';

/** "OKR plan" or "OKR plan (inferred; choose with --framework)". */
export function frameworkLine(plan: Plan): string {
  const name = `${plan.framework.label} plan`;
  if (plan.frameworkSource === 'inferred') return `${name} (from its levels)`;
  if (plan.frameworkSource === 'default') return `${name} (no known levels; choose with --framework)`;
  return name;
}
