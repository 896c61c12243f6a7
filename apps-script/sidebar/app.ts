import { MULTIPLE_ACCOUNTS_HELP_URL } from '../about.js';
import { ERROR_CATALOG } from '../error-codes.js';
import type { ActionContext, ErrorCode, StateResponse } from '../protocol.js';
import { byId, fill, h, say } from './dom.js';
import { ApiError } from './rpc.js';

export type Tab = 'template' | 'check' | 'progress' | 'notion' | 'settings';
export const TABS: readonly Tab[] = ['template', 'check', 'progress', 'notion', 'settings'];

/** What the views share: the last state from the server and a way to switch tabs. */
export interface App {
  state: StateResponse | null;
  /** The sheet the last check or progress ran on (findings point into it). */
  planSheet: string | null;
  showTab(tab: Tab, focus?: boolean): void;
  refreshState(): Promise<void>;
  /** Opens "Use this sheet" (the column mapping form) on the active sheet. */
  useThisSheet(): void;
}

/**
 * Sent with Check and Update progress: the settings, mappings and time zone of the last state, so
 * the server need not read them (nothing before the first state: the server reads them then).
 */
export function actionContext(app: App): { context?: ActionContext } {
  const state = app.state;
  return state === null
    ? {}
    : { context: { settings: state.settings, mappings: state.mappings, timeZone: state.timeZone } };
}

/**
 * Shows a problem in a panel's message area, always with its error code (docs/add-on.md, "Errors").
 * A sheet that is not a plan gets a way out; the multiple-accounts limitation gets what to do and
 * Google's page about it.
 */
export function reportError(app: App, area: Element, error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  const code: ErrorCode = error instanceof ApiError ? error.code : 'google-failed';
  const codeLine = h('p', { className: 'error-code' }, `Error code: ${code}`);
  if (code === 'not-a-plan') {
    say(
      area,
      'error',
      h('p', {}, message),
      h(
        'div',
        { className: 'actions' },
        h(
          'button',
          { className: 'btn primary', attrs: { type: 'button' }, on: { click: () => app.useThisSheet() } },
          'Use this sheet',
        ),
        h(
          'button',
          { className: 'btn secondary', attrs: { type: 'button' }, on: { click: () => app.showTab('template', true) } },
          'Insert a template',
        ),
      ),
      codeLine,
    );
    return;
  }
  if (code === 'multiple-accounts') {
    const link = h(
      'a',
      { attrs: { href: MULTIPLE_ACCOUNTS_HELP_URL, target: '_blank', rel: 'noopener' } },
      'Google’s help on multiple accounts',
    );
    say(area, 'error', h('p', {}, message), h('p', {}, ERROR_CATALOG[code].action), h('p', {}, link), codeLine);
    return;
  }
  say(area, 'error', h('p', {}, code === 'google-failed' ? `Something went wrong: ${message}` : message), codeLine);
}

/**
 * Runs an action from a button: the button shows a spinner and a label while it runs, the other
 * actions are disabled (the page-wide busy line comes from the RPC layer).
 */
export async function running(button: HTMLButtonElement, label: string, work: () => Promise<void>): Promise<void> {
  if (button.disabled) return;
  const idle = button.textContent ?? '';
  const buttons = Array.from(document.querySelectorAll<HTMLButtonElement>('.actions .btn'));
  const before = buttons.map((b) => b.disabled);
  buttons.forEach((b) => (b.disabled = true));
  button.setAttribute('data-running', '');
  button.textContent = label;
  try {
    await work();
  } finally {
    button.removeAttribute('data-running');
    // The work may have relabelled the button (e.g. "Fix IDs (3)" → "Fix IDs"): keep its new label.
    if (button.textContent === label) button.textContent = idle;
    buttons.forEach((b, i) => (b.disabled = before[i]));
  }
}

export function showSheetLine(sheet: string | null, isPlan: boolean | null): void {
  const line = byId('sheet-line');
  if (sheet === null) fill(line, 'Cascade');
  else fill(line, isPlan === false ? `Sheet “${sheet}” · not a plan yet` : `Plan sheet “${sheet}”`);
  line.title = line.textContent ?? '';
}
