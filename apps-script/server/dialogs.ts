import { GUIDE_PATH, MULTIPLE_ACCOUNTS_HELP_URL, VERSION } from '../about.js';
import { ERROR_CATALOG, ERROR_CODES } from '../error-codes.js';

// Help, About and Feedback from the add-on menu: small dialogs of static text (nothing from the
// sheet goes in, so nothing needs escaping but the catalog's own words).

export type DialogKind = 'help' | 'about' | 'feedback';

const TITLES: Record<DialogKind, string> = { help: 'Cascade help', about: 'About Cascade', feedback: 'Send feedback' };

const STYLE =
  '<style>body{font:13px/1.45 Roboto,Arial,sans-serif;color:#1f1f1f;margin:0 4px}h2{font-size:14px;margin:12px 0 4px}' +
  'dt{font-weight:600;margin-top:6px}dd{margin:0 0 0 12px}a{color:#0b57d0}code{font-size:12px}</style>';

export function showDialog(kind: DialogKind): void {
  const output = HtmlService.createHtmlOutput(STYLE + dialogBody(kind));
  SpreadsheetApp.getUi().showModalDialog(output, TITLES[kind]);
}

export function dialogBody(kind: DialogKind): string {
  if (kind === 'about') {
    return (
      `<p><strong>Cascade ${escape(VERSION)}</strong>: plans in Google Sheets, from goal to task.</p>` +
      '<p>Cascade reads only this spreadsheet and writes only its own columns (Progress, Pace, Check) and blank IDs. ' +
      'Templates go into a new sheet.</p>' +
      `<p>User guide: <code>${GUIDE_PATH}</code> in Cascade’s repository.</p>`
    );
  }
  if (kind === 'feedback') {
    return (
      '<p>Tell us what went wrong or what you miss. Please include:</p>' +
      `<ul><li>the version: <strong>${escape(VERSION)}</strong></li><li>the error code, if Cascade showed one</li>` +
      '<li>what you clicked, and what you expected</li></ul>' +
      '<p>Send it to whoever set Cascade up for your team, or open an issue in Cascade’s repository.</p>'
    );
  }
  const errors = ERROR_CODES.map(
    (code) =>
      `<dt><code>${code}</code>: ${escape(ERROR_CATALOG[code].title)}</dt><dd>${escape(ERROR_CATALOG[code].action)}</dd>`,
  ).join('');
  return (
    '<p><strong>Open sidebar</strong> shows the tools: <em>Template</em> starts a plan in a new sheet, <em>Check</em> checks every row ' +
    'against the SMART rules, <em>Progress</em> writes progress and pace, <em>Settings</em> holds this plan’s settings ' +
    '(today, framework, live check).</p>' +
    '<h2>Signed in to several Google accounts?</h2>' +
    '<p>Apps Script add-ons work with one account per browser: sign out of the others, or use a separate browser profile. ' +
    `<a href="${MULTIPLE_ACCOUNTS_HELP_URL}" target="_blank" rel="noopener">Google’s help</a></p>` +
    `<h2>Error codes</h2><dl>${errors}</dl>`
  );
}

function escape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}
