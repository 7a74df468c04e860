/**
 * KPI rollups in the database: updated in the clock record's own transaction (a record and the figures
 * it feeds never disagree), read by the dashboard, rebuilt from records once for existing data.
 */
import { COLLECTIONS } from '@/contracts/collections';
import type { ClockRecord } from '@/domain/duty/types';
import { addDays } from '@/domain/time';
import {
  ROLLUP_SHARDS,
  applyDelta,
  recordDelta,
  rollupId,
  rollupsFromRecords,
  type KpiRollup,
} from '@/domain/kpi-rollup';
import { CHINA_ZONE } from '@/domain/time';
import { db, fieldsOf, runTransaction, type Tx } from '../cloud';
import type { ClockRecordDoc } from './duties';
import { fetchAll } from './query';

/** A document inside a transaction, null when absent (the SDK may reject a missing doc instead). */
async function txGet<T>(tx: Tx, collection: string, id: string): Promise<T | null> {
  const res = await tx
    .collection(collection)
    .doc(id)
    .get()
    .catch(() => ({ data: null }));
  return (res.data as T | null) ?? null;
}

/**
 * Reads the rollups a record's change (before → after; before null for a new record) touches, inside
 * the caller's transaction, and returns the writes that apply it. homeSchoolId: the duty's home school.
 * At most two or three months (a night session across a month end); reads run together.
 */
export async function prepareRollupChange(
  tx: Tx,
  before: ClockRecord | null,
  after: ClockRecord,
  homeSchoolId: string | null,
  nowMs: number,
): Promise<() => Promise<void>> {
  const delta = recordDelta(before, after, homeSchoolId, CHINA_ZONE);
  const coll = COLLECTIONS.kpiRollups;
  const months = [...delta.keys()];
  // A sum may be split anywhere: a shard drawn per attempt (a retry after a conflict draws again).
  const shard = Math.floor(Math.random() * ROLLUP_SHARDS);
  const current = await Promise.all(
    months.map((m) => txGet<KpiRollup>(tx, coll, rollupId(after.hostSchoolId, m, shard))),
  );
  return async () => {
    await Promise.all(
      months.map((month, i) => {
        const next = applyDelta(current[i], after.hostSchoolId, month, delta.get(month)!, nowMs, shard);
        return tx
          .collection(coll)
          .doc(next._id)
          .set({ data: fieldsOf(next) });
      }),
    );
  };
}

/** Applies a record's change to its host school's rollups inside the caller's transaction. */
export async function rollupRecordChange(
  tx: Tx,
  before: ClockRecord | null,
  after: ClockRecord,
  homeSchoolId: string | null,
  nowMs: number,
): Promise<void> {
  await (
    await prepareRollupChange(tx, before, after, homeSchoolId, nowMs)
  )();
}

/**
 * Inserts a record whose id is its identity (the session key) with its rollups, in one transaction;
 * false when that id exists already (a retry or a concurrent duplicate writes nothing). The record and
 * its rollups are read together, then written together.
 */
export function insertRecordWithRollup(
  record: ClockRecordDoc,
  homeSchoolId: string | null,
  nowMs: number,
): Promise<boolean> {
  return runTransaction(async (tx) => {
    const [existing, writeRollups] = await Promise.all([
      txGet<ClockRecordDoc>(tx, COLLECTIONS.clockRecords, record._id),
      prepareRollupChange(tx, null, record, homeSchoolId, nowMs),
    ]);
    if (existing) return false;
    await Promise.all([
      tx
        .collection(COLLECTIONS.clockRecords)
        .doc(record._id)
        .set({ data: fieldsOf(record) }),
      writeRollups(),
    ]);
    return true;
  });
}

/**
 * Rollups (every shard) of host schools for months from..to ('YYYY-MM', inclusive), one query per
 * month in parallel: at most schools × ROLLUP_SHARDS documents each (300 schools: 5 pages).
 */
export async function listRollups(
  schoolIds: readonly string[],
  fromMonth: string,
  toMonth: string,
): Promise<KpiRollup[]> {
  if (schoolIds.length === 0) return [];
  const _ = db().command;
  const months: string[] = [];
  for (let m = fromMonth; m <= toMonth; m = nextMonth(m)) months.push(m);
  const perMonth = await Promise.all(
    months.map((month) =>
      fetchAll<KpiRollup>(COLLECTIONS.kpiRollups, { hostSchoolId: _.in([...schoolIds]), month }, 50),
    ),
  );
  return perMonth.flat();
}

function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number);
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}

/** Schools rebuilt per call: their records are read in parallel, each a few pages a year. */
export const REBUILD_SCHOOLS_PER_CALL = 10;

/**
 * Rebuilds the rollups of some host schools for the months of a school year from their records (for
 * data written before the rollups existed). Each school's records of the year are read (the day before
 * too, for a night session's minutes after midnight), its months written whole and months without
 * records removed. Not atomic with clock writes: run it when no one is clocking (e.g. at night), or
 * run it again for the current year.
 */
export async function rebuildRollupsOf(
  schoolIds: readonly string[],
  fromDate: string,
  toDate: string,
  nowMs: number,
): Promise<{ written: number; records: number }> {
  if (schoolIds.length === 0) return { written: 0, records: 0 };
  const _ = db().command;
  const fromMonth = fromDate.slice(0, 7);
  const toMonth = toDate.slice(0, 7);
  const [duties, existing, perSchool] = await Promise.all([
    fetchAll<{ _id: string; homeSchoolId: string }>(COLLECTIONS.duties, { hostSchoolId: _.in([...schoolIds]) }),
    listRollups(schoolIds, fromMonth, toMonth),
    Promise.all(
      schoolIds.map((id) =>
        fetchAll<ClockRecordDoc>(
          COLLECTIONS.clockRecords,
          { hostSchoolId: id, sessionDate: _.gte(addDays(fromDate, -1)).and(_.lte(toDate)) },
          100,
        ),
      ),
    ),
  ]);
  const home = new Map(duties.map((d) => [d._id, d.homeSchoolId]));
  const built = rollupsFromRecords(perSchool.flat(), (id) => home.get(id), CHINA_ZONE, nowMs);
  const keep = [...built.values()].filter((r) => r.month >= fromMonth && r.month <= toMonth);
  // Every other shard of a rebuilt month, and months left without records, go.
  const stale = existing.filter((r) => !built.has(r._id));
  const coll = db().collection(COLLECTIONS.kpiRollups);
  await Promise.all([
    ...keep.map((r) => coll.doc(r._id).set({ data: fieldsOf(r) as unknown as Record<string, unknown> })),
    ...stale.map((r) => coll.doc(r._id).remove()),
  ]);
  return { written: keep.length, records: perSchool.reduce((n, l) => n + l.length, 0) };
}
