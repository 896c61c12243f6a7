import {
  dateOrderNotice,
  duplicateColumnText,
  duplicateColumns,
  otherFrameworksText,
  withArticle,
} from '../../shared/index.js';
import type { CellValue, Plan } from '../../shared/index.js';
import type { PlanNotice } from '../protocol.js';

/**
 * What the sidebar says above the findings about how the plan was read: known columns named twice
 * (one is ignored), how written dates like 06/07/2026 were read (the core's words), and other
 * frameworks the levels fit when the framework was inferred. Empty for a plan read as usual.
 */
export function planNotices(plan: Plan, header: readonly CellValue[]): PlanNotice[] {
  const notices: PlanNotice[] = duplicateColumns(header).map((d) => ({
    level: 'warning',
    text: sentence(duplicateColumnText(d)),
  }));
  const dates = dateOrderNotice(plan);
  if (dates) notices.push({ level: dates.level, text: sentence(dates.text) });
  const alternatives = otherFrameworksText(plan);
  if (alternatives) {
    const text = `Read as ${withArticle(plan.framework.label)} plan from its levels; ${alternatives}: choose the framework in Settings.`;
    notices.push({ level: 'note', text });
  }
  return notices;
}

function sentence(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
