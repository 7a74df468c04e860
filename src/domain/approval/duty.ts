/** What a finally approved teacher exchange becomes: a Duty of the same kind. */
import type { Duty } from '../duty/types';
import type { ApprovalRequest, ExchangeFields } from './types';

/** One duty per approval: a deterministic id makes a retried creation land on the same document. */
export const dutyIdFor = (approvalId: string): string => `dt-${approvalId}`;

/** The duty as it would be scheduled: also the candidate checked for conflicts before approving. */
export function candidateDuty(fields: ExchangeFields, approvalId: string): Duty {
  return {
    _id: dutyIdFor(approvalId),
    teacherOpenid: fields.teacherOpenid,
    teacherName: fields.teacherName,
    homeSchoolId: fields.homeSchoolId,
    hostSchoolId: fields.hostSchoolId,
    districtCode: fields.districtCode,
    kind: fields.type,
    slots: fields.slots.map((s) => ({ ...s })),
    termStart: fields.termStart,
    termEnd: fields.termEnd,
    approvalId,
    status: 'active',
    sample: false,
  };
}

/**
 * The duty of an approved exchange (师徒结对: the mentor's). The caller adds school names and location.
 * Throws on a request that is not approved: creating a duty then is a programming error.
 */
export function dutyFromRequest(request: ApprovalRequest<ExchangeFields>, approvalId: string): Duty {
  if (request.status !== 'approved') throw new Error(`request ${request._id} is ${request.status}, not approved`);
  return candidateDuty(request, approvalId);
}
