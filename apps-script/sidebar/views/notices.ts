import type { PlanNotice } from '../../protocol.js';
import { fill, h } from '../dom.js';
import { plural } from '../../../shared/format.js';

/** How the plan was read (columns named twice, dates, framework), as plain text above the results. */
export function renderNotices(list: HTMLElement, notices: readonly PlanNotice[]): void {
  fill(list, ...notices.map((notice) => h('li', { className: `notice ${notice.level}` }, notice.text)));
}

/** After a write: the cells someone changed while Cascade worked, which it left as they are ('' for none). */
export function keptEditsText(count: number): string {
  return count > 0 ? `Kept ${plural(count, 'cell')} someone changed while Cascade worked.` : '';
}
