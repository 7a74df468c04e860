import type { SessionView, TodayView } from '@/contracts/duty';
import type { SignedInContext } from '@/server/handler';
import {
  DEFAULT_DUTY_POLICY,
  DUTY_KIND_LABELS,
  WEEKDAY_LABELS,
  addDays,
  checkMakeupTarget,
  clockCard,
  dateIn,
  sessionOfRecord,
  sessionsBetween,
  todayAndUpcoming,
} from '@/domain/duty';
import { dutiesOfTeacher, makeupsOfTeacher, recordsOfTeacher, type MakeupDoc } from '@/server/repositories/duties';
import { ZONE, at, sessionView } from '../views';
import { refreshPref, reminderPref } from '@/server/repositories/reminder-prefs';
import { REMINDER_LEAD_MIN } from '@/domain/duty/reminders';

/** A teacher's duties: what the clock card offers now, today's and the coming week's sessions, 补卡 candidates. */
export async function today(_input: unknown, ctx: SignedInContext): Promise<TodayView> {
  const openid = ctx.openid;
  const date = dateIn(ctx.now, ZONE);
  const since = addDays(date, -DEFAULT_DUTY_POLICY.makeupLookbackDays);
  const [duties, records, makeups, pref] = await Promise.all([
    dutiesOfTeacher(openid),
    recordsOfTeacher(openid, since, addDays(date, 7)),
    makeupsOfTeacher(openid),
    reminderPref(openid),
  ]);
  // A duty approved or ended since the switch was set: the timer's index follows (a write only then).
  await refreshPref(pref, duties, ctx.now);
  const byKey = new Map(records.map((r) => [r._id, r]));
  // Windows are the same for every duty; only the geofence radius is per host school.
  const sessions = todayAndUpcoming(duties, ctx.now, ZONE, 7, DEFAULT_DUTY_POLICY).map((s) =>
    sessionView(s, byKey.get(s.key)),
  );
  const card = clockCard(duties, records, openid, ctx.now, ZONE, DEFAULT_DUTY_POLICY);
  const cardSessions: SessionView[] =
    card.state === 'out'
      ? [
          sessionView(
            {
              ...sessionOfRecord(
                card.record,
                duties.find((d) => d._id === card.record.dutyId)!,
                ZONE,
              ),
              status: 'open',
            },
            byKey.get(card.record._id),
          ),
        ]
      : card.sessions.map((s) =>
          sessionView({ ...s, status: 'open', today: s.sessionDate === date }, byKey.get(s.key)),
        );
  // The latest request per session: 申请补卡 is offered only where there is none.
  const latest = new Map<string, MakeupDoc>();
  for (const m of makeups) {
    const key = `${m.dutyId}|${m.sessionDate}|${m.slotStart}`;
    const seen = latest.get(key);
    if (!seen || seen.createdAt < m.createdAt) latest.set(key, m);
  }
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
    card: { state: card.state, sessions: cardSessions, message: card.message },
    missed: sessionsBetween(duties, since, date, ZONE)
      .filter((s) => checkMakeupTarget(s, byKey.get(s.key) ?? null, ctx.now, ZONE, DEFAULT_DUTY_POLICY).ok)
      .map((s) => {
        const m = latest.get(`${s.dutyId}|${s.sessionDate}|${s.slotStart}`);
        return {
          ...sessionView(s, byKey.get(s.key)),
          makeup: m ? { id: m._id, status: m.status, comment: m.comment } : null,
        };
      })
      .reverse(),
    reminders: { on: pref?.on ?? false, leadMinutes: REMINDER_LEAD_MIN },
  };
}
