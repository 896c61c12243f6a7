import { FEEDBACK_WHERE, GUIDE_PATH, VERSION } from '../about.js';

// Help, About and Feedback from the add-on menu. Help is dist/help.html, the user's sections of
// docs/add-on.md built into a page (scripts/help-page.mjs): the guide is written once. About and
// Feedback are small dialogs of static text (nothing from the sheet goes in).

export type DialogKind = 'help' | 'about' | 'feedback';

const TITLES: Record<DialogKind, string> = { help: 'Cascade help', about: 'About Cascade', feedback: 'Send feedback' };

const STYLE =
  '<style>body{font:13px/1.45 Roboto,Arial,sans-serif;color:#1f1f1f;margin:0 4px}code{font-size:12px}</style>';

/** The Help page's file in the add-on (dist/help.html). */
export const HELP_FILE = 'help';

export function showDialog(kind: DialogKind): void {
  const output =
    kind === 'help'
      ? HtmlService.createHtmlOutputFromFile(HELP_FILE).setWidth(640).setHeight(560)
      : HtmlService.createHtmlOutput(STYLE + dialogBody(kind));
  SpreadsheetApp.getUi().showModalDialog(output, TITLES[kind]);
}

function dialogBody(kind: Exclude<DialogKind, 'help'>): string {
  if (kind === 'feedback') {
    return (
      '<p>Tell us what went wrong or what you miss. Please include:</p>' +
      `<ul><li>the version: <strong>${escape(VERSION)}</strong></li><li>the error code, if Cascade showed one</li>` +
      '<li>what you clicked, and what you expected</li></ul>' +
      `<p>${FEEDBACK_WHERE}</p>`
    );
  }
  return (
    `<p><strong>Cascade ${escape(VERSION)}</strong>: plans in Google Sheets, from goal to task.</p>` +
    '<p>Cascade reads only this spreadsheet and writes only its own columns (Progress, Pace, Check) and blank IDs. ' +
    'Templates go into a new sheet.</p>' +
    `<p>User guide: Extensions → Cascade → Help (<code>${GUIDE_PATH}</code> in Cascade’s repository).</p>`
  );
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
