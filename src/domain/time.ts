import dayjs from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';

dayjs.extend(utc);
dayjs.extend(timezone);

/** Every date rule of the product is decided in China time, whatever zone the process runs in. */
export const CHINA_ZONE = 'Asia/Shanghai';

/** The calendar date (YYYY-MM-DD) of an instant in the given zone. */
export function localDate(nowMs: number, zone: string): string {
  return dayjs(nowMs).tz(zone).format('YYYY-MM-DD');
}

/**
 * The school year an instant falls in, named by the calendar year it starts: the 2026 school year runs
 * from 1 September 2026 to 31 August 2027 (China time).
 */
export function schoolYearOf(nowMs: number, zone: string): number {
  const local = dayjs(nowMs).tz(zone);
  return local.month() >= 8 ? local.year() : local.year() - 1;
}

/** "2026—2027学年" */
export function schoolYearLabel(year: number): string {
  return `${year}—${year + 1}学年`;
}
