import { z } from 'zod';
import { calendarDate, clockTime, entityId, freeText, requestId } from './fields';
import { named } from './messages';
import { MONTH_RE } from '../domain/time';
import type { DutyKind, FlagCounts } from '../domain/duty';
import { FIELD_COMMENT_MAX, FIELD_NOTE_MAX } from '../domain/duty/field-work';

/** Function `duty`: a teacher's cross-school duties, clocking, 补卡, hours; the host principal's 补卡 decisions. */
const location = z
  .object(
    {
      latitude: z
        .number({ invalid_type_error: '纬度（location.latitude）应为数字' })
        .min(-90, '纬度（location.latitude）超出范围')
        .max(90, '纬度（location.latitude）超出范围'),
      longitude: z
        .number({ invalid_type_error: '经度（location.longitude）应为数字' })
        .min(-180, '经度（location.longitude）超出范围')
        .max(180, '经度（location.longitude）超出范围'),
    },
    { required_error: '缺少位置（location），请允许获取位置后重试', invalid_type_error: '位置（location）格式不正确' },
  )
  .strict();
const month = z.string(named('month', '月份')).regex(MONTH_RE, '月份（month）应为YYYY-MM');
const date = calendarDate;
const hm = clockTime('slotStart', '开始时间');

export const dutyInputs = {
  today: z.object({}).strict(),
  // dutyId: the duty of the card tapped; needed when two duties' clock-in windows overlap.
  // presenceCode: the host school's rotating code, scanned (the QR's token) or typed (its 6 digits);
  // without it the clock-in is recorded as unverified (issue 14).
  clockIn: z
    .object({
      requestId,
      location,
      dutyId: entityId('dutyId', '任务编号').optional(),
      presenceCode: z
        .string({ invalid_type_error: '签到码（presenceCode）应为文字' })
        .trim()
        .min(6, '签到码（presenceCode）应为现场签到码或其下方的 6 位数字')
        .max(200, '签到码（presenceCode）过长，请重新扫描')
        .optional(),
      // 外勤: not at the host school or no code to scan; the note says why (required, issue 14).
      fieldNote: freeText('fieldNote', '外勤说明', FIELD_NOTE_MAX)
        .min(2, '请填写外勤说明（fieldNote）：为什么不在任务学校现场签到')
        .optional(),
    })
    .strict()
    .refine((v) => v.fieldNote === undefined || v.presenceCode === undefined, {
      message: '外勤签到（fieldNote）不扫签到码：有签到码请直接扫码签到',
      path: ['fieldNote'],
    }),
  // confirmEarlyLeave: the teacher confirmed a 签退 long before the end (CONFIRM_EARLY_LEAVE otherwise).
  clockOut: z
    .object({
      requestId,
      location,
      confirmEarlyLeave: z.boolean({ invalid_type_error: '确认早退（confirmEarlyLeave）应为是或否' }).optional(),
    })
    .strict(),
  month: z.object({ month }).strict(),
  exportMonth: z.object({ month }).strict(),
  requestMakeup: z
    .object({
      requestId,
      dutyId: entityId('dutyId', '任务编号'),
      sessionDate: date('sessionDate', '日期'),
      slotStart: hm,
      reason: freeText('reason', '补卡原因', 200).min(2, '请填写补卡原因（reason）'),
    })
    .strict(),
  makeupInbox: z.object({}).strict(),
  decideMakeup: z
    .object({
      id: entityId('id', '补卡申请编号'),
      approve: z.boolean({ required_error: '缺少决定（approve）', invalid_type_error: '决定（approve）应为是或否' }),
      comment: freeText('comment', '意见', 200).optional(),
    })
    .strict(),
  /** The host principal's day; date defaults to today (China), schoolId to the caller's school. */
  attendance: z
    .object({ date: date('date', '日期').optional(), schoolId: entityId('schoolId', '学校编号').optional() })
    .strict(),
  /** The host principal's rotating 签到码 of their own school, for the screen teachers scan. */
  presenceCode: z.object({}).strict(),
  /**
   * 扫码核验: the teacher scans the host school's current code later in a session clocked in without it
   * (until the slot ends); code and geofence are checked as in 扫码签到 and the record becomes verified.
   */
  verifyPresence: z
    .object({
      recordId: entityId('recordId', '签到记录编号'),
      location,
      presenceCode: z
        .string({ required_error: '缺少签到码（presenceCode）', invalid_type_error: '签到码（presenceCode）应为文字' })
        .trim()
        .min(6, '签到码（presenceCode）应为现场签到码或其下方的 6 位数字')
        .max(200, '签到码（presenceCode）过长，请重新扫描'),
    })
    .strict(),
  /** The host principal confirms a 外勤 clock-in (then it counts, like an approved 补卡), with a comment. */
  confirmFieldWork: z
    .object({
      recordId: entityId('recordId', '签到记录编号'),
      comment: freeText('comment', '确认意见', FIELD_COMMENT_MAX).min(2, '请填写确认意见（comment）'),
    })
    .strict(),
  /** The teacher turns 上课前提醒 on or off (on the phone after allowing the subscribe message). */
  setReminders: z
    .object({ on: z.boolean({ required_error: '缺少是否开启（on）', invalid_type_error: '是否开启（on）应为是或否' }) })
    .strict(),
};

