/**
 * Shared facilities (体育馆、实验室、图书馆、运动场) another school may book. Opening hours are China
 * wall-clock times per ISO weekday; every instant is placed on a date by the zone passed in.
 */
import { addDays, dateIn, dateTimeIn, daysFrom, hmIn, instantAt, isHm, hmMinutes } from '../time';
import { weekdayOf } from '../duty/calendar';
import { WEEKDAY_LABELS } from '../duty/types';
import type { Weekday } from '../duty/types';
import type { ApprovalRequest, FacilityFields, PolicyCheck } from './types';

export type FacilityKind = 'gym' | 'lab' | 'library' | 'field';

export const FACILITY_KIND_LABELS: Readonly<Record<FacilityKind, string>> = {
  gym: '体育馆',
  lab: '实验室',
  library: '图书馆',
  field: '运动场',
};

export interface OpeningHours {
  weekday: Weekday;
  /** 'HH:mm'; an interval must end after it starts on the same day. */
  start: string;
  end: string;
}

export interface Facility {
  _id: string;
  schoolId: string;
  kind: FacilityKind;
  name: string;
  openingHours: OpeningHours[];
  rules: { maxDurationMin: number; maxDaysAhead: number; minNoticeHours: number };
}

export interface FacilityBooking {
  _id?: string;
  facilityId: string;
  /** ms, [start, end) */
  start: number;
  end: number;
  status: 'confirmed' | 'cancelled';
  /** The approval that created it. */
  approvalId?: string | null;
}

export interface Interval {
  start: number;
  end: number;
  startHm: string;
  endHm: string;
}

const HOUR_MS = 3_600_000;

/** Opening intervals of a China date as instants, sorted; overlapping or touching ones merged. */
export function openIntervalsOn(facility: Facility, date: string, zone: string): Array<[number, number]> {
  const weekday = weekdayOf(date);
  const spans = facility.openingHours
    .filter((h) => h.weekday === weekday && isHm(h.start) && isHm(h.end) && hmMinutes(h.end) > hmMinutes(h.start))
    .map((h): [number, number] => [instantAt(date, h.start, zone), instantAt(date, h.end, zone)])
    .sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged[merged.length - 1];
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([s[0], s[1]]);
  }
  return merged;
}

const confirmedOf = (facility: Facility, bookings: readonly FacilityBooking[]) =>
  bookings.filter((b) => b.facilityId === facility._id && b.status === 'confirmed');

const hoursText = (spans: ReadonlyArray<[number, number]>, zone: string) =>
  spans.map(([a, b]) => `${hmIn(a, zone)}–${hmIn(b, zone)}`).join('、');

/** 'M月D日 HH:mm–HH:mm' (the end's date too when it differs). */
function rangeText(start: number, end: number, zone: string): string {
  const [, m, d] = dateIn(start, zone).split('-').map(Number);
  const endText = dateIn(end, zone) === dateIn(start, zone) ? hmIn(end, zone) : dateTimeIn(end, zone);
  return `${m}月${d}日 ${hmIn(start, zone)}–${endText}`;
}

/**
 * Why a booking of [start, end) cannot be made at nowMs (empty = it can): a valid range, notice and
 * how far ahead (by China date), length, inside one opening interval of the day, and no overlap with a
 * confirmed booking (touching ends are fine; cancelled ones are ignored). All are blocks.
 */
