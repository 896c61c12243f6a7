import type { NotionRunView, NotionStateResponse } from '../../protocol.js';
import { reportError, running } from '../app.js';
import type { App } from '../app.js';
import { byId, fill, h, say } from '../dom.js';
import { plural } from '../../../shared/format.js';
import { call, unwrap } from '../rpc.js';

// The Notion tab: connect (secret and page), mirror now with its progress and report, and the
// schedule. A mirror runs on the server for up to about 4.5 minutes per call; meanwhile the tab
// polls the state for its progress, and a run cut at the time limit is carried on from here.

/** How often the progress is asked for while a mirror runs. */
const POLL_MS = 2_000;
/** Calls a mirror may take from the sidebar before it leaves the rest to the follow-up trigger. */
const MAX_ROUNDS = 12;

let current: NotionStateResponse | null = null;

export function setUpNotion(app: App): void {
  byId<HTMLFormElement>('notion-form').addEventListener('submit', (event) => {
    event.preventDefault();
    void connect(app);
  });
  byId('notion-test').addEventListener('click', () => void testConnection(app));
  byId('notion-change').addEventListener('click', () => showConnect(true));
  byId('notion-disconnect').addEventListener('click', () => void disconnect(app));
  byId('notion-mirror').addEventListener('click', () => void mirror(app));
  byId('notion-continue').addEventListener('click', () => void mirror(app));
  byId<HTMLSelectElement>('notion-schedule').addEventListener('change', () => void changeSchedule(app));
}

/** Loads the tab's state (when the tab is first shown). */
export async function loadNotion(app: App): Promise<void> {
  try {
    render(await call('apiNotionState'));
  } catch (error) {
    reportError(app, byId('notion-connect-message'), error);
  }
}

async function connect(app: App): Promise<void> {
  const secretInput = byId<HTMLInputElement>('notion-secret');
  const pageInput = byId<HTMLInputElement>('notion-page');
  const secret = secretInput.value.trim();
  const page = pageInput.value.trim();
  const message = byId('notion-connect-message');
  if (secret === '' && !current?.connected)
    return say(message, 'error', 'Paste the secret of your Notion integration.');
  if (page === '' && current?.page === null)
    return say(message, 'error', 'Paste the link of the Notion page to mirror under.');
  await running(byId<HTMLButtonElement>('notion-save'), 'Testing…', async () => {
    try {
      const result = unwrap(
        await call('apiNotionConnect', { secret: secret === '' ? null : secret, page: page === '' ? null : page }),
      );
      // The secret leaves the page once sent: the field is cleared whatever the answer.
      secretInput.value = '';
      render(result.state);
      say(message, result.ok ? 'good' : 'error', result.message);
      if (result.ok) pageInput.value = '';
    } catch (error) {
      secretInput.value = '';
      reportError(app, message, error);
    }
  });
}

async function testConnection(app: App): Promise<void> {
  const message = byId('notion-connect-message');
  await running(byId<HTMLButtonElement>('notion-test'), 'Testing…', async () => {
    try {
      const result = unwrap(await call('apiNotionTest'));
      render(result.state);
      say(message, result.ok ? 'good' : 'error', result.message);
    } catch (error) {
      reportError(app, message, error);
    }
  });
}

async function disconnect(app: App): Promise<void> {
  try {
    render(await call('apiNotionDisconnect'));
    say(byId('notion-connect-message'), 'plain', 'The secret is forgotten. Paste one again to mirror.');
  } catch (error) {
    reportError(app, byId('notion-connect-message'), error);
  }
}

async function mirror(app: App): Promise<void> {
  const message = byId('notion-message');
  fill(message);
  await running(byId<HTMLButtonElement>('notion-mirror'), 'Mirroring…', async () => {
    const poll = window.setInterval(() => {
      void call('apiNotionState').then(
        (state) => {
          if (state.run.state === 'running') renderRun(state.run);
        },
        () => undefined,
      );
    }, POLL_MS);
    try {
      for (let round = 0; round < MAX_ROUNDS; round++) {
        const state = unwrap(await call('apiNotionMirror', { sheet: null }));
        render(state);
        if (state.run.state !== 'incomplete') break;
      }
    } catch (error) {
      reportError(app, message, error);
    } finally {
      window.clearInterval(poll);
    }
  });
}

async function changeSchedule(app: App): Promise<void> {
  const select = byId<HTMLSelectElement>('notion-schedule');
  const value = select.value;
  try {
    render(
      unwrap(await call('apiNotionSchedule', { frequency: value === 'hourly' || value === 'daily' ? value : null })),
    );
  } catch (error) {
    select.value = current?.schedule.frequency ?? 'off';
    reportError(app, byId('notion-schedule-message'), error);
  }
}

function showConnect(open: boolean): void {
  byId('notion-form').hidden = !open;
  byId('notion-connected').hidden = open;
}

