import { VERSION } from '../about.js';
import { DEFAULT_START, START_ATTRIBUTE } from '../protocol.js';
import { TABS, reportError, showSheetLine } from './app.js';
import type { App, Tab } from './app.js';
import { byId, fill } from './dom.js';
import { ApiError, call, onBusyChange } from './rpc.js';
import { selectTab, setUpTabs } from './tabs.js';
import { runCheck, setUpCheck } from './views/check.js';
import { openMapping, setUpMapping } from './views/mapping.js';
import { runProgress, setUpProgress } from './views/progress.js';
import { loadNotion, setUpNotion } from './views/notion.js';
import { renderSettings, setUpSettings } from './views/settings.js';
import { renderFrameworks, setUpTemplate } from './views/template.js';

let notionLoaded = false;

const app: App = {
  state: null,
  planSheet: null,
  showTab: (tab, focus = false) => {
    selectTab(tab, focus);
    // The Notion tab asks for its state when it is first shown, not on every opening of the sidebar.
    if (tab === 'notion' && !notionLoaded) {
      notionLoaded = true;
      void loadNotion(app);
    }
  },
  refreshState,
  useThisSheet: () => void openMapping(app),
};

async function refreshState(): Promise<void> {
  const state = await call('apiGetState');
  app.state = state;
  showSheetLine(state.sheet.name, state.sheet.isPlan);
  renderFrameworks(state.frameworks, state.settings.framework);
  renderSettings(state);
  for (const panel of ['check', 'progress']) {
    const area = byId(`${panel}-message`);
    if (state.sheet.isPlan) fill(area);
    else reportError(app, area, new ApiError('not-a-plan', state.sheet.message));
  }
}

/**
 * The server writes `data-start="check:run"` (tab, and whether to run its action) for menu items,
 * and `auto:welcome` when the add-on was just installed.
 */
function startAction(): { tab: Tab | 'auto'; run: boolean; welcome: boolean } {
  const [tab, flag] = (document.body.getAttribute(START_ATTRIBUTE) ?? DEFAULT_START).split(':');
  return {
    tab: (TABS as readonly string[]).includes(tab) ? (tab as Tab) : 'auto',
    run: flag === 'run',
    welcome: flag === 'welcome',
  };
}

async function start(): Promise<void> {
  onBusyChange((busy) => {
    byId('busy').hidden = !busy;
    byId('main').setAttribute('aria-busy', String(busy));
  });
  setUpTabs((tab, focus) => app.showTab(tab, focus));
  setUpTemplate(app);
  setUpCheck(app);
  setUpProgress(app);
  setUpNotion(app);
  setUpSettings(app);
  setUpMapping(app);
  const action = startAction();
  byId('version').textContent = VERSION;
  byId('welcome').hidden = !action.welcome;
  const opening = action.tab === 'auto' ? 'check' : action.tab;
  app.showTab(opening);
  try {
    await refreshState();
  } catch (error) {
    showSheetLine(null, null);
    // Said on the tab the person is looking at.
    reportError(app, byId(`${opening}-message`), error);
    return;
  }
  const tab = action.tab === 'auto' ? (app.state?.sheet.isPlan ? 'check' : 'template') : action.tab;
  app.showTab(tab);
  if (!action.run) return;
  if (tab === 'check') await runCheck(app);
  else if (tab === 'progress') await runProgress(app);
}

void start();
