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

/**
 * "2027年秋季入学 · 2020-09-01至2021-08-31出生": an intake as parents ask about it, with the births it
 * admits under the national cut-off (满6周岁 on 31 August).
 */
export function intakeLabel(intakeYear: number): string {
  return `${intakeYear}年秋季入学 · ${intakeYear - 7}-09-01至${intakeYear - 6}-08-31出生`;
}
