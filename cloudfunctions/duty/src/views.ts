import type { MakeupView, RecordSession, SessionView } from '@/contracts/duty';
import {
  DEFAULT_DUTY_POLICY,
  DUTY_KIND_LABELS,
  WEEKDAY_LABELS,
  dateTimeIn,
  weekdayOf,
  type DutyPolicy,
  type DutySession,
} from '@/domain/duty';
import { CHINA_ZONE } from '@/domain/time';
import { presenceLabel, presenceVerified } from '@/domain/presence';
import type { ClockRecordDoc, DutyDoc, MakeupDoc } from '@/server/repositories/duties';
import { slotInstants } from '@/domain/duty/schedule';
import { fieldWorkPresenceLabel, fieldWorkView } from './field-work-view';

export const ZONE = CHINA_ZONE;

/** The rules for one duty: the defaults with the host school's geofence radius. */
export const policyOf = (duty: DutyDoc): DutyPolicy => ({ ...DEFAULT_DUTY_POLICY, geofenceRadiusM: duty.hostRadiusM });

export const at = (ms: number | null) => (ms === null ? null : dateTimeIn(ms, ZONE));

export function sessionView(
  s: DutySession & { status?: SessionView['status']; today?: boolean },
  record: ClockRecordDoc | null | undefined,
): SessionView {
  const duty = s.duty as DutyDoc;
  return {
    key: s.key,
    dutyId: s.dutyId,
    kind: duty.kind,
    kindLabel: DUTY_KIND_LABELS[duty.kind],
    hostSchoolName: duty.hostSchoolName,
    sessionDate: s.sessionDate,
    weekdayLabel: WEEKDAY_LABELS[weekdayOf(s.sessionDate)],
    slotStart: s.slotStart,
    slotEnd: s.slotEnd,
    periods: s.periods,
    status: s.status ?? 'past',
    today: s.today ?? false,
    record: record
      ? {
          clockInAt: at(record.clockInAt),
          clockOutAt: at(record.clockOutAt),
          late: record.late,
          leftEarly: record.leftEarly,
          inPass: record.inPass,
          outPass: record.outPass,
          makeup: record.makeup,
          ...presenceView(record),
          ...laterScanView(record),
          fieldWork: fieldWorkView(record),
        }
      : null,
  };
}

/** The session a record is of, as clockIn, clockOut and verifyPresence answer it. */
export const recordSession = (duty: DutyDoc, r: ClockRecordDoc): RecordSession => ({
  recordId: r._id,
  hostSchoolName: duty.hostSchoolName,
  sessionDate: r.sessionDate,
  slotStart: r.slotStart,
  slotEnd: r.slotEnd,
});

/** A record's presence as cards show it: counted or not, its label, and why not. */
export function presenceView(r: ClockRecordDoc): {
  verified: boolean;
  presenceLabel: string;
  presenceReason: string | null;
} {
  const verified = presenceVerified(r);
  return {
    verified,
    presenceLabel: fieldWorkPresenceLabel(r) ?? presenceLabel(r),
    presenceReason: verified ? null : (r.presenceReason ?? (r.clockInAt === null ? null : '签到位置超出任务学校范围')),
  };
}

// A domain refusal becomes the caller's error one way for every function (src/server/errors.ts).
export { isRefusal, orThrow } from '@/server/errors';

/**
 * 扫码核验 on the card: until when a clock-in without the code may still be verified by a scan (its
 * slot end, as decideVerifyLater rules), and when a later scan did verify it.
 */
export function laterScanView(r: ClockRecordDoc): { verifyUntil: string | null; verifiedAt: string | null } {
  const open = r.presence === 'unverified' && r.clockInAt !== null;
  return {
    verifyUntil: open ? at(slotInstants(r.sessionDate, r.slotStart, r.slotEnd, ZONE).endMs) : null,
    verifiedAt: at(r.presenceVerifiedAt ?? null),
  };
}

/** A 补卡 request as the teacher and the host principal see it (status, and the principal's comment). */
export function makeupView(m: MakeupDoc, duty: DutyDoc | undefined): MakeupView {
  return {
    id: m._id,
    teacherName: m.teacherName,
    kindLabel: duty ? DUTY_KIND_LABELS[duty.kind] : '',
    hostSchoolName: duty?.hostSchoolName ?? m.hostSchoolId,
    sessionDate: m.sessionDate,
    slot: duty ? `${m.slotStart}–${duty.slots.find((s) => s.start === m.slotStart)?.end ?? ''}` : m.slotStart,
    reason: m.reason,
    status: m.status,
    comment: m.comment,
    createdAt: at(m.createdAt)!,
    decidedAt: at(m.decidedAt),
  };
}
