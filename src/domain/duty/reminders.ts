/**
 * 上课前提醒: a teacher who turned reminders on gets one subscribe message REMINDER_LEAD_MIN before
 * each session at the host school (钉钉/企业微信 打卡 do the same). The session list is the schedule's
 * own (sessionsOnDate: active duties only, inside the term, on the slot's weekday, China time): a
 * reminder is never sent for a session the clock would not accept. There is no holiday calendar in
 * the app; when the schedule learns one, reminders follow it without a change here.
 *
 * A timer runs every few minutes and sends reminders for the sessions starting within the next
 * REMINDER_LEAD_MIN minutes. A reminder is claimed first (one document per teacher, date and slot,
 * inserted atomically): overlapping runs, retries and a slow run never send twice.
 */
import { addDays, dateIn, hmIn } from '../time';
import { weekdayOf } from './calendar';
import { sessionsBetween, type DutySession } from './schedule';
import type { Duty } from './types';

/** Minutes before the start a reminder goes out (one place: the timer, the page and the README use it). */
export const REMINDER_LEAD_MIN = 30;
/** How often the timer runs (minutes); config.json's cron says the same. */
export const REMINDER_TIMER_EVERY_MIN = 5;

/** A slot's start as an index key: weekday (1–7) and 'HH:mm' of the China wall clock. */
export const slotKey = (weekday: number, start: string): string => `${weekday}|${start}`;

/** The slot keys of a teacher's active duties (what the timer's query looks up), sorted and unique. */
export function slotKeysOf(duties: readonly Duty[]): string[] {
  const keys = new Set<string>();
  for (const d of duties) if (d.status === 'active') for (const s of d.slots) keys.add(slotKey(s.weekday, s.start));
  return [...keys].sort();
}

/**
 * The slot keys a run at nowMs looks for: every minute starting after now and up to the lead, as
 * weekday and wall time in the zone (across midnight the weekday changes with the date).
 */
export function windowSlotKeys(nowMs: number, zone: string, leadMin: number = REMINDER_LEAD_MIN): string[] {
  const keys: string[] = [];
  const firstMinute = Math.floor(nowMs / 60_000) + 1;
  for (let m = firstMinute; m <= Math.floor((nowMs + leadMin * 60_000) / 60_000); m++) {
    const at = m * 60_000;
    keys.push(slotKey(weekdayOf(dateIn(at, zone)), hmIn(at, zone)));
  }
  return keys;
}

/** The sessions of these duties that start after nowMs and within the lead: the ones to remind now. */
export function sessionsToRemind(
  duties: readonly Duty[],
  nowMs: number,
  zone: string,
  leadMin: number = REMINDER_LEAD_MIN,
): DutySession[] {
  const today = dateIn(nowMs, zone);
  const until = nowMs + leadMin * 60_000;
  return sessionsBetween(duties, today, addDays(today, 1), zone).filter((s) => s.startMs > nowMs && s.startMs <= until);
}

/** The claim of one reminder: one per teacher, session date and slot (safe as a document id). */
export const reminderClaimId = (teacherOpenid: string, sessionDate: string, slotStart: string): string =>
  `rm-${teacherOpenid}-${sessionDate}-${slotStart.replace(':', '')}`;

/** Minutes until the start, as the message says it ('30分钟后'). */
export const minutesUntil = (s: Pick<DutySession, 'startMs'>, nowMs: number): number =>
  Math.max(1, Math.round((s.startMs - nowMs) / 60_000));
