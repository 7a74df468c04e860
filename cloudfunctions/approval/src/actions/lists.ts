import type { ApprovalDetail, ApprovalPage } from '@/contracts/approval';
import { COLLECTIONS } from '@/contracts/collections';
import {
  decidesAs,
  decisionKeys,
  dutyIdFor,
  exchangeChecks,
  facilityBookingChecks,
  canDecideStep,
  type PolicyCheck,
} from '@/domain/approval';
import { confirmedBookings, getFacility } from '@/server/repositories/facilities';
import { forbidden, notFound } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import { db } from '@/server/cloud';
import { mergedPage, PAGE_SIZE } from '@/server/paging';
import { getApproval, type ApprovalDoc } from '@/server/repositories/approvals';
import { dutiesOfTeacher } from '@/server/repositories/duties';
import { actorOf, namesOf } from '../context';
import { competingChecks, pendingBookingRequests } from './submit-facility';
import { ZONE, toDetail, toSummary } from '../views';

interface PageInput {
  cursor?: string;
  limit?: number;
}

/**
 * Requests waiting for the caller's decision (their steps, steps handed to them, and for the bureau
 * every escalated step of its district: 无人审批 or 超时), or the ones the caller decided. Newest first,
 * a page at a time.
 */
export async function inbox(
  input: { status: 'pending' | 'decided' | 'cc' } & PageInput,
  ctx: ActionContext,
): Promise<ApprovalPage> {
  const { actor, district } = await actorOf(ctx);
  const sources =
    input.status === 'decided'
      ? [{ deciders: actor._id }]
      : input.status === 'cc'
        ? [{ ccOpenids: actor._id }]
        : pendingSources(actor, ctx.now);
  const page = await mergedPage<ApprovalDoc>(
    COLLECTIONS.approvals,
    sources,
    'updatedAt',
    input.cursor,
    input.limit ?? PAGE_SIZE,
  );
  // The queries are exact; the rule itself is applied again so no query slip can widen the inbox.
  const items =
    input.status === 'pending' ? page.items.filter((r) => decidesAs(r, actor, ctx.now) !== null) : page.items;
  const names = namesOf(district);
  return { items: items.map((r) => toSummary(r, names, ctx.now)), next: page.next };
}

/** The where-clauses of the caller's pending inbox: their step keys, steps handed to them, the bureau's escalations. */
function pendingSources(
  actor: Parameters<typeof decisionKeys>[0] & { _id: string; roles: readonly string[]; districtCode: string | null },
  nowMs: number,
) {
  const _ = db().command;
  const keys = decisionKeys(actor);
  const sources: Array<Record<string, unknown>> = [];
  if (keys.length > 0) sources.push({ inboxKey: _.in(keys) });
  sources.push({ delegateOpenid: actor._id, status: 'pending' });
  if (actor.roles.includes('bureau') && actor.districtCode)
    sources.push({ districtCode: actor.districtCode, status: 'pending', escalateAt: _.lte(nowMs) });
  return sources;
}

/**
 * 待办: how many requests wait for the caller (the count on the role's entry), counted by the database
 * rather than read. A request both keyed to and handed to the caller counts twice; rare, and only a badge.
 */
export async function todo(_input: unknown, ctx: ActionContext): Promise<{ pending: number }> {
  const { actor } = await actorOf(ctx);
  const counts = await Promise.all(
    pendingSources(actor, ctx.now).map(
      async (w) =>
        ((await db().collection(COLLECTIONS.approvals).where(w).count()) as unknown as { total: number }).total,
    ),
  );
  return { pending: counts.reduce((a, b) => a + b, 0) };
}

/** The caller's own requests, newest first. */
export async function mine(input: PageInput, ctx: ActionContext): Promise<ApprovalPage> {
  const { actor, district } = await actorOf(ctx);
  const page = await mergedPage<ApprovalDoc>(
    COLLECTIONS.approvals,
    [{ requesterOpenid: actor._id }],
    'updatedAt',
    input.cursor,
    input.limit ?? PAGE_SIZE,
  );
  const names = namesOf(district);
  return { items: page.items.map((r) => toSummary(r, names, ctx.now)), next: page.next };
}

/**
 * The bureau's view of its district's requests: those in progress (超时 and 无人审批 flagged) or those
 * closed, newest first. Scoped to the caller's own district by the query itself.
 */
export async function district(
  input: { status: 'pending' | 'closed' } & PageInput,
  ctx: ActionContext,
): Promise<ApprovalPage> {
  const { actor, district: d } = await actorOf(ctx);
  if (!actor.roles.includes('bureau')) throw forbidden('只有教育局可以查看全区审批');
  const _ = db().command;
  const status = input.status === 'pending' ? 'pending' : _.in(['approved', 'rejected', 'withdrawn', 'returned']);
  const page = await mergedPage<ApprovalDoc>(
    COLLECTIONS.approvals,
    [{ districtCode: d.district.code, status }],
    'updatedAt',
    input.cursor,
    input.limit ?? PAGE_SIZE,
  );
  const names = namesOf(d);
  return { items: page.items.map((r) => toSummary(r, names, ctx.now)), next: page.next };
}

/** Who may see a request: its requester, whoever decides any of its steps (or was handed one), the bureau of its district. */
export function canSee(
  r: ApprovalDoc,
  actor: { _id: string; roles: readonly string[]; districtCode: string | null } & Parameters<typeof canDecideStep>[1],
): boolean {
  return (
    r.requesterOpenid === actor._id ||
    r.steps.some((s) => canDecideStep(s, actor) || s.delegate?.openid === actor._id) ||
    (r.ccOpenids ?? []).includes(actor._id) ||
    (actor.roles.includes('bureau') && actor.districtCode === r.districtCode)
  );
}

/** Fresh checks while a teacher exchange is pending (duties may have changed since submission). */
export async function currentChecks(
  r: ApprovalDoc,
  nowMs: number,
  names?: (schoolId: string) => string,
): Promise<PolicyCheck[]> {
  if (r.status !== 'pending') return r.checks;
  if (r.type === 'facility') {
    const facility = await getFacility(r.facilityId);
    if (!facility) return [{ code: 'FACILITY_GONE', level: 'block', message: '该场馆已不存在' }];
    const [bookings, open] = await Promise.all([
      confirmedBookings(r.facilityId, r.start - 24 * 3600_000, r.end + 24 * 3600_000),
      pendingBookingRequests(r.districtCode, r.facilityId),
    ]);
    return [
      ...facilityBookingChecks(facility, bookings, r, r.createdAt, nowMs, ZONE),
      ...competingChecks(
        open.filter((o) => o._id !== r._id),
        r,
        names ?? ((id) => id),
      ),
      ...r.checks.filter((c) => c.code === 'NO_DECIDER'),
    ];
  }
  const duties = (await dutiesOfTeacher(r.teacherOpenid)).filter((d) => d._id !== dutyIdFor(r._id));
  const fresh = exchangeChecks(r, r._id, duties, nowMs, ZONE);
  return [...fresh, ...r.checks.filter((c) => c.code.startsWith('ROTATION') || c.code === 'NO_DECIDER')];
}

export async function detail(input: { id: string }, ctx: ActionContext): Promise<ApprovalDetail> {
  const { actor, district } = await actorOf(ctx);
  const r = await getApproval(input.id);
  // Another district's, school's or teacher's request answers exactly as a made-up id.
  if (!r || r.districtCode !== district.district.code || !canSee(r, actor)) throw notFound('该申请');
  return toDetail(r, actor, namesOf(district), await currentChecks(r, ctx.now, namesOf(district)), ctx.now);
}