export type DutyAction = keyof typeof dutyInputs;

export interface SessionView {
  key: string;
  dutyId: string;
  kind: DutyKind;
  kindLabel: string;
  hostSchoolName: string;
  sessionDate: string;
  weekdayLabel: string;
  slotStart: string;
  slotEnd: string;
  periods: number;
  status: 'upcoming' | 'open' | 'past';
  today: boolean;
  record: {
    clockInAt: string | null;
    clockOutAt: string | null;
    late: boolean;
    leftEarly: boolean;
    inPass: boolean;
    outPass: boolean | null;
    makeup: boolean;
    /** Presence counted (扫码 within range, 补卡, or a record from before codes by geofence). */
    verified: boolean;
    /** 已核验 / 未核验 / 补卡（校长确认）/ 定位签到（扫码上线前）. */
    presenceLabel: string;
    /** Why not verified (Chinese); null when verified. */
    presenceReason: string | null;
    /** 扫码核验 is possible until this China time (the slot end); null when the record cannot be upgraded. */
    verifyUntil: string | null;
    /** When a later scan verified it (China time); null otherwise. */
    verifiedAt: string | null;
    /** 外勤 with its note; confirmed by the host principal or not yet. */
    fieldWork: FieldWorkView | null;
  } | null;
  /** The latest 补卡 request for this session, if any (shown on 补卡 candidates). */
  makeup?: { id: string; status: MakeupView['status']; comment: string | null } | null;
}

/**
 * The clock card: 'in' → 签到 (one button per session; two when windows overlap and the teacher picks),
 * 'out' → 签退 of sessions[0], 'done' → the open session is complete, 'refused' / 'none' → message.
 */
export interface FieldWorkView {
  note: string;
  confirmed: boolean;
  /** The host principal's comment and when (China time), once confirmed. */
  comment: string | null;
  confirmedAt: string | null;
  confirmedByName: string | null;
}

export interface ClockCardView {
  state: 'in' | 'out' | 'done' | 'refused' | 'none';
  sessions: SessionView[];
  message: string | null;
}

export interface DutyView {
  id: string;
  kind: DutyKind;
  kindLabel: string;
  homeSchoolName: string;
  hostSchoolName: string;
  termStart: string;
  termEnd: string;
  schedule: string[];
  sample: boolean;
}

export interface TodayView {
  /** Server time, China: what the clock uses. */
  serverTime: string;
  duties: DutyView[];
  sessions: SessionView[];
  /** What the clock card offers now. */
  card: ClockCardView;
  /**
   * Ended sessions of the last days with no complete record: candidates for 补卡, each with its latest
   * request (申请补卡 is offered only when there is none).
   */
  missed: SessionView[];
  /** 上课前提醒: on or off, and how many minutes before a session it comes. */
  reminders: { on: boolean; leadMinutes: number };
}

/** The session a clock record is of, as the answers about one record name it. */
export interface RecordSession {
  recordId: string;
  hostSchoolName: string;
  sessionDate: string;
  slotStart: string;
  slotEnd: string;
}

export interface ClockResult extends RecordSession {
  at: string;
  distanceM: number;
  pass: boolean;
  late: boolean;
  leftEarly: boolean;
  /** Chinese warnings (late, out of range, not verified): flagged, not hidden. */
  warnings: string[];
  /** Presence verified by the host school's code within range (clock-in; a clock-out repeats the record's). */
  verified: boolean;
  presenceLabel: string;
  presenceReason: string | null;
  /** The same request id was already recorded: this is that record. */
  duplicate: boolean;
}

