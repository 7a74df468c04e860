import type { DutyRefusalCode } from '../domain/duty';
import type { PresenceRefusalCode } from '../domain/presence';
import type { ApprovalRefusalCode } from '../domain/approval';
import type { InviteRefusalCode } from '../domain/invite';

/** The wire contract of every cloud function: `{ ok: true, data }` or `{ ok: false, code, message }`. */
export const ERROR_CODES = {
  INVALID_INPUT: 'INVALID_INPUT',
  UNKNOWN_ACTION: 'UNKNOWN_ACTION',
  UNAUTHENTICATED: 'UNAUTHENTICATED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  /** WeChat's text check (security.msgSecCheck) judged typed text risky: nothing stored; `field` names it. */
  CONTENT_REJECTED: 'CONTENT_REJECTED',
  /** The text check could not be done (WeChat busy, openid not seen recently): nothing stored, try again. */
  CONTENT_CHECK_UNAVAILABLE: 'CONTENT_CHECK_UNAVAILABLE',
  /** The caller used up the action's per-caller limit (access.ts): nothing written; `retryAfter` says when. */
  RATE_LIMITED: 'RATE_LIMITED',
  /** Too many wrong invite codes: binding is locked for this caller until `retryAfter` has passed. */
  INVITE_LOCKED: 'INVITE_LOCKED',
  INTERNAL: 'INTERNAL',
} as const;

/** Codes of the duty rules (NO_DUTY_NOW, OVERLAPPING_DUTIES, MAKEUP_LIMIT …) and of the duty function. */
export type DutyErrorCode =
  | DutyRefusalCode
  | PresenceRefusalCode
  | 'PRESENCE_NOT_CONFIGURED'
  | 'PRESENCE_LOCKED'
  | 'HOST_LOCATION_UNKNOWN'
  | 'NO_SUCH_SESSION'
  | 'MAKEUP_PENDING'
  | 'ALREADY_DECIDED'
  | 'NOT_FIELD_WORK'
  | 'ALREADY_CONFIRMED';

/** Codes of the approval rules (NOT_YOUR_STEP, STALE_VERSION …) and of the approval function. */
export type ApprovalErrorCode = ApprovalRefusalCode | 'POLICY_BLOCK' | 'BOOKING_CONFLICT';

export type ErrorCode =
  (typeof ERROR_CODES)[keyof typeof ERROR_CODES] | DutyErrorCode | ApprovalErrorCode | InviteRefusalCode;

export interface Ok<T> {
  ok: true;
  data: T;
}

export interface Fail {
  ok: false;
  code: ErrorCode;
  /** Chinese, for people. */
  message: string;
  /** The input field at fault (INVALID_INPUT). */
  field?: string;
  /** RATE_LIMITED, INVITE_LOCKED: seconds until the caller may try again. */
  retryAfter?: number;
}

export type Envelope<T> = Ok<T> | Fail;
