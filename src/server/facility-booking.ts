/**
 * Bookings of shared facilities, written only inside a transaction. The facility's day document
 * (facility_days/<facilityId>-<date>) lists that day's confirmed bookings; every booking and
 * cancellation reads and rewrites it, so two concurrent bookings of one day conflict on it and the
 * second one sees the first: bookings never overlap.
 */
import { COLLECTIONS } from '../contracts/collections';
import { bookingProblems, type Facility } from '../domain/approval/facility';
import { dateIn } from '../domain/time';
import { CHINA_ZONE } from '../domain/time';
import { AppError, notFound } from './errors';
import { fieldsOf, type Tx, type TxDoc } from './cloud';
import { dayDocId, type BookingDoc, type DayEntry, type FacilityDayDoc } from './repositories/facilities';

export interface NewBooking {
  _id: string;
  facilityId: string;
  /** ms, [start, end) */
  start: number;
  end: number;
  bookingSchoolId: string;
  purpose: string;
  approvalId: string | null;
}

/** The facility as bookInTransaction needs it (a FacilityDoc fits). */
export type BookableFacility = Facility & { districtCode: string; sample?: boolean };

/**
 * Checked again at booking time: the range, the day's opening hours, the longest booking and a start
 * not yet passed. Notice and how far ahead are the request's rules, checked by the approval at
 * submission (an approver's delay must not fail the requester), so they are left out here.
 */
const REQUEST_TIME_RULES = new Set(['TOO_SOON', 'TOO_FAR_AHEAD']);

/** doc().get() rejects for a missing document (wx-server-sdk's default): read it as null instead. */
async function readOrNull<T>(ref: TxDoc): Promise<T | null> {
  try {
    return ((await ref.get()).data as T | null) ?? null;
  } catch (err) {
    const text =
      typeof err === 'string'
        ? err
        : `${(err as { errMsg?: string; message?: string })?.errMsg ?? ''} ${(err as Error)?.message ?? ''}`;
    if (/does not exist/.test(text)) return null;
    throw err;
  }
}

/**
 * Creates the booking inside the caller's transaction, exactly once: a retry with the same booking id
 * is a no-op. Throws AppError BOOKING_CONFLICT when it overlaps a confirmed booking (touching ends are
 * fine), POLICY_BLOCK when the facility's hours or rules refuse it, INVALID_INPUT when it spans two
 * China days; the caller's transaction then aborts and nothing is written.
 */
export async function bookInTransaction(
  tx: Tx,
  facility: BookableFacility,
  booking: NewBooking,
  nowMs: number,
): Promise<void> {
  if (booking.facilityId !== facility._id)
    throw new Error(`booking ${booking._id} is for ${booking.facilityId}, not ${facility._id}`);
  if (!(booking.end > booking.start)) throw new AppError('INVALID_INPUT', '结束时间须晚于开始时间', 'end');
  const date = dateIn(booking.start, CHINA_ZONE);
  if (dateIn(booking.end - 1, CHINA_ZONE) !== date)
    throw new AppError('INVALID_INPUT', '一次预约须在同一天内（不能跨天）', 'end');

  const bookingRef = tx.collection(COLLECTIONS.bookings).doc(booking._id);
  const dayRef = tx.collection(COLLECTIONS.facilityDays).doc(dayDocId(facility._id, date));
  const existing = await readOrNull<BookingDoc>(bookingRef);
  if (existing) {
    if (
      existing.status === 'confirmed' &&
      existing.facilityId === booking.facilityId &&
      existing.start === booking.start &&
      existing.end === booking.end
    )
      return;
    throw new AppError('CONFLICT', '该预约编号已被使用');
  }
  const day = await readOrNull<FacilityDayDoc>(dayRef);
  const entries = day?.bookings ?? [];
  const confirmed = entries.map((e) => ({
    facilityId: facility._id,
    start: e.start,
    end: e.end,
    status: 'confirmed' as const,
  }));
  const problems = bookingProblems(facility, confirmed, booking.start, booking.end, nowMs, CHINA_ZONE).filter(
    (p) => !REQUEST_TIME_RULES.has(p.code),
  );
  const overlap = problems.find((p) => p.code === 'OVERLAP');
  if (overlap) throw new AppError('BOOKING_CONFLICT', `${facility.name}该时段已被预约：${overlap.message}`);
  if (problems.length > 0) throw new AppError('POLICY_BLOCK', problems.map((p) => p.message).join('；'));

  const entry: DayEntry = {
    bookingId: booking._id,
    start: booking.start,
    end: booking.end,
    bookingSchoolId: booking.bookingSchoolId,
  };
  const nextDay: FacilityDayDoc = {
    _id: dayDocId(facility._id, date),
    facilityId: facility._id,
    date,
    bookings: [...entries, entry].sort((a, b) => a.start - b.start),
  };
  const doc: BookingDoc = {
    _id: booking._id,
    facilityId: facility._id,
    schoolId: facility.schoolId,
    bookingSchoolId: booking.bookingSchoolId,
    districtCode: facility.districtCode,
    date,
    start: booking.start,
    end: booking.end,
    status: 'confirmed',
    purpose: booking.purpose,
    approvalId: booking.approvalId,
    createdAt: nowMs,
    cancelledAt: null,
    cancelledBy: null,
    cancelReason: null,
    ...(facility.sample ? { sample: true } : {}),
  };
  await dayRef.set({ data: fieldsOf(nextDay) });
  await bookingRef.set({ data: fieldsOf(doc) });
}

/** Who cancels: a principal of the booking school or of the owning school. */
export interface Canceller {
  openid: string;
  schoolId: string | null;
}

/**
 * Cancels a booking inside the caller's transaction: frees its time in the day document and marks the
 * booking cancelled. Cancelling a cancelled booking returns it unchanged; a booking that has ended
 * cannot be cancelled.
 */
export async function cancelInTransaction(
  tx: Tx,
  bookingId: string,
  by: Canceller,
  nowMs: number,
  reason: string | null = null,
): Promise<BookingDoc> {
  const bookingRef = tx.collection(COLLECTIONS.bookings).doc(bookingId);
  const booking = await readOrNull<BookingDoc>(bookingRef);
  // A booking neither made by nor held at the caller's school answers exactly as a made-up id.
  if (!booking || !by.schoolId || (by.schoolId !== booking.bookingSchoolId && by.schoolId !== booking.schoolId))
    throw notFound('该预约');
  if (booking.status === 'cancelled') return booking;
  if (booking.end <= nowMs) throw new AppError('CONFLICT', '该预约已结束，不能取消');

  const dayRef = tx.collection(COLLECTIONS.facilityDays).doc(dayDocId(booking.facilityId, booking.date));
  const day = await readOrNull<FacilityDayDoc>(dayRef);
  if (day)
    await dayRef.set({ data: fieldsOf({ ...day, bookings: day.bookings.filter((e) => e.bookingId !== bookingId) }) });
  const next: BookingDoc = {
    ...booking,
    status: 'cancelled',
    cancelledAt: nowMs,
    cancelledBy: by.openid,
    cancelReason: reason,
  };
  await bookingRef.set({ data: fieldsOf(next) });
  return next;
}
