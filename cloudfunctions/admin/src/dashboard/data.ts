import { COLLECTIONS } from '../../../../src/contracts/collections';
import { addDays } from '../../../../src/domain/duty/calendar';
import type { SchoolYearPeriod } from '../../../../src/domain/kpi';
import { db } from '../../../../src/server/cloud';
import type { ApprovalDoc } from '../../../../src/server/repositories/approvals';
import type { BookingDoc } from '../../../../src/server/repositories/facilities';
import type { ClockRecordDoc, DutyDoc } from '../../../../src/server/repositories/duties';
import { fetchAll } from '../../../../src/server/repositories/query';
import { listRoster } from '../../../../src/server/repositories/roster';
import type { RosterTeacher } from '../../../../src/domain/roster';

export interface DashboardData {
  duties: DutyDoc[];
  records: ClockRecordDoc[];
  bookings: BookingDoc[];
  approvals: ApprovalDoc[];
  roster: RosterTeacher[];
  /** Accounts of the district linked to the roster by 工号. */
  staffNos: Array<{ _id: string; staffNo: string }>;
}

/**
 * A district's records for one school year, its teacher roster and the accounts linked to it, six queries in parallel, each paged through 1000 docs.
 * Clock records are read by host school (indexed) from the day before the year starts, so a night
 * session of 31 August counts its minutes after midnight; a district's year may hold ~100k of them.
 */
export async function loadDashboardData(districtCode: string, schoolIds: string[], period: SchoolYearPeriod): Promise<DashboardData> {
  const _ = db().command;
  const [duties, records, bookings, approvals, roster, staffNos] = await Promise.all([
    fetchAll<DutyDoc>(COLLECTIONS.duties, { districtCode }),
    schoolIds.length === 0
      ? Promise.resolve([])
      : fetchAll<ClockRecordDoc>(
          COLLECTIONS.clockRecords,
          { hostSchoolId: _.in(schoolIds), sessionDate: _.gte(addDays(period.first, -1)).and(_.lte(period.last)) },
          200,
        ),
    fetchAll<BookingDoc>(COLLECTIONS.bookings, { districtCode, status: 'confirmed', start: _.lt(period.endMs), end: _.gt(period.startMs) }),
    fetchAll<ApprovalDoc>(COLLECTIONS.approvals, { districtCode, status: 'pending' }),
    listRoster(districtCode),
    fetchAll<{ _id: string; staffNo: string }>(COLLECTIONS.users, { districtCode, staffNo: _.exists(true) }),
  ]);
  return { duties, records, bookings, approvals, roster, staffNos };
}
