import cloud from 'wx-server-sdk';

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
 * Runs fn in a database transaction and returns its result. On a write conflict the SDK retries fn;
 * an error thrown by fn aborts the transaction (nothing written) and is rethrown.
 */
export function runTransaction<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  return db().runTransaction(fn as never) as Promise<T>;
}

/** A document's fields without its _id: set() and update() must not be given the id again. */
export function fieldsOf<T extends { _id: string }>(doc: T): Omit<T, '_id'> {
  const { _id: _ignored, ...fields } = doc;
  return fields;
}
