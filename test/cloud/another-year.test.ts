import { ambientStart } from '../helpers/clock';
import { useTestApp } from '../helpers/local-app';
import { presenceCodeAt } from '../helpers/presence';
import { addDays, CHINA_ZONE, dateIn, instantAt, isoWeekday, schoolYearOf } from '@/domain/time';

// The product in other years: the app seeded and run at an instant of another year (the seed follows
// the school year of its instant), not only in 2026. The first instant is the run's own test date, so
// CI's run with XUEQU_TEST_TODAY (tools/test.mjs) takes the product to that year as well.
const INSTANTS: Array<[string, number]> = [
  ['the test date of this run', ambientStart()],
  ['2029-03-14 10:00 (a Wednesday of the spring term)', Date.parse('2029-03-14T02:00:00Z')],
  ['2028-09-01 01:00 (the first hour of a school year, a leap year)', Date.parse('2028-08-31T17:00:00Z')],
  ['2028-02-29 10:00 (a leap day, winter holidays)', Date.parse('2028-02-29T02:00:00Z')],
];

const TEACHER = { OPENID: 'o-local-hd-teacher', APPID: 'wx-test' };

describe.each(INSTANTS)('at %s', (_label, instant) => {
  const app = useTestApp({ now: () => Date.now() }, instant);
  const year = schoolYearOf(instant, CHINA_ZONE);
  const invoke = async (
    fn: string,
    data: Record<string, unknown>,
    who: { OPENID: string; APPID: string } | null = null,
  ) => ((await app.cloud.invoke(fn, data, who)) as { result: any }).result;

  beforeEach(() => jest.setSystemTime(instant));

  it('入学条件 default to the school year of the day; a year without published rules says so and names the years there are', async () => {
    const byDefault = await invoke('school', { action: 'enrolmentRules', districtCode: '120102' });
    expect(byDefault).toEqual(
      await invoke('school', { action: 'enrolmentRules', districtCode: '120102', schoolYear: year }),
    );
    // The rules are the bureau's published documents (policy seeds), for 2026—2027 only: not made up for other years.
    if (year === 2026) expect(byDefault.ok).toBe(true);
    else {
      expect(byDefault).toMatchObject({ ok: false, code: 'NOT_FOUND', field: 'schoolYear' });
      expect(byDefault.message).toBe(
        `暂无河东区${year}—${year + 1}学年的入学规则（已有：2026—2027学年），请以区教育局公布为准`,
      );
    }
  });

  it('the teacher clocks in on the first Monday session of the term from that day, and the month counts it', async () => {
    // The seeded duty dt-hd-teacher-1: Mondays and Thursdays 09:55–11:30 from 1 September of the school year.
    let day = dateIn(instant, CHINA_ZONE);
    if (day < `${year}-09-01`) day = `${year}-09-01`;
    while (isoWeekday(day) !== 1) day = addDays(day, 1);
    const tenOClock = instantAt(day, '10:00', CHINA_ZONE);
    jest.setSystemTime(tenOClock);

    const today = await invoke('duty', { action: 'today' }, TEACHER);
    expect(today.ok).toBe(true);
    expect(today.data.sessions[0]).toMatchObject({ sessionDate: day, slotStart: '09:55', status: 'open', today: true });

    const seeded = app.cloud.store.find('duties', { _id: 'dt-hd-teacher-1' })[0] as any;
    const presenceCode = presenceCodeAt(seeded.hostSchoolId, tenOClock).token;
    const clockIn = await invoke(
      'duty',
      { action: 'clockIn', requestId: `req-year-${day}`, location: seeded.hostLocation, presenceCode },
      TEACHER,
    );
    expect(clockIn).toMatchObject({ ok: true, data: { pass: true, late: false, at: `${day} 10:00` } });

    const month = await invoke('duty', { action: 'month', month: day.slice(0, 7) }, TEACHER);
    expect(month.ok).toBe(true);
    expect(month.data.lines.find((l: any) => l.sessionDate === day)).toMatchObject({ clockIn: `${day} 10:00` });
  });
});
