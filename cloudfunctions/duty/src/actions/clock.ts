import type { ClockResult } from '@/contracts/duty';
import type { SignedInContext } from '@/server/handler';
import { refused, AppError } from '@/server/errors';
import { COLLECTIONS } from '@/contracts/collections';
import {
  DEFAULT_DUTY_POLICY,
  addDays,
  clockInRecord,
  dateIn,
  decideClockIn,
  decideClockOut,
  geofence,
  openSessionFor,
  recordToClockOut,
  refuseSecondClockIn,
  sessionOfRecord,
  withClockOut,
} from '@/domain/duty';
import type { LatLng } from '@/domain/geo';
import { fieldsOf, runTransaction } from '@/server/cloud';
import {
  dutiesOfTeacher,
  getClockRecord,
  recordsOfTeacher,
  type ClockRecordDoc,
  type DutyDoc,
} from '@/server/repositories/duties';
import { insertRecordWithRollup, rollupRecordChange } from '@/server/repositories/kpi-rollups';
import { ZONE, at, isRefusal, orThrow, policyOf, presenceView, recordSession } from '../views';
import { tellHostSchool } from '../notices';
import { checkTypedText } from '@/server/content-check';
import { FIELD_WORK_WARNING, presenceOfFieldWork } from '@/domain/duty/field-work';
import { presenceOfClockIn, verifyPresenceCode } from '@/domain/presence';
import { presenceHmac } from '../presence';
import { PRESENCE_CODE_FAILURES, presenceLockedMessage } from '@/domain/rate-limit';
import { isRefusal as isLimited, takeSlot, usedUp, type RateRefusal } from '@/server/rate-limit';

type ClockInput = {
  requestId: string;
  location: LatLng;
  dutyId?: string;
  confirmEarlyLeave?: boolean;
  presenceCode?: string;
  fieldNote?: string;
};

/** Distance to the host school and the verdict; the teacher's coordinates go no further than this. */
function measure(duty: DutyDoc, location: LatLng) {
  if (!duty.hostLocation)
    throw new AppError('HOST_LOCATION_UNKNOWN', `${duty.hostSchoolName}尚未设置位置，暂不能签到，请联系学校`);
  return geofence(duty.hostLocation, duty.hostRadiusM, location);
}

function result(
  duty: DutyDoc,
  r: ClockRecordDoc,
  kind: 'in' | 'out',
  warnings: string[],
  duplicate: boolean,
): ClockResult {
  return {
    ...recordSession(duty, r),
    at: at(kind === 'in' ? r.clockInAt : r.clockOutAt)!,
    distanceM: (kind === 'in' ? r.inDistanceM : r.outDistanceM) ?? 0,
    pass: kind === 'in' ? r.inPass : r.outPass === true,
    late: r.late,
    leftEarly: r.leftEarly,
    warnings,
    ...presenceView(r),
    duplicate,
  };
}

/**
 * 签到: server time picks the session open now, of the duty the teacher tapped when given (two duties'
 * windows may overlap); one record per session (its id), so retries and double taps with the same
 * request id return the first record with its warnings. The duties, then one transaction writing the
 * record with the dashboard's rollup; a flagged clock-in is then told to the host school.
 *
 * 扫码签到: code, window and geofence are checked together. A code that is sent but wrong (other
 * school, expired, tampered) is refused and nothing is written, so the teacher can scan again: the
 * record is one per session, and storing it unverified would lock the session out of verification.
 * No code at all is accepted and recorded as unverified, with the reason.
 */
export async function clockIn(input: ClockInput, ctx: SignedInContext): Promise<ClockResult> {
  const openid = ctx.openid;
  // A 外勤 note is typed text shown to the host school: checked like every stored text.
  if (input.fieldNote !== undefined) await checkTypedText(openid, { fieldNote: ['外勤说明', input.fieldNote] });
  // Wrong codes count against the caller (read with the duties, no extra wait): guessing the 6 digits
  // locks code check-ins for the window after a few tries. Only wrong codes take a slot, so double taps
  // and retries of a good scan never lock anyone. Calls already in flight when the limit is reached are
  // still checked: the lock bounds guesses per window, not per burst.
  const [duties, locked] = await Promise.all([
    dutiesOfTeacher(openid),
    input.presenceCode === undefined ? null : usedUp(PRESENCE_FAILURE_KEY, openid, PRESENCE_CODE_FAILURES, ctx.now),
  ]);
  if (locked) throw presenceLocked(locked, ctx.now);
  return clockInChecked(input, ctx, duties, async () => {
    const slot = await takeSlot(PRESENCE_FAILURE_KEY, openid, PRESENCE_CODE_FAILURES, ctx.now);
    if (isLimited(slot)) throw presenceLocked(slot, ctx.now);
  });
}

