// Replanning a row that slips, from the Progress tab: for a row overdue, off track or trending off
// track, the four choices (keep and shrink, reduce scope, extend, pause) and undo, each showing its
// effect before it is applied. The server writes the row and records the old values in Check-ins.
import { REPLAN_PACES } from '../../../shared/checkins/types.js';
import type { ProgressView, ReplanRequest } from '../../protocol.js';
import { h, say } from '../dom.js';
import { call, unwrap } from '../rpc.js';

const SLIPPING = new Set<string>(REPLAN_PACES);
type Kind = ReplanRequest['choice']['kind'];
const CHOICES: [Kind, string][] = [
  ['shrink', 'Keep it, with a lower Target'],
  ['drop', 'Reduce scope: drop items below'],
  ['extend', 'Extend the Due date'],
  ['pause', 'Pause it'],
  ['undo', 'Undo its last replanning'],
];

/** The replanning panel of a row, or null for a row that is not slipping (undo stays in reach on a paused row). */
export function replanPanel(sheet: string, item: ProgressView, refresh: () => Promise<void>): HTMLElement | null {
  const pace = item.trend?.pace ?? item.status ?? '';
  if (!SLIPPING.has(pace) && pace !== 'paused') return null;
  const kind = h(
    'select',
    { attrs: { 'aria-label': `How to replan ${item.id}` } },
    ...CHOICES.map(([value, label]) => h('option', { attrs: { value } }, label)),
  );
  const target = h('input', { attrs: { type: 'number', step: 'any', 'aria-label': 'New Target' } });
  const due = h('input', { attrs: { type: 'date', 'aria-label': 'New Due date' } });
  const boxes = item.children.map((child) =>
    h(
      'label',
      { className: 'pick' },
      h('input', { attrs: { type: 'checkbox', value: child.id } }),
      ` ${child.id} ${child.title}`,
    ),
  );
  const drop = h('div', { className: 'picks' }, ...boxes);
  const effect = h('div', { className: 'message', attrs: { role: 'status' } });
  const apply = h('button', { className: 'btn', attrs: { type: 'button' } }, 'Apply');
  apply.hidden = true;
  const show = () => {
    const k = kind.value as Kind;
    target.hidden = k !== 'shrink';
    due.hidden = k !== 'extend';
    drop.hidden = k !== 'drop';
    apply.hidden = true;
    effect.replaceChildren();
  };
  kind.addEventListener('change', show);
  show();
  const request = (applyIt: boolean): ReplanRequest => {
    const k = kind.value as Kind;
    const choice: ReplanRequest['choice'] =
      k === 'shrink'
        ? { kind: k, target: Number(target.value) }
        : k === 'extend'
          ? { kind: k, due: due.value }
          : k === 'drop'
            ? {
                kind: k,
                children: boxes
                  .map((b) => b.querySelector('input')!)
                  .filter((i) => i.checked)
                  .map((i) => i.value),
              }
            : { kind: k };
    return { sheet, id: item.id, choice, apply: applyIt };
  };
  const send = async (applyIt: boolean) => {
    try {
      const result = unwrap(await call('apiReplan', request(applyIt)));
      say(
        effect,
        applyIt ? 'good' : 'plain',
        h('ul', { className: 'effect' }, ...result.effect.map((line) => h('li', {}, line))),
        applyIt ? 'Done, and recorded in Check-ins.' : '',
      );
      apply.hidden = applyIt;
      if (applyIt) await refresh();
    } catch (error) {
      say(effect, 'error', error instanceof Error ? error.message : String(error));
      apply.hidden = true;
    }
  };
  const preview = h(
    'button',
    { className: 'btn secondary', attrs: { type: 'button' }, on: { click: () => void send(false) } },
    'Show the effect',
  );
  apply.addEventListener('click', () => void send(true));
  return h(
    'details',
    { className: 'replan' },
    h('summary', {}, 'Replan…'),
    kind,
    target,
    due,
    drop,
    h('div', { className: 'actions' }, preview, apply),
    effect,
  );
}
