import cloud from 'wx-server-sdk';
import { AppError } from './errors';

// The one place that touches wx-server-sdk's loosely typed entry points.
cloud.init({ env: cloud.DYNAMIC_CURRENT_ENV as unknown as string });

export type Database = ReturnType<typeof cloud.database>;

let database: Database | null = null;

/** The cloud database (created once per warm instance). */
export function db(): Database {
  database ??= cloud.database();
  return database;
}

/** The caller's OPENID: the only identity a function trusts. Null when the call has none. */
export function callerOpenId(): string | null {
  const { OPENID } = cloud.getWXContext();
  return typeof OPENID === 'string' && OPENID.length > 0 ? OPENID : null;
}

/** The single-document operations a transaction offers (no where() inside a transaction). */
export interface TxDoc {
  get(): Promise<{ data: unknown }>;
  set(options: { data: Record<string, unknown> }): Promise<unknown>;
  update(options: { data: Record<string, unknown> }): Promise<unknown>;
  remove(): Promise<unknown>;
}
export interface Tx {
  collection(name: string): { doc(id: string): TxDoc };
}

/**
 * A transaction that lost to a concurrent write. At commit the error keeps CloudBase's code; from a
 * document operation inside the transaction wx-server-sdk 4.0.2 rewraps it as errCode -501001 and only
 * the server's message ("[ResourceUnavailable.TransactionConflict] …") still tells.
 */
function isTransactionConflict(err: unknown): boolean {
  const e = err as { code?: unknown; message?: unknown; errMsg?: unknown } | null;
  if (!e || typeof e !== 'object') return false;
  return (
    e.code === 'DATABASE_TRANSACTION_CONFLICT' ||
    [e.message, e.errMsg].some((m) => typeof m === 'string' && m.includes('[ResourceUnavailable.TransactionConflict]'))
  );
}

/** Attempts of a transaction that conflicts: the first and 3 retries, as the SDK's default. */
const TX_ATTEMPTS = 4;
const pause = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Runs fn in a database transaction and returns its result. A conflict (in either form) reruns fn,
 * after a short random pause, up to TX_ATTEMPTS times; a conflict that outlasts them answers CONFLICT
 * (nothing written, try again) rather than INTERNAL. An error thrown by fn aborts the transaction
 * (nothing written) and is rethrown. The SDK's own retry is off (times 0): it misses the wrapped form.
 */
export async function runTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt++) {
    try {
      return (await db().runTransaction(fn, 0)) as T;
    } catch (err) {
      if (!isTransactionConflict(err)) throw err;
      if (attempt >= TX_ATTEMPTS) throw new AppError('CONFLICT', '数据正在被他人同时修改，请稍后重试');
      await pause(Math.random() * 10 * attempt);
    }
  }
}

/** A document's fields without its _id: set() and update() must not be given the id again. */
export function fieldsOf<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}
