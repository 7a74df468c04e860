import { addDays, dateIn, datesBetween, hmIn, hmMinutes, instantAt, isDate, isHm } from '../time';
import { weekdayOf } from './calendar';
import { DEFAULT_DUTY_POLICY, DUTY_KIND_LABELS, WEEKDAY_LABELS, refuse } from './types';
import type { ClockRecord, Duty, DutyPolicy, DutySlot, Refusal } from './types';

/** One occurrence of a weekly slot on a China date. */
export interface DutySession {
  /** Also the _id of its clock record: one record per session makes clock-in idempotent. */
  key: string;
  dutyId: string;
  duty: Duty;
  /** China date the slot starts on. */
  sessionDate: string;
  slotStart: string;
  slotEnd: string;
  periods: number;
  startMs: number;
  endMs: number;
}

export type SessionStatus = 'upcoming' | 'open' | 'past';

export interface ScheduledSession extends DutySession {
  status: SessionStatus;
  /** Starts on today's date (false for the tail of last night's session and for later days). */
  today: boolean;
}

/** '0915' → safe in a document _id on every store. */
export const clockRecordId = (dutyId: string, sessionDate: string, slotStart: string): string =>
  `${dutyId}-${sessionDate}-${slotStart.replace(':', '')}`;

/** A slot whose end is not after its start runs past midnight into the next day. */
/** A session's first record, from how the teacher came in (a clock-in, or an approved 补卡). */
export function openedRecord(
  session: DutySession,
  arrival: Pick<ClockRecord, 'clockInAt' | 'inDistanceM' | 'inPass' | 'late'>,
): ClockRecord {
  return {
    _id: session.key,
    dutyId: session.dutyId,
    teacherOpenid: session.duty.teacherOpenid,
    hostSchoolId: session.duty.hostSchoolId,
    sessionDate: session.sessionDate,
    slotStart: session.slotStart,
    slotEnd: session.slotEnd,
    ...arrival,
    clockOutAt: null,
    outDistanceM: null,
    outPass: null,
    leftEarly: false,
    makeup: false,
  };
}

export const crossesMidnight = (start: string, end: string): boolean => hmMinutes(end) <= hmMinutes(start);

/** Start and end instants of a slot that starts on a date (in the zone). */
export function slotInstants(
  sessionDate: string,
  start: string,
  end: string,
  zone: string,
): { startMs: number; endMs: number } {
  const endDate = crossesMidnight(start, end) ? addDays(sessionDate, 1) : sessionDate;
  return { startMs: instantAt(sessionDate, start, zone), endMs: instantAt(endDate, end, zone) };
}

const byStart = (a: DutySession, b: DutySession) =>
  a.startMs - b.startMs || a.endMs - b.endMs || (a.dutyId < b.dutyId ? -1 : a.dutyId > b.dutyId ? 1 : 0);

/** Sessions of one duty on a China date: the weekday must match, the date lie in the term (inclusive), the duty be active. */
export function sessionsOnDate(duty: Duty, date: string, zone: string): DutySession[] {
  if (duty.status !== 'active' || date < duty.termStart || date > duty.termEnd) return [];
  const weekday = weekdayOf(date);
  return duty.slots
    .filter((s) => s.weekday === weekday)
    .map((s) => ({
      key: clockRecordId(duty._id, date, s.start),
      dutyId: duty._id,
      duty,
      sessionDate: date,
      slotStart: s.start,
      slotEnd: s.end,
      periods: s.periods,
      ...slotInstants(date, s.start, s.end, zone),
    }))
    .sort(byStart);
}

/** Every session of the duties starting on a date from `fromDate` to `toDate` (inclusive), by start. */
export function sessionsBetween(
  duties: readonly Duty[],
  fromDate: string,
  toDate: string,
  zone: string,
): DutySession[] {
  const dates = datesBetween(fromDate, toDate);
  return duties.flatMap((d) => dates.flatMap((date) => sessionsOnDate(d, date, zone))).sort(byStart);
}

/** When clock-in is accepted: from `earlyWindowMin` before the start to the end, both inclusive. */
export function clockWindow(session: DutySession, policy: DutyPolicy): { opensMs: number; closesMs: number } {
  return { opensMs: session.startMs - policy.earlyWindowMin * 60_000, closesMs: session.endMs };
}

