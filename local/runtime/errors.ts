/**
 * Errors answered by the local transport. They carry the same `code` strings the TCB server uses, so
 * wx-server-sdk maps them to the same numeric errCode (-502001 …) and @cloudbase/database's
 * runTransaction recognises DATABASE_TRANSACTION_CONFLICT and retries.
 */
export const CODE = {
  REQUEST_FAILED: 'DATABASE_REQUEST_FAILED', // -502001
  INVALID_OPERATOR: 'DATABASE_INVALID_OPERRATOR', // -502002 (sic, the SDK's spelling)
  COLLECTION_NOT_EXIST: 'DATABASE_COLLECTION_NOT_EXIST', // -502005
  COLLECTION_EXISTS: 'DATABASE_COLLECTION_ALREADY_EXIST',
  INVALID_PARAM: 'INVALID_PARAM', // -501007
  TX_CONFLICT: 'DATABASE_TRANSACTION_CONFLICT',
  TX_FAIL: 'DATABASE_TRANSACTION_FAIL',
  SYS_ERR: 'SYS_ERR', // -501001
} as const;

export type Code = (typeof CODE)[keyof typeof CODE];

/** Same shape as @cloudbase/node-sdk's TcbError: what its requester throws for a response with `code`. */
export class CloudDbError extends Error {
  requestId = '';
  constructor(
    readonly code: Code,
    message: string,
  ) {
    super(message);
    this.name = 'CloudDbError';
  }
}

/**
 * CloudBase's message for DATABASE_TRANSACTION_CONFLICT. For a document operation inside a transaction
 * wx-server-sdk 4.0.2 wraps the error into `{ errCode: -501001, errMsg: "document.update:fail -501001
 * resource system error. <message>" }`, dropping `code`: runTransaction then does not retry it, and
 * this message is all that tells a conflict apart.
 */
export const TX_CONFLICT_MESSAGE =
  '[ResourceUnavailable.TransactionConflict] Transaction is conflict, maybe resource operated by others. Please check your request, but if the problem persists, contact us.';

/** A transaction conflict as the cloud reports it, with what the local runtime saw. */
export const txConflict = (detail: string): never => {
  throw new CloudDbError(CODE.TX_CONFLICT, `${TX_CONFLICT_MESSAGE} (local runtime: ${detail})`);
};

export const fail = (code: Code, message: string): never => {
  throw new CloudDbError(code, message);
};

/** Anything thrown while serving a request becomes a server-style error (mingo errors included). */
export function asCloudError(e: unknown): CloudDbError {
  if (e instanceof CloudDbError) return e;
  const message = e instanceof Error ? e.message : String(e);
  return new CloudDbError(CODE.REQUEST_FAILED, message);
}
