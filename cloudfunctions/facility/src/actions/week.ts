import type { DayView, WeekView } from '@/contracts/facility';
import { weekAvailability } from '@/domain/approval/facility';
import { addDays, daysFrom, hmIn } from '@/domain/time';
import { weekdayOf } from '@/domain/duty/calendar';
import { WEEKDAY_LABELS } from '@/domain/duty/types';
import type { ActionContext } from '@/server/handler';
import { facilityDays, getFacility, type DayEntry } from '@/server/repositories/facilities';
import { ZONE, callerOf, inScope } from '../scope';
import { facilityView } from '../views';

const HOUR_MS = 3_600_000;

/** Monday of the week of a date. */
export const mondayOf = (date: string) => addDays(date, 1 - weekdayOf(date));

const slot = ({ start, end, startHm, endHm }: { start: number; end: number; startHm: string; endHm: string }) => ({
  start,
  end,
  startHm,
  endHm,
});

/**
 * A free interval as the booking rules see it: a start inside the notice limit cannot be booked (the
 * request would fail TOO_SOON), so an interval the limit cuts is shown as two pieces, the later one
 * bookable from the first moment the rules allow.
 */
function bookablePieces(
  s: { start: number; end: number; startHm: string; endHm: string },
  earliest: number,
  withinDays: boolean,
) {
  const piece = (start: number, end: number, bookable: boolean) => ({
    start,
    end,
    startHm: hmIn(start, ZONE),
    endHm: hmIn(end, ZONE),
    bookable,
  });
  if (!withinDays || s.end <= earliest) return [{ ...slot(s), bookable: false }];
  if (s.start >= earliest) return [{ ...slot(s), bookable: true }];
  // Rounded up to the next quarter hour, as a person would book it.
  const from = Math.ceil(earliest / 900_000) * 900_000;
  return from < s.end ? [piece(s.start, from, false), piece(from, s.end, true)] : [{ ...slot(s), bookable: false }];
}

/** Seven China days of a facility: opening hours, confirmed bookings (by which school) and free time. */
export async function week(input: { facilityId: string; weekStart?: string }, ctx: ActionContext): Promise<WeekView> {
  const caller = await callerOf(ctx);
  const f = inScope(await getFacility(input.facilityId), caller);
  const start = input.weekStart ?? mondayOf(caller.today);
  const dates = Array.from({ length: 7 }, (_, i) => addDays(start, i));
  const byDate = new Map<string, DayEntry[]>((await facilityDays(f._id, dates)).map((d) => [d.date, d.bookings]));
  const entries = [...byDate.values()].flat();
  const availability = weekAvailability(
    f,
    entries.map((e) => ({ facilityId: f._id, start: e.start, end: e.end, status: 'confirmed' as const })),
    start,
    ZONE,
  );
  const earliest = ctx.now + f.rules.minNoticeHours * HOUR_MS;
  const mySchool = caller.user.schoolId;
  const days: DayView[] = availability.map((d) => {
    const ahead = daysFrom(caller.today, d.date);
    return {
      date: d.date,
      weekdayLabel: WEEKDAY_LABELS[d.weekday],
      today: ahead === 0,
      past: ahead < 0,
      open: d.open.map(slot),
      free: d.free.flatMap((s) => bookablePieces(s, earliest, ahead <= f.rules.maxDaysAhead)),
      booked: (byDate.get(d.date) ?? []).map((e) => ({
        bookingId: e.bookingId,
        start: e.start,
        end: e.end,
        startHm: hmIn(e.start, ZONE),
        endHm: hmIn(e.end, ZONE),
        schoolName: caller.schoolName(e.bookingSchoolId),
        mine: mySchool !== null && e.bookingSchoolId === mySchool,
      })),
    };
  });
  return {
    facility: facilityView(f, caller),
    weekStart: start,
    prevWeek: addDays(start, -7),
    nextWeek: addDays(start, 7),
    today: caller.today,
    days,
  };
}
