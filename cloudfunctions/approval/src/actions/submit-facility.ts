import type { z } from 'zod';
import type { ApprovalDetail, approvalInputs } from '../../../../src/contracts/approval';
import { facilityBookingChecks, type FacilityFields } from '../../../../src/domain/approval';
import { AppError, forbidden, notFound } from '../../../../src/server/errors';
import type { ActionContext } from '../../../../src/server/handler';
import { confirmedBookings, getFacility } from '../../../../src/server/repositories/facilities';
import { checkTypedText } from '../../../../src/server/content-check';
import { actorOf } from '../context';
import { ZONE } from '../views';
import { approvalIdFor, fileRequest } from './submit';

type FacilityInput = z.output<(typeof approvalInputs)['submitFacility']>;
const DAY = 24 * 3600_000;

/** A school asks to use another school's shared facility; the owning school's principal decides. */
export async function submitFacility(input: FacilityInput, ctx: ActionContext): Promise<ApprovalDetail & { duplicate: boolean }> {
  await checkTypedText(ctx.openid, { purpose: ['用途', input.purpose] });
  const { actor, district } = await actorOf(ctx);
  if (!actor.schoolId) throw forbidden('当前账号未绑定学校');
  const facility = await getFacility(input.facilityId);
  if (!facility || facility.districtCode !== district.district.code || !facility.shareable) throw notFound('该场馆');
  if (facility.schoolId === actor.schoolId) throw new AppError('INVALID_INPUT', '本校场馆无需预约审批（facilityId）', 'facilityId');
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
  const bookings = await confirmedBookings(facility._id, input.start - DAY, input.end + DAY);
  const checks = facilityBookingChecks(facility, bookings, { _id: approvalIdFor(actor._id, input.requestId), start: input.start, end: input.end }, ctx.now, ctx.now, ZONE);
  return fileRequest(ctx, district, fields, input.requestId, checks);
}
