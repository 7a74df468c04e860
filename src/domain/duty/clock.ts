import { distanceMetres } from '../geo';
import type { LatLng } from '../geo';
import { addDays, dateIn, dateTimeIn } from '../time';
import { clockWindow, describeSession, openSessionFor, openedRecord } from './schedule';
import type { DutySession } from './schedule';
import { refuse } from './types';
import type { ClockRecord, Duty, DutyPolicy, Refusal } from './types';

/**
 * Distance from the host school and the verdict. The point itself is deliberately not returned, so
 * the coordinates cannot end up stored by accident. Whole metres: finer is GPS noise.
 */
export function geofence(hostLocation: LatLng, radiusM: number, point: LatLng): { distanceM: number; pass: boolean } {
  const distanceM = Math.round(distanceMetres(hostLocation, point));
  return { distanceM, pass: distanceM <= radiusM };
}

export interface ClockInDecision {
  ok: true;
  clockInAt: number;
  inDistanceM: number;
  inPass: boolean;
  late: boolean;
  /** Whole minutes after the slot start (0 when on time or early). */
  lateMinutes: number;
  /** Chinese notes for the teacher: flagged, never hidden. */
  warnings: string[];
}

const warnRange = (distanceM: number, radiusM: number, what: string) =>
  `${what}位置距任务学校 ${distanceM} 米，超出 ${radiusM} 米范围，已记录并提示学校`;

/**
 * A clock-in at server time nowMs, for the session openSessionFor chose. Out of range and late are
 * accepted and flagged: the host principal decides what they mean. Only a clock-in outside the window
 * is refused (the session may have been chosen before a slow network round trip).
 */
export function decideClockIn(
  session: DutySession,
  nowMs: number,
  distanceM: number,
  policy: DutyPolicy,
): ClockInDecision | Refusal<'NO_DUTY_NOW'> {
  const { opensMs, closesMs } = clockWindow(session, policy);
  if (nowMs < opensMs || nowMs > closesMs)
    return refuse('NO_DUTY_NOW', `不在签到时间内：本节签到时间为开始前${policy.earlyWindowMin}分钟至结束`);
  const late = nowMs > session.startMs + policy.lateGraceMin * 60_000;
  const lateMinutes = Math.max(0, Math.floor((nowMs - session.startMs) / 60_000));
  const inPass = distanceM <= policy.geofenceRadiusM;
  const warnings: string[] = [];
  // The host principal is told of every flag (cloudfunctions/duty/src/notices.ts), so each warning says so.
  if (late) warnings.push(`迟到 ${lateMinutes} 分钟（开始后 ${policy.lateGraceMin} 分钟内不算迟到），已记录并提示学校`);
  if (!inPass) warnings.push(warnRange(distanceM, policy.geofenceRadiusM, '签到'));
  return { ok: true, clockInAt: nowMs, inDistanceM: distanceM, inPass, late, lateMinutes, warnings };
}

/** The record a first clock-in creates (its _id is the session key). */
export function clockInRecord(session: DutySession, d: ClockInDecision): ClockRecord {
  return openedRecord(session, { clockInAt: d.clockInAt, inDistanceM: d.inDistanceM, inPass: d.inPass, late: d.late });
}

/**
 * A second clock-in for a session that already has a record. The server answers a retry with the same
 * request id from its idempotency log before calling this; anything else is a second tap.
 */
export function refuseSecondClockIn(existing: ClockRecord, zone: string): Refusal<'ALREADY_CLOCKED_IN'> {
  const at = existing.clockInAt === null ? '' : `（${dateTimeIn(existing.clockInAt, zone)}）`;
  return refuse('ALREADY_CLOCKED_IN', `本节已签到${at}，无需重复签到`);
}

/** Only the teacher of a record may clock out of it. */
export const checkRecordAccess = (record: ClockRecord, openid: string): Refusal<'NOT_YOUR_DUTY'> | null =>
  record.teacherOpenid === openid ? null : refuse('NOT_YOUR_DUTY', '这不是您的签到记录，不能替他人签退');

/**
 * Which record a plain 签退 (no session named) closes: the caller's latest clock-in still open.
 * None → NOT_CLOCKED_IN, so a clock-out can never invent a clock-in.
 */
export function recordToClockOut(
  records: readonly ClockRecord[],
  openid: string,
): ClockRecord | Refusal<'NOT_CLOCKED_IN'> {
  const open = records
    .filter((r) => r.teacherOpenid === openid && r.clockInAt !== null && r.clockOutAt === null)
    .sort((a, b) => (b.clockInAt as number) - (a.clockInAt as number));
  return open[0] ?? refuse('NOT_CLOCKED_IN', '没有待签退的签到记录，请先签到；如忘记签到，请申请补卡');
}

export interface ClockOutDecision {
  ok: true;
  clockOutAt: number;
  outDistanceM: number;
  outPass: boolean;
  leftEarly: boolean;
  earlyMinutes: number;
  warnings: string[];
}

