// The add-on's clock triggers for the mirror: a one-off that continues a run cut at the time limit,
// and the schedule. Both call notionTimer; which spreadsheet a trigger is for is kept in the user's
// properties under its id (a time-driven run has no active spreadsheet).
import type { NotionFrequency } from '../../protocol.js';
import { forgetTrigger, rememberTrigger } from './store.js';

export const TIMER_FUNCTION = 'notionTimer';
/** A scheduled daily run starts in this hour (the spreadsheet owner's time zone); Apps Script picks the minute. */
const DAILY_HOUR = 6;

export function continueLater(spreadsheetId: string, afterMs: number): string {
  const trigger = ScriptApp.newTrigger(TIMER_FUNCTION).timeBased().after(afterMs).create();
  rememberTrigger(trigger.getUniqueId(), spreadsheetId);
  return trigger.getUniqueId();
}

export function schedule(spreadsheetId: string, frequency: NotionFrequency): string {
  const builder = ScriptApp.newTrigger(TIMER_FUNCTION).timeBased();
  const trigger =
    frequency === 'hourly' ? builder.everyHours(1).create() : builder.everyDays(1).atHour(DAILY_HOUR).create();
  rememberTrigger(trigger.getUniqueId(), spreadsheetId);
  return trigger.getUniqueId();
}

/** Removes one of this user's triggers (gone already is fine). */
export function removeTrigger(triggerId: string | null): void {
  if (triggerId === null) return;
  for (const trigger of ScriptApp.getProjectTriggers()) {
    if (trigger.getUniqueId() === triggerId) ScriptApp.deleteTrigger(trigger);
  }
  forgetTrigger(triggerId);
}
