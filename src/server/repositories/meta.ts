import { COLLECTIONS } from '../../contracts/collections';
import { fetchById } from './query';

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
