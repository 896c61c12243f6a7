import type { FrameworkId, FrameworkInfo, StateResponse } from '../../protocol.js';
import { reportError, running } from '../app.js';
import type { App } from '../app.js';
import { byId, fill, h, say } from '../dom.js';
import { plural } from '../../../shared/format.js';
import { call, unwrap } from '../rpc.js';

export function renderFrameworks(frameworks: readonly FrameworkInfo[], selected: FrameworkId | null): void {
  const current = selected ?? frameworks[0]?.id;
  fill(
    byId('framework-choices'),
    ...frameworks.map((f) => {
      const input = h('input', { attrs: { type: 'radio', name: 'framework', value: f.id } });
      input.checked = f.id === current;
      return h(
        'label',
        { className: 'choice' },
        input,
        h(
          'span',
          {},
          h('span', { className: 'choice-label' }, f.label),
          h('span', { className: 'choice-levels' }, f.levels.join(' → ')),
          h('span', { className: 'choice-text' }, f.description),
        ),
      );
    }),
  );
}

export function setUpTemplate(app: App): void {
  const form = byId<HTMLFormElement>('template-form');
  const message = byId('template-message');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const checked = form.querySelector<HTMLInputElement>('input[name="framework"]:checked');
    if (checked === null) {
      say(message, 'error', 'Pick a framework first.');
      return;
    }
    const examples = byId<HTMLInputElement>('template-examples').checked;
    void running(byId<HTMLButtonElement>('template-insert'), 'Inserting…', async () => {
      try {
        if (app.state === null) await app.refreshState();
        // The "today" and over-100 % setting the Settings tab shows go with the request.
        const state = app.state as StateResponse;
        const result = unwrap(
          await call('apiInsertTemplate', {
            framework: checked.value as FrameworkId,
            examples,
            today: state.today,
            allowOver: state.settings.allowOver,
          }),
        );
        app.planSheet = result.sheet;
        say(
          message,
          'good',
          h(
            'p',
            {},
            `Inserted the sheet “${result.sheet}”` +
              (result.exampleRows > 0 ? ` with ${plural(result.exampleRows, 'example row')}.` : '.') +
              ' Fill it in, then check it.',
          ),
          h(
            'button',
            { className: 'btn secondary', attrs: { type: 'button' }, on: { click: () => app.showTab('check', true) } },
            'Go to Check',
          ),
        );
        await app.refreshState();
      } catch (error) {
        reportError(app, message, error);
      }
    });
  });
}
