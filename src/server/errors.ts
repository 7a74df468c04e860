import type { ErrorCode } from '../contracts/envelope';

/** An expected failure an action reports to the caller as `{ ok: false, code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
    /** Seconds until a retry may succeed (RATE_LIMITED, INVITE_LOCKED). */
    readonly retryAfter?: number,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `未找到${what}`);
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);

/** A domain rule's refusal ({ code, message, field }) as the error the caller gets. */
export const refused = (r: { code: ErrorCode; message: string; field?: string }) => new AppError(r.code, r.message, r.field);
