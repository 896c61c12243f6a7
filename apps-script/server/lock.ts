import { UserError } from './errors.js';

/** How long a write waits for another one on the same document to finish. */
const LOCK_WAIT_MS = 20_000;

/**
 * Runs `work` holding the document lock, so two people (or a trigger and a sidebar) never write
 * the same sheet at once. Every caller is the last thing its execution does (a google.script.run
 * target, a menu item, onEdit), so the lock is not released here: Apps Script releases it when the
 * script ends ("Locks are released automatically when the script terminates", Lock reference),
 * which saves a service call per action. Pending writes are flushed first, while the lock is still
 * held, as the reference asks. So: one locked section per execution.
 */
export function withDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (lock === null) return work(); // not bound to a document (never the case in Sheets)
  if (!lock.tryLock(waitMs)) {
    throw new UserError(
      'busy',
      'Cascade is already updating this spreadsheet for someone else. Try again in a moment.',
    );
  }
  const result = work();
  SpreadsheetApp.flush();
  return result;
}
