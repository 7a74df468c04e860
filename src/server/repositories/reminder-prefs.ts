import { COLLECTIONS } from '@/contracts/collections';
import { slotKeysOf } from '@/domain/duty/reminders';
import { db } from '../cloud';
import { fetchById } from './query';
import type { DutyDoc } from './duties';

/** A teacher's 上课前提醒 switch, with the slot keys of their active duties (the timer's index). */
export interface ReminderPrefDoc {
  _id: string;
  openid: string;
  on: boolean;
  slotKeys: string[];
  updatedAt: number;
}

export const reminderPref = (openid: string) => fetchById<ReminderPrefDoc>(COLLECTIONS.reminderPrefs, openid);

/** Writes the switch with the current slot keys of the teacher's duties. */
export async function savePref(
  openid: string,
  on: boolean,
  duties: readonly DutyDoc[],
  nowMs: number,
): Promise<ReminderPrefDoc> {
  const doc: ReminderPrefDoc = { _id: openid, openid, on, slotKeys: on ? slotKeysOf(duties) : [], updatedAt: nowMs };
  const { _id, ...data } = doc;
  await db().collection(COLLECTIONS.reminderPrefs).doc(_id).set({ data });
  return doc;
}

/** Keeps the index in step with the duties when the teacher opens the app (a write only when it changed). */
export async function refreshPref(
  pref: ReminderPrefDoc | null,
  duties: readonly DutyDoc[],
  nowMs: number,
): Promise<void> {
  if (!pref?.on) return;
  const keys = slotKeysOf(duties);
  if (keys.join(',') !== pref.slotKeys.join(',')) await savePref(pref.openid, true, duties, nowMs);
}

/**
 * A duty was approved for `openid`: a teacher with 上课前提醒 on is reminded of it from its first session
 * (the timer reads the switch's slot keys, so they must include the new duty's). One read when off.
 */
export async function followNewDuty(openid: string, duties: readonly DutyDoc[], nowMs: number): Promise<void> {
  await refreshPref(await reminderPref(openid), duties, nowMs);
}
