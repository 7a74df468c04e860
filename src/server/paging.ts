/**
 * Cursor paging for lists that grow with use (approval inboxes, bookings): newest first by a time
 * field, ties broken by _id, so a page boundary never loses or repeats an item. The cursor is opaque
 * to the client (base64url of the last item's time and id) and checked before any query.
 */
import { AppError } from './errors';
import { db } from './cloud';
import type { CollectionName } from '../contracts/collections';

/** Items per page unless the caller asks for fewer; never more. */
export const PAGE_SIZE = 20;
export const PAGE_CAP = 50;

export interface Cursor {
  t: number;
  id: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  next: string | null;
}

// base64url by hand: the bundles run on Node 12, whose Buffer has no 'base64url' encoding.
export const encodeCursor = (c: Cursor): string =>
  Buffer.from(JSON.stringify([c.t, c.id]), 'utf8')
    .toString('base64')
    .replace(/\+/g, '-')
    .replace(/\//g, '_')
    .replace(/=+$/, '');

const INVALID = () => new AppError('INVALID_INPUT', '翻页标记（cursor）无效，请从第一页重新加载', 'cursor');

/** The cursor a client sent back, or INVALID_INPUT (a forged one is refused, never queried). */
export function decodeCursor(text: string | undefined): Cursor | null {
  if (text === undefined) return null;
  if (!/^[A-Za-z0-9_-]{1,200}$/.test(text)) throw INVALID();
  let v: unknown;
  try {
    v = JSON.parse(Buffer.from(text.replace(/-/g, '+').replace(/_/g, '/'), 'base64').toString('utf8'));
  } catch {
    throw INVALID();
  }
  if (
    !Array.isArray(v) ||
    v.length !== 2 ||
    !Number.isSafeInteger(v[0]) ||
    typeof v[1] !== 'string' ||
    !/^[\w@.-]{1,100}$/.test(v[1])
  )
    throw INVALID();
  return { t: v[0], id: v[1] };
}

/** The documents matching `where`, after the cursor, in (timeField desc, _id desc) order, at most `limit`. */
export async function pageOf<T extends { _id: string }>(
  collection: CollectionName,
  where: Record<string, unknown>,
  timeField: string,
  after: Cursor | null,
  limit: number,
): Promise<T[]> {
  const _ = db().command;
  const cond = after
    ? _.and([where, _.or([{ [timeField]: _.lt(after.t) }, { [timeField]: after.t, _id: _.lt(after.id) }])])
    : where;
  const res = await db()
    .collection(collection)
    .where(cond as Record<string, unknown>)
    .orderBy(timeField, 'desc')
    .orderBy('_id', 'desc')
    .limit(limit)
    .get();
  return (res as unknown as { data: T[] }).data;
}

/**
 * One page of the union of several queries (e.g. an inbox fed by the caller's step keys and by the
 * bureau's escalations), each read in the same order: the first `limit` of their merge is exact,
 * since anything before the cut is among the first `limit + 1` of its own query.
 */
export async function mergedPage<T extends { _id: string }>(
  collection: CollectionName,
  sources: Array<Record<string, unknown>>,
  timeField: keyof T & string,
  cursorText: string | undefined,
  limit: number,
): Promise<{ items: T[]; next: string | null }> {
  const after = decodeCursor(cursorText);
  const size = Math.min(Math.max(1, limit), PAGE_CAP);
  const batches = await Promise.all(sources.map((w) => pageOf<T>(collection, w, timeField, after, size + 1)));
  const byId = new Map<string, T>();
  for (const d of batches.flat()) byId.set(d._id, d);
  const time = (d: T) => d[timeField] as unknown as number;
  const all = [...byId.values()].sort((a, b) => time(b) - time(a) || (a._id < b._id ? 1 : a._id > b._id ? -1 : 0));
  const items = all.slice(0, size);
  const last = items[items.length - 1];
  return { items, next: all.length > size && last ? encodeCursor({ t: time(last), id: last._id }) : null };
}
