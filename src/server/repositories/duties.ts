import { COLLECTIONS } from '@/contracts/collections';
import type { ClockRecord, Duty, DutyTravel } from '@/domain/duty';
import type { LatLng } from '@/domain/geo';
import { db } from '../cloud';
import { fetchAll, fetchById } from './query';

/**
 * A stored duty: the domain's Duty plus what clocking needs about the schools, copied in when the duty
 * is created, so a clock-in reads one collection and writes one record (2 round trips).
 */
export interface DutyDoc extends Duty {
  homeSchoolName: string;
  hostSchoolName: string;
  hostLocation: LatLng | null;
  /** The host school's geofence radius (m). */
  hostRadiusM: number;
  travel: DutyTravel | null;
}

/**
 * A clock record with the request ids that made it, so a retry is recognised as the same request, and
 * the warnings the teacher was given, so a retry answers with the same warnings (absent on older records).
 */
export interface ClockRecordDoc extends ClockRecord {
  inRequestId: string | null;
  outRequestId: string | null;
  inWarnings?: string[];
  outWarnings?: string[];
}

export interface MakeupDoc {
  _id: string;
  dutyId: string;
  teacherOpenid: string;
  teacherName: string;
  hostSchoolId: string;
  sessionDate: string;
  slotStart: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  comment: string | null;
  decidedBy: string | null;
  decidedAt: number | null;
  createdAt: number;
}

export const dutiesOfTeacher = (openid: string) => fetchAll<DutyDoc>(COLLECTIONS.duties, { teacherOpenid: openid });
export const dutiesAtHost = (schoolId: string) => fetchAll<DutyDoc>(COLLECTIONS.duties, { hostSchoolId: schoolId });
export const getClockRecord = (id: string) => fetchById<ClockRecordDoc>(COLLECTIONS.clockRecords, id);
export const getMakeup = (id: string) => fetchById<MakeupDoc>(COLLECTIONS.makeupRequests, id);
export const makeupsOfTeacher = (openid: string) =>
  fetchAll<MakeupDoc>(COLLECTIONS.makeupRequests, { teacherOpenid: openid });
export const makeupsAtHost = (schoolId: string) =>
  fetchAll<MakeupDoc>(COLLECTIONS.makeupRequests, { hostSchoolId: schoolId });

/** The records of sessions at a host school on one China date (the principal's attendance view). */
export const recordsAtHostOn = (schoolId: string, date: string) =>
  fetchAll<ClockRecordDoc>(COLLECTIONS.clockRecords, { hostSchoolId: schoolId, sessionDate: date });

/** How many 补卡 requests wait for the host school's decision. */
export async function pendingMakeupCount(schoolId: string): Promise<number> {
  const res = (await db()
    .collection(COLLECTIONS.makeupRequests)
    .where({ hostSchoolId: schoolId, status: 'pending' })
    .count()) as { total: number };
  return res.total;
}

/** A teacher's records of sessions between two China dates (inclusive). */
export function recordsOfTeacher(openid: string, fromDate: string, toDate: string): Promise<ClockRecordDoc[]> {
  const _ = db().command;
  return fetchAll<ClockRecordDoc>(COLLECTIONS.clockRecords, {
    teacherOpenid: openid,
    sessionDate: _.gte(fromDate).and(_.lte(toDate)),
  });
}