export function bookingProblems(
  facility: Facility,
  existingBookings: readonly FacilityBooking[],
  start: number,
  end: number,
  nowMs: number,
  zone: string,
): PolicyCheck[] {
  const block = (code: string, message: string): PolicyCheck => ({ code, level: 'block', message });
  if (!Number.isFinite(start) || !Number.isFinite(end) || end <= start)
    return [block('INVALID_RANGE', '结束时间须晚于开始时间')];
  const out: PolicyCheck[] = [];
  const { maxDurationMin, maxDaysAhead, minNoticeHours } = facility.rules;

  if (start <= nowMs) out.push(block('START_PASSED', '开始时间已过'));
  else if (start - nowMs < minNoticeHours * HOUR_MS)
    out.push(block('TOO_SOON', `须至少提前 ${minNoticeHours} 小时预约`));
  const today = dateIn(nowMs, zone);
  if (daysFrom(today, dateIn(start, zone)) > maxDaysAhead) {
    const [, m, d] = addDays(today, maxDaysAhead).split('-').map(Number);
    out.push(block('TOO_FAR_AHEAD', `最多可提前 ${maxDaysAhead} 天预约（最晚 ${m}月${d}日）`));
  }
  const minutes = Math.ceil((end - start) / 60_000);
  if (minutes > maxDurationMin)
    out.push(block('TOO_LONG', `单次预约最长 ${maxDurationMin} 分钟（本次 ${minutes} 分钟）`));

  const date = dateIn(start, zone);
  const open = openIntervalsOn(facility, date, zone);
  if (!open.some(([a, b]) => a <= start && end <= b)) {
    const day = WEEKDAY_LABELS[weekdayOf(date)];
    out.push(
      block(
        'CLOSED',
        open.length === 0 ? `${facility.name}${day}不开放` : `预约时间须在开放时间内：${day} ${hoursText(open, zone)}`,
      ),
    );
  }
  for (const b of confirmedOf(facility, existingBookings))
    if (b.start < end && start < b.end)
      out.push(block('OVERLAP', `与已确认的预约 ${rangeText(b.start, b.end, zone)} 冲突`));
  return out;
}

/**
 * The approver's view of a booking request: notice and how-far-ahead as they stood when it was
 * submitted (an approver's delay must not fail the requester), a start already past and overlaps as
 * they stand now. Bookings the request itself created are ignored, so a retried approval re-checks clean.
 */
export function facilityBookingChecks(
  facility: Facility,
  bookings: readonly FacilityBooking[],
  request: Pick<FacilityFields, 'start' | 'end'> & { _id: string },
  submittedAtMs: number,
  nowMs: number,
  zone: string,
): PolicyCheck[] {
  const others = bookings.filter((b) => b.approvalId !== request._id);
  const atSubmit = bookingProblems(facility, others, request.start, request.end, submittedAtMs, zone);
  const out = atSubmit.filter((c) => c.code !== 'START_PASSED');
  if (request.end > request.start && request.start <= nowMs)
    out.unshift({ code: 'START_PASSED', level: 'block', message: '开始时间已过' });
  if (out.length === 0)
    out.push({ code: 'FACILITY_FREE', level: 'ok', message: '该时段场馆开放，且与已确认的预约不冲突' });
  return out;
}

/** One booking per approval, with a deterministic id so a retried creation lands on the same document. */
export function bookingFromRequest(
  request: ApprovalRequest<FacilityFields>,
  approvalId: string,
): FacilityBooking & { _id: string; schoolId: string; bookingSchoolId: string } {
  if (request.status !== 'approved') throw new Error(`request ${request._id} is ${request.status}, not approved`);
  return {
    _id: `bk-${approvalId}`,
    facilityId: request.facilityId,
    schoolId: request.ownerSchoolId,
    bookingSchoolId: request.bookingSchoolId,
    start: request.start,
    end: request.end,
    status: 'confirmed',
    approvalId,
  };
}

export interface DayAvailability {
  date: string;
  weekday: Weekday;
  open: Interval[];
  /** Open time minus confirmed bookings. */
  free: Interval[];
}

/** Seven days from weekStartDate (China dates): the opening intervals and what is still free in them. */
export function weekAvailability(
  facility: Facility,
  bookings: readonly FacilityBooking[],
  weekStartDate: string,
  zone: string,
): DayAvailability[] {
  const booked = confirmedOf(facility, bookings);
  const iv = (start: number, end: number): Interval => ({
    start,
    end,
    startHm: hmIn(start, zone),
    endHm: hmIn(end, zone),
  });
  return Array.from({ length: 7 }, (_, i) => {
    const date = addDays(weekStartDate, i);
    const open = openIntervalsOn(facility, date, zone);
    const free: Interval[] = [];
    for (const [a, b] of open) {
      let pieces: Array<[number, number]> = [[a, b]];
      for (const bk of booked)
        pieces = pieces.flatMap(([s, e]): Array<[number, number]> =>
          bk.end <= s || e <= bk.start
            ? [[s, e]]
            : (
                [
                  [s, bk.start],
                  [bk.end, e],
                ] as Array<[number, number]>
              ).filter(([x, y]) => y > x),
        );
      free.push(...pieces.map(([s, e]) => iv(s, e)));
    }
    return { date, weekday: weekdayOf(date), open: open.map(([a, b]) => iv(a, b)), free };
  });
}
