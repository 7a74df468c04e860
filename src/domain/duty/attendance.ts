import { hmIn } from '../time';
import { isCredited, recordHours, sessionCount } from './hours';
import type { SessionCount } from './hours';
import { sessionOfRecord, sessionStatus, sessionsOnDate } from './schedule';
import type { DutySession } from './schedule';
import type { ClockRecord, Duty, DutyPolicy } from './types';
import type { WithFieldWork } from './field-work';

/**
 * The host principal's day: every session of visiting teachers at the school on a China date, with
 * what was recorded and what is wrong with it. Exceptions (not clocked in, late, left early, out of
 * range, no clock-out, no time credited) come first, each list by start time.
 */
export interface AttendanceRow {
  session: DutySession;
  record: ClockRecord | null;
  /** Chinese, e.g. 迟到 31 分钟 / 未签到: what the principal should look at. Empty when in order. */
  exceptions: string[];
  /** Chinese one-word state: 未开始 / 进行中 / 已签到 / 已完成 / 未签到. */
  state: string;
  /** Minutes counted inside the slot (hours.ts), and whether the session earns its 课时. */
  minutes: number;
  credited: boolean;
  /** Which total the session feeds (hours.ts sessionCount): only verified sessions earn 课时. */
  count: SessionCount;
}

const MIN = 60_000;

export function attendanceOfDay(
  duties: readonly Duty[],
  records: readonly ClockRecord[],
  date: string,
  nowMs: number,
  zone: string,
  policy: DutyPolicy,
): AttendanceRow[] {
  const byKey = new Map(records.filter((r) => r.sessionDate === date).map((r) => [r._id, r]));
  const sessions = duties.flatMap((d) => sessionsOnDate(d, date, zone));
  const seen = new Set(sessions.map((s) => s.key));
  // A record whose slot was since edited away still shows, rebuilt from its own times.
  const dutyById = new Map(duties.map((d) => [d._id, d]));
  for (const r of byKey.values()) {
    const duty = dutyById.get(r.dutyId);
    if (duty && !seen.has(r._id)) sessions.push(sessionOfRecord(r, duty, zone));
  }
  const rows = sessions.map((s) => rowOf(s, byKey.get(s.key) ?? null, nowMs, zone, policy));
  const rank = (r: AttendanceRow) => (r.exceptions.length > 0 ? 0 : 1);
  return rows.sort(
    (a, b) => rank(a) - rank(b) || a.session.startMs - b.session.startMs || (a.session.key < b.session.key ? -1 : 1),
  );
}

function rowOf(s: DutySession, r: ClockRecord | null, nowMs: number, zone: string, policy: DutyPolicy): AttendanceRow {
  const status = sessionStatus(s, nowMs, policy);
  const ended = nowMs > s.endMs;
  if (!r || r.clockInAt === null) {
    const overdue = nowMs > s.startMs + policy.lateGraceMin * MIN;
    return {
      session: s,
      record: r,
      exceptions: ended ? ['未签到'] : overdue ? [`已开始 ${Math.floor((nowMs - s.startMs) / MIN)} 分钟仍未签到`] : [],
      state: ended ? '未签到' : status === 'upcoming' ? '未开始' : nowMs >= s.startMs ? '进行中' : '可签到',
      minutes: 0,
      credited: false,
      count: 'none',
    };
  }
  const h = recordHours(r, zone, policy, nowMs);
  const credited = isCredited(r, h);
  const exceptions: string[] = [];
  if (r.late)
    exceptions.push(
      `迟到 ${Math.max(0, Math.floor((r.clockInAt - s.startMs) / MIN))} 分钟（${hmIn(r.clockInAt, zone)} 签到）`,
    );
  if (r.leftEarly && r.clockOutAt !== null)
    exceptions.push(`早退 ${Math.ceil((s.endMs - r.clockOutAt) / MIN)} 分钟（${hmIn(r.clockOutAt, zone)} 签退）`);
  if (!r.inPass) exceptions.push(`签到超出范围（${r.inDistanceM ?? '—'} 米）`);
  // 扫码签到: a session without a valid code is recorded but not counted; the principal sees why.
  // 外勤: the teacher's note, waiting for the principal's confirmation (then it counts, like a 补卡).
  const field = (r as WithFieldWork).fieldWork;
  if (field && field.confirmedAt === null && r.presence === 'unverified') exceptions.push(`外勤待确认：${field.note}`);
  else if (r.presence === 'unverified') exceptions.push(`未核验：${r.presenceReason ?? '未扫签到码'}`);
  if (r.outPass === false) exceptions.push(`签退超出范围（${r.outDistanceM ?? '—'} 米）`);
  if (r.clockOutAt === null && ended) exceptions.push('未签退');
  if (!credited && (ended || r.clockOutAt !== null)) exceptions.push('计入 0 分钟，不计课时');
  return {
    session: s,
    record: r,
    exceptions,
    state: r.clockOutAt !== null ? (r.makeup ? '已补卡' : '已完成') : ended ? '未签退' : '已签到',
    minutes: h.minutes,
    credited,
    count: sessionCount(r, h),
  };
}

/**
 * What the host principal is told when a clock-in or clock-out is flagged (the teacher's warning says
 * "已记录并提示学校"): null when there is nothing to tell.
 */
export function exceptionSummary(
  kind: 'in' | 'out',
  r: Pick<ClockRecord, 'late' | 'leftEarly' | 'inPass' | 'outPass'>,
): string | null {
  const parts =
    kind === 'in'
      ? [r.late && '迟到', !r.inPass && '签到超出范围']
      : [r.leftEarly && '早退', r.outPass === false && '签退超出范围'];
  const text = parts.filter(Boolean).join('、');
  return text || null;
}
