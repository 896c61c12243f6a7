import { DEFAULT_START, START_ATTRIBUTE } from '../protocol.js';
import type { StartTab } from '../protocol.js';
import { showDialog } from './dialogs.js';

// Entry points Apps Script calls from the menu. onOpen may run in AuthMode.NONE (before the user
// has authorised the add-on in this document): it only builds the menu, and nothing at module
// scope of the bundle calls a service, or the menu would not be built at all.

export const SIDEBAR_FILE = 'sidebar';
export const SIDEBAR_TITLE = 'Cascade';

export function onOpen(_event?: GoogleAppsScript.Events.SheetsOnOpen): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open sidebar', 'menuOpenSidebar')
    .addItem('Insert template', 'menuInsertTemplate')
    .addItem('Check plan', 'menuCheckPlan')
    .addItem('Update progress', 'menuUpdateProgress')
    .addSeparator()
    .addItem('Help', 'menuHelp')
    .addItem('About', 'menuAbout')
    .addItem('Feedback', 'menuFeedback')
    .addToUi();
}

/**
 * Installing from the Marketplace runs onInstall, not onOpen: build the menu at once, then greet
 * the person in the sidebar (onInstall runs authorised, so it may open one).
 */
export function onInstall(event?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(event as GoogleAppsScript.Events.SheetsOnOpen | undefined);
  showSidebar('auto', false, true);
}

export function menuHelp(): void {
  showDialog('help');
}

export function menuAbout(): void {
  showDialog('about');
}

export function menuFeedback(): void {
  showDialog('feedback');
}

export function menuOpenSidebar(): void {
  showSidebar('auto', false);
}

export function menuInsertTemplate(): void {
  showSidebar('template', false);
}

export function menuCheckPlan(): void {
  showSidebar('check', true);
}

export function menuUpdateProgress(): void {
  showSidebar('progress', true);
}

/** Opens the sidebar on a tab; `run` starts that tab's action as soon as it is shown; `welcome` greets a new user. */
export function showSidebar(tab: StartTab, run: boolean, welcome = false): void {
  const html = HtmlService.createHtmlOutputFromFile(SIDEBAR_FILE).getContent();
  const start = `${START_ATTRIBUTE}="${tab}${run ? ':run' : welcome ? ':welcome' : ''}"`;
  const output = HtmlService.createHtmlOutput(html.replace(`${START_ATTRIBUTE}="${DEFAULT_START}"`, start)).setTitle(
    SIDEBAR_TITLE,
  );
  SpreadsheetApp.getUi().showSidebar(output);
}
