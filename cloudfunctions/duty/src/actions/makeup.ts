import type { z } from 'zod';
import type { MakeupView, dutyInputs } from '@/contracts/duty';
import type { SignedInContext } from '@/server/handler';
import { refused, AppError, forbidden, notFound } from '@/server/errors';
import { COLLECTIONS } from '@/contracts/collections';
import {
  DEFAULT_DUTY_POLICY,
  applyApprovedMakeup,
  canRequestMakeup,
  checkDutyAccess,
  checkMakeupTarget,
  dateTimeIn,
  makeupBlock,
  sessionOfRecord,
  sessionsOnDate,
} from '@/domain/duty';
import { fieldsOf, runTransaction } from '@/server/cloud';
import { fetchById, insertOnce } from '@/server/repositories/query';
import {
  dutiesOfTeacher,
  getClockRecord,
  makeupsAtHost,
  makeupsOfTeacher,
  type ClockRecordDoc,
  type DutyDoc,
  type MakeupDoc,
} from '@/server/repositories/duties';
import { checkTypedText } from '@/server/content-check';
import { rollupRecordChange } from '@/server/repositories/kpi-rollups';
import { sendNotices, type Notice } from '@/server/notify';
import { ZONE, makeupView, orThrow } from '../views';

type RequestInput = z.output<(typeof dutyInputs)['requestMakeup']>;
type DecideInput = z.output<(typeof dutyInputs)['decideMakeup']>;

const view = makeupView;

/** 补卡: for a past session of the caller's own duty, within the monthly quota; the host principal decides. */
export async function requestMakeup(
  input: RequestInput,
  ctx: SignedInContext,
): Promise<{ id: string; duplicate: boolean }> {
  const openid = ctx.openid;
  await checkTypedText(openid, { reason: ['补卡原因', input.reason] });
  const id = `mk-${input.dutyId}-${input.requestId}`;
  const [existing, duties, makeups] = await Promise.all([
    fetchById<MakeupDoc>(COLLECTIONS.makeupRequests, id),
    dutiesOfTeacher(openid),
    makeupsOfTeacher(openid),
  ]);
  const duty = duties.find((d) => d._id === input.dutyId);
  // Ownership first: a retry is recognised only on the caller's own duty (the id names the duty).
  if (!duty) throw new AppError('NOT_YOUR_DUTY', '这不是您的任务，不能为他人申请补卡');
  if (existing) return { id, duplicate: true };
  const access = checkDutyAccess(duty, openid);
  if (access) throw refused(access);
  const session = sessionsOnDate(duty, input.sessionDate, ZONE).find((s) => s.slotStart === input.slotStart);
  if (!session)
    throw new AppError('NO_SUCH_SESSION', `${input.sessionDate} ${input.slotStart} 没有该任务的安排`, 'slotStart');
  // One decision per session: pending, rejected or approved before → no new request (makeupBlock says why).
  const block = makeupBlock(
    makeups.filter(
      (m) => m.dutyId === duty._id && m.sessionDate === input.sessionDate && m.slotStart === input.slotStart,
    ),
  );
  if (block) throw refused(block);
  orThrow(checkMakeupTarget(session, await getClockRecord(session.key), ctx.now, ZONE, DEFAULT_DUTY_POLICY));
  orThrow(
    canRequestMakeup(
      makeups.filter((m) => m.status !== 'rejected').map((m) => m.createdAt),
      ctx.now,
      ZONE,
      DEFAULT_DUTY_POLICY,
    ),
  );
  const doc: MakeupDoc = {
    _id: id,
    dutyId: duty._id,
    teacherOpenid: openid,
    teacherName: duty.teacherName,
    hostSchoolId: duty.hostSchoolId,
    sessionDate: input.sessionDate,
    slotStart: input.slotStart,
    reason: input.reason.trim(),
    status: 'pending',
    comment: null,
    decidedBy: null,
    decidedAt: null,
    createdAt: ctx.now,
  };
  return { id, duplicate: !(await insertOnce(COLLECTIONS.makeupRequests, doc)) };
}

