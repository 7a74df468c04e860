import type { PresenceCodeView, VerifyPresenceResult } from '@/contracts/duty';
import type { SignedInContext } from '@/server/handler';
import { refused, AppError, forbidden } from '@/server/errors';
import { COLLECTIONS } from '@/contracts/collections';
import {
  PRESENCE_STEP_MS,
  decideVerifyLater,
  issuePresenceCode,
  presenceLabel,
  verifiedLater,
  verifyOutOfRange,
  verifyPresenceCode,
} from '@/domain/presence';
import { geofence, slotInstants } from '@/domain/duty';
import type { LatLng } from '@/domain/geo';
import { PRESENCE_CODE_FAILURES } from '@/domain/rate-limit';
import { fieldsOf, runTransaction } from '@/server/cloud';
import { dutiesOfTeacher, getClockRecord, type ClockRecordDoc, type DutyDoc } from '@/server/repositories/duties';
import { rollupRecordChange } from '@/server/repositories/kpi-rollups';
import { fetchById } from '@/server/repositories/query';
import { isRefusal as isLimited, takeSlot, usedUp } from '@/server/rate-limit';
import { ZONE, at, isRefusal, orThrow, recordSession } from '../views';
import { presenceHmac } from '../presence';
import { PRESENCE_FAILURE_KEY, presenceLocked } from './clock';

/**
 * The principal's 签到码 screen: the current rotating code of their own school (the office tablet is
 * simply signed in as the principal). Only the code is sent, signed; the key never leaves the function.
 */
export async function presenceCode(_input: unknown, ctx: SignedInContext): Promise<PresenceCodeView> {
  const user = await ctx.user();
  if (!user?.schoolId) throw forbidden('当前账号未绑定学校');
  const hmac = presenceHmac();
  const school = await fetchById<{ name: string }>(COLLECTIONS.schools, user.schoolId);
  const code = issuePresenceCode(user.schoolId, ctx.now, hmac);
  return {
    schoolName: school?.name ?? '',
    token: code.token,
    shortCode: code.shortCode,
    issuedAt: at(ctx.now)!,
    refreshInMs: code.nextAtMs - ctx.now,
    stepSeconds: PRESENCE_STEP_MS / 1000,
  };
}

type VerifyInput = { recordId: string; location: LatLng; presenceCode: string };

function verifyResult(duty: DutyDoc, r: ClockRecordDoc, duplicate: boolean): VerifyPresenceResult {
  return {
    ...recordSession(duty, r),
    verifiedAt: at(r.presenceVerifiedAt ?? r.clockInAt)!,
    distanceM: r.verifyDistanceM ?? r.inDistanceM ?? 0,
    verified: true,
    presenceLabel: presenceLabel(r),
    duplicate,
  };
}

/**
 * 扫码核验: a teacher who clocked in without the code scans the host school's current code later in the
 * same session (server time, until the slot ends). The code and the geofence are checked as in 扫码签到;
 * then the record becomes verified, with when and how far, and the dashboard's rollups move the session
 * from 未核验 to verified in the same transaction. A record already verified by code answers as it is
 * (a replay or a second device), whatever the code now; a wrong code counts toward PRESENCE_LOCKED
 * with clockIn's. Hours still run from the clock-in: the scan confirms the teacher came, and its time is
 * shown next to the clock-in in the month view and the CSV for whoever checks.
 */
export async function verifyPresence(input: VerifyInput, ctx: SignedInContext): Promise<VerifyPresenceResult> {
  const openid = ctx.openid;
  const [duties, found, locked] = await Promise.all([
    dutiesOfTeacher(openid),
    getClockRecord(input.recordId),
    usedUp(PRESENCE_FAILURE_KEY, openid, PRESENCE_CODE_FAILURES, ctx.now),
  ]);
  // Another teacher's record answers as a made-up id: nothing tells whether it exists.
  const duty = found && found.teacherOpenid === openid ? duties.find((d) => d._id === found.dutyId) : undefined;
  if (!found || !duty)
    throw new AppError('NO_SUCH_SESSION', '没有找到本节的签到记录（recordId），请刷新后再试', 'recordId');
  const endMs = slotInstants(found.sessionDate, found.slotStart, found.slotEnd, ZONE).endMs;
  const may = orThrow(decideVerifyLater(found, endMs, ctx.now, at(endMs)!));
  if (may.already) return verifyResult(duty, found, true);
  if (locked) throw presenceLocked(locked, ctx.now);
  const check = verifyPresenceCode(input.presenceCode, duty.hostSchoolId, ctx.now, presenceHmac());
  if (isRefusal(check)) {
    const slot = await takeSlot(PRESENCE_FAILURE_KEY, openid, PRESENCE_CODE_FAILURES, ctx.now);
    if (isLimited(slot)) throw presenceLocked(slot, ctx.now);
    throw refused(check);
  }
  if (!duty.hostLocation)
    throw new AppError('HOST_LOCATION_UNKNOWN', `${duty.hostSchoolName}尚未设置位置，暂不能核验，请联系学校`);
  const { distanceM, pass } = geofence(duty.hostLocation, duty.hostRadiusM, input.location);
  if (!pass) throw refused(verifyOutOfRange(distanceM, duty.hostRadiusM));
  // Re-read in the transaction: of two concurrent scans exactly one writes, the other answers as a replay.
  return runTransaction(async (tx) => {
    const current = (await tx.collection(COLLECTIONS.clockRecords).doc(found._id).get()).data as ClockRecordDoc | null;
    const again = orThrow(decideVerifyLater(current, endMs, ctx.now, at(endMs)!));
    if (again.already) return verifyResult(duty, current!, true);
    const next = verifiedLater(current!, ctx.now, distanceM);
    await tx
      .collection(COLLECTIONS.clockRecords)
      .doc(next._id)
      .set({ data: fieldsOf(next) });
    await rollupRecordChange(tx, current, next, duty.homeSchoolId, ctx.now);
    return verifyResult(duty, next, false);
  });
}
