import type { BookingRequestView, BookingView } from '@/contracts/facility';
import { runTransaction } from '@/server/cloud';
import { forbidden } from '@/server/errors';
import { cancelInTransaction } from '@/server/facility-booking';
import type { SignedInContext } from '@/server/handler';
import { checkTypedText } from '@/server/content-check';
import { facilitiesByIds, getFacility, type BookingDoc } from '@/server/repositories/facilities';
import type { ApprovalDoc } from '@/server/repositories/approvals';
import { COLLECTIONS } from '@/contracts/collections';
import { db } from '@/server/cloud';
import { mergedPage, PAGE_SIZE } from '@/server/paging';
import { callerOf, type Caller } from '../scope';
import { bookingView, requestView } from '../views';

function schoolOf(caller: Caller): string {
  if (!caller.user.schoolId) throw forbidden('当前账号未绑定学校');
  return caller.user.schoolId;
}

/** The caller school's bookings, made and received, latest start first, a page at a time. */
export async function myBookings(
  input: { cursor?: string; limit?: number },
  ctx: SignedInContext,
): Promise<{ items: BookingView[]; next: string | null }> {
  const caller = await callerOf(ctx);
  const school = schoolOf(caller);
  const page = await mergedPage<BookingDoc>(
    COLLECTIONS.bookings,
    [{ bookingSchoolId: school }, { schoolId: school }],
    'start',
    input.cursor,
    input.limit ?? PAGE_SIZE,
  );
  const facilities = new Map(
    (await facilitiesByIds([...new Set(page.items.map((b) => b.facilityId))])).map((f) => [f._id, f]),
  );
  return {
    items: page.items.map((b) => bookingView(b, facilities.get(b.facilityId), caller, ctx.now)),
    next: page.next,
  };
}

/**
 * The caller school's booking requests, newest first: those still waiting, or those closed without a
 * booking, each with who it waits for or the decider's reason (the requester's only place to read it).
 */
export async function myRequests(
  input: { status: 'open' | 'closed'; cursor?: string; limit?: number },
  ctx: SignedInContext,
): Promise<{ items: BookingRequestView[]; next: string | null }> {
  const caller = await callerOf(ctx);
  const _ = db().command;
  const status = input.status === 'open' ? 'pending' : _.in(['rejected', 'returned', 'withdrawn']);
  const where = {
    districtCode: caller.district.district.code,
    type: 'facility',
    bookingSchoolId: schoolOf(caller),
    status,
  };
  const page = await mergedPage<ApprovalDoc>(
    COLLECTIONS.approvals,
    [where],
    'updatedAt',
    input.cursor,
    input.limit ?? PAGE_SIZE,
  );
  return { items: page.items.map((r) => requestView(r, caller)), next: page.next };
}

/** Cancels a booking of the caller's school (either side): its time is free again at once. */
export async function cancel(
  input: { bookingId: string; reason?: string },
  ctx: SignedInContext,
): Promise<BookingView> {
  await checkTypedText(ctx.openid, { reason: ['取消原因', input.reason] });
  const caller = await callerOf(ctx);
  const by = { openid: ctx.openid, schoolId: schoolOf(caller) };
  const booking = await runTransaction((tx) =>
    cancelInTransaction(tx, input.bookingId, by, ctx.now, input.reason?.trim() || null),
  );
  return bookingView(booking, (await getFacility(booking.facilityId)) ?? undefined, caller, ctx.now);
}
