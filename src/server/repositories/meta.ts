import { COLLECTIONS } from '../../contracts/collections';
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
