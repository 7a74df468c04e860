import { COLLECTIONS } from '@/contracts/collections';
import { fetchById } from './query';
import type { Tx } from '../cloud';

interface ReferenceMeta {
  _id: 'reference';
  version: number;
}

/**
 * The version of the reference data (schools, 学区, zoning, feeders). Every writer of those bumps it;
 * warm function instances compare it with their cache: one small read instead of reloading a district.
 */
export async function referenceVersion(): Promise<number> {
  const meta = await fetchById<ReferenceMeta>(COLLECTIONS.meta, 'reference');
  return meta?.version ?? 0;
}

/** Starts reading the version now (to overlap it with other reads); unawaited, a failure is not unhandled. */
export function startVersionCheck(): Promise<number> {
  const version = referenceVersion();
  version.catch(() => undefined);
  return version;
}

/**
 * Bumps the reference data version inside a transaction (the writer's own), so the bump commits with
 * the write it announces and concurrent writers conflict on this one document. Returns the new version.
 */
export async function bumpReferenceVersion(tx: Tx): Promise<number> {
  const ref = tx.collection(COLLECTIONS.meta).doc('reference');
  const current = (await ref.get().catch(() => ({ data: null }))).data as ReferenceMeta | null;
  const version = (current?.version ?? 0) + 1;
  await ref.set({ data: { version } });
  return version;
}

/** The reference data changed since a writer validated against it: the writer checks again and retries. */
export class StaleReference extends Error {
  constructor() {
    super('reference data changed since it was read');
  }
}

/**
 * bumpReferenceVersion for a writer that validated against `expected`: when another writer committed
 * since (the version moved), nothing is written and StaleReference is thrown, so the writer re-validates
 * instead of writing counts or outcomes computed from data that is gone.
 */
export async function bumpReferenceVersionFrom(tx: Tx, expected: number): Promise<number> {
  const ref = tx.collection(COLLECTIONS.meta).doc('reference');
  const current = ((await ref.get().catch(() => ({ data: null }))).data as ReferenceMeta | null)?.version ?? 0;
  if (current !== expected) throw new StaleReference();
  await ref.set({ data: { version: current + 1 } });
  return current + 1;
}
