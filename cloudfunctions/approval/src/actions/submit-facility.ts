import type { z } from 'zod';
import type { ApprovalDetail, approvalInputs } from '@/contracts/approval';
import { facilityBookingChecks, type FacilityFields, type PolicyCheck } from '@/domain/approval';
import { hmIn } from '@/domain/duty';
import { COLLECTIONS } from '@/contracts/collections';
import { runTransaction } from '@/server/cloud';
import { fetchAll } from '@/server/repositories/query';
import type { ApprovalDoc } from '@/server/repositories/approvals';
import { AppError, forbidden, notFound } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import { confirmedBookings, getFacility } from '@/server/repositories/facilities';
import { checkTypedText } from '@/server/content-check';
import { actorOf, namesOf, refuseIfBlocked } from '../context';
import { ZONE } from '../views';
import { approvalIdFor, fileRequest } from './submit';

type FacilityInput = z.output<(typeof approvalInputs)['submitFacility']>;
const DAY = 24 * 3600_000;

/** A school asks to use another school's shared facility; the owning school's principal decides. */
export async function submitFacility(
  input: FacilityInput,
  ctx: ActionContext,
): Promise<ApprovalDetail & { duplicate: boolean }> {
  await checkTypedText(ctx.openid, { purpose: ['用途', input.purpose] });
  const { actor, district } = await actorOf(ctx);
  if (!actor.schoolId) throw forbidden('当前账号未绑定学校');
  const facility = await getFacility(input.facilityId);
  if (!facility || facility.districtCode !== district.district.code || !facility.shareable) throw notFound('该场馆');
  if (facility.schoolId === actor.schoolId)
    throw new AppError('INVALID_INPUT', '本校场馆无需预约审批（facilityId）', 'facilityId');
  const fields: FacilityFields = {
    type: 'facility',
    districtCode: district.district.code,
    facilityId: facility._id,
    facilityName: facility.name,
    ownerSchoolId: facility.schoolId,
    bookingSchoolId: actor.schoolId,
    start: input.start,
    end: input.end,
    purpose: input.purpose.trim(),
  };
  const id = approvalIdFor(actor._id, input.requestId);
  const [bookings, open] = await Promise.all([
    confirmedBookings(facility._id, input.start - DAY, input.end + DAY),
    pendingBookingRequests(district.district.code, facility._id),
  ]);
  // One school files one booking of a time once (a retry under the same request id is the same request).
  const same = (r: ApprovalDoc) =>
    r._id !== id &&
    r.type === 'facility' &&
    r.bookingSchoolId === actor.schoolId &&
    r.start === input.start &&
    r.end === input.end;
  if (open.some(same)) throw sameBooking();
  const checks = [
    ...facilityBookingChecks(
      facility,
      bookings,
      { _id: id, start: input.start, end: input.end },
      ctx.now,
      ctx.now,
      ZONE,
    ),
    ...competingChecks(
      open.filter((r) => r.type === 'facility' && r.bookingSchoolId !== actor.schoolId),
      input,
      namesOf(district),
    ),
  ];
  // Refused filings claim nothing (fileRequest would refuse them the same way).
  refuseIfBlocked(checks);
  await claimBooking(`fc-claim-${actor.schoolId}-${facility._id}-${input.start}-${input.end}`, id, ctx.now);
  return fileRequest(ctx, district, fields, input.requestId, checks);
}

/** How long a claim holds before its request is stored (a filing that died between the two frees it). */
const CLAIM_HOLD_MS = 60_000;

/**
 * Claims "this school books this facility at this time" for one request, in a transaction on one claim
 * record: of two filings under different request ids at the same moment exactly one gets it. A claim
 * whose request is no longer pending (decided, withdrawn, never stored) is free again.
 */
async function claimBooking(claimId: string, approvalId: string, nowMs: number): Promise<void> {
  await runTransaction(async (tx) => {
    const ref = tx.collection(COLLECTIONS.appliedRequests).doc(claimId);
    const claim = (await ref.get().catch(() => ({ data: null }))).data as { approvalId: string; at: number } | null;
    if (claim && claim.approvalId !== approvalId) {
      const held = (
        await tx
          .collection(COLLECTIONS.approvals)
          .doc(claim.approvalId)
          .get()
          .catch(() => ({ data: null }))
      ).data as ApprovalDoc | null;
      if (held ? held.status === 'pending' : nowMs - claim.at < CLAIM_HOLD_MS) throw sameBooking();
    }
    await ref.set({ data: { kind: 'facility-claim', approvalId, at: nowMs } });
  });
}

const sameBooking = () => new AppError('CONFLICT', '本校已提交过该场馆同一时段的预约申请，正在审批中，请勿重复提交');

/** The pending booking requests of a facility (the competing ones the approver should see). */
export const pendingBookingRequests = (districtCode: string, facilityId: string) =>
  fetchAll<ApprovalDoc>(COLLECTIONS.approvals, { districtCode, type: 'facility', facilityId, status: 'pending' });

/** Other schools' pending requests for an overlapping time: one approval will make the others fail. */
export function competingChecks(
  open: readonly ApprovalDoc[],
  slot: { start: number; end: number },
  name: (id: string) => string,
): PolicyCheck[] {
  const rivals = open.filter((r) => r.type === 'facility' && r.start < slot.end && slot.start < r.end);
  if (rivals.length === 0) return [];
  const list = rivals
    .map((r) => (r.type === 'facility' ? `${name(r.bookingSchoolId)} ${hmIn(r.start, ZONE)}–${hmIn(r.end, ZONE)}` : ''))
    .join('、');
  return [
    {
      code: 'COMPETING_REQUESTS',
      level: 'warn',
      message: `另有 ${rivals.length} 个待审批的预约与此时段重叠（${list}），批准其中一个后其余将无法批准`,
    },
  ];
}
