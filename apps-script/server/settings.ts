import * as z from 'zod/mini';
import { FrameworkIdSchema, IsoDateSchema, dayFromIso } from '../../shared/index.js';
import type { Day } from '../../shared/index.js';
import type { Settings } from '../protocol.js';
import type { ZoneCalendar } from './time-zone.js';

// The plan's settings live in the document's properties, so everyone editing the sheet shares them.

const SETTINGS_KEY = 'cascade.settings';

export const DEFAULT_SETTINGS: Settings = { today: null, allowOver: false, framework: null, liveCheck: true };

export const SettingsSchema = z.object({
  today: z.nullable(IsoDateSchema),
  allowOver: z.boolean(),
  framework: z.nullable(FrameworkIdSchema),
  liveCheck: z.boolean(),
}) satisfies z.ZodMiniType<Settings>;

/** Settings saved before a setting existed lack it: they get its default, not every default. */
const StoredSettingsSchema = z.object({
  today: z.nullable(IsoDateSchema),
  allowOver: z.boolean(),
  framework: z.nullable(FrameworkIdSchema),
  liveCheck: z.optional(z.boolean()),
});

/** The saved settings among the document's properties; defaults when none are saved or what is saved cannot be read. */
export function settingsFrom(properties: Readonly<Record<string, string>>): Settings {
  const text = properties[SETTINGS_KEY];
  if (text === undefined || text === '') return { ...DEFAULT_SETTINGS };
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return { ...DEFAULT_SETTINGS };
  }
  const parsed = StoredSettingsSchema.safeParse(raw);
  return parsed.success
    ? { ...DEFAULT_SETTINGS, ...parsed.data, liveCheck: parsed.data.liveCheck ?? DEFAULT_SETTINGS.liveCheck }
    : { ...DEFAULT_SETTINGS };
}

/**
 * The spreadsheet's time zone as the sidebar last found it, kept for the live check, which has no
 * sidebar to send it: it is checked against the date cells read like the sidebar's (ZoneCalendar.claimed).
 */
const ZONE_KEY = 'cascade.timeZone';

export function storedZone(properties: Readonly<Record<string, string>>): string | undefined {
  const zone = properties[ZONE_KEY];
  return zone === undefined || zone === '' ? undefined : zone;
}

export function saveZone(zone: string): void {
  PropertiesService.getDocumentProperties().setProperty(ZONE_KEY, zone);
}

export function saveSettings(settings: Settings): void {
  PropertiesService.getDocumentProperties().setProperty(SETTINGS_KEY, JSON.stringify(settings));
}

/** The "today" in effect: the setting, else the real date on the spreadsheet's calendar. */
export function effectiveToday(settings: Settings, calendar: ZoneCalendar): Day {
  return settings.today !== null ? dayFromIso(settings.today) : calendar.today();
}