// Shared with 扫码核验 (./presence.ts): one count of wrong codes per teacher, whichever action took them.
export const PRESENCE_FAILURE_KEY = 'duty.clockIn.codeFailures';
export const presenceLocked = (r: RateRefusal, nowMs: number) =>
  new AppError('PRESENCE_LOCKED', presenceLockedMessage(r.windowEnd, nowMs, ZONE), 'presenceCode', r.retryAfter);

async function clockInChecked(
  input: ClockInput,
  ctx: SignedInContext,
  duties: DutyDoc[],
  countWrongCode: () => Promise<void>,
): Promise<ClockResult> {
  const { session } = orThrow(openSessionFor(duties, ctx.now, ZONE, DEFAULT_DUTY_POLICY, input.dutyId));
  const duty = duties.find((d) => d._id === session.dutyId)!;
  const { distanceM } = measure(duty, input.location);
  const decision = orThrow(decideClockIn(session, ctx.now, distanceM, policyOf(duty)));
  const check =
    input.presenceCode === undefined
      ? null
      : verifyPresenceCode(input.presenceCode, duty.hostSchoolId, ctx.now, presenceHmac());
  if (check && isRefusal(check)) {
    // A retry of a clock-in that went through, its code since expired, is answered as a retry.
    const existing = await getClockRecord(session.key);
    if (existing?.inRequestId === input.requestId) return result(duty, existing, 'in', existing.inWarnings ?? [], true);
    await countWrongCode();
    throw refused(check);
  }
  // 外勤: recorded with the teacher's note, unverified until the host principal confirms it.
  const field = input.fieldNote === undefined ? null : presenceOfFieldWork(input.fieldNote);
  const presence = field ?? presenceOfClockIn(check !== null, decision.inPass);
  const warnings = field
    ? [...decision.warnings, FIELD_WORK_WARNING]
    : presence.presenceReason
      ? [...decision.warnings, `本节签到未核验（${presence.presenceReason}），只记录、不计入交流工时统计`]
      : decision.warnings;
  const record: ClockRecordDoc = {
    ...clockInRecord(session, decision),
    ...presence,
    inRequestId: input.requestId,
    outRequestId: null,
    inWarnings: warnings,
  };
  if (await insertRecordWithRollup(record, duty.homeSchoolId, ctx.now)) {
    await tellHostSchool(duty, record, 'in', ctx.now);
    return result(duty, record, 'in', warnings, false);
  }
  const existing = (await getClockRecord(record._id))!;
  if (existing.inRequestId === input.requestId) return result(duty, existing, 'in', existing.inWarnings ?? [], true);
  throw refused(refuseSecondClockIn(existing, ZONE));
}

/** 签退: closes the caller's open record; a clock-out never invents a clock-in. */
export async function clockOut(input: ClockInput, ctx: SignedInContext): Promise<ClockResult> {
  const openid = ctx.openid;
  const today = dateIn(ctx.now, ZONE);
  const [duties, records] = await Promise.all([
    dutiesOfTeacher(openid),
    recordsOfTeacher(openid, addDays(today, -1), today),
  ]);
  const retried = records.find((r) => r.outRequestId === input.requestId);
  if (retried)
    return result(
      duties.find((d) => d._id === retried.dutyId)!,
      retried,
      'out',
      retried.outWarnings ?? [],
      true,
    );
  const open = recordToClockOut(records, openid);
  if (isRefusal(open)) throw refused(open);
  const duty = duties.find((d) => d._id === open.dutyId);
  if (!duty) throw new AppError('NOT_YOUR_DUTY', '该签到记录对应的任务已不存在');
  const session = sessionOfRecord(open, duty, ZONE);
  const { distanceM } = measure(duty, input.location);
  // The record is re-read inside the transaction: of two concurrent clock-outs exactly one applies.
  const outcome = await runTransaction(async (tx) => {
    const current = (await tx.collection(COLLECTIONS.clockRecords).doc(open._id).get()).data as ClockRecordDoc | null;
    if (current?.outRequestId === input.requestId)
      return { record: current, warnings: current.outWarnings ?? [], duplicate: true };
    const decision = orThrow(
      decideClockOut(current, session, ctx.now, distanceM, policyOf(duty), input.confirmEarlyLeave === true),
    );
    const next: ClockRecordDoc = {
      ...(withClockOut(current!, decision) as ClockRecordDoc),
      outRequestId: input.requestId,
      outWarnings: decision.warnings,
    };
    await tx
      .collection(COLLECTIONS.clockRecords)
      .doc(next._id)
      .set({ data: fieldsOf(next) });
    await rollupRecordChange(tx, current, next, duty.homeSchoolId, ctx.now);
    return { record: next, warnings: decision.warnings, duplicate: false };
  });
  if (!outcome.duplicate) await tellHostSchool(duty, outcome.record, 'out', ctx.now);
  return result(duty, outcome.record, 'out', outcome.warnings, outcome.duplicate);
}