export interface MonthLineView {
  recordId: string;
  sessionDate: string;
  slot: string;
  kindLabel: string;
  hostSchoolName: string;
  clockIn: string | null;
  clockOut: string | null;
  minutes: number;
  /** 课时 of the session when time was credited (0 otherwise); `counted` says which total it is in. */
  periods: number;
  flags: string[];
  /** verified → 课时 and 出勤; unverified → the 未核验 totals; none → no time credited (sessionCount). */
  counted: 'verified' | 'unverified' | 'none';
  /** 已核验 / 未核验 / 补卡（校长确认）/ 定位签到（扫码上线前）; null without a clock-in. */
  presenceLabel: string | null;
  presenceReason: string | null;
  /** When presence was verified by a code (at the clock-in, or a later 扫码核验), China time. */
  verifiedAt: string | null;
}

export interface MonthView {
  month: string;
  lines: MonthLineView[];
  /** Verified figures (sessionCount 'verified'); the 未核验 ones apart below, never in these. */
  minutes: number;
  hours: number;
  sessions: number;
  scheduled: number;
  periods: number;
  unverifiedMinutes: number;
  unverifiedHours: number;
  unverifiedSessions: number;
  unverifiedPeriods: number;
  flags: FlagCounts;
  /** From verified sessions only (a day with only 未核验 sessions earns none). */
  subsidyYuan: number;
  subsidySample: boolean;
  notes: string[];
  /** 补卡 requests still allowed this month; null for any month but the current one. */
  makeupsLeft: number | null;
  /** The teacher's 补卡 requests for sessions of this month, newest first, with status and comment. */
  makeups: MakeupView[];
}

export interface MakeupView {
  id: string;
  teacherName: string;
  kindLabel: string;
  hostSchoolName: string;
  sessionDate: string;
  slot: string;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  comment: string | null;
  createdAt: string;
  decidedAt: string | null;
}

export interface AttendanceRowView {
  key: string;
  teacherName: string;
  homeSchoolName: string;
  kindLabel: string;
  slot: string;
  clockIn: string | null;
  clockOut: string | null;
  /** What to look at (未签到, 迟到 31 分钟, 早退, 超出范围, 计入 0 分钟…); empty when in order. */
  exceptions: string[];
  state: string;
  minutes: number;
  /** 课时 earned: verified sessions only (0 when no time was counted or presence is not verified). */
  periods: number;
  /** 课时 the session would earn once verified (scan later or 外勤 confirmed); 0 otherwise. */
  unverifiedPeriods: number;
  makeup: boolean;
  /** 已核验 / 未核验 / …, null before a clock-in. */
  presenceLabel: string | null;
  verified: boolean;
  /** The record (for confirming a 外勤), null before a clock-in. */
  recordId: string | null;
  fieldWork: FieldWorkView | null;
  sample: boolean;
}

export interface AttendanceView {
  /** China date shown, and the server's China time. */
  date: string;
  serverTime: string;
  schoolName: string;
  rows: AttendanceRowView[];
  exceptionCount: number;
  /** 补卡 requests waiting for this principal. */
  pendingMakeups: number;
}

export interface DutyOutputs {
  today: TodayView;
  clockIn: ClockResult;
  clockOut: ClockResult;
  month: MonthView;
  exportMonth: { filename: string; csv: string };
  requestMakeup: { id: string; duplicate: boolean };
  makeupInbox: MakeupView[];
  decideMakeup: MakeupView;
  attendance: AttendanceView;
  presenceCode: PresenceCodeView;
  verifyPresence: VerifyPresenceResult;
  confirmFieldWork: AttendanceRowView;
  setReminders: { on: boolean; leadMinutes: number };
}

/** 扫码核验's answer: the record now verified (or already so: `duplicate`). */
export interface VerifyPresenceResult extends RecordSession {
  /** When the scan verified it (China time). */
  verifiedAt: string;
  /** Metres from the host school at the scan. */
  distanceM: number;
  verified: true;
  presenceLabel: string;
  duplicate: boolean;
}

/** The code on the host school's screen: drawn as a QR from `token`, `shortCode` printed under it. */
export interface PresenceCodeView {
  schoolName: string;
  token: string;
  shortCode: string;
  /** Server time (China) the code was issued at. */
  issuedAt: string;
  /** Milliseconds until the next code (the page fetches then; the previous code is still accepted). */
  refreshInMs: number;
  stepSeconds: number;
}
