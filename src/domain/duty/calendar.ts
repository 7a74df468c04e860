import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import type { Weekday } from './types';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Calendar arithmetic on 'YYYY-MM-DD' strings. Dates are zone-free labels here: they are turned into
 * instants only by instantAt, with the zone passed explicitly, so the process zone (UTC in the cloud)
 * never leaks in.
 */

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const HM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

export const isDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
};

export const isHm = (s: string): boolean => HM_RE.test(s);

/** Minutes after midnight of an 'HH:mm'. */
export function hmMinutes(hm: string): number {
  const m = HM_RE.exec(hm);
  if (!m) throw new Error(`时间格式应为 HH:mm：${hm}`);
  return +m[1] * 60 + +m[2];
}

const utcDay = (date: string): number => {
  const m = DATE_RE.exec(date);
  if (!m) throw new Error(`日期格式应为 YYYY-MM-DD：${date}`);
  return Date.UTC(+m[1], +m[2] - 1, +m[3]);
};

const DAY_MS = 86_400_000;

export function addDays(date: string, n: number): string {
  return new Date(utcDay(date) + n * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from one date to another (negative when `to` is earlier). */
export function daysFrom(from: string, to: string): number {
  return Math.round((utcDay(to) - utcDay(from)) / DAY_MS);
}

/** ISO weekday of a calendar date: 2026-11-23 → 1 (Monday). */
export function weekdayOf(date: string): Weekday {
  const js = new Date(utcDay(date)).getUTCDay();
  return (js === 0 ? 7 : js) as Weekday;
}

/** 'YYYY-MM' of a date. */
export const monthOfDate = (date: string): string => date.slice(0, 7);

/**
 * Offset of the zone from UTC at an instant, in minutes (Shanghai: +480). dayjs' zone lookup costs a
 * fraction of a millisecond, which a district's month (tens of thousands of sessions) multiplies into
 * seconds; offsets only change on quarter-hour boundaries, so they are memoised per quarter hour.
 */
const offsetCache = new Map<string, number>();
const QUARTER_MS = 900_000;
function offsetMin(ms: number, zone: string): number {
  const key = `${zone}|${Math.floor(ms / QUARTER_MS)}`;
  let off = offsetCache.get(key);
  if (off === undefined) {
    if (offsetCache.size > 200_000) offsetCache.clear();
    off = dayjs(ms).tz(zone).utcOffset();
    offsetCache.set(key, off);
  }
  return off;
}

/** The wall clock of an instant in the zone, as an ISO string without offset. */
const wallIso = (ms: number, zone: string): string => new Date(ms + offsetMin(ms, zone) * 60_000).toISOString();

/** The local date of an instant in the zone. */
export const dateIn = (ms: number, zone: string): string => wallIso(ms, zone).slice(0, 10);

/** 'HH:mm' of an instant in the zone. */
export const hmIn = (ms: number, zone: string): string => wallIso(ms, zone).slice(11, 16);

/** 'YYYY-MM-DD HH:mm' of an instant in the zone. */
export const dateTimeIn = (ms: number, zone: string): string => {
  const iso = wallIso(ms, zone);
  return `${iso.slice(0, 10)} ${iso.slice(11, 16)}`;
};

/**
 * The instant of a wall-clock time on a date in the zone. Computed from the zone's offset rather than
 * by parsing, so the process zone (and its DST gaps) cannot shift the result.
 */
export function instantAt(date: string, hm: string, zone: string): number {
  const wall = utcDay(date) + hmMinutes(hm) * 60_000;
  const guess = wall - offsetMin(wall, zone) * 60_000;
  // A second pass settles zones whose offset differs between the guess and the answer (DST).
  return wall - offsetMin(guess, zone) * 60_000;
}

/** Every date from `from` to `to`, both inclusive (empty when to < from). */
export function datesBetween(from: string, to: string): string[] {
  const n = daysFrom(from, to);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}

/** First and last date of a 'YYYY-MM' month. */
export function monthBounds(month: string): { first: string; last: string } {
  if (!/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new Error(`月份格式应为 YYYY-MM：${month}`);
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last };
}
