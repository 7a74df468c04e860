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

/**
 * A domain rule's refusal: `{ ok: false, code, message }`, some with a field (the duty, invite and approval
 * rules all answer so). Its code is one of the contract's error codes (each contract lists its domain's).
 */
export interface DomainRefusal {
  ok: false;
  code: string;
  message: string;
}

export const isRefusal = <X>(x: X): x is Extract<X, DomainRefusal> => (x as DomainRefusal | null)?.ok === false;

/** The one way a domain refusal becomes the caller's error: its stable code, Chinese message and field. */
export const refused = (r: { code: string; message: string; field?: string }) =>
  new AppError(r.code as ErrorCode, r.message, r.field);

/** The value of a rule that answers a value or a refusal; a refusal is thrown as the caller's error. */
export function orThrow<X>(x: X): Exclude<X, DomainRefusal> {
  if (isRefusal(x)) throw refused(x); // a field, when the rule names one, is kept
  return x as Exclude<X, DomainRefusal>;
}
