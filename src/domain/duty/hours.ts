import { addDays, dateIn, instantAt, monthBounds, monthOfDate } from '../time';
import { weekdayOf } from './calendar';
import { sessionsBetween, slotInstants } from './schedule';
import { subsidyFor } from './subsidy';
import type { HardshipLevel, SubsidyRate, SubsidyTableFile } from './subsidy';
import { DEFAULT_DUTY_POLICY } from './types';
import { presenceVerified } from '../presence';
import type { ClockRecord, Duty, DutyKind, DutyPolicy } from './types';

/**
 * Hours are counted inside the scheduled slot only: from max(clock-in, slot start) to
 * min(clock-out, slot end). Arriving early or staying late earns nothing, arriving late or leaving
 * early costs what was missed. That keeps hours honest without anyone reviewing every record.
 */
export interface RecordHours {
  minutes: number;
  /** Minutes per China date: a session crossing midnight is split between the two dates. */
  byDate: Record<string, number>;
  /** No clock-out: counted until the slot end (or the configured cap), never beyond, and flagged. */
  capped: boolean;
  /** No clock-out yet but the slot is still running at nowMs: counted until now, not flagged. */
  inProgress: boolean;
}

const MIN = 60_000;

/** Code-unit order: deterministic whatever the runtime's locale data. */
const cmp = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Minutes of one record, split by date in the zone. Whole minutes are floored on the running total, so
 * the per-date parts always add up to the total.
 */
export function recordHours(
  record: ClockRecord,
  zone: string,
  policy: DutyPolicy = DEFAULT_DUTY_POLICY,
  nowMs?: number,
): RecordHours {
  const none: RecordHours = { minutes: 0, byDate: {}, capped: false, inProgress: false };
  if (record.clockInAt === null) return none;
  const { startMs, endMs } = slotInstants(record.sessionDate, record.slotStart, record.slotEnd, zone);
  const from = Math.max(record.clockInAt, startMs);
  let to: number;
  let capped = false;
  let inProgress = false;
  if (record.clockOutAt !== null) {
    to = Math.min(record.clockOutAt, endMs);
  } else {
    const cap =
      policy.missingClockOutCapHours === null
        ? endMs
        : Math.min(endMs, record.clockInAt + policy.missingClockOutCapHours * 3_600_000);
    if (nowMs !== undefined && nowMs < cap) {
      to = nowMs;
      inProgress = true;
    } else {
      to = cap;
      capped = true;
    }
  }
  if (to <= from) return { ...none, capped, inProgress };
  const byDate: Record<string, number> = {};
  let cursor = from;
  let date = dateIn(from, zone);
  let countedMin = 0;
  while (cursor < to) {
    const midnight = instantAt(addDays(date, 1), '00:00', zone);
    const segEnd = Math.min(midnight, to);
    const total = Math.floor((segEnd - from) / MIN);
    if (total > countedMin) byDate[date] = total - countedMin;
    countedMin = total;
    cursor = segEnd;
    date = addDays(date, 1);
  }
  return { minutes: countedMin, byDate, capped, inProgress };
}

export interface RecordFlags {
  late: boolean;
  leftEarly: boolean;
  /** Clock-in or clock-out outside the geofence. */
  outOfRange: boolean;
  capped: boolean;
  makeup: boolean;
}

export type FlagCounts = { [K in keyof RecordFlags]: number };

export const recordFlags = (r: ClockRecord, h: RecordHours): RecordFlags => ({
  late: r.late,
  leftEarly: r.leftEarly,
  outOfRange: !r.inPass || r.outPass === false,
  capped: h.capped,
  makeup: r.makeup,
});

/**
 * Whether a session counts as attended: it was clocked in (or made up) and at least a minute of it
 * fell inside the slot, or it is still running. A session whose counted time is 0 minutes (clocked in
 * after the end, or out before counting began) is kept with its flags but earns no 出勤, no 课时 and
 * no subsidy day: 课时 are credited for time worked, never for a tap alone.
 */
export const isCredited = (r: ClockRecord, h: RecordHours): boolean =>
  r.clockInAt !== null && (h.minutes > 0 || h.inProgress);

/**
 * How a session counts in every sum of hours (month view, CSV, and the dashboard's presenceVerified):
 * - 'verified': time credited and presence verified (扫码 in range, 扫码核验 later, an approved 补卡, or a
 *   record from before codes by its old rule, see presenceVerified): earns 课时, minutes and a subsidy day;
 * - 'unverified': time credited but presence only claimed by the phone: shown apart as 未核验 课时 and
 *   minutes, earns no subsidy day (the subsidy pays the trip the teacher made, which only a scan proves);
 * - 'none': no time credited (isCredited).
 */
export type SessionCount = 'verified' | 'unverified' | 'none';

