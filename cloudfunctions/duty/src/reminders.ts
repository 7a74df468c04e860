import { COLLECTIONS } from '@/contracts/collections';
import { DUTY_KIND_LABELS } from '@/domain/duty';
import { minutesUntil, reminderClaimId, sessionsToRemind, windowSlotKeys } from '@/domain/duty/reminders';
import { db } from '@/server/cloud';
import { sendNotices } from '@/server/notify';
import { fetchAll, insertOnce } from '@/server/repositories/query';
import type { ReminderPrefDoc } from '@/server/repositories/reminder-prefs';
import type { DutyDoc } from '@/server/repositories/duties';
import { ZONE } from './views';

/** The name of the timer trigger in config.json: an event naming it, with no caller, runs the reminders. */
export const REMINDER_TRIGGER = 'sessionReminders';

export interface ReminderClaimDoc {
  _id: string;
  teacherOpenid: string;
  dutyId: string;
  sessionDate: string;
  slotStart: string;
  claimedAt: number;
}

const CHUNK = 200;
const chunks = <T>(xs: readonly T[], n: number): T[][] =>
  Array.from({ length: Math.ceil(xs.length / n) }, (_, i) => xs.slice(i * n, (i + 1) * n));

/**
 * One timer run: the reminders of the sessions starting within REMINDER_LEAD_MIN minutes, for teachers
 * who turned them on. Reads only what the window needs: the switches whose slot keys fall in the
 * window (an indexed $in), then those teachers' duties (the schedule decides: term, weekday, active).
 * Each reminder is claimed by inserting its claim document (teacher × date × slot) before sending, so
 * overlapping runs and retries send it at most once; a send that fails is logged and not retried.
 */
export async function remindSessions(nowMs: number): Promise<{ due: number; sent: number; claimedBefore: number }> {
  const _ = db().command;
  const prefs = await fetchAll<ReminderPrefDoc>(COLLECTIONS.reminderPrefs, {
    slotKeys: _.in(windowSlotKeys(nowMs, ZONE)),
    on: true,
  });
  if (prefs.length === 0) return { due: 0, sent: 0, claimedBefore: 0 };
  const openids = prefs.map((p) => p.openid);
  const duties = (
    await Promise.all(
      chunks(openids, CHUNK).map((ids) =>
        fetchAll<DutyDoc>(COLLECTIONS.duties, { teacherOpenid: _.in(ids), status: 'active' }),
      ),
    )
  ).flat();
  const due = sessionsToRemind(duties, nowMs, ZONE);
  let sent = 0;
  let claimedBefore = 0;
  for (const batch of chunks(due, 20)) {
    const claims = await Promise.all(
      batch.map((s) => {
        const claim: ReminderClaimDoc = {
          _id: reminderClaimId(s.duty.teacherOpenid, s.sessionDate, s.slotStart),
          teacherOpenid: s.duty.teacherOpenid,
          dutyId: s.dutyId,
          sessionDate: s.sessionDate,
          slotStart: s.slotStart,
          claimedAt: nowMs,
        };
        return insertOnce(COLLECTIONS.reminderClaims, claim);
      }),
    );
    const mine = batch.filter((_s, i) => claims[i]);
    claimedBefore += batch.length - mine.length;
    sent += await sendNotices(
      mine.map((s) => {
        const duty = s.duty as DutyDoc;
        return {
          touser: duty.teacherOpenid,
          template: 'reminder' as const,
          page: 'packages/teacher/pages/home/index',
          fields: {
            session: `${DUTY_KIND_LABELS[duty.kind]} ${s.slotStart}–${s.slotEnd}`,
            school: duty.hostSchoolName,
            time: `${s.sessionDate} ${s.slotStart}`,
            note: `${minutesUntil(s, nowMs)}分钟后开始，请到校扫码签到`,
          },
        };
      }),
    );
  }
  return { due: due.length, sent, claimedBefore };
}