export function sessionStatus(session: DutySession, nowMs: number, policy: DutyPolicy): SessionStatus {
  const { opensMs, closesMs } = clockWindow(session, policy);
  return nowMs < opensMs ? 'upcoming' : nowMs > closesMs ? 'past' : 'open';
}

/**
 * What a teacher sees first: every session of today (China date), then the next days, `days` dates in
 * all counting today (7 = one of each weekday). Last night's session is included while its window is
 * still open. Sorted by start.
 */
export function todayAndUpcoming(
  duties: readonly Duty[],
  nowMs: number,
  zone: string,
  days = 7,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
): ScheduledSession[] {
  const today = dateIn(nowMs, zone);
  return sessionsBetween(duties, addDays(today, -1), addDays(today, Math.max(1, days) - 1), zone)
    .map((s) => ({ ...s, status: sessionStatus(s, nowMs, policy), today: s.sessionDate === today }))
    .filter((s) => s.sessionDate >= today || s.status === 'open');
}

/** '11月24日（周二）08:00–08:45' */
export function describeSession(s: DutySession): string {
  const [, m, d] = s.sessionDate.split('-').map(Number);
  const next = crossesMidnight(s.slotStart, s.slotEnd) ? '次日' : '';
  return `${m}月${d}日（${WEEKDAY_LABELS[weekdayOf(s.sessionDate)]}）${s.slotStart}–${next}${s.slotEnd}`;
}

const labelled = (s: DutySession) => `${DUTY_KIND_LABELS[s.duty.kind]} ${describeSession(s)}`;

export type OpenSessionRefusal = Refusal<'NO_DUTY_NOW' | 'OVERLAPPING_DUTIES'>;

/**
 * The session a clock-in at nowMs is for. Refused when none is open, and refused (never guessed) when
 * sessions of two duties are open at once: if their scheduled times overlap, the schedule itself is
 * wrong; if only the early window of one reaches into the other, the teacher must name the duty
 * (`dutyId`, from the card tapped). Two open sessions of the same duty (back-to-back 节次) resolve to
 * the earlier one: the later one opens for real when the earlier one ends.
 */
export function openSessionFor(
  duties: readonly Duty[],
  nowMs: number,
  zone: string,
  policy: DutyPolicy,
  dutyId?: string,
): { ok: true; session: DutySession } | OpenSessionRefusal {
  const today = dateIn(nowMs, zone);
  // Yesterday for a night slot still running; tomorrow for a slot just after midnight whose window opens tonight.
  const open = sessionsBetween(duties, addDays(today, -1), addDays(today, 1), zone).filter(
    (s) => sessionStatus(s, nowMs, policy) === 'open',
  );
  for (const a of open)
    for (const b of open)
      if (a.dutyId < b.dutyId && a.startMs < b.endMs && b.startMs < a.endMs)
        return refuse(
          'OVERLAPPING_DUTIES',
          `两项任务的时间重叠（${labelled(a)}；${labelled(b)}），无法判断本次签到属于哪一项，请联系学校调整任务安排`,
        );
  const chosen = dutyId === undefined ? open : open.filter((s) => s.dutyId === dutyId);
  const dutyIds = new Set(chosen.map((s) => s.dutyId));
  if (dutyIds.size > 1) {
    const [a, b] = chosen.filter((s, i) => chosen.findIndex((t) => t.dutyId === s.dutyId) === i);
    return refuse(
      'OVERLAPPING_DUTIES',
      `现在可签到的任务有两项（${labelled(a)}；${labelled(b)}），请在签到卡片上选择要签到的一项`,
    );
  }
  if (chosen.length === 0) return refuse('NO_DUTY_NOW', noDutyMessage(duties, nowMs, zone, policy, dutyId));
  return { ok: true, session: chosen[0] };
}

function noDutyMessage(
  duties: readonly Duty[],
  nowMs: number,
  zone: string,
  policy: DutyPolicy,
  dutyId?: string,
): string {
  const mine = dutyId === undefined ? duties : duties.filter((d) => d._id === dutyId);
  const next = todayAndUpcoming(mine, nowMs, zone, 15, policy).find((s) => s.status === 'upcoming');
  const rule = `签到时间为每节开始前${policy.earlyWindowMin}分钟至结束`;
  const when = next ? `；下一次是${labelled(next)}，${hmIn(clockWindow(next, policy).opensMs, zone)}起可签到` : '';
  return `现在没有可签到的任务（${rule}）${when}`;
}

