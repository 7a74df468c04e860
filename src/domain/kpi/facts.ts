import type { RequestType } from '../approval/types';
import { addDays, instantAt } from '../time';
import { recordHours } from '../duty/hours';
import { DEFAULT_DUTY_POLICY, type ClockRecord, type Duty, type DutyPolicy } from '../duty/types';
import { presenceVerified } from '../presence';
import { EXCHANGE_KINDS } from './targets';

// What the figures are made of: the school year, schools, duties, bookings, and record facts.

/** 1 September of `schoolYear` to 31 August of the next year, China dates, as dates and instants. */
export interface SchoolYearPeriod {
  schoolYear: number;
  first: string;
  last: string;
  startMs: number;
  /** Exclusive: 1 September of the next year, 00:00 in the zone. */
  endMs: number;
}

export function schoolYearPeriod(schoolYear: number, zone: string): SchoolYearPeriod {
  const first = `${schoolYear}-09-01`;
  const next = `${schoolYear + 1}-09-01`;
  return {
    schoolYear,
    first,
    last: addDays(next, -1),
    startMs: instantAt(first, '00:00', zone),
    endMs: instantAt(next, '00:00', zone),
  };
}

/** A school as the figures need it. keyTeacherCount: 骨干教师 on the staff; null until registered. */
export interface KpiSchool {
  id: string;
  name: string;
  teacherCount: number | null;
  keyTeacherCount: number | null;
  /** The teacher count is sample data (the seeds give none). */
  teacherCountSample: boolean;
}

/** A duty; teacherKey marks a 骨干教师 (no source sets it yet: absent = not known to be one). */
export type KpiDuty = Pick<
  Duty,
  '_id' | 'teacherOpenid' | 'homeSchoolId' | 'hostSchoolId' | 'kind' | 'termStart' | 'termEnd' | 'status' | 'sample'
> & {
  teacherKey?: boolean;
};

export interface KpiBooking {
  /** The owning school (lends). */
  schoolId: string;
  /** The booking school (borrows). */
  bookingSchoolId: string;
  start: number;
  end: number;
  status: 'confirmed' | 'cancelled';
  sample?: boolean;
}

export interface KpiApproval {
  _id: string;
  type: RequestType;
  status: string;
  createdAt: number;
  current: number;
  steps: ReadonlyArray<{ schoolId: string | null; xuequId: string | null }>;
}

/** Counted / base against a target; share and met are null when the base is unknown. */
export interface ShareFigure {
  count: number;
  base: number | null;
  share: number | null;
  target: number;
  met: boolean | null;
}

export interface RotationFigure extends ShareFigure {
  /** Schools of the group without a teacher count: left out of both count and base. */
  schoolsWithoutCount: number;
}

export interface KeyFigure extends ShareFigure {
  /** False when no school of the group registered its 骨干教师: show NO_KEY_DATA, not a number. */
  registered: boolean;
}

export interface KpiRow extends KpiSums {
  id: string;
  name: string;
  level: 'district' | 'xuequ' | 'school';
  schoolIds: string[];
  rotation: RotationFigure;
  key: KeyFigure;
  /** Some teacher count used is sample data. */
  teacherCountSample: boolean;
}

/**
 * A verified record: clocked in with presence verified (the host school's rotating code within the
 * geofence, or an approved 补卡; a record from before 扫码签到 by geofence or 补卡, see
 * presenceVerified), and ended by a clock-out or by a capped end (the slot is over). A session still
 * running at nowMs is not counted yet.
 */
export function isVerified(
  record: ClockRecord,
  zone: string,
  nowMs: number,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): boolean {
  if (record.clockInAt === null || !presenceVerified(record)) return false;
  return record.clockOutAt !== null || recordHours(record, zone, policy, nowMs).capped;
}

/** Active exchange duties whose term overlaps the school year. */
export const exchangeDutiesIn = <D extends KpiDuty>(duties: readonly D[], period: SchoolYearPeriod): D[] =>
  duties.filter(
    (d) =>
      d.status === 'active' &&
      EXCHANGE_KINDS.includes(d.kind) &&
      d.termStart <= period.last &&
      d.termEnd >= period.first,
  );

/** What clock records add to the figures, per school: from rollups (live) or a full scan (the oracle). */
export interface SchoolRecordFacts {
  /** Verified minutes worked at the school as host school, within the school year. */
  hostMinutes: number;
  /** Verified sessions held at the school (as host) and by its teachers elsewhere (as home). */
  hostSessions: number;
  homeSessions: number;
  /**
   * Records of the school year at this host school not verified at nowMs (in `unverified` too): shown
   * apart, never counted above.
   */
  unverifiedSessions: number;
}

/** Minutes of confirmed bookings by other schools of the school's facilities (lent) and of others' (borrowed). */
export interface SchoolBookingFacts {
  lentMinutes: number;
  borrowedMinutes: number;
}

/** The summed figures of a school, and of a group of schools (a row): its records' and its bookings'. */
export type KpiSums = SchoolRecordFacts & SchoolBookingFacts;

