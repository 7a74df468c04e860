import { db } from '../cloud';
import type { CollectionName } from '@/contracts/collections';

/** The real cloud returns at most 1000 documents a call: page through a result that may be longer. */
const PAGE = 1000;

/** The SDK types get() as string | void | result (callback overloads): a query always yields data. */
function rows<T>(res: unknown): T[] {
  return (res as { data: T[] }).data;
}

/** The most documents fetchAll returns by default (20 pages); a caller that may need more says so. */
export const FETCH_ALL_MAX_PAGES = 20;

/** A result longer than the caller's cap: refused whole rather than cut silently. */
export class TooManyDocumentsError extends Error {
  constructor(
    readonly collection: CollectionName,
    readonly cap: number,
  ) {
    super(
      `fetchAll: more than ${cap} documents of ${collection} match the query (cap ${cap}); page or narrow the query instead of reading them all`,
    );
    this.name = 'TooManyDocumentsError';
  }
}

/**
 * Every document matching `where`, in _id order, each exactly once. Pages by a range on _id
 * (`_id > last of the previous page`, ordered by _id, 1000 a page): stable while documents are added,
 * and no skip cost. At most maxPages × 1000 documents: when more match, it throws
 * TooManyDocumentsError instead of returning a partial list.
 */
export async function fetchAll<T>(
  collection: CollectionName,
  where: Record<string, unknown>,
  maxPages = FETCH_ALL_MAX_PAGES,
): Promise<T[]> {
  const _ = db().command;
  const after = (last: string | number | undefined): Record<string, unknown> => {
    if (last === undefined) return where;
    const range = { _id: _.gt(last) };
    // The caller's own condition on _id (an $in) must hold too: combine rather than overwrite it.
    return '_id' in where ? (_.and([where, range]) as unknown as Record<string, unknown>) : { ...where, ...range };
  };
  const page = (last: string | number | undefined, limit: number) =>
    db().collection(collection).where(after(last)).orderBy('_id', 'asc').limit(limit).get();

  const out: T[] = [];
  let last: string | number | undefined;
  for (let n = 0; n < maxPages; n++) {
    const batch = rows<T & { _id: string | number }>(await page(last, PAGE));
    out.push(...batch);
    if (batch.length < PAGE) return out;
    last = batch[batch.length - 1]._id;
  }
  // The cap was reached with a full last page: one more document means the list would be cut.
  if (rows<unknown>(await page(last, 1)).length > 0) throw new TooManyDocumentsError(collection, maxPages * PAGE);
  return out;
}

/** One document by id, or null (the SDK rejects a missing doc().get(); a where() on _id does not). */
export async function fetchById<T>(collection: CollectionName, id: string): Promise<T | null> {
  const [doc] = rows<T>(await db().collection(collection).where({ _id: id }).limit(1).get());
  return doc ?? null;
}

/**
 * Inserts a document whose id is its identity (a session, a client request id); false when that id
 * exists already, so a retry or a concurrent duplicate writes nothing.
 */
export async function insertOnce(collection: CollectionName, doc: { _id: string }): Promise<boolean> {
  try {
    await db().collection(collection).add({ data: doc });
    return true;
  } catch (err) {
    if (await fetchById(collection, doc._id)) return false;
    throw err;
  }
}
