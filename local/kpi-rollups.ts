/**
 * KPI rollups written straight into a local store from its clock records: for seeded data, records a
 * test inserts directly, and the bench. The same domain function as the cloud rebuild
 * (admin.rebuildKpiRollups), so the figures are those the live writes keep.
 */
import { COLLECTIONS } from '../src/contracts/collections';
import type { ClockRecord } from '../src/domain/duty/types';
import { rollupsFromRecords, type KpiRollup } from '../src/domain/kpi-rollup';
import { CHINA_ZONE } from '../src/domain/time';
import type { Store } from './runtime/store';

/** Records read per page by the store-level rebuild: memory stays bounded whatever the history. */
const PAGE = 20_000;

/**
 * Replaces every rollup of the store with ones built from all its clock records, paging through them
 * in _id order; returns how many rollups were written.
 */
export function rebuildRollupsInStore(store: Store, nowMs: number, pageSize: number = PAGE): number {
  store.ensureCollection(COLLECTIONS.kpiRollups);
  store.ensureCollection(COLLECTIONS.clockRecords);
  store.ensureCollection(COLLECTIONS.duties);
  const home = new Map(
    store
      .find(COLLECTIONS.duties, {}, { projection: { homeSchoolId: 1 } })
      .map((d) => [d._id as string, d.homeSchoolId as string]),
  );
  const rollups = new Map<string, KpiRollup>();
  let last: unknown;
  for (;;) {
    const page = store.find(COLLECTIONS.clockRecords, last === undefined ? {} : { _id: { $gt: last } }, {
      sort: { _id: 1 },
      limit: pageSize,
    });
    rollupsFromRecords(page as unknown as ClockRecord[], (id) => home.get(id), CHINA_ZONE, nowMs, rollups);
    if (page.length < pageSize) break;
    last = page[page.length - 1]._id;
  }
  store.mutate(COLLECTIONS.kpiRollups, {}, true, () => null);
  writeRollups(store, rollups.values());
  return rollups.size;
}

/** Inserts rollups built elsewhere (the bench builds them while it generates records). */
export function writeRollups(store: Store, rollups: Iterable<KpiRollup>): void {
  store.insertMany(COLLECTIONS.kpiRollups, [...rollups] as unknown as Array<Record<string, unknown>>);
}
