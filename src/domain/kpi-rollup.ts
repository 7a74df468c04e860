/**
 * KPI rollups: what each clock record contributes to the dashboard, summed per host school × China
 * month, so the dashboard reads a few thousand small documents instead of a year of records.
 *
 * A record's contribution is the one it has once verified (see isVerified): its minutes until the
 * clock-out, or until the capped end when there is none. Time alone can verify a record (its slot
 * ends), so the rollup holds that final contribution from the first write on, and the dashboard takes
 * back the few records not yet verified at its `now` — only records of the last two days can be such
 * (a slot ends at most one day after its session date), read directly. Pure: zone and policy passed in.
 */
import { addDays, monthOfDate } from './time';
import { recordHours } from './duty/hours';
import { DEFAULT_DUTY_POLICY } from './duty/types';
import type { ClockRecord, DutyPolicy } from './duty/types';
import { emptyRecordFacts, isVerified, recordFactsOf, type RecordFacts, type SchoolYearPeriod } from './kpi';
import { presenceVerified } from './presence';

/**
 * One shard of a host school × month: sums over the records hosted there. The figures of a school ×
 * month are the sum of its shards. Writers pick a shard at random, so teachers clocking in together at
 * one school rarely write the same document (CloudBase fails a transaction that does); the rebuild
 * writes shard 0 only.
 */
export interface KpiRollup {
  /** `${hostSchoolId}:${month}:${shard}`. */
  _id: string;
  hostSchoolId: string;
  /** China month, 'YYYY-MM'. */
  month: string;
  shard: number;
  /** Minutes worked on dates of this month, by records verified or to be verified when their slot ends. */
  hostMinutes: number;
  /** Such records whose session date is in this month. */
  hostSessions: number;
  /** The same sessions by the duty's home school (an array: school ids are not safe field names). */
  home: Array<{ schoolId: string; sessions: number }>;
  /** Such sessions whose duty was unknown when the record was rolled up. */
  orphanSessions: number;
  /** Records that can never be verified (no clock-in, no valid presence code, or out of range without 补卡), by session month. */
  unverified: number;
  /**
   * Of those, clocked in without a valid presence code (presence 'unverified'). Absent on rollups
   * written before 扫码签到: read as 0, which they are (their records have no presence field).
   */
  noCode?: number;
  /** When a record last changed these figures (ms). */
  updatedAt: number;
}

export type RollupFigures = Omit<KpiRollup, '_id' | 'hostSchoolId' | 'month' | 'shard' | 'updatedAt'>;

/** Shards of a school × month: a dashboard reads up to 12 × ROLLUP_SHARDS documents a school. */
export const ROLLUP_SHARDS = 16;

export const rollupId = (hostSchoolId: string, month: string, shard = 0): string => `${hostSchoolId}:${month}:${shard}`;

/** A month with nothing in it. */
export const emptyFigures = (): RollupFigures => ({
  hostMinutes: 0,
  hostSessions: 0,
  home: [],
  orphanSessions: 0,
  unverified: 0,
  noCode: 0,
});

/** Verified now or later without any further write: clocked in with presence verified (code, 补卡, or geofence before codes). */
export const willVerify = (r: ClockRecord): boolean => r.clockInAt !== null && presenceVerified(r);

/**
 * A record's final contribution by month, signed (sign -1 takes it back). homeSchoolId: the duty's
 * home school, null when the duty is unknown.
 */
export function recordContribution(
  r: ClockRecord,
  homeSchoolId: string | null,
  zone: string,
  sign: 1 | -1 = 1,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): Map<string, RollupFigures> {
  const out = new Map<string, RollupFigures>();
  const at = (month: string) => {
    let f = out.get(month);
    if (!f) out.set(month, (f = emptyFigures()));
    return f;
  };
  const sessionMonth = monthOfDate(r.sessionDate);
  if (!willVerify(r)) {
    at(sessionMonth).unverified += sign;
    if (r.presence === 'unverified') at(sessionMonth).noCode! += sign;
    return out;
  }
  // No nowMs: a record without clock-out counts to its capped end, as it will once verified.
  for (const [date, m] of Object.entries(recordHours(r, zone, policy).byDate))
    at(monthOfDate(date)).hostMinutes += sign * m;
  const s = at(sessionMonth);
  s.hostSessions += sign;
  if (homeSchoolId === null) s.orphanSessions += sign;
  else s.home.push({ schoolId: homeSchoolId, sessions: sign });
  return out;
}

/** What a record's change (before → after, before null for a new record) adds, per month; empty when nothing. */
export function recordDelta(
  before: ClockRecord | null,
  after: ClockRecord,
  homeSchoolId: string | null,
  zone: string,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): Map<string, RollupFigures> {
  const delta = recordContribution(after, homeSchoolId, zone, 1, policy);
  if (before)
    for (const [month, f] of recordContribution(before, homeSchoolId, zone, -1, policy)) addFigures(delta, month, f);
  for (const [month, f] of delta) if (isZero(f)) delta.delete(month);
  return delta;
}

