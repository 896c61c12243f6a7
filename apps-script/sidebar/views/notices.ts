import type { PlanNotice } from '../../protocol.js';
import { fill, h } from '../dom.js';

/** How the plan was read (columns named twice, dates, framework), as plain text above the results. */
export function renderNotices(list: HTMLElement, notices: readonly PlanNotice[]): void {
  fill(list, ...notices.map((notice) => h('li', { className: `notice ${notice.level}` }, notice.text)));
}
