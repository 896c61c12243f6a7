import { UserError } from './errors.js';

/** How long a write waits for another one on the same document to finish. */
const LOCK_WAIT_MS = 20_000;

/**
 * Runs `work` holding the document lock, so two people (or a trigger and a sidebar) never write
 * the same sheet at once; pending writes are flushed before the lock is released.
 */
export function withDocumentLock<T>(work: () => T, waitMs = LOCK_WAIT_MS): T {
  const lock = LockService.getDocumentLock();
  if (lock === null) return work(); // not bound to a document (never the case in Sheets)
  if (!lock.tryLock(waitMs)) {
    throw new UserError('busy', 'Cascade is already updating this spreadsheet for someone else. Try again in a moment.');
  }
  try {
    const result = work();
    SpreadsheetApp.flush();
    return result;
  } finally {
    lock.releaseLock();
  }
}
