import type { z } from 'zod';
import type { ApprovalDetail, approvalInputs } from '../../../../src/contracts/approval';
import { COLLECTIONS } from '../../../../src/contracts/collections';
import {
  approve,
  dutyFromRequest,
  dutyIdFor,
  exchangeChecks,
  hasBlock,
  isExchange,
  isFinalApproval,
  reject,
  resubmit as resubmitRequest,
  sendBack,
  stepKey,
  withdraw as withdrawRequest,
  type Actor,
  type ApprovalRequest,
  type ExchangeFields,
  type Transition,
} from '../../../../src/domain/approval';
import { distanceMetres } from '../../../../src/domain/geo';
import { AppError, notFound } from '../../../../src/server/errors';
import type { ActionContext } from '../../../../src/server/handler';
import { fieldsOf, runTransaction, type Tx } from '../../../../src/server/cloud';
import type { DistrictData } from '../../../../src/server/district-cache';
import { getApproval, type ApprovalDoc } from '../../../../src/server/repositories/approvals';
import { dutiesOfTeacher, type DutyDoc } from '../../../../src/server/repositories/duties';
import { getFacility, type FacilityDoc } from '../../../../src/server/repositories/facilities';
import { bookInTransaction } from '../../../../src/server/facility-booking';
import { checkTypedText } from '../../../../src/server/content-check';
import { actorOf, namesOf } from '../context';
import { noticeForRequester, noticesForStep, sendAll } from '../notices';
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
    travel: home?.location && host?.location ? { distanceKm: +(distanceMetres(home.location, host.location) / 1000).toFixed(2), hardship: 1 } : null,
  };
}

/** What creating the outcome needs, read before the transaction (reads inside it are by id only). */
interface Prepared {
  teacherDuties: DutyDoc[];
  facility: FacilityDoc | null;
}

async function prepare(r: ApprovalDoc): Promise<Prepared> {
  return {
    teacherDuties: isExchange(r) ? await dutiesOfTeacher(r.teacherOpenid) : [],
    facility: r.type === 'facility' ? await getFacility(r.facilityId) : null,
  };
}

/** What the final approval creates, in the same transaction as the decision: exactly once. */
async function createOutcome(tx: Tx, r: ApprovalDoc, district: DistrictData, prepared: Prepared, nowMs: number): Promise<ApprovalDoc['result']> {
  if (r.type === 'facility') {
    if (!prepared.facility) throw new AppError('NOT_FOUND', '该场馆已不存在，无法预约');
    const bookingId = `bk-${r._id}`;
    // Overlap is re-checked on the facility's day document inside this transaction.
    await bookInTransaction(tx, prepared.facility, { _id: bookingId, facilityId: r.facilityId, start: r.start, end: r.end, bookingSchoolId: r.bookingSchoolId, purpose: r.purpose, approvalId: r._id }, nowMs);
    return { dutyId: null, bookingId };
  }
  const teacherDuties = prepared.teacherDuties;
  const checks = exchangeChecks(r, r._id, teacherDuties.filter((d) => d._id !== dutyIdFor(r._id)), nowMs, ZONE);
  if (hasBlock(checks)) throw new AppError('POLICY_BLOCK', `不能批准：${checks.filter((c) => c.level === 'block').map((c) => c.message).join('；')}`);
  const duty = dutyDoc(r, district);
  await tx.collection(COLLECTIONS.duties).doc(duty._id).set({ data: fieldsOf(duty) as unknown as Record<string, unknown> });
  return { dutyId: duty._id, bookingId: null };
}

/**
 * Applies one transition atomically: the request is re-read inside the transaction and the move checks
 * its version, so of concurrent decisions on one step exactly one applies; the rest get STALE_VERSION
 * (or NOT_PENDING / NOT_YOUR_STEP once the request has moved on). Nothing is written on a refusal.
 */
async function transition(id: string, ctx: ActionContext, move: Move): Promise<ApprovalDetail> {
  const { actor, district } = await actorOf(ctx);
  const before = await getApproval(id);
  // Another district's, school's or teacher's request answers exactly as a made-up id.
  if (!before || before.districtCode !== district.district.code || !canSee(before, actor)) throw notFound('该申请');
  const prepared = await prepare(before);
  const after = await runTransaction(async (tx) => {
    const current = (await tx.collection(COLLECTIONS.approvals).doc(id).get()).data as ApprovalDoc;
    const moved = move(current, actor, ctx.now);
    if (!moved.ok) throw new AppError(moved.code, moved.message);
    const next = moved.request;
    const result = isFinalApproval(current, next) ? await createOutcome(tx, next, district, prepared, ctx.now) : current.result;
    const doc: ApprovalDoc = {
      ...next,
      inboxKey: next.status === 'pending' ? stepKey(next.steps[next.current]) : null,
      deciders: next.trail.some((t) => t.by === actor._id && t.step !== null) ? [...new Set([...current.deciders, actor._id])] : current.deciders,
      result,
    };
    await tx.collection(COLLECTIONS.approvals).doc(id).set({ data: fieldsOf(doc) as unknown as Record<string, unknown> });
    return doc;
  });
  const names = namesOf(district);
  await sendAll([...(await noticesForStep(after, names)), ...noticeForRequester(after)]);
  return toDetail(after, actor, names, await currentChecks(after, ctx.now));
}

/** A decider's or requester's comment is read by the others on the request: checked before anything is written. */
const checkComment = (ctx: ActionContext, comment: string | undefined) => checkTypedText(ctx.openid, { comment: ['意见', comment] });

type DecideInput = z.output<(typeof approvalInputs)['decide']>;

export async function decide(input: DecideInput, ctx: ActionContext): Promise<ApprovalDetail> {
  await checkComment(ctx, input.comment);
  const moves: Record<DecideInput['decision'], Move> = {
    approve: (r, a, now) => approve(r, a, now, input.comment, input.version),
    reject: (r, a, now) => reject(r, a, now, input.comment ?? null, input.version),
    return: (r, a, now) => sendBack(r, a, now, input.comment ?? null, input.version),
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

export async function withdraw(input: { id: string; version: number; comment?: string }, ctx: ActionContext): Promise<ApprovalDetail> {
  await checkComment(ctx, input.comment);
  return transition(input.id, ctx, (r, a, now) => withdrawRequest(r, a, now, input.comment, input.version));
}

export async function resubmit(input: { id: string; version: number; comment?: string }, ctx: ActionContext): Promise<ApprovalDetail> {
  await checkComment(ctx, input.comment);
  return transition(input.id, ctx, (r, a, now) => resubmitRequest(r, a, now, input.comment, undefined, input.version));
}