/** The 补卡 requests for the caller's school (as host), pending first. */
export async function makeupInbox(_input: unknown, ctx: SignedInContext): Promise<MakeupView[]> {
  const user = await ctx.user();
  if (!user?.schoolId) throw forbidden('当前账号未绑定学校');
  const makeups = await makeupsAtHost(user.schoolId);
  const duties = new Map<string, DutyDoc>();
  for (const id of new Set(makeups.map((m) => m.dutyId))) {
    const d = await fetchById<DutyDoc>(COLLECTIONS.duties, id);
    if (d) duties.set(id, d);
  }
  return makeups
    .sort((a, b) => Number(a.status !== 'pending') - Number(b.status !== 'pending') || b.createdAt - a.createdAt)
    .map((m) => view(m, duties.get(m.dutyId)));
}

/**
 * The host principal approves or rejects. Atomic: the request's status is checked and changed in one
 * transaction with the clock record, so of concurrent decisions exactly one applies.
 */
export async function decideMakeup(input: DecideInput, ctx: SignedInContext): Promise<MakeupView> {
  // A rejection says why: the teacher sees the comment and cannot ask again for that session.
  if (!input.approve && !input.comment?.trim())
    throw new AppError('INVALID_INPUT', '驳回时请填写意见（comment），教师会看到驳回原因', 'comment');
  await checkTypedText(ctx.openid, { comment: ['意见', input.comment] });
  const user = await ctx.user();
  const request = await fetchById<MakeupDoc>(COLLECTIONS.makeupRequests, input.id);
  // Another school's or district's request answers exactly as a made-up id.
  if (!request || !user?.schoolId || user.schoolId !== request.hostSchoolId) throw notFound('该补卡申请');
  const duty = await fetchById<DutyDoc>(COLLECTIONS.duties, request.dutyId);
  if (!duty) throw notFound('该补卡申请对应的任务');
  const decided = await runTransaction(async (tx) => {
    const current = (await tx.collection(COLLECTIONS.makeupRequests).doc(request._id).get()).data as MakeupDoc | null;
    if (!current || current.status !== 'pending') throw new AppError('ALREADY_DECIDED', '该申请已被处理，请刷新后查看');
    const next: MakeupDoc = {
      ...current,
      status: input.approve ? 'approved' : 'rejected',
      comment: input.comment?.trim() || null,
      decidedBy: ctx.openid,
      decidedAt: ctx.now,
    };
    if (input.approve) {
      const session = sessionOfRecord(
        {
          dutyId: duty._id,
          sessionDate: current.sessionDate,
          slotStart: current.slotStart,
          slotEnd: duty.slots.find((s) => s.start === current.slotStart)?.end ?? current.slotStart,
        },
        duty,
        ZONE,
      );
      const recordRef = tx.collection(COLLECTIONS.clockRecords).doc(session.key);
      const record = (await recordRef.get().catch(() => ({ data: null }))).data as ClockRecordDoc | null;
      const made: ClockRecordDoc = {
        inRequestId: null,
        outRequestId: null,
        ...record,
        ...applyApprovedMakeup(session, record),
      };
      await recordRef.set({ data: fieldsOf(made) });
      await rollupRecordChange(tx, record, made, duty.homeSchoolId, ctx.now);
    }
    await tx
      .collection(COLLECTIONS.makeupRequests)
      .doc(next._id)
      .set({ data: fieldsOf(next) });
    return next;
  });
  // The teacher hears the decision and its comment (best effort, like every notice).
  const notice: Notice<'result'> = {
    touser: decided.teacherOpenid,
    template: 'result',
    page: `packages/teacher/pages/month/index?month=${decided.sessionDate.slice(0, 7)}`,
    fields: {
      type: '补卡申请',
      status: decided.status === 'approved' ? '已同意' : '已驳回',
      comment: decided.comment || '无',
      time: dateTimeIn(ctx.now, ZONE),
    },
  };
  await sendNotices([notice]);
  return view(decided, duty);
}
