import type { z } from 'zod';
import type { ApprovalDetail, approvalInputs } from '@/contracts/approval';
import { COLLECTIONS } from '@/contracts/collections';
import {
  applyEdit,
  approve,
  exchangeChanges,
  routeDateOf,
  rotationChecks,
  dutyFromRequest,
  dutyIdFor,
  exchangeChecks,
  isExchange,
  isFinalApproval,
  reject,
  resubmit as resubmitRequest,
  sendBack,
  withdraw as withdrawRequest,
  type Actor,
  type ApprovalRequest,
  type ExchangeFields,
  type PolicyCheck,
  type Transition,
  checksAtClose,
} from '@/domain/approval';
import { distanceMetres } from '@/domain/geo';
import { AppError, notFound, refused } from '@/server/errors';
import type { ActionContext } from '@/server/handler';
import { fieldsOf, runTransaction, type Tx } from '@/server/cloud';
import type { DistrictData } from '@/server/district-cache';
import { getApproval, type ApprovalDoc } from '@/server/repositories/approvals';
import { dutiesOfTeacher, type DutyDoc } from '@/server/repositories/duties';
import { getFacility, type FacilityDoc } from '@/server/repositories/facilities';
import { followNewDuty } from '@/server/repositories/reminder-prefs';
import { bookInTransaction } from '@/server/facility-booking';
import { checkTypedText } from '@/server/content-check';
import { actorOf, indexed, namesOf, refuseIfBlocked, rotationCounts } from '../context';
import { dateIn } from '@/domain/duty';
import { routeOf } from './submit';
import { delegateNotice, noticeForRequester, noticesForCc, noticesForStep, sendAll } from '../notices';
import { ZONE, toDetail } from '../views';
import { canSee, currentChecks } from './lists';

type Move = (r: ApprovalDoc, actor: Actor, nowMs: number) => Transition<ApprovalDoc>;

/** The duty an approved exchange creates, with the school facts clocking needs copied in. */
function dutyDoc(r: ApprovalRequest<ExchangeFields>, district: DistrictData): DutyDoc {
  const home = district.schools.find((s) => s._id === r.homeSchoolId);
  const host = district.schools.find((s) => s._id === r.hostSchoolId);
  return {
    ...dutyFromRequest(r, r._id),
    homeSchoolName: home?.name ?? r.homeSchoolId,
    hostSchoolName: host?.name ?? r.hostSchoolId,
    hostLocation: host?.location ?? null,
    hostRadiusM: 300,
    travel:
      home?.location && host?.location
        ? { distanceKm: +(distanceMetres(home.location, host.location) / 1000).toFixed(2), hardship: 1 }
        : null,
  };
}

/** What creating the outcome needs, read before the transaction (reads inside it are by id only). */
interface Prepared {
  teacherDuties: DutyDoc[];
  facility: FacilityDoc | null;
  /** The checks as they stand at the decision: kept on the request once it closes. */
  checks: PolicyCheck[];
}

async function prepare(r: ApprovalDoc, nowMs: number, names: (id: string) => string): Promise<Prepared> {
  const [teacherDuties, facility, checks] = await Promise.all([
    isExchange(r) ? dutiesOfTeacher(r.teacherOpenid) : Promise.resolve([]),
    r.type === 'facility' ? getFacility(r.facilityId) : Promise.resolve(null),
    r.status === 'pending' ? currentChecks(r, nowMs, names) : Promise.resolve(r.checks),
  ]);
  return { teacherDuties, facility, checks };
}

/** What the final approval creates, in the same transaction as the decision: exactly once. */
async function createOutcome(
  tx: Tx,
  r: ApprovalDoc,
  district: DistrictData,
  prepared: Prepared,
  nowMs: number,
): Promise<ApprovalDoc['result']> {
  if (r.type === 'facility') {
    if (!prepared.facility) throw new AppError('NOT_FOUND', '该场馆已不存在，无法预约');
    const bookingId = `bk-${r._id}`;
    // Overlap is re-checked on the facility's day document inside this transaction.
    await bookInTransaction(
      tx,
      prepared.facility,
      {
        _id: bookingId,
        facilityId: r.facilityId,
        start: r.start,
        end: r.end,
        bookingSchoolId: r.bookingSchoolId,
        purpose: r.purpose,
        approvalId: r._id,
      },
      nowMs,
    );
    return { dutyId: null, bookingId };
  }
  const teacherDuties = prepared.teacherDuties;
  const checks = exchangeChecks(
    r,
    r._id,
    teacherDuties.filter((d) => d._id !== dutyIdFor(r._id)),
    nowMs,
    ZONE,
  );
  refuseIfBlocked(checks, '不能批准：');
  const duty = dutyDoc(r, district);
  await tx
    .collection(COLLECTIONS.duties)
    .doc(duty._id)
    .set({ data: fieldsOf(duty) });
  return { dutyId: duty._id, bookingId: null };
}