/**
 * A clock-out at server time nowMs against the session's record. Leaving before the slot end and
 * being out of range are flagged. A clock-out long after the end is accepted: hours are counted only
 * within the slot (see hours.ts), so lingering earns nothing.
 */
export function decideClockOut(
  record: ClockRecord | null,
  session: DutySession,
  nowMs: number,
  distanceM: number,
  policy: DutyPolicy,
  confirmedEarlyLeave = true,
): ClockOutDecision | Refusal<'NOT_CLOCKED_IN' | 'ALREADY_CLOCKED_OUT' | 'CONFIRM_EARLY_LEAVE'> {
  if (!record || record.clockInAt === null)
    return refuse('NOT_CLOCKED_IN', '本节还没有签到，不能签退；如忘记签到，请申请补卡');
  if (record.clockOutAt !== null) return refuse('ALREADY_CLOCKED_OUT', '本节已签退，无需重复签退');
  const leftEarly = nowMs < session.endMs;
  const earlyMinutes = leftEarly ? Math.ceil((session.endMs - nowMs) / 60_000) : 0;
  if (!confirmedEarlyLeave && earlyMinutes > policy.earlyLeaveConfirmMin)
    return refuse(
      'CONFIRM_EARLY_LEAVE',
      `本节 ${session.slotEnd} 结束，现在签退将记为早退 ${earlyMinutes} 分钟并提示学校。确定现在签退吗？`,
    );
  const outPass = distanceM <= policy.geofenceRadiusM;
  const warnings: string[] = [];
  if (leftEarly) warnings.push(`早退 ${earlyMinutes} 分钟（本节 ${session.slotEnd} 结束），已记录并提示学校`);
  if (!outPass) warnings.push(warnRange(distanceM, policy.geofenceRadiusM, '签退'));
  return {
    ok: true,
    clockOutAt: Math.max(nowMs, record.clockInAt),
    outDistanceM: distanceM,
    outPass,
    leftEarly,
    earlyMinutes,
    warnings,
  };
}

/**
 * What the teacher's clock card offers at nowMs, from their duties and recent records:
 * - 'out': a clock-in still open (session started yesterday or today, as 签退 accepts) → 签退;
 * - 'in': sessions open for clock-in with no record yet, one per duty (two when windows overlap:
 *   the teacher picks, and the 签到 names the duty);
 * - 'done': the open session already has its 签到 and 签退 (offering 签到 again could only fail);
 * - 'refused': the schedule itself overlaps (message says so); 'none': nothing open, message says when.
 */
export type ClockCard =
  | { state: 'out'; sessions: []; record: ClockRecord; message: null }
  | { state: 'in'; sessions: DutySession[]; record: null; message: string | null }
  | { state: 'done'; sessions: [DutySession]; record: ClockRecord; message: string }
  | { state: 'refused' | 'none'; sessions: []; record: null; message: string };

export function clockCard(
  duties: readonly Duty[],
  records: readonly ClockRecord[],
  openid: string,
  nowMs: number,
  zone: string,
  policy: DutyPolicy,
): ClockCard {
  const since = addDays(dateIn(nowMs, zone), -1);
  // 签退 takes yesterday's and today's records of duties that still exist, as the clockOut action does.
  const ids = new Set(duties.map((d) => d._id));
  const open = recordToClockOut(
    records.filter((r) => r.sessionDate >= since && ids.has(r.dutyId)),
    openid,
  );
  if (!('ok' in open)) return { state: 'out', sessions: [], record: open, message: null };
  const any = openSessionFor(duties, nowMs, zone, policy);
  if (!any.ok && any.code === 'NO_DUTY_NOW') return { state: 'none', sessions: [], record: null, message: any.message };
  const byKey = new Map(records.map((r) => [r._id, r]));
  // One session per duty, as a clock-in naming that duty would pick it.
  const perDuty: DutySession[] = [];
  for (const d of duties) {
    const r = openSessionFor(duties, nowMs, zone, policy, d._id);
    if (!r.ok && r.code === 'OVERLAPPING_DUTIES')
      return { state: 'refused', sessions: [], record: null, message: r.message };
    if (r.ok) perDuty.push(r.session);
  }
  const clockable = perDuty.filter((s) => !byKey.has(s.key)).sort((a, b) => a.startMs - b.startMs);
  if (clockable.length > 0)
    return {
      state: 'in',
      sessions: clockable,
      record: null,
      message: clockable.length > 1 ? '现在有两项任务可签到，请选择本次签到的任务' : null,
    };
  const done = perDuty.map((s) => ({ s, r: byKey.get(s.key)! })).sort((a, b) => b.s.startMs - a.s.startMs)[0];
  return {
    state: 'done',
    sessions: [done.s],
    record: done.r,
    message: `本节已完成签到和签退（${describeSession(done.s)}）`,
  };
}

/** The record after a clock-out. */
export const withClockOut = (record: ClockRecord, d: ClockOutDecision): ClockRecord => ({
  ...record,
  clockOutAt: d.clockOutAt,
  outDistanceM: d.outDistanceM,
  outPass: d.outPass,
  leftEarly: d.leftEarly,
});
