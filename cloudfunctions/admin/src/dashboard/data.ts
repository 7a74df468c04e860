import { COLLECTIONS } from '@/contracts/collections';
import { addDays, dateIn, monthOfDate } from '@/domain/time';
import type { BookingFacts, SchoolYearPeriod } from '@/domain/kpi';
import { pendingWindow, type KpiRollup } from '@/domain/kpi-rollup';
import { CHINA_ZONE } from '@/domain/time';
import { db } from '@/server/cloud';
import type { ApprovalDoc } from '@/server/repositories/approvals';
import type { ClockRecordDoc, DutyDoc } from '@/server/repositories/duties';
import { listRollups } from '@/server/repositories/kpi-rollups';
import { fetchAll } from '@/server/repositories/query';
import { listRoster } from '@/server/repositories/roster';
import type { RosterTeacher } from '@/domain/roster';

export interface DashboardData {
  duties: DutyDoc[];
  /** Rollups of the district's host schools for the months of the school year. */
  rollups: KpiRollup[];
  /** Records that may still be running (clocked in, no clock-out, session of the last days). */
  recent: ClockRecordDoc[];
  /** Facility sharing of the year, summed by the database. */
  bookingFacts: BookingFacts;
  approvals: ApprovalDoc[];
  roster: RosterTeacher[];
  /** Accounts of the district linked to the roster by 工号. */
  staffNos: Array<{ _id: string; staffNo: string }>;
}

/** Groups an aggregate may return: one per school; more would be cut, so it throws instead. */
const GROUP_LIMIT = 1000;

type Grouped = { list: Array<{ _id: string; minutes: number; samples: number }> };

/**
 * Minutes lent and borrowed per school, summed in the database (two aggregate requests, whatever the
 * number of bookings): each confirmed booking by another school, clipped to the year and floored to
 * whole minutes, as bookingMinutes() in the domain, which the tests compare it with.
 */
async function bookingFactsOf(districtCode: string, period: SchoolYearPeriod): Promise<BookingFacts> {
  const _ = db().command;
  const $ = _.aggregate;
  const minutes = $.floor(
    $.divide([
      $.subtract([
        $.cond({ if: $.lt(['$end', period.endMs]), then: '$end', else: period.endMs }),
        $.cond({ if: $.gt(['$start', period.startMs]), then: '$start', else: period.startMs }),
      ]),
      60_000,
    ]),
  );
  const sumBy = async (key: 'schoolId' | 'bookingSchoolId') => {
    const res = (await db()
      .collection(COLLECTIONS.bookings)
      .aggregate()
      .match({ districtCode, status: 'confirmed', start: _.lt(period.endMs), end: _.gt(period.startMs) })
      .project({
        schoolId: 1,
        bookingSchoolId: 1,
        other: $.neq(['$schoolId', '$bookingSchoolId']),
        minutes,
        sample: $.cond({ if: $.eq(['$sample', true]), then: 1, else: 0 }),
      })
      .match({ other: true, minutes: _.gt(0) })
      .group({ _id: `$${key}`, minutes: $.sum('$minutes'), samples: $.sum('$sample') })
      .limit(GROUP_LIMIT)
      .end()) as unknown as Grouped;
    if (res.list.length >= GROUP_LIMIT)
      throw new Error(`bookings: ${GROUP_LIMIT} or more schools in one sum; raise GROUP_LIMIT`);
    return res.list;
  };
  const [lent, borrowed] = await Promise.all([sumBy('schoolId'), sumBy('bookingSchoolId')]);
  const out: BookingFacts = { bySchool: new Map(), sample: lent.some((g) => g.samples > 0) };
  const of = (id: string) => {
    let f = out.bySchool.get(id);
    if (!f) out.bySchool.set(id, (f = { lentMinutes: 0, borrowedMinutes: 0 }));
    return f;
  };
  for (const g of lent) of(g._id).lentMinutes += g.minutes;
  for (const g of borrowed) of(g._id).borrowedMinutes += g.minutes;
  return out;
}

/**
 * What the dashboard needs, seven queries in parallel. Clock records are not read by the year: the
 * rollups (12 a school) hold their figures, and only records of the last days without a clock-out are
 * read, as the ones whose slot may not have ended yet; bookings are summed by the database. So the
 * cost does not grow with history: pending approvals are bounded by what is waiting, duties, roster
 * and accounts by the district's staff.
 */
export async function loadDashboardData(
  districtCode: string,
  schoolIds: string[],
  period: SchoolYearPeriod,
  nowMs: number,
): Promise<DashboardData> {
  const _ = db().command;
  const window = pendingWindow(dateIn(nowMs, CHINA_ZONE));
  // Only dates that can feed the year (the day before its start, for a night session's minutes).
  const from = window.from > addDays(period.first, -1) ? window.from : addDays(period.first, -1);
  const to = window.to < period.last ? window.to : period.last;
  const [duties, rollups, recent, bookingFacts, approvals, roster, staffNos] = await Promise.all([
    fetchAll<DutyDoc>(COLLECTIONS.duties, { districtCode }),
    listRollups(schoolIds, monthOfDate(period.first), monthOfDate(period.last)),
    schoolIds.length === 0 || from > to
      ? Promise.resolve([])
      : fetchAll<ClockRecordDoc>(COLLECTIONS.clockRecords, {
          hostSchoolId: _.in(schoolIds),
          sessionDate: _.gte(from).and(_.lte(to)),
          clockOutAt: null,
        }),
    bookingFactsOf(districtCode, period),
    fetchAll<ApprovalDoc>(COLLECTIONS.approvals, { districtCode, status: 'pending' }),
    listRoster(districtCode),
    fetchAll<{ _id: string; staffNo: string }>(COLLECTIONS.users, { districtCode, staffNo: _.exists(true) }),
  ]);
  return { duties, rollups, recent, bookingFacts, approvals, roster, staffNos };
}
