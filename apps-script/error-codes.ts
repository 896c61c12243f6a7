import type { ErrorCode } from './protocol.js';

// The error catalog: every error the sidebar shows ends with "Error code: <code>", so a person can
// quote it and a maintainer can find it here and in docs/add-on.md ("Errors"). A test checks that
// the two list the same codes.

export interface ErrorInfo {
  /** What happened, in a few words. */
  title: string;
  /** What the person can do about it. */
  action: string;
}

export const ERROR_CATALOG: Readonly<Record<ErrorCode, ErrorInfo>> = {
  'not-a-plan': {
    title: 'The sheet is not a plan',
    action:
      'Choose Use this sheet to say which column is which, open the sheet that holds your plan, or insert a template.',
  },
  busy: {
    title: 'Cascade is already updating this spreadsheet',
    action: 'Someone else (or the live check) is writing. Try again in a moment.',
  },
  'bad-request': {
    title: 'The sidebar sent something Cascade cannot read',
    action: 'Close and reopen the sidebar (Extensions → Cascade → Open sidebar).',
  },
  'no-sheet': {
    title: 'The sheet is gone',
    action: 'It was renamed or deleted: open your plan and run the action again.',
  },
  'multiple-accounts': {
    title: 'Google could not tell which of your accounts is using Cascade',
    action:
      'Sign out of your other Google accounts, or open the sheet in a separate browser profile (or a private window) signed in to one account only.',
  },
  'not-in-sheets': {
    title: 'The sidebar is not running inside Google Sheets',
    action: 'Open it from Extensions → Cascade in your spreadsheet.',
  },
  'cannot-replan': {
    title: 'That replanning choice does not fit the row',
    action:
      "Read the reason above (a Target that is not lower, a date past the parent's, nothing to undo), then choose again.",
  },
  'google-failed': {
    title: 'Google Sheets failed the request',
    action: 'Try again in a moment; if it keeps failing, reload the spreadsheet.',
  },
  notion: {
    title: 'Notion refused or could not be reached',
    action:
      'Read the line above it: check the secret and that the page is shared with the integration (Connections), then Test connection.',
  },
};

export const ERROR_CODES = Object.keys(ERROR_CATALOG) as ErrorCode[];
