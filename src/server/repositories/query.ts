import { db } from '../cloud';
import type { CollectionName } from '../../contracts/collections';

/** The real cloud returns at most 1000 documents a call: page through a result that may be longer. */
const PAGE = 1000;

/** The SDK types get() as string | void | result (callback overloads): a query always yields data. */
function rows<T>(res: unknown): T[] {
  return (res as { data: T[] }).data;
}

export async function fetchAll<T>(collection: CollectionName, where: Record<string, unknown>, maxPages = 20): Promise<T[]> {
  const out: T[] = [];
  for (let page = 0; page < maxPages; page++) {
    const batch = rows<T>(await db().collection(collection).where(where).skip(page * PAGE).limit(PAGE).get());
    out.push(...batch);
    if (batch.length < PAGE) break;
  }
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
