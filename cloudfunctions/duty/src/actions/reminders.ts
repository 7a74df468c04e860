import type { SignedInContext } from '@/server/handler';
import { REMINDER_LEAD_MIN } from '@/domain/duty/reminders';
import { dutiesOfTeacher } from '@/server/repositories/duties';
import { savePref } from '@/server/repositories/reminder-prefs';

/**
 * 上课前提醒 on or off. The phone asks WeChat for the subscription first (weapp only); the switch keeps
 * the slot keys of the teacher's active duties, which the timer looks up.
 */
export async function setReminders(
  input: { on: boolean },
  ctx: SignedInContext,
): Promise<{ on: boolean; leadMinutes: number }> {
  const openid = ctx.openid;
  const duties = input.on ? await dutiesOfTeacher(openid) : [];
  const pref = await savePref(openid, input.on, duties, ctx.now);
  return { on: pref.on, leadMinutes: REMINDER_LEAD_MIN };
}
