import type { PresenceStatus } from '../presence';

/**
 * 教师交流任务 (跨校兼课, 走教, 轮岗交流 …) and their clock records. Pure data shapes: the cloud
 * function stores them as they are; every rule lives in the sibling files.
 */

export type DutyKind = 'cross-teaching' | 'itinerant' | 'rotation' | 'support' | 'mentoring' | 'joint-research';

/** The forms of 教师交流 named by the seeds (001: 跨校任教兼课、师徒结对、联合教研; 003: 跨校兼课、支教、走教、轮岗). */
export const DUTY_KIND_LABELS: Readonly<Record<DutyKind, string>> = {
  'cross-teaching': '跨校兼课',
  itinerant: '走教',
  rotation: '轮岗交流',
  support: '支教',
  mentoring: '师徒结对',
  'joint-research': '联合教研',
};

export const DUTY_KINDS: readonly DutyKind[] = Object.keys(DUTY_KIND_LABELS) as DutyKind[];

/** ISO weekday: Monday = 1 … Sunday = 7 (not JS getDay, where Sunday = 0). */
export type Weekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

export const WEEKDAY_LABELS: Readonly<Record<Weekday, string>> = {
  1: '周一',
  2: '周二',
  3: '周三',
  4: '周四',
  5: '周五',
  6: '周六',
  7: '周日',
};

/**
 * One weekly slot, in the host school's (China) wall-clock time. `end` at or before `start` would be
 * ambiguous for a school day, so `end < start` means the slot ends on the next day (a night duty);
 * `end === start` is invalid.
 */
export interface DutySlot {
  weekday: Weekday;
  /** 'HH:mm' */
  start: string;
  /** 'HH:mm' */
  end: string;
  /** 节次 this slot is worth in 课时 (workload credit). */
  periods: number;
}

export interface Duty {
  _id: string;
  teacherOpenid: string;
  teacherName: string;
  homeSchoolId: string;
  hostSchoolId: string;
  districtCode: string;
  kind: DutyKind;
  slots: DutySlot[];
  /** 'YYYY-MM-DD', China date, inclusive. */
  termStart: string;
  /** 'YYYY-MM-DD', China date, inclusive. */
  termEnd: string;
  /** The approval that created the duty; null for duties the bureau entered directly (seed/sample). */
  approvalId: string | null;
  /** Only an active duty is scheduled (a duty exists only once approved; ended = withdrawn or closed early). */
  status: 'active' | 'ended';
  sample: boolean;
}

/**
 * One clock record per scheduled session (its _id is clockRecordId(session), so a repeated clock-in
 * lands on the same document). Only the distance and the verdict are kept, never the coordinates.
 */
export interface ClockRecord {
  _id: string;
  dutyId: string;
  teacherOpenid: string;
  hostSchoolId: string;
  /** China date on which the slot starts. */
  sessionDate: string;
  /** 'HH:mm' of the slot, copied so hours never depend on the duty being unchanged. */
  slotStart: string;
  slotEnd: string;
  /** Server time (ms). */
  clockInAt: number | null;
  clockOutAt: number | null;
  /** Whole metres from the host school at clock-in; null for a 补卡 (no location taken). */
  inDistanceM: number | null;
  inPass: boolean;
  outDistanceM: number | null;
  /** null until clocked out, or when the clock-out came from a 补卡. */
  outPass: boolean | null;
  late: boolean;
  leftEarly: boolean;
  /** True when any part of the record came from an approved 补卡. */
  makeup: boolean;
  /** How presence was established (../presence.ts); absent on records written before 扫码签到. */
  presence?: PresenceStatus;
  /** Why presence is not verified (Chinese, shown to the teacher and the host principal); null otherwise. */
  presenceReason?: string | null;
  /** 扫码核验: when a later scan in the session verified a record clocked in without the code (ms). */
  presenceVerifiedAt?: number | null;
  /** Metres from the host school at that scan. */
  verifyDistanceM?: number | null;
}

export interface DutyPolicy {
  /** Clock-in opens this many minutes before the slot start. */
  earlyWindowMin: number;
  /** A clock-in later than start + grace is flagged late (still accepted). */
  lateGraceMin: number;
  /** Geofence radius around the host school (per-school override is merged in by the caller). */
  geofenceRadiusM: number;
  /** 补卡 requests allowed per China month (pending and approved ones count). */
  makeupPerMonth: number;
  /** A 补卡 may only be asked for a session that started within this many China days. */
  makeupLookbackDays: number;
  /**
   * With no clock-out, time is counted until the slot end; a number here caps it earlier, at clock-in
   * plus this many hours. Never beyond the slot end either way.
   */
  missingClockOutCapHours: number | null;
  /**
   * A 签退 more than this many minutes before the slot end asks the teacher to confirm first (it is
   * recorded as 早退 either way): a stray tap should not end a session an hour early.
   */
  earlyLeaveConfirmMin: number;
}

export const DEFAULT_DUTY_POLICY: Readonly<DutyPolicy> = {
  earlyWindowMin: 30,
  lateGraceMin: 10,
  geofenceRadiusM: 300,
  makeupPerMonth: 3,
  makeupLookbackDays: 7,
  missingClockOutCapHours: null,
  earlyLeaveConfirmMin: 10,
};

/** A rule said no: code is stable (UPPER_SNAKE) for clients, message is Chinese for people. */
export interface Refusal<C extends string> {
  ok: false;
  code: C;
  message: string;
}

export const refuse = <C extends string>(code: C, message: string): Refusal<C> => ({ ok: false, code, message });

/** Every refusal code of the duty rules, for the contract's error list. */
export type DutyRefusalCode =
  | 'NO_DUTY_NOW'
  | 'OVERLAPPING_DUTIES'
  | 'NOT_YOUR_DUTY'
  | 'DUTY_NOT_ACTIVE'
  | 'ALREADY_CLOCKED_IN'
  | 'NOT_CLOCKED_IN'
  | 'ALREADY_CLOCKED_OUT'
  | 'CONFIRM_EARLY_LEAVE'
  | 'MAKEUP_PENDING'
  | 'MAKEUP_REJECTED'
  | 'MAKEUP_LIMIT'
  | 'MAKEUP_NOT_PAST'
  | 'MAKEUP_TOO_OLD'
  | 'MAKEUP_NOT_NEEDED'
  | 'NO_SUBSIDY_TABLE'
  | 'INVALID_DISTANCE'
  | 'INVALID_HARDSHIP';
