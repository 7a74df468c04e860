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
