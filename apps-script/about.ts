// What the add-on says about itself (menu Help / About / Feedback, the sidebar's footer, the
// multiple-accounts advice). The version is package.json's, put in by the build
// (scripts/build-addon.mjs defines CASCADE_VERSION); tests and tsc see the declaration below.

declare const CASCADE_VERSION: string;

/** package.json's version, e.g. "0.1.0" ("dev" outside a build). */
export const VERSION: string = typeof CASCADE_VERSION === 'string' ? CASCADE_VERSION : 'dev';

/**
 * Google's Apps Script troubleshooting guide, whose section on multiple accounts explains the
 * limitation. Linked without a fragment: the section's anchor could not be verified from here.
 */
export const MULTIPLE_ACCOUNTS_HELP_URL = 'https://developers.google.com/apps-script/guides/support/troubleshooting';

/** Where the add-on's user guide lives (docs/add-on.md, "Errors" lists every error code). */
export const GUIDE_PATH = 'docs/add-on.md';

/**
 * Where feedback goes. Cascade has no public site or support address: an add-on installed for a
 * team is supported by whoever installed it, who passes it on to Cascade's maintainers.
 */
export const FEEDBACK_WHERE =
  'Cascade has no public website or support address. Send this to the person who installed Cascade for you ' +
  '(in a company, your Google Workspace administrator); they pass it on to Cascade’s maintainers.';
