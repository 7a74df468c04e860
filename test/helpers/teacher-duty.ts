import type { LocalApp } from '../../local/app';

/**
 * The Hedong demo teacher's 走教 duty dt-hd-teacher-1 in the seed (Mondays and Thursdays 09:55–11:30 at
 * 第四十五中学, hd-s01), as the 签到 tests read it from the suite's app (`appOf`, once started).
 */
export function teacherDutyOf(appOf: () => LocalApp) {
  const duty1 = () => appOf().cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as any;
  /** The host school's location: a clock-in there is within range. */
  const here = () => duty1().hostLocation as { latitude: number; longitude: number };
  /** About a kilometre north of the host school: out of range. */
  const farAway = () => ({ latitude: here().latitude + 0.01, longitude: here().longitude });
  /** The id of the 09:55 session on `date` (its clock record's id). */
  const SESSION = (date: string) => `dt-hd-teacher-1-${date}-0955`;
  const record = (date: string) => appOf().cloud.store.find('clock_records', { _id: SESSION(date) })[0] as any;
  /** A clock-in's (or clock-out's) input at the host school; `over` adds a presenceCode or changes the place. */
  const atHost = (requestId: string, over: Record<string, unknown> = {}) => ({ requestId, location: here(), ...over });
  return { duty1, here, farAway, SESSION, record, atHost };
}

/**
 * A clock record of the demo teacher as stored before 扫码签到 (no presence field): in at `start` and out
 * at `end` (China time) on `date`, both within range; `over` changes any field.
 */
export const storedClockRecord = (
  id: string,
  dutyId: string,
  hostSchoolId: string,
  date: string,
  start: string,
  end: string,
  over: Record<string, unknown> = {},
) => ({
  _id: id,
  dutyId,
  teacherOpenid: 'o-local-hd-teacher',
  hostSchoolId,
  sessionDate: date,
  slotStart: start,
  slotEnd: end,
  clockInAt: Date.parse(`${date}T${start}:00+08:00`),
  clockOutAt: Date.parse(`${date}T${end}:00+08:00`),
  inDistanceM: 40,
  inPass: true,
  outDistanceM: 50,
  outPass: true,
  late: false,
  leftEarly: false,
  makeup: false,
  inRequestId: null,
  outRequestId: null,
  ...over,
});
