import type { PlanNotice } from '../../protocol.js';
import { fill, h } from '../dom.js';
import { plural } from '../../../shared/format.js';

/**
 * How the plan was read (columns named twice or guessed, dates, framework), as plain text above
 * the results; a guessed column comes with the button to the mapping form.
 */
export function renderNotices(list: HTMLElement, notices: readonly PlanNotice[], useThisSheet: () => void): void {
  fill(
    list,
    ...notices.map((notice) =>
      h(
        'li',
        { className: `notice ${notice.level}` },
        notice.text,
        notice.action === 'use-this-sheet'
          ? h(
              'button',
              { className: 'btn text notice-action', attrs: { type: 'button' }, on: { click: useThisSheet } },
              'Use this sheet',
            )
          : null,
      ),
    ),
  );
}

/** After a write: the cells someone changed while Cascade worked, which it left as they are ('' for none). */
export function keptEditsText(count: number): string {
  return count > 0 ? `Kept ${plural(count, 'cell')} someone changed while Cascade worked.` : '';
}
