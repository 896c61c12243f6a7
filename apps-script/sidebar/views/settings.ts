import type { FrameworkId, Settings, StateResponse } from '../../protocol.js';
import { reportError, running } from '../app.js';
import type { App } from '../app.js';
import { byId, fill, h, say } from '../dom.js';
import { call, unwrap } from '../rpc.js';

export function renderSettings(state: StateResponse): void {
  byId<HTMLInputElement>('settings-today').value = state.settings.today ?? '';
  byId<HTMLInputElement>('settings-over').checked = state.settings.allowOver;
  byId<HTMLInputElement>('settings-live').checked = state.settings.liveCheck;
  fill(
    byId('settings-today-help'),
    `For pace and overdue checks. Leave blank to use the real date (${state.realToday} in ${state.timeZone}).`,
  );
  const select = byId<HTMLSelectElement>('settings-framework');
  fill(
    select,
    h('option', { attrs: { value: '' } }, 'Automatic'),
    ...state.frameworks.map((f) => h('option', { attrs: { value: f.id } }, f.label)),
  );
  select.value = state.settings.framework ?? '';
}

export function setUpSettings(app: App): void {
  const form = byId<HTMLFormElement>('settings-form');
  const message = byId('settings-message');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const today = byId<HTMLInputElement>('settings-today').value.trim();
    const framework = byId<HTMLSelectElement>('settings-framework').value;
    const settings: Settings = {
      today: today === '' ? null : today,
      allowOver: byId<HTMLInputElement>('settings-over').checked,
      framework: framework === '' ? null : (framework as FrameworkId),
      liveCheck: byId<HTMLInputElement>('settings-live').checked,
    };
    void running(byId<HTMLButtonElement>('settings-save'), 'Saving…', async () => {
      try {
        app.state = unwrap(await call('apiSaveSettings', settings));
        renderSettings(app.state);
        say(message, 'good', 'Saved. Run Check or Update progress to apply them.');
      } catch (error) {
        reportError(app, message, error);
      }
    });
  });
}
