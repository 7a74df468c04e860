import type { BookingRequestView, BookingView, FacilityView } from '@/contracts/facility';
import { REQUEST_STATUS_LABELS } from '@/domain/approval/types';
import type { ApprovalDoc } from '@/server/repositories/approvals';
import { FACILITY_KIND_LABELS, type OpeningHours } from '@/domain/approval/facility';
import { dateIn, dateTimeIn, hmIn } from '@/domain/time';
import { weekdayOf } from '@/domain/duty/calendar';
import { WEEKDAY_LABELS, type Weekday } from '@/domain/duty/types';
import type { BookingDoc, FacilityDoc } from '@/server/repositories/facilities';
import { ZONE, type Caller } from './scope';

const WEEKDAYS: Weekday[] = [1, 2, 3, 4, 5, 6, 7];

/** Runs of three or more weekdays read 周一至周五; shorter ones are listed: 周二、周四. */
function daysText(days: Weekday[]): string {
  const runs: Weekday[][] = [];
  for (const d of days) {
    const run = runs[runs.length - 1];
    if (run && run[run.length - 1] === d - 1) run.push(d);
    else runs.push([d]);
  }
  return runs
    .map((r) =>
      r.length >= 3
        ? `${WEEKDAY_LABELS[r[0]]}至${WEEKDAY_LABELS[r[r.length - 1]]}`
        : r.map((d) => WEEKDAY_LABELS[d]).join('、'),
    )
    .join('、');
}

/** Opening hours grouped by days with the same hours: 周一至周五 16:30–18:30；周六 09:00–17:00. */
export function hoursText(hours: readonly OpeningHours[]): string {
  const byText = new Map<string, Weekday[]>();
  for (const d of WEEKDAYS) {
    const spans = hours.filter((h) => h.weekday === d).sort((a, b) => a.start.localeCompare(b.start));
    if (spans.length === 0) continue;
    const text = spans.map((h) => `${h.start}–${h.end}`).join('、');
    byText.set(text, [...(byText.get(text) ?? []), d]);
  }
  if (byText.size === 0) return '暂不开放';
  return [...byText].map(([text, days]) => `${daysText(days)} ${text}`).join('；');
}

export function rulesText(f: FacilityDoc): string[] {
  const { maxDurationMin, maxDaysAhead, minNoticeHours } = f.rules;
  return [
    `单次最长 ${maxDurationMin} 分钟`,
    `须提前 ${minNoticeHours} 小时预约，最多提前 ${maxDaysAhead} 天`,
    ...(f.notes ?? []),
  ];
}

export function facilityView(f: FacilityDoc, caller: Caller): FacilityView {
  return {
    id: f._id,
    name: f.name,
    kind: f.kind,
    kindLabel: FACILITY_KIND_LABELS[f.kind],
    schoolId: f.schoolId,
    schoolName: caller.schoolName(f.schoolId),
    hoursText: hoursText(f.openingHours),
    rulesText: rulesText(f),
    rules: f.rules,
    mine: f.schoolId === caller.user.schoolId,
    sample: f.sample === true,
  };
}

export function bookingView(
  b: BookingDoc,
  facility: FacilityDoc | undefined,
  caller: Caller,
  nowMs: number,
): BookingView {
  const upcoming = b.status === 'confirmed' && b.end > nowMs;
  return {
    id: b._id,
    facilityId: b.facilityId,
    facilityName: facility?.name ?? '（场馆已删除）',
    ownerSchoolName: caller.schoolName(b.schoolId),
    bookingSchoolName: caller.schoolName(b.bookingSchoolId),
    role: b.bookingSchoolId === caller.user.schoolId ? 'borrower' : 'owner',
    date: b.date,
    weekdayLabel: WEEKDAY_LABELS[weekdayOf(b.date)],
    startHm: hmIn(b.start, ZONE),
    endHm: hmIn(b.end, ZONE),
    start: b.start,
    end: b.end,
    purpose: b.purpose,
    status: b.status,
    statusLabel: b.status === 'cancelled' ? '已取消' : upcoming ? '已确认' : '已结束',
    upcoming,
    canCancel: upcoming,
    sample: b.sample === true || facility?.sample === true,
  };
}

/** A booking request as its requester follows it: the reason of the decision that closed it, if any. */
export function requestView(r: ApprovalDoc, caller: Caller): BookingRequestView {
  if (r.type !== 'facility') throw new Error(`request ${r._id} is not a booking request`);
  const decided = [...r.steps].reverse().find((s) => s.decidedAt !== null && s.status !== 'approved');
  const withdrawn = r.status === 'withdrawn' ? [...r.trail].reverse().find((t) => t.action === 'withdraw') : undefined;
  const date = dateIn(r.start, ZONE);
  return {
    id: r._id,
    facilityName: r.facilityName,
    ownerSchoolName: caller.schoolName(r.ownerSchoolId),
    date,
    weekdayLabel: WEEKDAY_LABELS[weekdayOf(date)],
    startHm: hmIn(r.start, ZONE),
    endHm: hmIn(r.end, ZONE),
    purpose: r.purpose,
    status: r.status,
    statusLabel: REQUEST_STATUS_LABELS[r.status],
    waitingFor: r.status === 'pending' ? r.steps[r.current].label : null,
    reason: withdrawn ? withdrawn.comment : (decided?.comment ?? null),
    decidedBy: withdrawn ? withdrawn.byName : (decided?.decidedByName ?? null),
    updatedAt: dateTimeIn(r.updatedAt, ZONE),
  };
}
