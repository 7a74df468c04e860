import type { AttendanceView } from '../../../../src/contracts/duty';
import type { ActionContext } from '../../../../src/server/handler';
import { forbidden, notFound } from '../../../../src/server/errors';
import { COLLECTIONS } from '../../../../src/contracts/collections';
import { DEFAULT_DUTY_POLICY, DUTY_KIND_LABELS, attendanceOfDay, dateIn } from '../../../../src/domain/duty';
import { fetchById } from '../../../../src/server/repositories/query';
import { dutiesAtHost, pendingMakeupCount, recordsAtHostOn, type ClockRecordDoc, type DutyDoc } from '../../../../src/server/repositories/duties';
import { ZONE, at, presenceView } from '../views';

/**
 * The host principal's attendance: the visiting teachers' sessions at their school on a China date
 * (today by default), exceptions first. Scoped to the caller's own school: any other school id, of
 * this district or another, answers exactly as a made-up id, reading nothing of that school.
 */
export async function attendance(input: { date?: string; schoolId?: string }, ctx: ActionContext): Promise<AttendanceView> {
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
  const rows = attendanceOfDay(duties, records, date, ctx.now, ZONE, DEFAULT_DUTY_POLICY).map((row) => {
    const d = byId.get(row.session.dutyId)!;
    return {
      key: row.session.key,
      teacherName: d.teacherName,
      homeSchoolName: d.homeSchoolName,
      kindLabel: DUTY_KIND_LABELS[d.kind],
      slot: `${row.session.slotStart}–${row.session.slotEnd}`,
      clockIn: at(row.record?.clockInAt ?? null),
      clockOut: at(row.record?.clockOutAt ?? null),
      exceptions: row.exceptions,
      state: row.state,
      minutes: row.minutes,
      periods: row.credited ? row.session.periods : 0,
      makeup: row.record?.makeup ?? false,
      presenceLabel: row.record && row.record.clockInAt !== null ? presenceView(row.record as ClockRecordDoc).presenceLabel : null,
      verified: row.record ? presenceView(row.record as ClockRecordDoc).verified : false,
      sample: d.sample,
    };
  });
  return {
    date,
    serverTime: at(ctx.now)!,
    schoolName: school?.name ?? duties[0]?.hostSchoolName ?? '',
    rows,
    exceptionCount: rows.filter((r) => r.exceptions.length > 0).length,
    pendingMakeups: pending,
  };
}
