import { addDays, dateIn, daysFrom, hmIn, instantAt, startOfDayIn } from './time';

/** The window a per-caller limit counts in. */
export type LimitWindow = 'minute' | 'hour' | 'day';

/** At most `max` calls per caller in each `per` window (fixed windows: minute, hour, China calendar day). */
export interface RateLimit {
  per: LimitWindow;
  max: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

/**
 * The window `nowMs` falls in, as [start, end) in ms. Minutes and hours are aligned to the epoch (China
 * is a whole-hour offset, so they are China's too); days start at midnight China time, so "明天" means
 * what a parent thinks it means.
 */
export function windowOf(per: LimitWindow, nowMs: number, zone: string): { start: number; end: number } {
  if (per === 'day') {
    const start = startOfDayIn(nowMs, zone);
    return { start, end: instantAt(addDays(dateIn(nowMs, zone), 1), '00:00', zone) };
  }
  const len = per === 'minute' ? MINUTE : HOUR;
  const start = Math.floor(nowMs / len) * len;
  return { start, end: start + len };
}

/** Seconds until the window ends (at least 1): the retry-after of a refusal. */
export const retryAfterSeconds = (windowEnd: number, nowMs: number): number =>
  Math.max(1, Math.ceil((windowEnd - nowMs) / 1000));

const PER_LABEL: Record<LimitWindow, string> = { minute: '每分钟', hour: '每小时', day: '每天' };

/** The Chinese refusal: how many calls the window allows and when the caller may try again. */
export function rateLimitMessage(limit: RateLimit, windowEnd: number, nowMs: number, zone: string): string {
  const head = `操作太频繁（${PER_LABEL[limit.per]}最多 ${limit.max} 次）`;
  const secs = retryAfterSeconds(windowEnd, nowMs);
  if (secs < 120) return `${head}，请 ${secs} 秒后再试`;
  return `${head}，请在 ${whenLabel(windowEnd, nowMs, zone)} 后再试`;
}

/** "15:00" today, "明天 00:00" or "12月3日 00:00" (China time). */
export function whenLabel(atMs: number, nowMs: number, zone: string): string {
  const date = dateIn(atMs, zone);
  const days = daysFrom(dateIn(nowMs, zone), date);
  const time = hmIn(atMs, zone);
  if (days === 0) return time;
  if (days === 1) return `明天 ${time}`;
  return `${+date.slice(5, 7)}月${+date.slice(8, 10)}日 ${time}`;
}

/**
 * Invite binding: wrong codes a caller may try per window before binding locks until the window ends.
 * Five per hour makes guessing an 8-character code hopeless while a typo or two costs nothing.
 */
export const BIND_FAILURES: RateLimit = { per: 'hour', max: 5 };

export function bindLockedMessage(windowEnd: number, nowMs: number, zone: string): string {
  return lockedMessage('邀请码', BIND_FAILURES, windowEnd, nowMs, zone);
}

/**
 * 扫码签到: wrong presence codes a teacher may send per window before code check-ins lock until the
 * window ends. The 6 typed digits give 2 in 10⁶ per try (two steps accepted): ten tries an hour keep a
 * scripted guess hopeless while a mistyped code or two costs nothing.
 */
export const PRESENCE_CODE_FAILURES: RateLimit = { per: 'hour', max: 10 };

export function presenceLockedMessage(windowEnd: number, nowMs: number, zone: string): string {
  return lockedMessage('签到码', PRESENCE_CODE_FAILURES, windowEnd, nowMs, zone);
}

function lockedMessage(what: string, limit: RateLimit, windowEnd: number, nowMs: number, zone: string): string {
  return `${what}错误次数过多（${PER_LABEL[limit.per]}最多 ${limit.max} 次），已暂时锁定，请在 ${whenLabel(windowEnd, nowMs, zone)} 后再试`;
}
