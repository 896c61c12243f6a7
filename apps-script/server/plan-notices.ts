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
 * (one is ignored), columns read as a guess on a sheet without a mapping (with the way to the
 * mapping form), how written dates like 06/07/2026 were read (the core's words), and other
 * frameworks the levels fit when the framework was inferred. Empty for a plan read as usual.
 */
export function planNotices(plan: Plan, header: readonly CellValue[], mapped: boolean): PlanNotice[] {
  const notices: PlanNotice[] = duplicateColumns(header).map((d) => ({
    level: 'warning',
    text: sentence(duplicateColumnText(d)),
  }));
  const guesses = plan.reading?.guesses ?? [];
  // A sheet read without a mapping, some of its columns guessed ("Title from Label"): the command
  // warns the same way; here the way to say otherwise is the mapping form.
  if (!mapped && guesses.length > 0) {
    notices.push({
      level: 'warning',
      text: `Read ${guesses.join('; ')}: a guess. If a column is wrong, choose Use this sheet to say which is which.`,
      action: 'use-this-sheet',
    });
  }
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