function addFigures(into: Map<string, RollupFigures>, month: string, f: RollupFigures): void {
  const cur = into.get(month);
  if (!cur) into.set(month, { ...f, home: f.home.map((h) => ({ ...h })) });
  else into.set(month, plus(cur, f));
}

const isZero = (f: RollupFigures) =>
  f.hostMinutes === 0 &&
  f.hostSessions === 0 &&
  f.orphanSessions === 0 &&
  f.unverified === 0 &&
  (f.noCode ?? 0) === 0 &&
  f.home.every((h) => h.sessions === 0);

/** a + b, home sessions merged by school (zero entries dropped, order by school id). */
export function plus(a: RollupFigures, b: RollupFigures): RollupFigures {
  const home = new Map<string, number>();
  for (const h of [...a.home, ...b.home]) home.set(h.schoolId, (home.get(h.schoolId) ?? 0) + h.sessions);
  return {
    hostMinutes: a.hostMinutes + b.hostMinutes,
    hostSessions: a.hostSessions + b.hostSessions,
    home: [...home]
      .filter(([, n]) => n !== 0)
      .sort(([x], [y]) => (x < y ? -1 : x > y ? 1 : 0))
      .map(([schoolId, sessions]) => ({ schoolId, sessions })),
    orphanSessions: a.orphanSessions + b.orphanSessions,
    unverified: a.unverified + b.unverified,
    noCode: (a.noCode ?? 0) + (b.noCode ?? 0),
  };
}

/** A rollup with a delta applied (a new one when `current` is null). */
export function applyDelta(
  current: KpiRollup | null,
  hostSchoolId: string,
  month: string,
  delta: RollupFigures,
  nowMs: number,
  shard = 0,
): KpiRollup {
  const base = current ?? {
    _id: rollupId(hostSchoolId, month, shard),
    hostSchoolId,
    month,
    shard,
    ...emptyFigures(),
    updatedAt: nowMs,
  };
  return { ...base, ...plus(base, delta), updatedAt: nowMs };
}

/**
 * Rollups built from scratch, in shard 0: the one-off rebuild, seeded data and the bench. homeOf: the home school
 * of a duty id (undefined when the duty is unknown).
 */
export function rollupsFromRecords(
  records: Iterable<ClockRecord>,
  homeOf: (dutyId: string) => string | undefined,
  zone: string,
  nowMs: number,
  into: Map<string, KpiRollup> = new Map(),
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): Map<string, KpiRollup> {
  for (const r of records) {
    for (const [month, f] of recordContribution(r, homeOf(r.dutyId) ?? null, zone, 1, policy)) {
      const id = rollupId(r.hostSchoolId, month);
      into.set(id, applyDelta(into.get(id) ?? null, r.hostSchoolId, month, f, nowMs));
    }
  }
  return into;
}

/**
 * Session dates whose records may still be unverified at nowMs (a slot ends at most a day after its
 * session date; a clock-in may open shortly before midnight for a slot of the next date).
 */
export function pendingWindow(today: string): { from: string; to: string } {
  return { from: addDays(today, -2), to: addDays(today, 1) };
}

/**
 * The record figures of a school year from its rollups plus the records that may not be verified yet
 * (`recent`: those of pendingWindow(today) at the same host schools): each of those still running at
 * nowMs is taken back and counted as unverified, as the full scan (recordFactsFromRecords) counts it.
 * homeOf: a duty's home school, as when the record was rolled up.
 */
export function recordFactsFromRollups(
  rollups: readonly KpiRollup[],
  recent: readonly ClockRecord[],
  homeOf: (dutyId: string) => string | undefined,
  period: SchoolYearPeriod,
  zone: string,
  nowMs: number,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): RecordFacts {
  const out = emptyRecordFacts();
  const fromMonth = monthOfDate(period.first);
  const toMonth = monthOfDate(period.last);
  const add = (hostSchoolId: string, month: string, f: RollupFigures) => {
    if (month < fromMonth || month > toMonth) return;
    const host = recordFactsOf(out, hostSchoolId);
    host.hostMinutes += f.hostMinutes;
    host.hostSessions += f.hostSessions;
    host.unverifiedSessions += f.unverified;
    for (const h of f.home) recordFactsOf(out, h.schoolId).homeSessions += h.sessions;
    out.orphan += f.orphanSessions;
    out.unverified += f.unverified;
    out.noCode += f.noCode ?? 0;
  };
  for (const r of rollups) add(r.hostSchoolId, r.month, r);
  for (const r of recent) {
    if (!willVerify(r) || isVerified(r, zone, nowMs, policy)) continue;
    for (const [month, f] of recordContribution(r, homeOf(r.dutyId) ?? null, zone, -1, policy))
      add(r.hostSchoolId, month, f);
    if (r.sessionDate >= period.first && r.sessionDate <= period.last) {
      out.unverified += 1;
      recordFactsOf(out, r.hostSchoolId).unverifiedSessions += 1;
    }
  }
  return out;
}

/** The latest change of the rollups read (ms), null when none. */
export const rollupsUpdatedAt = (rollups: readonly KpiRollup[]): number | null =>
  rollups.reduce<number | null>((max, r) => (max === null || r.updatedAt > max ? r.updatedAt : max), null);
