import { DUTY_KIND_LABELS, dateTimeIn, exceptionSummary } from '@/domain/duty';
import { sendNotices } from '@/server/notify';
import type { ClockRecordDoc, DutyDoc } from '@/server/repositories/duties';
import { usersWhere } from '@/server/repositories/users';
import { ZONE } from './views';
import type { WithFieldWork } from '@/domain/duty/field-work';

export const ATTENDANCE_PAGE = (date: string) => `packages/principal/pages/attendance/index?date=${date}`;

/**
 * A flagged clock-in or clock-out (late, left early, out of range) is told to the host school's
 * principal(s): the teacher's warning says "已记录并提示学校", so the school must hear it. Best effort
 * (sendNotices never fails the clock); costs a read only when something was flagged.
 */
export async function tellHostSchool(
  duty: DutyDoc,
  record: ClockRecordDoc,
  kind: 'in' | 'out',
  nowMs: number,
): Promise<number> {
  // A 外勤 clock-in always tells the school: it waits for the principal's confirmation.
  const fieldNote = kind === 'in' ? (record as WithFieldWork<ClockRecordDoc>).fieldWork?.note : undefined;
  const issue = [fieldNote ? `外勤待确认：${fieldNote}` : null, exceptionSummary(kind, record)]
    .filter(Boolean)
    .join('；');
  if (!issue) return 0;
  const principals = await usersWhere({ schoolId: duty.hostSchoolId, roles: 'principal' });
  return sendNotices(
    principals.map((u) => ({
      touser: u._id,
      template: 'attendance' as const,
      page: ATTENDANCE_PAGE(record.sessionDate),
      fields: {
        teacher: duty.teacherName,
        issue,
        session: `${DUTY_KIND_LABELS[duty.kind]} ${record.sessionDate.slice(5)} ${record.slotStart}–${record.slotEnd}`,
        time: dateTimeIn(nowMs, ZONE),
      },
    })),
  );
}