/**
 * The session a stored record belongs to, rebuilt from the record's own slot times (the duty's slots
 * may have been edited since); periods come from the duty's matching slot, 0 when it is gone.
 */
export function sessionOfRecord(
  record: { dutyId: string; sessionDate: string; slotStart: string; slotEnd: string },
  duty: Duty,
  zone: string,
): DutySession {
  const weekday = weekdayOf(record.sessionDate);
  const slot = duty.slots.find((s) => s.weekday === weekday && s.start === record.slotStart);
  return {
    key: clockRecordId(record.dutyId, record.sessionDate, record.slotStart),
    dutyId: record.dutyId,
    duty,
    sessionDate: record.sessionDate,
    slotStart: record.slotStart,
    slotEnd: record.slotEnd,
    periods: slot ? slot.periods : 0,
    ...slotInstants(record.sessionDate, record.slotStart, record.slotEnd, zone),
  };
}

/** The caller may clock only their own, active duty. */
export function checkDutyAccess(duty: Duty, openid: string): Refusal<'NOT_YOUR_DUTY' | 'DUTY_NOT_ACTIVE'> | null {
  if (duty.teacherOpenid !== openid) return refuse('NOT_YOUR_DUTY', '这不是您的任务，不能替他人签到或签退');
  if (duty.status !== 'active') return refuse('DUTY_NOT_ACTIVE', '该任务已结束，不能再签到');
  return null;
}

/** What is wrong with a duty's data, in Chinese; empty when it can be scheduled. */
export function dutyProblems(duty: Pick<Duty, 'slots' | 'termStart' | 'termEnd'>): string[] {
  const out: string[] = [];
  if (!isDate(duty.termStart)) out.push(`任期开始日期无效：${duty.termStart}`);
  if (!isDate(duty.termEnd)) out.push(`任期结束日期无效：${duty.termEnd}`);
  if (out.length === 0 && duty.termEnd < duty.termStart) out.push('任期结束日期早于开始日期');
  if (duty.slots.length === 0) out.push('至少需要一个每周时段');
  duty.slots.forEach((s, i) => {
    const at = `第${i + 1}个时段`;
    if (!Number.isInteger(s.weekday) || s.weekday < 1 || s.weekday > 7)
      out.push(`${at}：星期应为 1（周一）到 7（周日）`);
    if (!isHm(s.start) || !isHm(s.end)) out.push(`${at}：时间应为 HH:mm`);
    else if (s.start === s.end) out.push(`${at}：开始与结束时间相同`);
    if (!Number.isInteger(s.periods) || s.periods < 0) out.push(`${at}：节次应为不小于 0 的整数`);
  });
  return out;
}

const WEEK_MIN = 7 * 1440;

/** A slot as minutes into the week [from, to); `to` may pass the week's end (Sunday night). */
const weekSpan = (s: DutySlot): [number, number] => {
  const from = (s.weekday - 1) * 1440 + hmMinutes(s.start);
  const len = (hmMinutes(s.end) - hmMinutes(s.start) + 1440) % 1440 || 1440;
  return [from, from + len];
};

const spansOverlap = ([a0, a1]: [number, number], [b0, b1]: [number, number]) =>
  [-WEEK_MIN, 0, WEEK_MIN].some((shift) => a0 < b1 + shift && b0 + shift < a1);

/**
 * Active duties of the same teacher whose terms and weekly slots overlap the candidate's: approving
 * such a duty would make clock-in ambiguous, so the approval step refuses it.
 */
export function dutyConflicts(
  candidate: Duty,
  existing: readonly Duty[],
): Array<{ duty: Duty; slot: DutySlot; other: DutySlot }> {
  const out: Array<{ duty: Duty; slot: DutySlot; other: DutySlot }> = [];
  for (const d of existing) {
    if (d._id === candidate._id || d.status !== 'active' || d.teacherOpenid !== candidate.teacherOpenid) continue;
    if (d.termEnd < candidate.termStart || candidate.termEnd < d.termStart) continue;
    for (const slot of candidate.slots)
      for (const other of d.slots)
        if (spansOverlap(weekSpan(slot), weekSpan(other))) out.push({ duty: d, slot, other });
  }
  return out;
}
