import { readFileSync } from 'fs';
import path from 'path';
import { CSV_HEADER, DEFAULT_DUTY_POLICY, addDays } from '@/domain/duty';
import type { ClockRecord, Duty, DutyPolicy, DutySlot, SubsidyTableFile } from '@/domain/duty';
import { cn } from '../fixtures';

export { CN, at, cn } from '../fixtures';

export const POLICY: DutyPolicy = { ...DEFAULT_DUTY_POLICY };

/** The subsidy table the app ships (data/subsidy-table.json), read as the functions read it. */
export const SUBSIDY_TABLE = JSON.parse(
  readFileSync(path.resolve(__dirname, '../../../data/subsidy-table.json'), 'utf8'),
) as SubsidyTableFile;

/** The index of a 考勤 CSV column, by its Chinese header. */
export const csvCol = (name: (typeof CSV_HEADER)[number]): number => CSV_HEADER.indexOf(name);
/** A 考勤 CSV row as its cells by column header, to compare a few columns by name. */
export const csvByHeader = (row: readonly string[]): Record<(typeof CSV_HEADER)[number], string> =>
  Object.fromEntries(CSV_HEADER.map((name, i) => [name, row[i]])) as Record<(typeof CSV_HEADER)[number], string>;

export const MIN = 60_000;

export const slot = (weekday: DutySlot['weekday'], start: string, end: string, periods = 1): DutySlot => ({
  weekday,
  start,
  end,
  periods,
});

export function duty(over: Partial<Duty> = {}): Duty {
  return {
    _id: 'd1',
    teacherOpenid: 't1',
    teacherName: '王老师',
    homeSchoolId: 'home1',
    hostSchoolId: 'host1',
    districtCode: '120102',
    kind: 'cross-teaching',
    slots: [slot(1, '08:00', '08:45')],
    termStart: '2026-09-01',
    termEnd: '2027-01-20',
    approvalId: 'a1',
    status: 'active',
    sample: true,
    ...over,
  };
}

/** 走教 at host2 on Monday nights, 23:00 to 01:00 the next day: a session across midnight (and month ends). */
export const nightDuty = (over: Partial<Duty> = {}): Duty =>
  duty({ _id: 'd2', kind: 'itinerant', hostSchoolId: 'host2', slots: [slot(1, '23:00', '01:00')], ...over });

/** A clean record of a session: clocked in at `inAt`, out at `outAt`. */
export function record(
  over: Partial<ClockRecord> & Pick<ClockRecord, 'sessionDate' | 'slotStart' | 'slotEnd'>,
): ClockRecord {
  return {
    _id: `r-${over.dutyId ?? 'd1'}-${over.sessionDate}-${over.slotStart}`,
    dutyId: 'd1',
    teacherOpenid: 't1',
    hostSchoolId: 'host1',
    clockInAt: null,
    clockOutAt: null,
    inDistanceM: 50,
    inPass: true,
    outDistanceM: 60,
    outPass: true,
    late: false,
    leftEarly: false,
    makeup: false,
    ...over,
  };
}

/** A record clocked in at `inHm` (China time on the session date; the slot start unless said) and not yet out. */
export const clockedIn = (
  sessionDate: string,
  slotStart: string,
  slotEnd: string,
  inHm: string = slotStart,
  over: Partial<ClockRecord> = {},
): ClockRecord => record({ sessionDate, slotStart, slotEnd, clockInAt: cn(sessionDate, inHm), ...over });

/** nightDuty's session of `date`, clocked in at 23:00 and out at 01:00 the next morning (China time). */
export const nightRecord = (date: string, over: Partial<ClockRecord> = {}): ClockRecord =>
  record({
    dutyId: 'd2',
    hostSchoolId: 'host2',
    sessionDate: date,
    slotStart: '23:00',
    slotEnd: '01:00',
    clockInAt: cn(date, '23:00'),
    clockOutAt: cn(addDays(date, 1), '01:00'),
    ...over,
  });