export const zeroSums = (): KpiSums => ({
  hostMinutes: 0,
  hostSessions: 0,
  homeSessions: 0,
  unverifiedSessions: 0,
  lentMinutes: 0,
  borrowedMinutes: 0,
});

const SUM_KEYS = Object.keys(zeroSums()) as ReadonlyArray<keyof KpiSums>;

/** Adds what `from` has of the sums into `into`. */
export function addSums(into: KpiSums, from: Partial<KpiSums>): void {
  for (const k of SUM_KEYS) into[k] += from[k] ?? 0;
}

export interface Facts extends KpiSums {
  teachers: Set<string>;
  keyTeachers: Set<string>;
}

export const newFacts = (): Facts => ({ teachers: new Set(), keyTeachers: new Set(), ...zeroSums() });

export interface RecordFacts {
  bySchool: Map<string, SchoolRecordFacts>;
  /** Records of the school year not verified (yet) at nowMs. */
  unverified: number;
  /** Of those, clocked in without a valid presence code (or with one, out of range): presence 'unverified'. */
  noCode: number;
  /** Verified sessions whose duty is unknown: counted for the host school only. */
  orphan: number;
}

export const emptyRecordFacts = (): RecordFacts => ({ bySchool: new Map(), unverified: 0, noCode: 0, orphan: 0 });

export function recordFactsOf(facts: RecordFacts, schoolId: string): SchoolRecordFacts {
  let f = facts.bySchool.get(schoolId);
  if (!f)
    facts.bySchool.set(schoolId, (f = { hostMinutes: 0, hostSessions: 0, homeSessions: 0, unverifiedSessions: 0 }));
  return f;
}

/**
 * The record figures of a school year from every record of it (those of the day before too, for a
 * night session's minutes after midnight). The definition the rollups must equal: tests compare them;
 * the dashboard itself reads rollups (see kpi-rollup.ts). homeOf: a duty's home school.
 */
export function recordFactsFromRecords(
  records: readonly ClockRecord[],
  homeOf: (dutyId: string) => string | undefined,
  period: SchoolYearPeriod,
  zone: string,
  nowMs: number,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): RecordFacts {
  const out = emptyRecordFacts();
  for (const r of records) {
    if (!isVerified(r, zone, nowMs, policy)) {
      if (r.sessionDate >= period.first && r.sessionDate <= period.last) {
        out.unverified += 1;
        recordFactsOf(out, r.hostSchoolId).unverifiedSessions += 1;
        if (r.presence === 'unverified') out.noCode += 1;
      }
      continue;
    }
    const h = recordHours(r, zone, policy, nowMs);
    const host = recordFactsOf(out, r.hostSchoolId);
    for (const [date, m] of Object.entries(h.byDate))
      if (date >= period.first && date <= period.last) host.hostMinutes += m;
    if (r.sessionDate < period.first || r.sessionDate > period.last) continue;
    host.hostSessions += 1;
    const home = homeOf(r.dutyId);
    if (home !== undefined) recordFactsOf(out, home).homeSessions += 1;
    else out.orphan += 1;
  }
  return out;
}

/** A duty's home school, from the duties given. */
export const homeOfDuties = (
  duties: readonly Pick<Duty, '_id' | 'homeSchoolId'>[],
): ((dutyId: string) => string | undefined) => {
  const home = new Map(duties.map((d) => [d._id, d.homeSchoolId]));
  return (id) => home.get(id);
};

/** Minutes of confirmed bookings by other schools, per school: lent (owner) and borrowed (booker). */
export interface BookingFacts {
  bySchool: Map<string, SchoolBookingFacts>;
  /** Some booking counted is sample data. */
  sample: boolean;
}

/**
 * A booking's minutes within the school year, floored; 0 when it is not a confirmed booking by another
 * school. The dashboard's database sum computes exactly this (cloudfunctions/admin/src/dashboard/data.ts).
 */
export function bookingMinutes(b: KpiBooking, period: SchoolYearPeriod): number {
  if (b.status !== 'confirmed' || b.schoolId === b.bookingSchoolId) return 0;
  return Math.max(0, Math.floor((Math.min(b.end, period.endMs) - Math.max(b.start, period.startMs)) / 60_000));
}

/** Facility sharing from every booking of the year: the definition the database sum must equal. */
export function bookingFactsFromBookings(bookings: readonly KpiBooking[], period: SchoolYearPeriod): BookingFacts {
  const out: BookingFacts = { bySchool: new Map(), sample: false };
  const of = (id: string) => {
    let f = out.bySchool.get(id);
    if (!f) out.bySchool.set(id, (f = { lentMinutes: 0, borrowedMinutes: 0 }));
    return f;
  };
  for (const b of bookings) {
    const minutes = bookingMinutes(b, period);
    if (minutes <= 0) continue;
    of(b.schoolId).lentMinutes += minutes;
    of(b.bookingSchoolId).borrowedMinutes += minutes;
    out.sample ||= b.sample === true;
  }
  return out;
}
