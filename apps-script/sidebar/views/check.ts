import { columnLetter } from '../../../shared/columns.js';
import type { CheckResponse, FindingGroup, FindingView } from '../../protocol.js';
import { actionContext, reportError, running, showSheetLine } from '../app.js';
import type { App } from '../app.js';
import { byId, fill, h, say } from '../dom.js';
import { plural } from '../../../shared/format.js';
import { call, unwrap } from '../rpc.js';
import { keptEditsText, renderNotices } from './notices.js';

export function setUpCheck(app: App): void {
  byId('check-run').addEventListener('click', () => void runCheck(app));
  byId('check-fix-ids').addEventListener('click', () => void fixIds(app));
}

/** Checks the active sheet, or `sheet` (the one just mapped, wherever the person is now). */
export function runCheck(app: App, sheet: string | null = null): Promise<void> {
  const message = byId('check-message');
  return running(byId<HTMLButtonElement>('check-run'), 'Checking…', async () => {
    try {
      const result = unwrap(await call('apiCheck', { sheet, ...actionContext(app) }));
      app.planSheet = result.sheet;
      showSheetLine(result.sheet, true);
      const kept = keptEditsText(result.keptEdits);
      if (kept) say(message, 'plain', kept);
      else fill(message);
      renderCheck(app, result);
    } catch (error) {
      fill(byId('check-summary'));
      fill(byId('check-notices'));
      fill(byId('check-findings'));
      reportError(app, message, error);
    }
  });
}

function fixIds(app: App): Promise<void> {
  const message = byId('check-message');
  return running(byId<HTMLButtonElement>('check-fix-ids'), 'Filling IDs…', async () => {
    try {
      const result = unwrap(await call('apiFixIds', { sheet: app.planSheet }));
      app.planSheet = result.sheet;
      if (result.filled.length === 0) {
        say(message, 'plain', 'Every row has an ID already.');
        return;
      }
      const shown = result.filled.slice(0, 5).map((f) => `${f.id} (row ${f.row})`);
      const more = result.filled.length > shown.length ? `, and ${result.filled.length - shown.length} more` : '';
      const recheck = unwrap(await call('apiCheck', { sheet: result.sheet, ...actionContext(app) }));
      renderCheck(app, recheck);
      const kept = result.keptTyped > 0 ? ` ${plural(result.keptTyped, 'ID')} typed in meanwhile kept as typed.` : '';
      const keptChecks = keptEditsText(recheck.keptEdits);
      say(
        message,
        'good',
        `Filled ${plural(result.filled.length, 'ID')}: ${shown.join(', ')}${more}.${kept}${keptChecks ? ` ${keptChecks}` : ''}`,
      );
    } catch (error) {
      reportError(app, message, error);
    }
  });
}

export function renderCheck(app: App, result: CheckResponse): void {
  byId('check-intro').hidden = true;
  const { error, warning } = result.counts;
  fill(
    byId('check-summary'),
    h('span', {}, `${plural(result.rows, 'row')} · ${result.framework.label} · today ${result.today}`),
    error > 0 ? h('span', { className: 'chip error' }, plural(error, 'error')) : null,
    warning > 0 ? h('span', { className: 'chip warning' }, plural(warning, 'warning')) : null,
    error + warning === 0 ? h('span', { className: 'chip good' }, 'All rows pass') : null,
  );
  renderNotices(byId('check-notices'), result.notices, () => app.useThisSheet());
  const fix = byId<HTMLButtonElement>('check-fix-ids');
  fix.textContent = result.blankIds > 0 ? `Fix IDs (${result.blankIds})` : 'Fix IDs';
  const list = byId('check-findings');
  if (result.groups.length === 0) {
    fill(
      list,
      h(
        'li',
        { className: 'empty' },
        result.rows === 0 ? 'The plan has no rows yet.' : 'No findings: every row is SMART.',
      ),
    );
    return;
  }
  fill(list, ...result.groups.map((group) => groupItem(app, result.sheet, group)));
  if (result.omittedGroups > 0) {
    list.append(
      h(
        'li',
        { className: 'more' },
        `${plural(result.omittedGroups, 'more row')} with findings: see the Check column.`,
      ),
    );
  }
}

function groupItem(app: App, sheet: string, group: FindingGroup): HTMLLIElement {
  const counts = [
    group.errors > 0 ? plural(group.errors, 'error') : '',
    group.warnings > 0 ? plural(group.warnings, 'warning') : '',
  ]
    .filter((t) => t !== '')
    .join(', ');
  return h(
    'li',
    { className: 'group' },
    h(
      'button',
      {
        className: 'group-head',
        attrs: {
          type: 'button',
          'aria-label': `Row ${group.row} ${group.id} ${group.title}: ${counts}. Select the row.`,
        },
        on: { click: () => void select(app, sheet, group.row, null) },
      },
      h(
        'span',
        { className: 'row-label' },
        h('span', {}, `Row ${group.row}`),
        group.id ? h('span', { className: 'id' }, group.id) : null,
        group.level ? h('span', {}, group.level) : null,
      ),
      h('span', { className: 'title' }, group.title || '(no title)'),
    ),
    h(
      'ul',
      { className: 'findings' },
      ...group.findings.map((finding) => h('li', {}, findingButton(app, sheet, group.row, finding))),
    ),
  );
}

function findingButton(app: App, sheet: string, row: number, finding: FindingView): HTMLButtonElement {
  return h(
    'button',
    {
      className: `finding ${finding.severity}`,
      attrs: { type: 'button', 'data-rule': finding.rule, title: finding.rule },
      on: { click: () => void select(app, sheet, row, finding.col) },
    },
    h(
      'span',
      { className: 'icon', attrs: { 'aria-label': finding.severity } },
      finding.severity === 'error' ? '!' : 'i',
    ),
    h(
      'span',
      { className: 'text' },
      finding.message,
      h('span', { className: 'hint' }, finding.hint),
      finding.column
        ? h('span', { className: finding.missingColumn ? 'where missing' : 'where' }, where(finding, row))
        : null,
    ),
  );
}

/** "Go to Owner · E12" when the sheet has the column; "No Review column" when the plan lacks it (a click selects the row). */
function where(finding: FindingView, row: number): string {
  if (finding.missingColumn) return `No ${finding.column} column`;
  return finding.col === null
    ? `${finding.column} column`
    : `Go to ${finding.column} · ${columnLetter(finding.col - 1)}${row}`;
}

async function select(app: App, sheet: string, row: number, col: number | null): Promise<void> {
  try {
    unwrap(await call('apiSelect', { sheet, row, col }));
  } catch (error) {
    reportError(app, byId('check-message'), error);
  }
}
