import type { PaceStatus, ProgressResponse, ProgressView } from '../../protocol.js';
import { actionContext, reportError, running, showSheetLine } from '../app.js';
import type { App } from '../app.js';
import { byId, fill, h, say } from '../dom.js';
import { percentText, plural } from '../../../shared/format.js';
import { call, unwrap } from '../rpc.js';
import { keptEditsText, renderNotices } from './notices.js';
import { sparkline, burnUp } from './trend.js';
import { replanPanel } from './replan.js';

const PACE_TONE: Record<PaceStatus | 'trending off track' | 'paused', string> = {
  done: 'good',
  'on track': 'good',
  'at risk': 'warning',
  'trending off track': 'warning',
  'off track': 'error',
  overdue: 'error',
  'not started': 'grey',
  paused: 'grey',
};

export function setUpProgress(app: App): void {
  byId('progress-run').addEventListener('click', () => void runProgress(app));
}

export function runProgress(app: App): Promise<void> {
  const message = byId('progress-message');
  return running(byId<HTMLButtonElement>('progress-run'), 'Updating…', async () => {
    try {
      const result = unwrap(await call('apiProgress', { sheet: null, ...actionContext(app) }));
      app.planSheet = result.sheet;
      showSheetLine(result.sheet, true);
      renderProgress(app, result);
      const pace = result.written.pace ? ' and Pace' : '';
      const kept = keptEditsText(result.keptEdits);
      say(
        message,
        'good',
        `Progress${pace} written for ${plural(result.written.progress, 'row')}.${kept ? ` ${kept}` : ''}`,
      );
    } catch (error) {
      fill(byId('progress-summary'));
      fill(byId('progress-notices'));
      fill(byId('progress-items'));
      reportError(app, message, error);
    }
  });
}

export function renderProgress(app: App, result: ProgressResponse): void {
  byId('progress-intro').hidden = true;
  fill(
    byId('progress-summary'),
    h('span', {}, `${plural(result.rows, 'row')} · ${result.framework.label} · today ${result.today}`),
  );
  renderNotices(byId('progress-notices'), result.notices, () => app.useThisSheet());
  const list = byId('progress-items');
  if (result.items.length === 0) {
    fill(list, h('li', { className: 'empty' }, 'The plan has no rows yet.'));
    return;
  }
  fill(list, ...result.items.map((item) => topItem(app, result.sheet, item)));
  if (result.omittedItems > 0)
    list.append(h('li', { className: 'more' }, `${plural(result.omittedItems, 'more top-level item')} in the sheet.`));
}

function topItem(app: App, sheet: string, item: ProgressView): HTMLLIElement {
  const kids =
    item.children.length === 0
      ? null
      : h(
          'details',
          { className: 'kids' },
          h('summary', {}, `${plural(item.children.length + item.omittedChildren, 'item')} below`),
          h(
            'ol',
            { className: 'children' },
            ...item.children.map((child) =>
              h(
                'li',
                {},
                itemButton(app, sheet, child, 'child'),
                replanPanel(sheet, child, () => runProgress(app)),
              ),
            ),
          ),
        );
  const refresh = () => runProgress(app);
  return h(
    'li',
    { className: 'item' },
    itemButton(app, sheet, item, 'item-head'),
    burnUp(item),
    replanPanel(sheet, item, refresh),
    kids,
  );
}

function itemButton(app: App, sheet: string, item: ProgressView, className: string): HTMLButtonElement {
  // With a check-in history, the pace says `trending off track` or `paused` where the trend shows it.
  const status = (item.trend?.pace ?? item.status) as keyof typeof PACE_TONE | null;
  const tone = status === null ? 'none' : status.replace(/ /g, '-');
  const fraction = item.progress === null ? 0 : Math.max(0, Math.min(1, item.progress));
  const bar = h('span');
  bar.style.width = `${(fraction * 100).toFixed(1)}%`;
  const label = `${item.id} ${item.title}: ${percentText(item.progress)}${status ? `, ${status}` : ''}`;
  return h(
    'button',
    {
      className,
      attrs: { type: 'button', 'aria-label': `${label}. Select the row.` },
      on: { click: () => void select(app, sheet, item.row) },
    },
    // The pace sits at the end of the first line, where the eye lands scanning down the cards.
    h(
      'span',
      { className: 'row-label' },
      item.id ? h('span', { className: 'id' }, item.id) : null,
      h('span', {}, item.level),
      status === null
        ? null
        : h('span', { className: `chip ${PACE_TONE[status]}` }, status[0].toUpperCase() + status.slice(1)),
    ),
    h('span', { className: 'title' }, item.title || '(no title)'),
    h(
      'span',
      { className: 'meter' },
      h(
        'span',
        { className: `bar pace-${tone}`, attrs: { role: 'img', 'aria-label': percentText(item.progress) } },
        bar,
      ),
      h('span', { className: 'pct' }, percentText(item.progress)),
      className === 'item-head' ? null : sparkline(item),
    ),
  );
}

async function select(app: App, sheet: string, row: number): Promise<void> {
  try {
    unwrap(await call('apiSelect', { sheet, row, col: null }));
  } catch (error) {
    reportError(app, byId('progress-message'), error);
  }
}
