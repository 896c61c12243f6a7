import { InvalidArgumentError, Option } from 'commander';
import {
  FRAMEWORK_IDS,
  dayFromIso,
  isoFromDay,
  parseColumnMapping,
  parseDay,
  PlanFormatError,
  slashDateOrder,
  todayDay,
  type ColumnMapping,
  type Day,
  type FrameworkId,
} from '../shared/index.js';

export type OutputFormat = 'text' | 'json';

/** Options shared by the commands that read a plan. */
export interface PlanOptions {
  format: OutputFormat;
  today?: Day;
  framework?: FrameworkId;
  columns?: ColumnMapping;
}

export function formatOption(): Option {
  return new Option('--format <format>', 'output format').choices(['text', 'json']).default('text');
}

export function todayOption(): Option {
  return new Option('--today <date>', 'the date to check against, YYYY-MM-DD (default: today)').argParser(parseToday);
}

export function frameworkOption(description = "the plan's framework (default: inferred from its levels)"): Option {
  return new Option('--framework <framework>', description).choices(FRAMEWORK_IDS);
}

export function parseToday(value: string): Day {
  try {
    return dayFromIso(value);
  } catch {
    // A date written another way is named in the form wanted, unless it could be day or month first.
    const read = slashDateOrder(value) === 'either' ? null : parseDay(value);
    const fix = read?.state === 'ok' ? `: write ${isoFromDay(read.value)}` : '';
    throw new InvalidArgumentError(`"${value}" is not a date like 2026-05-01${fix}.`);
  }
}

/** The day the command checks against: --today, else the machine's local date. */
export function todayOf(options: { today?: Day }): Day {
  return options.today ?? todayDay();
}

export function columnsOption(): Option {
  return new Option(
    '--columns <mapping>',
    'which column is which, where the headers do not say: "Title=Key result,Owner=DRI"',
  ).argParser(parseColumns);
}

export function parseColumns(value: string): ColumnMapping {
  try {
    return parseColumnMapping(value);
  } catch (error) {
    if (error instanceof PlanFormatError) throw new InvalidArgumentError(error.message);
    throw error;
  }
}
