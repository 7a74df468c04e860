import type { z } from 'zod';
import type { ApprovalDetail, approvalInputs } from '@/contracts/approval';
import { COLLECTIONS } from '@/contracts/collections';
import {
  ccOf,
  exchangeChecks,
  markUnstaffed,
  rotationChecks,
  routeDateOf,
  routeRequest,
  submit,
  type ApprovalRequest,
  type ExchangeFields,
  type PolicyCheck,
  type RequestFields,
  type Step,
} from '@/domain/approval';
import { dateIn } from '@/domain/duty';
import { AppError, forbidden, refused } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import { getApproval, type ApprovalDoc } from '@/server/repositories/approvals';
import { dutiesOfTeacher } from '@/server/repositories/duties';
import { insertOnce } from '@/server/repositories/query';
import { checkTypedText } from '@/server/content-check';
import { callerRequestKey } from '@/server/request-key';
import type { DistrictData } from '@/server/district-cache';
import { actorOf, decidersOf, indexed, namesOf, refuseIfBlocked, rotationCounts, schoolsById } from '../context';
import { noticesForStep, sendAll } from '../notices';
import { ZONE, toDetail } from '../views';

type ExchangeInput = z.output<(typeof approvalInputs)['submitExchange']>;

/**
 * The id of the request a caller files under a client request id: scoped to the caller, so another
 * caller's (or district's) request id is a new request of theirs, not a conflict that reveals it exists.
 */
export const approvalIdFor = (openid: string, requestId: string) => `ap-${callerRequestKey(openid, requestId)}`;

/**
 * Files a routed request once per client request id; a retry returns the stored one. Blocking checks
 * refuse it up front: the requester sees why, nothing is written.
 */
export async function fileRequest(
  ctx: ActionContext,
  district: DistrictData,
  fields: RequestFields,
  requestId: string,
  checks: PolicyCheck[],
): Promise<ApprovalDetail & { duplicate: boolean }> {
  const user = (await ctx.user())!;
  const id = approvalIdFor(user._id, requestId);
  const names = namesOf(district);
  // The id is keyed by the caller, so a stored request under it is always the caller's own retry.
  const duplicate = (existing: ApprovalDoc) => ({
    ...toDetail(existing, user, names, existing.checks, ctx.now),
    duplicate: true,
  });
  const existing = await getApproval(id);
  if (existing) return duplicate(existing);
  refuseIfBlocked(checks);
  const { steps, checks: all, cc } = await routeOf(district, fields, ctx.now, checks);
  const made = submit(fields, steps, user, ctx.now, {
    _id: id,
    routedOn: routeDateOf(
      fields,
      dateIn(ctx.now, ZONE),
      fields.type === 'facility' ? dateIn(fields.start, ZONE) : undefined,
    ),
  });
  if (!made.ok) throw refused(made);
  const doc: ApprovalDoc = indexed({
    ...(made.request as ApprovalRequest),
    inboxKey: null,
    deciders: [],
    checks: all,
    result: null,
    cc,
    ccOpenids: cc.map((c) => c.openid),
  });
  if (!(await insertOnce(COLLECTIONS.approvals, doc))) return duplicate((await getApproval(id))!);
  await sendAll(await noticesForStep(doc, names, ctx.now));
  return { ...toDetail(doc, user, names, all, ctx.now), duplicate: false };
}

/**
 * The steps of a request: routed on the composition in force when it takes effect, each step nobody
 * holds marked for the bureau, with a warning per such step added to the checks.
 */
export async function routeOf(
  district: DistrictData,
  fields: RequestFields,
  nowMs: number,
  checks: PolicyCheck[],
): Promise<{ steps: Step[]; checks: PolicyCheck[]; cc: Array<{ openid: string; name: string }> }> {
  const on = routeDateOf(
    fields,
    dateIn(nowMs, ZONE),
    fields.type === 'facility' ? dateIn(fields.start, ZONE) : undefined,
  );
  const { heads, staffed, accounts } = await decidersOf(district.district.code);
  const marked = markUnstaffed(routeRequest(fields, district.versions, on, schoolsById(district), heads), staffed);
  return {
    steps: marked.steps,
    checks: [...checks.filter((c) => c.code !== 'NO_DECIDER'), ...marked.checks],
    cc: ccOf(fields, marked.steps, district.versions, on, accounts),
  };
}

/** A teacher asks to teach at (or rotate to, mentor at …) another school of the district. */
export async function submitExchange(
  input: ExchangeInput,
  ctx: ActionContext,
): Promise<ApprovalDetail & { duplicate: boolean }> {
  await checkTypedText(ctx.openid, {
    reason: ['申请理由', input.reason],
    'mentee.name': ['徒弟姓名', input.type === 'mentoring' ? input.mentee?.name : null],
  });
  const { actor, district } = await actorOf(ctx);
  if (!actor.schoolId) throw forbidden('当前账号未绑定学校');
  if (!district.schools.some((s) => s._id === input.hostSchoolId))
    throw new AppError('INVALID_INPUT', '接收学校（hostSchoolId）不在本区', 'hostSchoolId');
  const fields: ExchangeFields = {
    type: input.type,
    districtCode: district.district.code,
    teacherOpenid: actor._id,
    teacherName: actor.name,
    homeSchoolId: actor.schoolId,
    hostSchoolId: input.hostSchoolId,
    slots: input.slots.map((s) => ({ ...s, weekday: s.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7 })),
    termStart: input.termStart,
    termEnd: input.termEnd,
    mentee: input.type === 'mentoring' && input.mentee ? { name: input.mentee.name.trim(), openid: null } : null,
    reason: input.reason?.trim() || null,
  };
  const [duties, counts] = await Promise.all([dutiesOfTeacher(actor._id), rotationCounts(district, actor.schoolId)]);
  const checks = [
    ...exchangeChecks(fields, approvalIdFor(actor._id, input.requestId), duties, ctx.now, ZONE),
    ...rotationChecks({
      schoolName: namesOf(district)(actor.schoolId),
      school: counts.school,
      district: counts.district,
      teacherAlreadyCounted: counts.active.some((d) => d.teacherOpenid === actor._id),
    }),
  ];
  return fileRequest(ctx, district, fields, input.requestId, checks);
}
