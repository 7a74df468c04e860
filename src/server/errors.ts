import type { ErrorCode } from '../contracts/envelope';

/** An expected failure an action reports to the caller as `{ ok: false, code, message }`. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const notFound = (what: string) => new AppError('NOT_FOUND', `未找到${what}`);
export const forbidden = (why: string) => new AppError('FORBIDDEN', why);
