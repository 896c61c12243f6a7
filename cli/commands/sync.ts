import { Command } from 'commander';

/** STUB: `cascade sync`, written by the Notion mirror work. */
export function syncCommand(): Command {
  return new Command('sync').description('Mirror the plan into Notion databases (not built yet)');
}