/**
 * Applies one transition atomically: the request is re-read inside the transaction and the move checks
 * its version, so of concurrent decisions on one step exactly one applies; the rest get STALE_VERSION
 * (or NOT_PENDING / NOT_YOUR_STEP once the request has moved on). Nothing is written on a refusal.
 */
export async function transition(
  id: string,
  ctx: ActionContext,
  move: Move,
  notify: 'step' | 'delegate' = 'step',
): Promise<ApprovalDetail> {
  const { actor, district } = await actorOf(ctx);
  const before = await getApproval(id);
  // Another district's, school's or teacher's request answers exactly as a made-up id.
  if (!before || before.districtCode !== district.district.code || !canSee(before, actor)) throw notFound('该申请');
  const prepared = await prepare(before, ctx.now, namesOf(district));
  const after = await runTransaction(async (tx) => {
    const current = (await tx.collection(COLLECTIONS.approvals).doc(id).get()).data as ApprovalDoc;
    const moved = move(current, actor, ctx.now);
    if (!moved.ok) throw refused(moved);
    const next = moved.request;
    const result = isFinalApproval(current, next)
      ? await createOutcome(tx, next, district, prepared, ctx.now)
      : current.result;
    const doc: ApprovalDoc = indexed({
      ...next,
      checks:
        next.status === 'pending'
          ? next.checks
          : checksAtClose(current.status === 'pending' ? prepared.checks : next.checks, next.status, next.type),
      deciders: next.trail.some((t) => t.by === actor._id && t.step !== null)
        ? [...new Set([...current.deciders, actor._id])]
        : current.deciders,
      result,
    });
    await tx
      .collection(COLLECTIONS.approvals)
      .doc(id)
      .set({ data: fieldsOf(doc) });
    return doc;
  });
  // An exchange approved just now: the teacher's 上课前提醒 (if on) includes its sessions from the first one.
  if (isExchange(after) && after.result?.dutyId && after.result.dutyId !== before.result?.dutyId)
    await followNewDuty(after.teacherOpenid, await dutiesOfTeacher(after.teacherOpenid), ctx.now);
  const names = namesOf(district);
  const step = after.status === 'pending' ? after.steps[after.current] : null;
  if (notify === 'delegate' && step?.delegate) await sendAll(delegateNotice(after, step.delegate.openid, names));
  else
    await sendAll([
      ...(await noticesForStep(after, names, ctx.now)),
      ...noticeForRequester(after),
      ...noticesForCc(before, after),
    ]);
  return toDetail(after, actor, names, await currentChecks(after, ctx.now), ctx.now);
}

/** A decider's or requester's comment is read by the others on the request: checked before anything is written. */
const checkComment = (ctx: ActionContext, comment: string | undefined) =>
  checkTypedText(ctx.openid, { comment: ['意见', comment] });

type DecideInput = z.output<(typeof approvalInputs)['decide']>;

export async function decide(input: DecideInput, ctx: ActionContext): Promise<ApprovalDetail> {
  await checkComment(ctx, input.comment);
  const moves: Record<DecideInput['decision'], Move> = {
    approve: (r, a, now) => approve(r, a, now, input.comment, input.version),
    reject: (r, a, now) => reject(r, a, now, input.comment ?? null, input.version),
    return: (r, a, now) => {
      const t = sendBack(r, a, now, input.comment ?? null, input.version);
      return t.ok ? { ok: true, request: { ...t.request, returnFix: input.fix ?? null } } : t;
    },
  };
  return transition(input.id, ctx, moves[input.decision]);
}

