import type { ErrorCode } from '../protocol.js';

/** A problem the user can act on: shown in the sidebar as is, never as a stack trace. */
export class UserError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'UserError';
  }
}