function render(state: NotionStateResponse): void {
  current = state;
  const ready = state.connected && state.page !== null && state.page.title !== '';
  showConnect(!ready);
  byId('notion-test').hidden = !(state.connected && state.page !== null);
  byId<HTMLInputElement>('notion-secret').placeholder = state.secretHint ? `Saved: ${state.secretHint}` : 'ntn_…';
  byId<HTMLInputElement>('notion-page').placeholder = state.page?.url || 'https://www.notion.so/…';
  fill(
    byId('notion-connected-line'),
    h('span', {}, 'Mirrors into '),
    state.page?.url
      ? h('a', { attrs: { href: state.page.url, target: '_blank', rel: 'noopener' } }, state.page.title)
      : h('strong', {}, state.page?.title ?? ''),
    h('span', { className: 'help' }, ` · secret ${state.secretHint ?? ''}`),
  );
  byId('notion-mirror-section').hidden = !ready;
  byId<HTMLSelectElement>('notion-schedule').value = state.schedule.frequency ?? 'off';
  renderSchedule(state);
  renderRun(state.run);
}

function renderRun(run: NotionRunView): void {
  const status = byId('notion-status');
  byId('notion-continue').hidden = run.state !== 'incomplete';
  if (run.state === 'never') return fill(status);
  if (run.state === 'running') {
    const bar = h(
      'div',
      { className: 'bar' },
      h('span', { attrs: { style: `width: ${run.total > 0 ? Math.round((run.done / run.total) * 100) : 0}%` } }),
    );
    fill(
      status,
      h('p', { className: 'phase' }, `${run.phase}${run.executions > 1 ? ` · part ${run.executions}` : ''}`),
      h(
        'div',
        { className: 'meter' },
        bar,
        h('span', { className: 'pct' }, run.total > 0 ? `${run.done} of ${run.total}` : ''),
      ),
    );
    return;
  }
  const when = run.finishedAt
    ? new Date(run.finishedAt).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })
    : '';
  const headline =
    run.state === 'done'
      ? h(
          'p',
          { className: 'message good' },
          `Notion is up to date${run.executions > 1 ? ` (in ${run.executions} parts)` : ''}. ${when}`,
        )
      : run.state === 'incomplete'
        ? h(
            'p',
            { className: 'message' },
            `Part ${run.executions} done; ${plural(run.left, 'change')} left. ` +
              (run.continueAt
                ? `Cascade carries on by itself at ${new Date(run.continueAt).toLocaleTimeString('en-GB', { timeStyle: 'short' })}, or press Continue.`
                : 'Press Continue, or the next scheduled run carries on.'),
          )
        : h(
            'p',
            { className: 'message error', attrs: { role: 'alert' } },
            `The mirror stopped: ${run.errors[0] ?? 'no reason given.'}`,
          );
  const lines = run.state === 'failed' ? [] : run.errors;
  fill(
    status,
    headline,
    lineList('Check-ins from Notion', run.checkIns, 'notice'),
    run.databases.length > 0
      ? h(
          'ul',
          { className: 'databases', attrs: { 'aria-label': 'Databases in Notion' } },
          ...run.databases.map(databaseLine),
        )
      : null,
    lineList('Problems', lines, 'notice warning'),
    lineList('Notes', run.warnings, 'notice'),
  );
}

/** Lines of the report, one per item (nothing when there are none). */
function lineList(label: string, lines: readonly string[], className: string): HTMLUListElement | null {
  if (lines.length === 0) return null;
  return h(
    'ul',
    { className: 'notices', attrs: { 'aria-label': label } },
    ...lines.map((l) => h('li', { className }, l)),
  );
}

function databaseLine(d: NotionRunView['databases'][number]): HTMLLIElement {
  const chips = [
    d.created > 0 ? h('span', { className: 'chip good' }, `${d.created} created`) : null,
    d.updated > 0 ? h('span', { className: 'chip good' }, `${d.updated} updated`) : null,
    d.trashed > 0 ? h('span', { className: 'chip warning' }, `${d.trashed} trashed`) : null,
    d.created + d.updated + d.trashed === 0 ? h('span', { className: 'chip grey' }, 'no change') : null,
  ];
  const name = d.url
    ? h('a', { attrs: { href: d.url, target: '_blank', rel: 'noopener' } }, d.name)
    : h('span', {}, d.name);
  return h('li', { className: 'database' }, name, h('span', { className: 'chips' }, ...chips));
}

function renderSchedule(state: NotionStateResponse): void {
  const { schedule } = state;
  const area = byId('notion-schedule-message');
  if (schedule.failing) {
    const since = new Date(schedule.failing.since).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' });
    return say(
      area,
      'error',
      `Scheduled runs fail since ${since} (${plural(schedule.failing.runs, 'run')}): ${schedule.failing.message}`,
    );
  }
  if (schedule.frequency === null) return fill(area);
  const last = schedule.lastRun
    ? `Last run ${new Date(schedule.lastRun).toLocaleString('en-GB', { dateStyle: 'medium', timeStyle: 'short' })}: ${schedule.lastOutcome}`
    : 'No scheduled run yet.';
  say(area, 'plain', last);
}
