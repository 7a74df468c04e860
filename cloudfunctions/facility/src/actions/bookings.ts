import type { BookingView } from '../../../../src/contracts/facility';
import { runTransaction } from '../../../../src/server/cloud';
import { forbidden } from '../../../../src/server/errors';
import { cancelInTransaction } from '../../../../src/server/facility-booking';
import type { ActionContext } from '../../../../src/server/handler';
import { checkTypedText } from '../../../../src/server/content-check';
import { bookingsOfSchool, facilitiesByIds, getFacility } from '../../../../src/server/repositories/facilities';
import { callerOf, type Caller } from '../scope';
import { bookingView } from '../views';

function schoolOf(caller: Caller): string {
  if (!caller.user.schoolId) throw forbidden('当前账号未绑定学校');
  return caller.user.schoolId;
}

/** The caller school's bookings, made and received: upcoming first (soonest first), then the rest (latest first). */
export async function myBookings(_input: unknown, ctx: ActionContext): Promise<BookingView[]> {
  const caller = await callerOf(ctx);
  const bookings = await bookingsOfSchool(schoolOf(caller));
  const facilities = new Map((await facilitiesByIds([...new Set(bookings.map((b) => b.facilityId))])).map((f) => [f._id, f]));
  const views = bookings.map((b) => bookingView(b, facilities.get(b.facilityId), caller, ctx.now));
  return views.sort((a, b) => Number(b.upcoming) - Number(a.upcoming) || (a.upcoming ? a.start - b.start : b.start - a.start));
}

/** Cancels a booking of the caller's school (either side): its time is free again at once. */
export async function cancel(input: { bookingId: string; reason?: string }, ctx: ActionContext): Promise<BookingView> {
  await checkTypedText(ctx.openid, { reason: ['取消原因', input.reason] });
  const caller = await callerOf(ctx);
  const by = { openid: ctx.openid!, schoolId: schoolOf(caller) };
  const booking = await runTransaction((tx) => cancelInTransaction(tx, input.bookingId, by, ctx.now, input.reason?.trim() || null));
  return bookingView(booking, (await getFacility(booking.facilityId)) ?? undefined, caller, ctx.now);
}
