/**
 * 外勤 (field work) with a note: a teacher who cannot be verified at the host school (outside the
 * geofence, or no 签到码 to scan) clocks in as 外勤 and says why. As DingTalk/企业微信 打卡 do it, the
 * clock-in is accepted and kept with its note, shown as 外勤 to the teacher and the host principal,
 * and it is NOT verified presence until the host principal confirms it (with a comment, kept on the
 * record with who and when).
 *
 * How a confirmed 外勤 counts (decided here, README says so): like an approved 补卡 — the host
 * principal's word stands in for the code. Its presence becomes 'makeup' (verified), so the
 * dashboard's rollups count it from then on; its times stay the ones clocked (no invented times).
 * An unconfirmed 外勤 stays 'unverified': recorded, shown, never counted.
 */
import type { PresenceStatus } from '../presence';
import { refuse, type ClockRecord, type Refusal } from './types';

/** Longest 外勤 note and confirmation comment (characters); the contract uses the same numbers. */
export const FIELD_NOTE_MAX = 100;
export const FIELD_COMMENT_MAX = 200;

export interface FieldWork {
  /** The teacher's reason, as typed. */
  note: string;
  /** The host principal's confirmation; null until confirmed. */
  confirmedBy: string | null;
  confirmedByName: string | null;
  confirmedAt: number | null;
  comment: string | null;
}

/** A clock record that may be 外勤 (absent on ordinary records and on records from before 外勤). */
export type WithFieldWork<R extends ClockRecord = ClockRecord> = R & { fieldWork?: FieldWork | null };

export const isFieldWork = (r: { fieldWork?: FieldWork | null }): boolean => !!r.fieldWork;

/** Why an unconfirmed 外勤 is not verified (shown to both sides). */
export const fieldWorkReason = (note: string): string => `外勤：${note}（待任务学校确认）`;

/** A 外勤 clock-in's presence: unverified with its note as the reason, whatever the position. */
export function presenceOfFieldWork(note: string): {
  presence: PresenceStatus;
  presenceReason: string;
  fieldWork: FieldWork;
} {
  return {
    presence: 'unverified',
    presenceReason: fieldWorkReason(note),
    fieldWork: { note, confirmedBy: null, confirmedByName: null, confirmedAt: null, comment: null },
  };
}

/** The warning the teacher gets with a 外勤 clock-in. */
export const FIELD_WORK_WARNING = '已按外勤签到，说明已记录并提示学校；任务学校校长确认后才计入交流工时统计';

/** Label for cards and lists: 外勤（待确认）/ 外勤（已确认）. */
export const fieldWorkLabel = (f: FieldWork): string => (f.confirmedAt === null ? '外勤（待确认）' : '外勤（已确认）');

export type FieldConfirmRefusal = Refusal<'NOT_FIELD_WORK' | 'ALREADY_CONFIRMED'>;

/**
 * The host principal confirms a 外勤 record: verified from now on, with who, when and the comment.
 * Refused for a record that is not 外勤, and for one already confirmed (the first confirmation stands).
 */
export function confirmFieldWork<R extends WithFieldWork>(
  record: R,
  by: { openid: string; name: string },
  comment: string,
  nowMs: number,
): R | FieldConfirmRefusal {
  const f = record.fieldWork;
  if (!f) return refuse('NOT_FIELD_WORK', '这条签到不是外勤签到，无需确认');
  if (f.confirmedAt !== null)
    return refuse('ALREADY_CONFIRMED', `该外勤签到已于此前由${f.confirmedByName ?? '校长'}确认`);
  return {
    ...record,
    presence: 'makeup',
    presenceReason: null,
    fieldWork: { ...f, confirmedBy: by.openid, confirmedByName: by.name, confirmedAt: nowMs, comment },
  };
}
