import { COLLECTIONS } from '@/contracts/collections';
import type { Facility, FacilityBooking } from '@/domain/approval/facility';
import { db } from '../cloud';
import { fetchAll, fetchById } from './query';

/** A stored facility: the domain's Facility plus its district (scope), sharing flag and house rules. */
export interface FacilityDoc extends Facility {
  districtCode: string;
  /** Listed for other schools of the 学区 to book. */
  shareable: boolean;
  /** The school's own rules, in Chinese (e.g. 须穿运动鞋入场). */
  notes: string[];
  sample: boolean;
}

/** A booking: created once by bookInTransaction (id bk-<approvalId>), cancelled by either school. */
export interface BookingDoc extends FacilityBooking {
  _id: string;
  /** The owning school. */
  schoolId: string;
  bookingSchoolId: string;
  districtCode: string;
  /** China date of the booking (a booking lies within one day). */
  date: string;
  purpose: string;
  approvalId: string | null;
  createdAt: number;
  cancelledAt: number | null;
  cancelledBy: string | null;
  cancelReason: string | null;
  sample?: boolean;
}

/** One confirmed booking as the day document holds it. */
export interface DayEntry {
  bookingId: string;
  start: number;
  end: number;
  bookingSchoolId: string;
}

/**
 * facility_days/<facilityId>-<date>: the confirmed bookings of one facility on one China date. Every
 * booking and cancellation rewrites it inside a transaction, so concurrent bookings of a day conflict
 * on this one document and overlap cannot slip through.
 */
export interface FacilityDayDoc {
  _id: string;
  facilityId: string;
  date: string;
  bookings: DayEntry[];
}

export const dayDocId = (facilityId: string, date: string) => `${facilityId}-${date}`;

export const getFacility = (id: string) => fetchById<FacilityDoc>(COLLECTIONS.facilities, id);
export const getBooking = (id: string) => fetchById<BookingDoc>(COLLECTIONS.bookings, id);

/** The facilities of some schools of a district (one query). */
export function facilitiesOfSchools(districtCode: string, schoolIds: string[]): Promise<FacilityDoc[]> {
  if (schoolIds.length === 0) return Promise.resolve([]);
  return fetchAll<FacilityDoc>(COLLECTIONS.facilities, { districtCode, schoolId: db().command.in(schoolIds) });
}

export function facilitiesByIds(ids: string[]): Promise<FacilityDoc[]> {
  return ids.length === 0
    ? Promise.resolve([])
    : fetchAll<FacilityDoc>(COLLECTIONS.facilities, { _id: db().command.in(ids) });
}

/** The day documents of a facility for some dates (missing days have no bookings). */
export function facilityDays(facilityId: string, dates: string[]): Promise<FacilityDayDoc[]> {
  return fetchAll<FacilityDayDoc>(COLLECTIONS.facilityDays, {
    _id: db().command.in(dates.map((d) => dayDocId(facilityId, d))),
  });
}

/** Confirmed bookings of a facility overlapping [fromMs, toMs) (for the approver's checks). */
export function confirmedBookings(facilityId: string, fromMs: number, toMs: number): Promise<BookingDoc[]> {
  const _ = db().command;
  return fetchAll<BookingDoc>(COLLECTIONS.bookings, {
    facilityId,
    status: 'confirmed',
    start: _.lt(toMs),
    end: _.gt(fromMs),
  });
}

/** A school's bookings: those it made and those of its facilities. */
export async function bookingsOfSchool(schoolId: string): Promise<BookingDoc[]> {
  const [made, received] = await Promise.all([
    fetchAll<BookingDoc>(COLLECTIONS.bookings, { bookingSchoolId: schoolId }),
    fetchAll<BookingDoc>(COLLECTIONS.bookings, { schoolId }),
  ]);
  return [...new Map([...made, ...received].map((b) => [b._id, b])).values()];
}
