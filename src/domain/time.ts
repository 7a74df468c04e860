import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Every China-time helper of the product, in one module. Dates are zone-free 'YYYY-MM-DD' labels,
 * turned into instants only with the zone passed explicitly (instantAt), so the process zone (UTC in
 * the cloud) never leaks in. China has had no daylight saving since 1991: Shanghai is UTC+8 all year,
 * so a China date starts at 16:00 UTC the day before. The helpers still take the zone and work for any
 * zone (the tests run some in zones with DST), which keeps "China time" a parameter, never an accident.
 */

/** Every date rule of the product is decided in China time, whatever zone the process runs in. */
export const CHINA_ZONE = 'Asia/Shanghai';

/** A date written YYYY-MM-DD (the one pattern; isCalendarDate also checks the day exists). */
export const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
/** A wall-clock time written HH:mm (00:00–23:59). */
export const HM_RE = /^([01]\d|2[0-3]):([0-5]\d)$/;

/** True for a real calendar date written YYYY-MM-DD (2026-02-30 is not). */
export function isCalendarDate(s: string): boolean {
  const m = DATE_RE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** Another name of isCalendarDate, as the duty rules call it. */
export const isDate = isCalendarDate;

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
export function isoWeekday(date: string): 1 | 2 | 3 | 4 | 5 | 6 | 7 {
  const js = new Date(utcDay(date)).getUTCDay();
  return (js === 0 ? 7 : js) as 1 | 2 | 3 | 4 | 5 | 6 | 7;
}

/** 'YYYY-MM' of a date. */
export const monthOfDate = (date: string): string => date.slice(0, 7);

/** A 'YYYY-MM' month moved by whole months: 2026-12 + 1 → 2027-01. */
export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number);
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, '0')}`;
}

/** A month written YYYY-MM. */
export const MONTH_RE = /^\d{4}-(0[1-9]|1[0-2])$/;

/** First and last date of a 'YYYY-MM' month. */
export function monthBounds(month: string): { first: string; last: string } {
  if (!MONTH_RE.test(month)) throw new Error(`月份格式应为 YYYY-MM：${month}`);
  const [y, m] = month.split('-').map(Number);
  const last = new Date(Date.UTC(y, m, 0)).toISOString().slice(0, 10);
  return { first: `${month}-01`, last };
}

/** Every date from `from` to `to`, both inclusive (empty when to < from). */
export function datesBetween(from: string, to: string): string[] {
  const n = daysFrom(from, to);
  const out: string[] = [];
  for (let i = 0; i <= n; i++) out.push(addDays(from, i));
  return out;
}

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

/** The local date (YYYY-MM-DD) of an instant in the zone. */
export const dateIn = (ms: number, zone: string): string => wallIso(ms, zone).slice(0, 10);

/** The calendar date (YYYY-MM-DD) of an instant in the given zone (the name the enrolment rules use). */
export const localDate = dateIn;

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
  // A second pass settles zones whose offset differs between the guess and the answer (DST; not China).
  return wall - offsetMin(guess, zone) * 60_000;
}

/** The instant the zone's day of `ms` starts (midnight, local). */
export const startOfDayIn = (ms: number, zone: string): number => instantAt(dateIn(ms, zone), '00:00', zone);

/**
 * The school year an instant falls in, named by the calendar year it starts: the 2026 school year runs
 * from 1 September 2026 to 31 August 2027 (China time).
 */
export function schoolYearOf(nowMs: number, zone: string): number {
  const date = dateIn(nowMs, zone);
  const year = +date.slice(0, 4);
  return +date.slice(5, 7) >= 9 ? year : year - 1;
}

/** "2026—2027学年" */
export function schoolYearLabel(year: number): string {
  return `${year}—${year + 1}学年`;
}

/**
 * "2027年秋季入学 · 2020-09-01至2021-08-31出生": an intake as parents ask about it, with the births it
 * admits under the national cut-off (满6周岁 on 31 August).
 */
export function intakeLabel(intakeYear: number): string {
  return `${intakeYear}年秋季入学 · ${intakeYear - 7}-09-01至${intakeYear - 6}-08-31出生`;
}