export const sessionCount = (r: ClockRecord, h: RecordHours): SessionCount =>
  !isCredited(r, h) ? 'none' : presenceVerified(r) ? 'verified' : 'unverified';

/** Home → host distance and the host's hardship level, per duty (the caller knows the schools). */
export interface DutyTravel {
  distanceKm: number;
  hardship: HardshipLevel;
}

export interface MonthLine {
  record: ClockRecord;
  duty: Duty;
  /** Minutes of this record falling on dates of the month. */
  minutes: number;
  /** The session starts in the month: it counts for sessions, 课时, flags and subsidy. */
  sessionInMonth: boolean;
  /** Time was credited (isCredited). */
  credited: boolean;
  /** How the session counts (sessionCount): verified → 出勤, 课时 and a subsidy day; unverified → apart. */
  count: SessionCount;
  /** 节次 of the slot, when credited (verified or not: `count` says which total it feeds); 0 otherwise. */
  periods: number;
  flags: RecordFlags;
}

export interface Totals {
  /** Minutes of verified sessions. */
  minutes: number;
  /** Sessions attended with time credited and presence verified (sessionCount 'verified'). */
  sessions: number;
  /** Sessions scheduled in the month (up to nowMs when given). */
  scheduled: number;
  /** 课时: periods of the verified sessions. */
  periods: number;
  /** The same for sessions with time credited but presence not verified (未核验): shown apart, never above. */
  unverifiedMinutes: number;
  unverifiedSessions: number;
  unverifiedPeriods: number;
  flags: FlagCounts;
  /** Distinct days with a verified session per duty, the unit of the subsidy. */
  subsidyDays: number;
  subsidyYuan: number;
  /** Some duty had no rate (no table, no distance): subsidyYuan leaves it out. */
  subsidyMissing: boolean;
}

export interface DutyMonth extends Totals {
  dutyId: string;
  teacherOpenid: string;
  teacherName: string;
  kind: DutyKind;
  homeSchoolId: string;
  hostSchoolId: string;
  rate: SubsidyRate | null;
  /** Why there is no rate, in Chinese. */
  rateProblem: string | null;
}

export interface TeacherMonth extends Totals {
  teacherOpenid: string;
  teacherName: string;
}

export interface MonthSummary {
  month: string;
  zone: string;
  lines: MonthLine[];
  byDuty: DutyMonth[];
  byTeacher: TeacherMonth[];
  total: Totals;
  /** Any rate used is sample data: show 示例数据 next to every amount. */
  subsidySample: boolean;
  /** Chinese notes on what was left out and why. */
  notes: string[];
}

const zeroFlags = (): FlagCounts => ({ late: 0, leftEarly: 0, outOfRange: 0, capped: 0, makeup: 0 });
const zeroTotals = (): Totals => ({
  minutes: 0,
  sessions: 0,
  scheduled: 0,
  periods: 0,
  unverifiedMinutes: 0,
  unverifiedSessions: 0,
  unverifiedPeriods: 0,
  flags: zeroFlags(),
  subsidyDays: 0,
  subsidyYuan: 0,
  subsidyMissing: false,
});

function addInto(into: Totals, t: Totals): void {
  into.minutes += t.minutes;
  into.sessions += t.sessions;
  into.scheduled += t.scheduled;
  into.periods += t.periods;
  into.unverifiedMinutes += t.unverifiedMinutes;
  into.unverifiedSessions += t.unverifiedSessions;
  into.unverifiedPeriods += t.unverifiedPeriods;
  for (const k of Object.keys(into.flags) as Array<keyof FlagCounts>) into.flags[k] += t.flags[k];
  into.subsidyDays += t.subsidyDays;
  into.subsidyYuan += t.subsidyYuan;
  into.subsidyMissing = into.subsidyMissing || t.subsidyMissing;
}

/**
 * A China month of clock records. Minutes go to the month of the date they were worked on (a night
 * session may feed two months); sessions, 课时, flags and subsidy go to the month of the session date.
 * A record at 2026-11-30T16:30Z is 00:30 on 1 December in Shanghai, so it is December's.
 */
