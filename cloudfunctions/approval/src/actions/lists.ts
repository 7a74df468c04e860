import type { ApprovalDetail, ApprovalSummary } from '../../../../src/contracts/approval';
import { canDecideStep, decisionKeys, dutyIdFor, exchangeChecks, facilityBookingChecks, type PolicyCheck } from '../../../../src/domain/approval';
import { confirmedBookings, getFacility } from '../../../../src/server/repositories/facilities';
import { notFound } from '../../../../src/server/errors';
import type { ActionContext } from '../../../../src/server/handler';
import { approvalsDecidedBy, approvalsOfRequester, approvalsWaitingFor, getApproval, type ApprovalDoc } from '../../../../src/server/repositories/approvals';
import { dutiesOfTeacher } from '../../../../src/server/repositories/duties';
import { actorOf, namesOf } from '../context';
import { ZONE, toDetail, toSummary } from '../views';

const newestFirst = (a: ApprovalDoc, b: ApprovalDoc) => b.updatedAt - a.updatedAt;

/** Requests waiting for the caller's decision, or the ones the caller decided. */
export async function inbox(input: { status: 'pending' | 'decided' }, ctx: ActionContext): Promise<ApprovalSummary[]> {
  const { actor, district } = await actorOf(ctx);
  const docs = input.status === 'pending' ? await approvalsWaitingFor(decisionKeys(actor)) : await approvalsDecidedBy(actor._id);
  // The key query is exact; the step check is the rule itself, kept so no query slip can widen it.
  const mine = input.status === 'pending' ? docs.filter((r) => r.status === 'pending' && canDecideStep(r.steps[r.current], actor)) : docs;
  return mine.sort(newestFirst).map((r) => toSummary(r, namesOf(district)));
}

/** The caller's own requests. */
export async function mine(_input: unknown, ctx: ActionContext): Promise<ApprovalSummary[]> {
  const { actor, district } = await actorOf(ctx);
  return (await approvalsOfRequester(actor._id)).sort(newestFirst).map((r) => toSummary(r, namesOf(district)));
}

/** Who may see a request: its requester, whoever decides any of its steps, the bureau of its district. */
export function canSee(r: ApprovalDoc, actor: { _id: string; roles: readonly string[]; districtCode: string | null } & Parameters<typeof canDecideStep>[1]): boolean {
  return (
    r.requesterOpenid === actor._id ||
    r.steps.some((s) => canDecideStep(s, actor)) ||
    (actor.roles.includes('bureau') && actor.districtCode === r.districtCode)
  );
}

/** Fresh checks while a teacher exchange is pending (duties may have changed since submission). */
export async function currentChecks(r: ApprovalDoc, nowMs: number): Promise<PolicyCheck[]> {
  if (r.status !== 'pending') return r.checks;
  if (r.type === 'facility') {
    const facility = await getFacility(r.facilityId);
    if (!facility) return [{ code: 'FACILITY_GONE', level: 'block', message: '该场馆已不存在' }];
    const bookings = await confirmedBookings(r.facilityId, r.start - 24 * 3600_000, r.end + 24 * 3600_000);
    return facilityBookingChecks(facility, bookings, r, r.createdAt, nowMs, ZONE);
  }
  const duties = (await dutiesOfTeacher(r.teacherOpenid)).filter((d) => d._id !== dutyIdFor(r._id));
  const fresh = exchangeChecks(r, r._id, duties, nowMs, ZONE);
  return [...fresh, ...r.checks.filter((c) => c.code.startsWith('ROTATION'))];
}

export async function detail(input: { id: string }, ctx: ActionContext): Promise<ApprovalDetail> {
  const { actor, district } = await actorOf(ctx);
  const r = await getApproval(input.id);
  // Another district's, school's or teacher's request answers exactly as a made-up id.
  if (!r || r.districtCode !== district.district.code || !canSee(r, actor)) throw notFound('该申请');
  return toDetail(r, actor, namesOf(district), await currentChecks(r, ctx.now));
}
