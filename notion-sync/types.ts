// The mirror's own data: what Notion should hold (MirrorPlan) and what a run did (SyncReport).
import type { CheckIn, Framework, LevelName } from '../shared/index.js';
import type { MirroredKey } from './schema.js';
import type { PulledValue } from './pull.js';

/** A property value as the mirror compares it: text, a number, a select name, an ISO date, or blank. */
export type Value = string | number | null;

/** One plan row as Notion should show it. */
export interface MirrorRow {
  /** The row's ID, trimmed and lower-cased: how pages are matched (like the plan's own ID check). */
  key: string;
  /** Spreadsheet row number, for messages. */
  row: number;
  level: LevelName;
  /** The parent row's key and level when the page links to it (its level is higher), else null. */
  parent: { key: string; level: LevelName } | null;
  values: Record<MirroredKey, Value>;
}

/** A plan row that has no page in Notion, and why. */
export interface SkippedRow {
  row: number;
  id: string;
  reason: string;
}

/** Rows whose text was too long for Notion and was cut. */
export interface CutText {
  row: number;
  id: string;
  column: string;
}

/** The whole desired state: one database per level of the framework, top level first. */
export interface MirrorPlan {
  framework: Framework;
  levels: { level: LevelName; rows: MirrorRow[] }[];
  skipped: SkippedRow[];
  cut: CutText[];
  /** The plan's check-in history, mirrored into the Check-ins database (none: no such database is made). */
  history?: readonly CheckIn[];
}

export type ChangeKind = 'create' | 'update' | 'trash';

/** One page write the sync makes (or, in a dry run, would make). */
export interface PageChange {
  kind: ChangeKind;
  database: string;
  /** The Cascade ID ('' for a page without one). */
  id: string;
  title: string;
  /** Spreadsheet row, when the change comes from a plan row. */
  row?: number;
  /** Properties written (create: all non-blank; update: the changed ones). */
  properties: string[];
  /** Why a page is trashed: 'removed' from the plan, or a 'duplicate' of another page. */
  reason?: 'removed' | 'duplicate';
}

/** A change to a database itself: created, or properties restored. */
export interface SchemaChange {
  database: string;
  kind: 'create database' | 'restore properties';
  properties: string[];
}

export interface DatabaseCounts {
  database: string;
  /** Notion's id of the database (absent in a dry run of a database not made yet). */
  databaseId?: string;
  created: number;
  updated: number;
  trashed: number;
  unchanged: number;
}

/** A value Notion refused: the row and column it came from, and Notion's words. */
export interface RejectedRow {
  database: string;
  id: string;
  row?: number;
  column?: string;
  message: string;
}

export interface SyncReport {
  dryRun: boolean;
  schema: SchemaChange[];
  changes: PageChange[];
  databases: DatabaseCounts[];
  rejected: RejectedRow[];
  /** Check-ins changed in Notion: pulled into the plan, or overridden by a newer change in the plan. */
  pulled: PulledValue[];
  warnings: string[];
  calls: { total: number; reads: number; writes: number; retries: number; byKind: Record<string, number> };
  ms: number;
  /** Set when the run stopped at its deadline: the writes it did not start (the next run makes them). */
  incomplete?: { left: number };
}
