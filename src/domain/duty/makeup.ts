import { dateIn, daysFrom, monthOfDate } from '../time';
import { describeSession, openedRecord } from './schedule';
import type { DutySession } from './schedule';
import { refuse } from './types';
import type { ClockRecord, DutyPolicy, Refusal } from './types';

/**
 * 补卡: a teacher who forgot to clock asks, with a reason, and the host school's principal decides.
 * Choices: the quota is per China month of the request (pending and approved requests count, rejected
 * ones do not, so the caller passes only those); a request may cover any session that has ended and
 * started within the last `makeupLookbackDays` China days. A look-back rather than "this month only"
 * so that forgetting on the 31st can still be fixed on the 1st; a month already exported stays as
 * exported.
 */

const monthOf = (d: number | string, zone: string): string =>
  typeof d === 'number' ? monthOfDate(dateIn(d, zone)) : monthOfDate(d);

/**
 * Whether one more request fits this month's quota. existingMakeupDates: when each of the teacher's
 * counted requests was made (ms), or its China date (YYYY-MM-DD).
 */
export function canRequestMakeup(
  existingMakeupDates: ReadonlyArray<number | string>,
  nowMs: number,
  zone: string,
  policy: DutyPolicy,
): { ok: true; used: number; remaining: number } | Refusal<'MAKEUP_LIMIT'> {
  const month = monthOfDate(dateIn(nowMs, zone));
  const used = existingMakeupDates.filter((d) => monthOf(d, zone) === month).length;
  if (used >= policy.makeupPerMonth) {
    const [y, m] = month.split('-').map(Number);
    return refuse(
      'MAKEUP_LIMIT',
      `${y}年${m}月已申请补卡 ${used} 次，每月最多 ${policy.makeupPerMonth} 次，本月不能再申请`,
    );
  }
  return { ok: true, used, remaining: policy.makeupPerMonth - used - 1 };
}

/** 'both': nothing was recorded; 'out': clocked in but never out. */
export type MakeupNeed = 'both' | 'out';

/** Whether this session can be made up at nowMs, and what the make-up fills in. */
export function checkMakeupTarget(
  session: DutySession,
  record: ClockRecord | null,
  nowMs: number,
  zone: string,
  policy: DutyPolicy,
): { ok: true; need: MakeupNeed } | Refusal<'MAKEUP_NOT_PAST' | 'MAKEUP_TOO_OLD' | 'MAKEUP_NOT_NEEDED'> {
  if (record && record.clockInAt !== null && record.clockOutAt !== null)
    return refuse('MAKEUP_NOT_NEEDED', '本节已有完整的签到和签退记录，无需补卡');
  if (session.endMs > nowMs) return refuse('MAKEUP_NOT_PAST', '本节尚未结束，请直接签到或签退，结束后才能申请补卡');
  const age = daysFrom(session.sessionDate, dateIn(nowMs, zone));
  if (age > policy.makeupLookbackDays)
    return refuse(
      'MAKEUP_TOO_OLD',
      `只能为最近 ${policy.makeupLookbackDays} 天内的任务补卡（${describeSession(session)} 已超过期限）`,
    );
  return { ok: true, need: record && record.clockInAt !== null ? 'out' : 'both' };
}

/**
 * The record once the host principal approves: the missing part is filled with the slot's own start
 * and end, marked makeup. No location was taken, so distances stay null and the verdict is the
 * principal's (inPass true); what was measured at a real clock-in is kept as it was, its presence
 * too (a 补卡 of the clock-out does not verify a clock-in made without the code).
 */
export function applyApprovedMakeup(session: DutySession, record: ClockRecord | null): ClockRecord {
  if (record && record.clockInAt !== null)
    return { ...record, clockOutAt: session.endMs, outDistanceM: null, outPass: null, leftEarly: false, makeup: true };
  const opened = openedRecord(session, { clockInAt: session.startMs, inDistanceM: null, inPass: true, late: false });
  // No clock-in of its own: presence is the host principal's word, not a code.
  return { ...opened, clockOutAt: session.endMs, makeup: true, presence: 'makeup', presenceReason: null };
}

/** A 补卡 request as the rules see it. */
export interface MakeupState {
  status: 'pending' | 'approved' | 'rejected';
  comment: string | null;
  createdAt: number;
}

/**
 * Whether a session may be asked for again, given the requests already made for it. Choice: one
 * decision per session. While a request is pending the principal has it; once rejected, the decision
 * stands (a new request would only ask the same person the same question) and the teacher is told to
 * talk to the school, which can still correct the record; once approved the record is complete.
 */
export function makeupBlock(
  forSession: readonly MakeupState[],
): Refusal<'MAKEUP_PENDING' | 'MAKEUP_REJECTED' | 'MAKEUP_NOT_NEEDED'> | null {
  const latest = [...forSession].sort((a, b) => b.createdAt - a.createdAt)[0];
  if (!latest) return null;
  if (latest.status === 'pending')
    return refuse('MAKEUP_PENDING', '这一节的补卡申请正在审批中，请等待任务学校校长处理');
  if (latest.status === 'approved') return refuse('MAKEUP_NOT_NEEDED', '这一节的补卡申请已同意，无需再次申请');
  const why = latest.comment ? `（意见：${latest.comment}）` : '';
  return refuse('MAKEUP_REJECTED', `这一节的补卡申请已被驳回${why}，不能再次申请；如有异议，请与任务学校联系`);
}

/**
 * The quota left to show on a month's page: only for the current China month (quotas are counted by
 * the month a request is made in, so a past or future month has no "还可补卡" to speak of).
 */
export function makeupsLeftIn(
  month: string,
  countedMakeupDates: ReadonlyArray<number | string>,
  nowMs: number,
  zone: string,
  policy: DutyPolicy,
): number | null {
  if (month !== monthOfDate(dateIn(nowMs, zone))) return null;
  const quota = canRequestMakeup(countedMakeupDates, nowMs, zone, policy);
  return quota.ok ? quota.remaining + 1 : 0;
}
