// The options every command that writes to the history shares: a note, and who.
import { userInfo } from 'node:os';
import { Option } from 'commander';
import { isoFromDay, type Plan } from '../../shared/index.js';
import type { CellEdit } from '../write/cell-edit.js';

export interface CheckInFlags {
  note?: string;
  who?: string;
}

export function noteOption(what: string): Option {
  return new Option('--note <text>', `a note for ${what}`);
}

export function whoOption(): Option {
  return new Option('--who <name>', 'who checks in (default: your user name)');
}

/** --who, else the account's user name ('' when the system has none). */
export function whoOf(flags: CheckInFlags): string {
  if (flags.who !== undefined) return flags.who;
  try {
    return userInfo().username;
  } catch {
    return '';
  }
}

/** Last check-in cells as edits (a date written as YYYY-MM-DD text, which every spreadsheet reads). */
export function lastCheckInCellEdits(plan: Plan, days: readonly { row: number; day: number }[]): CellEdit[] {
  const col = plan.columns.lastCheckIn;
  if (col === undefined) return [];
  return days.map((e) => ({ row: e.row, col, value: isoFromDay(e.day), onFormula: 'skip' as const }));
}