export function monthSummary(
  records: readonly ClockRecord[],
  duties: readonly Duty[],
  month: string,
  zone: string,
  subsidyTable: SubsidyTableFile,
  travel: Readonly<Record<string, DutyTravel>>,
  options: { policy?: DutyPolicy; nowMs?: number } = {},
): MonthSummary {
  const policy = options.policy ?? DEFAULT_DUTY_POLICY;
  const { first, last } = monthBounds(month);
  const dutyById = new Map(duties.map((d) => [d._id, d]));
  const notes: string[] = [];
  const lines: MonthLine[] = [];
  for (const record of records) {
    // A night session of the last day of the previous month may put minutes on the 1st.
    if (record.sessionDate < addDays(first, -1) || record.sessionDate > last) continue;
    const duty = dutyById.get(record.dutyId);
    if (!duty) {
      notes.push(`签到记录 ${record._id} 对应的任务 ${record.dutyId} 不存在，未计入`);
      continue;
    }
    const h = recordHours(record, zone, policy, options.nowMs);
    const minutes = Object.entries(h.byDate)
      .filter(([date]) => monthOfDate(date) === month)
      .reduce((sum, [, m]) => sum + m, 0);
    const sessionInMonth = monthOfDate(record.sessionDate) === month;
    if (!sessionInMonth && minutes === 0) continue;
    const weekday = weekdayOf(record.sessionDate);
    const slot = duty.slots.find((s) => s.weekday === weekday && s.start === record.slotStart);
    const credited = isCredited(record, h);
    lines.push({
      record,
      duty,
      minutes,
      sessionInMonth,
      credited,
      count: sessionCount(record, h),
      periods: credited && slot ? slot.periods : 0,
      flags: recordFlags(record, h),
    });
  }
  lines.sort(
    (a, b) =>
      cmp(a.duty.teacherOpenid, b.duty.teacherOpenid) ||
      cmp(a.record.sessionDate, b.record.sessionDate) ||
      cmp(a.record.slotStart, b.record.slotStart) ||
      cmp(a.record.dutyId, b.record.dutyId),
  );

  const scheduled = sessionsBetween(duties, first, last, zone).filter(
    (s) => options.nowMs === undefined || s.startMs <= options.nowMs,
  );
  // Grouped once: a bureau export runs over thousands of duties and records.
  const linesOf = new Map<string, MonthLine[]>();
  for (const l of lines) {
    const list = linesOf.get(l.duty._id);
    if (list) list.push(l);
    else linesOf.set(l.duty._id, [l]);
  }
  const scheduledOf = new Map<string, number>();
  for (const s of scheduled) scheduledOf.set(s.dutyId, (scheduledOf.get(s.dutyId) ?? 0) + 1);
  const byDuty: DutyMonth[] = [];
  let subsidySample = false;
  for (const duty of duties) {
    const mine = linesOf.get(duty._id) ?? [];
    const dutyScheduled = scheduledOf.get(duty._id) ?? 0;
    if (mine.length === 0 && dutyScheduled === 0) continue;
    const t = zeroTotals();
    t.scheduled = dutyScheduled;
    const days = new Set<string>();
    for (const l of mine) {
      if (l.count === 'verified') t.minutes += l.minutes;
      else if (l.count === 'unverified') t.unverifiedMinutes += l.minutes;
      if (!l.sessionInMonth) continue;
      for (const k of Object.keys(t.flags) as Array<keyof FlagCounts>) if (l.flags[k]) t.flags[k] += 1;
      if (l.count === 'unverified') {
        t.unverifiedSessions += 1;
        t.unverifiedPeriods += l.periods;
      }
      if (l.count !== 'verified') continue;
      t.sessions += 1;
      t.periods += l.periods;
      days.add(l.record.sessionDate);
    }
    t.subsidyDays = days.size;
    const trip = travel[duty._id];
    const rate = trip ? subsidyFor(subsidyTable, duty.districtCode, trip.distanceKm, trip.hardship) : null;
    let rateProblem: string | null = null;
    if (rate && rate.ok) {
      t.subsidyYuan = rate.yuanPerDay * t.subsidyDays;
      subsidySample = subsidySample || rate.sample;
    } else {
      rateProblem = rate ? rate.message : '缺少两校距离或艰苦程度，无法估算补助';
      t.subsidyMissing = t.subsidyDays > 0;
    }
    byDuty.push({
      ...t,
      dutyId: duty._id,
      teacherOpenid: duty.teacherOpenid,
      teacherName: duty.teacherName,
      kind: duty.kind,
      homeSchoolId: duty.homeSchoolId,
      hostSchoolId: duty.hostSchoolId,
      rate: rate && rate.ok ? rate : null,
      rateProblem,
    });
  }

  const teachers = new Map<string, TeacherMonth>();
  const total = zeroTotals();
  for (const d of byDuty) {
    let t = teachers.get(d.teacherOpenid);
    if (!t) {
      t = { ...zeroTotals(), teacherOpenid: d.teacherOpenid, teacherName: d.teacherName };
      teachers.set(d.teacherOpenid, t);
    }
    addInto(t, d);
    addInto(total, d);
  }
  const byTeacher = [...teachers.values()].sort((a, b) => cmp(a.teacherOpenid, b.teacherOpenid));
  byDuty.sort((a, b) => cmp(a.teacherOpenid, b.teacherOpenid) || cmp(a.dutyId, b.dutyId));
  return { month, zone, lines, byDuty, byTeacher, total, subsidySample, notes };
}
