import { COLLECTIONS } from '../../../../src/contracts/collections';
import { addDays, dateIn, monthOfDate } from '../../../../src/domain/duty/calendar';
import type { SchoolYearPeriod } from '../../../../src/domain/kpi';
import { pendingWindow, type KpiRollup } from '../../../../src/domain/kpi-rollup';
import { CHINA_ZONE } from '../../../../src/domain/time';
import { db } from '../../../../src/server/cloud';
import type { ApprovalDoc } from '../../../../src/server/repositories/approvals';
import type { BookingDoc } from '../../../../src/server/repositories/facilities';
import type { ClockRecordDoc, DutyDoc } from '../../../../src/server/repositories/duties';
import { listRollups } from '../../../../src/server/repositories/kpi-rollups';
import { fetchAll } from '../../../../src/server/repositories/query';
import { listRoster } from '../../../../src/server/repositories/roster';
import type { RosterTeacher } from '../../../../src/domain/roster';

export interface DashboardData {
  duties: DutyDoc[];
  /** Rollups of the district's host schools for the months of the school year. */
  rollups: KpiRollup[];
  /** Records that may still be running (clocked in, no clock-out, session of the last days). */
  recent: ClockRecordDoc[];
  bookings: BookingDoc[];
  approvals: ApprovalDoc[];
  roster: RosterTeacher[];
  /** Accounts of the district linked to the roster by 工号. */
  staffNos: Array<{ _id: string; staffNo: string }>;
}

/**
 * What the dashboard needs, seven queries in parallel. Clock records are not read by the year: the
 * rollups (12 a school) hold their figures, and only records of the last days without a clock-out are
 * read, as the ones whose slot may not have ended yet; so the cost does not grow with history.
 */
export async function loadDashboardData(districtCode: string, schoolIds: string[], period: SchoolYearPeriod, nowMs: number): Promise<DashboardData> {
  const _ = db().command;
  const window = pendingWindow(dateIn(nowMs, CHINA_ZONE));
  // Only dates that can feed the year (the day before its start, for a night session's minutes).
  const from = window.from > addDays(period.first, -1) ? window.from : addDays(period.first, -1);
  const to = window.to < period.last ? window.to : period.last;
  const [duties, rollups, recent, bookings, approvals, roster, staffNos] = await Promise.all([
    fetchAll<DutyDoc>(COLLECTIONS.duties, { districtCode }),
    listRollups(schoolIds, monthOfDate(period.first), monthOfDate(period.last)),
    schoolIds.length === 0 || from > to
      ? Promise.resolve([])
      : fetchAll<ClockRecordDoc>(COLLECTIONS.clockRecords, { hostSchoolId: _.in(schoolIds), sessionDate: _.gte(from).and(_.lte(to)), clockOutAt: null }),
    fetchAll<BookingDoc>(COLLECTIONS.bookings, { districtCode, status: 'confirmed', start: _.lt(period.endMs), end: _.gt(period.startMs) }),
    fetchAll<ApprovalDoc>(COLLECTIONS.approvals, { districtCode, status: 'pending' }),
    listRoster(districtCode),
    fetchAll<{ _id: string; staffNo: string }>(COLLECTIONS.users, { districtCode, staffNo: _.exists(true) }),
  ]);
  return { duties, rollups, recent, bookings, approvals, roster, staffNos };
}
