import { dayFromDate } from '../../shared/index.js';
import type { Day } from '../../shared/index.js';

// Google Sheets stores a date as a serial number of days on the spreadsheet's calendar; getValues()
// turns it into the instant of that wall-clock time in the SPREADSHEET's time zone. The script runs
// in its own time zone (appsscript.json), which an add-on cannot make match every user's sheet, so
// local getters (getDate()) would shift days for users east or west of it. Instead the calendar day
// of each instant is read in the spreadsheet's zone with Intl, a plain JavaScript call (no service
// call per cell), and handed to the core as a Date at UTC midnight, as shared/dates.ts expects.

/** True for a Date from any realm (a vm context, or Apps Script's host objects). */
export function isDate(value: unknown): value is Date {
  return typeof value === 'object' && value !== null && Object.prototype.toString.call(value) === '[object Date]';
}

export class ZoneCalendar {
  private zone: string | null = null;
  private zoneFormatter: Intl.DateTimeFormat | null | undefined;
  private clockFormatter: Intl.DateTimeFormat | null | undefined;
  private readonly cache = new Map<number, Date>();
  /** Instants seen at midnight in the claimed zone (few distinct days, many cells). */
  private readonly midnights = new Set<number>();
  /** False while the zone is the one the sidebar sent (see `claimed`), not yet asked of the spreadsheet. */
  private confirmed = true;

  /** The time zone, or how to ask for it: asked once, and only when a date needs it (one service call saved otherwise). */
  constructor(private readonly zoneSource: string | (() => string)) {}

  /**
   * A calendar on the zone the sidebar was told when it opened, which saves asking the spreadsheet.
   * Someone may have changed the spreadsheet's zone since: a date cell holds a day, which Sheets
   * hands over as that day's midnight in the spreadsheet's zone, so the first date read that is not
   * at midnight in `zone` (a changed zone, or a cell with a time of day) makes the calendar ask
   * `ask` once and use its answer from then on (settle()).
   */
  static claimed(zone: string, ask: () => string): ZoneCalendar {
    const calendar = new ZoneCalendar(ask);
    calendar.zone = zone;
    calendar.confirmed = false;
    return calendar;
  }

  get timeZone(): string {
    this.zone ??= typeof this.zoneSource === 'string' ? this.zoneSource : this.zoneSource();
    return this.zone;
  }

  /**
   * Before the dates of a grid are read: a claimed zone that a date cell contradicts (not at
   * midnight in it) is replaced by the spreadsheet's own, asked once. Without Intl time zone data
   * nothing can be checked, so the zone is asked at the first date.
   */
  settle(values: readonly (readonly unknown[])[]): void {
    if (this.confirmed) return;
    for (const row of values)
      for (const cell of row)
        if (typeof cell === 'object' && cell !== null && isDate(cell) && !this.atMidnight(cell)) {
          this.confirm();
          return;
        }
  }

  private confirm(): void {
    this.confirmed = true;
    const real = typeof this.zoneSource === 'string' ? this.zoneSource : this.zoneSource();
    if (real === this.zone) return;
    this.zone = real;
    this.zoneFormatter = undefined;
    this.clockFormatter = undefined;
    this.cache.clear();
  }

  private atMidnight(instant: Date): boolean {
    if (this.clockFormatter === undefined) this.clockFormatter = zoneFormat(this.timeZone, true);
    if (this.clockFormatter === null) return false;
    const time = instant.getTime();
    if (Number.isNaN(time) || this.midnights.has(time)) return true;
    const midnight =
      time % 1000 === 0 &&
      this.clockFormatter
        .formatToParts(instant)
        .every((p) => (p.type !== 'hour' && p.type !== 'minute' && p.type !== 'second') || Number(p.value) === 0);
    if (midnight) this.midnights.add(time);
    return midnight;
  }

  private get format(): Intl.DateTimeFormat | null {
    if (this.zoneFormatter === undefined) this.zoneFormatter = zoneFormat(this.timeZone);
    return this.zoneFormatter;
  }

  /** The calendar day of an instant in the spreadsheet's zone, as a Date at UTC midnight. */
  utcMidnight(instant: Date): Date {
    const time = instant.getTime();
    if (Number.isNaN(time)) return new Date(Number.NaN);
    const hit = this.cache.get(time);
    if (hit !== undefined) return new Date(hit.getTime());
    const date = new Date(this.utcDayStart(instant));
    this.cache.set(time, date);
    return new Date(date.getTime());
  }

  /** The calendar day of an instant in the spreadsheet's zone. */
  dayOf(instant: Date): Day {
    return dayFromDate(this.utcMidnight(instant));
  }

  /** Today in the spreadsheet's zone. */
  today(now: Date = new Date()): Day {
    return this.dayOf(now);
  }

  private utcDayStart(instant: Date): number {
    if (this.format !== null) {
      let year = 0;
      let month = 0;
      let day = 0;
      for (const part of this.format.formatToParts(instant)) {
        if (part.type === 'year') year = Number(part.value);
        else if (part.type === 'month') month = Number(part.value);
        else if (part.type === 'day') day = Number(part.value);
      }
      if (year > 0 && month > 0 && day > 0) return Date.UTC(year, month - 1, day);
    }
    // No Intl time zone data: ask Apps Script (one call per distinct date, cached above).
    const iso = Utilities.formatDate(instant, this.timeZone, 'yyyy-MM-dd');
    return Date.UTC(Number(iso.slice(0, 4)), Number(iso.slice(5, 7)) - 1, Number(iso.slice(8, 10)));
  }
}

function zoneFormat(timeZone: string, clock = false): Intl.DateTimeFormat | null {
  try {
    const format = new Intl.DateTimeFormat(
      'en-US',
      clock
        ? { timeZone, hourCycle: 'h23', hour: 'numeric', minute: 'numeric', second: 'numeric' }
        : { timeZone, year: 'numeric', month: 'numeric', day: 'numeric' },
    );
    // A runtime without time zone data may ignore the zone or lack formatToParts: use the fallback.
    return format.formatToParts(new Date(0)).some((p) => p.type === (clock ? 'hour' : 'day')) ? format : null;
  } catch {
    return null;
  }
}

/**
 * Replaces every Date in a grid of getValues() cells by its calendar day at UTC midnight, in place.
 * Other cells are left as they are.
 */
export function normaliseDates(values: unknown[][], calendar: ZoneCalendar): void {
  calendar.settle(values);
  for (let r = 0; r < values.length; r++) {
    const row = values[r];
    for (let c = 0; c < row.length; c++) {
      const cell = row[c];
      if (typeof cell === 'object' && cell !== null && isDate(cell)) row[c] = calendar.utcMidnight(cell);
    }
  }
}
