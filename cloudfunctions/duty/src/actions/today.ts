import type { TodayView } from '../../../../src/contracts/duty';
import type { ActionContext } from '../../../../src/server/handler';
import {
  DEFAULT_DUTY_POLICY,
  DUTY_KIND_LABELS,
  WEEKDAY_LABELS,
  addDays,
  checkMakeupTarget,
  dateIn,
  openSessionFor,
  recordToClockOut,
  sessionOfRecord,
  sessionsBetween,
  todayAndUpcoming,
} from '../../../../src/domain/duty';
import { dutiesOfTeacher, recordsOfTeacher, type ClockRecordDoc } from '../../../../src/server/repositories/duties';
import { ZONE, at, isRefusal, sessionView } from '../views';

/** A teacher's duties: today's and the coming week's sessions first, what can be clocked now. */
export async function today(_input: unknown, ctx: ActionContext): Promise<TodayView> {
  const openid = ctx.openid!;
  const date = dateIn(ctx.now, ZONE);
  const [duties, records] = await Promise.all([dutiesOfTeacher(openid), recordsOfTeacher(openid, addDays(date, -DEFAULT_DUTY_POLICY.makeupLookbackDays), addDays(date, 7))]);
  const byKey = new Map(records.map((r) => [r._id, r]));
  // Windows are the same for every duty; only the geofence radius is per host school.
  const sessions = todayAndUpcoming(duties, ctx.now, ZONE, 7, DEFAULT_DUTY_POLICY).map((s) => sessionView(s, byKey.get(s.key)));
  const open = openSessionFor(duties, ctx.now, ZONE, DEFAULT_DUTY_POLICY);
  const pending = recordToClockOut(records, openid);
  const pendingDuty = isRefusal(pending) ? undefined : duties.find((d) => d._id === pending.dutyId);
  return {
    serverTime: at(ctx.now)!,
    duties: duties.map((d) => ({
      id: d._id,
      kind: d.kind,
      kindLabel: DUTY_KIND_LABELS[d.kind],
      homeSchoolName: d.homeSchoolName,
      hostSchoolName: d.hostSchoolName,
      termStart: d.termStart,
      termEnd: d.termEnd,
      schedule: d.slots.map((s) => `${WEEKDAY_LABELS[s.weekday]} ${s.start}–${s.end}（${s.periods}节）`),
      sample: d.sample,
    })),
    sessions,
    openSession: open.ok ? sessionView({ ...open.session, status: 'open', today: true }, byKey.get(open.session.key)) : null,
    missed: sessionsBetween(duties, addDays(date, -DEFAULT_DUTY_POLICY.makeupLookbackDays), date, ZONE)
      .filter((s) => checkMakeupTarget(s, byKey.get(s.key) ?? null, ctx.now, ZONE, DEFAULT_DUTY_POLICY).ok)
      .map((s) => sessionView(s, byKey.get(s.key)))
      .reverse(),
    toClockOut: pendingDuty && !isRefusal(pending) ? sessionView({ ...sessionOfRecord(pending, pendingDuty, ZONE), status: 'open' }, pending as ClockRecordDoc) : null,
  };
}