/** Approves each request at its current version; one failing does not stop the others. */
export async function batchApprove(input: { ids: string[]; comment?: string }, ctx: ActionContext) {
  await checkComment(ctx, input.comment);
  const out: Array<{ id: string; ok: boolean; code: string | null; message: string | null }> = [];
  for (const id of input.ids) {
    try {
      await transition(id, ctx, (r, a, now) => approve(r, a, now, input.comment));
      out.push({ id, ok: true, code: null, message: null });
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      out.push({ id, ok: false, code: err.code, message: err.message });
    }
  }
  return out;
}

export async function withdraw(
  input: { id: string; version: number; comment?: string },
  ctx: ActionContext,
): Promise<ApprovalDetail> {
  await checkComment(ctx, input.comment);
  return transition(input.id, ctx, (r, a, now) => withdrawRequest(r, a, now, input.comment, input.version));
}

type ResubmitInput = z.output<(typeof approvalInputs)['resubmit']>;

/**
 * The requester sends a returned request again, unchanged or edited (退回修改): an edit is checked as a
 * new filing would be (slots, conflicts, rotation share), re-routed on the changed fields, and the trail
 * entry lists what changed. Nothing is written when a check blocks.
 */
export async function resubmit(input: ResubmitInput, ctx: ActionContext): Promise<ApprovalDetail> {
  const edit = input.edit;
  await checkTypedText(ctx.openid, {
    comment: ['意见', input.comment],
    'edit.reason': ['申请理由', edit?.reason],
    'edit.mentee.name': ['徒弟姓名', edit?.mentee?.name],
  });
  if (!edit || Object.keys(edit).length === 0)
    return transition(input.id, ctx, (r, a, now) =>
      resubmitRequest(r, a, now, input.comment, undefined, input.version, { fields: { returnFix: null }, changes: [] }),
    );
  const { actor, district } = await actorOf(ctx);
  const before = await getApproval(input.id);
  if (!before || before.districtCode !== district.district.code || !canSee(before, actor)) throw notFound('该申请');
  if (before.requesterOpenid !== actor._id) throw new AppError('NOT_REQUESTER', '只有申请人可以重新提交');
  if (!isExchange(before)) throw new AppError('INVALID_INPUT', '场馆预约不能修改（edit），请撤回后重新预约', 'edit');
  if (
    edit.hostSchoolId !== undefined &&
    (!district.schools.some((s) => s._id === edit.hostSchoolId) || edit.hostSchoolId === before.homeSchoolId)
  )
    throw new AppError('INVALID_INPUT', '接收学校（edit.hostSchoolId）不在本区或与派出学校相同', 'edit.hostSchoolId');
  const fields = applyEdit(before, {
    ...edit,
    slots: edit.slots?.map((x) => ({ ...x, weekday: x.weekday as 1 | 2 | 3 | 4 | 5 | 6 | 7 })),
    mentee: edit.mentee ? { name: edit.mentee.name.trim(), openid: null } : undefined,
  });
  const [duties, counts] = await Promise.all([
    dutiesOfTeacher(actor._id),
    rotationCounts(district, before.homeSchoolId),
  ]);
  const names = namesOf(district);
  const checks = [
    ...exchangeChecks(
      fields,
      before._id,
      duties.filter((d) => d._id !== dutyIdFor(before._id)),
      ctx.now,
      ZONE,
    ),
    ...rotationChecks({
      schoolName: names(before.homeSchoolId),
      school: counts.school,
      district: counts.district,
      teacherAlreadyCounted: counts.active.some((d) => d.teacherOpenid === actor._id),
    }),
  ];
  refuseIfBlocked(checks);
  const routed = await routeOf(district, fields, ctx.now, checks);
  const changes = exchangeChanges(before, fields, names);
  const patch = {
    hostSchoolId: fields.hostSchoolId,
    slots: fields.slots,
    termStart: fields.termStart,
    termEnd: fields.termEnd,
    reason: fields.reason,
    mentee: fields.mentee,
    checks: routed.checks,
    cc: routed.cc,
    ccOpenids: routed.cc.map((c) => c.openid),
    routedOn: routeDateOf(fields, dateIn(ctx.now, ZONE)),
    returnFix: null,
  } as Partial<ApprovalDoc>;
  return transition(input.id, ctx, (r, a, now) =>
    resubmitRequest(r, a, now, input.comment, routed.steps, input.version, { fields: patch, changes }),
  );
}
