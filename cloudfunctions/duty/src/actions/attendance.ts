import type { AttendanceView } from '@/contracts/duty';
import type { ActionContext } from '@/server/handler';
import { forbidden, notFound } from '@/server/errors';
import { COLLECTIONS } from '@/contracts/collections';
import { DEFAULT_DUTY_POLICY, DUTY_KIND_LABELS, attendanceOfDay, dateIn } from '@/domain/duty';
import { fetchById } from '@/server/repositories/query';
import {
  dutiesAtHost,
  pendingMakeupCount,
  recordsAtHostOn,
  type ClockRecordDoc,
  type DutyDoc,
} from '@/server/repositories/duties';
import { ZONE, at, presenceView } from '../views';
import { fieldWorkView } from '../field-work-view';
import type { AttendanceRow } from '@/domain/duty/attendance';
import type { AttendanceRowView } from '@/contracts/duty';

/**
 * The host principal's attendance: the visiting teachers' sessions at their school on a China date
 * (today by default), exceptions first. Scoped to the caller's own school: any other school id, of
 * this district or another, answers exactly as a made-up id, reading nothing of that school.
 */
export async function attendance(
  input: { date?: string; schoolId?: string },
  ctx: ActionContext,
): Promise<AttendanceView> {
  const user = await ctx.user();
  if (!user?.schoolId) throw forbidden('当前账号未绑定学校');
  if (input.schoolId !== undefined && input.schoolId !== user.schoolId) throw notFound('该学校');
  const schoolId = user.schoolId;
  const date = input.date ?? dateIn(ctx.now, ZONE);
  const [duties, records, pending, school] = await Promise.all([
    dutiesAtHost(schoolId),
    recordsAtHostOn(schoolId, date),
    pendingMakeupCount(schoolId),
    fetchById<{ name: string }>(COLLECTIONS.schools, schoolId),
  ]);
  const byId = new Map<string, DutyDoc>(duties.map((d) => [d._id, d]));
  const rows = attendanceOfDay(duties, records, date, ctx.now, ZONE, DEFAULT_DUTY_POLICY).map((row) =>
    attendanceRowView(row, byId.get(row.session.dutyId)!),
  );
  return {
    date,
    serverTime: at(ctx.now)!,
    schoolName: school?.name ?? duties[0]?.hostSchoolName ?? '',
    rows,
    exceptionCount: rows.filter((r) => r.exceptions.length > 0).length,
    pendingMakeups: pending,
  };
}

/** One row of the principal's day as the page shows it. */
export function attendanceRowView(row: AttendanceRow, d: DutyDoc): AttendanceRowView {
  const record = row.record as ClockRecordDoc | null;
  return {
    key: row.session.key,
    teacherName: d.teacherName,
    homeSchoolName: d.homeSchoolName,
    kindLabel: DUTY_KIND_LABELS[d.kind],
    slot: `${row.session.slotStart}–${row.session.slotEnd}`,
    clockIn: at(record?.clockInAt ?? null),
    clockOut: at(record?.clockOutAt ?? null),
    exceptions: row.exceptions,
    state: row.state,
    minutes: row.minutes,
    // The month view's rule: a session earns 课时 only when verified; 未核验 ones are shown apart.
    periods: row.count === 'verified' ? row.session.periods : 0,
    unverifiedPeriods: row.count === 'unverified' ? row.session.periods : 0,
    makeup: record?.makeup ?? false,
    presenceLabel: record && record.clockInAt !== null ? presenceView(record).presenceLabel : null,
    verified: record ? presenceView(record).verified : false,
    recordId: record && record.clockInAt !== null ? record._id : null,
    fieldWork: record ? fieldWorkView(record) : null,
    sample: d.sample,
  };
}
